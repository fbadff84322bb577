"""`asisten db`: the database schema (Alembic migrations) from a terminal."""

from __future__ import annotations

import typer

from asisten.cli.common import friendly_errors, settings

app = typer.Typer(help="Skema basis data: status dan migrasi.", no_args_is_help=True)


@app.command("upgrade", help="Terapkan migrasi skema yang belum dijalankan (aman diulang).")
def upgrade() -> None:
    from asisten.db import create_db_engine
    from asisten.db.schema import check_columns, prepare, state
    from asisten.db.schema import upgrade as apply

    with friendly_errors():
        config = settings()
        engine = create_db_engine(config.database)
        before = state(engine)
        if before.current is None:
            prepare(engine, auto_upgrade=True)  # creates, or adopts a pre-migration database
        else:
            apply(engine)
            check_columns(engine)
        after = state(engine)
        if before.current == after.current:
            typer.echo(f"Skema basis data sudah mutakhir (revisi {after.current}).")
        else:
            typer.echo(
                f"Skema basis data diperbarui: {before.current or 'belum ada'} → {after.current}."
            )


@app.command("status", help="Revisi skema basis data dan revisi yang dibutuhkan versi ini.")
def status() -> None:
    from asisten.db import create_db_engine
    from asisten.db.schema import state

    with friendly_errors():
        config = settings()
        found = state(create_db_engine(config.database))
        where = create_db_engine(config.database).url.render_as_string(hide_password=True)
        typer.echo(f"Basis data: {where}")
        typer.echo(f"Revisi: {found.current or 'belum ada'}; dibutuhkan: {found.head}")
        if not found.up_to_date:
            typer.echo("Jalankan `asisten db upgrade`.")
