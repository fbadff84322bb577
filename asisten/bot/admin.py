"""Admin work in Slack: shared files become previews, confirmations become index jobs whose
progress updates one message, and `/asisten indeks …` manages the index. The decisions live in
`asisten.admin`; this module downloads, posts and updates messages."""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from typing import Any

import httpx
from slack_sdk import WebClient

from asisten.admin.jobs import Job, JobOutcome
from asisten.bot.blocks import Block, build_text_blocks, text_sections
from asisten.bot.messages import SlackThread, dm_channel, post_text, update_text
from asisten.bot.services import BotServices
from asisten.celah.recheck import open_gaps
from asisten.errors import AsistenError, DocumentError, FileTooLargeError
from asisten.indeks import STAGE_LABELS

log = logging.getLogger("asisten.bot")

ACTION_UPLOAD_CONFIRM = "admin_konfirmasi"
ACTION_UPLOAD_CORRECT = "admin_koreksi"
ACTION_UPLOAD_CANCEL = "admin_batal"
ACTION_DOCUMENT_DELETE = "admin_hapus"
ACTION_GAP_UPLOAD = "admin_celah_unggah"
VIEW_CORRECT = "admin_koreksi_simpan"
DOWNLOAD_TIMEOUT = 60
# Slack allows about one chat.update per second per message; progress is thinned to that.
PROGRESS_INTERVAL = 1.0
# The App Home shows this many gaps; `asisten admin celah` lists them all.
HOME_GAPS = 5
# Regulations listed by status on an admin's App Home; the rest with /asisten indeks daftar.
HOME_STATUS = 8
GAPS_TEMPLATE = "admin/celah.txt.j2"


def message(services: BotServices, kind: str, **context: Any) -> str:
    return services.render("admin/pesan.txt.j2", jenis=kind, **context)


# -- uploads ----------------------------------------------------------------------------------
def receive_files(
    services: BotServices, client: WebClient, user: str, files: list[dict], where: SlackThread
):
    """Each shared file: refused, or checked and answered with a preview to confirm."""
    names = ", ".join(f.get("name") or "berkas" for f in files)
    try:  # before downloading anything: a stranger's file is not fetched at all
        services.admin.require(user, "unggah", names)
    except AsistenError as exc:
        post_text(client, where, str(exc))
        return
    for shared in files:
        name = shared.get("name") or shared.get("title") or "berkas"
        try:
            data = download(services, shared)
            upload, preview = services.admin.receive(
                user, name, data, scan_progress(services, client, where, name)
            )
        except DocumentError as exc:
            post_text(
                client,
                where,
                message(services, "ditolak_berkas", nama_berkas=name, alasan=exc.message),
            )
            continue
        except DownloadError as exc:
            post_text(
                client, where, message(services, "unduh_gagal", nama_berkas=name, alasan=str(exc))
            )
            continue
        text = message(services, "pratinjau", upload_id=upload.id, nama_berkas=name, p=preview)
        post_text(client, where, text, preview_blocks(text, upload.id))


def scan_progress(services: BotServices, client: WebClient, where: SlackThread, name: str):
    """For a scan read by OCR before its preview: one message, posted at the first page and
    kept up to date (thinned like a job's progress). A file with a text layer posts nothing."""
    posted: list[str] = []

    def send(text: str) -> None:
        if posted:
            update_text(client, where.channel, posted[0], text)
        else:
            posted.append(post_text(client, where, text))

    show = _thinned_progress(services, send)
    return lambda stage, done, total: show(f"membaca {name}", stage, done, total)


def _thinned_progress(services: BotServices, send: Callable[[str], None]):
    """A progress message shown through `send`, at most once every PROGRESS_INTERVAL seconds
    besides the first and the last step."""
    last = [-math.inf]

    def show(label: str, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_INTERVAL and done not in (0, total):
            return
        last[0] = now
        text = message(
            services, "kemajuan", label=label, tahap=STAGE_LABELS.get(stage, stage), selesai=done,
            total=total,
        )  # fmt: skip
        send(text)

    return show


class DownloadError(Exception):
    pass


def download(services: BotServices, shared: dict) -> bytes:
    """The file's bytes from url_private, with the bot token (Slack sends an HTML login page,
    status 200, to a request without it)."""
    limit = services.settings.max_file_bytes
    name = shared.get("name") or "berkas"
    if int(shared.get("size") or 0) > limit:
        raise FileTooLargeError(
            name, f"{int(shared['size']) / 1e6:.1f} MB, batas {limit / 1e6:.0f} MB"
        )
    url = shared.get("url_private_download") or shared.get("url_private")
    if not url:
        raise DownloadError("tautan berkas tidak ada")
    headers = {"Authorization": f"Bearer {services.settings.slack_bot_token}"}
    try:
        response = httpx.get(url, headers=headers, timeout=DOWNLOAD_TIMEOUT, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise DownloadError(type(exc).__name__) from exc
    if response.status_code != 200:
        raise DownloadError(f"HTTP {response.status_code}")
    if "text/html" in response.headers.get("content-type", "") and not name.endswith(
        (".html", ".htm")
    ):
        raise DownloadError("Slack mengirim halaman masuk, bukan berkasnya")
    return response.content


def preview_blocks(text: str, upload_id: str) -> list[Block]:
    def button(label: str, action: str, style: str | None = None) -> Block:
        element: Block = {
            "type": "button", "text": {"type": "plain_text", "text": label},
            "action_id": action, "value": upload_id,
        }  # fmt: skip
        if style:
            element["style"] = style
        return element

    return build_text_blocks(text) + [
        {
            "type": "actions",
            "block_id": f"unggahan_{upload_id}",
            "elements": [
                button("Indeks dokumen ini", ACTION_UPLOAD_CONFIRM, "primary"),
                button("Koreksi metadata", ACTION_UPLOAD_CORRECT),
                button("Batal", ACTION_UPLOAD_CANCEL, "danger"),
            ],
        }
    ]


def correction_view(upload, preview, where: SlackThread, message_ts: str) -> dict[str, Any]:
    def field(block: str, label: str, value: Any, hint: str = "") -> Block:
        element: Block = {"type": "plain_text_input", "action_id": block}
        if value not in (None, ""):
            element["initial_value"] = str(value)
        item: Block = {
            "type": "input", "block_id": block, "optional": True,
            "label": {"type": "plain_text", "text": label}, "element": element,
        }  # fmt: skip
        if hint:
            item["hint"] = {"type": "plain_text", "text": hint}
        return item

    metadata = {"u": upload.id, "c": where.channel, "t": where.thread_ts, "m": message_ts}
    return {
        "type": "modal",
        "callback_id": VIEW_CORRECT,
        "title": {"type": "plain_text", "text": "Koreksi metadata"},
        "submit": {"type": "plain_text", "text": "Simpan"},
        "private_metadata": json.dumps(metadata),
        "blocks": [
            field("judul", "Judul", preview.title),
            field("tipe", "Tipe", preview.doc_type, "regulasi, panduan, praktik-baik, dokumen"),
            field("jenis", "Jenis peraturan", preview.jenis, "misalnya PP, Perpres, Permendagri"),
            field("nomor", "Nomor", preview.nomor),
            field("tahun", "Tahun", preview.tahun),
        ],
    }


# -- jobs -------------------------------------------------------------------------------------
def progress_reporter(services: BotServices, client: WebClient, channel: str, ts: str):
    """Callbacks that keep one message up to date while a job runs."""
    show = _thinned_progress(services, lambda text: update_text(client, channel, ts, text))

    def on_progress(job: Job, stage: str, done: int, total: int) -> None:
        show(job.label, stage, done, total)

    def on_done(job: Job, outcome: JobOutcome) -> None:
        kind = "gagal" if not outcome.ok else ("berhasil" if outcome.changed else "tidak_berubah")
        update_text(client, channel, ts, message(services, kind, label=job.label, o=outcome))
        services.engine.refresh()  # answer from the new version at once, not at the next question

    return on_progress, on_done


def start_job(services: BotServices, client: WebClient, where: SlackThread, submit) -> None:
    """Post the progress message, then submit the job with callbacks that update it; a refusal
    (not an admin, nothing to do) replaces the progress message."""
    ts = post_text(client, where, "⏳ …")
    on_progress, on_done = progress_reporter(services, client, where.channel, ts)
    try:
        job, place = submit(on_progress, on_done)
    except AsistenError as exc:
        update_text(client, where.channel, ts, str(exc))
        return
    kind = "antre" if place else "mulai"
    if not job.finished.is_set():
        update_text(
            client, where.channel, ts, message(services, kind, label=job.label, posisi=place)
        )


# -- knowledge gaps ---------------------------------------------------------------------------
def gap_home_blocks(services: BotServices, user: str) -> list[Block]:
    """The top knowledge gaps for an admin's App Home; nothing for anyone else. A failure here
    costs only this section, never the rest of the tab."""
    if not services.admin.is_admin(user):
        return []
    try:
        embedder = services.engine.retriever.embedder  # the index's model, already loaded
        found = services.admin.gaps(user, embedder, where="beranda")
        # A gap an added document has closed no longer asks for the admin's attention.
        gaps = open_gaps(found, lambda q: services.engine.answer(q).found, HOME_GAPS)
    except Exception as exc:
        log.error("gaps not shown user=%s error=%s", user, exc)
        return []
    items = [
        (services.render(GAPS_TEMPLATE, jenis="celah", g=gap), _gap_value(gap.topic, gap.count))
        for gap in gaps
    ]
    return build_gap_blocks(
        services.render(GAPS_TEMPLATE, jenis="pengantar"),
        items,
        services.render(GAPS_TEMPLATE, jenis="kosong"),
    )


def status_home_blocks(services: BotServices, user: str) -> list[Block]:
    """For an admin's App Home: the regulations that are not simply in force, or that amend or
    revoke others, so a change of law is seen where the admin looks; nothing for anyone else."""
    if not services.admin.is_admin(user):
        return []
    try:
        documents = services.admin.documents(user, record=False)
    except Exception as exc:  # no index yet, or it is being replaced: the rest of the tab stays
        log.error("document status not shown user=%s error=%s", user, exc)
        return []
    changed = [
        d for d in documents
        if d.status != "berlaku" or any(r.split()[0] in ("mengubah", "mencabut") for r in d.relations)
    ]  # fmt: skip
    text = message(services, "beranda_status", dokumen=changed[:HOME_STATUS], jumlah=len(documents),
                   lainnya=max(0, len(changed) - HOME_STATUS))  # fmt: skip
    return [*text_sections(text), {"type": "divider"}]


def build_gap_blocks(intro: str, items: list[tuple[str, str]], empty: str) -> list[Block]:
    """Intro, then one section per gap (its text, and a button carrying `value`)."""
    blocks: list[Block] = [*text_sections(intro)]
    for text, value in items:
        section = text_sections(text)[0]  # one gap fits one section (texts are truncated)
        section["accessory"] = {
            "type": "button", "text": {"type": "plain_text", "text": "Unggah dokumen"},
            "action_id": ACTION_GAP_UPLOAD, "value": value,
        }  # fmt: skip
        blocks.append(section)
    if not items:
        blocks.extend(text_sections(empty))
    return [*blocks, {"type": "divider"}]


def send_gap_instructions(services: BotServices, client: WebClient, user: str, value: str):
    """The App Home's "Unggah dokumen": a DM telling the admin how to add a document for this
    topic (Slack gives a button no file), in the DM where the file can then be shared."""
    where = SlackThread(dm_channel(client, user))
    try:
        topic, count = _read_gap_value(value)
        services.admin.require(user, "celah-unggah", topic)
    except AsistenError as exc:
        post_text(client, where, str(exc))
        return
    post_text(
        client, where, services.render(GAPS_TEMPLATE, jenis="unggah", topik=topic, jumlah=count)
    )


def _gap_value(topic: str, count: int) -> str:
    return json.dumps({"t": topic[:1000], "n": count}, ensure_ascii=False)


def _read_gap_value(value: str) -> tuple[str, int]:
    try:
        data = json.loads(value)
        return str(data["t"]), int(data["n"])
    except (ValueError, KeyError, TypeError) as exc:
        raise AsistenError("Tombol ini sudah tidak berlaku; buka lagi tab Beranda.") from exc
