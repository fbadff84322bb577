"""A session router over the real engine (small corpus, hashing model) and a real SQLite file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from asisten.cli.main import app
from asisten.config import load_settings
from asisten.jawab.engine import Engine
from asisten.percakapan.conversation import Conversation
from asisten.percakapan.router import SessionRouter
from asisten.usulan import build_flow
from tests.cli.test_cli import env  # noqa: F401 - the fixture: temp home, small corpus, fake model
from tests.conftest import CORPUS


@pytest.fixture
def router(env):  # noqa: F811
    (env / "praktik-baik").mkdir()
    for name in ("e-health-surabaya.md", "lapor-sleman.md"):
        (env / "praktik-baik" / name).write_text((CORPUS / "praktik-baik" / name).read_text())
    assert CliRunner().invoke(app, ["indeks"]).exit_code == 0
    settings = load_settings()
    conversation = Conversation(Engine(settings), settings.prompts_dir)
    flow = build_flow(settings, ask=conversation.ask, engine=conversation.engine)
    return SessionRouter(conversation, flow)
