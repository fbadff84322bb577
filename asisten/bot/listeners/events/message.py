"""Messages: every DM, a channel message that mentions the bot, and follow-ups in its threads."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from asisten.bot.asking import Place, ask_once, strip_mention
from asisten.bot.services import BotServices


def handle_message(
    event: dict, context: BoltContext, client: WebClient, services: BotServices
) -> None:
    # Edits, deletions, joins and other bots' posts are not questions.
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return
    place = _place(event, context.bot_user_id, services)
    if place is None:
        return
    question = strip_mention(event.get("text") or "", context.bot_user_id)
    ask_once(services, client, place, question, key=f"{event['channel']}:{event['ts']}")


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
