"""The keyword side of one index version: BM25 (bm25s) over the chunks' stemmed tokens.

bm25s saves its score matrix as numpy arrays (one column of precomputed BM25 scores per token,
the chunks holding it as row indices), so a version opens it memory-mapped: nothing is read
until a question touches a token, and two versions in memory share the page cache.

The same columns answer which chunks hold a token (coverage) and in how many chunks it occurs
(IDF), so no per-chunk token sets are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def build(corpus_tokens: Sequence[Sequence[str]]):
    """A bm25s index of the chunks' tokens (each chunk at least one token)."""
    import bm25s

    keyword = bm25s.BM25()
    keyword.index([list(t) for t in corpus_tokens], show_progress=False)
    return keyword


def idf(size: int, frequency: int | np.ndarray) -> float | np.ndarray:
    """bm25s's "lucene" IDF, the one its precomputed scores carry."""
    return np.log(1 + (size - frequency + 0.5) / (frequency + 0.5))


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


def merge(parts: Sequence[tuple[KeywordIndex, np.ndarray | None]]) -> tuple[KeywordIndex, Counter]:
    """One index of the live rows of `parts` (index, live mask or None), in order, scoring each
    row as its own part did: a stored score is its part's IDF times a term-frequency factor
    normalised by the part's average length; the factor is kept and the IDF becomes the merged
    index's. Searched beside other segments (asisten.indeks.segments rescales every column to the
    global IDF), the merged index ranks as its parts did, less the dropped rows. Also returns in
    how many dropped rows each token occurred (they leave the version's deleted tokens)."""
    tokens, rows, factors = [], [], []
    dropped: Counter[str] = Counter()
    vocabulary: dict[str, int] = {}
    offset = 0
    for part, live in parts:
        keep = np.ones(part.size, dtype=bool) if live is None else np.asarray(live, dtype=bool)
        renumbered = np.where(keep, offset + np.cumsum(keep) - 1, -1)
        offset += int(keep.sum())
        indptr = np.asarray(part._indptr, dtype=np.int64)
        counts = np.diff(indptr)
        names = {i: t for t, i in part.vocab.items() if i < len(counts)}
        global_ids = np.array(
            [vocabulary.setdefault(names[i], len(vocabulary)) for i in range(len(counts))]
        )
        local = np.repeat(np.arange(len(counts)), counts)
        new_rows = renumbered[np.asarray(part._indices)]
        kept = new_rows >= 0
        for token_id, gone in zip(*np.unique(local[~kept], return_counts=True), strict=True):
            dropped[names[int(token_id)]] += int(gone)
        factor = np.asarray(part._data, dtype=np.float64) / idf(part.size, counts)[local]
        tokens.append(global_ids[local[kept]])
        rows.append(new_rows[kept])
        factors.append(factor[kept])
    return _from_columns(vocabulary, np.concatenate(tokens), np.concatenate(rows),
                         np.concatenate(factors), offset), dropped  # fmt: skip


def _from_columns(
    vocabulary: dict[str, int], tokens: np.ndarray, rows: np.ndarray, factors: np.ndarray, size: int
) -> KeywordIndex:
    import bm25s

    # Stable: within a column rows stay ascending, as `holding` needs.
    order = np.argsort(tokens, kind="stable")
    tokens, rows, factors = tokens[order], rows[order], factors[order]
    counts = np.bincount(tokens, minlength=len(vocabulary))
    # Tokens only dropped rows held are left out.
    present = np.flatnonzero(counts)
    compact = np.full(len(vocabulary), -1)
    compact[present] = np.arange(len(present))
    names = {t: int(compact[i]) for t, i in vocabulary.items() if compact[i] >= 0}
    counts = counts[present]
    bm25 = bm25s.BM25()
    bm25.vocab_dict = names
    bm25.nonoccurrence_array = None
    bm25.scores = {
        "data": (factors * idf(size, counts)[compact[tokens]]).astype(np.float32),
        "indices": rows.astype(np.int32),
        "indptr": np.concatenate([[0], np.cumsum(counts)]).astype(np.int32),
        "num_docs": size,
    }
    return KeywordIndex(bm25)
