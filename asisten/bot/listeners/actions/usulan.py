"""Buttons of proposal drafting: choices, the one-field form, and the App Home draft cards.

Each handler acknowledges first, then works; a stranger's click is refused by the flow's access
check and told so politely in their DM.
"""

from __future__ import annotations

import json

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import (
    DraftThread,
    continue_draft,
    dm_channel,
    post_reply,
    publish_home,
    safely,
    start_draft,
    tell,
    upload_export,
)
from asisten.bot.services import BotServices
from asisten.bot.usulan_blocks import build_edit_view
from asisten.usulan.store import DraftError


def _value(action: dict) -> dict:
    try:
        value = json.loads(action.get("value") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _thread(body: dict) -> DraftThread:
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]
    return DraftThread(channel, message.get("thread_ts") or message.get("ts"))


def handle_draft_choice(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    value, user, thread = _value(action), body["user"]["id"], _thread(body)

    def choose() -> None:
        try:
            reply = services.flow.choose(value["d"], user, value["k"], value["c"])
        except DraftError as exc:
            tell(client, thread.channel, thread.thread_ts, str(exc))
            return
        post_reply(services, client, thread, user, reply)

    safely(services, client, thread.channel, thread.thread_ts, choose)


def handle_draft_form(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    value, user, thread = _value(action), body["user"]["id"], _thread(body)
    try:
        services.flow.store.get(value["d"], user)
        step = services.flow.template.step(value["k"])
    except (DraftError, KeyError) as exc:
        tell(client, thread.channel, thread.thread_ts, str(exc))
        return
    current = services.flow.store.answers(value["d"]).get(step.key)
    view = build_edit_view(
        value["d"], step.key, step.title, step.help, (current.value or "") if current else "",
        current.revision if current else 0, {"c": thread.channel, "t": thread.thread_ts},
    )  # fmt: skip
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_new_draft(ack: Ack, body: dict, client: WebClient, services: BotServices) -> None:
    ack()
    user = body["user"]["id"]
    safely(services, client, None, None, lambda: start_draft(services, client, user))


def handle_continue_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], _value(action).get("d")
    safely(services, client, None, None, lambda: continue_draft(services, client, user, draft_id))


def handle_export_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], _value(action).get("d", "")

    def export() -> None:
        channel = dm_channel(client, user)
        thread_ts = services.flow.store.thread_of(draft_id, channel)
        thread = DraftThread(channel, thread_ts) if thread_ts else None
        upload_export(services, client, thread, user, draft_id, "docx")

    safely(services, client, None, None, export)


def handle_delete_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], _value(action).get("d", "")

    def delete() -> None:
        try:
            services.flow.cancel(draft_id, user)
        except DraftError as exc:
            tell(client, dm_channel(client, user), None, str(exc))
        publish_home(services, client, user)

    safely(services, client, None, None, delete)
