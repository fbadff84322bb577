"""The ingestion job: files → chunks → vectors + keyword index → a new published version.

Incremental: a chunk whose content hash is already in the published version (same model) reuses
its vector. When nothing changed (same files, same model, same parser) no version is written.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock, Timeout

from asisten.errors import DocumentError, EmptyIndexError, IndexBusyError
from asisten.indeks import append, lexicon, parallel, text, tiers
from asisten.indeks import dense as dense_index
from asisten.indeks import keyword as keyword_index
from asisten.indeks.embedder import Embedder
from asisten.indeks.keyword import KeywordIndex
from asisten.indeks.store import READABLE_FORMATS, IndexStore, write_listing, write_version
from asisten.kb.loaders import iter_files
from asisten.kb.models import Chunk, Document, DocumentMeta
from asisten.kb.scans import ScanReader

# Code and word lists that decide what a chunk is and how it is tokenised: when they change, a
# re-index rebuilds instead of skipping.
_CHUNKING_CODE = (
    "kb", "indeks/text.py", "indeks/lexicon.py", "data/kaki_halaman.txt", "data/tepi_halaman.yaml",
    "data/jenis_peraturan.yaml", "data/judul_potongan.yaml", "data/angka_ocr.yaml",
    "data/huruf_ocr.yaml", "data/matriks_urusan.yaml",
)  # fmt: skip

Progress = Callable[[str, int, int], None]


@dataclass
class BuildResult:
    version: str | None
    changed: bool
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    encode_seconds: float = 0.0
    # Segments the version reads, and chunks of them it no longer serves (a merge clears both).
    segments: int = 1
    deleted: int = 0
    # Small segments a tier merge rewrote as one (asisten.indeks.tiers).
    merged: int = 0


def build_index(
    store: IndexStore,
    paths: Sequence[Path],
    embedder_factory: Callable[[], Embedder],
    model_name: str,
    max_file_bytes: int,
    *,
    progress: Progress | None = None,
    force: bool = False,
    keep_versions: int = 3,
    built_by: str = "cli",
    lock_timeout: float = 0,
    overrides: dict[str, dict[str, Any]] | None = None,
    merge: bool = False,
) -> BuildResult:
    """Build or refresh the index from `paths`. Raises IndexBusyError if a job is running.

    `overrides` maps a file's resolved path to metadata that replaces what was detected (an
    admin's correction of an uploaded document). `merge` makes a full build that reuses every
    vector even when segments could take the change, or when nothing changed but the published
    version has several segments or deletions."""
    store.root.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(store.lock_path), timeout=lock_timeout):
            return _build_locked(
                store, paths, embedder_factory, model_name, max_file_bytes,
                progress or _silent, force, keep_versions, built_by, overrides or {}, merge,
            )  # fmt: skip
    except Timeout as exc:
        raise IndexBusyError() from exc


def _build_locked(
    store, paths, embedder_factory, model_name, max_file_bytes, progress, force, keep, built_by,
    overrides, merge,
) -> BuildResult:  # fmt: skip
    started = time.perf_counter()
    store.clear_staging()
    files = iter_files(paths)
    # A metadata correction changes the index as much as a changed file does.
    file_hashes = {
        str(p.resolve()): _sha256(p) + _overrides_hash(overrides.get(str(p.resolve())))
        for p in files
    }
    previous = store.current_manifest()
    # Asked to merge, a version of several segments or with deletions is rebuilt even unchanged.
    settled = not merge or (previous and "segments" not in previous and "deleted" not in previous)
    if not force and previous and settled and _unchanged(previous, file_hashes, model_name):
        return BuildResult(
            version=store.current_name(),
            changed=False,
            documents=previous["document_count"],
            chunks=previous["chunk_count"],
            seconds=time.perf_counter() - started,
        )
    change = (
        append.plan(previous, file_hashes, model_name, parser_fingerprint())
        if previous and not force and not merge
        else None
    )
    reading = set(change.to_read) if change else None
    chosen = [p for p in files if str(p.resolve()) in reading] if reading is not None else files
    progress("baca", 0, len(chosen))
    scans = ScanReader(store.ocr_dir, progress=progress)
    report = parallel.load_files(chosen, max_file_bytes, overrides, scans)
    progress("baca", len(chosen), len(chosen))
    if change:
        segment = _change(
            store, previous, change, report, file_hashes, embedder_factory, progress, built_by
        )
        if segment is not None:
            store.prune(keep)
            segment.seconds = time.perf_counter() - started
            return segment
        # The segment policy asks for a merge, or a new document reuses an id: a full build.
        report = parallel.load_files(files, max_file_bytes, overrides, scans)
    documents = _unique_ids(report.documents)
    chunks = [c for d in documents for c in d.chunks]
    if not chunks:
        raise EmptyIndexError(len(files), [e.message for e in report.errors])
    metas = {d.meta.doc_id: d.meta for d in documents}
    hashes = [c.content_hash(metas[c.doc_id]) for c in chunks]

    reusable = _reusable_vectors(store, model_name) if not force else {}
    vectors, missing, encode_seconds = _vectors(
        chunks, metas, hashes, reusable, embedder_factory, progress
    )
    dense = dense_index.build(vectors)
    keyword, vocabulary = _keyword_index(chunks, metas)
    manifest = {
        **_manifest(store, built_by, model_name, dense.d, dense.description, file_hashes),
        "document_count": len(documents),
        "chunk_count": len(chunks),
        "segment_chunks": len(chunks),
        "embedded": missing,
        "reused": len(chunks) - missing,
        "documents": _listing(documents),
    }
    staged = store.new_staging()
    manifest["version"] = staged.name
    progress("simpan", 0, 1)
    write_version(staged, manifest, chunks, metas, dense, keyword, vocabulary, vectors, hashes)
    name = store.publish(staged)
    store.prune(keep)
    progress("simpan", 1, 1)
    return BuildResult(
        version=name,
        changed=True,
        documents=len(documents),
        chunks=len(chunks),
        embedded=missing,
        reused=len(chunks) - missing,
        errors=report.errors,
        warnings=[f"{d.meta.source_path}: {w}" for d in documents for w in d.warnings],
        seconds=time.perf_counter() - started,
        encode_seconds=encode_seconds,
    )


def _manifest(store, built_by, model_name, dimension, dense, file_hashes) -> dict[str, Any]:
    return {
        "version": None,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "built_by": built_by,
        "model": model_name,
        "dimension": dimension,
        # Exact or approximate, with its parameters (asisten.indeks.dense).
        "dense": dense,
        "parser_version": parser_fingerprint(),
        # The word lists the keyword index was built with (asisten.indeks.text.INDEX_LEXICON).
        "index_lexicon": lexicon.file_hash(*text.INDEX_LEXICON),
        "previous": store.current_name(),
        "files": file_hashes,
    }


def _listing(documents: list[Document]) -> dict[str, dict[str, Any]]:
    return {
        d.meta.doc_id: {
            "sha256": d.sha256,
            "path": d.meta.source_path,
            # The key of `files` it was read from: a changed or removed file deletes it.
            "file": str(Path(d.meta.source_path).resolve()),
            "title": d.meta.title,
            "type": d.meta.doc_type,
            "chunks": len(d.chunks),
        }
        for d in documents
    }


def _change(
    store, previous, change, report, file_hashes, embedder_factory, progress, built_by
) -> BuildResult | None:
    """The change as a new version over the published segments: new and replaced documents in
    a new segment, replaced and removed ones marked deleted; when the segment policy asks, the
    small segments merged into that new segment. None if a full build is due."""
    documents = report.documents
    chunks = [c for d in documents for c in d.chunks]
    ids = [d.meta.doc_id for d in documents]
    doomed = append.documents_of(previous, change.replaced + change.removed)
    if len(set(ids)) < len(ids) or set(ids) & (set(previous["documents"]) - doomed):
        return None
    deletion = append.delete(store, previous, doomed)
    if previous["chunk_count"] - deletion.rows + len(chunks) <= 0:
        raise EmptyIndexError(len(file_hashes), [e.message for e in report.errors])
    due = append.merge_due(store, previous, deletion, len(chunks))
    if due is not None and due.full:
        return None
    tier = due.tier if due else []
    kept = {k: v for k, v in store.read_documents(previous["version"]).items() if k not in doomed}
    metas = {**kept, **{d.meta.doc_id: d.meta for d in documents}}
    hashes = [c.content_hash(metas[c.doc_id]) for c in chunks]
    # A replaced document's unchanged chunks keep their vectors.
    vectors, missing, encode_seconds = _vectors(
        chunks, metas, hashes, deletion.vectors, embedder_factory, progress, previous["dimension"]
    )
    staged = store.new_staging()
    manifest = {
        **_manifest(store, built_by, previous["model"], previous["dimension"], None, file_hashes),
        "version": staged.name,
        "document_count": len(metas),
        "chunk_count": previous["chunk_count"] - deletion.rows + len(chunks),
        "segment_chunks": len(chunks),
        "segments": store.segment_names(previous["version"]) + ([staged.name] if chunks else []),
        "deleted": append.deleted_after(store, previous, deletion),
        "deleted_chunks": previous.get("deleted_chunks", 0) + deletion.rows,
        "embedded": missing,
        "reused": len(chunks) - missing,
        "documents": {
            **{k: v for k, v in previous["documents"].items() if k not in doomed},
            **_listing(documents),
        },
    }
    progress("simpan", 0, 1)
    _write_change(store, staged, previous, manifest, chunks, metas, vectors, hashes, deletion, tier)
    name = store.publish(staged)
    progress("simpan", 1, 1)
    return BuildResult(
        version=name, changed=True, documents=len(metas), chunks=manifest["chunk_count"],
        embedded=missing, reused=len(chunks) - missing, errors=report.errors,
        warnings=[f"{d.meta.source_path}: {w}" for d in documents for w in d.warnings],
        encode_seconds=encode_seconds, segments=len(manifest["segments"]),
        deleted=manifest["deleted_chunks"], merged=len(tier),
    )  # fmt: skip


def _write_change(
    store, staged, previous, manifest, chunks, metas, vectors, hashes, deletion, tier
):
    """The new segment (if there are chunks for it) and the version's own files."""
    tokens = append.deleted_tokens_after(store, previous, deletion)
    folder = store.versions_dir / previous["version"]
    keyword, counts = _keyword_index(chunks, metas) if chunks else (None, {})
    vocabulary = append.merged_vocabulary(folder, Counter(counts), deletion.words)
    if tier:
        merged = tiers.merge(store, tier, manifest["deleted"], chunks, vectors, hashes, keyword)
        chunks, vectors, hashes, keyword = (
            merged.chunks, merged.vectors, merged.hashes, merged.keyword
        )  # fmt: skip
        tokens = dict(Counter(tokens) - merged.dropped_tokens)
        _after_tier(manifest, staged.name, tier, merged.dropped, len(chunks))
    if not chunks:
        manifest["dense"] = previous["dense"]
        write_listing(staged, manifest, metas, vocabulary, tokens)
        return
    dense = dense_index.build(vectors)
    manifest["dense"] = dense.description
    write_version(
        staged, manifest, chunks, metas, dense, keyword, vocabulary, vectors, hashes, tokens
    )


def _after_tier(manifest: dict, name: str, tier: list[str], dropped: int, rows: int) -> None:
    """The manifest of a version whose new segment replaces the `tier` segments."""
    kept = [n for n in manifest["segments"] if n not in tier and n != name]
    manifest["segments"] = kept + ([name] if rows else [])
    manifest["deleted"] = {n: ids for n, ids in manifest["deleted"].items() if n not in tier}
    manifest["deleted_chunks"] -= dropped
    manifest["segment_chunks"] = rows
    manifest["merged_segments"] = tier


def _unchanged(manifest: dict, file_hashes: dict[str, str], model_name: str) -> bool:
    return (
        manifest.get("files") == file_hashes
        and manifest.get("format") in READABLE_FORMATS
        and manifest.get("model") == model_name
        and manifest.get("parser_version") == parser_fingerprint()
    )


def parser_fingerprint() -> str:
    """Hash of the parsing, chunking and tokenising source and of the index-side word lists, so
    nobody has to bump a version."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for relative in _CHUNKING_CODE:
        target = package / relative
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            digest.update(path.read_bytes())
    digest.update(lexicon.file_hash(*text.INDEX_LEXICON).encode())
    return digest.hexdigest()[:16]


def _reusable_vectors(store: IndexStore, model_name: str) -> dict[str, np.ndarray]:
    """Vectors of the published version (all its segments) keyed by chunk hash, if it used the
    same model."""
    manifest = store.current_manifest()
    if not manifest or manifest.get("model") != model_name:
        return {}  # a different model: rebuild cleanly rather than mix vector spaces
    reusable: dict[str, np.ndarray] = {}
    for name in store.segment_names(manifest["version"]):
        reusable.update(zip(store.read_hashes(name), store.read_vectors(name), strict=True))
    return reusable


def embed_batch(embedder: Embedder | None) -> int:
    """Texts per encoder call: larger on a GPU, which is idle between small batches."""
    numbers = parallel.ingest_settings()
    on_gpu = getattr(embedder, "device", "cpu") != "cpu"
    return int(numbers["gpu_batch"] if on_gpu else numbers["embed_batch"])


def _vectors(
    chunks, metas, hashes, reusable, embedder_factory, progress, dimension: int | None = None
) -> tuple[np.ndarray, int, float]:
    """The chunks' vectors, reused by content hash where `reusable` has them and embedded
    otherwise; with how many were embedded and the seconds the model took."""
    missing = [i for i, h in enumerate(hashes) if h not in reusable]
    embedder = embedder_factory() if missing or not (reusable or dimension) else None
    if embedder is not None:
        dimension = embedder.dimension
    elif dimension is None:
        dimension = len(next(iter(reusable.values())))
    vectors = np.zeros((len(chunks), dimension), dtype=np.float32)
    for i, h in enumerate(hashes):
        if h in reusable:
            vectors[i] = reusable[h]
    seconds = _embed_missing(embedder, chunks, metas, missing, vectors, progress)
    return vectors, len(missing), seconds


def _embed_missing(embedder, chunks, metas, missing, vectors, progress) -> float:
    spent = 0.0
    size = embed_batch(embedder)
    progress("embed", 0, len(missing))
    for start in range(0, len(missing), size):
        batch = missing[start : start + size]
        texts = [chunks[i].search_text(metas[chunks[i].doc_id]) for i in batch]
        began = time.perf_counter()
        vectors[batch] = embedder.encode(texts)
        spent += time.perf_counter() - began
        progress("embed", min(start + size, len(missing)), len(missing))
    return spent


def _keyword_index(
    chunks: list[Chunk], metas: dict[str, DocumentMeta]
) -> tuple[KeywordIndex, dict[str, int]]:
    corpus_tokens = []
    vocabulary: Counter[str] = Counter()
    for chunk in chunks:
        search_text = chunk.search_text(metas[chunk.doc_id])
        corpus_tokens.append(text.tokens(search_text) or ["_"])
        vocabulary.update(set(text.index_words(search_text)))
    return KeywordIndex(keyword_index.build(corpus_tokens)), dict(vocabulary)


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Two files describing the same regulation get distinct ids (the later one suffixed)."""
    seen: Counter[str] = Counter()
    for document in documents:
        doc_id = document.meta.doc_id
        seen[doc_id] += 1
        if seen[doc_id] > 1:
            new_id = f"{doc_id}-{seen[doc_id]}"
            document.meta = DocumentMeta(**{**document.meta.as_dict(), "doc_id": new_id})
            for chunk in document.chunks:
                chunk.doc_id = new_id
                chunk.chunk_id = new_id + chunk.chunk_id[len(doc_id) :]
    return documents


def _overrides_hash(fields: dict[str, Any] | None) -> str:
    if not fields:
        return ""
    encoded = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
    return ":" + hashlib.sha256(encoded).hexdigest()[:16]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _silent(stage: str, done: int, total: int) -> None:
    return None
