"""Slack's Web API misbehaving: rate limits are waited out, other failures get an apology."""

from __future__ import annotations

import logging
import time

import pytest

pytestmark = pytest.mark.model


def _dm(ts: str, text: str = "Apa saja kriteria inovasi daerah?", channel: str = "D1") -> dict:
    return {"type": "message", "channel_type": "im", "channel": channel, "user": "U1",
            "text": text, "ts": ts}  # fmt: skip


def test_rate_limit_is_retried_after_retry_after(bot):
    bot.slack.fail("chat.postMessage", status=429, retry_after=1, times=1)
    bot.event(_dm("1700000300.000100"))
    calls = bot.slack.wait_for("chat.postMessage", count=2, timeout=10)
    assert [c.failed for c in calls] == [True, False]
    assert calls[1].time - calls[0].time >= 1.0
    assert "Pasal 6" in str(calls[1].params["blocks"])


def test_server_error_gets_an_apology_and_is_logged(bot, caplog):
    bot.slack.fail("chat.postMessage", status=500, times=1)
    with caplog.at_level(logging.INFO, logger="asisten.bot"):
        bot.event(_dm("1700000301.000100", channel="D500"))
        calls = bot.slack.wait_for("chat.postMessage", count=2)
        bot.slack.wait_for("reactions.remove")
        time.sleep(0.2)
    assert calls[0].failed and not calls[1].failed
    assert "Maaf" in calls[1].params["text"] and "Traceback" not in calls[1].params["text"]
    lines = [r for r in caplog.records if "channel=D500" in r.getMessage()]
    failure = next(r for r in lines if r.getMessage().startswith("answer failed"))
    assert failure.exc_info
    outcome = [r.getMessage() for r in lines if r.getMessage().startswith("question ")]
    assert outcome and "outcome=error" in outcome[-1]
    # the question's words never reach the info log
    assert not any("kriteria" in r.getMessage() for r in caplog.records)


def test_bot_keeps_serving_when_even_the_apology_fails(bot):
    bot.slack.fail("chat.postMessage", status=200, error="channel_not_found", times=2)
    bot.event(_dm("1700000302.000100"))
    bot.slack.wait_for("chat.postMessage", count=2)
    bot.event(_dm("1700000302.000200"))
    calls = bot.slack.wait_for("chat.postMessage", count=3)
    assert not calls[2].failed and "Pasal 6" in str(calls[2].params["blocks"])


def test_info_log_names_outcome_and_latency(bot, caplog):
    with caplog.at_level(logging.INFO, logger="asisten.bot"):
        bot.event(_dm("1700000303.000100", channel="DLOG"))
        bot.slack.wait_for("reactions.remove")
        time.sleep(0.2)
    # Only this test's line: a previous test's bot may still be finishing its own work.
    [line] = [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("question ") and "channel=DLOG" in r.getMessage()
    ]
    assert "outcome=found" in line and "latency_ms=" in line and "origin=dm" in line
    assert "kriteria" not in line and "xoxb" not in line


def test_failing_progress_reaction_does_not_cost_the_answer(bot):
    bot.slack.fail("reactions.add", status=500, times=1)
    bot.slack.fail("reactions.remove", status=200, error="no_reaction", times=1)
    bot.event(_dm("1700000304.000100"))
    [call] = bot.slack.wait_for("chat.postMessage")
    assert not call.failed and "Pasal 6" in str(call.params["blocks"])
