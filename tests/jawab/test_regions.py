"""The Indonesian regions a question names."""

from __future__ import annotations

import pytest

from asisten.indeks.text import normalise
from asisten.jawab.regions import find_regions, names_region


def _written(question: str) -> list[str]:
    return [region.written for region in find_regions(question)]


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Berapa skor IID Kabupaten Banjarnegara tahun 2024?", ["Kabupaten Banjarnegara"]),
        (
            "Inovasi yang dilaporkan Pemprov Bali dan Kota Denpasar",
            ["Pemprov Bali", "Kota Denpasar"],
        ),
        ("What score did KemenPANRB give Banyuwangi regency?", ["Banyuwangi regency"]),
        ("smart kampung banyuwangi tuh udh jalan di brp desa?", ["banyuwangi"]),
        ("Kemitraan bidan di Aceh Singkil dan di Toli-Toli", ["Aceh Singkil", "Toli-Toli"]),
        # A name that is an everyday word names a region beside a marker or with a capital.
        ("Berapa anggaran Kabupaten Batang dan Kota Malang?", ["Kabupaten Batang", "Kota Malang"]),
        ("Ada inovasi dari Batu?", ["Batu"]),
        ("Batang tubuh Perpres 18/2020 mengatur berapa bab?", []),
        ("nasib malang pegawai yang batu kepala", []),
        # Each region once, as first written.
        ("Bali, lalu Provinsi Bali lagi", ["Bali"]),
    ],
)
def test_regions_a_question_names(question, written):
    assert _written(question) == written


def test_a_passage_names_a_region_by_its_name_alone():
    (region,) = find_regions("Berapa skor Kota Makassar?")
    assert names_region(normalise("Home Care Dottoro'ta di Makassar"), region)
    assert not names_region(normalise("Puskesmas Makassaran"), region)


def test_a_capital_is_judged_in_the_text_the_name_was_found_in():
    # Curly quotes fold away before matching; the sentence's start is still found right.
    assert _written("Program “Sobat” dan “Jaga” dari Batu?") == ["Batu"]
    assert _written("Program “Sobat”. Batu dan sekitarnya?") == []
