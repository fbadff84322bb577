"""The database schema, kept by Alembic migrations in `asisten/db/migrations/versions/`.

    prepare(engine, auto_upgrade)   at every start: create a new database, adopt one made by
                                    `create_all` before migrations, apply pending migrations
                                    (or, with auto_upgrade off, say to run `asisten db upgrade`)
    upgrade(engine)                 `asisten db upgrade`

Migrations run under a lock (an advisory lock in PostgreSQL, a file lock beside a SQLite file),
so replicas starting together migrate once and the others find the schema done. A database that
a newer asisten has already migrated is refused rather than used by code that does not know it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

from asisten.db.engine import import_models, is_postgresql
from asisten.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
INITIAL = "0001"
# pg_advisory_xact_lock key for migrations: any fixed number no other code uses ("asis").
MIGRATION_LOCK_KEY = 0x61736973


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # None: no migration recorded (a new or a pre-migration database)
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def state(engine: Engine) -> SchemaState:
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise unreachable(engine, exc) from exc
    return SchemaState(current, _script().get_current_head() or INITIAL)


# SQLite may answer "database is locked" while another process switches a new file to WAL
# mode or migrates it (the busy timeout does not cover the journal-mode switch): try again.
LOCKED_RETRIES = 5


def prepare(engine: Engine, auto_upgrade: bool = True) -> SchemaState:
    """Make the schema the one this code needs, or raise DatabaseError saying what to do."""
    for attempt in range(LOCKED_RETRIES):
        try:
            return _prepare(engine, auto_upgrade)
        except DatabaseError as exc:
            if "database is locked" not in str(exc) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def _prepare(engine: Engine, auto_upgrade: bool) -> SchemaState:
    found = state(engine)
    if found.up_to_date:
        return found
    known = {script.revision for script in _script().walk_revisions()}
    if found.current is not None and found.current not in known:
        raise DatabaseError(
            f"Basis data sudah dimigrasikan oleh versi asisten yang lebih baru (revisi "
            f"{found.current}; versi ini mengenal sampai {found.head}). Perbarui asisten di "
            "semua replika, atau pulihkan cadangan basis data."
        )
    if found.current is None:
        # A new database, or one made by create_all before migrations: revision 0001 only adds
        # the tables that are missing, so this never touches existing rows.
        upgrade(engine, INITIAL)
    if state(engine).current != found.head:
        if not auto_upgrade:
            raise DatabaseError(
                f"Skema basis data perlu diperbarui (revisi {found.current or INITIAL} → "
                f"{found.head}). Jalankan `asisten db upgrade` sekali, lalu mulai ulang bot."
            )
        upgrade(engine)
    check_columns(engine)
    return state(engine)


def upgrade(engine: Engine, target: str = "head") -> tuple[str | None, str | None]:
    """Apply migrations up to `target` under the migration lock: (revision before, after)."""
    config = _config()
    with _locked(engine) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        after = MigrationContext.configure(connection).get_current_revision()
    return before, after


def check_columns(engine: Engine) -> None:
    """Every column the models use exists: a pre-migration database made by an older asisten
    with fewer columns is named here instead of failing on its first query."""
    import_models()
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    missing = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        if table.name not in tables
        or column.name not in {c["name"] for c in inspector.get_columns(table.name)}
    ]
    if missing:
        raise DatabaseError(
            "Skema basis data tidak sesuai dengan versi asisten ini; kolom tidak ada: "
            + ", ".join(missing)
            + ". Pulihkan cadangan atau hubungi pengembang."
        )


def unreachable(engine: Engine, exc: Exception) -> DatabaseError:
    where = engine.url.render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return DatabaseError(
        f"Tidak dapat terhubung ke basis data {where} ({reason}). Periksa DATABASE_URL dan "
        "pastikan server basis data berjalan."
    )


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    if is_postgresql(engine):
        with engine.connect() as connection:
            # Released by the commit: the migration and the lock end together.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
            yield connection
            connection.commit()
        return
    database = engine.url.database
    lock = FileLock(database + ".migrate.lock") if database and database != ":memory:" else None
    if lock:
        lock.acquire()
    try:
        with engine.connect() as connection:
            yield connection
            connection.commit()
    finally:
        if lock:
            lock.release()
