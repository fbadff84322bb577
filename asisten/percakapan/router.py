"""The one place that decides what a message is, for Slack and for the terminal alike.

A message is a request to start or resume a draft, part of a draft (it came in the draft's
thread, or the terminal has a draft open), small talk, or a question for the knowledge base. A
message outside any draft while the person's latest draft waits for an answer is read by its
shape: a question goes to the knowledge base; an unmistakable answer ("Budi, 0812 …" for
Narahubung, a date for a date step) is taken as the answer and the reply says so; anything else
is kept (`HeldMessage`) and the person is asked which it is. Nothing typed is dropped.

Every outcome is a `FlowReply` (side answer, notice, question, step, options) that the Slack
listener and `asisten chat` render their own way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asisten.percakapan.conversation import Conversation
from asisten.percakapan.message_shape import answers_step, is_question, waiting_hours
from asisten.usulan import is_start_request, replication_request, resume_request
from asisten.usulan.flow import ProposalFlow
from asisten.usulan.models import HELD_OUTSIDE
from asisten.usulan.reply import FlowReply, Option
from asisten.usulan.store import DraftError

OPTION_ANSWER = "jawab"
OPTION_QUESTION = "tanya"
QUOTE_CHARS = 120


@dataclass(frozen=True)
class Incoming:
    user: str
    text: str
    # The draft whose thread the message is in (Slack) or that is open (terminal).
    draft_id: str | None = None
    sent_at: float | None = None
    # Written where a stray draft answer could land (a DM itself, the terminal with no draft
    # open), not in the thread of some other conversation.
    top_level: bool = True


class SessionRouter:
    def __init__(self, conversation: Conversation, flow: ProposalFlow) -> None:
        self.conversation = conversation
        self.flow = flow

    def route(self, message: Incoming, on_search: Callable[[], None] | None = None) -> FlowReply:
        """One message; `on_search` is called just before a knowledge-base search (Slack shows
        a progress reaction then)."""
        text, user = message.text.strip(), message.user
        case = replication_request(text)
        if case is not None:
            return self.flow.start_replication(user, case)
        if is_start_request(text):
            return self.flow.start(user)
        resume, draft_id = resume_request(text)
        if resume:
            return self._resume(user, draft_id)
        if message.draft_id is not None:
            if text.endswith("?") and on_search:
                on_search()
            return self.flow.handle(message.draft_id, user, text, sent_at=message.sent_at)
        small = self.conversation.small_talk(text)
        if small is not None:
            return FlowReply(None, small.text, kind="help")
        waiting = self._waiting(user) if message.top_level else None
        if waiting is not None and not is_question(text):
            return self._outside(waiting, user, text)
        return self._answer(text, on_search)

    def place(
        self, held_id: int, user: str, as_answer: bool, on_search: Callable[[], None] | None = None
    ) -> FlowReply:
        """The person said what a kept message was: the answer to the waiting step, or a
        question for the knowledge base."""
        held = self.flow.store.held(held_id, user)
        how = "jawaban" if as_answer else "pertanyaan"
        if not self.flow.store.resolve_held(held.id, how):
            return FlowReply(held.draft_id, self._message("sudah_ditempatkan"), kind="info")
        if not as_answer:
            return self._answer(held.text, on_search)
        step = self.flow.asked_step(held.draft_id, user)
        if step is None or step.key != held.key:
            reply = self.flow.resume(held.draft_id, user)
            reply.notice = self._message("langkah_berubah", teks=_quote(held.text))
            return reply
        return self._taken(held.draft_id, user, held.text)

    # -- helpers ------------------------------------------------------------------------------
    def _resume(self, user: str, draft_id: str | None) -> FlowReply:
        if draft_id is None:
            drafts = self.flow.store.drafts_of(user)
            if not drafts:
                raise DraftError('Belum ada usulan. Ketik "buat usulan" untuk memulai.')
            draft_id = drafts[0].id
        return self.flow.resume(draft_id, user)

    def _answer(self, text: str, on_search: Callable[[], None] | None) -> FlowReply:
        if on_search:
            on_search()
        return FlowReply(None, kind="answer", side_answer=self.conversation.ask(text))

    def _waiting(self, user: str) -> str | None:
        """The person's latest draft, if it was touched recently and waits for an answer."""
        drafts = self.flow.store.drafts_of(user)
        if not drafts:
            return None
        draft = drafts[0]
        changed = draft.updated_at
        changed = changed if changed.tzinfo else changed.replace(tzinfo=UTC)
        recent = datetime.now(UTC) - changed <= timedelta(hours=waiting_hours())
        if draft.status == "diajukan" or not recent:
            return None
        return draft.id if self.flow.asked_step(draft.id, user) is not None else None

    def _outside(self, draft_id: str, user: str, text: str) -> FlowReply:
        step = self.flow.asked_step(draft_id, user)
        assert step is not None
        if answers_step(step, text, self.flow.values(draft_id)):
            return self._taken(draft_id, user, text)
        held = self.flow.store.hold(draft_id, user, step.key, text, HELD_OUTSIDE)
        label = self.flow.step_label(draft_id, user)
        draft = self.flow.store.get(draft_id, user)
        notice = self._message(
            "parkir", draft_id=draft_id, nama=draft.name, langkah=label, teks=_quote(text)
        )
        options = (
            Option(self._message("parkir_jawaban", langkah=label), OPTION_ANSWER),
            Option(self._message("parkir_pertanyaan"), OPTION_QUESTION),
        )
        return FlowReply(draft_id, notice, kind="parked", options=options, held_id=held.id)

    def _taken(self, draft_id: str, user: str, text: str) -> FlowReply:
        label = self.flow.step_label(draft_id, user)
        draft = self.flow.store.get(draft_id, user)
        reply = self.flow.handle(draft_id, user, text)
        taken = self._message("diambil", langkah=label, draft_id=draft_id, nama=draft.name)
        reply.notice = "\n".join(p for p in (taken, reply.notice) if p)
        reply.moved_to_draft = True
        return reply

    def _message(self, kind: str, **context: object) -> str:
        return self.flow.message(kind, **context)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"
