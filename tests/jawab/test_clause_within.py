"""A later clause pointing back at what the question is about ("… Dan biaya operasional itu dari
mana?") is read within it: its passages from the documents of the question's best passages come
first when the first of them is relevant, not a passage of another regulation sharing its few
words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.pipeline import Pipeline
from tests.conftest import indexed, regulation_text

WATER = regulation_text(
    """### Pasal 1
Kios air desa dikelola operator kios air yang ditunjuk kepala desa.

### Pasal 2
Biaya operasional kios air desa dibebankan pada anggaran pendapatan dan belanja desa, termasuk
perawatan pompa, penggantian saringan, dan honor operator kios air desa.

### Pasal 3
Kepala desa mengelola pengaduan warga tentang kios air desa.

### Pasal 4
Kios air desa yang dikelola operator dibuka setiap hari bagi warga desa.

### Pasal 5
Air kios desa yang dikelola operator diperiksa mutunya oleh puskesmas setiap bulan.

### Pasal 6
Kios air desa yang rusak dilaporkan pengelola kepada kepala desa.
""",
    nomor="7",
    tahun=2025,
    judul="Layanan Air Bersih Desa",
    in_force=True,
    heading=True,
)
TAX = regulation_text(
    """### Pasal 1
Biaya operasional pemungutan pajak dianggarkan setiap tahun.

### Pasal 2
Pemungutan pajak dilaporkan setiap bulan.
""",
    nomor="8",
    tahun=2025,
    judul="Pemungutan Pajak Daerah",
    in_force=True,
    heading=True,
)
WHOLE = "Siapa yang mengelola kios air desa? Dan biaya operasional itu dari mana?"
LATER = "Dan biaya operasional itu dari mana?"


@pytest.fixture
def pipeline(tmp_path):
    version = indexed(tmp_path, {"air.md": WATER, "pajak.md": TAX})
    return Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=2)


def _search(pipeline, question: str):
    return pipeline.retriever.search(pipeline.analyser.analyse(question), k=10)


def _later(pipeline):
    return pipeline.analyser.analyse(LATER)


def _citations(hits) -> list[str]:
    return [hit.chunk.citation for hit in hits]


def _ordered(hits, citations: list[str]):
    by_citation = {hit.chunk.citation: hit for hit in hits}
    return [by_citation[c] for c in citations]


def test_a_later_clause_reads_first_in_the_question_documents(pipeline):
    clause = _ordered(_search(pipeline, LATER), ["PP 8/2025 Pasal 1", "PP 7/2025 Pasal 2"])
    question = _ordered(_search(pipeline, WHOLE), ["PP 7/2025 Pasal 1"])
    within = pipeline._within(_later(pipeline), clause, clause, question, True)
    assert _citations(within) == ["PP 7/2025 Pasal 2", "PP 8/2025 Pasal 1"]


def test_an_irrelevant_passage_of_the_question_documents_does_not_lead(pipeline):
    outside, inside = _ordered(_search(pipeline, LATER), ["PP 8/2025 Pasal 1", "PP 7/2025 Pasal 2"])
    # As if the water regulation's passage held none of the clause's words.
    weak = replace(inside, coverage=0.0, shared={})
    assert not pipeline.decider.relevant_companion(weak, True)
    question = _ordered(_search(pipeline, WHOLE), ["PP 7/2025 Pasal 1"])
    assert pipeline._within(_later(pipeline), [outside, weak], [outside, weak], question, True) == [
        outside,
        weak,
    ]


def test_a_clause_finding_nothing_in_the_question_documents_keeps_its_order(pipeline):
    clause = _ordered(_search(pipeline, LATER), ["PP 8/2025 Pasal 1"])
    question = _ordered(_search(pipeline, WHOLE), ["PP 7/2025 Pasal 1"])
    assert pipeline._within(_later(pipeline), clause, clause, question, True) == clause


def test_a_clause_already_led_by_the_question_documents_is_kept(pipeline):
    clause = _ordered(_search(pipeline, LATER), ["PP 7/2025 Pasal 2", "PP 8/2025 Pasal 1"])
    question = _ordered(_search(pipeline, WHOLE), ["PP 7/2025 Pasal 1"])
    assert pipeline._within(_later(pipeline), clause, clause, question, True) == clause


def test_the_answer_quotes_the_question_document_for_the_later_clause(pipeline):
    # Alone, the clause finds the tax regulation first (a shorter passage with both its words);
    # the question is about the water kiosks, whose regulation also says it.
    assert _citations(_search(pipeline, LATER))[0] == "PP 8/2025 Pasal 1"
    answer = pipeline.answer(WHOLE)
    assert answer.found
    assert answer.trace["part_hits"][1] == "PP 7/2025 Pasal 2"
    assert "PP 7/2025 Pasal 2" in [source.citation for source in answer.sources]


def test_a_clause_pointing_at_nothing_keeps_its_own_search(pipeline):
    # "biaya operasional pemungutan pajak" asks about the tax, whatever the first clause asked.
    answer = pipeline.answer(
        "Siapa yang mengelola kios air desa? Dan biaya operasional pemungutan pajak dari mana?"
    )
    assert answer.trace["part_hits"][1] == "PP 8/2025 Pasal 1"


def test_a_clause_of_a_question_naming_another_regulation_keeps_its_own_search(pipeline):
    # The question is about the water kiosks, but names the tax regulation as well: a clause
    # may be about that one.
    question = (
        "Siapa yang mengelola kios air desa? Dan menurut PP 8/2025, biaya operasional itu dari"
        " mana?"
    )
    answer = pipeline.answer(question)
    assert answer.trace["part_hits"][1] == "PP 8/2025 Pasal 1"


def test_a_clause_naming_a_document_outside_the_question_documents_keeps_its_order(pipeline):
    clause = _ordered(_search(pipeline, LATER), ["PP 8/2025 Pasal 1", "PP 7/2025 Pasal 2"])
    question = _ordered(_search(pipeline, WHOLE), ["PP 7/2025 Pasal 1"])
    naming = replace(_later(pipeline), named_directly=frozenset({clause[0].chunk.doc_id}))
    assert pipeline._within(naming, clause, clause, question, True) == clause
