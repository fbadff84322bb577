"""A message sent outside the draft's thread, placed by the person: "Jawaban untuk [n/N] …"
(stored as the draft's answer) or "Pertanyaan untuk basis pengetahuan" (answered)."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.asking import Place
from asisten.bot.drafting import button_value, converse, safely
from asisten.bot.messages import SlackThread, clicked, post_text
from asisten.bot.services import BotServices
from asisten.percakapan.router import OPTION_ANSWER, Incoming
from asisten.usulan.store import DraftError


def handle_place_message(
    ack: Ack, body: dict, action: dict, client: WebClient, services: BotServices
) -> None:
    ack()
    user, where = body["user"]["id"], clicked(body)[0]
    as_answer = action["action_id"].endswith(f"_{OPTION_ANSWER}")
    place = Place(user, where.channel, "dm", where.thread_ts)

    def place_message() -> None:
        try:
            held = services.flow.store.held(int(button_value(action).get("h", 0)), user)
        except DraftError as exc:
            post_text(client, SlackThread(where.channel, where.thread_ts), str(exc))
            return
        converse(
            services, client, place, Incoming(user, held.text),
            route=lambda on_search: services.router.place(held.id, user, as_answer, on_search),
        )  # fmt: skip

    safely(services, client, where.channel, where.thread_ts, place_message)
