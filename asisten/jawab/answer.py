"""Grounded, extractive answers: every statement is text from the corpus with a numbered source.

Three ways to answer, tried in order:
1. the question names a provision → quote it (lookup);
2. the best hit is an FAQ pair → its answer, cited by the provisions it rests on, with a second
   pair nearly as close ("Terkait") and related provisions;
3. otherwise the most relevant chunks, each excerpted and cited; guidance that names a provision
   ("PP 38/2017 Pasal 30 ayat (1)") brings that provision along as a source.
When the best hit does not cover the question well enough, the answer says "tidak ditemukan"
and cites nothing; a question about innovation itself (asisten.jawab.scope), or naming a
regulation or best-practice case we hold, needs less.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from asisten import templates
from asisten.indeks import text
from asisten.jawab import answer_type
from asisten.jawab.analysis import Query
from asisten.jawab.calibration import shared
from asisten.jawab.clarify import Option
from asisten.jawab.companions import (
    candidates,
    is_piece_of,
    joinable,
    pick,
    repeats,
    unit_of,
)
from asisten.jawab.decision import Decider, Decision
from asisten.jawab.logistic import LogisticModel
from asisten.jawab.query import cited_provisions
from asisten.jawab.retrieval import Hit, Retriever
from asisten.kb.models import Chunk


@dataclass
class Source:
    number: int
    title: str
    citation: str
    doc_id: str
    score: float
    text: str
    url: str | None
    chunk_id: str
    page: int | None = None
    doc_type: str = ""
    pasal: str | None = None

    def as_json(self) -> dict[str, Any]:
        keys = ("title", "citation", "doc_id", "score", "text", "url")
        return {k: v for k, v in asdict(self).items() if k in keys}


@dataclass
class Answer:
    question: str
    text: str
    found: bool
    sources: list[Source] = field(default_factory=list)
    kind: str = "none"  # lookup | faq | retrieval | none | tanya-balik
    latency_ms: float = 0.0
    # Why: the analysed question, the decision with its rule and scores, the best passages.
    trace: dict[str, Any] = field(default_factory=dict)
    # When the question is too thin to answer one way: the readings to choose from.
    options: list[Option] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "sources": [s.as_json() for s in self.sources],
            "options": [o.as_json() for o in self.options],
            "latency_ms": round(self.latency_ms, 1),
            "trace": self.trace,
        }


@dataclass
class _Item:
    label: str
    text: str
    numbers: list[int]

    @property
    def marks(self) -> str:
        return "".join(f"[{n}]" for n in self.numbers)


class Answerer:
    """The last stage: an answer composed from the passages the decision accepted."""

    def __init__(
        self, retriever: Retriever, decider: Decider, prompts_dir: Path, top_k: int,
        companion_model: LogisticModel | None = None,
    ) -> None:  # fmt: skip
        self.retriever = retriever
        self.decider = decider
        self.prompts_dir = prompts_dir
        self.top_k = top_k
        # Fitted for the embedding model (asisten.jawab.companions); without it the hand rule
        # chooses the passages beside the best one.
        self.companion_model = companion_model

    def lookup(
        self, query: Query, chunks: list[Chunk], part_hits: Sequence[list[Hit]] = ()
    ) -> Answer:
        """The named provision quoted; `part_hits` as in `compose`, for what else is asked."""
        return self._lookup_answer(
            query.text, chunks, list(zip(query.parts, part_hits, strict=False))
        )

    def compose(
        self, query: Query, hits: list[Hit], decision: Decision,
        part_hits: Sequence[list[Hit]] = (),
    ) -> Answer:  # fmt: skip
        """`part_hits`: what each clause of a question asking several things found on its own
        words (`query.parts`), so that each thing asked gets its source."""
        if not decision.answer:
            return self._not_found(query.text, list(query.unknown), list(decision.unsaid))
        limit = self.source_limit(query)
        parts = list(zip(query.parts, part_hits, strict=False))
        if hits[0].chunk.kind == "faq":
            return self._faq_answer(query, hits, limit, decision.in_scope, parts)
        return self._retrieval_answer(query, hits, limit, decision.in_scope, parts)

    def ask_back(self, query: Query, options: list[Option], reason: str) -> Answer:
        """Ask which reading of the question is meant, offering `options` as questions."""
        body = templates.render(
            self.prompts_dir, "tanya_balik.txt.j2", reason=reason, question=query.text,
            provision=query.provision_name, options=options,
        )  # fmt: skip
        return Answer(query.text, body.strip(), False, kind="tanya-balik", options=options)

    def not_held(
        self, query: Query, hits: list[Hit], decision: Decision, missing: str, pasal_held: str = ""
    ) -> Answer:
        """The named regulation or pasal is not in the knowledge base: say so, then the closest
        passages as other documents (when the question would have been answered from them)."""
        closest = self._companions(query, hits, self.top_k, decision.in_scope) if hits else []
        sources: list[Source] = []
        items = self._quoted_items(query, closest if decision.answer else [], sources)
        body = templates.render(
            self.prompts_dir, "tidak_dimuat.txt.j2", missing=missing, items=items,
            pasal_held=pasal_held,
        )  # fmt: skip
        return Answer(query.text, body, False, sources, "tidak-dimuat")

    def source_limit(self, query: Query) -> int:
        return self.top_k + query.further_asked

    def _companions(
        self, query: Query, hits: list[Hit], limit: int, in_scope: bool = False,
        cited: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[Hit]:  # fmt: skip
        """The best hit and the others worth showing beside it. `cited`: the (document, pasal)
        an FAQ answer rests on, whose other ayat count as siblings too."""
        model, vocabulary = self.companion_model, self.decider.vocabulary
        if model is None or vocabulary is None or not query.stems:
            return self.rule_companions(query, hits, limit, in_scope, cited)
        found = candidates(
            query, hits, vocabulary, in_scope,
            lambda hit: self.decider.relevant_companion(hit, in_scope), cited,
            self.cited_by_faq(query),
        )  # fmt: skip
        chosen = pick(
            [model.probability(c.values) for c in found], [c.sibling for c in found], limit,
            model.threshold, [c.story for c in found],
            self.shown_within([*(c.hit for c in found), hits[0]]),
        )  # fmt: skip
        return [hits[0], *(found[i].hit for i in chosen)]

    def shown_within(self, hits: list[Hit]) -> list[tuple[str, str] | None]:
        """For each passage, the pasal it is quoted within when another of its ayat among
        `hits` is chosen too: one short enough to quote whole then (_short_pasal). None: shown
        on its own. Only a pasal two of the hits share is looked up (the hot path)."""
        units = [unit_of(hit) for hit in hits]
        shared_units = {u for u, n in Counter(units).items() if u is not None and n > 1}
        # One ayat of each shared pasal is enough to look the pasal up, once.
        first = {unit: hit for hit, unit in zip(hits, units, strict=True) if unit in shared_units}
        whole = {
            unit: bool(self._short_pasal(hit.chunk, frozenset({unit})))
            for unit, hit in first.items()
        }
        return [unit if whole.get(unit) else None for unit in units]

    def rule_companions(
        self, query: Query, hits: list[Hit], limit: int, in_scope: bool = False,
        cited: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[Hit]:  # fmt: skip
        """The hand rule: a passage with half the best one's score and word coverage that
        passes the relevance rule, or a sibling of one chosen. Its candidates are the model's:
        the passages that may join the best one, an FAQ pair standing for what it cites."""
        best = hits[0]
        chosen = [best]
        most = limit + int(shared().extra_siblings)
        for _, hit in joinable(query, hits, self.cited_by_faq(query)):
            if len(chosen) >= most:
                break
            if repeats(hit, chosen):
                continue
            # Another ayat of a pasal already chosen shares its subject ("60 hari memutuskan"
            # in ayat (1), "14 hari menyampaikan" in ayat (2)), so it need not match as well.
            pasal = (hit.chunk.doc_id, hit.chunk.pasal)
            sibling = hit.chunk.pasal is not None and (
                pasal in cited or any((h.chunk.doc_id, h.chunk.pasal) == pasal for h in chosen)
            )
            # Another section of the case being told (masalah, solusi, hasil, replikasi).
            sibling = sibling or (hit.meta.is_case and hit.chunk.doc_id == best.chunk.doc_id)
            sibling = sibling or is_piece_of(hit, chosen)
            if not sibling and len(chosen) >= limit:
                continue
            if (
                sibling
                or (
                    hit.score >= shared().relative_score * best.score
                    and hit.coverage >= shared().relative_coverage * best.coverage
                )
            ) and self.decider.relevant_companion(hit, in_scope):
                chosen.append(hit)
        return chosen

    # -- answer kinds -----------------------------------------------------------------------
    def _lookup_answer(
        self, question: str, chunks: list[Chunk], parts: list[tuple[Query, list[Hit]]]
    ) -> Answer:
        sources = [self.source(i + 1, c, 1.0) for i, c in enumerate(chunks)]
        meta = self.retriever.version.documents[chunks[0].doc_id]
        pasal = list(dict.fromkeys((c.doc_id, c.pasal) for c in chunks))
        if len(chunks) > 1 and all(p for _, p in pasal) and len({d for d, _ in pasal}) == 1:
            # One pasal, or several of one regulation: "UU 23/2014 Pasal 258 dan Pasal 259".
            heading = f"{meta.short_name} " + " dan ".join(f"Pasal {p}" for _, p in pasal)
        else:
            heading = " dan ".join(c.citation for c in chunks)
        items = [_Item(c.citation, c.text, [i + 1]) for i, c in enumerate(chunks)]
        if len(pasal) > 1:
            # Several pasal read out: each opens with its name, or their ayat run together.
            documents = self.retriever.version.documents
            named: set[tuple[str, str | None]] = set()
            for i, c in enumerate(chunks):
                if c.pasal and (c.doc_id, c.pasal) not in named:
                    named.add((c.doc_id, c.pasal))
                    name = f"{documents[c.doc_id].short_name} Pasal {c.pasal}"
                    items[i] = replace(items[i], text=f"{name}:\n{items[i].text}")
        # The regulation's own Penjelasan of each quoted ayat says what its words mean ("Penjelasan
        # Pasal 22: 'dipublikasikan secara jelas dan luas' berarti ...").
        explanations = self._explanation_items(chunks, sources, 1.0)
        others = self._part_items(parts, sources, in_scope=False)
        body = self._render(
            "lookup", items, heading=heading, title=meta.title,
            explanations=explanations, others=others,
        )  # fmt: skip
        return Answer(question, body, True, sources, "lookup")

    def _part_items(
        self, parts: list[tuple[Query, list[Hit]]], sources: list[Source], in_scope: bool,
        shown: frozenset[str] = frozenset(),
    ) -> list[_Item]:  # fmt: skip
        """The best passage of each clause of the question that the answer does not hold yet
        ("… batas waktunya? Terus siapa yang menilai?"), and its runners-up when nearly as good,
        excerpted around that clause's words.
        `shown`: chunks the answer already gives that are no source (FAQ answers)."""
        items = []
        for part, found in parts:
            if not found:
                continue
            items += self._part_best(part, found, sources, in_scope, shown)
            items += self._value_giver(part, found, sources, in_scope, shown)
        return items

    def _part_best(
        self, part: Query, found: list[Hit], sources: list[Source], in_scope: bool,
        shown: frozenset[str],
    ) -> list[_Item]:  # fmt: skip
        """A clause's best passage, unless shown, and its runners-up when nearly as good."""
        best = found[0]
        if best.chunk.chunk_id in shown or _among(sources, best.chunk):
            if best.chunk.kind == "faq":
                return []
            # The answer quotes what the clause found first; what it found nearly as well
            # often holds its other half ("… wajib melapor kepada siapa?" in the next ayat).
            return self._quoted_items(
                part, self._runners_up(found, sources, shown, in_scope), sources
            )
        if best.chunk.kind == "faq":
            if not self.decider.relevant(best):
                return []
            numbers = self._reference_sources(best, sources)
            return [_Item(best.chunk.extra["question"], best.chunk.text, numbers)]
        # The closing a clause asks for ("… ditetapkan kapan?") is its answer, however few
        # of the clause's other words it shares.
        if not (part.asks_closing and best.chunk.kind == "penutup") and not (
            self.decider.relevant_companion(best, in_scope)
        ):
            return []
        items = self._quoted_items(part, [best], sources)
        # Once the best is a source: its other copy is no runner-up either.
        return items + self._quoted_items(
            part, self._runners_up(found, sources, shown, in_scope), sources
        )

    def _value_giver(
        self, part: Query, found: list[Hit], sources: list[Source], in_scope: bool,
        shown: frozenset[str],
    ) -> list[_Item]:  # fmt: skip
        """A clause asking for a value ("… sertifikatnya berlaku berapa lama?") that its best
        passage does not give ("dalam hal sertifikat habis masa berlaku, …") is answered by the
        first of its other passages that gives a value of that kind, when relevant."""
        if not part.expects or answer_type.says(part.expects, found[0].chunk.text):
            return []
        for hit in found[1:]:
            if hit.chunk.kind in ("faq", "penutup") or hit.chunk.chunk_id in shown:
                continue
            if not answer_type.says(part.expects, hit.chunk.text):
                continue
            if _among(sources, hit.chunk) or not self.decider.relevant_companion(hit, in_scope):
                return []
            return self._quoted_items(part, [hit], sources)
        return []

    def _explanation_items(
        self, provisions: list[Chunk], sources: list[Source], score: float,
        query: Query | None = None,
    ) -> list[_Item]:  # fmt: skip
        """The regulation's own Penjelasan of each provision that is no source yet, as numbered
        sources: whole (a looked-up pasal), or excerpted around the words of `query`."""
        items = []
        for provision in provisions:
            explanation = self.retriever.explanation_for(provision)
            if explanation is None or _among(sources, explanation):
                continue
            number = self.add_source(sources, explanation, score)
            text_ = explanation.text if query is None else quote(explanation.text, query)
            items.append(_Item(explanation.citation, text_, [number]))
        return items

    def _quoted_items(self, query: Query, hits: list[Hit], sources: list[Source]) -> list[_Item]:
        """These passages as numbered sources, each excerpted around the words of `query` (the
        question, or the clause they answer)."""
        items = []
        for hit in hits:
            number = self.add_source(sources, hit.chunk, hit.score)
            items.append(_Item(hit.chunk.citation, quote(hit.chunk.text, query), [number]))
        return items

    def _runners_up(
        self, found: list[Hit], sources: list[Source], shown: frozenset[str], in_scope: bool
    ) -> list[Hit]:
        """A clause's next passages the answer does not show yet (up to `clause_runners_up`),
        while each is nearly as good as its best one by the companions' hand rule (score and
        word coverage): a clause often asks two things, each said in its own pasal ("laporan
        itu disampaikan kepada siapa, dan dibahas untuk apa?"). A passage already shown, an FAQ
        pair or a closing is passed over."""
        best, *rest = found
        fresh = [
            h
            for h in rest
            if h.chunk.kind not in ("faq", "penutup")
            and h.chunk.chunk_id not in shown
            and not _among(sources, h.chunk)
        ]
        chosen = []
        for hit in fresh[: int(shared().clause_runners_up)]:
            close = (
                hit.score >= shared().relative_score * best.score
                and hit.coverage >= shared().relative_coverage * best.coverage
            )
            if not (close and self.decider.relevant_companion(hit, in_scope)):
                break
            chosen.append(hit)
        return chosen

    def _faq_answer(
        self, query: Query, hits: list[Hit], limit: int, in_scope: bool,
        parts: list[tuple[Query, list[Hit]]],
    ) -> Answer:  # fmt: skip
        hit = hits[0]
        sources: list[Source] = []
        items = [_Item("FAQ", hit.chunk.text, self._reference_sources(hit, sources))]
        # The provisions the answer rests on, in their own words: the FAQ paraphrases them, and
        # the reader checks the paraphrase against the law without opening the source.
        quoted = [
            _Item(chunk.citation, quote(chunk.text, query),
                  [self.add_source(sources, chunk, hit.score)])
            for chunk in self._reference_chunks(hit)[: int(shared().faq_quoted_provisions)]
        ]  # fmt: skip
        related, related_ids = self._related_items(hits, sources)
        # Related provisions the FAQ answer does not already cite, for compound questions.
        cited = frozenset((s.doc_id, s.pasal) for s in sources if s.pasal)
        for extra in self._companions(query, hits, limit, in_scope, cited)[1:]:
            if extra.chunk.citation in {s.citation for s in sources}:
                continue
            number = self.add_source(sources, extra.chunk, extra.score)
            items.append(_Item(extra.chunk.citation, quote(extra.chunk.text, query), [number]))
        faqs = related_ids | {hit.chunk.chunk_id}
        items += self._part_items(parts, sources, in_scope, faqs)
        body = self._render(
            "faq", items, related=related, quoted=quoted, repaired=query.repaired,
            pair_asks=_verdict_for_another(query, hit.chunk),
            missing=query.missing_names, unmatched=self._unmatched(query, sources),
        )  # fmt: skip
        return Answer(query.text, body, True, sources, "faq")

    def _retrieval_answer(
        self, query: Query, hits: list[Hit], limit: int, in_scope: bool,
        parts: list[tuple[Query, list[Hit]]],
    ) -> Answer:  # fmt: skip
        chosen = self._companions(query, hits, limit, in_scope)
        best = chosen[0].chunk
        twice = _chosen_twice(chosen)
        whole_pasal = self._short_pasal(best, twice)
        sources: list[Source] = []
        items = []
        # The passage sharing the most of the question's words gets the best passage's room
        # too, wherever the cosine ranked it: for a question asking several things it is the
        # likeliest to hold them all (training: facts 96.4 -> 96.6 % grown, median answer +0.5 %).
        widest = max(chosen, key=lambda h: h.coverage)
        for hit in chosen:
            if _among(sources, hit.chunk):
                continue  # already quoted as part of its whole pasal
            # A companion ayat brings the rest of its short pasal too, minus what is shown.
            whole = whole_pasal if hit is chosen[0] else [
                c for c in self._short_pasal(hit.chunk, twice)
                if not _among(sources, c)
            ]  # fmt: skip
            if len(whole) > 1:  # else its only unshown ayat is itself: excerpted as usual
                numbers = [self.add_source(sources, c, hit.score) for c in whole]
                label = f"{hit.meta.short_name} Pasal {hit.chunk.pasal}"
                items.append(_Item(label, "\n".join(c.text for c in whole), numbers))
                continue
            # A Penjelasan explains words of a rule: the rule comes first.
            for provision in self._explained(hit.chunk):
                if not _among(sources, provision):
                    number = self.add_source(sources, provision, hit.score)
                    passage = quote(provision.text, query)
                    items.append(_Item(provision.citation, passage, [number]))
            # A case's sections (masalah, solusi, hasil) are a story told whole where possible.
            roomy = hit is chosen[0] or hit.meta.is_case or hit is widest
            room = shared().best_excerpt_chars if roomy else shared().excerpt_chars
            passage = quote(hit.chunk.text, query, room)
            numbers = [self.add_source(sources, hit.chunk, hit.score)]
            # Guidance that cites a provision puts that provision among the sources too, so
            # the rule behind the claim is one click away.
            if hit.meta.doc_type != "regulasi":
                numbers += self._cited_sources(passage, sources, hit.score)
            items.append(_Item(hit.chunk.citation, passage, numbers))
        # An FAQ pair nearly as close as the best passage answers in the team's plain words
        # what the provisions say in the law's.
        related, related_ids = self._related_items(hits, sources)
        items += self._part_items(parts, sources, in_scope, related_ids)
        # The regulation's own Penjelasan of the best provision (of each of its ayat, when the
        # pasal is quoted whole) says what its words mean; of every provision quoted, when the
        # question asks what the Penjelasan says ("menurut penjelasannya ...").
        explained = whole_pasal or [best]
        if query.asks_explanation:
            further = [hit.chunk for hit in chosen[1:]] + [f[0].chunk for _, f in parts if f]
            explained += [c for c in further if _among(sources, c)]
        items += self._explanation_items(explained, sources, chosen[0].score, query)
        body = self._render(
            "retrieval", items, related=related, repaired=query.repaired,
            missing=query.missing_names,
            unmatched=self._unmatched(query, sources),
        )  # fmt: skip
        return Answer(query.text, body, True, sources, "retrieval")

    def quoted_with(self, chunk: Chunk) -> list[Chunk]:
        """What choosing this passage beside the best one puts in the answer: the rule a
        Penjelasan explains, then the passage, its short pasal whole. The companion model is
        fitted on what these hold."""
        return [*self._explained(chunk), *(self._short_pasal(chunk) or [chunk])]

    def _short_pasal(
        self, chunk: Chunk, chosen_twice: frozenset[tuple[str, str]] = frozenset()
    ) -> list[Chunk]:
        """Every ayat of this ayat's pasal, when the pasal is short enough to quote whole: its
        ayat answer together ("paling sedikit 1 kali setahun" in ayat (1), "berdasarkan standar
        pelayanan" in ayat (2)). `chosen_twice`: pasals two of whose ayat the answer quotes,
        which may be longer. Else nothing."""
        if chunk.kind != "ayat" or not chunk.pasal:
            return []
        ayat = self.retriever.provision(chunk.doc_id, chunk.pasal)
        limit = (
            shared().chosen_pasal_chars if (chunk.doc_id, chunk.pasal) in chosen_twice
            else shared().whole_pasal_chars
        )  # fmt: skip
        short = sum(len(c.text) for c in ayat) <= limit
        return ayat if len(ayat) > 1 and short else []

    def _explained(self, chunk: Chunk) -> list[Chunk]:
        """The provision a Penjelasan chunk explains: its ayat, or its pasal when that is short
        enough to quote whole. Else nothing (the Penjelasan Umum explains no one provision)."""
        if chunk.kind != "penjelasan" or not chunk.pasal:
            return []
        provision = self.retriever.provision(chunk.doc_id, chunk.pasal)
        if chunk.ayat:
            return [c for c in provision if c.ayat == chunk.ayat]
        short = sum(len(c.text) for c in provision) <= shared().whole_pasal_chars
        return provision if short else []

    def _related_faqs(self, hits: list[Hit]) -> list[Hit]:
        """Another FAQ pair nearly as close as the best passage: the question may be asking that."""
        best = hits[0]
        return [
            hit
            for hit in hits[1:]
            if hit.chunk.kind == "faq"
            and hit.score >= shared().related_faq_score * best.score
            and self.decider.relevant(hit)
        ][: int(shared().related_faqs)]

    def _related_items(
        self, hits: list[Hit], sources: list[Source]
    ) -> tuple[list[_Item], frozenset[str]]:
        """The FAQ pairs shown beside the answer ("Terkait"), marked with the provisions they
        cite, and their chunk ids (shown, so no clause quotes them again)."""
        pairs = self._related_faqs(hits)
        items = [
            _Item(pair.chunk.extra["question"], pair.chunk.text,
                  self._reference_sources(pair, sources))
            for pair in pairs
        ]  # fmt: skip
        return items, frozenset(pair.chunk.chunk_id for pair in pairs)

    def cited_by_faq(self, query: Query) -> Callable[[Hit], list[Hit]]:
        """The provisions an FAQ pair cites, each as a hit carrying the pair's signals (its
        rank, score and the question's words it holds), named when the question names it."""
        documents = self.retriever.version.documents

        def cited(hit: Hit) -> list[Hit]:
            return [
                replace(hit, chunk=chunk, meta=documents[chunk.doc_id],
                        named=chunk.doc_id in query.named_documents)
                for chunk in self._reference_chunks(hit)
            ]  # fmt: skip

        return cited

    def _reference_chunks(self, hit: Hit) -> list[Chunk]:
        """The provisions an FAQ answer cites that the knowledge base holds."""
        found = (self.retriever.by_citation(r) for r in hit.chunk.extra.get("references") or [])
        return [chunk for chunk in found if chunk is not None]

    def _reference_sources(self, hit: Hit, sources: list[Source]) -> list[int]:
        """Sources for the provisions an FAQ answer rests on (the pair itself if it cites none)."""
        chunks = self._reference_chunks(hit) or [hit.chunk]
        return [self.add_source(sources, chunk, hit.score) for chunk in chunks]

    def add_source(self, sources: list[Source], chunk: Chunk, score: float) -> int:
        """The number of this chunk among the sources, adding it if it is not there yet."""
        for source in sources:
            if source.chunk_id == chunk.chunk_id:
                return source.number
        sources.append(self.source(len(sources) + 1, chunk, score))
        return sources[-1].number

    def _cited_sources(self, passage: str, sources: list[Source], score: float) -> list[int]:
        numbers = []
        for citation in cited_provisions(passage)[: int(shared().cited_per_excerpt)]:
            chunk = self.retriever.by_citation(citation)
            if chunk is not None:
                numbers.append(self.add_source(sources, chunk, score))
        return numbers

    def _not_found(self, question: str, unknown: list[str], unsaid: list[str] = ()) -> Answer:
        """`unsaid`: the years and regions asked about that no passage found names."""
        body = templates.render(
            self.prompts_dir, "tidak_ditemukan.txt.j2", unknown=unknown, unsaid=unsaid
        )
        return Answer(question, body, False, [], "none")

    # -- helpers ----------------------------------------------------------------------------
    def _unmatched(self, query: Query, sources: list[Source]) -> str:
        """The held regulations the question names when no source is from them ("Pergub Bali
        3/2021"): the answer must not pass another regulation's text off as theirs."""
        documents = self.retriever.version.documents
        named = [d for d in query.named_documents if documents[d].doc_type == "regulasi"]
        if not named or any(s.doc_id in query.named_documents for s in sources):
            return ""
        return " dan ".join(sorted({documents[d].short_name or documents[d].title for d in named}))

    def _render(self, kind: str, items: list[_Item], **extra: Any) -> str:
        context = {
            "heading": "", "title": "", "explanations": [], "repaired": {}, "related": [], "quoted": [],
            "missing": "", "unmatched": "", "others": [], "pair_asks": "", **extra,
        }  # fmt: skip
        return templates.render(
            self.prompts_dir, "jawaban.txt.j2", kind=kind, items=items, **context
        )

    def source(self, number: int, chunk: Chunk, score: float) -> Source:
        meta = self.retriever.version.documents[chunk.doc_id]
        return Source(
            number=number,
            title=meta.title,
            citation=chunk.citation,
            doc_id=chunk.doc_id,
            score=round(float(score), 4),
            text=chunk.text,
            url=meta.url,
            chunk_id=chunk.chunk_id,
            page=chunk.page,
            doc_type=meta.doc_type,
            pasal=chunk.pasal if meta.doc_type == "regulasi" else None,
        )


# A sentence ends at a full stop after a word or a bracket, not after an item's mark ("a.",
# "2."), so an item keeps its mark (as asisten/kb/matrix.py reads a cell); at a semicolon or a
# colon; and at a line break.
_SENTENCE = re.compile(rf"(?:{text.SENTENCE_FULL_STOP}|(?<=[;:]))\s+(?=[A-Z(0-9a-z]\S*)|\n+")
# A list item's marker standing alone on its line ("a.", "atau b.", "dan 2.").
_LIST_MARK = re.compile(r"\s*(?:(?:dan|atau|serta)\s+)?(?:[a-z]|\d{1,2})[.)]\s*")


def _verdict_for_another(query: Query, pair: Chunk) -> str:
    """The FAQ pair's own question when it asks yes or no ("Bolehkah …? Boleh. …") and this
    question asks something else ("apa bedanya …?"), else "": a verdict opening the answer
    would read as the answer to a question nobody asked, so the answer names the question the
    pair answers."""
    asked = pair.extra.get("question", "")
    if query.asks_yes_no or not answer_type.asks_yes_no(asked):
        return ""
    return asked


def _among(sources: list[Source], chunk: Chunk) -> bool:
    """Is this chunk one of the answer's sources already (quoted, or cited by one quoted)? A
    provision the answer quotes from another text of the same regulation (the team's beside
    the official one) is: the same citation says it twice."""
    return any(
        source.chunk_id == chunk.chunk_id
        or (
            source.pasal is not None
            and source.doc_id != chunk.doc_id
            and source.citation == chunk.citation
        )
        for source in sources
    )


def quote(passage: str, query: Query, limit: float | None = None) -> str:
    """What an answer shows of a passage for this question (or clause): `excerpt` by its words,
    with a list's room when it asks for a list."""
    return excerpt(passage, query.stems, limit, query.asks_list)


def excerpt(
    passage: str, query_stems: Sequence[str], limit: float | None = None, asks_list: bool = False
) -> str:
    """The passage, or the run of consecutive sentences that holds most of the question's words.

    A run, not the best sentences picked from all over: list items and clauses torn out of their
    order read as nonsense ("2. penghargaan. 3. menekankan ..."). Of the runs holding the most
    words, the tightest one is the core ("Tomira ... 20% ... produk lokal", not the opening
    that names "Kulon Progo" five times). Question words it lacks that sentences elsewhere
    hold get a second run of their own where room is left, after a "…". The room left goes to
    what follows each run, then to what comes before. `limit`: the room in characters, by
    default a further passage's (asisten/data/calibration.yaml). A passage opening a list, for a
    question that `asks_list`, gets at least `list_excerpt_chars`: "apa saja" answered with the
    list's first items and a "…" is half an answer.
    """
    limit = int(limit if limit is not None else shared().excerpt_chars)
    if asks_list and answer_type.opens_list(passage):
        limit = max(limit, int(shared().list_excerpt_chars))
    passage = passage.strip()
    # A passage little longer than the room is shown whole: what an excerpt would cut is too
    # short to save the reader anything, and may be the very item asked about.
    if len(passage) <= limit * shared().excerpt_slack:
        return passage
    sentences, breaks = _sentences(passage)
    wanted = set(query_stems)
    found = [wanted & set(text.tokens(s)) for s in sentences]
    sizes = [len(s) + 1 for s in sentences]
    start, end = _tightest_run(found, sizes, limit)
    runs = [[start, end]]
    if second := _second_run(found, sizes, limit, start, end):
        runs = sorted([runs[0], list(second)])
    _fill(runs, sizes, limit)
    if asks_list:
        _whole_list(runs, sentences, sizes, limit)
    joined = " … ".join(_joined(sentences, breaks, a, b) for a, b in runs)
    if len(joined) > limit * 1.5:  # one sentence longer than the room
        joined = joined[: int(limit * 1.5)].rsplit(" ", 1)[0]
        runs[-1][1] = len(sentences) + 1
    return ("… " if runs[0][0] else "") + joined + (" …" if runs[-1][1] < len(sentences) else "")


def _sentences(passage: str) -> tuple[list[str], list[bool]]:
    """The passage's sentences, and for each whether a line break follows it: an excerpt keeps
    the lines of a list or a table row ("Daerah Provinsi:\na. …\nb. …") as the passage has
    them, not run together into one line."""
    sentences: list[str] = []
    breaks: list[bool] = []
    start = 0
    for end in [*_SENTENCE.finditer(passage), None]:
        sentence = passage[start : end.start() if end else len(passage)].strip()
        broken = end is not None and "\n" in end.group()
        if sentence:
            sentences.append(sentence)
            breaks.append(broken)
        elif broken and breaks:
            breaks[-1] = True
        start = end.end() if end else start
    return sentences, breaks


def _joined(sentences: list[str], breaks: list[bool], start: int, end: int) -> str:
    """Sentences [start, end) as the passage sets them: on new lines where it breaks."""
    return "".join(
        sentences[i] + ("" if i == end - 1 else "\n" if breaks[i] else " ")
        for i in range(start, end)
    )


def _fill(runs: list[list[int]], sizes: list[int], limit: int) -> None:
    """Grow the runs ([start, end), in order) into the room `limit` leaves: first what follows
    each, then what comes before the first; runs that come to touch become one."""
    used = sum(sum(sizes[a:b]) for a, b in runs)
    for i, run in enumerate(runs):
        stop = runs[i + 1][0] if i + 1 < len(runs) else len(sizes)
        while run[1] < stop and used + sizes[run[1]] <= limit:
            used += sizes[run[1]]
            run[1] += 1
    while runs[0][0] > 0 and used + sizes[runs[0][0] - 1] <= limit:
        runs[0][0] -= 1
        used += sizes[runs[0][0]]
    # Runs that have come to touch become one: nothing lies between them to mark with "…".
    if len(runs) == 2 and runs[0][1] >= runs[1][0]:
        runs[:] = [[runs[0][0], runs[1][1]]]


def _whole_list(runs: list[list[int]], sentences: list[str], sizes: list[int], limit: int) -> None:
    """A run that ends in a list it opens ("… berupa: a. …") is moved on to hold the whole list,
    when the list fits the room: "apa saja" answered by the opening and no item is no answer.
    What the run loses is taken from its start."""
    start, end = runs[-1]
    opener = next(
        (i for i in range(end - 1, start - 1, -1) if sentences[i].rstrip().endswith(":")), None
    )
    if opener is None:
        return
    last = next(
        (
            j
            for j in range(opener + 1, len(sentences))
            if sentences[j].rstrip().endswith(".") and not _LIST_MARK.fullmatch(sentences[j])
        ),
        None,
    )
    if last is None or last < end or sum(sizes[opener : last + 1]) > limit:
        return
    stop = last + 1
    first = start
    while sum(sizes[first:stop]) > limit:
        first += 1
    if len(runs) == 2 and first < runs[0][1]:
        return
    runs[-1] = [first, stop]


def _second_run(
    found: list[set[str]], sizes: list[int], limit: int, start: int, end: int
) -> tuple[int, int] | None:
    """[start, end) of a second run, apart from the first one [start, end), holding question
    words the first lacks, in the room the first leaves: a question asking two things ("kelas
    jabatan kepala brida? sekretarisnya?") finds them in two places of one long passage."""
    covered = set().union(*found[start:end])
    room = limit - sum(sizes[start:end])
    rest = [set() if start <= i < end else f - covered for i, f in enumerate(found)]
    if room <= 0 or not any(rest):
        return None
    a, b = _tightest_run(rest, sizes, room)
    if not set().union(*rest[a:b]) or a < end and b > start or sum(sizes[a:b]) > room:
        return None
    return a, b


def _tightest_run(found: list[set[str]], sizes: list[int], limit: int) -> tuple[int, int]:
    """[start, end) of the shortest run of sentences, within `limit` characters, that holds the
    most distinct question words (`found[i]`: those in sentence i)."""
    best: tuple[tuple[int, int], int, int] = ((-1, 0), 0, 1)
    for start in range(len(sizes)):
        covered: set[str] = set()
        end, used = start, 0
        while end < len(sizes) and (end == start or used + sizes[end] <= limit):
            used += sizes[end]
            covered |= found[end]
            end += 1
            if (len(covered), -used) > best[0]:
                best = ((len(covered), -used), start, end)
    return best[1], best[2]


def _chosen_twice(chosen: list[Hit]) -> frozenset[tuple[str, str]]:
    """The (document, pasal) of which two or more ayat are among the chosen passages."""
    counts = Counter(unit for h in chosen if (unit := unit_of(h)) is not None)
    return frozenset(pasal for pasal, n in counts.items() if n >= 2)
