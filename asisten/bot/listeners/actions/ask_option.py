"""A reading chosen under a question asked back: that reading is asked and answered in place."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from asisten.bot.asking import Deliver, Place, answer_question, post_to
from asisten.bot.blocks import MESSAGE_BLOCK_LIMIT, escape
from asisten.bot.services import BotServices


def handle_ask_option(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient,
    services: BotServices,
) -> None:  # fmt: skip
    ack()
    question = (action.get("value") or "").strip()
    user = body["user"]["id"]
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id", "")
    # Slack may deliver one click twice; its action_ts names the click.
    key = f"option:{channel}:{body['container'].get('message_ts')}:{action.get('action_ts')}"
    if not question or not services.records.claim_event(key, "option"):
        return
    message = body.get("message")
    if message is None:  # a button on an ephemeral reply (a slash command's): answer the same way
        place = Place(user, channel, "command")
        deliver: Deliver = _respond(respond)
    else:
        # Beside the question asked back: in its thread, or at top level in a DM.
        place = Place(user, channel, "option", thread_ts=message.get("thread_ts"))
        deliver = post_to(client, place)
    answer_question(services, client, place, question, _noting_choice(question, deliver))


def _noting_choice(question: str, deliver: Deliver) -> Deliver:
    """The answer opens with the reading chosen, so the thread reads as question and answer."""
    quoted = escape(question)
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": f"Dipilih: _{quoted}_"}]}

    def noted(text: str, blocks: list[dict[str, Any]]) -> None:
        deliver(text, [note, *blocks][:MESSAGE_BLOCK_LIMIT])

    return noted


def _respond(respond: Respond) -> Deliver:
    def reply(text: str, blocks: list[dict[str, Any]]) -> None:
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    return reply
