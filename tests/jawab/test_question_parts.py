"""A question asking several things is cut into the clauses that ask them."""

from __future__ import annotations

import pytest

from asisten.jawab.question_parts import (
    count_question_words,
    points_back,
    split_question,
    told_and_asked,
)


@pytest.mark.parametrize(
    ("question", "clauses"),
    [
        (
            "Sebenarnya ada batas waktu evaluasinya? Terus boleh nggak kampus dilibatkan?",
            ["Sebenarnya ada batas waktu evaluasinya?", "Terus boleh nggak kampus dilibatkan?"],
        ),
        (
            "Apa tugas Bapperida dan siapa kepalanya?",
            ["Apa tugas Bapperida", "dan siapa kepalanya?"],
        ),
        (
            "Siapa penanggung jawabnya, dan kepada siapa bupati melapor?",
            ["Siapa penanggung jawabnya", "dan kepada siapa bupati melapor?"],
        ),
        (
            "Siapa yang menilai proposal, dan jenis dokumen apa yang dilampirkan?",
            ["Siapa yang menilai proposal", "dan jenis dokumen apa yang dilampirkan?"],
        ),
        # Chat spelling of clause and question words ("trs", "brp").
        (
            "inovasi apa yg dinilai? trs brp lama penilaiannya?",
            ["inovasi apa yg dinilai?", "trs brp lama penilaiannya?"],
        ),
        (
            "Which application is used, and when was the reporting window?",
            ["Which application is used", "and when was the reporting window?"],
        ),
    ],
)
def test_clauses_that_ask(question, clauses):
    assert split_question(question) == clauses


@pytest.mark.parametrize(
    "question",
    [
        "Apa itu inovasi daerah?",
        # A lead-in without a question word stays with the question it leads into.
        "Kalau inovasi sudah dianggarkan lalu gagal, apa akibatnya bagi OPD?",
        # "dan" inside one thing asked, with no question word after it.
        "Apa syarat dan tata cara pengajuan inovasi daerah?",
        # A question mark at the very end ends nothing.
        "Siapa yang menilai proposal inovasi?",
    ],
)
def test_one_thing_asked_stays_whole(question):
    assert split_question(question) == [question]


def test_question_words_counted_in_chat_spelling_too():
    assert count_question_words("gmn caranya, trs brp biayanya?") == 2
    assert count_question_words("Tolong jelaskan inovasi daerah.") == 0


@pytest.mark.parametrize(
    ("question", "told", "asked"),
    [
        (
            "Saya PPPK di dinas kesehatan. Apakah saya boleh mengusulkan inovasi?",
            "Saya PPPK di dinas kesehatan.",
            "Apakah saya boleh mengusulkan inovasi?",
        ),
        # Chat, several sentences told; a short abbreviation ends no sentence ("Kab.").
        (
            "kabid kami di Kab. Sleman ngusulin aplikasi. vendornya punya adiknya. itu nabrak"
            " prinsip gk sih?",
            "kabid kami di Kab. Sleman ngusulin aplikasi. vendornya punya adiknya.",
            "itu nabrak prinsip gk sih?",
        ),
        # Everything from the first sentence that asks is asked, a setting after it included.
        (
            "Inovasi kami sudah jalan. Kapan dilaporkan? Kami di Bali.",
            "Inovasi kami sudah jalan.",
            "Kapan dilaporkan? Kami di Bali.",
        ),
    ],
)
def test_the_setting_told_before_what_is_asked(question, told, asked):
    assert told_and_asked(question) == (told, asked)


@pytest.mark.parametrize(
    "question",
    [
        "Apa prinsip inovasi daerah? Kami di Bali.",  # opens asking
        "Jelaskan prinsip inovasi daerah.",  # asks in no sentence: the request is the question
        "Kalau inovasi gagal, apa akibatnya?",
    ],
)
def test_a_question_that_opens_asking_tells_nothing(question):
    assert told_and_asked(question) == ("", question)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("and what was its annual budget for 2024?", True),
        ("dan sampai tahun berapa beliau menjabat?", True),
        ("visi itu dipakai sejak kapan?", True),
        ("dan siapa yang menerbitkan sertifikat operator?", False),
        ("Kalau dilanggar, apa sanksinya bagi penyelenggara?", False),
    ],
)
def test_a_clause_points_back_by_a_referring_word(clause, expected):
    assert points_back(clause) is expected
