"""Versioned, atomically published index directories.

    <home>/indeks/
        CURRENT                 name of the published version (replaced atomically)
        versions/<name>/        immutable once published: manifest.json, chunks.sqlite,
                                chunk_documents.npy, documents.json, dense.faiss,
                                vectors.npy, hashes.npy, keyword/, vocabulary.json
        staging/<name>/         a job in progress; never read; cleared by the next job
        ocr/<sha256>.json       what OCR read from a scanned PDF, by the file's content hash;
                                shared by every version, so no rebuild reads a scan twice
        .lock                   one ingestion job at a time

A version directory is complete before it is renamed into `versions/`, and `CURRENT` changes
with one `os.replace`, so a reader sees the old index or the new one, never half of either; a
killed job leaves only a staging directory behind.

Opening a version reads only what is small (manifest, documents, word counts, the keyword
vocabulary); chunks are read from SQLite on demand and the vectors and keyword scores are
memory-mapped, so start-up does not grow with the number of chunks, and while a new version is
swapped in the old one holds little beyond the page cache both share. A version written in an
older format (FORMAT_VERSION) is not read: `asisten indeks` rebuilds it, reusing its vectors.

A version made by adding or replacing files (asisten.indeks.append) holds only the new chunks
and lists the versions holding the earlier ones in its manifest (`segments`, oldest first), with
the documents of those segments it no longer serves (`deleted`, asisten.indeks.segments); a
version that only removes documents holds no segment at all. `prune` keeps every version a kept
one lists.
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

from asisten.errors import IndexFormatError, IndexNotFoundError
from asisten.indeks import dense as dense_index
from asisten.indeks import segments
from asisten.indeks.chunk_table import ChunkTable, write_chunks
from asisten.indeks.keyword import KeywordIndex
from asisten.kb.models import Chunk, DocumentMeta

MANIFEST = "manifest.json"
# 2: chunks in SQLite, vectors and chunk hashes as numpy files, keyword index memory-mapped.
# 3: as 2, plus deletions (manifest `deleted`, DELETED_TOKENS_FILE). A format-2 version is a
# format-3 one without deletions and is read as it is; a reader that knows only 2 refuses a
# format-3 version instead of serving documents it deleted.
FORMAT_VERSION = 3
READABLE_FORMATS = (2, 3)
HASHES_FILE = "hashes.npy"
# In how many deleted chunks each token occurs (left out of IDF), for the version's deletions.
DELETED_TOKENS_FILE = "deleted_tokens.json"


@dataclass
class IndexVersion:
    name: str
    path: Path
    manifest: dict[str, Any]
    # One segment: the plain classes; several: asisten.indeks.segments' composites.
    chunks: ChunkTable | segments.SegmentedChunks
    documents: dict[str, DocumentMeta]
    dense: dense_index.DenseIndex | segments.SegmentedDense
    keyword: KeywordIndex | segments.SegmentedKeyword
    # Surface words with their counts (typo repair).
    vocabulary: dict[str, int]
    # Float32, one row per chunk, memory-mapped.
    vectors: np.ndarray | segments.SegmentedVectors


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions_dir = root / "versions"
        self.staging_dir = root / "staging"
        self.lock_path = root / ".lock"
        self.ocr_dir = root / "ocr"

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

    def segment_names(self, name: str) -> list[str]:
        """The versions whose directories hold this version's segments, oldest first."""
        return self.read_manifest(name).get("segments") or [name]

    def deleted_documents(self, name: str) -> dict[str, list[str]]:
        """Per segment of this version, the documents it no longer serves."""
        return self.read_manifest(name).get("deleted") or {}

    def read_vectors(self, name: str) -> np.ndarray:
        """The dense vectors of one segment (for reuse by the next build), any format."""
        path = self.versions_dir / name
        if (path / dense_index.VECTORS_FILE).exists():
            return dense_index.load_vectors(path)
        import faiss

        dense = faiss.read_index(str(path / dense_index.INDEX_FILE))
        return dense.reconstruct_n(0, dense.ntotal)

    def read_hashes(self, name: str) -> list[str]:
        """The content hash of each chunk of one segment, in index order, any format."""
        path = self.versions_dir / name
        if (path / HASHES_FILE).exists():
            return [bytes(row).hex() for row in np.load(path / HASHES_FILE)]
        return self.read_manifest(name)["chunk_hashes"]

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
        """Delete the oldest versions beyond `keep`, never the current one, nor a segment a
        kept version still reads."""
        current = self.current_name()
        names = [n for n in self.list_versions() if n != current]
        doomed = names[: max(0, len(names) - (keep - 1))]
        kept = [n for n in self.list_versions() if n not in doomed]
        needed = {segment for n in kept for segment in self.segment_names(n)}
        doomed = [n for n in doomed if n not in needed]
        for name in doomed:
            shutil.rmtree(self.versions_dir / name, ignore_errors=True)
        return doomed


def write_version(
    path: Path,
    manifest: dict[str, Any],
    chunks: list[Chunk],
    documents: dict[str, DocumentMeta],
    dense: dense_index.DenseIndex,
    keyword: KeywordIndex,
    vocabulary: dict[str, int],
    vectors: np.ndarray,
    hashes: list[str],
    deleted_tokens: dict[str, int] | None = None,
) -> None:
    write_chunks(path, chunks, list(documents))
    # Raw bytes, 32 a row (numpy's "S32" would drop a hash's trailing zero bytes).
    raw = np.frombuffer(b"".join(bytes.fromhex(h) for h in hashes), dtype=np.uint8)
    np.save(path / HASHES_FILE, raw.reshape(len(hashes), 32))
    dense.save(path)
    dense_index.save_vectors(path, vectors)
    keyword.save(path / "keyword")
    write_listing(path, manifest, documents, vocabulary, deleted_tokens)


def write_listing(
    path: Path,
    manifest: dict[str, Any],
    documents: dict[str, DocumentMeta],
    vocabulary: dict[str, int],
    deleted_tokens: dict[str, int] | None = None,
) -> None:
    """What every version holds, segment or not; alone, a version that only removes."""
    _write_json(path / "documents.json", {k: v.as_dict() for k, v in documents.items()})
    _write_json(path / "vocabulary.json", vocabulary)
    if deleted_tokens:
        _write_json(path / DELETED_TOKENS_FILE, deleted_tokens)
    # The manifest goes last: a directory without one is never treated as a version.
    _write_json(path / MANIFEST, {**manifest, "format": FORMAT_VERSION})


def read_version(path: Path) -> IndexVersion:
    manifest = json.loads((path / MANIFEST).read_text())
    if manifest.get("format", 1) not in READABLE_FORMATS:
        raise IndexFormatError(path)
    documents = _documents(path)
    names = manifest.get("segments") or [path.name]
    deleted = manifest.get("deleted") or {}
    if names == [path.name] and not deleted:
        chunks = ChunkTable(path, [m.doc_type for m in documents.values()])
        keyword = KeywordIndex.load(path / "keyword")
        dense = dense_index.load(path, manifest.get("dense", {"kind": "flat"}))
        vectors = dense_index.load_vectors(path)
    else:
        tables = [_segment_table(path.parent / n, deleted.get(n, ())) for n in names]
        chunks = segments.SegmentedChunks(tables)
        keyword = segments.SegmentedKeyword(
            [KeywordIndex.load(path.parent / n / "keyword") for n in names],
            [table.dead_rows() for table in tables],
            _deleted_tokens(path),
        )
        dense = segments.SegmentedDense(
            [_segment_dense(path.parent / n, t.live) for n, t in zip(names, tables, strict=True)]
        )
        vectors = segments.SegmentedVectors(
            [dense_index.load_vectors(path.parent / n) for n in names]
        )
    return IndexVersion(
        name=path.name,
        path=path,
        manifest=manifest,
        chunks=chunks,
        documents=documents,
        dense=dense,
        keyword=keyword,
        vocabulary=json.loads((path / "vocabulary.json").read_text()),
        vectors=vectors,
    )


def _segment_table(folder: Path, deleted: list[str]) -> ChunkTable:
    stored = json.loads((folder / "documents.json").read_text())
    types = [meta.get("doc_type", "dokumen") for meta in stored.values()]
    return ChunkTable(folder, types, list(stored), deleted)


def _deleted_tokens(path: Path) -> dict[str, int]:
    target = path / DELETED_TOKENS_FILE
    return json.loads(target.read_text()) if target.exists() else {}


def _segment_dense(folder: Path, live: np.ndarray | None) -> dense_index.DenseIndex:
    description = json.loads((folder / MANIFEST).read_text()).get("dense", {"kind": "flat"})
    dense = dense_index.load(folder, description)
    return dense if live is None else dense_index.live_only(dense, live)


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
