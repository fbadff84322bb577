"""Adding files to a published index as a new segment (asisten.indeks.segments), without
re-reading, re-tokenising or re-indexing what is already there.

Only for additions: when a published file changed or went away, or the model, the parser or the
format did, or the segment policy (asisten/data/skala.yaml, `segments`) says to merge, the
caller does a full build instead.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from asisten.indeks import lexicon
from asisten.indeks.store import FORMAT_VERSION, IndexStore


def policy() -> dict[str, Any]:
    return lexicon.yaml_data("skala.yaml")["segments"]


def added_files(
    store: IndexStore, previous: dict, file_hashes: dict[str, str], model: str, parser: str
) -> list[str] | None:
    """The files to add as a segment, or None when a full build is needed."""
    old = previous.get("files", {})
    if (
        previous.get("format") != FORMAT_VERSION
        or previous.get("model") != model
        or previous.get("parser_version") != parser
        or any(file_hashes.get(path) != digest for path, digest in old.items())
        or len(store.segment_names(previous["version"])) + 1 > policy()["max_segments"]
    ):
        return None
    added = [path for path in file_hashes if path not in old]
    return added or None


def small_enough(store: IndexStore, previous: dict, new_chunks: int) -> bool:
    """Would the segments after the first stay under their share of all chunks?"""
    names = store.segment_names(previous["version"])
    small = sum(store.read_manifest(n)["segment_chunks"] for n in names[1:]) + new_chunks
    return small <= policy()["max_small_share"] * (previous["chunk_count"] + new_chunks)


def merged_vocabulary(folder: Path, counts: Counter[str]) -> dict[str, int]:
    """The previous version's surface-word counts plus the new chunks' (counts of chunks)."""
    total = Counter(json.loads((folder / "vocabulary.json").read_text()))
    total.update(counts)
    return dict(total)
