"""👍 / 👎 under an answer: stored with the answer it rates; 👎 opens an optional reason form."""

from __future__ import annotations

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from asisten.bot.blocks import ACTION_FEEDBACK_UP, build_reason_view
from asisten.bot.services import BotServices


def handle_feedback(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient,
    services: BotServices,
) -> None:  # fmt: skip
    ack()
    user = body["user"]["id"]
    try:
        answer_id = int(action.get("value", ""))
    except ValueError:
        answer_id = -1
    if services.records.answer(answer_id) is None:
        respond(text=services.render("umpan_balik.txt.j2", outcome="hilang"),
                response_type="ephemeral", replace_original=False)  # fmt: skip
        return
    rating = "up" if action["action_id"] == ACTION_FEEDBACK_UP else "down"
    feedback_id = services.records.save_feedback(answer_id, user, rating)
    if rating == "down":
        client.views_open(trigger_id=body["trigger_id"], view=build_reason_view(feedback_id))
        return
    respond(text=services.render("umpan_balik.txt.j2", outcome="terima_kasih"),
            response_type="ephemeral", replace_original=False)  # fmt: skip
