""" "Unggah dokumen" beside a knowledge gap in the admin's App Home."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import send_gap_instructions
from asisten.bot.services import BotServices


def handle_gap_upload(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    send_gap_instructions(services, client, body["user"]["id"], action.get("value") or "")
