"""Buttons of admin work: confirm, correct or cancel an upload; confirm a deletion."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import (
    Where,
    correction_view,
    message,
    post,
    start_job,
    update,
)
from asisten.bot.services import BotServices
from asisten.errors import AsistenError


def _where(body: dict) -> tuple[Where, str]:
    container = body.get("container") or {}
    message_ = body.get("message") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    return Where(channel, message_.get("thread_ts")), container.get("message_ts") or message_.get(
        "ts"
    )


def handle_upload_confirm(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, where = body["user"]["id"], _where(body)[0]
    upload_id = action["value"]
    try:
        start_job(
            services, client, where,
            lambda progress, done: services.admin.confirm(user, upload_id, progress, done),
        )  # fmt: skip
    except AsistenError as exc:
        post(client, where, str(exc))


def handle_upload_correct(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user = body["user"]["id"]
    where, message_ts = _where(body)
    try:
        services.admin.require(user, "koreksi", action["value"])
        upload, preview = services.admin.preview(action["value"])
    except AsistenError as exc:
        post(client, where, str(exc))
        return
    view = correction_view(upload, preview, where, message_ts)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_upload_cancel(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user = body["user"]["id"]
    where, message_ts = _where(body)
    try:
        services.admin.cancel(user, action["value"])
    except AsistenError as exc:
        post(client, where, str(exc))
        return
    update(
        client,
        where.channel,
        message_ts,
        message(services, "dibatalkan", upload_id=action["value"]),
    )


def handle_delete_confirm(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user = body["user"]["id"]
    where = Where(client.conversations_open(users=user)["channel"]["id"])
    doc_id = action["value"]
    try:
        start_job(
            services, client, where,
            lambda progress, done: services.admin.remove(user, doc_id, progress, done),
        )  # fmt: skip
    except AsistenError as exc:
        post(client, where, str(exc))
