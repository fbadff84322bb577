"""The confirmed "Hapus <dokumen>" button: a job rebuilds the index without it."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import Where, start_job
from asisten.bot.drafting import dm_channel
from asisten.bot.services import BotServices


def handle_delete_confirm(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, doc_id = body["user"]["id"], action["value"]
    start_job(
        services, client, Where(dm_channel(client, user)),
        lambda progress, done: services.admin.remove(user, doc_id, progress, done),
    )  # fmt: skip
