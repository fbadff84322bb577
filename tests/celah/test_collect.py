"""Which stored answers are knowledge gaps (real SQLite file): declined ones and 👎-rated ones,
never a question asked back, and nothing about who asked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from asisten.celah.collect import GapQuestion, gap_questions
from asisten.celah.record import TERMINAL_CHANNEL, record_declined
from asisten.db import create_db_engine, init_db
from asisten.db.records import AnswerRecord, Records
from asisten.jawab.answer import Answer


@pytest.fixture
def records(tmp_path) -> Records:
    database = create_db_engine(f"sqlite:///{tmp_path / 'celah.sqlite3'}")
    init_db(database)
    return Records(database)


def _save(records: Records, question: str, found: bool, kind: str, **extra) -> int:
    record = AnswerRecord(user="U1", channel="D1", question=question, answer="…", found=found,
                          kind=kind, **extra)  # fmt: skip
    return records.save_answer(record)


def test_declined_and_thumbs_down_are_gaps_asked_back_and_answered_are_not(records):
    _save(records, "Apa itu SPBE?", False, "none")
    _save(records, "Apa isi Perpres 95/2018?", False, "tidak-dimuat")
    _save(records, "Pasal 7 bunyinya apa?", False, "tanya-balik")
    _save(records, "Siapa pengusul inovasi?", True, "retrieval")
    rated = _save(records, "Apa itu uji coba inovasi?", True, "faq")
    records.add_reason(records.save_feedback(rated, "U2", "down"), "U2", "Kurang lengkap")
    records.save_feedback(rated, "U3", "up")

    found = {q.question: q for q in gap_questions(records.engine)}

    assert set(found) == {"Apa itu SPBE?", "Apa isi Perpres 95/2018?", "Apa itu uji coba inovasi?"}
    assert found["Apa itu SPBE?"].declined and not found["Apa itu SPBE?"].thumbs_down
    rated_entry = found["Apa itu uji coba inovasi?"]
    assert (rated_entry.declined, rated_entry.thumbs_down) == (False, True)
    assert rated_entry.reasons == ("Kurang lengkap",)
    assert all(isinstance(q, GapQuestion) for q in found.values())
    assert not {"user", "channel"} & set(GapQuestion.__dataclass_fields__)


def test_a_declined_answer_rated_down_twice_is_one_entry_with_both_reasons(records):
    declined = _save(records, "Berapa lama cuti melahirkan PNS?", False, "none")
    records.add_reason(records.save_feedback(declined, "U1", "down"), "U1", "Tidak ada jawaban")
    records.save_feedback(declined, "U2", "down")  # no reason given
    records.add_reason(records.save_feedback(declined, "U3", "down"), "U3", "Perlu PP 11/2017")

    [entry] = gap_questions(records.engine)

    assert (entry.declined, entry.thumbs_down) == (True, True)
    assert entry.reasons == ("Tidak ada jawaban", "Perlu PP 11/2017")


def test_since_keeps_only_recent_questions_newest_first(records):
    now = datetime.now(UTC)
    _save(records, "lama", False, "none", created_at=now - timedelta(days=40))
    _save(records, "baru", False, "none", created_at=now - timedelta(days=2))
    _save(records, "terbaru", False, "none", created_at=now - timedelta(hours=1))

    assert [q.question for q in gap_questions(records.engine)] == ["terbaru", "baru", "lama"]
    recent = gap_questions(records.engine, since=now - timedelta(days=30))
    assert [q.question for q in recent] == ["terbaru", "baru"]
    assert recent[0].asked_at.tzinfo is not None


def test_terminal_keeps_declined_answers_without_a_user(records):
    declined = Answer("Apa itu SPBE?", "Tidak ditemukan.", False, kind="none")
    asked_back = Answer("Pasal 7?", "Pasal 7 yang mana?", False, kind="tanya-balik")
    answered = Answer("Siapa pengusul?", "Kepala daerah …", True, kind="retrieval")

    assert [record_declined(records, a) for a in (declined, asked_back, answered)] == [
        True, False, False,
    ]  # fmt: skip
    [(stored,)] = _rows(records)
    assert (stored.user, stored.channel, stored.question) == ("", TERMINAL_CHANNEL, "Apa itu SPBE?")
    assert [q.question for q in gap_questions(records.engine)] == ["Apa itu SPBE?"]


def _rows(records: Records):
    from sqlmodel import Session, select

    with Session(records.engine) as session:
        return [(r,) for r in session.exec(select(AnswerRecord)).all()]
