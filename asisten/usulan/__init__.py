"""Guided innovation proposals: template (data), drafts (SQLModel), the flow, checks, export."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from asisten.config import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine as Database

    from asisten.jawab.answer import Answer
    from asisten.jawab.engine import Engine
    from asisten.usulan.flow import ProposalFlow

_START = re.compile(r"^\s*(buat|mulai|bikin|tulis)\s+(usulan|proposal)\b", re.IGNORECASE)
_REPLICATE = re.compile(
    r"^\s*(buat|mulai|bikin|tulis)\s+(usulan|proposal)\s+replikasi\s+(dari\s+)?(?P<name>\S.*?)\s*$",
    re.IGNORECASE,
)
_RESUME = re.compile(r"^\s*lanjut(kan)?(\s+usulan)?(\s+(?P<id>[a-z0-9]{6}))?\s*$", re.IGNORECASE)


def is_start_request(text: str) -> bool:
    return bool(_START.match(text))


def replication_request(text: str) -> str | None:
    """The good practice named in "buat usulan replikasi dari <kasus>", else None."""
    match = _REPLICATE.match(text)
    return match.group("name") if match else None


def resume_request(text: str) -> tuple[bool, str | None]:
    """("lanjut", id or None) for "lanjut", "lanjut usulan k3q7fa", else (False, None)."""
    match = _RESUME.match(text)
    return (True, match.group("id")) if match else (False, None)


def build_flow(
    settings: Settings,
    database: Database | None = None,
    ask: Callable[[str], Answer] | None = None,
    engine: Engine | None = None,
) -> ProposalFlow:
    """The flow over `database`; `ask` answers side questions (the knowledge base), `engine`
    finds related cases and provisions while drafting."""
    from asisten.db import open_database
    from asisten.usulan.flow import ProposalFlow
    from asisten.usulan.store import DraftStore
    from asisten.usulan.template import load_template

    if database is None:
        database = open_database(settings)
    template = load_template(settings.prompts_dir)
    return ProposalFlow(DraftStore(database), template, settings.prompts_dir, ask, engine)
