"""An admin's corrections of the relations read from a regulation, kept beside the index.

One JSON file in the data directory (`relasi.json`): doc_id → the relations that replace what
the parser read for that document. Corrections apply when answering, without re-indexing, and
every process sharing the data directory sees them on its next question.
"""

from __future__ import annotations

import json
from pathlib import Path

from filelock import FileLock

from asisten.kb.atomic import write_text_atomic
from asisten.kb.relations import FROM_ADMIN, Relation

FILE_NAME = "relasi.json"


class RelationCorrections:
    def __init__(self, home: Path) -> None:
        self.path = home / FILE_NAME
        self._lock = FileLock(str(self.path) + ".lock")

    def stamp(self) -> int | None:
        """Changes whenever the corrections change: the file's modification time."""
        try:
            return self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return None

    def load(self) -> dict[str, list[Relation]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return {doc_id: [Relation.from_dict(r) for r in items] for doc_id, items in data.items()}

    def set(self, doc_id: str, relations: list[Relation]) -> None:
        """Replace the relations of one document (an empty list: it acts on no regulation)."""
        stored = [
            Relation(r.kind, r.target, r.pasal, r.deleted, FROM_ADMIN).as_dict() for r in relations
        ]
        self._update(lambda data: data.__setitem__(doc_id, stored))

    def clear(self, doc_id: str) -> bool:
        """Go back to what the parser read; False if there was no correction."""
        found = doc_id in self.load()
        self._update(lambda data: data.pop(doc_id, None))
        return found

    def _update(self, change) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            try:
                data = json.loads(self.path.read_text("utf-8"))
            except FileNotFoundError:
                data = {}
            change(data)
            # Written whole, then renamed: a reader never sees half a file.
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
            write_text_atomic(self.path, text)
