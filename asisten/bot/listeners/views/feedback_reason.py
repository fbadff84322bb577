"""The reason given after a 👎, attached to that feedback record."""

from __future__ import annotations

from slack_bolt import Ack

from asisten.bot.blocks import REASON_BLOCK, REASON_INPUT
from asisten.bot.services import BotServices


def handle_feedback_reason(ack: Ack, body: dict, view: dict, services: BotServices) -> None:
    ack()
    value = view["state"]["values"].get(REASON_BLOCK, {}).get(REASON_INPUT, {}).get("value")
    reason = (value or "").strip()
    try:
        feedback_id = int(view.get("private_metadata") or "")
    except ValueError:
        return
    if reason:
        services.records.add_reason(feedback_id, body["user"]["id"], reason)
