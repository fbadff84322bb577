""" "📋 Semua bagian": a modal with every section of the draft and its current value, editable."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, clicked_thread
from asisten.bot.messages import post_text
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import build_overview_view
from asisten.usulan.store import DraftError


def handle_draft_overview(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    draft_id, user, thread = (
        button_value(action).get("d", ""),
        body["user"]["id"],
        clicked_thread(body),
    )
    try:
        sections = services.flow.sections(draft_id, user)
    except DraftError as exc:
        post_text(client, thread, str(exc))
        return
    place = {"c": thread.channel, "t": thread.thread_ts}
    client.views_open(
        trigger_id=body["trigger_id"], view=build_overview_view(draft_id, sections, place)
    )
