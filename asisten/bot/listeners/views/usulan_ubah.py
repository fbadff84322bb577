"""The one-field edit form: validated and revision-checked by the flow; a problem is shown on
the field itself (Slack's `response_action: errors`) so nothing typed is lost."""

from __future__ import annotations

import json

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import post_reply, safely
from asisten.bot.messages import SlackThread
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import EDIT_BLOCK, EDIT_INPUT
from asisten.usulan.store import DraftError

ERROR_LIMIT = 150  # Slack shows a short line under the input


def handle_draft_edit(
    ack: Ack, body: dict, view: dict, client: WebClient, services: BotServices
) -> None:
    meta = json.loads(view.get("private_metadata") or "{}")
    user = body["user"]["id"]
    value = view["state"]["values"][EDIT_BLOCK][EDIT_INPUT].get("value") or ""
    try:
        reply = services.flow.edit(meta["d"], user, meta["k"], value, int(meta["r"]))
    except DraftError as exc:
        ack(response_action="errors", errors={EDIT_BLOCK: str(exc)[:ERROR_LIMIT]})
        return
    if reply.kind in ("invalid", "conflict"):
        ack(response_action="errors", errors={EDIT_BLOCK: reply.text[:ERROR_LIMIT]})
        return
    ack()
    if not meta.get("c") or not meta.get("t"):
        return
    thread = SlackThread(meta["c"], meta["t"])

    def continue_in_thread() -> None:
        post_reply(services, client, thread, user, reply)
        post_reply(services, client, thread, user, services.flow.resume(meta["d"], user))

    safely(services, client, thread.channel, thread.thread_ts, continue_in_thread)
