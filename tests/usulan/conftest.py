"""A proposal flow over a real SQLite file in a temp home (no knowledge base unless asked)."""

from __future__ import annotations

import pytest

from asisten.config import load_settings
from asisten.usulan import build_flow


@pytest.fixture
def flow(tmp_path):
    return build_flow(load_settings(home=tmp_path))


def fill(flow, draft_id: str, user: str, answers) -> list:
    """Type every answer in order; the replies."""
    return [flow.handle(draft_id, user, typed) for typed, _ in answers]
