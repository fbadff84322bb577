"""One question's way through the engine: analyse → retrieve → decide → compose.

Each stage is its own module with its own type (`Query`, `Hit`, `Decision`, `Answer`); data
flows one way, and the answer carries a trace of what each stage found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from asisten.indeks.embedder import Embedder
from asisten.indeks.store import IndexVersion
from asisten.jawab.analysis import Analyser, Query, regulation_label
from asisten.jawab.answer import Answer, Answerer
from asisten.jawab.asked_regulation import names_one
from asisten.jawab.calibration import calibration_for, shared
from asisten.jawab.clarify import provision_options, vague_options
from asisten.jawab.decision import ANSWER, CLARIFY, NOT_HELD, Decider, Decision
from asisten.jawab.in_force_notes import InForceNotes
from asisten.jawab.logistic import load_model
from asisten.jawab.query import ProvisionRef
from asisten.jawab.retrieval import Hit, Retriever
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb.in_force import InForce
from asisten.kb.models import Chunk
from asisten.kb.relations import AMENDS, Relation
from asisten.runs import number_runs

# Passages shown in a trace.
TRACE_HITS = 5
# Passages searched for each clause of a question that asks several things.
PART_HITS = 8


class Pipeline:
    def __init__(
        self, version: IndexVersion, embedder: Embedder, prompts_dir, top_k: int,
        corrections: dict[str, list[Relation]] | None = None, home_regions: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        vocabulary = Vocabulary(version.keyword, version.vocabulary)
        self.analyser = Analyser(vocabulary, version.documents, self._amended_by, home_regions)
        self.retriever = Retriever(version, embedder, vocabulary)
        model = version.manifest.get("model", "")
        self.decider = Decider(calibration_for(model), vocabulary, load_model("keputusan", model))
        self.answerer = Answerer(
            self.retriever, self.decider, prompts_dir, top_k, load_model("pendamping", model)
        )
        self.documents = version.documents
        self.prompts_dir = prompts_dir
        self.correct_relations(corrections or {})

    def correct_relations(self, corrections: dict[str, list[Relation]]) -> None:
        """Apply an admin's corrections of what regulations amend or revoke."""
        self.in_force = InForce(self.documents, corrections)
        self.notes = InForceNotes(self.in_force, self.retriever, self.answerer, self.prompts_dir)

    def _amended_by(self, doc_id: str) -> list[str]:
        """The held regulations amending this one, as the admin's corrections leave them."""
        return [
            change.by_doc
            for change in self.in_force.acted_on(doc_id)
            if change.kind == AMENDS and change.by_doc
        ]

    def answer(self, question: str, doc_types: set[str] | None = None) -> Answer:
        query = self.analyser.analyse(question)
        missing_pasal = ""
        if query.provision is not None and (not doc_types or "regulasi" in doc_types):
            holders = self.retriever.holders(query)
            if options := provision_options(query, list(holders), self.documents):
                return self._ask_back(query, [], options, "pasal-tanpa-peraturan")
            chunks = self.retriever.lookup(query, holders)
            if chunks and not self._asks_past(query, chunks):
                # What the other clauses ask ("Pasal 21 PP 38/2017 isinya apa? Lalu laporan itu
                # untuk apa?") is searched; the clause naming the pasal is answered by it.
                part_hits = self._part_hits(query, doc_types, quoted=True)
                chunks = [*chunks, *self._also_named(query, holders, chunks)]
                answer = self.notes.lookup(query, chunks) or self.notes.annotate(
                    self.answerer.lookup(query, chunks, part_hits)
                )
                answer.trace = _trace(query, [], Decision(ANSWER, "pasal-disebut"), part_hits)
                return answer
            if not chunks:
                missing_pasal = self._missing_pasal(query)
        elif (not doc_types or "regulasi" in doc_types) and (
            closings := self.retriever.closings(query)
        ):
            # "Kapan Perban BSSN 8/2020 ditetapkan?": its closing says, whatever else shares
            # the word "ditetapkan".
            answer = self.notes.annotate(self.answerer.lookup(query, closings))
            answer.trace = _trace(query, [], Decision(ANSWER, "penutup-disebut"))
            return answer
        if not query.searchable and not query.regulations and not missing_pasal:
            return self._ask_back(query, [], [], "tanpa-topik")
        # The question and its clauses from one call of the model: the clauses' searches then
        # cost no model time of their own.
        vector, part_vectors = self.retriever.question_vectors(query)
        hits = self.retriever.search(query, self.searched(query), doc_types, vector)
        if options := vague_options(query, hits, self.documents):
            return self._ask_back(query, hits, options, "satu-kata")
        decision = self.decider.decide(query, hits)
        missing_regulations = _all_missing(query)
        if missing_regulations or missing_pasal:
            # Never regulation Y's text as if it were the X the question names.
            rule = "peraturan-tidak-dimuat" if missing_regulations else "pasal-tidak-dimuat"
            answer = self.answerer.not_held(
                query, hits, decision, missing_regulations or missing_pasal,
                pasal_held=self._pasal_held(query) if missing_pasal else "",
            )  # fmt: skip
            decision = Decision(NOT_HELD, rule, decision.in_scope, decision.scores)
        else:
            # Only once the whole question is to be answered: the clauses never decide that.
            if decision.answer:
                query = _closing_of_the_answer(query, hits)
            part_hits = (
                self._part_hits(query, doc_types, part_vectors, about=(hits, decision.in_scope))
                if decision.answer
                else []
            )
            answer = self.notes.annotate(self.answerer.compose(query, hits, decision, part_hits))
            answer.trace = _trace(query, hits, decision, part_hits)
            return answer
        answer.trace = _trace(query, hits, decision)
        return answer

    def _also_named(
        self, query: Query, holders: dict[str, list[Chunk]], shown: list[Chunk]
    ) -> list[Chunk]:
        """The provisions the question's other clauses name ("Apa bunyi Pasal 7 ayat (2)?
        Sekalian, menurut Pasal 7 ayat (4) huruf a, apa saja yang wajib diumumkan?"), and those
        named with the first ("Pasal 258 dan Pasal 259"): a clause naming a pasal is answered by
        it, not searched. A pasal named without its regulation is
        the one of the regulation the question names."""
        more: list[Chunk] = []
        quoted = {chunk.chunk_id for chunk in shown}
        ref = query.provision
        # "Pasal 258 dan Pasal 259": each further pasal named with the first, whole.
        further = [
            replace(
                query, provision=ProvisionRef(p, jenis=ref.jenis, nomor=ref.nomor, tahun=ref.tahun)
            )
            for p in (ref.more_pasal if ref else ())
        ]
        for part in [*further, *query.parts]:
            if part.provision is None or part.provision == query.provision:
                continue
            held = {
                doc_id: ayat
                for doc_id, ayat in self.retriever.holders(part).items()
                if part.provision.jenis or doc_id in holders
            }
            for chunk in self.retriever.lookup(part, held) if held else []:
                if chunk.chunk_id not in quoted:
                    quoted.add(chunk.chunk_id)
                    more.append(chunk)
        return more

    def _asks_past(self, query: Query, chunks: list[Chunk]) -> bool:
        """Whether the question names a pasal only to ask which regulation it delegates to ("UU
        25/2009 Pasal 50 ayat (8) menyebut … diatur dalam peraturan presiden. Perpres nomor
        berapa?"), one the pasal does not name: then the pasal is no answer, and the question
        is searched and decided like any other."""
        return bool(query.asks_regulation) and not any(
            names_one(query.asks_regulation, self.documents[c.doc_id].jenis, c.text) for c in chunks
        )

    @staticmethod
    def searched(query: Query) -> int:
        """How many hits the decision and the companions weigh: the depth the decision model was
        fitted on (asisten/data/calibration.yaml), however many of them an answer shows."""
        numbers = shared()
        return int(numbers.searched + numbers.searched_per_ask * query.further_asked)

    def _part_hits(
        self,
        query: Query,
        doc_types: set[str] | None,
        vectors: list | None = None,
        quoted: bool = False,
        about: tuple[list[Hit], bool] | None = None,
    ) -> list[list[Hit]]:
        """Each clause of a question that asks several things, searched on its own words (and
        `vectors`, embedded with the question, when given). When the named pasal is `quoted`,
        the clause naming it is answered by it, not searched. `about`: the whole question's
        hits and whether it was in scope; a later clause pointing back at what the question is
        about is then read within their documents (`_within`)."""
        searched = [part for part in query.parts if not (quoted and part.provision)]
        found = iter(vectors or self.retriever.vectors(searched, clauses=True))
        clauses: list[list[Hit]] = []
        for index, part in enumerate(query.parts):
            if quoted and part.provision:
                clauses.append([])
                continue
            vector = next(found)
            hits = self.retriever.search(part, PART_HITS, doc_types, vector)
            if about and index and part.refers_back:
                deeper = self.retriever.search(
                    part, int(shared().clause_searched), doc_types, vector
                )
                hits = self._within(part, hits, deeper, *about)
            clauses.append(hits)
        return clauses

    def _within(
        self,
        part: Query,
        hits: list[Hit],
        deeper: list[Hit],
        question_hits: list[Hit],
        in_scope: bool,
    ) -> list[Hit]:
        """A later clause's passages (`hits`), led by those from the documents of the question's
        best passages among the clause's `deeper` search when the first of them is relevant:
        "… and what was its budget for 2024?" asks about what the question is about, not about
        any passage naming a budget and a year. Not when the question names a document its best
        passages are not from: a clause may be about that one ("Dan di Pergub Bali 1/2021, sub
        bidang itu kelas berapa?")."""
        documents = {hit.chunk.doc_id for hit in question_hits[: int(shared().clause_within_best)]}
        if part.named_directly - documents:
            return hits
        inside = [hit for hit in deeper if hit.chunk.doc_id in documents]
        if not inside or not hits or inside[0].chunk.chunk_id == hits[0].chunk.chunk_id:
            return hits
        if not self.decider.relevant_companion(inside[0], in_scope):
            return hits
        outside = [hit for hit in hits if hit.chunk.doc_id not in documents]
        return (inside + outside)[:PART_HITS]

    def _ask_back(self, query: Query, hits: list[Hit], options, rule: str) -> Answer:
        answer = self.answerer.ask_back(query, options, rule)
        answer.trace = _trace(query, hits, Decision(CLARIFY, rule))
        return answer

    def _missing_pasal(self, query: Query) -> str:
        """'Pasal 63 UU 23/2014' when the question names a pasal of a regulation we hold that our
        text of it lacks (a pasal past its end, or one a partial text leaves out)."""
        return query.provision_name if query.provision_documents else ""

    def _pasal_held(self, query: Query) -> str:
        """Which pasal our text of the named regulation holds: "Dari UU 23/2014 yang dimuat hanya
        Pasal 1 dan Pasal 386 sampai 390." """
        numbers = {
            int(match.group())
            for doc_id in query.provision_documents
            for pasal in self.retriever.pasal_of(doc_id)
            if (match := re.match(r"\d+", pasal))
        }
        ref = query.provision
        assert ref is not None
        name = regulation_label(ref.jenis, ref.nomor, ref.tahun)
        return f"Dari {name} yang dimuat hanya {_ranges(sorted(numbers))}." if numbers else ""

    def search(self, question: str, k: int, doc_types: set[str] | None = None) -> list[Hit]:
        """The best passages for a topic, without deciding or composing (drafting help)."""
        return self.retriever.search(self.analyser.analyse(question), k, doc_types)


def _closing_of_the_answer(query: Query, hits: list[Hit]) -> Query:
    """A clause asking when "the regulation" was enacted that names none ("… dan permennya
    ditetapkan kapan?") asks about the regulation the answer rests on."""
    best = hits[0] if hits else None
    if (
        best is None
        or best.meta.doc_type != "regulasi"
        or not any(part.asks_closing and not part.named_directly for part in query.parts)
    ):
        return query
    doc = frozenset({best.chunk.doc_id})
    parts = tuple(
        replace(p, named_directly=doc, named_documents=p.named_documents | doc)
        if p.asks_closing and not p.named_directly
        else p
        for p in query.parts
    )
    return replace(query, parts=parts)


def _all_missing(query: Query) -> str:
    """The regulations a question names by number, when the knowledge base holds none of them."""
    if not query.regulations or len(query.missing_regulations) < len(query.regulations):
        return ""
    return query.missing_names


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → "Pasal 1 sampai 3 dan Pasal 7"."""
    runs = number_runs(numbers)
    parts = [f"Pasal {a}" + (f" sampai {b}" if b > a else "") for a, b in runs]
    return ", ".join(parts[:-1]) + (" dan " if len(parts) > 1 else "") + parts[-1] if parts else ""


def _trace(
    query: Query, hits: list[Hit], decision: Decision, part_hits: list[list[Hit]] | None = None
) -> dict:
    trace = {
        "query": query.summary(),
        "decision": decision.as_json(),
        "hits": [
            {
                "citation": hit.chunk.citation,
                "score": round(hit.score, 4),
                "base": round(hit.base, 4),
                "dense": round(hit.dense, 4),
                "coverage": round(hit.coverage, 4),
                "named": hit.named,
            }
            for hit in hits[:TRACE_HITS]
        ],
    }
    if part_hits:
        # The best passage each clause found on its own words, when there were clauses.
        trace["part_hits"] = [found[0].chunk.citation if found else None for found in part_hits]
    return trace
