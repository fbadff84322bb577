"""`asisten admin`: the admin's Slack actions from a terminal, recorded the same way.

The terminal user (ASISTEN_USER, else the login name) counts as an admin: whoever runs commands
on the server already controls its data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from asisten.cli.common import cli_user, friendly_errors, settings, usage_error
from asisten.indeks import STAGE_LABELS

app = typer.Typer(
    help="Kelola indeks: status, daftar, relasi, unggah, hapus, ulang, kembalikan, riwayat, celah.",
    no_args_is_help=True,
)


def _service():
    from asisten.admin.registry import AdminRegistry
    from asisten.admin.service import AdminService
    from asisten.db import open_database

    config = settings()
    database = open_database(config)
    user = cli_user(config)
    return AdminService(config, AdminRegistry(database), frozenset({user})), user


def _wait(submitted) -> None:
    job, place = submitted
    if place:
        typer.echo(f"Menunggu giliran ({place} pekerjaan di depan)…")
    job.finished.wait()
    outcome = job.outcome
    if outcome is None or not outcome.ok:
        message = outcome.message if outcome else "tidak diketahui"
        typer.secho(f"Gagal: {message}. Indeks yang dipakai tidak berubah.", err=True, fg="red")
        raise typer.Exit(1)
    typer.echo(
        f"Indeks {outcome.version} diterbitkan: {outcome.documents} dokumen, {outcome.chunks} "
        f"potongan ({outcome.embedded} di-embed baru) dalam {outcome.seconds} dtk."
    )


def _progress(job, stage: str, done: int, total: int) -> None:
    if done in (0, total):
        typer.echo(f"  {STAGE_LABELS.get(stage, stage)} {done}/{total}", err=True)


@app.command("status", help="Versi indeks, jumlah dokumen dan potongan, model, pembuatnya.")
def status() -> None:
    with friendly_errors():
        service, user = _service()
        s = service.status(user)
        typer.echo(
            f"Indeks {s.version}: {s.documents} dokumen, {s.chunks} potongan, model {s.model}"
        )
        typer.echo(
            f"Dibangun {s.created_at} oleh {s.built_by}; versi tersimpan: {', '.join(s.versions)}"
        )


@app.command("daftar", help="Dokumen di indeks dengan sumbernya.")
def daftar() -> None:
    with friendly_errors():
        service, user = _service()
        for d in service.documents(user):
            typer.echo(f"{d.doc_id:<40} {d.source:<9} {d.doc_type:<13} {d.chunks:>4}  {d.title}")
            _relations_lines(d, indent="    ")


@app.command(
    "relasi",
    help="Relasi satu peraturan (mengubah, mencabut, melaksanakan) dan statusnya; dengan KOREKSI "
    '("mengubah UU 23/2014 pasal 63, 65; mencabut PP 18/2016", "tidak ada", atau "asli") '
    "relasinya dikoreksi tanpa indeks ulang.",
)
def relasi(
    dokumen: str,
    koreksi: Annotated[str | None, typer.Argument(help="Relasi yang benar.")] = None,
) -> None:
    with friendly_errors():
        service, user = _service()
        d = service.relations(user, dokumen, koreksi)
        typer.echo(f"{d.doc_id}: {d.title}")
        _relations_lines(d, indent="  ", always=True)


def _relations_lines(d, indent: str, always: bool = False) -> None:
    """Status and relations, under a document; for an untouched document only when asked."""
    if always or d.status != "berlaku":
        typer.echo(f"{indent}status: {d.status}")
    if always and not d.relations:
        typer.echo(f"{indent}relasi: tidak ada")
    for relation in d.relations:
        typer.echo(f"{indent}relasi: {relation}")


@app.command("unggah", help="Periksa satu berkas, tampilkan pratinjau, lalu indeks (dengan --ya).")
def unggah(
    berkas: Path,
    ya: Annotated[bool, typer.Option("--ya", help="Langsung indeks tanpa bertanya.")] = False,
) -> None:
    with friendly_errors():
        service, user = _service()
        upload, preview = service.receive(user, berkas.name, berkas.read_bytes())
        typer.echo(f"Pratinjau {upload.id}: {preview.title} ({preview.doc_type})")
        typer.echo(
            f"  {preview.pasal_count} pasal, {preview.chunk_count} potongan; contoh: {'; '.join(preview.citations)}"
        )
        for warning in preview.warnings:
            typer.echo(f"  Catatan: {warning}")
        if not (ya or typer.confirm("Indeks dokumen ini?")):
            service.cancel(user, upload.id)
            typer.echo("Dibatalkan.")
            return
        _wait(service.confirm(user, upload.id, _progress))


@app.command("hapus", help="Keluarkan satu dokumen dari indeks (lalu bangun ulang).")
def hapus(
    dokumen: str,
    ya: Annotated[bool, typer.Option("--ya", help="Tanpa konfirmasi.")] = False,
) -> None:
    with friendly_errors():
        service, user = _service()
        if not (ya or typer.confirm(f"Hapus {dokumen} dari indeks?")):
            typer.echo("Dibatalkan.")
            return
        _wait(service.remove(user, dokumen, _progress))


@app.command("ulang", help="Bangun ulang indeks penuh (korpus + unggahan aktif).")
def ulang() -> None:
    with friendly_errors():
        service, user = _service()
        _wait(service.rebuild(user, _progress))


@app.command("kembalikan", help="Kembalikan indeks ke versi sebelumnya.")
def kembalikan() -> None:
    with friendly_errors():
        service, user = _service()
        old, new = service.rollback(user)
        typer.echo(f"Indeks dikembalikan dari {old} ke {new}.")


@app.command("riwayat", help="Tindakan admin terakhir (siapa, apa, kapan, hasil).")
def riwayat(jumlah: Annotated[int, typer.Option("--jumlah")] = 20) -> None:
    with friendly_errors():
        service, user = _service()
        for a in service.history(user, jumlah):
            typer.echo(
                f"{a.created_at:%Y-%m-%d %H:%M} {a.user} {a.action} {a.target} → {a.result} {a.detail}"
            )


@app.command(
    "celah",
    help="Pertanyaan yang tidak terjawab (ditolak atau diberi 👎), dikelompokkan per topik.",
)
def celah(
    as_json: Annotated[
        bool, typer.Option("--json", help="Satu objek JSON per baris, per celah.")
    ] = False,
    jumlah: Annotated[str, typer.Option("--jumlah", help="Berapa celah teratas.")] = "20",
    hari: Annotated[
        str | None, typer.Option("--hari", help="Hanya pertanyaan N hari terakhir.")
    ] = None,
    semua: Annotated[
        bool,
        typer.Option(
            "--semua", help="Sertakan celah yang kini sudah terjawab oleh dokumen yang ditambahkan."
        ),
    ] = False,
) -> None:
    with friendly_errors():
        limit = _positive("--jumlah", jumlah)
        days = _positive("--hari", hari) if hari is not None else None
        service, user = _service()
        found = service.gaps(user, days=days, recheck_now=True)
        closed = sum(1 for gap in found if gap.answered_now)
        gaps = [gap for gap in found if semua or not gap.answered_now][:limit]
        if as_json:
            for gap in gaps:
                typer.echo(json.dumps(gap.as_json(), ensure_ascii=False))
            return
        if not gaps:
            typer.echo("Belum ada pertanyaan yang tidak terjawab. Basis pengetahuan mencukupi.")
            _closed_line(closed, semua)
            return
        typer.echo(f"{'#':>3} {'jumlah':>6}  {'terakhir':<10}  topik")
        for number, gap in enumerate(gaps, start=1):
            state = "  [kini terjawab]" if gap.answered_now else ""
            typer.echo(f"{number:>3} {gap.count:>6}  {gap.last_asked:%Y-%m-%d}  {gap.topic}{state}")
            for sample in gap.samples[1:]:
                typer.echo(f"{'':>23}juga: {sample}")
            for reason in gap.reasons:
                typer.echo(f"{'':>23}alasan 👎: {reason}")
        typer.echo(
            "\nTambahkan dokumen untuk sebuah topik: asisten admin unggah <berkas>, "
            "atau kirim PDF-nya lewat DM ke asisten di Slack."
        )
        _closed_line(closed, semua)


def _closed_line(closed: int, shown: bool) -> None:
    if closed and not shown:
        typer.echo(
            f"({closed} celah lain kini sudah terjawab oleh dokumen yang ditambahkan; "
            "lihat dengan --semua.)"
        )


def _positive(option: str, value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number < 1:
        usage_error(
            f"{option} harus bilangan bulat positif, misalnya {option} 10 (bukan {value!r})."
        )
    return number
