"""One conversation turn: a message in, a reply out. The terminal chat and the Slack bot both
call `Conversation.reply`, so they behave the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from asisten import templates
from asisten.jawab.answer import Answer
from asisten.jawab.engine import Engine

_HELP = re.compile(r"^\s*(bantuan|help|tolong|\?|menu)\s*[.!?]*\s*$", re.IGNORECASE)
_GREETING = re.compile(
    r"^\s*(hai|halo|hallo|hi|hello|selamat (pagi|siang|sore|malam)|assalamu.?alaikum|permisi)\b"
    r"[\s,.!]*$",
    re.IGNORECASE,
)


@dataclass
class Reply:
    text: str
    answer: Answer | None = None
    kind: str = "answer"  # answer | help | empty


class Conversation:
    def __init__(self, engine: Engine, prompts_dir: Path) -> None:
        self.engine = engine
        self.prompts_dir = prompts_dir

    def reply(self, message: str) -> Reply:
        return self.small_talk(message) or self._answer(message.strip())

    def small_talk(self, message: str) -> Reply | None:
        """Empty messages, greetings and requests for help: no search needed."""
        message = message.strip()
        if not message:
            return Reply(templates.render(self.prompts_dir, "kosong.txt.j2"), kind="empty")
        if _HELP.match(message) or _GREETING.match(message):
            return Reply(templates.render(self.prompts_dir, "bantuan.txt.j2"), kind="help")
        return None

    def ask(self, question: str) -> Answer:
        """A knowledge-base answer with its sources (the answering function a draft gets)."""
        return self.engine.answer(question.strip())

    def _answer(self, message: str) -> Reply:
        answer = self.ask(message)
        return Reply(answer.text, answer=answer, kind="answer")
