"""Alembic's entry point, run by `asisten.db.schema` with a connection it already holds (and has
locked), never with a URL of its own: the settings decide the database, as everywhere else."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from asisten.db.engine import import_models

import_models()

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
