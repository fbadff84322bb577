"""Questions by DM, mention and thread follow-up, answered once each, end to end."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.model


def _dm(text: str, ts: str = "1700000001.000100", user: str = "U1") -> dict:
    return {"type": "message", "channel_type": "im", "channel": "D1", "user": user,
            "text": text, "ts": ts}  # fmt: skip


def _blocks_text(call) -> str:
    return "\n".join(
        b.get("text", {}).get("text", "") for b in call.params["blocks"] if b["type"] == "section"
    )


def test_dm_gets_a_cited_answer(bot):
    assert bot.event(_dm("Siapa saja yang dapat mengusulkan inovasi daerah?")) == 200
    [call] = bot.slack.wait_for("chat.postMessage")
    assert call.params["channel"] == "D1"
    text = _blocks_text(call)
    assert "anggota DPRD" in text and "[1]" in text
    assert "PP 38/2017 Pasal 7" in text
    kinds = [b["type"] for b in call.params["blocks"]]
    assert "actions" in kinds and "context" in kinds
    # progress was shown on the question and taken away afterwards
    assert bot.slack.calls("reactions.add")[0].params["timestamp"] == "1700000001.000100"
    bot.slack.wait_for("reactions.remove")


def _mention(text: str, ts: str, thread_ts: str | None = None, kind: str = "app_mention") -> dict:
    event = {"type": kind, "channel": "C1", "user": "U2", "text": f"<@UBOT> {text}", "ts": ts}
    if kind == "message":
        event["channel_type"] = "channel"
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_channel_mention_answers_once_in_thread_despite_double_delivery(bot):
    question = "Apakah ASN bisa dipidana jika inovasi gagal?"
    assert bot.event(_mention(question, "1700000002.000100", kind="message"), "Ev1") == 200
    assert bot.event(_mention(question, "1700000002.000100"), "Ev2") == 200
    [call] = bot.slack.wait_for("chat.postMessage")
    assert call.params["thread_ts"] == "1700000002.000100"
    time.sleep(0.5)  # a second answer would have arrived by now
    assert len(bot.slack.calls("chat.postMessage")) == 1


def test_retries_of_one_event_answer_once(bot):
    event = _dm("Apa isi minimal proposal inovasi daerah?", ts="1700000003.000100")
    statuses = [bot.event(event, "Ev3")]
    statuses += [bot.event(event, "Ev3", retry_num=n, retry_reason="http_timeout") for n in (1, 2)]
    assert statuses == [200, 200, 200]
    bot.slack.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(bot.slack.calls("chat.postMessage")) == 1


def test_follow_up_in_bot_thread_needs_no_mention(bot):
    bot.event(_mention("Apa itu uji coba inovasi daerah?", "1700000004.000100"))
    bot.slack.wait_for("chat.postMessage")
    follow_up = {"type": "message", "channel_type": "channel", "channel": "C1", "user": "U2",
                 "text": "Berapa lama uji coba paling lama?", "ts": "1700000004.000200",
                 "thread_ts": "1700000004.000100"}  # fmt: skip
    bot.event(follow_up)
    calls = bot.slack.wait_for("chat.postMessage", count=2)
    assert calls[1].params["thread_ts"] == "1700000004.000100"


def test_channel_chatter_is_left_alone(bot):
    stranger = {"type": "message", "channel_type": "channel", "channel": "C1", "user": "U2",
                "text": "Rapat jam 2 ya", "ts": "1700000005.000100"}  # fmt: skip
    other_thread = {**stranger, "ts": "1700000005.000200", "thread_ts": "1700000000.000001"}
    other_bot = {**_dm("halo"), "bot_id": "B999", "ts": "1700000005.000300"}
    own = {**_dm("jawaban"), "user": "UBOT", "bot_id": "BBOT", "ts": "1700000005.000400"}
    edited = {**_dm("ubah"), "subtype": "message_changed", "ts": "1700000005.000500"}
    for event in (stranger, other_thread, other_bot, own, edited):
        assert bot.event(event) == 200
    time.sleep(0.7)
    assert bot.slack.calls("chat.postMessage") == []


def test_handled_events_survive_a_restart(bot, slack, real_engine, real_settings):
    from asisten.bot.http import stop_http_server
    from tests.bot.conftest import start_bot

    event = _dm("Apa saja kriteria inovasi daerah?", ts="1700000006.000100")
    bot.event(event, "Ev6")
    bot.slack.wait_for("chat.postMessage")
    restarted, server = start_bot(slack, real_settings.home, bot.database, real_engine)
    try:
        assert restarted.event(event, "Ev6", retry_num=1, retry_reason="http_timeout") == 200
        time.sleep(0.7)
        assert len(slack.calls("chat.postMessage")) == 1
    finally:
        stop_http_server(server)


def test_help_and_greeting_in_dm(bot):
    bot.event(_dm("halo", ts="1700000007.000100"))
    [call] = bot.slack.wait_for("chat.postMessage")
    assert "Contoh pertanyaan" in _blocks_text(call)
    assert not any(b["type"] == "actions" for b in call.params["blocks"])


def test_not_found_shows_no_sources(bot):
    bot.event(_dm("Bagaimana cara memperpanjang paspor?", ts="1700000008.000100"))
    [call] = bot.slack.wait_for("chat.postMessage")
    assert "tidak ditemukan" in _blocks_text(call)
    assert not any("accessory" in b for b in call.params["blocks"])
    assert "[1]" not in _blocks_text(call)


def test_app_home_shows_guide(bot):
    bot.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    [call] = bot.slack.wait_for("views.publish")
    view = call.params["view"]
    view = view if isinstance(view, dict) else __import__("json").loads(view)
    assert view["type"] == "home" and call.params["user_id"] == "U1"
    assert "Contoh pertanyaan" in str(view["blocks"])
