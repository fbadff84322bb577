"""The whole-draft form: every changed field validated by the flow (nothing stored if one is
invalid) and revision-checked; problems are shown on their fields so nothing typed is lost."""

from __future__ import annotations

import json

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import post_reply, safely
from asisten.bot.messages import SlackThread
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import OVERVIEW_BLOCK, overview_changes
from asisten.usulan.store import DraftError

ERROR_LIMIT = 150  # Slack shows a short line under the input


def handle_draft_overview_submit(
    ack: Ack, body: dict, view: dict, client: WebClient, services: BotServices
) -> None:
    meta = json.loads(view.get("private_metadata") or "{}")
    user, changes = body["user"]["id"], overview_changes(view)
    try:
        problems = services.flow.edit_many(meta["d"], user, changes)
    except DraftError as exc:
        first = next(iter(changes), None)
        if first is None:
            ack()
            return
        ack(response_action="errors", errors={f"{OVERVIEW_BLOCK}{first}": str(exc)[:ERROR_LIMIT]})
        return
    if problems:
        errors = {f"{OVERVIEW_BLOCK}{k}": m[:ERROR_LIMIT] for k, m in problems.items()}
        ack(response_action="errors", errors=errors)
        return
    ack()
    if not changes or not meta.get("c") or not meta.get("t"):
        return
    thread = SlackThread(meta["c"], meta["t"])

    def continue_in_thread() -> None:
        reply = services.flow.resume(meta["d"], user)
        titles = ", ".join(services.flow.template.step(k).title for k in changes)
        reply.notice = f"Tersimpan dari formulir: {titles}."
        post_reply(services, client, thread, user, reply)

    safely(services, client, thread.channel, thread.thread_ts, continue_in_thread)
