"""Repairing words OCR misread inside an official text: "Kcpala dacrah" → "Kepala daerah".

The Markdown and PDF texts of scanned regulations carry the scanner's letter confusions (e for
c, l for i, m for rn). A misread word matches no question word in the keyword index, reads as
noise to the embedding model and is quoted as noise in an answer. The repair is conservative:
only a word in use nowhere is changed: no Indonesian dictionary word (Sastrawi's roots, with
affixes), no English word, and no word of wordfreq's Indonesian or English lists, which hold
names and acronyms too ("BUMN", "Pekanbaru"). It becomes a common Indonesian word (`min_zipf`)
reached by putting back the letters OCR confuses (asisten/data/huruf_ocr.yaml). Sastrawi's
dictionary alone lets odd entries through ("rinci" would read as its entry "rinel").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from wordfreq import zipf_frequency

from asisten.indeks import text
from asisten.indeks.lexicon import yaml_data

DATA_FILE = "huruf_ocr.yaml"
# A word as OCR leaves it: letters, with the digits it reads for letters inside ("je1as").
_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z01]*[A-Za-z](?![\w])")


@dataclass(frozen=True)
class _Settings:
    pairs: tuple[tuple[str, str], ...]
    max_repairs: int
    min_length: int
    max_length: int
    min_zipf: float
    acronym_length: int


@cache
def _settings() -> _Settings:
    data = yaml_data(DATA_FILE)
    return _Settings(
        tuple((str(read), str(meant)) for read, meant in data["confusions"]),
        int(data["max_repairs"]), int(data["min_length"]), int(data["max_length"]),
        float(data["min_zipf"]),
        int(data["acronym_length"]),
    )  # fmt: skip


def written_words(text: str) -> frozenset[str]:
    """The words a text writes (lower-case): a rarer word ("pembantuan", which wordfreq lacks)
    is what was printed when the same text writes it so elsewhere."""
    return frozenset(word.lower() for word in _WORD.findall(text))


def repair_words(
    passage: str,
    repairs: Counter[tuple[str, str]] | None = None,
    written: frozenset[str] | None = None,
) -> str:
    """The passage with each misread word put back (asisten/data/huruf_ocr.yaml); `repairs`
    counts each (as read, as put back), for the admin's ingestion report. `written` are the
    words of the whole document the passage is part of (a page of a PDF); by default the
    passage's own."""
    if written is None:
        written = written_words(passage)

    def put_back(match: re.Match[str]) -> str:
        word = _repaired_as_written(match.group(), written)
        if repairs is not None and word != match.group():
            repairs[(match.group(), word)] += 1
        return word

    return _WORD.sub(put_back, passage)


def repairs_note(repairs: Counter[tuple[str, str]]) -> str:
    """The ingestion report's line on the repairs: how many, and the commonest few."""
    commonest = ", ".join(f"{read} → {word}" for (read, word), _ in repairs.most_common(3))
    return f"{repairs.total()} kata salah baca OCR diperbaiki (misalnya {commonest})"


def _repaired_as_written(word: str, written: frozenset[str] = frozenset()) -> str:
    if word.isupper() and len(word) <= _settings().acronym_length:
        return word
    return _with_case(word, repaired(word.lower(), written))


def repaired(word: str, written: frozenset[str] = frozenset()) -> str:
    """The word OCR misread as `word` (lower-case), or `word` itself when it is in use already
    or no confusion of its letters leads to a word that is: a common Indonesian word, or a
    dictionary word among those `written` in the same text."""
    for readings in _readings(word):
        for reading in readings:
            if zipf_frequency(reading, "id") >= _settings().min_zipf or (
                reading in written and text.is_dictionary_word(reading)
            ):
                return reading
    return word


# Bounded: a long-running bot ingests many documents, each with its own unknown words.
@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a word in use nowhere with one confusion put back, then with two (up
    to `max_repairs`), in the data file's order; none for a word in use."""
    settings = _settings()
    if not settings.min_length <= len(word) <= settings.max_length or _in_use(word):
        return ()
    found, readings = [], [word]
    for _ in range(settings.max_repairs):
        readings = [v for reading in readings for v in _one_repair(reading, settings.pairs)]
        found.append(tuple(v for v in readings if v.isalpha()))
    return tuple(found)


def _in_use(word: str) -> bool:
    """Whether the word is written somewhere as it is: a word, a name or an acronym."""
    if not word.isalpha():
        return False
    return (
        zipf_frequency(word, "id") > 0
        or zipf_frequency(word, "en") > 0
        or text.is_dictionary_word(word)
        or text.is_english_word(word)
    )


def _one_repair(word: str, pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """Each reading of `word` with one confusion put back, in the data file's order."""
    return [
        word[: m.start()] + meant + word[m.end() :]
        for read, meant in pairs
        for m in re.finditer(re.escape(read), word)
    ]


def _with_case(written: str, word: str) -> str:
    """`word` in the case `written` had: "KCPALA" → "KEPALA", "Kcpala" → "Kepala". A capital
    that was itself the misreading ("Iaporan", "Llang" in mid-sentence) was no capital."""
    if word == written.lower():
        return written
    if written.isupper():
        return word.upper()
    capital = written[0].isupper() and written[0].lower() == word[0]
    return word.capitalize() if capital else word
