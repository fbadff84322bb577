"""A terminal chat session: questions go to the conversation, "buat usulan" opens a proposal
draft, and while a draft is open every message goes to the proposal flow until "simpan"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asisten.jawab.answer import Answer
from asisten.percakapan.conversation import Conversation
from asisten.usulan import is_start_request, resume_request
from asisten.usulan.flow import FlowReply, ProposalFlow
from asisten.usulan.store import DraftError


@dataclass
class SessionReply:
    """What to show: a knowledge-base answer (with its sources) and/or further text."""

    text: str
    answer: Answer | None = None
    file: Path | None = None


class ChatSession:
    def __init__(
        self, conversation: Conversation, flow: ProposalFlow, user: str, export_dir: Path
    ) -> None:
        self.conversation = conversation
        self.flow = flow
        self.user = user
        self.export_dir = export_dir
        self.draft_id: str | None = None

    def reply(self, message: str) -> SessionReply:
        try:
            return self._reply(message)
        except DraftError as exc:
            return SessionReply(str(exc))

    def _reply(self, message: str) -> SessionReply:
        resume, draft_id = resume_request(message)
        if is_start_request(message):
            return self._follow(self.flow.start(self.user))
        if resume:
            return self._resume(draft_id)
        if self.draft_id is None:
            reply = self.conversation.reply(message)
            return SessionReply("" if reply.answer else reply.text, reply.answer)
        return self._follow(self.flow.handle(self.draft_id, self.user, message))

    def _resume(self, draft_id: str | None) -> SessionReply:
        if draft_id is None:
            drafts = self.flow.store.drafts_of(self.user)
            if not drafts:
                return SessionReply('Belum ada usulan. Ketik "buat usulan" untuk memulai.')
            draft_id = drafts[0].id
        return self._follow(self.flow.resume(draft_id, self.user))

    def _follow(self, reply: FlowReply) -> SessionReply:
        self.draft_id = None if reply.kind == "closed" else reply.draft_id
        if reply.answer is not None:  # a side question: the answer, then the question again
            return SessionReply(reply.text[len(reply.answer.text) :].strip(), reply.answer)
        if reply.kind != "export" or reply.draft_id is None:
            return SessionReply(reply.text)
        name, data = self.flow.export(reply.draft_id, self.user, reply.export_format or "docx")
        path = self.export_dir / name
        path.write_bytes(data)
        return SessionReply(f"Dokumen usulan disimpan di {path}", file=path)
