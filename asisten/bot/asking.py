"""One question asked in Slack, answered exactly once, whatever happens on the way.

The listener has already acknowledged Slack; here the work is done: claim the message (so a
retry or a second delivery is ignored), show progress with a reaction, answer through the shared
conversation, record the answer for feedback, deliver the blocks, and log the outcome. Any
failure becomes a short Indonesian apology, never silence and never a traceback.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from asisten.bot.blocks import build_answer_blocks, build_text_blocks, fallback_text
from asisten.bot.services import BotServices
from asisten.db.records import AnswerRecord
from asisten.percakapan.conversation import Reply

log = logging.getLogger("asisten.bot")

PROGRESS_REACTION = "hourglass_flowing_sand"
# Where a slash-command answer or a message answer goes: (fallback text, blocks) -> None.
Deliver = Callable[[str, list[dict[str, Any]]], None]


@dataclass(frozen=True)
class Place:
    """Who asked, where the answer goes, and which message shows the progress reaction."""

    user: str
    channel: str
    origin: str  # dm | mention | thread | command | option (a reading chosen by button)
    thread_ts: str | None = None
    message_ts: str | None = None


def strip_mention(text: str, bot_user_id: str | None) -> str:
    if not bot_user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text).strip()


def ask_once(
    services: BotServices, client: WebClient, place: Place, question: str, key: str
) -> None:
    """Answer a message-borne question unless this message was already taken on."""
    if not services.records.claim_event(key, place.origin):
        log.info("duplicate ignored key=%s origin=%s", key, place.origin)
        return
    answer_question(services, client, place, question, post_to(client, place))


def answer_question(
    services: BotServices, client: WebClient, place: Place, question: str, deliver: Deliver
) -> None:
    started = time.perf_counter()
    react(client, place, "add")
    try:
        if place.origin in ("mention", "thread") and place.thread_ts:
            # Before answering: a follow-up sent while we work must already find the thread ours.
            services.records.remember_thread(place.channel, place.thread_ts)
        reply = lambda: services.conversation.reply(question)  # noqa: E731
        respond(services, place, question, reply, deliver, started)
    finally:
        react(client, place, "remove")


def respond(
    services: BotServices, place: Place, question: str, reply: Callable[[], Reply],
    deliver: Deliver, started: float | None = None,
) -> None:  # fmt: skip
    """Compute and deliver a knowledge-base reply; any failure is logged with its context and
    answered with an apology, never silence."""
    started = time.perf_counter() if started is None else started
    try:
        deliver_reply(services, place, question, reply(), deliver, started)
    except Exception:
        # Logged with context but without the question's text (it may be personal).
        log.exception(
            "answer failed user=%s channel=%s origin=%s chars=%d",
            place.user, place.channel, place.origin, len(question),
        )  # fmt: skip
        _log_outcome(place, question, "error", "-", 0, started)
        _apologise(services, place, deliver)


def deliver_reply(
    services: BotServices, place: Place, question: str, reply: Reply, deliver: Deliver,
    started: float,
) -> None:  # fmt: skip
    """A knowledge-base reply: recorded for feedback, delivered as blocks, its outcome logged."""
    outcome, kind, sources = reply.kind, "-", 0
    if reply.answer is None:
        blocks = build_text_blocks(reply.text)
    else:
        answer = reply.answer
        answer_id = services.records.save_answer(
            AnswerRecord(
                user=place.user, channel=place.channel, question=question, answer=answer.text,
                found=answer.found, kind=answer.kind,
                sources=[s.as_json() | {"number": s.number} for s in answer.sources],
            )
        )  # fmt: skip
        blocks = build_answer_blocks(answer, answer_id)
        outcome = "found" if answer.found else "not_found"
        kind, sources = answer.kind, len(answer.sources)
    deliver(fallback_text(reply.text), blocks)
    _log_outcome(place, question, outcome, kind, sources, started)


def _log_outcome(
    place: Place, question: str, outcome: str, kind: str, sources: int, started: float
) -> None:
    log.info(
        "question user=%s channel=%s origin=%s outcome=%s kind=%s sources=%d chars=%d"
        " latency_ms=%.0f",
        place.user, place.channel, place.origin, outcome, kind, sources, len(question),
        (time.perf_counter() - started) * 1000,
    )  # fmt: skip


def post_to(client: WebClient, place: Place) -> Deliver:
    def post(text: str, blocks: list[dict[str, Any]]) -> None:
        client.chat_postMessage(
            channel=place.channel, thread_ts=place.thread_ts, text=text, blocks=blocks,
            unfurl_links=False, unfurl_media=False,
        )  # fmt: skip

    return post


def _apologise(services: BotServices, place: Place, deliver: Deliver) -> None:
    apology = services.render("gangguan.txt.j2")
    try:
        deliver(apology, build_text_blocks(apology))
    except Exception as exc:
        log.error("apology failed too user=%s channel=%s error=%s", place.user, place.channel, exc)


def react(client: WebClient, place: Place, action: str) -> None:
    """Progress shown as a reaction on the question; cosmetic, so failures are only logged."""
    if not place.message_ts:
        return
    method = client.reactions_add if action == "add" else client.reactions_remove
    try:
        method(channel=place.channel, timestamp=place.message_ts, name=PROGRESS_REACTION)
    except SlackApiError as exc:
        log.debug("reaction %s failed: %s", action, exc.response.get("error"))
    except Exception as exc:  # network trouble must not turn a delivered answer into a failure
        log.warning("reaction %s failed: %s", action, exc)
