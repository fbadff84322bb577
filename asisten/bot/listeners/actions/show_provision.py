""" "Lihat teks pasal": the whole provision in a modal, from the index now in use."""

from __future__ import annotations

import json

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.blocks import build_missing_provision_view, build_provision_view
from asisten.bot.services import BotServices


def handle_show_provision(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    try:
        target = json.loads(action.get("value") or "{}")
        doc_id, pasal = str(target["doc"]), str(target["pasal"])
    except (ValueError, KeyError, TypeError):
        doc_id, pasal = "", ""
    provision = services.engine.provision_text(doc_id, pasal) if doc_id else None
    if provision is None:
        view = build_missing_provision_view(f"Pasal {pasal}" if pasal else "pasal ini")
    else:
        view = build_provision_view(
            provision.citation, provision.title, provision.url, provision.text
        )
    client.views_open(trigger_id=body["trigger_id"], view=view)
