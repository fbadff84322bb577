"""A terminal chat session: the session router decides what each message is; this edge keeps
which draft is open (the terminal's "thread") and prints the router's structured reply.

A draft opened with "buat usulan" or "lanjut" stays open until "simpan" or "batal"; after that a
message is outside the draft, and the router may take it as the answer, or ask with numbered
options ("1" / "2") whether it is an answer or a question, as Slack asks with buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asisten.jawab.answer import Answer
from asisten.percakapan.router import OPTION_ANSWER, Incoming, SessionRouter
from asisten.usulan.reply import FlowReply
from asisten.usulan.store import DraftError


@dataclass
class SessionReply:
    """What to show: a knowledge-base answer (with its sources) and/or further text."""

    text: str
    answer: Answer | None = None
    file: Path | None = None


class ChatSession:
    def __init__(self, router: SessionRouter, user: str, export_dir: Path) -> None:
        self.router = router
        self.flow = router.flow
        self.user = user
        self.export_dir = export_dir
        self.draft_id: str | None = None
        self.parked: FlowReply | None = None  # a kept message waiting for "1" or "2"
        # A question asked back: its readings, picked by number as Slack picks them by button.
        self.readings: list[str] = []

    def reply(self, message: str) -> SessionReply:
        try:
            return self._show(self._route(message))
        except DraftError as exc:
            return SessionReply(str(exc))

    def _route(self, message: str) -> FlowReply:
        readings, self.readings = self.readings, []
        typed = message.strip().rstrip(".")
        if readings and typed.isdigit() and 1 <= int(typed) <= len(readings):
            message = readings[int(typed) - 1]
        parked, self.parked = self.parked, None
        if parked is not None and parked.held_id is not None:
            chosen = _chosen(parked, message)
            if chosen is not None:
                return self.router.place(parked.held_id, self.user, chosen == OPTION_ANSWER)
        return self.router.route(Incoming(self.user, message, draft_id=self.draft_id))

    def _show(self, reply: FlowReply) -> SessionReply:
        if reply.kind == "parked":
            self.parked = reply
            lines = [f"  {n}. {o.label}" for n, o in enumerate(reply.options, start=1)]
            return SessionReply("\n".join([reply.notice, *lines]))
        if reply.kind == "closed":
            self.draft_id = None
        elif reply.draft_id is not None:
            self.draft_id = reply.draft_id
        if reply.kind == "export" and reply.draft_id is not None:
            name, data = self.flow.export(reply.draft_id, self.user, reply.export_format or "docx")
            path = self.export_dir / name
            path.write_bytes(data)
            return SessionReply(f"Dokumen usulan disimpan di {path}", file=path)
        text = reply.text
        if reply.options and reply.kind != "parked":
            text += "\n\nPilihan: " + " / ".join(o.label for o in reply.options)
        if reply.side_answer is not None and reply.side_answer.options:
            self.readings = [option.question for option in reply.side_answer.options]
            text = "\n".join(p for p in (text, _PICK_READING) if p)
        return SessionReply(text, reply.side_answer)


_PICK_READING = "Ketik nomor pilihannya, atau tulis ulang pertanyaan Anda."


def _chosen(parked: FlowReply, message: str) -> str | None:
    """The option a typed reply picks: its number or its label."""
    typed = message.strip().rstrip(".").lower()
    for number, option in enumerate(parked.options, start=1):
        if typed in (str(number), option.label.lower(), option.value):
            return option.value
    return None
