"""What each clause of a question brings into the answer beyond the passages answering the whole:
its best passage, its next passages when nearly as good (also when the best is shown already), and,
when it asks for a value ("… berlaku berapa lama?") its best passage does not name, the first of
its other passages naming a value of that kind."""

from __future__ import annotations

import pytest

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.decision import ANSWER, Decision
from asisten.jawab.pipeline import Pipeline
from tests.conftest import indexed, regulation_text

REGULATION = regulation_text(
    """### Pasal 1
Sertifikat operator kios air diterbitkan kepala desa setelah operator mengikuti pelatihan.

### Pasal 2
Dalam hal sertifikat operator kios air habis masa berlaku, operator kios air mengajukan
sertifikat operator kios air kembali kepada kepala desa.

### Pasal 3
Operator kios air menjaga kebersihan kios air dan melaporkan kerja operator kepada kepala desa.

### Pasal 4
Sertifikat operator berlaku selama 3 (tiga) tahun.
""",
    nomor="7",
    tahun=2025,
    judul="Layanan Air Bersih Desa",
    in_force=True,
    heading=True,
)
ISSUER = "Siapa yang menerbitkan sertifikat operator kios air?"
REPORTS = "Operator kios air melaporkan kerja kepada siapa?"
HOW_LONG = "Lalu sertifikat operator kios air itu berlaku berapa lama?"


@pytest.fixture
def pipeline(tmp_path):
    version = indexed(tmp_path, {"pp.md": REGULATION})
    return Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=2)


def _hits(pipeline, question: str, pasal_order: list[str]):
    """The passages of these pasal as the question's search scores them, in this order."""
    found = pipeline.retriever.search(pipeline.analyser.analyse(question), k=10)
    by_pasal = {hit.chunk.pasal: hit for hit in found}
    return [by_pasal[p] for p in pasal_order]


def _answer(pipeline, how_long_found: list[str]):
    query = pipeline.analyser.analyse(f"{ISSUER} {HOW_LONG}")
    assert [p.text for p in query.parts] == [ISSUER, HOW_LONG]
    assert query.parts[1].expects == "waktu"
    # The whole question is answered by Pasal 2 and Pasal 1; the clause asking how long finds
    # Pasal 2 first, which names no time.
    hits = _hits(pipeline, query.text, ["2", "1"])
    part_hits = [_hits(pipeline, ISSUER, ["1"]), _hits(pipeline, HOW_LONG, how_long_found)]
    return pipeline.answerer.compose(query, hits, Decision(ANSWER, "uji", True), part_hits)


def test_the_clause_gets_the_passage_naming_the_time(pipeline):
    answer = _answer(pipeline, ["2", "3", "4"])
    assert "PP 7/2025 Pasal 4" in [s.citation for s in answer.sources]
    assert "3 (tiga) tahun" in answer.text


def test_nothing_is_added_when_the_clause_best_passage_names_the_time(pipeline):
    # Pasal 4 found first: it answers the clause, and is not shown twice.
    answer = _answer(pipeline, ["4", "2", "3"])
    citations = [s.citation for s in answer.sources]
    assert citations.count("PP 7/2025 Pasal 4") == 1
    assert "PP 7/2025 Pasal 3" not in citations


def test_no_passage_naming_a_time_adds_nothing(pipeline):
    answer = _answer(pipeline, ["2", "3"])
    assert [s.citation for s in answer.sources] == ["PP 7/2025 Pasal 2", "PP 7/2025 Pasal 1"]


def test_a_clause_whose_best_passage_is_shown_still_brings_its_runner_up(pipeline):
    query = pipeline.analyser.analyse(f"{ISSUER} {REPORTS}")
    assert [p.text for p in query.parts] == [ISSUER, REPORTS]
    hits = _hits(pipeline, query.text, ["1"])
    # The clause asking to whom the operator reports found Pasal 1 first, which the answer
    # quotes already, and Pasal 3, which says it, nearly as well.
    part_hits = [_hits(pipeline, ISSUER, ["1"]), _hits(pipeline, REPORTS, ["1", "3"])]
    answer = pipeline.answerer.compose(query, hits, Decision(ANSWER, "uji", True), part_hits)
    assert [s.citation for s in answer.sources] == ["PP 7/2025 Pasal 1", "PP 7/2025 Pasal 3"]
    assert "melaporkan kerja operator kepada kepala desa" in answer.text


def test_the_runner_up_is_the_next_passage_not_shown_yet(pipeline):
    query = pipeline.analyser.analyse(f"{ISSUER} {REPORTS}")
    hits = _hits(pipeline, query.text, ["1", "2"])
    # The clause's first two passages are quoted for the whole question already.
    part_hits = [_hits(pipeline, ISSUER, ["1"]), _hits(pipeline, REPORTS, ["1", "2", "3"])]
    answer = pipeline.answerer.compose(query, hits, Decision(ANSWER, "uji", True), part_hits)
    assert "PP 7/2025 Pasal 3" in [s.citation for s in answer.sources]


def test_a_clause_brings_its_next_passages_while_they_are_nearly_as_good(pipeline):
    query = pipeline.analyser.analyse(f"{ISSUER} {REPORTS}")
    hits = _hits(pipeline, query.text, ["1"])
    part_hits = [_hits(pipeline, ISSUER, ["1"]), _hits(pipeline, REPORTS, ["1", "3", "2", "4"])]
    answer = pipeline.answerer.compose(query, hits, Decision(ANSWER, "uji", True), part_hits)
    citations = [s.citation for s in answer.sources]
    # Pasal 3 and Pasal 2 (clause_runners_up: 2), not the fourth passage found.
    assert citations == ["PP 7/2025 Pasal 1", "PP 7/2025 Pasal 3", "PP 7/2025 Pasal 2"]
