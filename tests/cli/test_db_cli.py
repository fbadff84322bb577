"""`asisten db status|upgrade` against the configured database, and the message a user sees
when DATABASE_URL points at a server that is not there."""

from __future__ import annotations

from typer.testing import CliRunner

from asisten.cli.main import app
from asisten.db import create_db_engine
from asisten.db.schema import state


def test_upgrade_then_status(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ASISTEN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    before = runner.invoke(app, ["db", "status"])
    assert before.exit_code == 0, before.output
    assert "belum ada" in before.output and "asisten db upgrade" in before.output
    upgraded = runner.invoke(app, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    head = state(create_db_engine(database_url)).head  # the newest revision this code knows
    assert f"belum ada → {head}" in upgraded.output
    again = runner.invoke(app, ["db", "upgrade"])
    assert f"sudah mutakhir (revisi {head})" in again.output


def test_unreachable_server_is_one_indonesian_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ASISTEN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(
        "DATABASE_URL", f"postgresql+psycopg://asisten@/asisten?host={tmp_path}/tidak-ada"
    )
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 1
    assert "Tidak dapat terhubung ke basis data" in result.output
    assert "Periksa DATABASE_URL" in result.output
    assert "Traceback" not in result.output
