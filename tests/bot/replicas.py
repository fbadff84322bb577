"""Bot replicas as an operator runs them: separate `python -m asisten bot --http` processes
sharing one database and one ASISTEN_HOME, their Web API pointed at a local fake Slack.
Used by the replica tests and by `benchmarks/replika.py`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from asisten.config import PROJECT_ROOT
from tests.slack_fake import event_body, post, sign

SECRET = "0123456789abcdef0123456789abcdef"
TOKEN = "xoxb-test"
START_TIMEOUT = 60
# Variables of the parent that must not leak into a replica's settings.
_OWN = ("ASISTEN_", "DATABASE_URL", "SLACK_")


@dataclass
class Replica:
    url: str
    process: subprocess.Popen
    log: Path

    def send(self, body: str, **kwargs) -> int:
        return post(self.url + "/slack/events", body, sign(SECRET, body), **kwargs)[0]

    def event(self, event: dict, event_id: str | None = None, **kwargs) -> int:
        return self.send(event_body(event, event_id=event_id), **kwargs)

    def health(self) -> dict:
        with urllib.request.urlopen(self.url + "/healthz", timeout=5) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_replica(name: str, home: Path, database_url: str, slack_url: str, **env: str) -> Replica:
    """Start `asisten bot --http --port 0` and wait until it listens and /healthz answers."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(_OWN)}
    environment.update(
        ASISTEN_HOME=str(home), DATABASE_URL=database_url, SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=slack_url, PYTHONUNBUFFERED="1",
        ASISTEN_INDEX_POLL="0.5", HF_HUB_OFFLINE="1", **env,
    )  # fmt: skip
    log = home.parent / f"{name}.log"
    with open(log, "w") as errors:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            [sys.executable, "-m", "asisten", "bot", "--http", "--host", "127.0.0.1", "--port", "0"],
            cwd=PROJECT_ROOT, env=environment, stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
    line = process.stdout.readline()
    if "mendengarkan di" not in line:
        process.kill()
        raise RuntimeError(f"replica {name} did not start: {line!r}\n{log.read_text()[-3000:]}")
    replica = Replica("http://" + line.rsplit(" ", 1)[1].strip(), process, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if replica.health()["status"] == "ok":
                return replica
        except OSError:
            time.sleep(0.1)
    replica.stop()
    raise RuntimeError(f"replica {name} never became healthy\n{log.read_text()[-3000:]}")
