"""What the bot must remember across restarts: handled events, its threads, answers and feedback.

Every write commits at once, so a restart never answers the same Slack event twice and never
loses feedback already given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, select


def _now() -> datetime:
    return datetime.now(UTC)


class HandledEvent(SQLModel, table=True):
    """A question already taken on; its key is the message (channel:ts), not Slack's event id,
    because one channel mention arrives as both `message` and `app_mention`."""

    key: str = Field(primary_key=True)
    kind: str
    handled_at: datetime = Field(default_factory=_now)


class BotThread(SQLModel, table=True):
    """A thread the bot has answered in: later messages there need no mention."""

    channel: str = Field(primary_key=True)
    thread_ts: str = Field(primary_key=True)
    created_at: datetime = Field(default_factory=_now)


class AnswerRecord(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user: str = Field(index=True)
    channel: str
    question: str
    answer: str
    found: bool
    kind: str
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=_now)


class Feedback(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="answerrecord.id", index=True)
    user: str
    rating: str  # "up" | "down"
    reason: str | None = None
    created_at: datetime = Field(default_factory=_now)


class Records:
    """Repository over the bot's tables; each method is one short transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim_event(self, key: str, kind: str) -> bool:
        """True for the first caller with this key, False for every repeat (retry, double delivery)."""
        with Session(self.engine) as session:
            session.add(HandledEvent(key=key, kind=kind))
            try:
                session.commit()
            except IntegrityError:
                return False
        return True

    def remember_thread(self, channel: str, thread_ts: str) -> None:
        with Session(self.engine) as session:
            if session.get(BotThread, (channel, thread_ts)) is None:
                session.add(BotThread(channel=channel, thread_ts=thread_ts))
                try:
                    session.commit()
                except IntegrityError:  # another worker remembered it first
                    session.rollback()

    def is_bot_thread(self, channel: str, thread_ts: str) -> bool:
        with Session(self.engine) as session:
            return session.get(BotThread, (channel, thread_ts)) is not None

    def save_answer(self, record: AnswerRecord) -> int:
        with Session(self.engine) as session:
            session.add(record)
            session.commit()
            return record.id  # type: ignore[return-value]

    def answer(self, answer_id: int) -> AnswerRecord | None:
        with Session(self.engine) as session:
            return session.get(AnswerRecord, answer_id)

    def save_feedback(self, answer_id: int, user: str, rating: str) -> int:
        with Session(self.engine) as session:
            feedback = Feedback(answer_id=answer_id, user=user, rating=rating)
            session.add(feedback)
            session.commit()
            return feedback.id  # type: ignore[return-value]

    def add_reason(self, feedback_id: int, user: str, reason: str) -> bool:
        """Attach the 👎 reason; only the person who gave the feedback may."""
        with Session(self.engine) as session:
            feedback = session.get(Feedback, feedback_id)
            if feedback is None or feedback.user != user:
                return False
            feedback.reason = reason
            session.add(feedback)
            session.commit()
            return True

    def feedback(self) -> list[tuple[Feedback, AnswerRecord]]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(Feedback, AnswerRecord)
                .where(Feedback.answer_id == AnswerRecord.id)
                .order_by(Feedback.id)
            )
            return list(rows.all())
