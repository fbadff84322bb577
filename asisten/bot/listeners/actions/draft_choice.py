"""A choice button under a proposal question."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.drafting import button_value, clicked_thread, post_reply, safely
from asisten.bot.messages import post_text
from asisten.bot.services import BotServices
from asisten.usulan.store import DraftError


def handle_draft_choice(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    value, user, thread = button_value(action), body["user"]["id"], clicked_thread(body)

    def choose() -> None:
        try:
            reply = services.flow.choose(value["d"], user, value["k"], value["c"])
        except DraftError as exc:
            post_text(client, thread, str(exc))
            return
        post_reply(services, client, thread, user, reply)

    safely(services, client, thread.channel, thread.thread_ts, choose)
