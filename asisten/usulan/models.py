"""Proposal drafts in the database: the draft, who may touch it, its answers and every revision.

A draft is identified by its own id, never by a user or a channel, so one person can keep
several drafts and co-authors share one. Each answer row carries a revision number: an edit made
against an older revision is refused instead of silently overwriting someone else's change.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel

STATUSES = ("draf", "siap", "diajukan", "dibatalkan")
ROLE_OWNER = "pemilik"
ROLE_COAUTHOR = "penulis"


def _now() -> datetime:
    return datetime.now(UTC)


class Draft(SQLModel, table=True):
    id: str = Field(primary_key=True)
    owner: str = Field(index=True)
    name: str = ""
    status: str = "draf"
    # The step the flow asks next: None once every step has an answer or was skipped.
    step: str | None = None
    # Revision of the asked step's answer when it was asked, and when the step last changed
    # (epoch seconds): a message sent before that change was written for an earlier question.
    step_revision: int = 0
    step_changed_at: float = 0.0
    version: int = 0
    created_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)


class DraftMember(SQLModel, table=True):
    """A person on a draft, with their own place in it: co-authors do not share a half-typed
    answer or a command waiting for confirmation."""

    draft_id: str = Field(foreign_key="draft.id", primary_key=True)
    user: str = Field(primary_key=True, index=True)
    role: str = ROLE_COAUTHOR
    # A command waiting for confirmation ("batal") or a field being changed ("ubah:<key>:<rev>").
    pending: str | None = None
    # Text of a long answer sent in several messages, kept until it is long enough.
    buffer: str = ""


class DraftAnswer(SQLModel, table=True):
    draft_id: str = Field(foreign_key="draft.id", primary_key=True)
    key: str = Field(primary_key=True)
    value: str | None = None  # None: skipped ("lewati")
    revision: int = 1
    updated_by: str = ""
    updated_at: datetime = Field(default_factory=_now)


class DraftRevision(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    draft_id: str = Field(foreign_key="draft.id", index=True)
    key: str  # a step key, or "status"
    value: str | None = None
    previous: str | None = None
    revision: int = 1
    user: str = ""
    created_at: datetime = Field(default_factory=_now)


class DraftThread(SQLModel, table=True):
    """The Slack DM thread a draft is written in."""

    channel: str = Field(primary_key=True)
    thread_ts: str = Field(primary_key=True)
    draft_id: str = Field(foreign_key="draft.id", index=True)


HELD_CONFIRM = "konfirmasi"  # a value read from vague words, stored once confirmed
HELD_OUTSIDE = "di_luar_utas"  # a message sent outside the draft's thread, not yet placed


class HeldMessage(SQLModel, table=True):
    """A typed message kept before it is placed, so nothing typed is ever dropped: a vague date
    waiting for "ya", or a DM outside the draft's thread waiting for "answer or question?"."""

    id: int | None = Field(default=None, primary_key=True)
    draft_id: str = Field(foreign_key="draft.id", index=True)
    user: str = Field(index=True)
    key: str  # the step it was typed for
    text: str
    kind: str = HELD_CONFIRM
    proposed: str | None = None  # the value read from it, for HELD_CONFIRM
    resolved: str | None = None  # how it was placed: jawaban | pertanyaan | diganti
    created_at: datetime = Field(default_factory=_now)
