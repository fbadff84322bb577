"""A question that asks several things, cut into the clauses that ask them.

"Sebenarnya ada batas waktu evaluasinya? Terus boleh nggak Bapperida minta pendapat kampus?"
asks two things, and the passage best for both at once is often the best for neither. Each
clause is searched on its own words (asisten.jawab.pipeline), so each thing asked gets a source.

A clause ends at a question mark followed by more text, and before a clause word ("dan",
"lalu", "terus"; data/clause_words.txt) or a comma that a question word follows ("…, dan siapa
pengelolanya?"), when the clause so far asks something itself. A lead-in without a question
word ("Kalau inovasinya gagal, apa akibatnya?") stays with the question it leads into.

An ASN often tells the situation first and asks after it: "Kabid kami mengusulkan inovasi
aplikasi, ternyata vendornya milik adiknya sendiri. Itu melanggar prinsip inovasi daerah?" The
sentences that tell (`told_and_asked`) weigh as much as the one that asks in the question's
words and vector, and draw the passages about the story (proposals, vendors); so the sentence
that asks one thing is searched on its own too, and what it asks about (the principles) gets
its source.
"""

from __future__ import annotations

import re

from asisten.indeks import text
from asisten.indeks.lexicon import word_list

CLAUSE_WORDS_FILE = "clause_words.txt"
QUESTION_WORDS_FILE = "question_words.txt"
# The words by which a later clause points back at what the question is about ("its", "itu").
REFERRING_WORDS_FILE = "referring_words.txt"

_TOKEN = re.compile(r"[^\W_]+|[?,;]")
# A sentence ends at ".", "!" or "?" before a space, or at a line's end; not after a short word
# written with a capital ("Kab. Sleman", "No. 12") or any word of up to three letters ("dll.").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[a-z]{1,3})\.$")


def is_question_word(word: str) -> bool:
    """A question word as written or in chat spelling ("gmn" → "bagaimana")."""
    questions = word_list(QUESTION_WORDS_FILE)
    return any(piece in questions for piece in [word, *text.colloquial(word)])


def points_back(clause: str) -> bool:
    """Whether a clause points back at what an earlier one named ("… and what was its budget?"):
    a referring word of data/referring_words.txt, read after chat spelling and translation."""
    referring = word_list(REFERRING_WORDS_FILE)
    return any(word in referring for word in text.words(clause))


def count_question_words(question: str) -> int:
    return sum(is_question_word(m.group().lower()) for m in _TOKEN.finditer(question))


def told_and_asked(question: str) -> tuple[str, str]:
    """The sentences that open the question telling its setting, none of which asks anything
    (no question mark, no question word), and the rest from the first that asks; ("", the
    question) when it opens asking, or asks in no sentence."""
    sentences = split_sentences(question.strip())
    for i, sentence in enumerate(sentences):
        if "?" in sentence or count_question_words(sentence):
            return (" ".join(sentences[:i]), " ".join(sentences[i:])) if i else ("", question)
    return "", question


def split_sentences(passage: str) -> list[str]:
    """The sentences of a question, as written."""
    sentences, start = [], 0
    for end in _SENTENCE_END.finditer(passage):
        if "\n" in end.group() or not _ABBREVIATION.search(passage[start : end.start()]):
            sentences.append(passage[start : end.start()])
            start = end.end()
    return [s for s in [*sentences, passage[start:]] if s.strip()]


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
