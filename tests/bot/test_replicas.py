"""Two `asisten bot --http` processes on one real PostgreSQL and one ASISTEN_HOME, as behind a
load balancer: an event delivered four times across them is answered once, a draft advances
through both, 40 questions (each also retried on the other replica) are answered exactly once,
and an index published by another process is served by both without a restart.

The replicas are real subprocesses; the index uses the deterministic hashing embedder so the
processes start in seconds."""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter

import pytest

from asisten.db import create_db_engine
from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.usulan.store import DraftStore
from tests.bot.replicas import TOKEN, start_replica
from tests.conftest import CORPUS, build_with
from tests.slack_fake import FakeSlack
from tests.usulan.proposal_answers import ANSWERS

SETTLE = 1.0  # a duplicate answer would have arrived by now
NEW_DOCUMENT = """---
tipe: praktik-baik
judul: Lumbung Pangan Digital Kabupaten Uji
---
# Lumbung Pangan Digital

Kabupaten Uji mencatat stok gabah setiap lumbung desa dalam aplikasi Lumbung Pangan Digital,
sehingga kekurangan beras terlihat dua minggu sebelum paceklik.
"""


@pytest.fixture(scope="module")
def slack():
    with FakeSlack(tokens={TOKEN}) as fake:
        yield fake


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, postgres, slack):
    root = tmp_path_factory.mktemp("replicas")
    corpus = root / "corpus"
    shutil.copytree(CORPUS / "faq", corpus / "faq")
    build_with(IndexStore(root / "home" / "indeks"), [corpus], HashingEmbedder(256))
    name = postgres.new_database()
    url = postgres.url(name)
    replicas = [start_replica(n, root / "home", url, slack.url) for n in ("a", "b")]
    yield {"replicas": replicas, "root": root, "corpus": corpus, "url": url}
    for replica in replicas:
        replica.stop()
    postgres.drop_database(name)


def _dm(channel: str, text: str, ts: str | None = None, thread_ts: str | None = None) -> dict:
    time.sleep(0.002)  # Slack's ts are unique and increase with real time
    event = {"type": "message", "channel_type": "im", "channel": channel, "user": "U" + channel,
             "text": text, "ts": ts or f"{time.time():.6f}"}  # fmt: skip
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def _posts(slack: FakeSlack, channel: str) -> list:
    return [c for c in slack.calls("chat.postMessage") if c.params.get("channel") == channel]


def _together(*calls) -> list:
    results: list = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(i: int) -> None:
        barrier.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_event_delivered_four_times_across_replicas_is_answered_once(cluster, slack):
    a, b = cluster["replicas"]
    event = _dm("DQ4", "Siapa yang dapat mengusulkan inovasi daerah?")
    deliveries = [
        lambda r=replica, n=n: r.event(event, "EvSame", retry_num=n or None, retry_reason="http_timeout" if n else None)
        for n, replica in enumerate((a, b, a, b))
    ]  # fmt: skip
    assert _together(*deliveries) == [200, 200, 200, 200]
    slack.wait_for("chat.postMessage", predicate=lambda c: c.params.get("channel") == "DQ4")
    time.sleep(SETTLE)
    assert len(_posts(slack, "DQ4")) == 1


def test_a_draft_advances_through_alternating_replicas(cluster, slack):
    replicas = cluster["replicas"]
    channel = "DUS"
    replicas[0].event(_dm(channel, "buat usulan"))
    slack.wait_for(
        "chat.postMessage", count=2, predicate=lambda c: c.params.get("channel") == channel
    )
    root = _posts(slack, channel)[0]
    draft_id = root.params["text"].split("Usulan inovasi ", 1)[1].split(" ", 1)[0]
    thread = root.response["ts"]
    typed = [answer for answer, _ in ANSWERS[:8]]
    for i, text in enumerate(typed):
        replicas[(i + 1) % 2].event(_dm(channel, text, thread_ts=thread))
        slack.wait_for(
            "chat.postMessage", count=3 + i, timeout=15,
            predicate=lambda c: c.params.get("channel") == channel,
        )  # fmt: skip
    posts = _posts(slack, channel)
    # The next question after each answer, in order: [2/20] … [9/20].
    for step, post in enumerate(posts[2:], start=2):
        assert f"[{step}/20]" in str(post.params.get("blocks")), (step, post.params["text"])
    store = DraftStore(create_db_engine(cluster["url"]))
    assert store.get(draft_id, "U" + channel).name == "SIAP Puskesmas"
    assert len(store.revisions(draft_id)) == len(typed)
    assert len(store.answers(draft_id)) == len(typed)


def test_forty_questions_over_both_replicas_are_answered_exactly_once(cluster, slack):
    a, b = cluster["replicas"]
    channels = [f"DL{i:02d}" for i in range(40)]
    events = {c: _dm(c, "Apa isi minimal proposal inovasi daerah?") for c in channels}
    sends = []
    for i, channel in enumerate(channels):
        first, other = (a, b) if i % 2 == 0 else (b, a)
        sends.append(lambda r=first, c=channel: r.event(events[c], f"Ev{c}"))
        # Slack's retry of the same event lands on the other replica.
        sends.append(lambda r=other, c=channel: r.event(events[c], f"Ev{c}", retry_num=1, retry_reason="http_timeout"))  # fmt: skip
    assert set(_together(*sends)) == {200}
    slack.wait_for(
        "chat.postMessage", count=40, timeout=60,
        predicate=lambda c: c.params.get("channel", "").startswith("DL"),
    )  # fmt: skip
    time.sleep(SETTLE)
    answered = Counter(
        c.params["channel"] for c in slack.calls("chat.postMessage")
        if c.params.get("channel", "").startswith("DL")
    )  # fmt: skip
    assert answered == Counter({c: 1 for c in channels})


def test_index_published_elsewhere_is_served_by_both_without_restart(cluster, slack):
    replicas = cluster["replicas"]
    before = {r.health()["index_version"] for r in replicas}
    (cluster["corpus"] / "lumbung.md").write_text(NEW_DOCUMENT)
    store = IndexStore(cluster["root"] / "home" / "indeks")
    result = build_with(store, [cluster["corpus"]], HashingEmbedder(256))
    assert result.changed and result.version not in before
    deadline = time.monotonic() + 10
    while {r.health()["index_version"] for r in replicas} != {result.version}:
        assert time.monotonic() < deadline, [r.health() for r in replicas]
        time.sleep(0.2)
    for i, replica in enumerate(replicas):
        channel = f"DN{i}"
        replica.event(_dm(channel, "Bagaimana Lumbung Pangan Digital mencatat stok gabah?"))
        [post] = slack.wait_for(
            "chat.postMessage", predicate=lambda c, ch=channel: c.params.get("channel") == ch
        )
        # The source title is not in the question: the answer comes from the new document.
        assert "Lumbung Pangan Digital Kabupaten Uji" in str(post.params["blocks"])
    assert all(r.process.poll() is None for r in replicas)  # the same processes, never restarted
