"""One question's way through the engine: analyse → retrieve → decide → compose.

Each stage is its own module with its own type (`Query`, `Hit`, `Decision`, `Answer`); data
flows one way, and the answer carries a trace of what each stage found.
"""

from __future__ import annotations

from asisten.indeks.embedder import Embedder
from asisten.indeks.store import IndexVersion
from asisten.jawab.analysis import Analyser, Query
from asisten.jawab.answer import Answer, Answerer
from asisten.jawab.calibration import calibration_for
from asisten.jawab.decision import ANSWER, Decider, Decision
from asisten.jawab.retrieval import Hit, Retriever
from asisten.jawab.vocabulary import Vocabulary

# Passages shown in a trace.
TRACE_HITS = 5


class Pipeline:
    def __init__(
        self, version: IndexVersion, embedder: Embedder, prompts_dir, top_k: int = 3
    ) -> None:
        vocabulary = Vocabulary(version.tokens, version.vocabulary)
        self.analyser = Analyser(vocabulary, version.documents)
        self.retriever = Retriever(version, embedder, vocabulary)
        self.decider = Decider(calibration_for(version.manifest.get("model", "")))
        self.answerer = Answerer(self.retriever, self.decider, prompts_dir, top_k)

    def answer(self, question: str, doc_types: set[str] | None = None) -> Answer:
        query = self.analyser.analyse(question)
        if query.provision is not None and (not doc_types or "regulasi" in doc_types):
            chunks = self.retriever.lookup(query)
            if chunks:
                answer = self.answerer.lookup(query, chunks)
                answer.trace = _trace(query, [], Decision(ANSWER, "pasal-disebut"))
                return answer
        limit = self.answerer.source_limit(query)
        hits = self.retriever.search(query, k=max(8, limit * 3), doc_types=doc_types)
        decision = self.decider.decide(query, hits)
        answer = self.answerer.compose(query, hits, decision)
        answer.trace = _trace(query, hits, decision)
        return answer

    def search(self, question: str, k: int, doc_types: set[str] | None = None) -> list[Hit]:
        """The best passages for a topic, without deciding or composing (drafting help)."""
        return self.retriever.search(self.analyser.analyse(question), k, doc_types)


def _trace(query: Query, hits: list[Hit], decision: Decision) -> dict:
    return {
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
