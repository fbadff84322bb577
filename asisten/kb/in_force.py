"""Which regulations, and which of their pasal, are still in force in this knowledge base.

Built from the relations each held regulation states (asisten.kb.relations) and an admin's
corrections: UU 9/2015 amends Pasal 63 of UU 23/2014, PermenPANRB 91/2021 revokes PermenPANRB
30/2014. A regulation whose own front matter says `status: dicabut` is revoked even when the
regulation that revoked it is not held.
"""

from __future__ import annotations

from dataclasses import dataclass

from asisten.kb.mentions import find_regulations
from asisten.kb.models import DocumentMeta
from asisten.kb.relations import AMENDS, IMPLEMENTS, REVOKES, Relation

REVOKED_STATUS = "dicabut"


@dataclass(frozen=True)
class Change:
    """One regulation acting on another: amending some of its pasal, or revoking it."""

    kind: str
    # The acting regulation: its short name and year, and its doc_id when held.
    by_name: str
    year: int | None
    by_doc: str | None = None
    by_title: str = ""
    pasal: frozenset[str] = frozenset()
    deleted: frozenset[str] = frozenset()

    def covers(self, pasal: str | None) -> bool:
        """Whether this change reaches `pasal`; one that names no pasal reaches all of them."""
        return not self.pasal or (pasal is not None and pasal in self.pasal)

    @property
    def when(self) -> str:
        return f"tahun {self.year}" if self.year else "tanggal tidak diketahui"


class InForce:
    def __init__(
        self,
        documents: dict[str, DocumentMeta],
        corrections: dict[str, list[Relation]] | None = None,
    ) -> None:
        self.documents = documents
        self._relations = {
            doc_id: (corrections or {}).get(doc_id, _stored(meta))
            for doc_id, meta in documents.items()
        }
        self._changes: dict[str, list[Change]] = {}
        for doc_id, relations in self._relations.items():
            meta = documents[doc_id]
            for relation in relations:
                if relation.kind == IMPLEMENTS:
                    continue
                change = Change(
                    relation.kind, meta.short_name or meta.title, meta.tahun, doc_id, meta.title,
                    frozenset(relation.pasal), frozenset(relation.deleted),
                )  # fmt: skip
                for target in self.documents_named(relation.target):
                    if target != doc_id:
                        self._changes.setdefault(target, []).append(change)
        for changes in self._changes.values():
            changes.sort(key=lambda c: (c.year or 0, c.by_name))

    def relations(self, doc_id: str) -> list[Relation]:
        return self._relations.get(doc_id, [])

    def documents_named(self, name: str) -> list[str]:
        """The held regulations (the enacted text and its Lampiran) a short name names."""
        mentions = find_regulations(name)
        if not mentions:
            return []
        mention = mentions[0]
        return [
            doc_id
            for doc_id, meta in self.documents.items()
            if meta.doc_type == "regulasi"
            and meta.status != "rancangan"
            and mention.matches_document(meta.jenis, meta.nomor, meta.tahun)
        ]

    def amendments(self, doc_id: str, pasal: str | None) -> list[Change]:
        """The amendments reaching this pasal, oldest first."""
        return [c for c in self._changes.get(doc_id, []) if c.kind == AMENDS and c.covers(pasal)]

    def revocation(self, doc_id: str, pasal: str | None = None) -> Change | None:
        """How this regulation (or this pasal of it) was revoked, if it was."""
        for change in self._changes.get(doc_id, []):
            if change.kind == REVOKES and change.covers(pasal):
                return change
        meta = self.documents.get(doc_id)
        if meta is not None and meta.status == REVOKED_STATUS:
            return Change(REVOKES, "", None)
        return None

    def acted_on(self, doc_id: str) -> list[Change]:
        return list(self._changes.get(doc_id, []))

    def status(self, doc_id: str) -> str:
        """'berlaku', 'diubah dengan UU 9/2015 (Pasal 63, 65)', 'dicabut dengan …'."""
        revoked = self.revocation(doc_id)
        if revoked is not None and not revoked.pasal:
            return f"dicabut dengan {revoked.by_name}" if revoked.by_name else "dicabut"
        parts = []
        for change in self.acted_on(doc_id):
            pasal = f" (Pasal {', '.join(sorted(change.pasal, key=_pasal_order))})"
            verb = "diubah" if change.kind == AMENDS else "sebagian dicabut"
            parts.append(f"{verb} dengan {change.by_name}{pasal if change.pasal else ''}")
        return "; ".join(parts) or "berlaku"


def _stored(meta: DocumentMeta) -> list[Relation]:
    return [Relation.from_dict(r) for r in meta.relations]


def _pasal_order(pasal: str) -> tuple[int, str]:
    digits = "".join(ch for ch in pasal if ch.isdigit())
    return (int(digits) if digits else 0, pasal)
