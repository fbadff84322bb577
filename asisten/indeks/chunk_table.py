"""The chunks of one index version in SQLite, read on demand.

A question touches a few dozen chunks, so a version does not rebuild every chunk as a Python
object at start (a million of them took over a minute and ~10 GB). Rows are numbered as the
dense and keyword indexes number chunks; lookups by citation and by pasal use SQLite indexes.
Which document each chunk belongs to is also kept as a memory-mapped array, for filters that
look at every chunk at once (document types).

A table opened with deleted documents (a later version replaced or removed them, see
asisten.indeks.segments) keeps its row numbers but never returns their chunks: lookups, listings
and the `allowed` mask skip them.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from asisten.kb.models import Chunk

TABLE_FILE = "chunks.sqlite"
DOCUMENT_OF_FILE = "chunk_documents.npy"
_COLUMNS = ("chunk_id", "doc_id", "citation", "text", "context", "kind", "pasal", "ayat", "page")
# Chunks kept as objects between questions: the answers of recent questions.
CACHED_CHUNKS = 4096
# Kinds that are not a pasal's own text (Retriever.provision leaves them out).
_NOT_PROVISION = ("penjelasan", "faq")


def write_chunks(folder: Path, chunks: Iterable[Chunk], document_order: Sequence[str]) -> None:
    ordinal = {doc_id: i for i, doc_id in enumerate(document_order)}
    documents_of: list[int] = []
    connection = sqlite3.connect(folder / TABLE_FILE)
    with connection:
        connection.execute(
            "CREATE TABLE chunks (row INTEGER PRIMARY KEY, chunk_id TEXT, doc_id TEXT, "
            "citation TEXT, text TEXT, context TEXT, kind TEXT, pasal TEXT, ayat TEXT, "
            "page INTEGER, extra TEXT)"
        )
        rows = (_row(n, chunk, documents_of, ordinal) for n, chunk in enumerate(chunks))
        connection.executemany(f"INSERT INTO chunks VALUES ({', '.join('?' * 11)})", rows)
        connection.execute("CREATE INDEX by_citation ON chunks (citation)")
        connection.execute("CREATE INDEX by_pasal ON chunks (doc_id, pasal)")
    connection.close()
    np.save(folder / DOCUMENT_OF_FILE, np.asarray(documents_of, dtype=np.int32))


def _row(number: int, chunk: Chunk, documents_of: list[int], ordinal: dict[str, int]) -> tuple:
    documents_of.append(ordinal[chunk.doc_id])
    values = tuple(getattr(chunk, name) for name in _COLUMNS)
    extra = json.dumps(chunk.extra, ensure_ascii=False) if chunk.extra else None
    return (number, *values, extra)


class ChunkTable(Sequence[Chunk]):
    """Read-only, shared by the threads answering questions (one connection, one lock)."""

    def __init__(
        self,
        folder: Path,
        document_types: Sequence[str] = (),
        document_ids: Sequence[str] = (),
        deleted: Collection[str] = (),
    ) -> None:
        uri = f"file:{folder / TABLE_FILE}?mode=ro&immutable=1"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        # Ordinal (in documents.json order) of each chunk's document; its length is the count
        # (SQLite's COUNT(*) would read a whole index at start).
        self.document_of = np.load(folder / DOCUMENT_OF_FILE, mmap_mode="r")
        self._size = len(self.document_of)
        # The type of each document, by ordinal (filters by document type).
        self.document_types = np.array(list(document_types) or [""])
        self._chunk = lru_cache(maxsize=CACHED_CHUNKS)(self._read)
        # Documents (ids, in documents.json order) a later version deleted, and per row whether
        # it is still live (None: every row is).
        self.deleted = frozenset(deleted)
        self.live: np.ndarray | None = None
        if self.deleted:
            dead = [i for i, doc_id in enumerate(document_ids) if doc_id in self.deleted]
            self.live = ~np.isin(np.asarray(self.document_of), dead)

    def dead_rows(self) -> np.ndarray:
        """The rows of deleted documents, ascending."""
        if self.live is None:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(~self.live)

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._chunk(i) for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        return self._chunk(index)

    def __iter__(self) -> Iterator[Chunk]:
        with self._lock:
            rows = self._connection.execute(f"SELECT {_SELECT} FROM chunks ORDER BY row").fetchall()
        return (_chunk(row) for n, row in enumerate(rows) if self.live is None or self.live[n])

    def allowed(self, doc_types: set[str] | None = None) -> np.ndarray:
        """Per chunk: is it live and (with `doc_types`) is its document of one of these types?"""
        if doc_types:
            found = np.isin(self.document_types, list(doc_types))[np.asarray(self.document_of)]
        else:
            found = np.ones(self._size, dtype=bool)
        return found if self.live is None else found & self.live

    def rows_of(self, doc_ids: Collection[str]) -> np.ndarray:
        """The live rows of these documents, ascending (by the SQLite index: a question naming
        a document reads its rows, not a mask over every chunk)."""
        wanted = sorted(d for d in doc_ids if d not in self.deleted)
        if not wanted:
            return np.zeros(0, dtype=np.int64)
        marks = ", ".join("?" * len(wanted))
        rows = self._all(f"SELECT row FROM chunks WHERE doc_id IN ({marks}) ORDER BY row", *wanted)
        return np.fromiter((row for (row,) in rows), dtype=np.int64, count=len(rows))

    def row_of_citation(self, citation: str) -> int | None:
        """The chunk with this citation; of several, the last (as a dict by citation kept)."""
        return self._first_live(
            "SELECT row FROM chunks WHERE citation = ? ORDER BY row DESC", citation
        )

    def first_extending(self, citation: str) -> int | None:
        """The first chunk (not an FAQ) whose citation is `citation` followed by more words."""
        # Citations starting with "<citation> " sort from "<citation> " up to "<citation>!".
        return self._first_live(
            "SELECT row FROM chunks WHERE citation >= ? AND citation < ? AND kind != 'faq' "
            "ORDER BY row",
            citation + " ",
            citation + "!",
        )

    def provision(self, doc_id: str, pasal: str) -> list[Chunk]:
        """A pasal's own chunks in order (its ayat), without Penjelasan or FAQ."""
        return self._of_pasal(doc_id, pasal, "kind NOT IN (?, ?)", *_NOT_PROVISION)

    def explanations(self, doc_id: str, pasal: str) -> list[Chunk]:
        """A pasal's Penjelasan chunks in order: of the whole pasal, or of each of its ayat."""
        return self._of_pasal(doc_id, pasal, "kind = ?", "penjelasan")

    def _of_pasal(self, doc_id: str, pasal: str, kinds: str, *args: str) -> list[Chunk]:
        if doc_id in self.deleted:
            return []
        rows = self._all(
            f"SELECT row FROM chunks WHERE doc_id = ? AND pasal = ? AND {kinds} ORDER BY row",
            doc_id, pasal, *args,
        )  # fmt: skip
        return [self._chunk(row) for (row,) in rows]

    def pasal_of(self, doc_id: str) -> list[str]:
        """The pasal numbers of one document's own text, in the order they first appear."""
        if doc_id in self.deleted:
            return []
        rows = self._all(
            "SELECT pasal FROM chunks WHERE doc_id = ? AND pasal IS NOT NULL AND pasal != '' "
            "AND kind NOT IN (?, ?) GROUP BY pasal ORDER BY MIN(row)",
            doc_id, *_NOT_PROVISION,
        )  # fmt: skip
        return [pasal for (pasal,) in rows]

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _read(self, row: int) -> Chunk:
        found = self._one(f"SELECT {_SELECT} FROM chunks WHERE row = ?", row)
        return _chunk(found)

    def _one(self, sql: str, *args):
        with self._lock:
            return self._connection.execute(sql, args).fetchone()

    def _first_live(self, sql: str, *args) -> int | None:
        """The first row the query yields that is live (the query's own order)."""
        with self._lock:
            for (row,) in self._connection.execute(sql, args):
                if self.live is None or self.live[row]:
                    return row
        return None

    def _all(self, sql: str, *args):
        with self._lock:
            return self._connection.execute(sql, args).fetchall()


_SELECT = ", ".join((*_COLUMNS, "extra"))


def _chunk(row: tuple) -> Chunk:
    extra = json.loads(row[-1]) if row[-1] else {}
    return Chunk(**dict(zip(_COLUMNS, row[:-1], strict=True)), extra=extra)
