"""Changing a published index by segments (asisten.indeks.segments), without re-reading,
re-tokenising or re-indexing what stays.

Added files become a new small segment. A changed file's documents are marked deleted in the
segments holding them and its new text goes into the new segment; a removed file's documents
are only marked deleted (that version holds no segment). Only the files that changed are read,
and only chunks whose content is new are embedded.

When the segment policy (asisten/data/skala.yaml, `segments`, `merge_due`) says there would
be too many segments, or the small ones hold too many deleted rows, the newest small segments
are merged with the new chunks into one (asisten.indeks.tiers). When the model, the parser or
the format changed, or the big segment is at fault, the caller does a full build instead.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from asisten.indeks import lexicon, text
from asisten.indeks.chunk_table import DOCUMENT_OF_FILE, ChunkTable
from asisten.indeks.store import (
    DELETED_TOKENS_FILE,
    HASHES_FILE,
    READABLE_FORMATS,
    IndexStore,
)
from asisten.kb.models import DocumentMeta


def policy() -> dict[str, Any]:
    return lexicon.yaml_data("skala.yaml")["segments"]


@dataclass
class Change:
    """Files (resolved paths) since the published version."""

    added: list[str]
    replaced: list[str]
    removed: list[str]

    @property
    def to_read(self) -> list[str]:
        return self.added + self.replaced


def plan(previous: dict, file_hashes: dict[str, str], model: str, parser: str) -> Change | None:
    """What changed, or None when only a full build will do."""
    if (
        previous.get("format") not in READABLE_FORMATS
        or previous.get("model") != model
        or previous.get("parser_version") != parser
    ):
        return None
    old = previous.get("files", {})
    change = Change(
        added=[path for path in file_hashes if path not in old],
        replaced=[p for p, digest in old.items() if p in file_hashes and file_hashes[p] != digest],
        removed=[path for path in old if path not in file_hashes],
    )
    return change if change.added or change.replaced or change.removed else None


def documents_of(previous: dict, files: list[str]) -> set[str]:
    """The published documents read from these files."""
    wanted = set(files)
    return {
        doc_id
        for doc_id, info in previous["documents"].items()
        if info.get("file", str(Path(info["path"]).resolve())) in wanted
    }


@dataclass
class Deletion:
    """Rows of published documents to mark deleted, and what the next version needs of them."""

    # Segment → document ids, the new ones only.
    documents: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0
    # Content hash → vector of each deleted chunk (a replacement reuses the unchanged ones).
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    # In how many deleted chunks each keyword token, and each surface word, occurs.
    tokens: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)


def delete(store: IndexStore, previous: dict, doomed: set[str]) -> Deletion:
    """Find the live rows of `doomed` documents, newest segment first, reading only theirs."""
    version = previous["version"]
    metas = store.read_documents(version)
    already = store.deleted_documents(version)
    found = Deletion()
    left = set(doomed)
    for name in reversed(store.segment_names(version)):
        folder = store.versions_dir / name
        rows, held = _rows_of(folder, left - set(already.get(name, ())))
        if not len(rows):
            continue
        found.documents[name] = held
        left -= set(held)
        _collect(found, folder, rows, metas)
    return found


def _rows_of(folder: Path, documents: set[str]) -> tuple[np.ndarray, list[str]]:
    """The rows of one segment holding any of `documents`, and which of them it holds."""
    ids = list(json.loads((folder / "documents.json").read_text()))
    ordinals = {i: d for i, d in enumerate(ids) if d in documents}
    if not ordinals:
        return np.empty(0, dtype=np.int64), []
    document_of = np.load(folder / DOCUMENT_OF_FILE, mmap_mode="r")
    rows = np.flatnonzero(np.isin(document_of, list(ordinals)))
    return rows, sorted({ordinals[int(o)] for o in document_of[rows]})


def _collect(found: Deletion, folder: Path, rows: np.ndarray, metas: dict[str, DocumentMeta]):
    found.rows += len(rows)
    hashes = np.load(folder / HASHES_FILE, mmap_mode="r")[rows]
    vectors = np.load(folder / "vectors.npy", mmap_mode="r")[rows]
    for digest, vector in zip(hashes, vectors, strict=True):
        found.vectors[bytes(digest).hex()] = np.array(vector)
    table = ChunkTable(folder)
    try:
        for row in rows.tolist():
            chunk = table[row]
            search_text = chunk.search_text(metas[chunk.doc_id])
            found.tokens.update(set(text.tokens(search_text) or ["_"]))
            found.words.update(set(text.index_words(search_text)))
    finally:
        table.close()


@dataclass
class Merge:
    """What the segment policy asks of the next version: a full build, or the small segments
    `tier` (a tail of the version's segments, never the first, big one) rewritten with the
    change's new chunks as one segment (asisten.indeks.tiers)."""

    full: bool
    tier: list[str] = field(default_factory=list)


def merge_due(
    store: IndexStore, previous: dict, deletion: Deletion, new_chunks: int
) -> Merge | None:
    """Would the version after this change break the segment policy? Then which merge: a tier
    merge when only the small segments are at fault, a full build when the big one is."""
    numbers = policy()
    names = store.segment_names(previous["version"])
    sizes = [store.read_manifest(n)["segment_chunks"] for n in names]
    dead = _dead_rows(store, previous, deletion, names)
    rows = sum(sizes) + new_chunks
    share = numbers["max_deleted_share"] * rows
    if dead[0] > share or sum(sizes[1:]) + new_chunks > numbers["max_small_share"] * rows:
        return Merge(full=True)
    if sum(dead) > share:
        # The small segments' deleted rows are at fault: all of them are rewritten.
        return Merge(full=False, tier=names[1:]) if len(names) > 1 else Merge(full=True)
    if not new_chunks or len(names) + 1 <= numbers["max_segments"]:
        return None
    live = [size - gone for size, gone in zip(sizes, dead, strict=True)]
    tier = _tier(names, live, new_chunks, len(names) + 1 - numbers["max_segments"])
    return Merge(full=False, tier=tier) if tier else Merge(full=True)


def _tier(names: list[str], live: list[int], new_chunks: int, at_least: int) -> list[str]:
    """The newest segments gathered back from the newest, while the next older one is no
    bigger than `tier_ratio` times what is gathered (Lucene's tiers: segments of similar size
    merge, so a chunk is rewritten about log(N) times, not at every merge), at least
    `at_least` of them; never the first segment."""
    ratio = policy()["tier_ratio"]
    gathered, tier = new_chunks, []
    for name, size in reversed(list(zip(names[1:], live[1:], strict=True))):
        if len(tier) >= at_least and size > ratio * gathered:
            break
        tier.insert(0, name)
        gathered += size
    return tier if len(tier) >= at_least else []


def _dead_rows(
    store: IndexStore, previous: dict, deletion: Deletion, names: list[str]
) -> list[int]:
    """Per segment, its rows deleted once this change is published."""
    deleted = deleted_after(store, previous, deletion)
    return [
        len(_rows_of(store.versions_dir / name, set(deleted[name]))[0]) if deleted.get(name) else 0
        for name in names
    ]


def deleted_after(store: IndexStore, previous: dict, deletion: Deletion) -> dict[str, list[str]]:
    """The new version's deletions: the previous version's and these."""
    merged = {name: list(ids) for name, ids in store.deleted_documents(previous["version"]).items()}
    for name, ids in deletion.documents.items():
        merged[name] = sorted({*merged.get(name, []), *ids})
    return merged


def deleted_tokens_after(store: IndexStore, previous: dict, deletion: Deletion) -> dict[str, int]:
    target = store.versions_dir / previous["version"] / DELETED_TOKENS_FILE
    total = Counter(json.loads(target.read_text()) if target.exists() else {})
    total.update(deletion.tokens)
    return dict(total)


def merged_vocabulary(
    folder: Path, counts: Counter[str], removed: Counter[str] | None = None
) -> dict[str, int]:
    """The previous version's surface-word counts plus the new chunks', less the deleted
    chunks' (counts of chunks)."""
    total = Counter(json.loads((folder / "vocabulary.json").read_text()))
    total.update(counts)
    total.subtract(removed or Counter())
    return {word: count for word, count in total.items() if count > 0}
