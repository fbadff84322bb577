"""A question asking when a held regulation was enacted, who signed it or which gazette holds it
is answered by that regulation's closing (Penutup), alone or beside what else it asks."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over_official

OFFICIAL = (
    "uu-23-2014-pemerintahan-daerah.md",
    "uu-9-2015-perubahan-kedua-uu23-2014.md",
    "pp-96-2012-pelaksanaan-uu-pelayanan-publik.md",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, corpus_uji):
    return engine_over_official(tmp_path_factory, corpus_uji, OFFICIAL)


@pytest.mark.parametrize(
    ("question", "citation", "fact"),
    [
        ("Kapan UU 9/2015 disahkan?", "Penutup UU 9/2015", "18 Maret 2015"),
        ("Siapa yang menandatangani PP 96/2012?", "Penutup PP 96/2012", "SUSILO BAMBANG"),
        (
            "UU 23/2014 dimuat dalam Lembaran Negara nomor berapa?",
            "Penutup UU 23/2014",
            "TAHUN 2014 NOMOR 244",
        ),
    ],
)
def test_the_closing_answers(engine, question, citation, fact):
    answer = engine.answer(question)
    assert answer.found and answer.kind == "lookup"
    assert [s.citation for s in answer.sources] == [citation]
    assert fact in answer.text
    assert answer.trace["decision"]["rule"] == "penutup-disebut"


def test_beside_what_else_the_question_asks(engine):
    answer = engine.answer(
        "Menurut PP 96/2012, standar pelayanan wajib ditetapkan oleh siapa, dan PP itu "
        "diundangkan tanggal berapa?"
    )
    assert answer.found and answer.kind != "lookup"
    citations = [s.citation for s in answer.sources]
    assert "Penutup PP 96/2012" in citations
    assert any(c.startswith("PP 96/2012 Pasal") for c in citations)
    assert "30 Oktober 2012" in answer.text


def test_a_regulation_not_held_is_said_so(engine):
    answer = engine.answer("Kapan PP 38/2017 ditetapkan?")
    assert not answer.found
    assert answer.trace["decision"]["rule"] == "peraturan-tidak-dimuat"


def test_a_clause_naming_no_regulation_asks_about_the_one_answering(engine):
    answer = engine.answer(
        "Rancangan standar pelayanan wajib dipublikasikan paling lama berapa hari kerja? "
        "Lalu peraturannya diundangkan kapan?"
    )
    assert answer.found
    citations = [s.citation for s in answer.sources]
    assert citations[0].startswith("PP 96/2012 Pasal")
    assert "Penutup PP 96/2012" in citations and "30 Oktober 2012" in answer.text


@pytest.mark.parametrize(
    ("question", "citations", "date"),
    [
        ("Kapan UU 23/2014 mulai berlaku?", ["UU 23/2014 Pasal 411", "Penutup UU 23/2014"],
         "2 Oktober 2014"),
        # An amending law is put in force by its own roman article (UU 9/2015 Pasal II), not by
        # the last pasal of the law it amends (Pasal 154).
        ("Kapan UU 9/2015 mulai berlaku?", ["UU 9/2015 Pasal II", "Penutup UU 9/2015"],
         "18 Maret 2015"),
    ],
)  # fmt: skip
def test_entry_into_force_brings_the_pasal_saying_which_date_applies(
    engine, question, citations, date
):
    answer = engine.answer(question)
    assert answer.found and answer.trace["decision"]["rule"] == "penutup-disebut"
    assert [s.citation for s in answer.sources] == citations
    assert "mulai berlaku pada tanggal diundangkan" in answer.text
    assert date in answer.text
