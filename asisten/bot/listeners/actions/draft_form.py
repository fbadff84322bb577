""" "Isi lewat formulir": a modal editing one field of a draft, prefilled."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, clicked_thread
from asisten.bot.messages import post_text
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import build_edit_view
from asisten.usulan.store import DraftError


def handle_draft_form(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    value, user, thread = button_value(action), body["user"]["id"], clicked_thread(body)
    try:
        services.flow.store.get(value["d"], user)
        step = services.flow.template.step(value["k"])
    except (DraftError, KeyError) as exc:
        post_text(client, thread, str(exc))
        return
    current = services.flow.store.answers(value["d"]).get(step.key)
    view = build_edit_view(
        value["d"], step.key, step.title, step.help, (current.value or "") if current else "",
        current.revision if current else 0, {"c": thread.channel, "t": thread.thread_ts},
    )  # fmt: skip
    client.views_open(trigger_id=body["trigger_id"], view=view)
