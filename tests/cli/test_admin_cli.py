"""`asisten admin`: the same admin actions from a terminal (fake model, real child processes)."""

from __future__ import annotations

from typer.testing import CliRunner

from asisten.cli.main import app
from tests.cli.test_cli import env  # noqa: F401 - the fixture: temp home, small corpus, fake model


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_admin_actions_from_the_terminal(env, corpus_uji, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ASISTEN_USER", "cli-admin")
    assert _run("indeks").exit_code == 0
    first = _run("admin", "status")
    assert first.exit_code == 0 and "dokumen" in first.output

    uploaded = _run("admin", "unggah", str(corpus_uji / "perban-bssn-8-2020.pdf"), "--ya")
    assert uploaded.exit_code == 0, uploaded.output
    assert "Perban BSSN" in uploaded.output and "diterbitkan" in uploaded.output
    listing = _run("admin", "daftar").output
    assert "perban-bssn-8-2020" in listing and "unggahan" in listing

    again = _run("admin", "unggah", str(corpus_uji / "perban-bssn-8-2020.pdf"), "--ya")
    assert again.exit_code == 1 and "sama persis" in again.output

    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    refused = _run("admin", "unggah", str(empty), "--ya")
    assert (
        refused.exit_code == 1 and "kosong" in refused.output and "Traceback" not in refused.output
    )

    removed = _run("admin", "hapus", "perban-bssn-8-2020", "--ya")
    assert removed.exit_code == 0 and "perban-bssn-8-2020" not in _run("admin", "daftar").output
    back = _run("admin", "kembalikan")
    assert back.exit_code == 0 and "perban-bssn-8-2020" in _run("admin", "daftar").output

    history = _run("admin", "riwayat").output
    for action in ("unggah", "hapus", "kembalikan"):
        assert f"cli-admin {action}" in history
    assert "gagal" in history  # the empty file is on record too
