"""Messages: every DM, a channel message that mentions the bot, follow-ups in its threads, and
proposal drafting in DM threads ("buat usulan", "lanjut", answers in a draft's thread)."""

from __future__ import annotations

from functools import partial

from slack_bolt import BoltContext
from slack_sdk import WebClient

from asisten.bot.admin import receive_files
from asisten.bot.asking import Place, ask_once, strip_mention
from asisten.bot.drafting import continue_draft, handle_in_thread, safely, start_draft
from asisten.bot.messages import SlackThread
from asisten.bot.services import BotServices
from asisten.usulan import is_start_request, resume_request


def handle_message(
    event: dict, context: BoltContext, client: WebClient, services: BotServices
) -> None:
    if event.get("subtype") == "file_share" and not event.get("bot_id"):
        _shared_files(event, client, services)
        return
    # Edits, deletions, joins and other bots' posts are not questions.
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return
    if event.get("channel_type") == "im" and _drafting(event, client, services):
        return
    place = _place(event, context.bot_user_id, services)
    if place is None:
        return
    question = strip_mention(event.get("text") or "", context.bot_user_id)
    ask_once(services, client, place, question, key=f"{event['channel']}:{event['ts']}")


def _drafting(event: dict, client: WebClient, services: BotServices) -> bool:
    """Handle the message as proposal drafting if it is; True when it was."""
    channel, ts, thread_ts = event["channel"], event["ts"], event.get("thread_ts")
    user, text = event["user"], (event.get("text") or "").strip()
    draft_id = services.flow.store.draft_for_thread(channel, thread_ts) if thread_ts else None
    resume, resume_id = resume_request(text) if not thread_ts else (False, None)
    if draft_id is None and not resume and not (not thread_ts and is_start_request(text)):
        return False
    if not services.records.claim_event(f"{channel}:{ts}", "usulan"):
        return True  # a retry of a message already handled
    if draft_id is not None:
        thread = SlackThread(channel, thread_ts)
        action = partial(
            handle_in_thread, services, client, thread, draft_id, user, text, float(ts)
        )
    elif resume:
        action = partial(continue_draft, services, client, user, resume_id, channel)
    else:
        action = partial(start_draft, services, client, user, channel)
    safely(services, client, channel, thread_ts, action)
    return True


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
