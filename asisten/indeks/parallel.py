"""Parsing many files in parallel processes: chunking is pure Python, so one process a core.

Small jobs (an admin's upload, the shipped corpus) stay in-process: starting the workers costs
more than they save. Workers are spawned, not forked, since the bot builds from a threaded
process. Documents come back in file order, so the index is the same however it was parsed.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from asisten.errors import DocumentError
from asisten.indeks import lexicon
from asisten.kb.loaders import LoadReport, load_paths
from asisten.kb.scans import ScanReader

# Batches per worker: enough that one slow batch does not leave a core idle at the end.
_BATCHES_PER_WORKER = 8


def ingest_settings() -> dict[str, Any]:
    return lexicon.yaml_data("skala.yaml")["ingest"]


def workers_for(files: int) -> int:
    numbers = ingest_settings()
    if files < numbers["parallel_from_files"]:
        return 1
    return min(files, numbers["workers"] or os.cpu_count() or 1)


def load_files(
    files: list[Path],
    max_bytes: int,
    overrides: dict[str, dict[str, Any]],
    scans: ScanReader | None = None,
) -> LoadReport:
    """`scans` reads scanned PDF pages; a worker process gets a reader of its own on the same
    cache folder (its page-by-page progress is logged, not reported)."""
    workers = workers_for(len(files))
    if workers <= 1:
        return load_paths(files, max_bytes, overrides, scans)
    size = max(1, -(-len(files) // (workers * _BATCHES_PER_WORKER)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    report = LoadReport()
    cache = scans.cache_dir if scans else None
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        jobs = [pool.submit(_load_batch, batch, max_bytes, overrides, cache) for batch in batches]
        for job in jobs:
            documents, errors = job.result()
            report.documents.extend(documents)
            report.errors.extend(kind(Path(path), detail) for kind, path, detail in errors)
    return report


def _load_batch(
    files: list[Path], max_bytes: int, overrides: dict[str, dict[str, Any]], cache: Path | None
):
    # A DocumentError does not survive pickling (its arguments are not its message): send
    # its class, path and detail instead.
    report = load_paths(files, max_bytes, overrides, ScanReader(cache) if cache else None)
    errors = [
        (type(e), str(e.path), e.detail) for e in report.errors if isinstance(e, DocumentError)
    ]
    return report.documents, errors
