"""Incremental, atomic index builds (fake embedder: fast and deterministic)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from asisten.errors import EmptyIndexError, IndexBusyError, IndexNotFoundError
from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from tests.conftest import CORPUS, build_with


def _corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    for source in (CORPUS / "regulasi").glob("pp-38*.md"):
        (target / "regulasi").mkdir(parents=True, exist_ok=True)
        (target / "regulasi" / source.name).write_text(source.read_text())
    (target / "faq").mkdir()
    for source in list((CORPUS / "faq").glob("*.yaml"))[:2]:
        (target / "faq" / source.name).write_text(source.read_text())
    return target


def test_build_then_nothing_changed(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    first = build_with(store, [corpus], fake_embedder)
    assert first.changed and first.chunks > 50 and first.embedded == first.chunks
    manifest = store.current_manifest()
    assert manifest["model"] == fake_embedder.name
    assert manifest["dimension"] == 128
    assert manifest["chunk_count"] == first.chunks
    assert manifest["document_count"] == first.documents == 3
    assert all(len(d["sha256"]) == 64 for d in manifest["documents"].values())
    again = build_with(store, [corpus], fake_embedder)
    assert not again.changed and again.version == first.version
    assert store.list_versions() == [first.version]


def test_only_changed_chunks_are_embedded(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    first = build_with(store, [corpus], fake_embedder)
    regulation = next((corpus / "regulasi").glob("*.md"))
    text = regulation.read_text()
    regulation.write_text(text.replace("### Pasal 36\n", "### Pasal 36\nKalimat baru.\n", 1))
    second = build_with(store, [corpus], fake_embedder)
    assert second.changed and second.version != first.version
    assert second.embedded == 1
    assert second.reused == second.chunks - 1
    # The reused vectors are the same vectors: search results match a clean rebuild.
    clean = build_with(IndexStore(tmp_path / "bersih"), [corpus], fake_embedder)
    assert clean.embedded == second.chunks


def test_changing_the_model_rebuilds_every_vector(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    build_with(store, [corpus], fake_embedder)
    other = HashingEmbedder(64)
    rebuilt = build_with(store, [corpus], other)
    assert rebuilt.changed and rebuilt.reused == 0 and rebuilt.embedded == rebuilt.chunks
    assert store.load().dense.d == 64


def test_failed_job_leaves_published_index(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    first = build_with(store, [corpus], fake_embedder)
    (corpus / "faq" / "baru.yaml").write_text(
        "tipe: faq\njudul: Baru\npasangan:\n  - tanya: Baru?\n    jawab: Ya.\n"
    )

    class Broken(HashingEmbedder):
        def encode(self, texts):
            raise RuntimeError("model crashed")

    with pytest.raises(RuntimeError):
        build_with(store, [corpus], Broken(128))
    assert store.current_name() == first.version
    assert len(store.load().chunks) == first.chunks


def test_second_job_is_refused_while_one_runs(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    from filelock import FileLock

    store.root.mkdir(parents=True)
    with FileLock(str(store.lock_path)), pytest.raises(IndexBusyError):
        build_with(store, [corpus], fake_embedder)


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexNotFoundError, match="asisten indeks"):
        IndexStore(tmp_path / "kosong").load()


def _blank_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)
    return path


def test_files_without_any_text_are_a_clear_error_and_publish_nothing(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    folder = tmp_path / "pindaian"
    folder.mkdir()
    _blank_pdf(folder / "uu-18-1965.pdf")
    with pytest.raises(EmptyIndexError, match="Tidak ada teks yang dapat diindeks") as raised:
        build_with(store, [folder], fake_embedder)
    assert "uu-18-1965.pdf" in str(raised.value)
    assert store.list_versions() == [] and store.current_name() is None


def test_an_empty_build_keeps_the_published_version(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    first = build_with(store, [corpus], fake_embedder)
    for path in corpus.rglob("*.*"):
        path.unlink()
    _blank_pdf(corpus / "kosong.pdf")
    for merge in (False, True):
        with pytest.raises(EmptyIndexError):
            build_with(store, [corpus], fake_embedder, merge=merge)
    assert store.list_versions() == [first.version] and store.current_name() == first.version


_SLOW_JOB = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from asisten.indeks.build import build_index
    from asisten.indeks.embedder import HashingEmbedder
    from asisten.indeks.store import IndexStore

    class Slow(HashingEmbedder):
        def encode(self, texts):
            Path(sys.argv[3]).touch()  # tell the test we are mid-embedding
            time.sleep(0.5)
            return super().encode(texts)

    embedder = Slow(128)
    build_index(IndexStore(Path(sys.argv[1])), [Path(sys.argv[2])], lambda: embedder,
                embedder.name, 10**8, force=True)
    """
)


def test_job_killed_midway_leaves_old_index_and_rerun_succeeds(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    first = build_with(store, [corpus], fake_embedder)
    marker = tmp_path / "embedding-started"
    job = subprocess.Popen(
        [sys.executable, "-c", _SLOW_JOB, str(store.root), str(corpus), str(marker)],
        cwd=Path(__file__).resolve().parents[2],
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and job.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the job never started embedding"
    os.kill(job.pid, signal.SIGKILL)
    job.wait()
    assert store.current_name() == first.version
    assert len(store.load().chunks) == first.chunks
    assert store.list_versions() == [first.version]
    rerun = build_with(store, [corpus], fake_embedder, force=True)
    assert rerun.changed and store.current_name() == rerun.version
    assert not store.staging_dir.exists() or not any(store.staging_dir.iterdir())


def test_readers_never_see_half_an_index(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    build_with(store, [corpus], fake_embedder)
    problems: list[str] = []
    stop = threading.Event()

    def read_repeatedly():
        while not stop.is_set():
            try:
                version = store.load()
                manifest = json.loads((version.path / "manifest.json").read_text())
                if len(version.chunks) != manifest["chunk_count"] != version.dense.ntotal:
                    problems.append("inconsistent version")
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                problems.append(repr(exc))

    reader = threading.Thread(target=read_repeatedly)
    reader.start()
    try:
        for _ in range(4):
            build_with(store, [corpus], fake_embedder, force=True, keep_versions=10)
    finally:
        stop.set()
        reader.join()
    assert problems == []
    assert len(store.list_versions()) == 5


def test_prune_keeps_current_and_recent(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    corpus = _corpus_copy(tmp_path)
    for _ in range(4):
        build_with(store, [corpus], fake_embedder, force=True, keep_versions=2)
    versions = store.list_versions()
    assert len(versions) == 2 and store.current_name() == versions[-1]


def test_every_data_file_the_parser_reads_is_in_the_index_fingerprint():
    # A data file that shapes the chunks (their titles, citations, the words indexed beside
    # them) must re-index when it changes, as the parsing code does.
    import re

    from asisten.config import PROJECT_ROOT
    from asisten.indeks.build import _CHUNKING_CODE

    read = set()
    for path in (PROJECT_ROOT / "asisten" / "kb").glob("*.py"):
        source = path.read_text("utf-8")
        for parts in re.findall(r'joinpath\(("data[^)]*)\)', source):
            read.add("/".join(re.findall(r'"([^"]+)"', parts)))
        # Modules reading their file through asisten.indeks.lexicon name it DATA_FILE.
        read |= {f"data/{name}" for name in re.findall(r'^DATA_FILE = "([^"]+)"', source, re.M)}
    assert read >= {"data/jenis_peraturan.yaml", "data/judul_potongan.yaml", "data/huruf_ocr.yaml"}
    assert read <= set(_CHUNKING_CODE)
