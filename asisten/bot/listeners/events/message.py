"""Messages: every DM (routed by the shared session router: questions, "buat usulan", "lanjut",
answers in a draft's thread, stray answers outside it), a channel message that mentions the bot,
and follow-ups in its threads."""

from __future__ import annotations

from functools import partial

from slack_bolt import BoltContext
from slack_sdk import WebClient

from asisten.bot.admin import receive_files
from asisten.bot.asking import Place, ask_once, strip_mention
from asisten.bot.drafting import converse, safely
from asisten.bot.messages import SlackThread
from asisten.bot.services import BotServices
from asisten.percakapan.router import Incoming


def handle_message(
    event: dict, context: BoltContext, client: WebClient, services: BotServices
) -> None:
    if event.get("subtype") == "file_share" and not event.get("bot_id"):
        _shared_files(event, client, services)
        return
    # Edits, deletions, joins and other bots' posts are not questions.
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return
    if event.get("channel_type") == "im":
        _direct(event, client, services)
        return
    place = _place(event, context.bot_user_id, services)
    if place is None:
        return
    question = strip_mention(event.get("text") or "", context.bot_user_id)
    ask_once(services, client, place, question, key=f"{event['channel']}:{event['ts']}")


def _direct(event: dict, client: WebClient, services: BotServices) -> None:
    channel, ts, thread_ts = event["channel"], event["ts"], event.get("thread_ts")
    if not services.records.claim_event(f"{channel}:{ts}", "dm"):
        return  # a retry of a message already handled
    draft_id = services.flow.store.draft_for_thread(channel, thread_ts) if thread_ts else None
    place = Place(event["user"], channel, "dm", thread_ts, ts)
    incoming = Incoming(
        event["user"], (event.get("text") or "").strip(), draft_id, float(ts),
        top_level=thread_ts is None,
    )  # fmt: skip
    safely(
        services, client, channel, thread_ts, partial(converse, services, client, place, incoming)
    )


def _shared_files(event: dict, client: WebClient, services: BotServices) -> None:
    """A file shared in a DM with the bot or in the admin channel is an upload for the index."""
    channel = event["channel"]
    in_admin_channel = channel == services.settings.admin_channel
    if event.get("channel_type") != "im" and not in_admin_channel:
        return
    if not services.records.claim_event(f"{channel}:{event['ts']}", "unggah"):
        return
    where = SlackThread(
        channel, event.get("thread_ts") or (event["ts"] if in_admin_channel else None)
    )
    files = event.get("files") or []
    safely(
        services, client, channel, where.thread_ts,
        partial(receive_files, services, client, event["user"], files, where),
    )  # fmt: skip


def _place(event: dict, bot_user_id: str | None, services: BotServices) -> Place | None:
    channel, ts, thread_ts = event["channel"], event["ts"], event.get("thread_ts")
    user = event["user"]
    if event.get("channel_type") == "im":
        return Place(user, channel, "dm", thread_ts, ts)
    if bot_user_id and f"<@{bot_user_id}" in (event.get("text") or ""):
        # Also delivered as app_mention; whichever arrives first answers, the other is a duplicate.
        return Place(user, channel, "mention", thread_ts or ts, ts)
    if thread_ts and services.records.is_bot_thread(channel, thread_ts):
        return Place(user, channel, "thread", thread_ts, ts)
    return None
