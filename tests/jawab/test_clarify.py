"""Questions too thin to answer one way are asked back, with each reading as a question."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_pasal_several_regulations_hold_asks_which_one(real_engine):
    answer = real_engine.answer("Pasal 7 ayat 2 bunyinya apa?")
    assert not answer.found and answer.kind == "tanya-balik" and not answer.sources
    assert answer.trace["decision"] == {
        "outcome": "tanya-balik", "rule": "pasal-tanpa-peraturan", "in_scope": False, "scores": {},
    }  # fmt: skip
    lines = answer.text.splitlines()
    for number, option in enumerate(answer.options, start=1):  # one reading a line, numbered
        assert any(line.startswith(f"{number}. {option.label}") for line in lines)
    labels = [option.label for option in answer.options]
    assert "Pasal 7 ayat (2) PP 38/2017" in labels and "Pasal 7 ayat (2) UU 25/2009" in labels
    for option in answer.options:
        assert option.question in answer.text
        # Each reading, asked, is answered from the regulation it names.
        chosen = real_engine.answer(option.question)
        regulation = option.label.removeprefix("Pasal 7 ayat (2) ")
        assert chosen.found and chosen.kind == "lookup"
        # The quoted ayat first; then its Penjelasan, where the regulation explains it.
        assert chosen.sources[0].citation == f"{regulation} Pasal 7 ayat (2)"
        assert all(s.citation.startswith("Penjelasan ") for s in chosen.sources[1:])


def test_a_topic_word_chooses_the_regulation_without_asking(real_engine):
    answer = real_engine.answer("Apa isi Pasal 7 ayat 2 tentang proposal inovasi?")
    assert answer.found and not answer.options
    assert answer.sources[0].citation == "PP 38/2017 Pasal 7 ayat (2)"


def test_a_regulation_named_by_another_name_chooses_without_asking(real_engine):
    answer = real_engine.answer("Apa bunyi Pasal 7 ayat (2) UU Pelayanan Publik?")
    assert answer.found and not answer.options
    assert answer.sources[0].citation == "UU 25/2009 Pasal 7 ayat (2)"


def test_one_word_whose_passages_disagree_is_asked_back(real_engine):
    answer = real_engine.answer("syaratnya apa?")
    assert answer.kind == "tanya-balik" and answer.trace["decision"]["rule"] == "satu-kata"
    assert len(answer.options) >= 2
    assert len({option.detail for option in answer.options}) == len(answer.options)
    for option in answer.options:
        chosen = real_engine.answer(option.question)
        assert chosen.found and chosen.kind != "tanya-balik", option.question


def test_a_question_without_a_topic_asks_for_one(real_engine):
    answer = real_engine.answer("gimana ya?")
    assert answer.kind == "tanya-balik" and not answer.options and not answer.sources
    assert answer.trace["decision"]["rule"] == "tanpa-topik"
    assert "belum menyebut topiknya" in answer.text


@pytest.mark.parametrize("question", ["Apa itu replikasi?", "Apa itu SPBE?"])
def test_a_one_word_definition_is_not_asked_back(real_engine, question):
    assert real_engine.answer(question).kind != "tanya-balik"
