"""@asisten in a channel: answer in the thread of the mention."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from asisten.bot.asking import Place, ask_once, strip_mention
from asisten.bot.services import BotServices


def handle_app_mention(
    event: dict, context: BoltContext, client: WebClient, services: BotServices
) -> None:
    if event.get("bot_id") or not event.get("user"):
        return
    ts = event["ts"]
    place = Place(event["user"], event["channel"], "mention", event.get("thread_ts") or ts, ts)
    question = strip_mention(event.get("text") or "", context.bot_user_id)
    ask_once(services, client, place, question, key=f"{event['channel']}:{ts}")
