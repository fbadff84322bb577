"""Who holds an office now is no regulation's content: such questions are declined, saying so."""

from __future__ import annotations

import pytest

from asisten.jawab.officeholders import asks_present_holder


@pytest.mark.parametrize(
    "question",
    [
        "Siapa Menteri PANRB saat ini?",
        "Siapa nama Kepala Dinas Kominfo Kabupaten Banyuwangi sekarang?",
        "Siapa Kepala Dinas Kominfo Sleman yang menjabat sekarang?",
        "Siapa Gubernur Bali sebelum Wayan Koster?",
        "Berapa periode beliau menjabat?",
        "Who is the current Minister of Home Affairs?",
        "Who currently leads the Ministry of Home Affairs?",
        "Who heads Bappenas now?",
        "Siapa yang saat ini memimpin Bappeda Provinsi Bali?",
        "Siapa yang memimpin Dinas Kominfo Sleman sekarang?",
    ],
)
def test_asks_who_holds_an_office(question):
    assert asks_present_holder(question)


@pytest.mark.parametrize(
    "question",
    [
        # A role the regulations name, asked for now.
        "Siapa yang berwenang menilai inovasi daerah saat ini?",
        "Siapa kepala daerah yang saat ini wajib melaporkan inovasi?",
        "Siapa pengusul inovasi daerah sekarang menurut PP 38/2017?",
        "Who is the head of the agency that currently assesses innovations?",
        "Who leads the innovation team that currently tests the application?",
        "Siapa yang memimpin tim inovasi daerah menurut PP 38/2017?",
        "Siapa yang memimpin uji coba inovasi yang sekarang berjalan?",
        "Sebelum menerapkan pelayanan berjenjang, apa yang wajib dilakukan penyelenggara?",
    ],
)
def test_asks_for_a_role_not_a_person(question):
    assert not asks_present_holder(question)


def test_declined_saying_what_the_knowledge_base_does_not_hold(real_engine):
    answer = real_engine.answer("Siapa Menteri PANRB saat ini, dan sejak kapan ia menjabat?")
    assert not answer.found and not answer.sources
    assert answer.trace["decision"]["rule"] == "pejabat-saat-ini"
    assert "tidak memuat data untuk siapa yang menjabat suatu jabatan" in answer.text
