"""Repairing question words against the corpus vocabulary."""

from __future__ import annotations

import pytest

from asisten.indeks import text
from asisten.jawab.spelling import Speller, in_standard_spelling

VOCABULARY = {
    "inovasi": 50, "berinovasi": 3, "dipertanggungjawabkan": 2, "lewat": 4, "isinya": 2,
    "ini": 90, "tambahkan": 2, "kirim": 4, "susun": 3, "daring": 2, "sering": 3, "usulkan": 5, "penggunanya": 1, "pengusulan": 6, "ajukan": 3, "mutasikan": 1,
    "mar": 1,  # as in "14 Mar 2022"; "kemarkan" stems to it
    "temuan": 4, "admin": 2, "adilnya": 1,
}  # fmt: skip


@pytest.fixture
def speller():
    stems = {text.stem(w) for w in VOCABULARY}
    return Speller(VOCABULARY, lambda word: text.stem(word) in stems)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("inovsi", "inovasi"),  # one edit
        ("pengusulaan", "pengusulan"),
        ("dipertanggungjwbkn", "dipertanggungjawabkan"),  # vowels dropped in chat
        ("pnggunany", "penggunanya"),
        ("lwt", "lewat"),
        ("ngisinya", "isinya"),  # colloquial nasal prefix
        ("ajuin", "ajukan"),  # colloquial -in suffix
        ("nambahin", "tambahkan"),  # the nasal stands for the root's t-
        ("ngirim", "kirim"),
        ("nyusun", "susun"),
        # A clitic on a word Sastrawi's dictionary lacks, which its stemmer leaves whole.
        ("daringnya", "daring"),
        ("adminnya", "admin"),  # not "adilnya", two edits away
        ("daringkah", "daring"),
    ],
)
def test_repairs(speller, typed, meant):
    assert speller.repair(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "dini",  # one edit from "ini", but a function word is never the repair
        "merenovasi",  # two edits from "berinovasi", first letter differs
        "mutasi",  # a real word the corpus lacks, not a shortening of anything
        "bumi",  # too short to guess
        "during",  # English, not a misspelt "daring"
        "serving",
        "kemarin",  # a real word: its -in is no colloquial -kan ("kemarkan")
        "teman",  # a root word as written, not a shortening of "temuan"
        "abdullah",  # no clitic: "abdul" is no word the corpus knows
    ],
)
def test_real_words_are_left_alone(speller, word):
    assert speller.repair(word) == word


def _corpus_knows(word: str) -> bool:
    return word in VOCABULARY


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        # The team's list, then Kamus Alay; capitals and punctuation kept around them.
        ("blh gk sih dirombak dikit2 klo kurang pas?", "boleh tidak sih dirombak sedikit2 kalau kurang pas?"),
        ("Kadis kami udh setuju", "kepala dinas kami sudah setuju"),
        # An abbreviation the documents use too stays as typed: it is their word.
        ("Pemda wajib ksh tanda terima", "Pemda wajib kasih tanda terima"),
        # A word the corpus uses is no chat spelling, whatever Kamus Alay says of it.
        ("lewat daring", "lewat daring"),
        # Acronyms name things ("SMP" is a school, not "sampai"); typos stay as typed, since
        # their repair may be wrong.
        ("Kuota SMP di inovsi", "Kuota SMP di inovsi"),
    ],
)  # fmt: skip
def test_a_question_is_embedded_with_its_chat_spellings_written_out(typed, written):
    assert in_standard_spelling(typed, _corpus_knows) == written
