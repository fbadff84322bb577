"""A real PostgreSQL server for the tests: started once per session by `pgserver` (a PyPI
package that ships the server binaries; no root, no system package), reached over its Unix
socket. Each test gets a database of its own, dropped afterwards."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from sqlalchemy import create_engine, text

# Durability is not what these tests measure; without fsync a CREATE DATABASE takes milliseconds.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class TestPostgres:
    __test__ = False  # a helper, not a test class

    def __init__(self, data_dir: Path) -> None:
        import pgserver

        self._server = pgserver.get_server(data_dir, cleanup_mode="delete")
        self.socket_dir = self._server.get_uri().split("host=", 1)[1]
        self._admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        self._names = itertools.count(1)
        with self._admin.connect() as connection:
            for name, value in FAST_SETTINGS.items():
                connection.execute(text(f"ALTER SYSTEM SET {name} = '{value}'"))
            connection.execute(text("SELECT pg_reload_conf()"))

    def url(self, database: str) -> str:
        """The socket form of DATABASE_URL that asisten documents."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}"

    def new_database(self) -> str:
        name = f"uji_{os.getpid()}_{next(self._names)}"
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        return name

    def drop_database(self, name: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def stop(self) -> None:
        self._admin.dispose()
        self._server.cleanup()
