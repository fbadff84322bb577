"""Engine creation with SQLite settings that survive several threads and processes at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

Row = TypeVar("Row", bound=SQLModel)

# Writers wait up to this long for another writer's lock instead of failing at once.
BUSY_TIMEOUT_MS = 10_000


def create_db_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, a busy timeout and enforced foreign keys."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    # WAL lets readers run beside a writer; NORMAL sync is durable in WAL mode on commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def init_db(engine: Engine) -> None:
    """Create the tables of every model imported so far (idempotent)."""
    import asisten.admin.models  # noqa: F401  - and the admin's records
    import asisten.db.records  # noqa: F401  - registers the bot's tables
    import asisten.usulan.models  # noqa: F401  - and the proposal drafts

    SQLModel.metadata.create_all(engine)


def update_row(
    engine: Engine, model: type[Row], key: Any, fields: dict[str, Any],
    missing: Callable[[], Exception],
) -> Row:  # fmt: skip
    """Set `fields` on one row in its own committed transaction; `missing()` if there is none."""
    with Session(engine) as session:
        row = session.get(model, key)
        if row is None:
            raise missing()
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)
        session.commit()
        session.refresh(row)
        return row
