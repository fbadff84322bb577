"""The questions the knowledge base failed: declined answers and answers rated 👎.

Both already live in the bot's tables (asisten.db.records): every Slack answer is an
`AnswerRecord`, a terminal question that was declined is one too (user "", channel "terminal"),
and a 👎 is a `Feedback` row with its optional reason. Nothing about the asker leaves this
module: a `GapQuestion` holds the text, when it was asked and why it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from asisten.db.records import AnswerRecord, Feedback

# Answer kinds that are no gap although nothing was found: the question was asked back for
# clarification, the knowledge base may well hold the answer.
NOT_GAPS = frozenset({"tanya-balik"})
# Only the latest ones are grouped: enough for months of questions, and the distance matrix
# stays small (2,000 questions: 16 MB).
MAX_QUESTIONS = 2000


@dataclass(frozen=True)
class GapQuestion:
    question: str
    asked_at: datetime  # UTC
    declined: bool
    thumbs_down: bool = False
    reasons: tuple[str, ...] = ()  # what the 👎 said, when it said something


def is_gap(found: bool, kind: str) -> bool:
    """A declined answer: nothing found, and not a question asked back."""
    return not found and kind not in NOT_GAPS


def gap_questions(database: Engine, since: datetime | None = None) -> list[GapQuestion]:
    """Declined questions and 👎-rated answers (one entry per answer), newest first."""
    with Session(database) as session:
        declined = session.exec(
            select(AnswerRecord)
            .where(col(AnswerRecord.found).is_(False), col(AnswerRecord.kind).not_in(NOT_GAPS))
            .order_by(col(AnswerRecord.id).desc())
            .limit(MAX_QUESTIONS)
        ).all()
        rated = session.exec(
            select(Feedback, AnswerRecord)
            .where(Feedback.answer_id == AnswerRecord.id, Feedback.rating == "down")
            .order_by(col(Feedback.id).desc())
            .limit(MAX_QUESTIONS)
        ).all()
    entries: dict[int, GapQuestion] = {
        r.id: GapQuestion(r.question, _utc(r.created_at), declined=True)  # type: ignore[misc]
        for r in declined
    }
    for feedback, record in reversed(rated):  # oldest first, so reasons stay in order
        earlier = entries.get(record.id)  # type: ignore[arg-type]
        reasons = (earlier.reasons if earlier else ()) + (
            (feedback.reason,) if feedback.reason else ()
        )
        entries[record.id] = GapQuestion(  # type: ignore[index]
            record.question, _utc(record.created_at), declined=bool(earlier and earlier.declined),
            thumbs_down=True, reasons=reasons,
        )  # fmt: skip
    found = sorted(entries.values(), key=lambda q: q.asked_at, reverse=True)
    if since is not None:
        found = [q for q in found if q.asked_at >= since]
    return found[:MAX_QUESTIONS]


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
