"""Answers say what is in force: amended pasal give the wording in force first, revoked
regulations are named as such, and an admin's correction applies without re-indexing."""

from __future__ import annotations

import shutil

import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.engine import Engine
from asisten.kb.corrections import RelationCorrections
from asisten.kb.relations import parse_correction
from tests.conftest import build_with, make_settings

OLD = """---
tipe: regulasi
jenis: PP
nomor: "4"
tahun: 2019
judul: Layanan Perizinan Kelautan
---
## Pasal 1

Izin lokasi perairan diberikan oleh gubernur paling lama 14 hari kerja.

## Pasal 2

Permohonan izin lokasi perairan diajukan secara elektronik.
"""
NEW = """---
tipe: regulasi
jenis: PP
nomor: "5"
tahun: 2022
judul: Perizinan Kelautan Terpadu
mencabut: PP 4/2019
---
## Pasal 1

Perizinan kelautan terpadu diselenggarakan melalui sistem elektronik nasional.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory, corpus_uji):
    corpus = tmp_path_factory.mktemp("korpus")
    for name in ("uu-23-2014-pemerintahan-daerah.md", "uu-9-2015-perubahan-kedua-uu23-2014.md"):
        shutil.copy(corpus_uji / name, corpus / name)
    (corpus / "pp-4-2019.md").write_text(OLD, encoding="utf-8")
    (corpus / "pp-5-2022.md").write_text(NEW, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("home"))
    embedder = HashingEmbedder(128)
    from asisten.indeks.store import IndexStore

    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    return Engine(settings, embedder_factory=lambda name: embedder)


def test_an_amended_pasal_is_answered_with_the_wording_in_force_first(engine):
    answer = engine.answer("Apa isi Pasal 63 UU 23 Tahun 2014?")
    assert answer.found and answer.kind == "lookup"
    assert "telah diubah dengan UU 9/2015 (tahun 2015" in answer.text
    in_force, _, before = answer.text.partition("Bunyi sebelum diubah")
    assert "Pasal 59 ayat (1) dibantu oleh wakil kepala daerah" in in_force
    assert "dapat dibantu" in before and "dapat dibantu" not in in_force
    citations = [s.citation for s in answer.sources]
    assert citations[0] == "UU 9/2015 Pasal 63 ayat (1)"
    assert "UU 23/2014 Pasal 63 ayat (1)" in citations


def test_a_pasal_no_amendment_reached_is_quoted_as_it_is(engine):
    answer = engine.answer("Apa isi Pasal 64 UU 23/2014?")
    assert answer.found and "diubah" not in answer.text
    assert [s.citation for s in answer.sources][0].startswith("UU 23/2014 Pasal 64")


def test_an_answer_from_a_revoked_regulation_says_so_first(engine):
    answer = engine.answer("Apa isi Pasal 2 PP 4/2019?")
    assert answer.found
    first_line = answer.text.splitlines()[0]
    assert "Status peraturan" in first_line
    assert "PP 4/2019 [1] telah dicabut dengan PP 5/2022 (tahun 2022)" in answer.text
    assert "yang berlaku: PP 5/2022" in answer.text


def test_an_answer_citing_an_amended_pasal_adds_the_wording_in_force(engine):
    answer = engine.answer(
        "Wakil kepala daerah bertugas membantu kepala daerah dalam hal apa saja?"
    )
    assert answer.found and answer.text.startswith("Status peraturan yang dikutip:")
    amended = [s for s in answer.sources if s.citation.startswith("UU 23/2014 Pasal 66")]
    in_force = [s for s in answer.sources if s.citation.startswith("UU 9/2015 Pasal 66")]
    assert amended and in_force, "both wordings are cited"
    marks = "".join(f"[{s.number}]" for s in amended)
    assert f"UU 23/2014 Pasal 66 {marks} telah diubah dengan UU 9/2015" in answer.text
    assert "bunyi yang berlaku: UU 9/2015 Pasal 66 [" in answer.text


def test_an_admins_correction_applies_to_the_next_question(engine):
    corrections = RelationCorrections(engine.settings.home)
    corrections.set("uu-9-2015", parse_correction("mengubah UU 23/2014 pasal 65"))
    try:
        answer = engine.answer("Apa isi Pasal 63 UU 23 Tahun 2014?")
        assert "diubah" not in answer.text and "dapat dibantu" in answer.text
        assert "telah diubah dengan UU 9/2015" in engine.answer("Apa isi Pasal 65 UU 23/2014?").text
    finally:
        assert corrections.clear("uu-9-2015")
    assert "telah diubah" in engine.answer("Apa isi Pasal 63 UU 23 Tahun 2014?").text


def test_a_regulation_named_is_named_as_amended(engine):
    documents = engine.version.documents
    by_name = {meta.short_name: doc_id for doc_id, meta in documents.items()}
    named = engine.pipeline.analyser.analyse(
        "Menurut UU 23/2014, wakil kepala daerah wajib bertugas sampai kapan?"
    ).named_documents
    assert {by_name["UU 23/2014"], by_name["UU 9/2015"]} <= named
    # A regulation revoked is not named by its successor's name, nor the other way round.
    revoked = engine.pipeline.analyser.analyse("Apa isi PP 4/2019 tentang izin lokasi?")
    assert by_name["PP 5/2022"] not in revoked.named_documents
