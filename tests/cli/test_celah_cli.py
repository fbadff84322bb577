"""`asisten admin celah` end to end with the real model: questions declined in `asisten tanya`
and `asisten chat` are kept without a user id and come back grouped by topic."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from asisten.cli.main import app
from asisten.db import create_db_engine
from asisten.db.records import AnswerRecord
from asisten.indeks.build import build_index
from asisten.indeks.store import IndexStore
from tests.celah.test_group import CUTI, NIB, SPBE
from tests.conftest import CORPUS

pytestmark = pytest.mark.model

ANSWERED = "Siapa saja yang dapat mengusulkan inovasi daerah?"


@pytest.fixture
def home(tmp_path, monkeypatch, real_settings, real_embedder):
    home = tmp_path / "home"
    shutil.copytree(real_settings.index_dir, home / "indeks")  # the corpus, indexed with e5
    monkeypatch.setenv("ASISTEN_HOME", str(home))
    monkeypatch.setenv("ASISTEN_USER", "cli-admin")
    # `admin celah` loads the model the index names: the session's copy of it, loaded already.
    loaded = {real_embedder.name: real_embedder}
    monkeypatch.setattr("asisten.admin.service.create_embedder", loaded.__getitem__)
    return home


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def test_declined_terminal_questions_come_back_as_gaps_by_topic(home):
    asked = _run("tanya", "--json", input="\n".join([SPBE[0], SPBE[1], CUTI[0]]))
    assert asked.exit_code == 0, asked.output
    found = {a["question"]: a["found"] for a in map(json.loads, asked.output.splitlines())}
    assert found == {SPBE[0]: False, SPBE[1]: False, CUTI[0]: False}
    chatted = _run("chat", input=f"{SPBE[2]}\n{NIB[0]}\n{ANSWERED}\nkeluar\n")
    assert chatted.exit_code == 0 and "Sampai jumpa" in chatted.output
    assert "anggota DPRD" in chatted.output  # the one question answered is not a gap

    with Session(create_db_engine(f"sqlite:///{home / 'asisten.sqlite3'}")) as session:
        kept = session.exec(select(AnswerRecord)).all()
    assert sorted(r.question for r in kept) == sorted([*SPBE, CUTI[0], NIB[0]])
    assert {(r.user, r.channel, r.found) for r in kept} == {("", "terminal", False)}

    listed = _run("admin", "celah", "--json")
    assert listed.exit_code == 0, listed.output
    gaps = [json.loads(line) for line in listed.output.splitlines()]
    assert [g["jumlah"] for g in gaps] == [3, 1, 1]
    assert sorted(gaps[0]["contoh"]) == sorted(SPBE) and gaps[0]["topik"] in SPBE
    assert {g["topik"] for g in gaps[1:]} == {CUTI[0], NIB[0]}
    assert all(set(g) == {"topik", "jumlah", "contoh", "terakhir", "ditolak", "jempol_bawah",
                          "alasan", "terjawab_kini"} for g in gaps)  # fmt: skip
    assert not any(g["terjawab_kini"] for g in gaps)
    assert gaps[0]["ditolak"] == 3 and len(gaps[0]["terakhir"]) == len("2026-12-04")

    table = _run("admin", "celah", "--jumlah", "1")
    assert table.exit_code == 0 and gaps[0]["topik"] in table.output
    assert CUTI[0] not in table.output and "asisten admin unggah" in table.output
    assert "cli-admin celah" in _run("admin", "riwayat").output


def test_bad_options_get_an_indonesian_message(home):
    for option, value in (("--jumlah", "nol"), ("--jumlah", "0"), ("--hari", "-3")):
        refused = _run("admin", "celah", option, value)
        assert refused.exit_code == 2 and "harus bilangan bulat positif" in refused.output
        assert "Traceback" not in refused.output


def test_no_gaps_yet_is_said_plainly(home):
    empty = _run("admin", "celah")
    assert empty.exit_code == 0 and "Belum ada pertanyaan yang tidak terjawab" in empty.output
    assert _run("admin", "celah", "--json").output == ""


GUIDE = """---
tipe: panduan
judul: Cuti Melahirkan bagi ASN Perempuan
---
# Cuti Melahirkan bagi ASN Perempuan

## Lama cuti melahirkan

ASN perempuan berhak atas cuti melahirkan paling lama 3 (tiga) bulan untuk persalinan anak
pertama sampai dengan anak ketiga. Cuti bersalin diajukan secara tertulis kepada pejabat yang
berwenang memberikan cuti, dengan melampirkan surat keterangan dokter atau bidan.
"""


def test_a_gap_closed_by_an_added_document_leaves_the_list(home, tmp_path, real_embedder):
    asked = _run("tanya", "--json", input="\n".join([CUTI[0], CUTI[1], SPBE[0]]))
    assert asked.exit_code == 0, asked.output
    added = tmp_path / "tambahan"
    (added / "panduan").mkdir(parents=True)
    (added / "panduan" / "cuti-melahirkan-asn.md").write_text(GUIDE, encoding="utf-8")
    store = IndexStore(home / "indeks")
    build_index(store, [CORPUS, added], lambda: real_embedder, real_embedder.name, 25 * 2**20)

    still_open = [json.loads(line) for line in _run("admin", "celah", "--json").output.splitlines()]
    assert [g["topik"] for g in still_open] == [SPBE[0]]
    table = _run("admin", "celah").output
    assert "1 celah lain kini sudah terjawab" in table and "--semua" in table
    everything = [
        json.loads(line) for line in _run("admin", "celah", "--json", "--semua").output.splitlines()
    ]
    closed = [g for g in everything if g["terjawab_kini"]]
    assert len(closed) == 1 and closed[0]["jumlah"] == 2 and closed[0]["topik"] in CUTI
