"""Bot latency: from a signed event sent to the bot (HTTP mode) to the answer's chat.postMessage
arriving at the local fake Slack, with 1 asker and with 20 asking at the same moment.

The real Bolt app, waitress, the real model and index, SQLite; only Slack is the local fake.

    python benchmarks/bot.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))
from evalset import load_items  # noqa: E402
from kinerja import percentile  # noqa: E402

from asisten.bot.app import create_app  # noqa: E402
from asisten.bot.http import create_http_server, stop_http_server  # noqa: E402
from asisten.bot.services import build_services  # noqa: E402
from asisten.config import load_settings  # noqa: E402
from asisten.indeks.build import build_index  # noqa: E402
from asisten.indeks.embedder import create_embedder  # noqa: E402
from asisten.indeks.store import IndexStore  # noqa: E402
from tests.slack_fake import FakeSlack, event_body, post, sign  # noqa: E402

RESULTS = ROOT / "hasil" / "bot.json"
SECRET = "0123456789abcdef0123456789abcdef"
SINGLE_ROUNDS = 40
CONCURRENT = 20
CONCURRENT_ROUNDS = 5
_ts = iter(range(1, 10**9))


def ask(url: str, slack: FakeSlack, channel: str, question: str) -> float:
    """Seconds from sending the signed event to the answer reaching the fake Slack."""
    ts = f"1800000000.{next(_ts):06d}"
    event = {"type": "message", "channel_type": "im", "channel": channel, "user": "U" + channel,
             "text": question, "ts": ts}  # fmt: skip
    body = event_body(event)
    headers = sign(SECRET, body)
    started = time.monotonic()
    status, _, _ = post(url, body, headers)
    assert status == 200, status
    call = slack.wait_for(
        "chat.postMessage", timeout=30, predicate=lambda c: c.params.get("channel") == channel
    )[0]
    slack.reset()  # keeps each wait looking only at this round's answers
    return call.time - started


def concurrent_round(url: str, slack: FakeSlack, questions: list[str]) -> list[float]:
    sent: dict[str, float] = {}
    barrier = threading.Barrier(len(questions))

    def one(i: int, question: str) -> None:
        body = event_body({"type": "message", "channel_type": "im", "channel": f"D{i}",
                           "user": f"U{i}", "text": question,
                           "ts": f"1800000000.{next(_ts):06d}"})  # fmt: skip
        headers = sign(SECRET, body)
        barrier.wait()
        sent[f"D{i}"] = time.monotonic()
        post(url, body, headers)

    threads = [threading.Thread(target=one, args=(i, q)) for i, q in enumerate(questions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    calls = slack.wait_for("chat.postMessage", count=len(questions), timeout=60)
    slack.reset()
    return [c.time - sent[c.params["channel"]] for c in calls]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 0.5) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def main() -> None:
    questions = [i.question for i in load_items() if not i.decline]
    embedder = create_embedder(load_settings().model)
    with tempfile.TemporaryDirectory() as home, FakeSlack() as slack:
        settings = load_settings(
            home=home, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
            slack_api_url=slack.url,
        )  # fmt: skip
        build_index(
            IndexStore(settings.index_dir), [settings.corpus_dir], lambda: embedder,
            embedder.name, settings.max_file_bytes,
        )  # fmt: skip
        from asisten.jawab.engine import Engine

        services = build_services(settings, Engine(settings, lambda name: embedder))
        server = create_http_server(create_app(settings, services), services, "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        url = f"http://127.0.0.1:{server.effective_port}/slack/events"
        ask(url, slack, "Dwarm", questions[0])  # first answer pays for lazy loading
        single = [
            ask(url, slack, f"S{i}", questions[i % len(questions)]) for i in range(SINGLE_ROUNDS)
        ]
        many: list[float] = []
        for r in range(CONCURRENT_ROUNDS):
            batch = [questions[(r * CONCURRENT + i) % len(questions)] for i in range(CONCURRENT)]
            many += concurrent_round(url, slack, batch)
        time.sleep(1)  # let the last progress reactions finish before the fake goes away
        stop_http_server(server)
    results = {
        "satu_penanya": summary(single),
        f"{CONCURRENT}_penanya_serentak": summary(many),
        "bot_workers": settings.bot_workers,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
