"""The terminal's declined questions, kept for the admins' gaps like the bot's answers are.

`asisten tanya` and `asisten chat` both get their engine from `asisten.cli.common.engine`,
which builds a `RecordingEngine`. A declined answer becomes an `AnswerRecord` with user ""
(the terminal's user is not kept) and channel "terminal". Keeping it must never cost the
answer: a database that cannot be written is logged and the answer shown all the same.
"""

from __future__ import annotations

import logging

from asisten.celah.collect import is_gap
from asisten.config import Settings
from asisten.db.records import AnswerRecord, Records
from asisten.jawab.answer import Answer
from asisten.jawab.engine import Engine

log = logging.getLogger("asisten.celah")

TERMINAL_CHANNEL = "terminal"


def record_declined(records: Records, answer: Answer, channel: str = TERMINAL_CHANNEL) -> bool:
    """Keep `answer` if it declined the question (no user id); True if it was kept."""
    if not is_gap(answer.found, answer.kind):
        return False
    records.save_answer(
        AnswerRecord(
            user="", channel=channel, question=answer.question, answer=answer.text,
            found=False, kind=answer.kind, sources=[s.as_json() for s in answer.sources],
        )
    )  # fmt: skip
    return True


class RecordingEngine(Engine):
    """The engine of the terminal commands: answers as usual, and keeps the declined ones."""

    def __init__(self, settings: Settings, **kwargs) -> None:
        super().__init__(settings, **kwargs)
        self._records: Records | None = None

    def answer(self, question: str, doc_types: set[str] | None = None) -> Answer:
        answer = super().answer(question, doc_types)
        if doc_types:  # declined among some kinds of document only: the others may hold it
            return answer
        try:
            record_declined(self._open(), answer)
        except Exception as exc:  # the answer matters more than its record
            log.warning("declined question not kept: %s", exc)
        return answer

    def _open(self) -> Records:
        """The database, opened on the first declined question only (most runs have none)."""
        if self._records is None:
            from asisten.db import open_database

            self._records = Records(open_database(self.settings))
        return self._records
