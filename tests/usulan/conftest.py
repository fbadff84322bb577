"""A proposal flow over a real database in a temp home (no knowledge base unless asked): each
test runs on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from asisten.config import load_settings
from asisten.usulan import build_flow


@pytest.fixture
def flow(tmp_path, database_url):
    return build_flow(load_settings(home=tmp_path, database_url=database_url))


def fill(flow, draft_id: str, user: str, answers) -> list:
    """Type every answer in order; the replies."""
    return [flow.handle(draft_id, user, typed) for typed, _ in answers]
