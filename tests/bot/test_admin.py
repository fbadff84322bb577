"""Admins keep the knowledge current from Slack, end to end: a real PDF uploaded, previewed,
confirmed and answered from at once; bad files, duplicates and strangers refused; status, list,
delete, rebuild, rollback, history; a rebuild killed midway leaves the old index serving."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import time

import pytest
from pypdf import PdfWriter

from asisten.bot.http import stop_http_server
from asisten.config import load_settings
from asisten.indeks.store import IndexStore
from asisten.jawab.engine import Engine
from tests.bot.conftest import start_bot
from tests.conftest import CORPUS

pytestmark = pytest.mark.model

ADMIN = "UADM"
JOB_TIMEOUT = 180


@pytest.fixture
def admin_bot(slack, tmp_path, real_settings, real_embedder):
    running, server = _start_admin_bot(slack, tmp_path, real_settings, real_embedder)
    yield running
    stop_http_server(server)


def _start_admin_bot(slack, tmp_path, real_settings, real_embedder, **overrides):
    home = tmp_path / "home"
    shutil.copytree(real_settings.index_dir, home / "indeks")  # this test's own index
    engine = Engine(load_settings(home=home), embedder_factory=lambda name: real_embedder)
    return start_bot(
        slack, home, tmp_path / "bot.sqlite3", engine, admins_raw=ADMIN, max_file_mb=5,
        **overrides,
    )  # fmt: skip


def _share(bot, file_obj: dict, user: str = ADMIN, channel: str = "DADM") -> None:
    ts = f"{time.time():.6f}"
    event = {"type": "message", "subtype": "file_share", "channel_type": "im", "channel": channel,
             "user": user, "text": "", "ts": ts, "files": [file_obj], "upload": False}  # fmt: skip
    assert bot.event(event) == 200


def _upload(bot, name: str, content: bytes, file_id: str = "F1", **kwargs) -> object:
    """The preview or the refusal (not the progress message of a scan being read)."""
    _share(bot, bot.slack.add_file(file_id, name, content, user=ADMIN), **kwargs)
    return bot.slack.wait_for(
        "chat.postMessage",
        timeout=JOB_TIMEOUT,
        predicate=lambda c: name in c.params.get("text", "") and "⏳" not in c.params["text"],
    )[-1]


def _button(post, action_id: str) -> dict:
    for block in post.params["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element
    raise AssertionError(f"no {action_id} in {post.params['blocks']}")


def _wait_update(bot, words: str, timeout: float = JOB_TIMEOUT):
    return bot.slack.wait_for(
        "chat.update", timeout=timeout, predicate=lambda c: words in c.params.get("text", "")
    )[-1]


def _ask(bot, question: str, channel: str = "DQ") -> object:
    ts = f"{time.time():.6f}"
    bot.event({"type": "message", "channel_type": "im", "channel": channel, "user": "U1",
               "text": question, "ts": ts})  # fmt: skip
    return bot.slack.wait_for(
        "chat.postMessage", predicate=lambda c: c.params.get("channel") == channel
    )[-1]


def _blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_real_pdf_is_previewed_confirmed_and_answered_from_at_once(admin_bot, corpus_uji):
    bot = admin_bot
    before = IndexStore(bot.services.settings.index_dir).current_name()
    data = (corpus_uji / "perban-bssn-8-2020.pdf").read_bytes()
    preview = _upload(bot, "perban-bssn-8-2020.pdf", data)
    text = preview.params["blocks"][0]["text"]["text"]
    assert "Perban BSSN" in text and "Nomor 8 Tahun 2020" in text
    assert "44 pasal" in text and "Perban BSSN 8/2020 Pasal 1 angka 1" in text
    # Its Lampiran (pages 23-32) is scanned: read by OCR while the admin sees the pages counted.
    assert "dibaca dengan OCR" in text
    reading = [c for c in bot.slack.calls("chat.update") if "hasil pindai" in c.params["text"]]
    assert reading and "10/10" in reading[-1].params["text"]
    bot.click(_button(preview, "admin_konfirmasi"), user=ADMIN, channel_id="DADM",
              message_ts=preview.response["ts"])  # fmt: skip
    done = _wait_update(bot, "diterbitkan")
    assert "menambah" in done.params["text"].lower()
    assert any(
        "membuat embedding" in c.params.get("text", "") for c in bot.slack.calls("chat.update")
    )
    assert IndexStore(bot.services.settings.index_dir).current_name() != before
    answer = _ask(bot, "Apa ruang lingkup Perban BSSN 8/2020 Pasal 2?")
    assert "Perban BSSN 8/2020 Pasal 2" in json.dumps(answer.params["blocks"])
    upload = bot.services.admin.registry.uploads("aktif")[0]
    assert upload.uploaded_by == ADMIN and os.path.exists(upload.stored_path)


BAD_FILES = [
    ("kosong.pdf", b"", "kosong"),
    ("halaman.pdf", b"<html><body>Silakan masuk</body></html>", "bukan PDF"),
    ("terkunci.pdf", _blank_pdf("rahasia"), "kata sandi"),
    ("pindaian.pdf", _blank_pdf(), "OCR"),
    ("program.bin", b"MZ\x90\x00\x03\x00\x00\x00" * 64, "tidak didukung"),
    ("rusak.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "rusak"),
    ("raksasa.pdf", b"%PDF-1.7\n" + b"0" * (6 * 2**20), "batas"),
]


@pytest.mark.parametrize(("name", "content", "words"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_a_reason(admin_bot, name, content, words):
    bot = admin_bot
    post = _upload(bot, name, content)
    assert name in post.params["text"] and words in post.params["text"]
    assert "admin_konfirmasi" not in json.dumps(post.params["blocks"])
    assert bot.services.admin.registry.uploads() == []
    assert (
        not list(bot.services.settings.uploads_dir.glob("*"))
        if bot.services.settings.uploads_dir.exists()
        else True
    )


def test_duplicate_of_an_indexed_document_is_named(admin_bot):
    from asisten.config import PROJECT_ROOT

    source = PROJECT_ROOT / "corpus" / "regulasi" / "pp-38-2017-inovasi-daerah.md"
    post = _upload(admin_bot, "salinan-pp38.md", source.read_bytes())
    assert "sama persis" in post.params["text"] and "Inovasi Daerah" in post.params["text"]


def test_non_admin_is_refused_politely_and_recorded(admin_bot):
    bot = admin_bot
    _share(bot, bot.slack.add_file("F9", "catatan.md", b"# Catatan", user="U1"), "U1", "D1")
    post = bot.slack.wait_for("chat.postMessage")[-1]
    assert "hanya untuk admin" in post.params["text"]
    assert bot.slack.calls("file_download") == []  # a stranger's file is not even fetched
    status, body, _ = bot.command("indeks status", user="U1")
    assert status == 200 and "hanya untuk admin" in body
    refused = [a for a in bot.services.admin.registry.actions() if a.result == "ditolak"]
    assert {a.action for a in refused} == {"unggah", "status"} and refused[0].user == "U1"


def test_metadata_correction_updates_the_preview(admin_bot):
    bot = admin_bot
    text = "# Pedoman Internal\n\n## Bagian satu\nIsi pedoman tentang kerapu daerah."
    preview = _upload(bot, "pedoman.md", text.encode())
    bot.click(_button(preview, "admin_koreksi"), user=ADMIN, channel_id="DADM",
              message_ts=preview.response["ts"])  # fmt: skip
    view = bot.slack.wait_for("views.open")[0].params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    values = {
        b["block_id"]: {b["block_id"]: {"type": "plain_text_input", "value": ""}}
        for b in view["blocks"]
    }
    values["judul"]["judul"]["value"] = "Pedoman Kerapu Daerah"
    values["tipe"]["tipe"]["value"] = "panduan"
    from tests.slack_fake import view_submission_body

    body = view_submission_body(
        "admin_koreksi_simpan", values, view["private_metadata"], user_id=ADMIN
    )
    assert bot.send(body)[0] == 200
    updated = bot.slack.wait_for("chat.update")[-1]
    assert "Pedoman Kerapu Daerah" in updated.params["text"] and "panduan" in updated.params["text"]
    upload = bot.services.admin.registry.uploads("pratinjau")[0]
    assert upload.fields == {"judul": "Pedoman Kerapu Daerah", "tipe": "panduan"}


def test_status_list_history_delete_and_rollback(admin_bot):
    bot = admin_bot
    store = IndexStore(bot.services.settings.index_dir)
    first = store.current_name()
    status, body, _ = bot.command("indeks status", user=ADMIN)
    assert first in body and "potongan" in body and "multilingual-e5-small" in body
    status, body, _ = bot.command("indeks daftar", user=ADMIN)
    assert "perpres-18-2020" in body and "korpus" in body
    question = "Apa arah kebijakan inovasi daerah dalam RPJMN 2020-2024?"
    assert "Perpres 18/2020" in json.dumps(_ask(bot, question, "DQ1").params["blocks"])

    status, body, _ = bot.command("indeks hapus perpres-18-2020", user=ADMIN)
    button = json.loads(body)["blocks"][-1]["elements"][0]
    assert button["action_id"] == "admin_hapus" and "confirm" in button
    bot.click(button, user=ADMIN, channel_id="C1")
    _wait_update(bot, "diterbitkan")
    assert "perpres-18-2020" not in store.current_manifest()["documents"]
    assert "Perpres 18/2020" not in json.dumps(_ask(bot, question, "DQ2").params["blocks"])

    status, body, _ = bot.command("indeks kembalikan", user=ADMIN)
    assert "dikembalikan" in body and store.current_name() == first
    assert "Perpres 18/2020" in json.dumps(_ask(bot, question, "DQ3").params["blocks"])

    status, body, _ = bot.command("indeks riwayat", user=ADMIN)
    for action in ("hapus", "kembalikan", "status", "daftar"):
        assert f" {action} " in body


@pytest.fixture
def rebuilding_bot(slack, tmp_path, real_settings, real_embedder):
    """An admin bot serving the whole corpus's index whose corpus folder now holds only its two
    longest regulations: a rebuild embeds them for long enough to be killed midway, and the
    rerun does not embed the whole corpus again (CI time)."""
    corpus = tmp_path / "korpus"
    (corpus / "regulasi").mkdir(parents=True)
    for name in ("pp-38-2017-inovasi-daerah.md", "uu-23-2014-pemerintahan-daerah.md"):
        shutil.copy(CORPUS / "regulasi" / name, corpus / "regulasi" / name)
    running, server = _start_admin_bot(
        slack, tmp_path, real_settings, real_embedder, corpus_dir=corpus
    )
    yield running
    stop_http_server(server)


def test_rebuild_killed_midway_keeps_serving_and_rerun_succeeds(rebuilding_bot):
    bot = rebuilding_bot
    store = IndexStore(bot.services.settings.index_dir)
    before = store.current_name()
    status, body, _ = bot.command("indeks ulang", user=ADMIN)
    assert status == 200 and "dimulai" in body
    _wait_update(bot, "membuat embedding", timeout=60)
    os.kill(bot.services.admin.runner.running.pid, signal.SIGKILL)
    failed = _wait_update(bot, "gagal")
    assert "tidak berubah" in failed.params["text"]
    assert store.current_name() == before
    assert "UU 23/2014 Pasal 389" in json.dumps(
        _ask(bot, "Apakah ASN bisa dipidana jika inovasi gagal?").params["blocks"]
    )

    bot.command("indeks ulang", user=ADMIN)
    _wait_update(bot, "diterbitkan")
    assert store.current_name() != before
    # Built anew from what the corpus folder holds now.
    assert set(store.current_manifest()["documents"]) == {"pp-38-2017", "uu-23-2014"}


def test_second_job_is_queued(admin_bot):
    bot = admin_bot
    first = _upload(
        bot, "pedoman-a.md", b"# Pedoman A\n\n## Bagian\nIsi pedoman kerapu pertama.", "FA"
    )
    second = _upload(
        bot, "pedoman-b.md", b"# Pedoman B\n\n## Bagian\nIsi pedoman kakap kedua.", "FB"
    )
    for preview in (first, second):
        bot.click(_button(preview, "admin_konfirmasi"), user=ADMIN, channel_id="DADM",
                  message_ts=preview.response["ts"])  # fmt: skip
    queued = _wait_update(bot, "menunggu giliran", timeout=30)
    assert "1 pekerjaan di depan" in queued.params["text"]
    # Both finish; the second may find the first already built its document in (a job reads the
    # registry when it starts), and says so.
    bot.slack.wait_for(
        "chat.update", count=2, timeout=JOB_TIMEOUT,
        predicate=lambda c: c.params.get("text", "").startswith("✅"),
    )  # fmt: skip
    documents = IndexStore(bot.services.settings.index_dir).current_manifest()["documents"]
    assert {"Pedoman A", "Pedoman B"} <= {d["title"] for d in documents.values()}


def test_status_and_relations_are_listed_and_corrected_from_slack(admin_bot):
    bot = admin_bot
    status, body, _ = bot.command("indeks daftar", user=ADMIN)
    assert "status: dicabut dengan PermenPANRB 91/2021" in body
    assert "mencabut PermenPANRB 30/2014" in body
    question = "Apa isi Pedoman Inovasi Pelayanan Publik menurut PermenPANRB 30/2014?"
    revoked = json.dumps(_ask(bot, question, "DR1").params["blocks"])
    assert "telah dicabut dengan PermenPANRB 91/2021" in revoked

    status, body, _ = bot.command("indeks relasi permenpanrb-91-2021 tidak ada", user=ADMIN)
    assert "Relasi: tidak ada" in body
    # Its own front matter still says it is revoked; the revoking regulation is no longer named.
    corrected = json.dumps(_ask(bot, question, "DR2").params["blocks"])
    assert "telah dicabut" in corrected and "dicabut dengan PermenPANRB 91/2021" not in corrected

    status, body, _ = bot.command("indeks relasi permenpanrb-91-2021 asli", user=ADMIN)
    assert "mencabut PermenPANRB 30/2014" in body
    status, body, _ = bot.command("indeks relasi permenpanrb-91-2021 mencabut", user=ADMIN)
    assert "tidak dapat dibaca" in body
    status, body, _ = bot.command("indeks relasi permenpanrb-91-2021 tidak ada", user="U1")
    assert "admin" in body.lower() and "Relasi" not in body
