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


def test_relations_are_listed_and_corrected_from_the_terminal(env, corpus_uji, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ASISTEN_USER", "cli-admin")
    for name in ("uu-9-2015-perubahan-kedua-uu23-2014.md", "uu-25-2009-pelayanan-publik.md"):
        (env / "regulasi" / name).write_text((corpus_uji / name).read_text())
    assert _run("indeks").exit_code == 0
    shown = _run("admin", "relasi", "uu-9-2015")
    assert shown.exit_code == 0, shown.output
    assert "relasi: mengubah UU 23/2014 (Pasal 63, 65, 66, 88, 101, 154)" in shown.output
    assert "relasi: melaksanakan UU 23/2014 (Pasal 390)" in _run("admin", "daftar").output

    corrected = _run("admin", "relasi", "uu-25-2009", "mencabut UU 8/1974")
    assert corrected.exit_code == 0 and "relasi: mencabut UU 8/1974" in corrected.output
    wrong = _run("admin", "relasi", "uu-25-2009", "menghapus UU 8/1974")
    assert wrong.exit_code == 1 and "awali dengan" in wrong.output
    assert "Traceback" not in wrong.output
    back = _run("admin", "relasi", "uu-25-2009", "asli")
    assert back.exit_code == 0 and "relasi: tidak ada" in back.output
    missing = _run("admin", "relasi", "uu-99-2099")
    assert missing.exit_code == 1 and "tidak ada di indeks" in missing.output
    assert "cli-admin koreksi-relasi" in _run("admin", "riwayat").output
