"""Buttons under an answer: 👍 / 👎 stored with the answer, a reason form, the full provision."""

from __future__ import annotations

import json
import time

import pytest

from asisten.bot.blocks import REASON_BLOCK, REASON_INPUT, VIEW_FEEDBACK_REASON

pytestmark = pytest.mark.model


def _answer(bot, question: str, ts: str) -> list[dict]:
    event = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1",
             "text": question, "ts": ts}  # fmt: skip
    bot.event(event)
    return bot.slack.wait_for("chat.postMessage")[0].params["blocks"]


def _button(blocks: list[dict], action_id: str) -> dict:
    for block in blocks:
        for element in block.get("elements", []) + [block.get("accessory") or {}]:
            if element.get("action_id", "").startswith(action_id):
                return element
    raise AssertionError(f"no {action_id} button")


def _view(call) -> dict:
    view = call.params["view"]
    return view if isinstance(view, dict) else json.loads(view)


def test_thumbs_up_is_stored_with_question_answer_and_sources(bot):
    blocks = _answer(bot, "Siapa saja yang dapat mengusulkan inovasi daerah?", "1700000100.000100")
    button = _button(blocks, "feedback_up")
    assert bot.click(button, user="U7") == 200
    bot.slack.wait_for("response_url")
    [(feedback, answer)] = bot.services.records.feedback()
    assert (feedback.rating, feedback.user, feedback.reason) == ("up", "U7", None)
    assert answer.question == "Siapa saja yang dapat mengusulkan inovasi daerah?"
    assert "anggota DPRD" in answer.answer
    assert answer.sources and answer.sources[0]["citation"].startswith("PP 38/2017")
    assert feedback.created_at is not None


def test_thumbs_down_asks_an_optional_reason(bot):
    blocks = _answer(bot, "Apa itu uji coba inovasi?", "1700000101.000100")
    assert bot.click(_button(blocks, "feedback_down")) == 200
    [call] = bot.slack.wait_for("views.open")
    view = _view(call)
    assert view["callback_id"] == VIEW_FEEDBACK_REASON
    values = {REASON_BLOCK: {REASON_INPUT: {"type": "plain_text_input", "value": "Kurang lengkap"}}}
    assert bot.submit(VIEW_FEEDBACK_REASON, values, view["private_metadata"]) == 200
    [(feedback, _)] = bot.services.records.feedback()
    assert (feedback.rating, feedback.reason) == ("down", "Kurang lengkap")


def test_reason_from_someone_else_is_not_attached(bot):
    blocks = _answer(bot, "Apa itu uji coba inovasi?", "1700000102.000100")
    bot.click(_button(blocks, "feedback_down"), user="U1")
    view = _view(bot.slack.wait_for("views.open")[0])
    values = {REASON_BLOCK: {REASON_INPUT: {"type": "plain_text_input", "value": "spam"}}}
    bot.submit(VIEW_FEEDBACK_REASON, values, view["private_metadata"], user="U9")
    [(feedback, _)] = bot.services.records.feedback()
    assert feedback.reason is None


def test_show_provision_opens_the_whole_pasal(bot):
    blocks = _answer(bot, "Pasal 7 PP 38/2017", "1700000103.000100")
    assert bot.click(_button(blocks, "show_provision")) == 200
    view = _view(bot.slack.wait_for("views.open")[0])
    text = json.dumps(view, ensure_ascii=False)
    assert view["blocks"][0]["text"]["text"] == "PP 38/2017 Pasal 7"
    assert "(1) Usulan inisiatif" in text and "(2) Inisiatif" in text


def test_show_provision_of_a_vanished_document_says_so(bot):
    button = {"type": "button", "action_id": "show_provision_1",
              "value": json.dumps({"doc": "tidak-ada", "pasal": "9"})}  # fmt: skip
    assert bot.click(button) == 200
    view = _view(bot.slack.wait_for("views.open")[0])
    assert "tidak ada lagi di indeks" in json.dumps(view)


def test_feedback_on_unknown_answer_is_refused_politely(bot):
    button = {"type": "button", "action_id": "feedback_up", "value": "999"}
    assert bot.click(button) == 200
    [call] = bot.slack.wait_for("response_url")
    assert "tidak dapat dicatat" in call.params["text"]
    assert bot.services.records.feedback() == []


def test_a_question_asked_back_offers_readings_and_a_click_answers_one(bot):
    blocks = _answer(bot, "Pasal 7 ayat 2 bunyinya apa?", "1700000180.000100")
    button = _button(blocks, "ask_option")
    assert button["text"]["text"].startswith("Pasal 7 ayat (2) ")
    regulation = button["text"]["text"].removeprefix("Pasal 7 ayat (2) ")
    click = {**button, "action_ts": "1700000181.000200"}
    # Slack may deliver one click twice: it is answered once.
    assert bot.click(click, channel_id="D1", message_ts="1700000180.000200") == 200
    assert bot.click(click, channel_id="D1", message_ts="1700000180.000200") == 200
    call = bot.slack.wait_for("chat.postMessage", count=2)[1]
    time.sleep(0.5)  # a second answer would have arrived by now
    assert len(bot.slack.calls("chat.postMessage")) == 2
    assert call.params["channel"] == "D1" and not call.params.get("thread_ts")
    answer_blocks = call.params["blocks"]
    assert "Dipilih" in answer_blocks[0]["elements"][0]["text"]
    assert f"{regulation} Pasal 7 ayat (2)" in json.dumps(answer_blocks)
