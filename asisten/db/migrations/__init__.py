"""Alembic migrations of the asisten database (see asisten.db.schema)."""
