"""A running bot: the real Bolt app in HTTP mode (waitress on port 0), its WebClient pointed at a
local fake Slack, the real engine and a fresh SQLite file per test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from asisten.bot.app import create_app
from asisten.bot.http import create_http_server, stop_http_server
from asisten.bot.services import BotServices, build_services
from asisten.config import load_settings
from tests.slack_fake import (
    FakeSlack,
    action_body,
    command_body,
    event_body,
    new_trigger_id,
    post,
    sign,
    view_submission_body,
)

SECRET = "0123456789abcdef0123456789abcdef"
TOKEN = "xoxb-test"


@dataclass
class RunningBot:
    url: str
    slack: FakeSlack
    services: BotServices
    database: Path

    def send(self, body: str, secret: str = SECRET, **kwargs) -> tuple[int, str, float]:
        return post(self.url + "/slack/events", body, sign(secret, body), **kwargs)

    def event(self, event: dict, event_id: str | None = None, **kwargs) -> int:
        status, _, _ = self.send(event_body(event, event_id=event_id), **kwargs)
        return status

    def command(self, text: str, user: str = "U1", channel: str = "C1") -> tuple[int, str, float]:
        body = command_body(
            text=text, user_id=user, channel_id=channel, response_url=self.slack.response_url()
        )
        return self.send(body)

    def click(self, action: dict, user: str = "U1", **kwargs) -> int:
        body = action_body(
            [action], user_id=user, trigger_id=new_trigger_id(),
            response_url=self.slack.response_url(), **kwargs,
        )  # fmt: skip
        return self.send(body)[0]

    def submit(
        self, callback_id: str, values: dict, private_metadata: str, user: str = "U1"
    ) -> int:
        body = view_submission_body(callback_id, values, private_metadata, user_id=user)
        return self.send(body)[0]


def start_bot(
    slack: FakeSlack, home: Path, database: Path, engine, **overrides: object
) -> tuple[RunningBot, object]:
    settings = load_settings(
        home=home, database_url=f"sqlite:///{database}", slack_bot_token=TOKEN,
        slack_signing_secret=SECRET, slack_api_url=slack.url, **overrides,
    )  # fmt: skip
    services = build_services(settings, engine=engine)
    server = create_http_server(create_app(settings, services), services, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}"
    return RunningBot(url, slack, services, database), server


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(tokens={TOKEN}) as fake:
        yield fake


@pytest.fixture
def bot(slack, tmp_path, real_settings, real_engine) -> Iterator[RunningBot]:
    running, server = start_bot(slack, real_settings.home, tmp_path / "bot.sqlite3", real_engine)
    yield running
    stop_http_server(server)
