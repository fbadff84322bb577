"""Proposals from the terminal: a whole draft through `asisten chat`, a process killed mid-flow
and resumed, `asisten usulan daftar/cek/ekspor`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from io import BytesIO

import docx
import pytest
from typer.testing import CliRunner

from asisten.cli.main import app
from tests.cli.test_cli import env  # noqa: F401 - the fixture: temp home, small corpus, fake model
from tests.usulan.proposal_answers import ANSWERS, FREE_ANSWERS, KONTAK


@pytest.fixture
def drafting(env, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("ASISTEN_USER", "cli-budi")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["indeks"]).exit_code == 0
    return tmp_path


def _draft_id(output: str) -> str:
    marker = "Usulan baru dibuat dengan nomor "
    return output.split(marker, 1)[1].split(".", 1)[0]


def test_whole_proposal_through_terminal_chat(drafting):
    typed = "\n".join(["buat usulan", *(a for a, _ in ANSWERS), "ekspor", "keluar"]) + "\n"
    result = CliRunner().invoke(app, ["chat"], input=typed)
    assert result.exit_code == 0, result.output
    draft_id = _draft_id(result.output)
    assert "Semua bagian sudah terisi" in result.output
    exported = drafting / f"usulan-{draft_id}.docx"
    assert exported.exists()
    document = docx.Document(BytesIO(exported.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for _typed, shown in ANSWERS:
        if shown:
            assert shown in text, shown

    listing = CliRunner().invoke(app, ["usulan", "daftar"])
    assert draft_id in listing.output and "siap" in listing.output and "20/20" in listing.output
    md = CliRunner().invoke(app, ["usulan", "ekspor", draft_id, "--format", "md"])
    assert md.exit_code == 0
    assert "SIAP Puskesmas" in (drafting / f"usulan-{draft_id}.md").read_text()


def test_side_question_in_the_middle_then_flow_continues(drafting):
    typed = "buat usulan\nSIAP Puskesmas\nPasal 6 PP 38/2017 isinya apa?\nkeluar\n"
    result = CliRunner().invoke(app, ["chat"], input=typed)
    assert "PP 38/2017 Pasal 6" in result.output or "dapat direplikasi" in result.output
    after = result.output.split("Pasal 6 PP 38/2017", 1)[-1]
    assert "[2/20] Perangkat daerah / unit pengusul" in after


def test_stranger_cannot_export_someone_elses_draft(drafting):
    result = CliRunner().invoke(app, ["chat"], input="buat usulan\nRahasia\nkeluar\n")
    draft_id = _draft_id(result.output)
    refused = CliRunner().invoke(app, ["usulan", "ekspor", draft_id, "--sebagai", "cli-orang-lain"])
    assert refused.exit_code == 1 and "hanya dapat dilihat" in refused.output
    assert not (drafting / f"usulan-{draft_id}.docx").exists()


def _read_until(process: subprocess.Popen, marker: str, timeout: float = 60) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline, seen[-2000:]
        chunk = os.read(process.stdout.fileno(), 4096).decode()
        assert chunk, seen[-2000:]
        seen += chunk
    return seen


def test_killed_mid_flow_resumes_at_the_next_question(drafting):
    command = [sys.executable, "-c", "from asisten.cli.main import app; app()", "chat"]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, cwd=drafting,
    )  # fmt: skip
    try:
        process.stdin.write(b"buat usulan\n")
        for typed, _ in ANSWERS[:5]:
            process.stdin.write(typed.encode() + b"\n")
        process.stdin.flush()
        output = _read_until(process, "[6/20]")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    draft_id = _draft_id(output)
    result = CliRunner().invoke(app, ["chat"], input="lanjut\nringkasan\nkeluar\n")
    assert f"Melanjutkan usulan {draft_id}" in result.output
    assert "[6/20] Jenis inovasi" in result.output
    assert "5/20 bagian terisi" in result.output
    for _typed, shown in ANSWERS[:5]:
        assert shown in result.output


def test_free_words_draft_with_an_answer_outside_the_open_draft(drafting):
    """The terminal's "outside the thread": the draft saved ("simpan"), then the contact typed
    as an ordinary message; taken as the answer, and the draft goes on."""
    typed = ["buat usulan", FREE_ANSWERS[0][0], FREE_ANSWERS[1][0], "simpan", KONTAK[0]]
    for answer, _shown in FREE_ANSWERS[3:]:
        if answer is not None:
            typed.append(answer)
        if answer == "awal 2028":
            typed.append("ya")
    result = CliRunner().invoke(app, ["chat"], input="\n".join([*typed, "ekspor", "keluar"]) + "\n")
    assert result.exit_code == 0, result.output
    output = result.output
    assert "sebagai jawaban untuk [3/20] Narahubung" in output
    assert (
        "Tersimpan: Inisiator = ASN." in output and "Tersimpan: Jenis inovasi = Digital." in output
    )
    assert "Tersimpan juga: Sumber anggaran = APBD" in output
    assert output.count("Betul?") == 1 and "tidak cocok" not in output
    assert "Semua bagian sudah terisi" in output
    draft_id = _draft_id(output)
    document = docx.Document(BytesIO((drafting / f"usulan-{draft_id}.docx").read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for _typed, shown in FREE_ANSWERS:
        if shown:
            assert shown in text, shown


def test_unclear_message_outside_the_draft_is_asked_about_with_numbered_options(drafting):
    typed = "buat usulan\nSIAP Puskesmas\nsimpan\nDinas Kesehatan\n1\nringkasan\nkeluar\n"
    result = CliRunner().invoke(app, ["chat"], input=typed)
    assert "1. Jawaban untuk [2/20] Perangkat daerah / unit pengusul" in result.output
    assert "2. Pertanyaan untuk basis pengetahuan" in result.output
    assert "- Perangkat daerah / unit pengusul: Dinas Kesehatan" in result.output
