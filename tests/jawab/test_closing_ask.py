"""Which questions ask for what a regulation's closing says (enactment, signer, gazette)."""

from __future__ import annotations

import pytest

from asisten.jawab.closing_ask import asks_more, read_closing_ask
from asisten.kb.mentions import find_regulations


def _spans(question: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in find_regulations(question)]


def asks_closing(question: str, spans: list[tuple[int, int]]) -> bool:
    return read_closing_ask(question, spans).closing


def asks_entry_into_force(question: str, spans: list[tuple[int, int]]) -> bool:
    return read_closing_ask(question, spans).in_force


@pytest.mark.parametrize(
    "question",
    [
        "Kapan Perban BSSN 8/2020 ditetapkan?",
        "Pergub Bali 3/2021 ditetapkan kapan?",
        "dan pergub itu diundangkan tanggal berapa?",
        "permennya ditetapkan kapan?",
        "Perban BSSN 8/2020 tentang SMPI ditetapkan kapan?",
        "Siapa yang menandatangani PP 96/2012?",
        "On what date was the regulation enacted?",
        "Dimuat dalam Berita Daerah nomor berapa?",
        # Named by its type and name, not its number.
        "Kapan UU Pemda disahkan?",
        "Kapan UU 23/2014 mulai berlaku?",
        # A draft is named as a draft; the date of its act asked as a noun.
        "Kapan Rancangan Permenkomdigi 9/2026 ditetapkan?",
        "Draf itu mencantumkan tanggal penetapan berapa?",
        "Tanggal pengundangan PP 96/2012?",
        "What is the enactment date of the regulation?",
        # Typed in chat: "ttg" (tentang), "tu" (itu), "kpn" (kapan).
        "pergub bali 3/2021 ttg uptd tu diundangkan kpn?",
    ],
)
def test_asks_for_the_closing(question):
    assert asks_closing(question, _spans(question))


@pytest.mark.parametrize(
    "question",
    [
        # What the regulation sets, not when it was set.
        "Menurut PP 38/2017 hasil uji coba ditetapkan paling lama kapan?",
        "Menurut PP 38/2017, inovasi daerah ditetapkan dengan apa?",
        "RPJMD berjangka berapa tahun, ditetapkan dengan apa dan paling lama kapan?",
        "Perkada inovasi ditetapkan oleh siapa?",
        "Siapa yang menetapkan inovasi daerah menurut PP 38/2017?",
        # About the regulation, but asking neither when nor by whom.
        "Apakah PP 96/2012 sudah ditetapkan?",
        "Apa tujuan Permenkominfo 10/2016?",
        # Any Perda, not the law named: a word for a regulation points back only with "itu".
        "Menurut UU Pemda, perda mulai berlaku kapan?",
        # The date of something else the regulation sets.
        "Menurut PP 38/2017 tanggal penetapan hasil penilaian kapan?",
        "Tanggal penetapan pemenang IGA kapan?",
    ],
)
def test_does_not_ask_for_the_closing(question):
    assert not asks_closing(question, _spans(question))


def test_whether_it_asks_something_else_too():
    alone = "UU 9/2015 itu disahkan tanggal berapa dan dimuat dalam Lembaran Negara nomor berapa?"
    assert not asks_more(alone, _spans(alone))
    # "Rancangan" says which text is named, not something else asked.
    draft = "Kapan Rancangan Permenkomdigi 9/2026 ditetapkan?"
    assert not asks_more(draft, _spans(draft))
    more = "Lampiran II memuat kelas jabatan siapa saja, dan pergub itu diundangkan kapan?"
    assert asks_more(more, _spans(more))


def test_entry_into_force():
    for question, expected in [
        ("Kapan UU 23/2014 mulai berlaku?", True),
        ("UU Pemda itu berlaku sejak kapan?", True),
        ("Kapan UU 23/2014 disahkan?", False),
        ("Kapan inovasi daerah mulai berlaku?", False),
    ]:
        assert asks_entry_into_force(question, _spans(question)) is expected, question
