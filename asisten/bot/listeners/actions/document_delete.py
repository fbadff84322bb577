"""The confirmed "Hapus <dokumen>" button: a job rebuilds the index without it."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import start_job
from asisten.bot.messages import SlackThread, dm_channel
from asisten.bot.services import BotServices


def handle_delete_confirm(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, doc_id = body["user"]["id"], action["value"]
    start_job(
        services, client, SlackThread(dm_channel(client, user)),
        lambda progress, done: services.admin.remove(user, doc_id, progress, done),
    )  # fmt: skip
