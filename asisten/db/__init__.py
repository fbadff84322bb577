"""The project's database: one SQLModel engine (SQLite by default, `DATABASE_URL` to change it).

Tables belong to the concept they record (handled Slack events and answers here, proposal drafts
in `asisten.usulan`); `init_db` creates whatever tables are imported.
"""

from asisten.db.engine import create_db_engine, init_db

__all__ = ["create_db_engine", "init_db"]
