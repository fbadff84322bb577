"""Requests Slack did not sign are refused; nothing a user or a document writes can ping a
channel, mention someone or disguise a link; oversized answers stay within Slack's limits."""

from __future__ import annotations

import json
import time

import pytest

from asisten.bot.http import stop_http_server
from asisten.indeks.build import build_index
from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.engine import Engine
from tests.bot.conftest import SECRET, start_bot
from tests.slack_fake import event_body, post, sign

pytestmark = pytest.mark.model

QUESTION = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1",
            "text": "Siapa yang dapat mengusulkan inovasi daerah?", "ts": "1700000200.000100"}  # fmt: skip


def test_unsigned_forged_and_expired_requests_get_401(bot):
    body = event_body(QUESTION)
    url = bot.url + "/slack/events"
    unsigned = {"Content-Type": "application/json"}
    forged = sign("f" * 32, body)
    expired = sign(SECRET, body, timestamp=int(time.time()) - 60 * 10)
    tampered = sign(SECRET, body.replace("inovasi", "INOVASI"))
    for headers in (unsigned, forged, expired, tampered):
        assert post(url, body, headers)[0] == 401
    time.sleep(0.5)
    assert bot.slack.calls("chat.postMessage") == []


def test_health_endpoint_reports_the_index(bot):
    import urllib.request

    with urllib.request.urlopen(bot.url + "/healthz") as response:
        health = json.loads(response.read())
    assert response.status == 200 and health["status"] == "ok"
    assert health["chunks"] > 100 and health["index_version"].startswith("v")


def test_users_words_are_escaped_in_what_the_bot_echoes(bot):
    status, body, _ = bot.command("tanya <!channel> <https://evil.example|PP 38/2017> & <@U123>")
    assert status == 200
    assert "<!channel>" not in body and "<https://evil" not in body and "<@U123>" not in body
    assert "&lt;!channel&gt;" in body and "&amp;" in body
    bot.slack.wait_for("response_url")


INJECTED = """---
tipe: panduan
judul: "Panduan <!channel> <https://evil.example|resmi>"
sumber: "javascript:alert(1)"
---
# Panduan jebakan

## Kode etik zebra
Kode etik zebra: <!channel> <!here> <@U0ADMIN> klik <https://evil.example|PP 38/2017 Pasal 7> & lainnya.
"""


@pytest.fixture
def injected_engine(tmp_path):
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "jebakan.md").write_text(INJECTED)
    (corpus / "panjang.md").write_text(_long_document())
    home = tmp_path / "home"
    embedder = HashingEmbedder(64)
    build_index(IndexStore(home / "indeks"), [corpus], lambda: embedder, embedder.name, 2**20)
    from asisten.config import load_settings

    return Engine(load_settings(home=home), embedder_factory=lambda name: embedder)


def _long_document() -> str:
    ayat = "\n".join(
        f"({i}) Langkah kerapu nomor {i} dijalankan dengan teliti oleh perangkat daerah "
        "yang membidangi urusan kerapu sesuai ketentuan peraturan perundang-undangan."
        for i in range(1, 80)
    )
    return (
        '---\ntipe: regulasi\njenis: PP\nnomor: "99"\ntahun: 2099\njudul: Kerapu\n'
        "status: berlaku\nsifat_teks: ringkasan\nsumber: https://peraturan.bpk.go.id/\n---\n"
        f"# Peraturan Pemerintah Nomor 99 Tahun 2099 tentang Kerapu\n\n### Pasal 1\n{ayat}\n"
    )


@pytest.fixture
def injected_bot(slack, tmp_path, injected_engine):
    running, server = start_bot(slack, tmp_path / "home", tmp_path / "bot.sqlite3", injected_engine)
    yield running
    stop_http_server(server)


def test_document_text_cannot_ping_or_disguise_links(injected_bot):
    injected_bot.event({**QUESTION, "text": "kode etik zebra"})
    [call] = injected_bot.slack.wait_for("chat.postMessage")
    payload = json.dumps(call.params["blocks"]) + call.params["text"]
    for raw in ("<!channel>", "<!here>", "<@U0ADMIN>", "<https://evil.example|", "javascript:"):
        assert raw not in payload
    assert "&lt;!channel&gt;" in payload


def test_long_answer_is_split_within_slack_limits(injected_bot):
    injected_bot.event({**QUESTION, "text": "Pasal 1 PP 99/2099"})
    [call] = injected_bot.slack.wait_for("chat.postMessage")
    blocks = call.params["blocks"]
    assert len(blocks) <= 50
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(s) <= 3000 for s in sections)
    body = "".join(sections)
    assert "nomor 1 " in body and ("nomor 79 " in body or "dipotong" in body)
    assert len(body) > 3000  # really long, so it really was split
    assert len(call.params["text"]) <= 300
