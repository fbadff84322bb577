"""A value the knowledge base seldom holds (an office's telephone number or address, a service's
opening hours), asked of an entity it does hold: declined saying what is not held, unless a
passage near the top says such a value or the question asks something else too."""

from __future__ import annotations

RULE = "nilai-tidak-dimuat"


def test_an_address_no_passage_gives_is_declined_saying_so(real_engine):
    answer = real_engine.answer(
        "Alamat kantor Dinas Kominfo Kabupaten Sleman yang mengelola Lapor Sleman di mana?"
    )
    assert not answer.found and not answer.sources
    assert answer.trace["decision"]["rule"] == RULE
    assert answer.trace["decision"]["unsaid"] == ["alamat"]
    assert "tidak memuat data untuk alamat" in answer.text


def test_a_question_asking_something_else_too_is_still_answered(real_engine):
    answer = real_engine.answer(
        "Apa itu Lapor Sleman, dan alamat kantor Dinas Kominfo Sleman di mana?"
    )
    assert answer.found
    assert answer.trace["decision"]["rule"] != RULE
    assert "Lapor Sleman" in answer.text


def test_a_number_or_opening_hours_a_passage_gives_are_answered(real_engine):
    # The case tells residents to call the service's own number.
    phone = real_engine.answer(
        "Berapa nomor telepon Home Care Dottoro'ta yang dihubungi warga Makassar?"
    )
    assert phone.found and "112" in phone.text
    hours = real_engine.answer("Layanan malam Smart Kampung di Muncar buka jam berapa?")
    assert hours.found and "18.00" in hours.text
