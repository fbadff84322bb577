"""Decline an upload's preview: nothing is indexed and the copy is not kept."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import message
from asisten.bot.messages import clicked, post_text, update_text
from asisten.bot.services import BotServices
from asisten.errors import AsistenError


def handle_upload_cancel(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    where, message_ts = clicked(body)
    try:
        services.admin.cancel(body["user"]["id"], action["value"])
    except AsistenError as exc:
        post_text(client, where, str(exc))
        return
    text = message(services, "dibatalkan", upload_id=action["value"])
    update_text(client, where.channel, message_ts, text)
