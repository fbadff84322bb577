"""Versioned, atomically published index directories.

    <home>/indeks/
        CURRENT                 name of the published version (replaced atomically)
        versions/<name>/        immutable once published: manifest.json, chunks.jsonl,
                                documents.json, dense.faiss, keyword/, vocabulary.json
        staging/<name>/         a job in progress; never read; cleared by the next job
        .lock                   one ingestion job at a time

A version directory is complete before it is renamed into `versions/`, and `CURRENT` changes
with one `os.replace`, so a reader sees the old index or the new one, never half of either; a
killed job leaves only a staging directory behind.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from asisten.errors import IndexNotFoundError
from asisten.kb.models import Chunk, DocumentMeta

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


@dataclass
class IndexVersion:
    name: str
    path: Path
    manifest: dict[str, Any]
    chunks: list[Chunk]
    documents: dict[str, DocumentMeta]
    dense: Any  # faiss.Index
    keyword: Any  # bm25s.BM25
    vocabulary: dict[str, int]
    tokens: list[list[str]]


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions_dir = root / "versions"
        self.staging_dir = root / "staging"
        self.lock_path = root / ".lock"

    # -- reading ------------------------------------------------------------------------------
    def current_name(self) -> str | None:
        try:
            name = (self.root / "CURRENT").read_text().strip()
        except FileNotFoundError:
            return None
        return name if name and (self.versions_dir / name / MANIFEST).exists() else None

    def current_manifest(self) -> dict[str, Any] | None:
        name = self.current_name()
        return self.read_manifest(name) if name else None

    def read_manifest(self, name: str) -> dict[str, Any]:
        return json.loads((self.versions_dir / name / MANIFEST).read_text())

    def read_documents(self, name: str) -> dict[str, DocumentMeta]:
        """One version's document metadata alone, without loading its indexes."""
        return _documents(self.versions_dir / name)

    def load(self, name: str | None = None) -> IndexVersion:
        name = name or self.current_name()
        if name is None:
            raise IndexNotFoundError(self.root)
        return read_version(self.versions_dir / name)

    def read_vectors(self, name: str) -> np.ndarray:
        """Only the dense vectors of a version (for reuse by the next build)."""
        import faiss

        dense = faiss.read_index(str(self.versions_dir / name / "dense.faiss"))
        return dense.reconstruct_n(0, dense.ntotal)

    def list_versions(self) -> list[str]:
        if not self.versions_dir.exists():
            return []
        return sorted(p.name for p in self.versions_dir.iterdir() if (p / MANIFEST).exists())

    # -- writing ------------------------------------------------------------------------------
    def new_staging(self) -> Path:
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        name = datetime.now(UTC).strftime("v%Y%m%dT%H%M%S%fZ")
        path = self.staging_dir / name
        path.mkdir()
        return path

    def clear_staging(self) -> None:
        """Remove leftovers of killed jobs. Call only while holding the lock."""
        if self.staging_dir.exists():
            shutil.rmtree(self.staging_dir, ignore_errors=True)

    def publish(self, staged: Path) -> str:
        """Move a complete staged version into place and point CURRENT at it."""
        _fsync_tree(staged)
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        final = self.versions_dir / staged.name
        os.replace(staged, final)
        self.set_current(staged.name)
        return staged.name

    def set_current(self, name: str) -> None:
        if not (self.versions_dir / name / MANIFEST).exists():
            raise IndexNotFoundError(self.versions_dir / name)
        pointer = self.root / "CURRENT.tmp"
        with open(pointer, "w") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(pointer, self.root / "CURRENT")
        _fsync_dir(self.root)

    def prune(self, keep: int) -> list[str]:
        """Delete the oldest versions beyond `keep`, never the current one."""
        current = self.current_name()
        names = [n for n in self.list_versions() if n != current]
        doomed = names[: max(0, len(names) - (keep - 1))]
        for name in doomed:
            shutil.rmtree(self.versions_dir / name, ignore_errors=True)
        return doomed


def write_version(
    path: Path,
    manifest: dict[str, Any],
    chunks: list[Chunk],
    documents: dict[str, DocumentMeta],
    dense: Any,
    keyword: Any,
    vocabulary: dict[str, int],
    tokens: list[list[str]],
) -> None:
    import faiss

    with open(path / "chunks.jsonl", "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(json.dumps(chunk.as_dict(), ensure_ascii=False) + "\n")
    _write_json(path / "documents.json", {k: v.as_dict() for k, v in documents.items()})
    _write_json(path / "vocabulary.json", vocabulary)
    _write_json(path / "tokens.json", tokens)
    faiss.write_index(dense, str(path / "dense.faiss"))
    keyword.save(str(path / "keyword"))
    # The manifest goes last: a directory without one is never treated as a version.
    _write_json(path / MANIFEST, {**manifest, "format": FORMAT_VERSION})


def read_version(path: Path) -> IndexVersion:
    import bm25s
    import faiss

    manifest = json.loads((path / MANIFEST).read_text())
    with open(path / "chunks.jsonl", encoding="utf-8") as handle:
        chunks = [Chunk(**json.loads(line)) for line in handle]
    documents = _documents(path)
    vocabulary = json.loads((path / "vocabulary.json").read_text())
    tokens = json.loads((path / "tokens.json").read_text())
    dense = faiss.read_index(str(path / "dense.faiss"))
    keyword = bm25s.BM25.load(str(path / "keyword"))
    return IndexVersion(
        path.name, path, manifest, chunks, documents, dense, keyword, vocabulary, tokens
    )


def _documents(path: Path) -> dict[str, DocumentMeta]:
    stored = json.loads((path / "documents.json").read_text())
    return {doc_id: DocumentMeta(**meta) for doc_id, meta in stored.items()}


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _fsync_tree(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for directory in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        _fsync_dir(directory)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
