"""Which questions ask why a regulation was made (its preamble, Konsiderans), and that the
preamble of the right regulation then answers first."""

from __future__ import annotations

import pytest

from asisten.cli.output import trace_text
from asisten.jawab.preamble_ask import asks_preamble
from asisten.kb.mentions import find_regulations
from tests.conftest import engine_over_official


def _asks(question: str) -> bool:
    return asks_preamble(question, [(m.start, m.end) for m in find_regulations(question)])


@pytest.mark.parametrize(
    "question",
    [
        "Apa alasan UU Pemda diubah untuk kedua kalinya lewat UU 9/2015?",
        "Apa pertimbangan diterbitkannya Perban BSSN 8/2020?",
        "Kenapa PP 18/2016 tentang Perangkat Daerah diubah lewat PP 72/2019?",
        "PP 96/2012 itu diterbitkan untuk melaksanakan pasal mana saja dari UU 25/2009?",
        "Menurut bagian menimbang UU 23/2014, kenapa undang-undang lama perlu diganti?",
        "pergub itu dibuat karena apa?",
        "Why was the regulation amended?",
        "What are the reasons behind Law 9/2015?",
    ],
)
def test_asks_why_a_regulation_was_made(question):
    assert _asks(question)


@pytest.mark.parametrize(
    "question",
    [
        # What the regulation sets, not why it was set.
        "Apa tujuan inovasi daerah menurut PP 38/2017?",
        "Apa alasan penolakan usulan inovasi menurut PP 38/2017?",
        "Kenapa inovasi daerah harus dilaporkan menurut PP 38/2017?",
        # "Menimbang" as the verb "to consider".
        "RSUD kami menimbang membuka kelas VIP. Menurut PP 96/2012 prinsip apa yang berlaku?",
        # A reason, but of no regulation.
        "Apa alasan inovasi kami ditolak tim penilai?",
        # When, not why (the closing answers that).
        "Kapan UU 9/2015 diundangkan?",
    ],
)
def test_asks_something_else(question):
    assert not _asks(question)


OFFICIAL = (
    "uu-23-2014-pemerintahan-daerah.md",
    "uu-9-2015-perubahan-kedua-uu23-2014.md",
    "pp-96-2012-pelaksanaan-uu-pelayanan-publik.md",
    "uu-25-2009-pelayanan-publik.md",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, corpus_uji):
    return engine_over_official(tmp_path_factory, corpus_uji, OFFICIAL)


@pytest.mark.parametrize(
    ("question", "citation", "fact"),
    [
        # Two regulations named: the later one's preamble tells why the earlier was amended.
        (
            "Apa alasan UU Pemda diubah lewat UU 9/2015?",
            "Konsiderans UU 9/2015",
            "kesinambungan kepemimpinan",
        ),
        (
            "PP 96/2012 itu diterbitkan untuk melaksanakan pasal mana saja dari UU 25/2009?",
            "Konsiderans PP 96/2012",
            "Pasal 39 ayat (4)",
        ),
    ],
)
def test_the_preamble_answers_first(engine, question, citation, fact):
    answer = engine.answer(question)
    assert answer.found
    citations = [s.citation for s in answer.sources]
    assert citations[0] == citation
    assert "Konsiderans UU 23/2014" not in citations
    assert fact in answer.text


def test_a_question_on_what_it_sets_is_searched_as_usual(engine):
    answer = engine.answer("Menurut UU 9/2015, kepala daerah berwenang mengajukan apa?")
    assert answer.found
    assert not any(s.citation.startswith("Konsiderans") for s in answer.sources[:1])


def test_the_explanation_for_a_person_says_what_was_asked(engine):
    # `asisten tanya --jelaskan`: the preamble asked for, and every pasal named.
    asked = trace_text(engine.answer("Apa alasan UU Pemda diubah lewat UU 9/2015?"))
    assert "Menanyakan alasan peraturan dibuat" in asked
    looked_up = engine.answer("Apa isi Pasal 258 dan Pasal 259 UU 23/2014?")
    assert "Pasal lain yang disebut: Pasal 259" in trace_text(looked_up)
    citations = [s.citation for s in looked_up.sources]
    assert "UU 23/2014 Pasal 258 ayat (1)" in citations
    assert "UU 23/2014 Pasal 259 ayat (4)" in citations
