"""Words OCR misread in a scanned regulation are put back; words in use are never touched."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from asisten.kb import load_document
from asisten.kb.ocr import clean_regulation_text
from asisten.kb.ocr_words import repair_words, repairs_note
from asisten.kb.pdf import clean_pages
from tests.kb.conftest import LIMIT


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Kcpala dacrah", "Kepala daerah"),  # e read as c, capital kept
        ("gubemur", "gubernur"),  # rn read as m
        ("rurnah dalarn", "rumah dalam"),  # m read as rn
        ("peiayanan", "pelayanan"),  # l read as i
        ("lnovasi", "inovasi"),  # i read as l
        ("je1as", "jelas"),  # l read as the digit 1
        ("pacla", "pada"),  # d read as cl
        ("verilikasi", "verifikasi"),  # f read as l
        ("tambahan Llang persediaan", "tambahan uang persediaan"),  # u read as Ll
        ("Iaporan", "laporan"),  # a misread capital is no capital
        ("pcmcrintah", "pemerintah"),  # two misreadings in one word
        ("KCPALA DAERAH", "KEPALA DAERAH"),
    ],
)
def test_a_misread_word_is_put_back(read, printed):
    assert repair_words(read) == printed


@pytest.mark.parametrize(
    "written",
    [
        "rinci dan rincian",  # a word in use, however close a dictionary oddity is ("rinel")
        "BUMN dan pemda di Pekanbaru",  # acronyms and names in use
        "Hendrar Prihadi, Abdullah",  # names
        "IPUI dan SIKN",  # a short all-capital word is an acronym, however rare
        "kapanewon dan kalurahan di Sleman",  # regional words no list holds
        "during the meeting",  # English
        "masing-masing Pasal 12 ayat (1)",
        # Words run together past the longest Indonesian word are no misread word.
        "pemberdayaanPemerintahanDaerahkcuangan",
    ],
)
def test_a_word_in_use_is_left_as_written(written):
    assert repair_words(written) == written


def test_the_cleaning_of_a_regulation_text_repairs_its_words():
    noisy = "Pasal 42\n(1) Kcpala dacrah dijatuhi sanksi tidak dibayarkan hak kcuangan sclama 3 (tiga) bulan."
    assert "Kepala daerah dijatuhi sanksi tidak dibayarkan hak keuangan selama 3 (tiga) bulan" in (
        clean_regulation_text(noisy)
    )


def test_a_scanned_regulation_is_indexed_in_the_words_it_prints(corpus_uji):
    """PP 12/2017 as published is an OCR text with an e read as c in one word of twenty: its
    sanction pasal now says what a question asks in the words it asks them."""
    document = load_document(corpus_uji / "pp-12-2017-pembinaan-pengawasan-pemda.md", LIMIT)
    chunks = [c for c in document.chunks if c.citation.startswith("PP 12/2017 Pasal 42")]
    said = " ".join(c.text for c in chunks)
    assert "meliputi seluruh hak keuangan" in said
    assert "gubernur sebagai wakil Pemerintah Pusat" in said
    misread = re.findall(r"\b(?:dacrah|kcuangan|pcraturan|scbagaimana|gubemur)\b", said, re.I)
    assert not misread
    # The admin is told the text was repaired, and how much: the ingestion report's warning.
    (note,) = [w for w in document.warnings if "salah baca OCR" in w]
    count = int(note.split()[0])
    assert count > 300 and "dacrah → daerah" in note


def test_a_clean_official_text_reports_no_repair(corpus_uji):
    document = load_document(corpus_uji / "uu-9-2015-perubahan-kedua-uu23-2014.md", LIMIT)
    assert not [w for w in document.warnings if "salah baca OCR" in w]


def test_repairs_are_counted_for_the_report():
    repairs = Counter()
    repair_words("Kcpala dacrah dan kcpala dinas di dacrah itu", repairs)
    assert repairs == Counter(
        {("Kcpala", "Kepala"): 1, ("dacrah", "daerah"): 2, ("kcpala", "kepala"): 1}
    )
    assert repairs_note(repairs).startswith(
        "4 kata salah baca OCR diperbaiki (misalnya dacrah → daerah"
    )


def test_a_rarer_word_is_put_back_when_the_text_writes_it_elsewhere():
    """ "pembantuan" is in no frequency list; the text's own spelling of it is the evidence."""
    assert repair_words("tugas pcmbantuan") == "tugas pcmbantuan"
    assert repair_words("tugas pcmbantuan dan tugas pembantuan") == (
        "tugas pembantuan dan tugas pembantuan"
    )


def test_a_word_misread_on_one_page_is_put_back_as_another_page_writes_it():
    """A PDF is cleaned page by page; the evidence for a rarer word is the whole document."""
    pages = ["Pasal 1\ntugas pcmbantuan", "Pasal 2\ntugas pembantuan dari provinsi"]
    text, starts = clean_pages(pages)
    assert text.split("\n")[1] == "tugas pembantuan"
    assert starts == [0, len("Pasal 1\ntugas pembantuan") + 1]
