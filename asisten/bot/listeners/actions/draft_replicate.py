""" "📝 Buat usulan replikasi" on a good practice cited in an answer: a draft prefilled from
that case, in a new thread of the user's DM."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, safely, start_draft
from asisten.bot.services import BotServices


def handle_replicate_case(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, case = body["user"]["id"], str(button_value(action).get("doc") or "")
    safely(services, client, None, None, lambda: start_draft(services, client, user, case=case))
