"""Hybrid retrieval over one index version: dense (FAISS) + keyword (BM25), fused by rank.

Rank fusion forgets how much closer in meaning one passage is than another, so the model's
calibrated `dense_weight` adds the cosine gap to the closest passage back into the ranking.

Each hit also gets a *coverage* score: the IDF-weighted share of the question's content words
found in the chunk. Words the corpus has never seen weigh the most, so a question about a topic
the corpus does not cover ("cuti melahirkan") scores low however close its vectors look.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from asisten.indeks.embedder import Embedder, encode_query
from asisten.indeks.store import IndexVersion
from asisten.jawab import calibration
from asisten.jawab.analysis import Query
from asisten.jawab.calibration import calibration_for
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb.models import Chunk, DocumentMeta

# Ranking numbers (RRF constant, candidates, coverage weight, named-document bonus) are
# data: the `shared` section of asisten/data/calibration.yaml.


@dataclass
class Hit:
    chunk: Chunk
    meta: DocumentMeta
    score: float
    dense: float
    keyword: float
    coverage: float
    # The rank score without the cosine-gap term. Whether to answer at all is judged on the best
    # passage by this score: one merely close in meaning must not make an off-topic question
    # ("tunjangan kinerja ASN") look answered. search() always returns that passage.
    base: float = 0.0
    # The question names this passage's regulation ("prinsip ... di PP 38 itu apa?").
    named: bool = False
    # The question's stems this passage holds, with their IDF: how telling the match is.
    shared: dict[str, float] = field(default_factory=dict)


class Retriever:
    def __init__(self, version: IndexVersion, embedder: Embedder, vocabulary: Vocabulary) -> None:
        self.version = version
        self.embedder = embedder
        self.vocabulary = vocabulary
        self.dense_weight = calibration_for(version.manifest.get("model", "")).dense_weight
        self.chunks = version.chunks
        self._by_citation = {c.citation: i for i, c in enumerate(self.chunks)}
        # Answers quote whole short pasal, so a pasal's ayat are looked up on every question.
        self._by_pasal: dict[tuple[str, str], list[Chunk]] = {}
        for chunk in self.chunks:
            if chunk.pasal and chunk.kind not in ("penjelasan", "faq"):
                self._by_pasal.setdefault((chunk.doc_id, chunk.pasal), []).append(chunk)

    # -- search -----------------------------------------------------------------------------
    def search(self, query: Query, k: int = 5, doc_types: set[str] | None = None) -> list[Hit]:
        # An English question may keep no word after translation and still be searched by
        # meaning, and by the document it names ("... the Siola mall?").
        if not query.searchable or not self.chunks:
            return []
        named = query.named_documents
        keyword_scores = np.zeros(len(self.chunks), dtype=np.float32)
        if query.stems:
            keyword_scores = np.asarray(
                self.version.keyword.get_scores(list(query.stems)), dtype=np.float32
            )
        dense_scores = self._dense_scores(" ".join(query.words) + " " + query.search_text)
        allowed = self._allowed(doc_types)
        fused = self._fuse(keyword_scores, dense_scores, allowed)
        if not fused:
            return []
        best = max(fused.values())
        numbers = calibration.shared()
        # The question's stems each candidate holds, with their IDF; coverage is their share of
        # the question's IDF, where a stem the corpus never uses weighs the most.
        asked = set(query.stems)
        idf, token_sets = self.vocabulary.idf, self.vocabulary.token_sets
        total = sum(self.vocabulary.weight(t) for t in asked)
        shared = {i: {t: idf[t] for t in asked if t in token_sets[i]} for i in fused}
        coverage = {i: sum(shared[i].values()) / total if total else 0.0 for i in fused}
        top_dense = max(float(dense_scores[i]) for i in fused)
        base = {
            i: fused[i] / best
            + numbers.coverage_weight * coverage[i]
            + (numbers.named_document_bonus if self.chunks[i].doc_id in named else 0.0)
            for i in fused
        }
        ranked = {
            i: base[i] + self.dense_weight * (float(dense_scores[i]) - top_dense) for i in fused
        }
        order = sorted(ranked, key=ranked.get, reverse=True)[:k]
        anchor = max(base, key=base.get)
        if anchor not in order:
            order.append(anchor)
        hits = []
        for index in order:
            chunk = self.chunks[index]
            hits.append(
                Hit(
                    chunk=chunk,
                    meta=self.version.documents[chunk.doc_id],
                    score=ranked[index],
                    dense=float(dense_scores[index]),
                    keyword=float(keyword_scores[index]),
                    coverage=coverage[index],
                    base=base[index],
                    named=chunk.doc_id in named,
                    shared=shared[index],
                )
            )
        return hits

    def _dense_scores(self, query: str) -> np.ndarray:
        vector = encode_query(self.embedder, query)
        total = self.version.dense.ntotal
        scores, ids = self.version.dense.search(vector, total)
        dense = np.zeros(total, dtype=np.float32)
        dense[ids[0]] = scores[0]
        return dense

    def _allowed(self, doc_types: set[str] | None) -> np.ndarray:
        if not doc_types:
            return np.ones(len(self.chunks), dtype=bool)
        documents = self.version.documents
        return np.array([documents[c.doc_id].doc_type in doc_types for c in self.chunks])

    @staticmethod
    def _fuse(keyword: np.ndarray, dense: np.ndarray, allowed: np.ndarray) -> dict[int, float]:
        fused: dict[int, float] = {}
        numbers = calibration.shared()
        for scores in (keyword, dense):
            masked = np.where(allowed, scores, -np.inf)
            order = np.argsort(-masked)[: int(numbers.candidates)]
            for rank, index in enumerate(order):
                if np.isfinite(masked[index]) and scores[index] > 0:
                    fused[int(index)] = fused.get(int(index), 0.0) + 1.0 / (
                        numbers.rrf_k + rank + 1
                    )
        return fused

    # -- direct lookup ----------------------------------------------------------------------
    def holders(self, query: Query) -> dict[str, list[Chunk]]:
        """The regulations holding the provision the question names, each with its chunks; of
        those the question names by another name ("UU Pemerintahan Daerah"), only those."""
        ref = query.provision
        if ref is None:
            return {}
        by_document: dict[str, list[Chunk]] = {}
        for doc_id, meta in self.version.documents.items():
            if meta.doc_type != "regulasi" or not ref.matches_document(
                meta.jenis, meta.nomor, meta.tahun
            ):
                continue
            chunks = [
                chunk
                for chunk in self.provision(doc_id, ref.pasal)
                if not (ref.ayat and chunk.ayat and chunk.ayat not in (ref.ayat, *ref.also))
            ]
            if chunks:
                by_document[doc_id] = chunks
        named = {d: c for d, c in by_document.items() if d in query.named_documents}
        return named or by_document

    def lookup(self, query: Query, holders: dict[str, list[Chunk]]) -> list[Chunk]:
        """Chunks of the provision the question names; if several regulations hold it, those of
        the one the question's words match best."""
        if len(holders) <= 1:
            return next(iter(holders.values()), [])
        ranked = self.search(query, k=int(calibration.shared().candidates), doc_types={"regulasi"})
        for hit in ranked:
            if hit.chunk.doc_id in holders:
                return holders[hit.chunk.doc_id]
        return holders[sorted(holders)[0]]

    def provision(self, doc_id: str, pasal: str) -> list[Chunk]:
        """Every chunk of one pasal of one regulation (its ayat in order), without Penjelasan."""
        return self._by_pasal.get((doc_id, pasal), [])

    def pasal_of(self, doc_id: str) -> list[str]:
        """The pasal numbers one regulation's text holds."""
        return [pasal for document, pasal in self._by_pasal if document == doc_id]

    def explanation_for(self, chunk: Chunk) -> Chunk | None:
        """The Penjelasan chunk for this pasal/ayat, if the regulation explains it."""
        name = self.version.documents[chunk.doc_id].short_name
        if not name or not chunk.pasal:
            return None
        base = f"Penjelasan {name} Pasal {chunk.pasal}"
        for citation in (f"{base} ayat ({chunk.ayat})" if chunk.ayat else None, base):
            index = self._by_citation.get(citation) if citation else None
            if index is not None:
                return self.chunks[index]
        return None

    def by_citation(self, citation: str) -> Chunk | None:
        """A chunk by its exact citation, else the first chunk whose citation extends it."""
        index = self._by_citation.get(citation)
        if index is not None:
            return self.chunks[index]
        for chunk in self.chunks:
            if chunk.citation.startswith(citation + " ") and chunk.kind != "faq":
                return chunk
        return None
