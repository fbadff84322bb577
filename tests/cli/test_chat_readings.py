"""`asisten chat` with the real model: a question asked back lists its readings, and typing a
reading's number asks it, as Slack's buttons do."""

from __future__ import annotations

import re
import shutil

import pytest
from typer.testing import CliRunner

from asisten.cli.main import app

pytestmark = pytest.mark.model


def test_a_reading_is_picked_by_its_number(tmp_path, monkeypatch, real_settings):
    home = tmp_path / "home"
    shutil.copytree(real_settings.index_dir, home / "indeks")
    monkeypatch.setenv("ASISTEN_HOME", str(home))
    chatted = CliRunner().invoke(app, ["chat"], input="Pasal 7 ayat 2 bunyinya apa?\n2\nkeluar\n")
    assert chatted.exit_code == 0, chatted.output
    asked_back, _, picked = chatted.output.partition("Ketik nomor pilihannya")
    readings = [line for line in asked_back.splitlines() if line[:2] in ("1.", "2.")]
    assert len(readings) == 2
    # '2. Pasal 7 ayat (2) UU 25/2009 (Undang-Undang …): "Apa isi Pasal 7 ayat (2) UU 25/2009?"'
    regulation = re.search(r'"Apa isi Pasal 7 ayat \(2\) (.+)\?"$', readings[1]).group(1)
    assert f"Bunyi {regulation} Pasal 7 ayat (2)" in picked
