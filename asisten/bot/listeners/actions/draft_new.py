"""App Home "Buat usulan baru": a new draft in the user's DM."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import safely, start_draft
from asisten.bot.services import BotServices


def handle_new_draft(ack: Ack, body: dict, client: WebClient, services: BotServices) -> None:
    ack()
    user = body["user"]["id"]
    safely(services, client, None, None, lambda: start_draft(services, client, user))
