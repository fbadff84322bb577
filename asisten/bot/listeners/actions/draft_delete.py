"""App Home "Hapus" (after Slack's confirmation dialog): the draft is hidden."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, publish_home, safely
from asisten.bot.messages import SlackThread, dm_channel, post_text
from asisten.bot.services import BotServices
from asisten.usulan.store import DraftError


def handle_delete_draft(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, draft_id = body["user"]["id"], button_value(action).get("d", "")

    def delete() -> None:
        try:
            services.flow.cancel(draft_id, user)
        except DraftError as exc:
            post_text(client, SlackThread(dm_channel(client, user)), str(exc))
        publish_home(services, client, user)

    safely(services, client, None, None, delete)
