"""Tiered merging: the small segments of a version rewritten as one, the big one untouched.

A change that would leave too many segments (asisten/data/skala.yaml, `segments`) does not
rebuild the index. The newest small segments (asisten.indeks.append.merge_due picks them) and
the change's new chunks become one new segment, built from what the segments already hold: their
chunk rows, vectors and hashes are copied, and their keyword columns are merged with each row's
term-frequency factor kept (asisten.indeks.keyword.merge), so no file is read again, nothing is
embedded or tokenised again, and the new segment ranks as the segments it replaces did. Rows of
deleted documents in those segments are dropped on the way; the big segment keeps its deletion
markers until a full build. Only the new segment's dense index is built anew (exact when small,
as every segment chooses, asisten.indeks.dense.build).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import numpy as np

from asisten.indeks import keyword as keyword_index
from asisten.indeks.chunk_table import ChunkTable
from asisten.indeks.keyword import KeywordIndex
from asisten.indeks.store import HASHES_FILE, IndexStore
from asisten.kb.models import Chunk


@dataclass
class Merged:
    """The new segment's contents, the tier's live rows first, then the change's chunks."""

    chunks: list[Chunk]
    vectors: np.ndarray
    hashes: list[str]
    keyword: KeywordIndex | None
    # Rows of deleted documents left behind, and in how many of them each token occurred.
    dropped: int
    dropped_tokens: Counter[str]


def merge(
    store: IndexStore,
    tier: list[str],
    deleted: dict[str, list[str]],
    chunks: list[Chunk],
    vectors: np.ndarray,
    hashes: list[str],
    keyword: KeywordIndex | None,
) -> Merged:
    """The `tier` segments' rows that `deleted` (segment → document ids) leaves live, followed
    by the change's own `chunks` (with their vectors, hashes and keyword index)."""
    parts: list[tuple[KeywordIndex, np.ndarray | None]] = []
    kept_chunks: list[Chunk] = []
    kept_vectors, kept_hashes = [], []
    dropped = 0
    for name in tier:
        folder = store.versions_dir / name
        ids = list(json.loads((folder / "documents.json").read_text()))
        table = ChunkTable(folder, (), ids, deleted.get(name, ()))
        try:
            live = table.live if table.live is not None else np.ones(len(table), dtype=bool)
            kept_chunks.extend(table)
        finally:
            table.close()
        rows = np.flatnonzero(live)
        dropped += len(live) - len(rows)
        kept_vectors.append(np.load(folder / "vectors.npy", mmap_mode="r")[rows])
        kept_hashes.extend(bytes(h).hex() for h in np.load(folder / HASHES_FILE)[rows])
        parts.append((KeywordIndex.load(folder / "keyword"), live))
    if keyword is not None:
        parts.append((keyword, None))
    merged_keyword, dropped_tokens = keyword_index.merge(parts)
    return Merged(
        chunks=kept_chunks + chunks,
        vectors=np.concatenate([*kept_vectors, vectors]).astype(np.float32),
        hashes=kept_hashes + hashes,
        keyword=merged_keyword if merged_keyword.size else None,
        dropped=dropped,
        dropped_tokens=dropped_tokens,
    )
