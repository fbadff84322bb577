"""Migrations on SQLite and on a real PostgreSQL: a new database, a database made by
`create_all` before migrations (adopted with its drafts), pending migrations with and without
automatic upgrade, a database from a newer asisten, and replicas starting at the same moment."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from asisten.config import load_settings
from asisten.db import create_db_engine, init_db
from asisten.db.engine import import_models
from asisten.db.schema import INITIAL, state
from asisten.errors import DatabaseError
from asisten.usulan import build_flow


def test_new_database_is_migrated_to_the_schema_of_the_models(database_url):
    engine = create_db_engine(database_url)
    init_db(engine)
    assert state(engine).up_to_date
    import_models()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    # A model changed without a migration shows here: add a revision in db/migrations/versions.
    assert differences == []


def test_database_made_before_migrations_is_adopted_with_its_drafts(database_url, tmp_path):
    engine = create_db_engine(database_url)
    import_models()
    SQLModel.metadata.create_all(engine)  # what every asisten before migrations did at start
    settings = load_settings(home=tmp_path, database_url=database_url)
    old = build_flow(settings, database=engine)
    draft = old.store.create("U1", "nama_inovasi")
    old.store.set_answer(draft.id, "nama_inovasi", "SIAP Puskesmas", "U1")
    assert state(engine).current is None

    flow = build_flow(settings)  # a start of the new version
    assert state(engine).current == state(engine).head
    assert flow.store.get(draft.id, "U1").name == "SIAP Puskesmas"
    assert flow.store.answers(draft.id)["nama_inovasi"].value == "SIAP Puskesmas"


def test_pending_migration_without_auto_upgrade_says_what_to_run(database_url, monkeypatch):
    engine = create_db_engine(database_url)
    init_db(engine)
    with engine.begin() as connection:  # as if this code were one revision behind its database
        connection.execute(text("UPDATE alembic_version SET version_num = 'nol'"))
    with pytest.raises(DatabaseError, match="lebih baru"):
        init_db(engine)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{INITIAL}'"))
    import asisten.db.schema as schema

    # A second revision the database has not seen yet.
    monkeypatch.setattr(schema, "state", lambda e: schema.SchemaState(_revision(e), "0002"))
    with pytest.raises(DatabaseError, match="asisten db upgrade"):
        init_db(engine, auto_upgrade=False)


def _revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_replicas_starting_together_migrate_once(database_url):
    engines = [create_db_engine(database_url) for _ in range(4)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(engines))

    def start(engine) -> None:
        barrier.wait()
        try:
            init_db(engine)
        except BaseException as exc:  # collected: the assertion below names it
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert state(engines[0]).up_to_date
    assert "draft" in inspect(engines[0]).get_table_names()
    for engine in engines:
        engine.dispose()
