"""A regulation spelling out a long form ("Dewan Perwakilan Rakyat Daerah") and a question
writing its abbreviation ("DPRD") meet, and the other way round (asisten/data/singkatan.txt)."""

from __future__ import annotations

import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.engine import Engine
from tests.conftest import build_with, make_settings

# An old law, written before "DPRD" was the usual name.
OLD_LAW = """---
tipe: regulasi
jenis: UU
nomor: "7"
tahun: 1961
judul: Pokok-Pokok Pemerintahan Daerah Zurbagan
---
## Pasal 29

Dewan Perwakilan Rakyat Daerah bersidang sekurang-kurangnya sekali dalam tiga bulan.
"""

# A current one, writing only abbreviations.
NEW_LAW = """---
tipe: regulasi
jenis: PP
nomor: "13"
tahun: 2019
judul: Laporan Pemerintahan Daerah Zurbagan
---
## Pasal 5

Kepala daerah menyampaikan LKPJ kepada DPRD paling lambat tiga bulan setelah tahun anggaran
berakhir.
"""


@pytest.fixture
def engine(tmp_path) -> Engine:
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "uu-7-1961.md").write_text(OLD_LAW, encoding="utf-8")
    (corpus / "pp-13-2019.md").write_text(NEW_LAW, encoding="utf-8")
    config = make_settings(tmp_path / "home")
    embedder = HashingEmbedder(128)
    build_with(IndexStore(config.index_dir), [corpus], embedder)
    return Engine(config, embedder_factory=lambda name: embedder)


def test_an_abbreviation_finds_the_passage_spelling_it_out(engine):
    answer = engine.answer("Berapa kali DPRD wajib bersidang?")
    assert answer.found
    # The old law holds both words of the question; the new one, naming DPRD but no sitting,
    # is not brought beside it.
    assert [s.citation for s in answer.sources] == ["UU 7/1961 Pasal 29"]
    assert "sekali dalam tiga bulan" in answer.text


def test_a_long_form_finds_the_passage_writing_the_abbreviation(engine):
    answer = engine.answer("Kapan laporan keterangan pertanggungjawaban kepala daerah disampaikan?")
    assert answer.found
    assert answer.sources[0].citation == "PP 13/2019 Pasal 5"
    assert "lkpj" in answer.trace["query"]["stems"]
