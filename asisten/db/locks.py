"""A named lock held by one process at a time, among every process that shares the database.

With PostgreSQL it is a session advisory lock: it works across hosts, and the server releases it
when the holder's connection ends, so a killed replica never leaves it behind. With SQLite every
process is on one host (the database is a local file), so a file lock beside the data does the
same; the operating system releases it when the holder dies.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from filelock import FileLock
from filelock import Timeout as FileLockTimeout
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from asisten.db.engine import is_postgresql

POLL_SECONDS = 0.25


class SharedLock:
    """`acquire(timeout)` → True when held; `release()`; also a context manager (waits)."""

    def __init__(self, engine: Engine, name: str, lock_dir: Path) -> None:
        self.name = name
        self._engine = engine
        self._key = lock_key(name)
        self._file = None if is_postgresql(engine) else FileLock(str(lock_dir / f".{name}.lock"))
        self._lock_dir = lock_dir
        self._connection: Connection | None = None

    def acquire(self, timeout: float | None = None) -> bool:
        """Wait up to `timeout` seconds (None: as long as it takes); False if not acquired."""
        if self._file is not None:
            self._lock_dir.mkdir(parents=True, exist_ok=True)
            try:
                self._file.acquire(timeout=-1 if timeout is None else timeout)
            except FileLockTimeout:
                return False
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        connection = self._engine.connect()
        while True:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key})
            # The lock belongs to the session, not to a transaction: end the implicit one.
            connection.commit()
            if got.scalar():
                self._connection = connection
                return True
            if deadline is not None and time.monotonic() >= deadline:
                connection.close()
                return False
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        if self._file is not None:
            self._file.release()
            return
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
            connection.commit()
        finally:
            connection.close()

    def __enter__(self) -> SharedLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock from a readable name."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
