"""A question that asks several things, cut into the clauses that ask them.

"Sebenarnya ada batas waktu evaluasinya? Terus boleh nggak Bapperida minta pendapat kampus?"
asks two things, and the passage best for both at once is often the best for neither. Each
clause is searched on its own words (asisten.jawab.pipeline), so each thing asked gets a source.

A clause ends at a question mark followed by more text, and before a clause word ("dan",
"lalu", "terus"; data/clause_words.txt) or a comma that a question word follows ("…, dan siapa
pengelolanya?"), when the clause so far asks something itself. A lead-in without a question
word ("Kalau inovasinya gagal, apa akibatnya?") stays with the question it leads into.
"""

from __future__ import annotations

import re

from asisten.indeks import text
from asisten.indeks.lexicon import word_list

CLAUSE_WORDS_FILE = "clause_words.txt"
QUESTION_WORDS_FILE = "question_words.txt"

_TOKEN = re.compile(r"[^\W_]+|[?,;]")


def is_question_word(word: str) -> bool:
    """A question word as written or in chat spelling ("gmn" → "bagaimana")."""
    questions = word_list(QUESTION_WORDS_FILE)
    return any(piece in questions for piece in [word, *text.colloquial(word)])


def count_question_words(question: str) -> int:
    return sum(is_question_word(m.group().lower()) for m in _TOKEN.finditer(question))


def split_question(question: str) -> list[str]:
    """The clauses of a question, each as written (at least the whole question)."""
    tokens = list(_TOKEN.finditer(question))
    clause_words = word_list(CLAUSE_WORDS_FILE)
    cuts: list[int] = []
    start, asks = 0, False
    for i, token in enumerate(tokens):
        word = token.group().lower()
        previous = tokens[i - 1].group().lower() if i else ""
        cut = None
        if previous == "?" and token.group() not in "?,;":
            cut = token.start()
        elif is_question_word(word) and asks:
            # Before "dan siapa", ", siapa", ", dan siapa", "dan kepada siapa" and "dan unit
            # seperti apa": from the clause word or comma on; up to two words (a preposition,
            # what is asked about) may stand between.
            joiner = _joiner(tokens, i, clause_words)
            if joiner is not None and tokens[joiner].start() > start:
                cut = tokens[joiner].start()
        if cut is not None:
            cuts.append(cut)
            start, asks = cut, False
        asks = asks or is_question_word(word)
    bounds = [0, *cuts, len(question)]
    clauses = [question[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [c.strip(" ,;\n") for c in clauses if c.strip(" ,;?\n")] or [question]


def _joiner(tokens: list[re.Match], i: int, clause_words: frozenset[str]) -> int | None:
    """Where the clause that question word `i` opens starts, or None when no clause word or
    comma comes at most two words before it."""
    for back in (1, 2, 3):
        j = i - back
        if j < 1:
            return None
        word = tokens[j].group().lower()
        if word in clause_words or word in ",;":
            return j - 1 if word in clause_words and tokens[j - 1].group() in ",;" else j
        if word == "?" or is_question_word(word):
            return None
    return None
