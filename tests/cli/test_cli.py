"""The CLI end to end with CliRunner (fake embedder via a temp home and a hashing model)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from asisten.cli.main import app
from tests.conftest import CORPUS


@pytest.fixture
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "faq").mkdir(parents=True)
    (corpus / "regulasi").mkdir()
    for name in ("pengusulan.yaml", "perlindungan-hukum.yaml"):
        (corpus / "faq" / name).write_text((CORPUS / "faq" / name).read_text())
    source = CORPUS / "regulasi" / "pp-38-2017-inovasi-daerah.md"
    (corpus / "regulasi" / source.name).write_text(source.read_text())
    monkeypatch.setenv("ASISTEN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASISTEN_CORPUS", str(corpus))
    monkeypatch.setenv("ASISTEN_MODEL", "hashing-256")
    return corpus


def test_indeks_then_tanya_json(env):
    runner = CliRunner()
    built = runner.invoke(app, ["indeks"])
    assert built.exit_code == 0, built.output
    assert "diterbitkan" in built.output
    assert "potongan/dtk; model embedding" in built.output and "% dari waktu" in built.output
    again = runner.invoke(app, ["indeks"])
    assert "sudah mutakhir" in again.output
    result = runner.invoke(app, ["tanya", "--json", "Pasal 7 ayat (2) PP 38/2017"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {
        "question", "answer", "found", "sources", "options", "latency_ms", "trace",
    }  # fmt: skip
    assert payload["found"] is True
    assert payload["sources"][0]["citation"] == "PP 38/2017 Pasal 7 ayat (2)"
    assert set(payload["sources"][0]) == {"title", "citation", "doc_id", "score", "text", "url"}
    # The trace says the named pasal was looked up, and what the question named.
    assert payload["trace"]["decision"]["rule"] == "pasal-disebut"
    assert payload["trace"]["query"]["provision"] == "Pasal 7 ayat (2) PP 38/2017"


def test_trace_explains_a_decline(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    question = "Berapa lama cuti melahirkan bagi PNS?"
    payload = json.loads(runner.invoke(app, ["tanya", "--json", question]).output)
    trace = payload["trace"]
    assert payload["found"] is False and trace["decision"]["outcome"] == "tolak"
    assert "cuti" in trace["query"]["unknown"] and trace["hits"]
    explained = runner.invoke(app, ["tanya", "--jelaskan", question])
    assert explained.exit_code == 0, explained.output
    assert "Keputusan: tolak" in explained.output
    assert f"aturan {trace['decision']['rule']}" in explained.output
    assert "Kata tak dikenal korpus: cuti" in explained.output


def test_trace_shows_the_parts_of_a_question(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    question = "Pasal 13 PP 38/2017 bunyinya apa? Lalu siapa yang menetapkan inovasi daerah?"
    explained = runner.invoke(app, ["tanya", "--jelaskan", question])
    assert explained.exit_code == 0, explained.output
    assert "Bagian pertanyaan 1: Pasal 13 PP 38/2017 bunyinya apa?" in explained.output
    # The other clause was searched on its own words: its best passage is shown.
    assert "Bagian pertanyaan 2: Lalu siapa yang menetapkan inovasi daerah? → " in explained.output


def test_tanya_reads_questions_from_stdin(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    result = runner.invoke(
        app, ["tanya", "--json"], input="pasal 389 uu 23/2014\nPasal 6 PP 38/2017\n\n"
    )
    lines = [json.loads(line) for line in result.output.strip().splitlines()]
    assert [line["question"] for line in lines] == ["pasal 389 uu 23/2014", "Pasal 6 PP 38/2017"]
    assert lines[1]["sources"][0]["citation"] == "PP 38/2017 Pasal 6"


def test_readable_answer_lists_sources(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    result = runner.invoke(app, ["tanya", "Pasal 6 PP 38/2017"])
    assert "Sumber:" in result.output and "[1] PP 38/2017 Pasal 6" in result.output
    assert "bukan nasihat hukum" in result.output


def test_indeks_reports_bad_files_and_loads_the_rest(env):
    (env / "regulasi" / "kosong.pdf").write_bytes(b"")
    result = CliRunner().invoke(app, ["indeks"])
    assert result.exit_code == 0
    assert "kosong.pdf" in result.output and "kosong" in result.output
    assert "diterbitkan" in result.output


def test_tanya_without_index_is_a_clear_error(env):
    result = CliRunner().invoke(app, ["tanya", "apa itu inovasi"])
    assert result.exit_code == 1
    assert "asisten indeks" in result.output


def test_unknown_document_type(env):
    CliRunner().invoke(app, ["indeks"])
    result = CliRunner().invoke(app, ["tanya", "--jenis", "berita", "x"])
    assert result.exit_code == 2 and "tidak dikenal" in result.output


def test_chat_conversation(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    result = runner.invoke(app, ["chat"], input="bantuan\nPasal 6 PP 38/2017\nkeluar\n")
    assert result.exit_code == 0
    assert "Contoh pertanyaan" in result.output
    assert "PP 38/2017 Pasal 6" in result.output
    assert "Sampai jumpa" in result.output


def test_demo_builds_index_and_answers_sample(env):
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Pertanyaan contoh" in result.output
    assert "Sumber:" in result.output


def test_bot_refuses_to_start_without_its_variables(env, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    result = CliRunner().invoke(app, ["bot", "--http", "--port", "0"])
    assert result.exit_code == 1
    assert "SLACK_SIGNING_SECRET belum diisi" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["bot"])
    assert result.exit_code == 1 and "SLACK_APP_TOKEN" in result.output


def test_bot_without_index_says_how_to_build_one(env, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "ab" * 16)
    result = CliRunner().invoke(app, ["bot", "--http", "--port", "0"])
    assert result.exit_code == 1
    assert "asisten indeks" in result.output and "Traceback" not in result.output


def test_trace_shows_the_years_and_regions_asked_about(env):
    runner = CliRunner()
    runner.invoke(app, ["indeks"])
    question = "Berapa inovasi daerah yang diusulkan Kota Kupang pada tahun 2013?"
    payload = json.loads(runner.invoke(app, ["tanya", "--json", question]).output)
    assert payload["trace"]["query"]["regions"] == ["Kota Kupang"]
    assert payload["trace"]["query"]["years"] == ["2013"]
    explained = runner.invoke(app, ["tanya", "--jelaskan", question])
    assert "Tahun/wilayah yang disebut: Kota Kupang, 2013" in explained.output
    # The rules answer it from the passages on proposals; neither name is in them.
    assert payload["trace"]["decision"]["rule"] == "tahun-tidak-dimuat"
    assert "Tidak disebut potongan mana pun: Kota Kupang, tahun 2013" in explained.output
