"""Load on replicas: many askers at once, spread over `asisten bot --http` processes that share
one PostgreSQL and one ASISTEN_HOME, as behind a load balancer. Loopback only, bounded in count
and time.

Each round sends ASKERS questions at the same moment, alternately to each replica (a round-robin
balancer), and RETRY_SHARE of them a second time to the other replica as Slack's retry. Measured
per question: from the signed event sent to its answer's chat.postMessage at the local fake Slack.
Counted: lost (no answer within the timeout) and duplicated (more than one answer) questions.

    python benchmarks/replika.py                         # 2 replicas, PostgreSQL, hashing embedder
    python benchmarks/replika.py --model multilingual-e5-small
    python benchmarks/replika.py --replicas 1 --db sqlite   # the single-process comparison
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))
from evalset import load_items  # noqa: E402
from kinerja import percentile  # noqa: E402

from asisten.config import PROJECT_ROOT  # noqa: E402
from asisten.indeks.build import build_index  # noqa: E402
from asisten.indeks.embedder import create_embedder  # noqa: E402
from asisten.indeks.store import IndexStore  # noqa: E402
from tests.bot.replicas import TOKEN, start_replica  # noqa: E402
from tests.postgres import TestPostgres  # noqa: E402
from tests.slack_fake import FakeSlack  # noqa: E402

RESULTS = ROOT / "hasil" / "replika.json"
ASKERS = 40
ROUNDS = 5
RETRY_SHARE = 0.25
ANSWER_TIMEOUT = 60.0


def one_round(replicas, slack: FakeSlack, questions: list[str], number: int) -> dict:
    channels = [f"R{number}A{i:03d}" for i in range(len(questions))]
    sent: dict[str, float] = {}
    retries = set(channels[:: round(1 / RETRY_SHARE)])
    barrier = threading.Barrier(len(channels))

    def ask(i: int, channel: str) -> None:
        event = {"type": "message", "channel_type": "im", "channel": channel,
                 "user": "U" + channel, "text": questions[i], "ts": f"{time.time():.6f}"}  # fmt: skip
        first, other = replicas[i % len(replicas)], replicas[(i + 1) % len(replicas)]
        barrier.wait()
        sent[channel] = time.monotonic()
        first.event(event, f"Ev{channel}")
        if channel in retries:
            other.event(event, f"Ev{channel}", retry_num=1, retry_reason="http_timeout")

    threads = [threading.Thread(target=ask, args=(i, c)) for i, c in enumerate(channels)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ours = set(channels)
    with contextlib.suppress(AssertionError):  # missing answers are counted as lost below
        slack.wait_for(
            "chat.postMessage", count=len(channels), timeout=ANSWER_TIMEOUT,
            predicate=lambda c: c.params.get("channel") in ours,
        )  # fmt: skip
    time.sleep(1.0)  # a duplicate would have arrived by now
    answers = [c for c in slack.calls("chat.postMessage") if c.params.get("channel") in ours]
    counts = Counter(c.params["channel"] for c in answers)
    first_answer: dict[str, float] = {}
    for call in answers:
        first_answer.setdefault(call.params["channel"], call.time)
    return {
        "latencies": [first_answer[c] - sent[c] for c in channels if c in first_answer],
        "lost": sum(1 for c in channels if counts[c] == 0),
        "duplicated": sum(1 for c in channels if counts[c] > 1),
        "retried": len(retries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--model", default="hashing-256")
    parser.add_argument("--askers", type=int, default=ASKERS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    questions = [i.question for i in load_items() if not i.decline]
    work = Path(tempfile.mkdtemp(prefix="asisten-replika-"))
    postgres = TestPostgres(work / "pg") if args.db == "postgresql" else None
    replicas = []
    try:
        home = work / "home"
        embedder = create_embedder(args.model)
        build_index(
            IndexStore(home / "indeks"), [PROJECT_ROOT / "corpus"], lambda: embedder,
            embedder.name, 25 * 2**20,
        )  # fmt: skip
        url = postgres.url(postgres.new_database()) if postgres else f"sqlite:///{home}/asisten.db"
        with FakeSlack(tokens={TOKEN}) as slack:
            replicas = [start_replica(f"r{n}", home, url, slack.url) for n in range(args.replicas)]
            for replica in replicas:  # the first answer of a process pays for lazy loading
                one_round([replica], slack, questions[:1], 0)
            rounds = [
                one_round(
                    replicas, slack,
                    [questions[(r * args.askers + i) % len(questions)] for i in range(args.askers)],
                    r + 1,
                )
                for r in range(args.rounds)
            ]  # fmt: skip
            time.sleep(1)
    finally:
        for replica in replicas:
            replica.stop()
        if postgres:
            postgres.stop()
        shutil.rmtree(work, ignore_errors=True)
    latencies = [x for r in rounds for x in r["latencies"]]
    results = {
        "replicas": args.replicas,
        "database": args.db,
        "model": args.model,
        "askers_at_once": args.askers,
        "questions": args.askers * args.rounds,
        "retried_on_other_replica": sum(r["retried"] for r in rounds),
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "lost": sum(r["lost"] for r in rounds),
        "duplicated": sum(r["duplicated"] for r in rounds),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    runs = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    runs[f"{args.replicas}x-{args.db}-{args.model}-{args.askers}"] = results
    RESULTS.write_text(json.dumps(runs, indent=1))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
