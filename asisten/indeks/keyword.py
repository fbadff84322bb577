"""The keyword side of one index version: BM25 (bm25s) over the chunks' stemmed tokens.

bm25s saves its score matrix as numpy arrays (one column of precomputed BM25 scores per token,
the chunks holding it as row indices), so a version opens it memory-mapped: nothing is read
until a question touches a token, and two versions in memory share the page cache.

The same columns answer which chunks hold a token (coverage) and in how many chunks it occurs
(IDF), so no per-chunk token sets are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


def build(corpus_tokens: Sequence[Sequence[str]]):
    """A bm25s index of the chunks' tokens (each chunk at least one token)."""
    import bm25s

    keyword = bm25s.BM25()
    keyword.index([list(t) for t in corpus_tokens], show_progress=False)
    return keyword


class KeywordIndex:
    def __init__(self, bm25) -> None:
        self.bm25 = bm25
        self.vocab: dict[str, int] = bm25.vocab_dict
        self._data = bm25.scores["data"]
        self._indices = bm25.scores["indices"]
        self._indptr = bm25.scores["indptr"]
        self.size = int(bm25.scores["num_docs"])
        self._dtype = np.dtype(bm25.dtype)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(path), mmap=True))

    def save(self, path: Path) -> None:
        self.bm25.save(str(path))

    def scores(self, stems: Sequence[str]) -> np.ndarray:
        """BM25 of every chunk for these stems: bm25s's own `get_scores`, without its
        `np.add.at`. A column holds each chunk once, so a plain indexed addition makes the same
        float32 additions, an order of magnitude faster on long columns."""
        scores = np.zeros(self.size, dtype=self._dtype)
        for token_id in (self.vocab[s] for s in stems if s in self.vocab):
            start, end = self._indptr[token_id], self._indptr[token_id + 1]
            scores[self._indices[start:end]] += self._data[start:end]
        return scores

    @property
    def live_size(self) -> int:
        """Chunks that count for IDF (all of them; segments.SegmentedKeyword leaves out the
        deleted ones)."""
        return self.size

    def chunk_frequencies(self) -> dict[str, int]:
        """In how many chunks each token occurs."""
        counts = np.diff(np.asarray(self._indptr))
        return {token: int(counts[i]) for token, i in self.vocab.items() if i < len(counts)}

    def holding(self, token: str, rows: np.ndarray) -> np.ndarray:
        """Which of `rows` hold `token` (a boolean per row)."""
        token_id = self.vocab.get(token)
        if token_id is None:
            return np.zeros(len(rows), dtype=bool)
        column = self._indices[self._indptr[token_id] : self._indptr[token_id + 1]]
        # Rows are sorted within a column (bm25s builds it chunk by chunk).
        found = np.searchsorted(column, rows)
        inside = found < len(column)
        return inside & (column[np.minimum(found, len(column) - 1)] == rows)
