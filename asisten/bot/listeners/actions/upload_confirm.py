"""Confirm an upload's preview: the document is indexed by a background job."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import start_job
from asisten.bot.messages import clicked
from asisten.bot.services import BotServices


def handle_upload_confirm(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, upload_id = body["user"]["id"], action["value"]
    start_job(
        services, client, clicked(body)[0],
        lambda progress, done: services.admin.confirm(user, upload_id, progress, done),
    )  # fmt: skip
