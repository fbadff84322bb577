"""The project's database: one SQLModel engine (SQLite by default, `DATABASE_URL` to change it).

Tables belong to the concept they record (handled Slack events and answers here, proposal drafts
in `asisten.usulan`); their schema is kept by Alembic migrations (`asisten.db.schema`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asisten.db.engine import create_db_engine, init_db

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from asisten.config import Settings

__all__ = ["create_db_engine", "init_db", "open_database"]


def open_database(settings: Settings) -> Engine:
    """The settings' database with its schema ready (or a DatabaseError saying what to do)."""
    engine = create_db_engine(settings.database)
    init_db(engine, settings.db_auto_upgrade)
    return engine
