"""Knowledge gaps in Slack, end to end (real Bolt app over signed HTTP, fake Slack Web API, real
model): declined questions and a 👎 with its reason reach the admin's App Home grouped by topic,
never with who asked; the "Unggah dokumen" button DMs the admin how to add a document; other
users see no gaps and cannot use the button."""

from __future__ import annotations

import json
import re
import time

import pytest

from asisten.bot.admin import ACTION_GAP_UPLOAD
from asisten.bot.blocks import REASON_BLOCK, REASON_INPUT, VIEW_FEEDBACK_REASON
from asisten.bot.http import stop_http_server
from tests.bot.conftest import start_bot
from tests.celah.test_group import CUTI, SPBE

pytestmark = pytest.mark.model

ADMIN = "UADM"
ANSWERED = "Apa itu uji coba inovasi?"
REASON = "Tidak menjawab soal anggaran uji coba"


@pytest.fixture
def gap_bot(slack, tmp_path, real_settings, real_engine):
    running, server = start_bot(
        slack, real_settings.home, tmp_path / "bot.sqlite3", real_engine, admins_raw=ADMIN
    )
    yield running
    stop_http_server(server)


def _ask(bot, user: str, question: str) -> dict:
    """A DM question; the answer's post (the count of posts so far tells which is new)."""
    before = len(bot.slack.calls("chat.postMessage"))
    bot.event({"type": "message", "channel_type": "im", "channel": f"D{user}", "user": user,
               "text": question, "ts": f"{time.time():.6f}"})  # fmt: skip
    return bot.slack.wait_for("chat.postMessage", count=before + 1)[-1]


def _home(bot, user: str) -> dict:
    before = len(bot.slack.calls("views.publish"))
    bot.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home"})
    call = bot.slack.wait_for("views.publish", count=before + 1)[-1]
    assert call.params["user_id"] == user
    view = call.params["view"]
    return view if isinstance(view, dict) else json.loads(view)


def _gap_sections(view: dict) -> list[dict]:
    return [
        b
        for b in view["blocks"]
        if (b.get("accessory") or {}).get("action_id") == ACTION_GAP_UPLOAD
    ]


def _thumbs_down(bot, post, user: str, reason: str) -> None:
    [button] = [e for b in post.params["blocks"] for e in b.get("elements", [])
                if e.get("action_id") == "feedback_down"]  # fmt: skip
    bot.click(button, user=user)
    view = bot.slack.wait_for("views.open")[-1].params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    values = {REASON_BLOCK: {REASON_INPUT: {"type": "plain_text_input", "value": reason}}}
    assert bot.submit(VIEW_FEEDBACK_REASON, values, view["private_metadata"], user=user) == 200


def test_admin_home_shows_gaps_by_topic_and_the_button_explains_the_upload(gap_bot):
    bot = gap_bot
    for user, question in (("U1", SPBE[0]), ("U1", SPBE[1]), ("U2", SPBE[2]), ("U2", CUTI[0])):
        assert "tidak ditemukan" in json.dumps(_ask(bot, user, question).params["blocks"])
    _thumbs_down(bot, _ask(bot, "U1", ANSWERED), "U1", REASON)
    deadline = time.monotonic() + 10
    while not any(f.reason for f, _ in bot.services.records.feedback()):
        assert time.monotonic() < deadline, "the 👎 reason was not stored"
        time.sleep(0.05)

    view = _home(bot, ADMIN)
    sections = [s["text"]["text"] for s in _gap_sections(view)]
    assert len(sections) == 3, sections
    assert sections[0].startswith("*3×*") and any(q in sections[0] for q in SPBE)
    assert sum(q in sections[0] for q in SPBE) == 3  # topic plus the other two as samples
    assert any(s.startswith("*1×*") and CUTI[0] in s for s in sections)
    [rated] = [s for s in sections if ANSWERED in s]
    assert REASON in rated and "1× 👎" in rated
    everything = json.dumps(view, ensure_ascii=False)
    assert "Celah pengetahuan" in everything
    assert not re.search(r"\bU[12]\b", everything)  # counts and questions, never who asked

    stranger = json.dumps(_home(bot, "U1"), ensure_ascii=False)
    assert "Celah pengetahuan" not in stranger and SPBE[2] not in stranger
    assert "Contoh pertanyaan" in stranger  # the usual guide is still there

    button = _gap_sections(view)[0]["accessory"]
    assert bot.click(button, user=ADMIN) == 200
    dm = bot.slack.wait_for(
        "chat.postMessage", predicate=lambda c: c.params.get("channel") == "DADM"
    )[-1]
    text = json.dumps(dm.params["blocks"], ensure_ascii=False)
    assert "asisten admin unggah" in text and "3 pertanyaan" in text
    assert any(q in text for q in SPBE) and "DM ini" in text

    assert bot.click(button, user="U1") == 200  # a forged click from someone else
    refused = bot.slack.wait_for(
        "chat.postMessage",
        predicate=lambda c: c.params.get("channel") == "D1" and "admin" in c.params.get("text", ""),
    )[-1]
    assert "hanya untuk admin" in refused.params["text"] and "unggah" not in refused.params["text"]
    history = bot.services.admin.registry.actions(10)
    assert ("UADM", "celah", "beranda", "ok") in {
        (a.user, a.action, a.target, a.result) for a in history
    }
    assert ("U1", "celah-unggah", "ditolak") in {(a.user, a.action, a.result) for a in history}


def test_admin_home_says_when_there_are_no_gaps(gap_bot):
    view = _home(gap_bot, ADMIN)
    everything = json.dumps(view, ensure_ascii=False)
    assert "Belum ada pertanyaan yang tidak terjawab" in everything and not _gap_sections(view)


def test_admin_home_shows_which_regulations_were_amended_or_revoked(gap_bot):
    everything = json.dumps(_home(gap_bot, ADMIN), ensure_ascii=False)
    assert "Status peraturan" in everything
    assert "permenpanrb-30-2014: dicabut dengan PermenPANRB 91/2021" in everything
    assert "permenpanrb-91-2021: berlaku; mencabut PermenPANRB 30/2014" in everything
    assert "Status peraturan" not in json.dumps(_home(gap_bot, "U1"), ensure_ascii=False)
    # Opening the tab is no admin action worth a line in the history.
    assert all(a.action != "daftar" for a in gap_bot.services.admin.registry.actions(50))
