"""What one index version knows of words: which stems occur, and how telling each one is (IDF).

Built once per index version and read by both the question analysis (is a word known? is it a
typo of a known one?) and retrieval (how much of the question a passage covers).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from asisten.indeks import text


class Vocabulary:
    def __init__(self, tokens: Sequence[Sequence[str]], counts: dict[str, int]) -> None:
        # Per chunk, for coverage; the same order as the index's chunks.
        self.token_sets = [set(t) for t in tokens]
        df: dict[str, int] = {}
        for tokens_of_chunk in self.token_sets:
            for token in tokens_of_chunk:
                df[token] = df.get(token, 0) + 1
        n = max(1, len(self.token_sets))
        self.idf = {t: math.log(1 + n / d) for t, d in df.items()}
        # A stem the corpus never uses weighs as much as the rarest possible one.
        self.max_idf = math.log(1 + n)
        # Surface words with their counts, for typo repair.
        self.counts = counts

    def knows(self, word: str) -> bool:
        return word.isdigit() or text.stem(word) in self.idf

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.max_idf)
