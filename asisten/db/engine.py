"""Engine creation: SQLite (the default) with settings that survive several threads and
processes at once, or PostgreSQL through psycopg 3 for several replicas, on one host or many.

    sqlite:////path/asisten.sqlite3
    postgresql+psycopg://user:password@host:5432/db
    postgresql+psycopg://user@/db?host=/run/postgresql     (Unix socket directory)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlmodel import Session, SQLModel, create_engine

from asisten.errors import DatabaseError

Row = TypeVar("Row", bound=SQLModel)

# Writers wait up to this long for another writer's lock instead of failing at once.
BUSY_TIMEOUT_MS = 10_000
# Per process: the bot's answer workers plus the HTTP threads rarely need more at once; a
# PostgreSQL server's default 100 connections then serve several replicas.
POOL_SIZE = 5
POOL_OVERFLOW = 10


def create_db_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, a busy timeout and enforced foreign keys."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return _server_engine(url)
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def normalise_url(url: str) -> str:
    """`postgres://` and `postgresql://` (what hosting panels hand out) mean psycopg 3, the
    driver asisten installs; SQLAlchemy alone would look for psycopg2."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _server_engine(url: str) -> Engine:
    connect_args: dict[str, Any] = {}
    if url.startswith("postgresql"):
        # Timestamps are stored without a zone; every session writes and reads them in UTC, so
        # replicas in different zones agree.
        connect_args["options"] = "-c timezone=UTC"
    try:
        return create_engine(
            url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW,
            connect_args=connect_args,
        )  # fmt: skip
    except (ModuleNotFoundError, NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(
            f"DATABASE_URL tidak dapat dipakai ({exc}). Contoh yang benar: "
            "postgresql+psycopg://pengguna:sandi@host:5432/asisten"
        ) from exc


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    # WAL lets readers run beside a writer; NORMAL sync is durable in WAL mode on commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def import_models() -> None:
    """Register every table with SQLModel's metadata (the models live with their concepts)."""
    import asisten.admin.models  # noqa: F401  - the admin's records
    import asisten.db.records  # noqa: F401  - the bot's tables
    import asisten.usulan.models  # noqa: F401  - the proposal drafts


def init_db(engine: Engine, auto_upgrade: bool = True) -> None:
    """Bring the schema to the code's revision: create it, adopt a database made before
    migrations existed, and apply pending migrations when `auto_upgrade` (else say what to run)."""
    from asisten.db.schema import prepare

    prepare(engine, auto_upgrade)


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
