"""Correct an upload's metadata: a form prefilled with what was detected."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import correction_view
from asisten.bot.messages import clicked, post_text
from asisten.bot.services import BotServices
from asisten.errors import AsistenError


def handle_upload_correct(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user = body["user"]["id"]
    where, message_ts = clicked(body)
    try:
        services.admin.require(user, "koreksi", action["value"])
        upload, preview = services.admin.preview(action["value"])
    except AsistenError as exc:
        post_text(client, where, str(exc))
        return
    view = correction_view(upload, preview, where, message_ts)
    client.views_open(trigger_id=body["trigger_id"], view=view)
