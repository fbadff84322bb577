"""The schema as `create_all` made it before migrations existed (issue 16).

Tables that already exist are left alone, so a database created before migrations is adopted by
running this revision: its rows (drafts, answers, feedback) stay, and Alembic records 0001.
Plain SQLAlchemy types keep this revision frozen whatever the models become later.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

String = sa.String
Time = sa.DateTime(timezone=True)


def _column(name: str, kind, nullable: bool = False) -> sa.Column:
    return sa.Column(name, kind, nullable=nullable)


def _tables() -> dict[str, tuple[list, list[str]]]:
    """table: (columns and constraints, indexed columns), in foreign-key order; built anew on
    each call because a Column belongs to the one Table it is first given to."""
    return {
        "adminaction": ([
            _column("id", sa.Integer()), _column("user", String()), _column("action", String()),
            _column("target", String()), _column("result", String()), _column("detail", String()),
            _column("created_at", Time), sa.PrimaryKeyConstraint("id"),
        ], ["user"]),
        "answerrecord": ([
            _column("id", sa.Integer()), _column("user", String()), _column("channel", String()),
            _column("question", String()), _column("answer", String()), _column("found", sa.Boolean()),
            _column("kind", String()), _column("sources", sa.JSON(), True), _column("created_at", Time),
            sa.PrimaryKeyConstraint("id"),
        ], ["user"]),
        "botthread": ([
            _column("channel", String()), _column("thread_ts", String()), _column("created_at", Time),
            sa.PrimaryKeyConstraint("channel", "thread_ts"),
        ], []),
        "draft": ([
            _column("id", String()), _column("owner", String()), _column("name", String()),
            _column("status", String()), _column("step", String(), True),
            _column("step_revision", sa.Integer()), _column("step_changed_at", sa.Float()),
            _column("version", sa.Integer()), _column("created_at", Time), _column("updated_at", Time),
            sa.PrimaryKeyConstraint("id"),
        ], ["owner"]),
        "handledevent": ([
            _column("key", String()), _column("kind", String()), _column("handled_at", Time),
            sa.PrimaryKeyConstraint("key"),
        ], []),
        "removeddocument": ([
            _column("path", String()), _column("doc_id", String()), _column("removed_by", String()),
            _column("removed_at", Time), sa.PrimaryKeyConstraint("path"),
        ], []),
        "uploadeddocument": ([
            _column("id", String()), _column("sha256", String()), _column("file_name", String()),
            _column("stored_path", String()), _column("size", sa.Integer()),
            _column("uploaded_by", String()), _column("uploaded_at", Time), _column("status", String()),
            _column("fields", sa.JSON(), True), _column("doc_id", String(), True),
            _column("title", String()), sa.PrimaryKeyConstraint("id"),
        ], ["sha256"]),
        "draftanswer": ([
            _column("draft_id", String()), _column("key", String()), _column("value", String(), True),
            _column("revision", sa.Integer()), _column("updated_by", String()),
            _column("updated_at", Time), sa.ForeignKeyConstraint(["draft_id"], ["draft.id"]),
            sa.PrimaryKeyConstraint("draft_id", "key"),
        ], []),
        "draftmember": ([
            _column("draft_id", String()), _column("user", String()), _column("role", String()),
            _column("pending", String(), True), _column("buffer", String()),
            sa.ForeignKeyConstraint(["draft_id"], ["draft.id"]),
            sa.PrimaryKeyConstraint("draft_id", "user"),
        ], ["user"]),
        "draftrevision": ([
            _column("id", sa.Integer()), _column("draft_id", String()), _column("key", String()),
            _column("value", String(), True), _column("previous", String(), True),
            _column("revision", sa.Integer()), _column("user", String()), _column("created_at", Time),
            sa.ForeignKeyConstraint(["draft_id"], ["draft.id"]), sa.PrimaryKeyConstraint("id"),
        ], ["draft_id"]),
        "draftthread": ([
            _column("channel", String()), _column("thread_ts", String()), _column("draft_id", String()),
            sa.ForeignKeyConstraint(["draft_id"], ["draft.id"]),
            sa.PrimaryKeyConstraint("channel", "thread_ts"),
        ], ["draft_id"]),
        "feedback": ([
            _column("id", sa.Integer()), _column("answer_id", sa.Integer()), _column("user", String()),
            _column("rating", String()), _column("reason", String(), True), _column("created_at", Time),
            sa.ForeignKeyConstraint(["answer_id"], ["answerrecord.id"]), sa.PrimaryKeyConstraint("id"),
        ], ["answer_id"]),
    }  # fmt: skip


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for table, (columns, indexed) in _tables().items():
        if table in existing:
            continue
        op.create_table(table, *columns)
        for column in indexed:
            op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table in reversed(_tables()):
        op.drop_table(table)
