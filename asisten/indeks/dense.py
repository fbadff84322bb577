"""The dense side of one index version: an ANN interface (build / search / save / load).

Small collections are searched exactly (faiss IndexFlatIP over L2-normalised vectors, cosine =
inner product). Above `dense.exact_up_to` chunks (asisten/data/skala.yaml) the index is IVF with
SQ8 codes: a question scans `nprobe` of √N lists instead of every vector. The kind and its
parameters are recorded in the version's manifest (`dense`), so a reader opens what was built.

The float32 vectors themselves are stored beside the index (`vectors.npy`, memory-mapped): an
approximate search's candidates are rescored exactly from them, a chunk found only by keyword
gets its exact cosine, and the next build reuses them by content hash.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from asisten.indeks import lexicon

INDEX_FILE = "dense.faiss"
VECTORS_FILE = "vectors.npy"
SETTINGS_FILE = "skala.yaml"


@dataclass(frozen=True)
class DenseIndex:
    index: Any  # faiss.Index
    description: dict[str, Any]
    # faiss search parameters keeping deleted rows out (see `live_only`), and the selector and
    # bitmap they point at, which must outlive them.
    params: Any = None
    keep: tuple = ()

    @property
    def exact(self) -> bool:
        return self.description["kind"] == "flat"

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal)

    @property
    def d(self) -> int:
        return int(self.index.d)

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The k best rows (-1 past the last one found), best first."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if self.params is None:
            return self.index.search(vectors, k)
        return self.index.search(vectors, k, params=self.params)

    def save(self, folder: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(folder / INDEX_FILE))


def settings() -> dict[str, Any]:
    return lexicon.yaml_data(SETTINGS_FILE)["dense"]


def build(vectors: np.ndarray) -> DenseIndex:
    """Exact up to the threshold, IVF above it; the choice goes into the description."""
    import faiss

    numbers = settings()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    count, dimension = vectors.shape[0], vectors.shape[1]
    if count <= numbers["exact_up_to"]:
        index = faiss.IndexFlatIP(dimension)
        if count:
            index.add(vectors)
        return DenseIndex(index, {"kind": "flat"})
    ivf = numbers["ivf"]
    lists = max(1, int(ivf["lists_per_sqrt"] * math.sqrt(count)))
    index = faiss.index_factory(dimension, f"IVF{lists},{ivf['codes']}", faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(
        count, size=min(count, lists * ivf["train_per_list"]), replace=False
    )
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    description = {"kind": "ivf", "lists": lists, "codes": ivf["codes"]}
    return _probing(DenseIndex(index, description))


def load(folder: Path, description: dict[str, Any]) -> DenseIndex:
    import faiss

    index = faiss.read_index(str(folder / INDEX_FILE))
    return (
        _probing(DenseIndex(index, description))
        if description["kind"] == "ivf"
        else DenseIndex(index, description)
    )


def _probing(dense: DenseIndex) -> DenseIndex:
    """An IVF index set to probe the share of its lists the data file asks for now."""
    share = settings()["ivf"]["probe_share"]
    dense.index.nprobe = max(1, math.ceil(share * dense.description["lists"]))
    return DenseIndex(dense.index, {**dense.description, "nprobe": dense.index.nprobe})


def live_only(dense: DenseIndex, live: np.ndarray) -> DenseIndex:
    """The same index searching only the rows `live` marks (faiss skips the others while it
    scans, so k live rows come back however many are deleted)."""
    import faiss

    bitmap = np.packbits(np.asarray(live, dtype=bool), bitorder="little")
    selector = faiss.IDSelectorBitmap(len(live), faiss.swig_ptr(bitmap))
    if dense.exact:
        params = faiss.SearchParameters(sel=selector)
    else:
        # Parameters replace the index's own settings: nprobe must be carried over.
        params = faiss.SearchParametersIVF(sel=selector, nprobe=dense.index.nprobe)
    return DenseIndex(dense.index, dense.description, params, (selector, bitmap))


def save_vectors(folder: Path, vectors: np.ndarray) -> None:
    np.save(folder / VECTORS_FILE, np.ascontiguousarray(vectors, dtype=np.float32))


def load_vectors(folder: Path) -> np.ndarray:
    return np.load(folder / VECTORS_FILE, mmap_mode="r")
