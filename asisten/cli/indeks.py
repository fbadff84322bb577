"""`asisten indeks [PATH ...]`: the ingestion job with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from asisten.cli.common import friendly_errors, settings, usage_error
from asisten.indeks import STAGE_LABELS


def indeks(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Berkas/folder; bawaan: folder corpus/.")
    ] = None,
    ulang: Annotated[
        bool, typer.Option("--ulang", help="Bangun ulang penuh, tanpa memakai ulang.")
    ] = False,
    gabung: Annotated[
        bool,
        typer.Option(
            "--gabung",
            help="Gabungkan segmen dan buang potongan yang sudah diganti atau dihapus "
            "(bangun penuh, semua vektor dipakai ulang).",
        ),
    ] = False,
) -> None:
    if ulang and gabung:
        usage_error("Pilih salah satu: --ulang atau --gabung.")
    with friendly_errors():
        config = settings()
        result = build(config, paths or [config.corpus_dir], force=ulang, merge=gabung)
        report(result)
        if result.errors and not result.documents:
            raise typer.Exit(1)


def build(config, paths: list[Path], force: bool = False, merge: bool = False):
    from asisten.admin.jobs import index_job_lock
    from asisten.db import open_database
    from asisten.errors import IndexBusyError

    missing = [p for p in paths if not p.exists()]
    if missing:
        usage_error(f"Tidak ditemukan: {', '.join(map(str, missing))}")
    # The lock the bot's replicas hold around their builds: one build at a time, on any host.
    lock = index_job_lock(open_database(config), config.index_dir)
    if not lock.acquire(timeout=0):
        raise IndexBusyError()
    try:
        return _build_with_progress(config, paths, force, merge)
    finally:
        lock.release()


def _build_with_progress(config, paths: list[Path], force: bool, merge: bool):
    from asisten.indeks.build import build_index
    from asisten.indeks.embedder import create_embedder
    from asisten.indeks.store import IndexStore

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    ) as bar:  # fmt: skip
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(
                    STAGE_LABELS.get(stage, stage).capitalize(), total=total or 1
                )
            bar.update(tasks[stage], completed=done, total=total or 1)

        return build_index(
            IndexStore(config.index_dir), paths, lambda: create_embedder(config.model),
            config.model, config.max_file_bytes, progress=progress, force=force,
            keep_versions=config.keep_versions, merge=merge,
        )  # fmt: skip


def report(result) -> None:
    for error in result.errors:
        typer.secho(f"Dilewati — {error}", err=True, fg="yellow")
    for warning in result.warnings:
        typer.secho(f"Peringatan — {warning}", err=True, fg="yellow")
    if not result.changed:
        typer.echo(
            f"Indeks sudah mutakhir ({result.version}: {result.documents} dokumen, "
            f"{result.chunks} potongan); tidak ada yang diubah."
        )
        return
    typer.echo(
        f"Indeks {result.version} diterbitkan: {result.documents} dokumen, {result.chunks} "
        f"potongan ({result.embedded} di-embed baru, {result.reused} dipakai ulang) "
        f"dalam {result.seconds:.1f} dtk."
    )
    if result.merged:
        typer.echo(
            f"{result.merged} segmen kecil digabung menjadi satu; segmen besar tidak disentuh."
        )
    if result.segments > 1 or result.deleted:
        typer.echo(
            f"Disimpan sebagai {result.segments} segmen; {result.deleted} potongan lama ditandai "
            "terhapus. Penggabungan berjalan otomatis saat batasnya terlampaui, atau sekarang "
            "dengan `asisten indeks --gabung`."
        )
    if result.seconds > 0:
        # How fast, and how much of it the embedding model took: the rest is parsing and
        # indexing, which more cores or a larger batch would not speed up.
        share = 100 * result.encode_seconds / result.seconds
        typer.echo(
            f"Kecepatan: {result.chunks / result.seconds:.1f} potongan/dtk; model embedding "
            f"{share:.0f} % dari waktu ({result.embedded / max(result.encode_seconds, 1e-9):.1f} "
            "potongan/dtk saat meng-embed)."
            if result.embedded
            else f"Kecepatan: {result.chunks / result.seconds:.1f} potongan/dtk (tanpa embedding)."
        )
