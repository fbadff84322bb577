"""App Home "Lanjutkan": the draft's next question in its DM thread."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, continue_draft, safely
from asisten.bot.services import BotServices


def handle_continue_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], button_value(action).get("d")
    safely(services, client, None, None, lambda: continue_draft(services, client, user, draft_id))
