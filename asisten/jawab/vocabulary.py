"""What one index version knows of words: which stems occur, and how telling each one is (IDF).

Built once per index version and read by both the question analysis (is a word known? is it a
typo of a known one?) and retrieval (how much of the question a passage covers). Which chunks
hold a stem, and in how many it occurs, come from the keyword index's own columns
(asisten.indeks.keyword), so nothing here grows with the number of chunks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from asisten.indeks import text
from asisten.indeks.keyword import KeywordIndex


class Vocabulary:
    def __init__(self, keyword: KeywordIndex, counts: dict[str, int]) -> None:
        self.keyword = keyword
        n = max(1, keyword.live_size)  # deleted chunks do not count
        self.idf = {t: math.log(1 + n / d) for t, d in keyword.chunk_frequencies().items() if d}
        # A stem the corpus never uses weighs as much as the rarest possible one.
        self.max_idf = math.log(1 + n)
        # Surface words with their counts, for typo repair.
        self.counts = counts

    def knows(self, word: str) -> bool:
        return word.isdigit() or text.stem(word) in self.idf

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.max_idf)

    def shared(self, rows: Iterable[int], stems: Iterable[str]) -> dict[int, dict[str, float]]:
        """For each chunk row, the stems it holds (in the order given) with their IDF."""
        rows = list(rows)
        found: dict[int, dict[str, float]] = {row: {} for row in rows}
        ordered = np.asarray(sorted(rows), dtype=np.int64)
        for stem in stems:
            if stem not in self.idf:
                continue
            for row in ordered[self.keyword.holding(stem, ordered)].tolist():
                found[row][stem] = self.idf[stem]
        return found
