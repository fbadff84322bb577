"""Direct messages and proposal drafting in Slack: each draft is written in a thread of the
user's DM with the bot.

What a message is (a draft answer, a command, a question, a stray answer sent outside the
thread) is decided by the shared `SessionRouter`; here its structured reply becomes Block Kit in
the right place (the draft's thread, or where the person wrote), knowledge-base answers are
recorded for feedback, exports become file uploads, and draft errors (a stranger, a deleted
draft) become a polite message instead of an exception.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from slack_sdk import WebClient

from asisten.bot.admin import gap_home_blocks, status_home_blocks
from asisten.bot.asking import Place, post_to, react, respond
from asisten.bot.blocks import escape, fallback_text
from asisten.bot.home import build_home_view
from asisten.bot.messages import SlackThread, clicked, dm_channel, post_text
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import MODAL_INPUT_LIMIT, DraftCard, build_flow_blocks
from asisten.percakapan.conversation import Reply
from asisten.percakapan.router import Incoming
from asisten.usulan.reply import FlowReply
from asisten.usulan.store import DraftError

log = logging.getLogger("asisten.bot")


def safely(
    services: BotServices, client: WebClient, channel: str | None, thread_ts: str | None,
    action: Callable[[], None],
) -> None:  # fmt: skip
    """Run a drafting action; a failure is logged and answered with the usual apology."""
    try:
        action()
    except Exception:
        log.exception("drafting failed channel=%s thread=%s", channel, thread_ts)
        if channel is None:
            return
        try:
            post_text(client, SlackThread(channel, thread_ts), services.render("gangguan.txt.j2"))
        except Exception as exc:
            log.error("apology failed too channel=%s error=%s", channel, exc)


def button_value(action: dict) -> dict:
    """The JSON a drafting button carries; {} for anything malformed."""
    try:
        value = json.loads(action.get("value") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def clicked_thread(body: dict) -> SlackThread:
    """The draft thread a clicked message is in (the message itself when it is the root)."""
    where, ts = clicked(body)
    return SlackThread(where.channel, where.thread_ts or ts)


def start_draft(
    services: BotServices, client: WebClient, user: str, channel: str | None = None,
    case: str | None = None,
) -> None:  # fmt: skip
    """A new draft (a replication of the good practice `case`, if given) in a new DM thread."""
    channel = channel or dm_channel(client, user)
    try:
        reply = services.flow.start_replication(user, case) if case else services.flow.start(user)
    except DraftError as exc:
        post_text(client, SlackThread(channel, None), str(exc))
        return
    if reply.draft_id is None:  # the case was not found: say so where the person is
        post_text(client, SlackThread(channel, None), reply.text)
        return
    thread = _open_thread(services, client, channel, reply.draft_id)
    post_reply(services, client, thread, user, reply)


def continue_draft(
    services: BotServices, client: WebClient, user: str, draft_id: str | None = None,
    channel: str | None = None,
) -> None:  # fmt: skip
    """Resume a draft (the latest one if no id) in its DM thread, or a new thread if none."""
    channel = channel or dm_channel(client, user)
    try:
        if draft_id is None:
            drafts = services.flow.store.drafts_of(user)
            if not drafts:
                post_text(
                    client, SlackThread(channel, None), services.render("usulan/kosong.txt.j2")
                )
                return
            draft_id = drafts[0].id
        reply = services.flow.resume(draft_id, user)
    except DraftError as exc:
        post_text(client, SlackThread(channel, None), str(exc))
        return
    thread_ts = services.flow.store.thread_of(draft_id, channel)
    thread = (
        SlackThread(channel, thread_ts)
        if thread_ts
        else _open_thread(services, client, channel, draft_id)
    )
    post_reply(services, client, thread, user, reply)


def converse(
    services: BotServices, client: WebClient, place: Place, incoming: Incoming,
    route: Callable[[Callable[[], None]], FlowReply] | None = None,
) -> None:  # fmt: skip
    """One DM (or one click that places a kept message): routed, then shown where it belongs.
    The ⏳ reaction is shown only while the knowledge base is searched."""
    started, searching = time.perf_counter(), []

    def on_search() -> None:
        searching.append(True)
        react(client, place, "add")

    try:
        reply = (route or (lambda hook: services.router.route(incoming, hook)))(on_search)
        show(services, client, place, incoming, reply, started)
    except DraftError as exc:
        post_text(client, SlackThread(place.channel, place.thread_ts), str(exc))
    finally:
        if searching:  # after the answer is out, as for questions in channels
            react(client, place, "remove")


def show(
    services: BotServices, client: WebClient, place: Place, incoming: Incoming,
    reply: FlowReply, started: float,
) -> None:  # fmt: skip
    here = SlackThread(place.channel, place.thread_ts)
    if reply.kind == "parked":
        post_reply(services, client, here, place.user, reply)
    elif reply.draft_id is None:  # small talk or a knowledge-base answer
        kind = "answer" if reply.side_answer else "help"
        text = reply.side_answer.text if reply.side_answer else reply.text
        answer = Reply(text, reply.side_answer, kind)
        respond(services, place, incoming.text, lambda: answer, post_to(client, place), started)
    else:
        in_thread = incoming.draft_id == reply.draft_id and place.thread_ts is not None
        thread = (
            here if in_thread else draft_thread(services, client, place.channel, reply.draft_id)
        )
        post_reply(services, client, thread, place.user, reply)


def draft_thread(
    services: BotServices, client: WebClient, channel: str, draft_id: str
) -> SlackThread:
    """The draft's latest thread in this DM, or a new one."""
    thread_ts = services.flow.store.thread_of(draft_id, channel)
    if thread_ts:
        return SlackThread(channel, thread_ts)
    return _open_thread(services, client, channel, draft_id)


def post_reply(
    services: BotServices, client: WebClient, thread: SlackThread, user: str, reply: FlowReply
) -> None:
    if reply.kind == "export" and reply.draft_id:
        upload_export(services, client, thread, user, reply.draft_id, reply.export_format or "docx")
        return
    fits = True
    if reply.step is not None and reply.draft_id:
        current = services.flow.store.answers(reply.draft_id).get(reply.step.key)
        fits = not (current and current.value and len(current.value) > MODAL_INPUT_LIMIT)
    text = reply.text or (reply.side_answer.text if reply.side_answer else "")
    # A stray answer taken from outside the thread: shown in the thread and in the DM itself.
    broadcast = {"reply_broadcast": True} if reply.moved_to_draft and thread.thread_ts else {}
    client.chat_postMessage(
        channel=thread.channel, thread_ts=thread.thread_ts, text=fallback_text(text),
        blocks=build_flow_blocks(reply, current_value_fits=fits),
        unfurl_links=False, unfurl_media=False, **broadcast,
    )  # fmt: skip


def upload_export(
    services: BotServices, client: WebClient, thread: SlackThread | None, user: str,
    draft_id: str, fmt: str,
) -> None:  # fmt: skip
    """The document, uploaded into the user's DM (in the draft's thread when there is one)."""
    channel = thread.channel if thread else dm_channel(client, user)
    try:
        name, data = services.flow.export(draft_id, user, fmt)
    except DraftError as exc:
        post_text(client, SlackThread(channel, thread.thread_ts if thread else None), str(exc))
        return
    client.files_upload_v2(
        channel=channel, thread_ts=thread.thread_ts if thread else None, content=data,
        filename=name, title=name,
        initial_comment=services.render("usulan/ekspor_siap.txt.j2", draft_id=draft_id),
    )  # fmt: skip
    log.info("draft exported draft=%s user=%s format=%s bytes=%d", draft_id, user, fmt, len(data))


def publish_home(services: BotServices, client: WebClient, user: str) -> None:
    cards = []
    for draft in services.flow.store.drafts_of(user):
        done, total = services.flow.progress(draft.id)
        cards.append(DraftCard(draft.id, draft.name, draft.status, done, total))
    admin = gap_home_blocks(services, user) + status_home_blocks(services, user)  # admins only
    view = build_home_view(services.render("beranda.txt.j2"), cards, admin)
    client.views_publish(user_id=user, view=view)


def _open_thread(
    services: BotServices, client: WebClient, channel: str, draft_id: str
) -> SlackThread:
    root_text = services.render("usulan/utas.txt.j2", draft_id=escape(draft_id))
    root = client.chat_postMessage(channel=channel, text=root_text)
    services.flow.store.link_thread(draft_id, channel, root["ts"])
    return SlackThread(channel, root["ts"])
