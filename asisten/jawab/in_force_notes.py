"""The last word of an answer: whether what it quotes is still in force.

An ASN who acts on a superseded pasal is in trouble, so an answer never quotes an amended or
revoked provision without saying so:

- a named pasal that was amended is answered with the wording in force first, then the wording
  it replaced, citing both and naming the amending regulation and its year;
- a named pasal that was deleted says so, with the deleted wording marked as such;
- any answer resting on a revoked regulation says so first and points to its replacement;
- any other answer citing an amended pasal notes it and adds the wording in force as a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from asisten import templates
from asisten.jawab.analysis import Query
from asisten.jawab.answer import Answer, Answerer, Source
from asisten.jawab.retrieval import Retriever
from asisten.kb.in_force import Change, InForce
from asisten.kb.models import Chunk
from asisten.kb.relations import AMENDS

TEMPLATE = "berlaku.txt.j2"


@dataclass
class _Quoted:
    label: str
    chunks: list[Chunk]
    numbers: list[int] = field(default_factory=list)


class InForceNotes:
    def __init__(
        self, in_force: InForce, retriever: Retriever, answerer: Answerer, prompts_dir: Path
    ) -> None:
        self.in_force = in_force
        self.retriever = retriever
        self.answerer = answerer
        self.prompts_dir = prompts_dir

    # -- a named pasal ------------------------------------------------------------------------
    def lookup(self, query: Query, chunks: list[Chunk]) -> Answer | None:
        """The answer to a named pasal that an amendment reached, or None when none did."""
        first = chunks[0]
        changes = self.in_force.amendments(first.doc_id, first.pasal)
        if not changes:
            return None
        change = changes[-1]
        meta = self.retriever.version.documents[first.doc_id]
        pasal = first.pasal or ""
        old = _Quoted(f"{meta.short_name} Pasal {pasal}", chunks)
        new = _Quoted(f"{change.by_name} Pasal {pasal}", self._new_wording(query, change, pasal))
        sources: list[Source] = []
        for quoted in (new, old):
            quoted.numbers = [self.answerer.add_source(sources, c, 1.0) for c in quoted.chunks]
        body = templates.render(
            self.prompts_dir, TEMPLATE, kind="pasal", change=change, pasal=pasal,
            regulation=meta.short_name, title=meta.title, new=new, old=old,
            deleted=pasal in change.deleted, revoked=self._revocation(first),
        )  # fmt: skip
        return Answer(query.text, body.strip(), True, sources, "lookup")

    def _new_wording(self, query: Query, change: Change, pasal: str) -> list[Chunk]:
        if change.by_doc is None or pasal in change.deleted:
            return []
        ref = query.provision
        return [
            chunk
            for chunk in self.retriever.provision(change.by_doc, pasal)
            if not (ref and ref.ayat and chunk.ayat and chunk.ayat not in (ref.ayat, *ref.also))
        ]

    # -- any other answer ---------------------------------------------------------------------
    def annotate(self, answer: Answer) -> Answer:
        """Notes on the regulations an answer quotes that were amended or revoked, first; one
        note per regulation (revoked) or pasal (amended), naming every source it concerns."""
        if not answer.sources:
            return answer
        notes: dict[tuple[str, ...], dict] = {}
        for source in list(answer.sources):
            if source.doc_type != "regulasi":
                continue
            meta = self.retriever.version.documents[source.doc_id]
            name = meta.short_name or meta.title
            if (revoked := self.in_force.revocation(source.doc_id, source.pasal)) is not None:
                note = notes.setdefault(
                    ("dicabut", source.doc_id), {"regulation": name, "change": revoked, "of": []}
                )
            elif changes := self.in_force.amendments(source.doc_id, source.pasal):
                note = notes.setdefault(
                    ("diubah", source.doc_id, source.pasal or ""),
                    self._amended(answer, source, name, changes[-1]),
                )
            elif target := self._amended_target(source):
                note = notes.setdefault(
                    ("pengubah", source.doc_id, source.pasal or ""),
                    {"regulation": name, "year": meta.tahun, "target": target, "of": []},
                )
            else:
                continue
            note["of"].append(source.number)
        if notes:
            lines = [
                templates.render(
                    self.prompts_dir, TEMPLATE, kind=key[0], pasal=key[-1], **fields
                ).strip()
                for key, fields in notes.items()
            ]
            heading = templates.render(self.prompts_dir, TEMPLATE, kind="catatan", notes=lines)
            answer.text = f"{heading.strip()}\n\n{answer.text}"
        return answer

    def _amended(self, answer: Answer, source: Source, name: str, change: Change) -> dict:
        """A note on an amended pasal, with its wording in force added as sources."""
        assert source.pasal is not None
        numbers = []
        if change.by_doc is not None and source.pasal not in change.deleted:
            # The ayat in force that the quoted ayat became; the whole pasal if renumbered.
            quoted = self.retriever.by_citation(source.citation)
            wording = self.retriever.provision(change.by_doc, source.pasal)
            same = [c for c in wording if quoted and quoted.ayat and c.ayat == quoted.ayat]
            for new in same or wording:
                numbers.append(self.answerer.add_source(answer.sources, new, source.score))
        return {
            "regulation": name, "change": change, "numbers": numbers, "of": [],
            "deleted": source.pasal in change.deleted,
        }  # fmt: skip

    def _amended_target(self, source: Source) -> str:
        """The regulation whose pasal this source's wording replaced, if it is one."""
        if source.pasal is None:
            return ""
        for relation in self.in_force.relations(source.doc_id):
            if relation.kind == AMENDS and source.pasal in relation.pasal:
                return relation.target
        return ""

    def _revocation(self, chunk: Chunk) -> Change | None:
        return self.in_force.revocation(chunk.doc_id, chunk.pasal)
