"""`/asisten`: acknowledged at once, answered through the command's response_url."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def test_tanya_is_acked_fast_and_answered(bot):
    status, body, elapsed = bot.command("tanya Apakah penerapan inovasi harus dengan Perda?")
    assert status == 200 and elapsed < 3
    assert "Sedang mencari" in body  # Bolt sends a text-only ack as the plain body
    [call] = bot.slack.wait_for("response_url")
    assert call.params["response_type"] == "ephemeral"
    blocks = call.params["blocks"]
    assert any("accessory" in b for b in blocks)  # numbered sources with "Lihat teks pasal"
    assert "Perkada" in json.dumps(blocks) or "Perda" in json.dumps(blocks)


@pytest.mark.parametrize("text", ["bantuan", "", "help"])
def test_help_is_the_ack_itself(bot, text):
    status, body, _ = bot.command(text)
    assert status == 200
    assert "Contoh pertanyaan" in json.dumps(json.loads(body)["blocks"])
    assert bot.slack.calls("response_url") == []


def test_tanya_without_question_asks_for_one(bot):
    status, body, _ = bot.command("tanya   ")
    assert status == 200 and "pertanyaan" in body.lower()


def test_question_without_subcommand_is_still_answered(bot):
    bot.command("Pasal 389 UU 23/2014")
    [call] = bot.slack.wait_for("response_url")
    assert "UU 23/2014 Pasal 389" in json.dumps(call.params["blocks"])
