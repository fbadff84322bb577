"""Decline an upload's preview: nothing is indexed and the copy is not kept."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import message, post, update, where_of
from asisten.bot.services import BotServices
from asisten.errors import AsistenError


def handle_upload_cancel(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    where, message_ts = where_of(body)
    try:
        services.admin.cancel(body["user"]["id"], action["value"])
    except AsistenError as exc:
        post(client, where, str(exc))
        return
    text = message(services, "dibatalkan", upload_id=action["value"])
    update(client, where.channel, message_ts, text)
