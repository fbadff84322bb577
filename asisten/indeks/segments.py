"""A version made of several segments, searched as one (Lucene's segments, in small).

Adding a document to a large index does not rebuild it: the new chunks become a small segment
(a version directory of their own) and the new version lists the earlier segments before it.
Rows are numbered across segments in that order, so the rest of the engine sees one index.
When there would be too many segments (asisten/data/skala.yaml, `segments`), the newest small
ones are merged into one (asisten.indeks.tiers); when the small segments hold too large a share,
the next build is a full one (every vector reused).

Replacing or removing a document does not touch the segment holding it either (a published
segment is never written again): the new version lists the document among its deletions
(manifest `deleted`: segment → document ids), and every reader of that version skips the
document's rows. Dense search asks faiss to skip them while it scans, keyword scores are zero
there, lookups and listings pass over them, and their tokens no longer count in IDF (the new
version's `deleted_tokens.json`). An older version, with fewer deletions, still reads its own
content, so rollback stays exact. Deleted rows still cost disk, memory and scan time until the
merge that rewrites their segment: a tier merge drops those of the small segments, a full
build those of the big one (asisten/data/skala.yaml, `segments.max_deleted_share`).

A version of one segment without deletions is read through the plain classes, unchanged.
Otherwise keyword scores are put on a common footing: each segment's precomputed BM25 scores
carry that segment's IDF, so each token's column is rescaled by global IDF (live chunks only) /
segment IDF (the length normalisation keeps the segment's average length, close for similar
documents; a full build makes it exact again, while a tier merge keeps each row's own
normalisation, asisten.indeks.keyword.merge).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

import numpy as np

from asisten.indeks.chunk_table import ChunkTable
from asisten.indeks.dense import DenseIndex
from asisten.indeks.keyword import KeywordIndex, idf
from asisten.kb.models import Chunk


class _Offsets:
    def __init__(self, sizes: list[int]) -> None:
        self.starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)

    def locate(self, row: int) -> tuple[int, int]:
        segment = int(np.searchsorted(self.starts, row, side="right")) - 1
        return segment, row - int(self.starts[segment])

    def split(self, rows: np.ndarray) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(segment, positions in `rows`, local rows) for each segment `rows` touch."""
        segments = np.searchsorted(self.starts, rows, side="right") - 1
        for segment in np.unique(segments):
            where = np.nonzero(segments == segment)[0]
            yield int(segment), where, rows[where] - self.starts[segment]


class SegmentedChunks(Sequence[Chunk]):
    def __init__(self, tables: list[ChunkTable]) -> None:
        self.tables = tables
        self._offsets = _Offsets([len(t) for t in tables])
        self._size = sum(len(t) for t in tables)

    def allowed(self, doc_types: set[str] | None = None) -> np.ndarray:
        # Each segment numbers documents in its own documents.json.
        return np.concatenate([table.allowed(doc_types) for table in self.tables])

    def rows_of(self, doc_ids: Collection[str]) -> np.ndarray:
        return np.concatenate(
            [
                table.rows_of(doc_ids) + int(start)
                for table, start in zip(self.tables, self._offsets.starts[:-1], strict=True)
            ]
        )

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        segment, local = self._offsets.locate(index)
        return self.tables[segment][local]

    def __iter__(self) -> Iterator[Chunk]:
        for table in self.tables:
            yield from table

    def row_of_citation(self, citation: str) -> int | None:
        for segment in reversed(range(len(self.tables))):
            found = self.tables[segment].row_of_citation(citation)
            if found is not None:
                return found + int(self._offsets.starts[segment])
        return None

    def first_extending(self, citation: str) -> int | None:
        for segment, table in enumerate(self.tables):
            found = table.first_extending(citation)
            if found is not None:
                return found + int(self._offsets.starts[segment])
        return None

    def provision(self, doc_id: str, pasal: str) -> list[Chunk]:
        return [chunk for table in self.tables for chunk in table.provision(doc_id, pasal)]

    def explanations(self, doc_id: str, pasal: str) -> list[Chunk]:
        return [chunk for table in self.tables for chunk in table.explanations(doc_id, pasal)]

    def pasal_of(self, doc_id: str) -> list[str]:
        return list(dict.fromkeys(p for table in self.tables for p in table.pasal_of(doc_id)))


class SegmentedKeyword:
    def __init__(
        self,
        parts: list[KeywordIndex],
        dead: list[np.ndarray] | None = None,
        deleted_tokens: dict[str, int] | None = None,
    ) -> None:
        """`dead`: each part's deleted rows; `deleted_tokens`: in how many deleted chunks each
        token occurs."""
        self.parts = parts
        self.size = sum(p.size for p in parts)
        self._dead = dead or [np.zeros(0, dtype=np.int64) for _ in parts]
        self.live_size = self.size - sum(len(rows) for rows in self._dead)
        self._starts = _Offsets([p.size for p in parts]).starts
        self._frequencies = [p.chunk_frequencies() for p in parts]
        self._totals: dict[str, int] = {}
        for frequencies in self._frequencies:
            for token, count in frequencies.items():
                self._totals[token] = self._totals.get(token, 0) + count
        for token, count in (deleted_tokens or {}).items():
            left = self._totals.get(token, 0) - count
            if left > 0:
                self._totals[token] = left
            else:
                self._totals.pop(token, None)

    def scores(self, stems: Sequence[str]) -> np.ndarray:
        scores = np.zeros(self.size, dtype=np.float32)
        for part, frequencies, start in zip(
            self.parts, self._frequencies, self._starts, strict=False
        ):
            for stem in stems:
                if stem not in frequencies or stem not in self._totals:
                    continue
                local = part.scores([stem])
                ratio = idf(self.live_size, self._totals[stem]) / idf(part.size, frequencies[stem])
                scores[start : start + part.size] += (local * ratio).astype(np.float32)
        for dead, start in zip(self._dead, self._starts, strict=False):
            scores[dead + start] = 0
        return scores

    def chunk_frequencies(self) -> dict[str, int]:
        return dict(self._totals)

    def holding(self, token: str, rows: np.ndarray) -> np.ndarray:
        found = np.zeros(len(rows), dtype=bool)
        for segment, where, local in _Offsets([p.size for p in self.parts]).split(rows):
            found[where] = self.parts[segment].holding(token, local)
        return found


class SegmentedVectors:
    def __init__(self, parts: list[np.ndarray]) -> None:
        self.parts = parts
        self._offsets = _Offsets([len(p) for p in parts])
        self.shape = (sum(len(p) for p in parts), parts[0].shape[1])

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        out = np.empty((len(rows), self.shape[1]), dtype=np.float32)
        for segment, where, local in self._offsets.split(rows):
            out[where] = self.parts[segment][local]
        return out

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        return np.concatenate([part @ vector for part in self.parts])


class SegmentedDense:
    """Each segment's own index searched, ids shifted to global rows, best first."""

    def __init__(self, parts: list[DenseIndex]) -> None:
        self.parts = parts
        self._starts = _Offsets([p.ntotal for p in parts]).starts
        self.description: dict[str, Any] = {
            "kind": "segments",
            "parts": [p.description for p in parts],
        }

    @property
    def exact(self) -> bool:
        return all(p.exact for p in self.parts)

    @property
    def ntotal(self) -> int:
        return sum(p.ntotal for p in self.parts)

    @property
    def d(self) -> int:
        return self.parts[0].d

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        found_scores, found_ids = [], []
        for part, start in zip(self.parts, self._starts, strict=False):
            scores, ids = part.search(vectors, min(k, part.ntotal))
            found_scores.append(scores)
            found_ids.append(np.where(ids >= 0, ids + start, -1))
        scores, ids = np.hstack(found_scores), np.hstack(found_ids)
        order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(scores, order, 1), np.take_along_axis(ids, order, 1)
