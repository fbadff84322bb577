"""A question asking which regulation of a type, by its number, and a passage that answers it."""

from __future__ import annotations

import pytest

from asisten.jawab.asked_regulation import asked_type, names_one


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Perpres nomor berapa yang mengatur mekanisme ganti rugi itu?", "Perpres"),
        ("Penerimanya ditetapkan dengan keputusan gubernur nomor berapa?", "Kepgub"),
        # Words between the type and its number, as long as no clause ends in between.
        (
            "Pergub Jawa Barat yang mengatur sistem informasi perencanaan dan penganggaran "
            "terpadu itu nomor berapa?",
            "Pergub",
        ),
        ("Kalau sudah diubah, dengan PermenPANRB nomor berapa?", "PermenPANRB"),
        # A regulation named with its number asks no number of it.
        ("PP 38/2017 nomor berapa pasalnya yang mengatur uji coba?", ""),
        # The gazette's number, a letter's number, a telephone number: no regulation's.
        ("Perda Banjarnegara 8/2025 itu dimuat di Lembaran Daerah nomor berapa?", ""),
        ("Permen itu diundangkan tanggal berapa dan dimuat di Berita Negara nomor berapa?", ""),
        ("Pergub itu mengubah pergub yang mana, dan disetujui lewat surat nomor berapa?", ""),
        ("Warga yang butuh ambulans harus menelepon nomor berapa?", ""),
        ("Apa isi Perpres tentang RPJMN?", ""),
        ("Which Presidential Regulation sets the compensation mechanism?", "Perpres"),
        ("What Government Regulation (number and year) governs it?", "PP"),
        ("Which Government Regulation 38/2017 article covers trials?", ""),
        ("Which regional innovations won the award?", ""),
    ],
)
def test_the_question_asks_the_number_of_a_regulation_of_a_type(question, kind):
    assert asked_type(question) == kind


def test_a_passage_answers_which_regulation_when_it_names_one_or_is_one():
    # A pasal delegating the matter names no Perpres.
    assert not names_one(
        "Perpres", "UU", "Ketentuan lebih lanjut diatur dengan Peraturan Presiden."
    )
    assert names_one("Perpres", None, "ditetapkan dengan Peraturan Presiden Nomor 81 Tahun 2010")
    assert names_one("PermenPANRB", None, "Road Map 2015–2019 (PermenPANRB 11/2015)")
    assert names_one("Kepgub", None, "Keputusan Gubernur Nomor 386 Tahun 2020 tentang penerima")
    # Another type's number answers nothing: a PP is no Perpres.
    assert not names_one("Perpres", None, "Peraturan Pemerintah Nomor 96 Tahun 2012")
    # A passage of a Perpres is one.
    assert names_one("Perpres", "Perpres", "Grand Design Reformasi Birokrasi 2010–2025")
