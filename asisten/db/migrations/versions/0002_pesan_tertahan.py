"""Messages kept before they are placed (issue 14): a vague date waiting for "ya", or a DM sent
outside a draft's thread waiting for "answer or question?", so nothing typed is dropped.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "heldmessage"


def upgrade() -> None:
    if TABLE in sa.inspect(op.get_bind()).get_table_names():
        return  # made by create_all in a development build; nothing to add
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.String(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("proposed", sa.String(), nullable=True),
        sa.Column("resolved", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(f"ix_{TABLE}_draft_id", TABLE, ["draft_id"])
    op.create_index(f"ix_{TABLE}_user", TABLE, ["user"])


def downgrade() -> None:
    op.drop_table(TABLE)
