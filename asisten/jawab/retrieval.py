"""Hybrid retrieval over one index version: dense (FAISS) + keyword (BM25), fused by rank.

Rank fusion forgets how much closer in meaning one passage is than another, so the model's
calibrated `dense_weight` adds the cosine gap to the closest passage back into the ranking.

Each hit also gets a *coverage* score: the IDF-weighted share of the question's content words
found in the chunk. Words the corpus has never seen weigh the most, so a question about a topic
the corpus does not cover ("cuti melahirkan") scores low however close its vectors look.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from asisten.indeks.dense import settings as dense_settings
from asisten.indeks.embedder import Embedder, encode_queries
from asisten.indeks.lexicon import yaml_data
from asisten.indeks.store import IndexVersion
from asisten.indeks.text import index_words
from asisten.jawab import calibration
from asisten.jawab.analysis import Query
from asisten.jawab.calibration import calibration_for
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb.models import Chunk, DocumentMeta

# Ranking numbers (RRF constant, candidates, coverage weight, named-document bonus) are
# data: the `shared` section of asisten/data/calibration.yaml; numbers of scale (exact or
# approximate dense search, full or partial sort) are in asisten/data/skala.yaml.
SCALE_FILE = "skala.yaml"
# The forms of questions about a closing, and of the provision saying when a regulation takes effect.
CLOSING_ASK_FILE = "tanya_penutup.yaml"
# How many sets of left-out regional regulations keep their rows (a bound on memory).
ELSEWHERE_SETS = 64


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


def same_provision(a: Chunk, a_meta: DocumentMeta, b: Chunk, b_meta: DocumentMeta) -> bool:
    """Whether passages of two documents hold the same provision: the team's text of a
    regulation beside the official one an admin added. The same citation, or the same pasal of
    the same regulation where one of the two is the whole pasal (an OCR'd text whose ayat
    markers were lost is cut by pasal, the team's by ayat). An FAQ pair or a guide citing the
    provision is no copy of it: it says it in other words, for another question."""
    if a.doc_id == b.doc_id or a_meta.doc_type != "regulasi" or b_meta.doc_type != "regulasi":
        return False
    if a.citation == b.citation:
        return True
    return (
        a.pasal is not None
        and a.pasal == b.pasal
        and bool(a_meta.short_name)
        and a_meta.short_name == b_meta.short_name
        and (a.kind == "penjelasan") == (b.kind == "penjelasan")
        and (not a.ayat or not b.ayat)
    )


class Retriever:
    def __init__(self, version: IndexVersion, embedder: Embedder, vocabulary: Vocabulary) -> None:
        self.version = version
        self.embedder = embedder
        self.vocabulary = vocabulary
        model_calibration = calibration_for(version.manifest.get("model", ""))
        self.dense_weight = model_calibration.dense_weight
        self.clause_mean_power = model_calibration.clause_mean_power
        self.chunks = version.chunks
        # The rows of the regional regulations a question leaves out, by the set left out:
        # most questions leave out the same ones (every region's), so the lookup is made once.
        self._rows_elsewhere: dict[frozenset[str], np.ndarray] = {}

    # -- search -----------------------------------------------------------------------------
    def vectors(self, queries: list[Query], clauses: bool = False) -> list[np.ndarray]:
        """The dense side's vectors of several questions, or of the `clauses` of one, embedded
        in one call of the model."""
        texts = clause_texts(queries) if clauses else [_dense_text(q, _doubled(q)) for q in queries]
        return list(encode_queries(self.embedder, texts)[:, None, :]) if texts else []

    def question_vectors(self, query: Query) -> tuple[np.ndarray, list[np.ndarray]]:
        """The vector of a question and those of its clauses, from one call of the model. For a
        long question (`read_as_clauses`) only the clauses are embedded: they cut the question
        into pieces and the model pools tokens by their mean, so the mean of the clauses'
        vectors, weighted by their length, points where the question's own does but for the
        attention across clauses (cosine 0.99, median of the long training questions), and the
        question is not read twice. Its length is set by the model's `clause_mean_power`
        (asisten/data/calibration.yaml), so that its cosines stand where the question's own
        would: the thresholds and the answerability model were fitted on those."""
        clauses = clause_texts(list(query.parts))
        if not read_as_clauses(query):
            texts = [_dense_text(query, _doubled(query)), *clauses]
            vector, *parts = list(encode_queries(self.embedder, texts)[:, None, :])
            return vector, parts
        parts = encode_queries(self.embedder, clauses)
        whole = clause_mean(clauses, parts)
        whole /= (np.linalg.norm(whole) or 1.0) ** self.clause_mean_power
        return whole[None, :], list(parts[:, None, :])

    def search(
        self, query: Query, k: int = 5, doc_types: set[str] | None = None,
        vector: np.ndarray | None = None,
    ) -> list[Hit]:  # fmt: skip
        """The best `k` passages; `vector`: the question's, when `vectors` embedded it already."""
        # An English question may keep no word after translation and still be searched by
        # meaning, and by the document it names ("... the Siola mall?").
        if not query.searchable or not self.chunks:
            return []
        named = query.named_documents
        keyword_scores = np.zeros(len(self.chunks), dtype=np.float32)
        if query.stems:
            keyword_scores = self.version.keyword.scores(list(query.stems))
        allowed = self._allowed(doc_types)
        if query.elsewhere:
            allowed[self._rows_of_elsewhere(query.elsewhere)] = False
        if vector is None:
            vector = self.vectors([query])[0]
        keyword_ranked = _ranked(keyword_scores, allowed)
        dense_ranked, dense_of = self.dense_ranking(vector, allowed, keyword_scores)
        fused = self._fuse(keyword_ranked, dense_ranked)
        if named and fused:
            fused |= self._named_candidates(named, allowed, keyword_scores, dense_of, fused)
        # A clause asking when a named regulation was enacted (who signed it, which gazette
        # holds it) is answered by that regulation's closing, whatever else shares its words.
        # So is a clause asking why a named regulation was made by its preamble.
        first = [
            row for row in self._closing_rows(query) + self._preamble_rows(query) if allowed[row]
        ]
        if first and fused:
            fused |= {row: min(fused.values()) for row in first if row not in fused}
        if not fused:
            return []
        dense_scores = dense_of(list(fused))
        best = max(fused.values())
        numbers = calibration.shared()
        # The question's stems each candidate holds, with their IDF; coverage is their share of
        # the question's IDF, where a stem the corpus never uses weighs the most.
        asked = set(query.stems)
        total = sum(self.vocabulary.weight(t) for t in asked)
        shared = self.vocabulary.shared(fused, asked)
        coverage = {i: sum(shared[i].values()) / total if total else 0.0 for i in fused}
        top_dense = max(dense_scores[i] for i in fused)
        base = {
            i: fused[i] / best
            + numbers.coverage_weight * coverage[i]
            + (numbers.named_document_bonus if self.chunks[i].doc_id in named else 0.0)
            for i in fused
        }
        ranked = {i: base[i] + self.dense_weight * (dense_scores[i] - top_dense) for i in fused}
        order = self._distinct(sorted(ranked, key=lambda i: (i not in first, -ranked[i])), k)
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
                    dense=dense_scores[index],
                    keyword=float(keyword_scores[index]),
                    coverage=coverage[index],
                    base=base[index],
                    named=chunk.doc_id in named,
                    shared=shared[index],
                )
            )
        return hits

    def _named_candidates(
        self,
        named: frozenset[str],
        allowed: np.ndarray,
        keyword_scores: np.ndarray,
        dense_of: Callable[[list[int]], dict[int, float]],
        fused: dict[int, float],
    ) -> dict[int, float]:
        """A question naming a regulation is about it, even when its other words are common
        ("Kapan Perban BSSN 8/2020 ditetapkan?") and none of its passages is among the
        candidates: the named documents' passages are ranked among themselves too. Those not
        found already join below every candidate found, in their own order; the bonus for
        being named and the question's words then rank them."""
        rows = self.chunks.rows_of(named)
        rows = rows[allowed[rows]]
        wanted = int(calibration.shared().candidates)
        closest = dense_of(rows.tolist())
        by_meaning = sorted(closest.items(), key=lambda item: (-item[1], item[0]))[:wanted]
        words = keyword_scores[rows]
        best_words = np.argsort(-words, kind="stable")[:wanted]
        by_words = [(int(rows[i]), float(words[i])) for i in best_words]
        own = self._fuse(by_words, by_meaning)
        new = {i: score for i, score in own.items() if i not in fused}
        if not new:
            return {}
        scale = min(fused.values()) / max(new.values())
        return {i: score * scale for i, score in new.items()}

    def closings(self, query: Query) -> list[Chunk]:
        """The closings (Penutup) of the regulations the question names itself, when it asks
        what a closing says; asked when one takes effect, first the provision of its last pasal
        saying so ("mulai berlaku pada tanggal diundangkan"), which tells which date applies."""
        closings = [self.chunks[row] for row in self._closing_rows(query)]
        if not query.asks_in_force:
            return closings
        in_force = []
        for closing in closings:
            if last := self.pasal_of(closing.doc_id)[-1:]:
                provision = self.provision(closing.doc_id, last[0])
                in_force += [c for c in provision if _says_in_force(c.text)]
        return in_force + closings

    def _closing_rows(self, query: Query) -> list[int]:
        if not query.asks_closing:
            return []
        return [row for _, row in self._own_units(query, "Penutup")]

    def _own_units(self, query: Query, kind: str) -> list[tuple[int, int]]:
        """(year, row) of the unit of this kind ("Penutup", "Konsiderans") of each regulation
        the question names itself."""
        found = []
        for doc_id in sorted(query.named_directly):
            meta = self.version.documents[doc_id]
            row = (
                self.chunks.row_of_citation(f"{kind} {meta.short_name}")
                if meta.short_name
                else None
            )
            if row is not None and self.chunks[row].doc_id == doc_id:
                found.append((meta.tahun or 0, row))
        return found

    def _preamble_rows(self, query: Query) -> list[int]:
        """The preamble (Konsiderans) of the latest regulation the question names, when it asks
        why one was made: of "UU 23/2014 diubah lewat UU 9/2015" or "PP 12/2017 dibuat untuk
        melaksanakan UU 23/2014", the later one's, since a preamble only speaks of earlier
        law."""
        if not query.asks_preamble:
            return []
        held = self._own_units(query, "Konsiderans")
        latest = max((year for year, _ in held), default=None)
        return [row for year, row in held if year == latest]

    def dense_ranking(self, vector: np.ndarray, allowed: np.ndarray, keyword: np.ndarray):
        """The dense candidates as a ranking (row, score), and the exact cosine of any rows.

        An exact index scores every chunk, as on a small corpus. An approximate one returns
        `oversample` times the candidates needed; the chunks the keyword side ranks best are
        added (a passage sharing the question's words is often its nearest vector, and the ANN
        misses some), and all are rescored exactly from the stored vectors."""
        dense, wanted = self.version.dense, int(calibration.shared().candidates)
        if dense.exact:
            scores, ids = dense.search(vector, dense.ntotal)
            every = np.zeros(dense.ntotal, dtype=np.float32)
            found = ids[0] >= 0  # deleted rows are not returned
            every[ids[0][found]] = scores[0][found]
            return _ranked(every, allowed), lambda rows: {i: float(every[i]) for i in rows}
        vectors = self.version.vectors

        def exact(rows: list[int]) -> dict[int, float]:
            ordered = sorted(rows)
            scores = vectors[ordered] @ vector[0] if ordered else []
            return {row: float(score) for row, score in zip(ordered, scores, strict=True)}

        more = wanted * int(dense_settings()["oversample"])
        _, ids = dense.search(vector, more)
        by_keyword = np.argpartition(-keyword, more)[:more] if len(keyword) > more else []
        found = {int(i) for i in (*ids[0], *by_keyword) if i >= 0 and allowed[i]}
        scores = exact(list(found))
        ranked = sorted(found, key=lambda row: (-scores[row], row))[:wanted]
        return [(row, scores[row]) for row in ranked], exact

    def _rows_of_elsewhere(self, doc_ids: frozenset[str]) -> np.ndarray:
        rows = self._rows_elsewhere.get(doc_ids)
        if rows is None:
            if len(self._rows_elsewhere) >= ELSEWHERE_SETS:
                self._rows_elsewhere.clear()
            rows = self._rows_elsewhere[doc_ids] = self.chunks.rows_of(doc_ids)
        return rows

    def _distinct(self, rows: list[int], k: int) -> list[int]:
        """The first `k` of the ranked rows, each provision once: a regulation held twice (the
        team's text and the official one an admin added) would otherwise fill the places of
        the passages that answer the question's other parts."""
        kept: list[int] = []
        shown: list[tuple[Chunk, DocumentMeta]] = []
        for row in rows:
            if len(kept) == k:
                break
            chunk = self.chunks[row]
            meta = self.version.documents[chunk.doc_id]
            if not any(same_provision(*other, chunk, meta) for other in shown):
                kept.append(row)
                shown.append((chunk, meta))
        return kept

    def _allowed(self, doc_types: set[str] | None) -> np.ndarray:
        # Live chunks only: a later version may have replaced or removed some.
        return self.chunks.allowed(doc_types)

    @staticmethod
    def _fuse(*rankings: list[tuple[int, float]]) -> dict[int, float]:
        """Reciprocal rank fusion; a candidate with no score of its kind keeps its rank but
        adds nothing."""
        fused: dict[int, float] = {}
        numbers = calibration.shared()
        for ranking in rankings:
            for rank, (index, score) in enumerate(ranking):
                if np.isfinite(score) and score > 0:
                    fused[index] = fused.get(index, 0.0) + 1.0 / (numbers.rrf_k + rank + 1)
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
        return self.chunks.provision(doc_id, pasal)

    def pasal_of(self, doc_id: str) -> list[str]:
        """The pasal numbers one regulation's text holds."""
        return self.chunks.pasal_of(doc_id)

    def explanation_for(self, chunk: Chunk) -> Chunk | None:
        """The Penjelasan chunk for this pasal/ayat, if the regulation explains it: that of the
        chunk's own text of the regulation first, else that of another text of it (the team's
        summary of a law may leave out the Penjelasan its official text holds)."""
        name = self.version.documents[chunk.doc_id].short_name
        if not name or not chunk.pasal:
            return None
        # That of the ayat first, then that of the whole pasal.
        wanted = (chunk.ayat, None) if chunk.ayat else (None,)
        own = self.chunks.explanations(chunk.doc_id, chunk.pasal)
        for ayat in wanted:
            if found := next((e for e in own if e.ayat == ayat), None):
                return found
        base = f"Penjelasan {name} Pasal {chunk.pasal}"
        for ayat in wanted:
            index = self.chunks.row_of_citation(f"{base} ayat ({ayat})" if ayat else base)
            if index is not None:
                return self.chunks[index]
        return None

    def by_citation(self, citation: str) -> Chunk | None:
        """A chunk by its exact citation, else the first chunk whose citation extends it."""
        index = self.chunks.row_of_citation(citation)
        if index is None:
            index = self.chunks.first_extending(citation)
        return None if index is None else self.chunks[index]


def clause_mean(texts: list[str], vectors: np.ndarray) -> np.ndarray:
    """The mean of the clauses' vectors, each weighted by the length of its text (the model
    pools tokens by their mean); not normalised."""
    weights = np.array([len(t) for t in texts], dtype=np.float32)
    return (weights / weights.sum()) @ vectors


def clause_texts(clauses: list[Query]) -> list[str]:
    """What the model embeds for the clauses of a question: each as typed, after only the words
    it does not spell itself. A clause is the question again, in pieces: its words read twice
    would double the model's time for every question that asks several things, and did not
    change what was found (training split: the same verdicts, one citation more)."""
    return [_dense_text(clause, doubled=False) for clause in clauses]


def _doubled(query: Query) -> bool:
    """Whether the question is embedded after its words as analysis read them. A longer one
    only when analysis read some of its words otherwise than typed (chat spellings, typos, a
    translation): the model misreads those, and its clauses alone lose what the whole says."""
    numbers = calibration.shared()
    if len(query.search_text) <= numbers.doubled_words_up_to_chars:
        return True
    return len(query.search_text) <= numbers.doubled_reread_up_to_chars and bool(_reread(query))


def _reread(query: Query) -> list[str]:
    """The words analysis read that the question does not spell itself, in order."""
    typed = set(index_words(query.search_text))
    return [w for w in dict.fromkeys(query.words) if w not in typed]


def read_as_clauses(query: Query) -> bool:
    """Whether the model reads only the question's clauses (`Retriever.question_vectors`): those
    of a long question, each long enough to carry its meaning. A short question (or a middling
    one typed in chat, `_doubled`) is read whole, its words twice; its clauses are often a few
    chat-typed words, whose mean loses what the whole says (training split: 3.1 % false
    declines on the shipped corpus, against 2.3 %). A question asking one thing after telling
    its setting is read whole too, its one part (the sentence asking) beside it. Reading the
    setting apart instead (one piece of the mean, out of the first clause, for every question
    telling one) moved decisions the answerability model was fitted on (training: false
    declines 1.9 -> 3.1 % on the shipped corpus)."""
    return len(query.parts) > 1 and not _doubled(query)


def _dense_text(query: Query, doubled: bool) -> str:
    """What the model embeds: a question after its content words as analysis read them
    (translated, repaired, chat spellings in standard form), so the vector leans on them; or,
    not `doubled`, as typed after only the words it does not spell itself: its own words again
    would double what the model reads, and the model's time grows with every token. "As
    typed" with its chat spellings written out (`Query.standard_text`)."""
    if doubled:
        return " ".join(query.words) + " " + query.standard_text
    return " ".join([*_reread(query), query.standard_text])


def _ranked(scores: np.ndarray, allowed: np.ndarray) -> list[tuple[int, float]]:
    """The best `candidates` rows of the allowed ones, best first, with their scores (-inf for
    a row not allowed). Every score is sorted (stably: tied rows stay in row order, on any
    numpy) up to `ranking.full_sort_up_to` rows; above that the best are partitioned out first."""
    wanted = int(calibration.shared().candidates)
    masked = np.where(allowed, scores, -np.inf)
    if len(masked) <= yaml_data(SCALE_FILE)["ranking"]["full_sort_up_to"] or len(masked) <= wanted:
        order = np.argsort(-masked, kind="stable")[:wanted]
    else:
        best = np.argpartition(-masked, wanted)[:wanted]
        order = best[np.argsort(-masked[best], kind="stable")]
    return [(int(i), float(masked[i])) for i in order]


def _says_in_force(text: str) -> bool:
    """Whether a provision says when its regulation takes effect (asisten/data/tanya_penutup.yaml)."""
    return bool(re.search(yaml_data(CLOSING_ASK_FILE)["in_force_provision"], text.lower()))
