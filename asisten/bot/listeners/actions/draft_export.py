"""App Home "Ekspor Word": the document uploaded to the user's DM."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, safely, upload_export
from asisten.bot.messages import SlackThread, dm_channel
from asisten.bot.services import BotServices


def handle_export_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], button_value(action).get("d", "")

    def export() -> None:
        channel = dm_channel(client, user)
        thread_ts = services.flow.store.thread_of(draft_id, channel)
        thread = SlackThread(channel, thread_ts) if thread_ts else None
        upload_export(services, client, thread, user, draft_id, "docx")

    safely(services, client, None, None, export)
