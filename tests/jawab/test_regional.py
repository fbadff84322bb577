"""A regional regulation (a Perda, a Pergub) governs its own region: it answers questions that
name that region, or name it, or come from a deployment serving that region."""

from __future__ import annotations

import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.engine import Engine
from tests.conftest import build_with, make_settings

REGIONAL = """---
tipe: regulasi
jenis: Pergub Zurbagan
nomor: "4"
tahun: 2022
judul: Tata Cara Kenaikan Pangkat Pegawai Provinsi Zurbagan
---
## Pasal 1

Kenaikan pangkat pegawai diusulkan oleh badan kepegawaian daerah setiap bulan April dan
Oktober.

## Pasal 2

Syarat kenaikan pangkat pegawai adalah penilaian kinerja bernilai baik dalam dua tahun
terakhir.
"""

NATIONAL = """---
tipe: regulasi
jenis: PP
nomor: "21"
tahun: 2020
judul: Pelayanan Perpustakaan Daerah
---
## Pasal 1

Perpustakaan daerah melayani peminjaman buku setiap hari kerja.
"""


def _engine(tmp_path, **settings) -> Engine:
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "pergub-zurbagan-4-2022.md").write_text(REGIONAL, encoding="utf-8")
    (corpus / "pp-21-2020.md").write_text(NATIONAL, encoding="utf-8")
    config = make_settings(tmp_path / "home", **settings)
    embedder = HashingEmbedder(128)
    build_with(IndexStore(config.index_dir), [corpus], embedder)
    return Engine(config, embedder_factory=lambda name: embedder)


@pytest.fixture
def engine(tmp_path) -> Engine:
    return _engine(tmp_path)


def _cited(answer) -> set[str]:
    return {s.doc_id for s in answer.sources}


def test_another_regions_regulation_does_not_answer_a_question_not_naming_it(engine):
    answer = engine.answer("Apa syarat kenaikan pangkat pegawai?")
    assert "pergub-zurbagan-4-2022" not in _cited(answer)
    assert answer.trace["query"]["elsewhere"] == ["pergub-zurbagan-4-2022"]


@pytest.mark.parametrize(
    "question",
    [
        "Apa syarat kenaikan pangkat pegawai di Provinsi Zurbagan?",
        "Apa syarat kenaikan pangkat pegawai menurut Pergub Zurbagan 4/2022?",
    ],
)
def test_naming_the_region_or_the_regulation_brings_it(engine, question):
    answer = engine.answer(question)
    assert answer.found and "Pergub Zurbagan 4/2022 Pasal 2" in [s.citation for s in answer.sources]
    assert not answer.trace["query"]["elsewhere"]


def test_a_clause_keeps_the_region_its_question_names(engine):
    query = engine.pipeline.analyser.analyse(
        "Di Provinsi Zurbagan, kenaikan pangkat pegawai diusulkan kapan? Lalu apa syaratnya?"
    )
    assert len(query.parts) == 2
    assert not query.elsewhere and not any(part.elsewhere for part in query.parts)


def test_the_deployments_own_region_need_not_be_named(tmp_path):
    engine = _engine(tmp_path, home_regions_raw="Provinsi Zurbagan")
    answer = engine.answer("Apa syarat kenaikan pangkat pegawai?")
    assert "Pergub Zurbagan 4/2022 Pasal 2" in [s.citation for s in answer.sources]
