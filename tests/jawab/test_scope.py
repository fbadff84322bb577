"""Innovation questions are recognised by their own words."""

from __future__ import annotations

import pytest

from asisten.indeks import text
from asisten.jawab.scope import mentions_scope


def _stems(question: str) -> list[str]:
    return [text.stem(w) for w in text.content_words(question)]


@pytest.mark.parametrize(
    "question",
    [
        "pemda kami mau berinovasi, mulai dari mana?",
        "Can our innovation be copied by another region?",
        "apakah aplikasi kami boleh direplikasi kabupaten lain?",
        "berapa lama uji coba boleh berjalan?",
        "apa kaitan bimtek dengan reformasi birokrasi?",  # by "reformasi birokrasi"
        "ada contoh praktik baik di Jawa Timur?",
    ],
)
def test_domain_questions(question):
    assert mentions_scope(_stems(question))


@pytest.mark.parametrize(
    "question",
    [
        "Bagaimana cara mengajukan cuti tahunan PNS?",
        "Berapa batas nilai pengadaan langsung barang/jasa?",
        "kapan jadwal uji kompetensi PPPK?",  # "uji" alone is not "uji coba"
        "apakah praktik dokter gigi buka hari Minggu?",
        "kapan jadwal bimtek pengadaan barang/jasa?",  # training in general is no innovation
    ],
)
def test_other_questions(question):
    assert not mentions_scope(_stems(question))
