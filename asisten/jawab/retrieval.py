"""Hybrid retrieval over one index version: dense (FAISS) + keyword (BM25), fused by rank.

Rank fusion forgets how much closer in meaning one passage is than another, so the model's
calibrated `dense_weight` adds the cosine gap to the closest passage back into the ranking.

Each hit also gets a *coverage* score: the IDF-weighted share of the question's content words
found in the chunk. Words the corpus has never seen weigh the most, so a question about a topic
the corpus does not cover ("cuti melahirkan") scores low however close its vectors look.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from asisten.indeks import text
from asisten.indeks.embedder import Embedder, encode_query
from asisten.indeks.store import IndexVersion
from asisten.jawab.calibration import calibration_for
from asisten.jawab.query import ProvisionRef, RegulationMention, find_regulations
from asisten.jawab.spelling import Speller
from asisten.kb.models import Chunk, DocumentMeta

RRF_K = 60
CANDIDATES = 40
# Final ranking mixes the fused rank score (scaled to the best) with coverage, so a chunk that
# contains every word of the question beats one that is merely close in vector space.
COVERAGE_WEIGHT = 2.0
# A question that names a regulation ("menurut UU 25/2009") or a best-practice case ("Lapor
# Sleman") is about it: its chunks get this bonus, larger than the cosine-gap term of passages
# up to 0.05 closer in meaning, and a named regulation ("undang undang 25 2009") is not a
# content word.
NAMED_DOCUMENT_BONUS = 2.0
_DEFINITION_QUESTION = re.compile(
    r"^\s*(apa\s+(itu|yang\s+dimaksud|arti|maksud|pengertian)|pengertian|definisi|arti|"
    r"what\s+(is|are)\s+(meant|the\s+(meaning|definition))|define)\b",
    re.IGNORECASE,
)


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


@dataclass
class QueryTerms:
    words: list[str]
    stems: list[str]
    repaired: dict[str, str] = field(default_factory=dict)
    # The question is in English. Its English words the corpus does not use and the glossary
    # does not translate ("inaugurated") are set aside: they say the question is English, not
    # that its topic is foreign, so they count neither as unknown words nor against coverage.
    english: bool = False
    untranslated: list[str] = field(default_factory=list)
    # An English question's capitalised words inside a sentence ("Singapore", "Sragen").
    names: set[str] = field(default_factory=set)


class Retriever:
    def __init__(self, version: IndexVersion, embedder: Embedder) -> None:
        self.version = version
        self.embedder = embedder
        self.dense_weight = calibration_for(version.manifest.get("model", "")).dense_weight
        self.chunks = version.chunks
        self._token_sets = [set(t) for t in version.tokens]
        df: dict[str, int] = {}
        for tokens in self._token_sets:
            for token in tokens:
                df[token] = df.get(token, 0) + 1
        n = max(1, len(self.chunks))
        self._idf = {t: math.log(1 + n / d) for t, d in df.items()}
        self._max_idf = math.log(1 + n)
        self._speller = Speller(version.vocabulary, self._known)
        self._by_citation = {c.citation: i for i, c in enumerate(self.chunks)}
        # Answers quote whole short pasal, so a pasal's ayat are looked up on every question.
        self._by_pasal: dict[tuple[str, str], list[Chunk]] = {}
        for chunk in self.chunks:
            if chunk.pasal and chunk.kind not in ("penjelasan", "faq"):
                self._by_pasal.setdefault((chunk.doc_id, chunk.pasal), []).append(chunk)
        self._names = {doc_id: _document_names(meta) for doc_id, meta in version.documents.items()}

    # -- query terms ------------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        return word.isdigit() or text.stem(word) in self._idf

    def query_terms(self, question: str) -> QueryTerms:
        """Content words with typos repaired against the corpus vocabulary; an English
        question's words translated by the glossary first."""
        english = text.is_english_text(question)
        names = _proper_names(question) if english else set()
        repaired: dict[str, str] = {}
        words: list[str] = []
        untranslated: list[str] = []
        for word in text.content_words(question):
            reading = self._read_english(word, names) if english else None
            if reading is not None:
                words += reading
                if not reading:
                    untranslated.append(word)
                continue
            # Chat spelling from the colloquial lexicon first ("lgsg" → "langsung", "kadis"
            # → "kepala dinas"), then typos against the corpus.
            pieces = [word] if self._known(word) else text.colloquial(word)
            for piece in pieces:
                fixed = self._speller.repair(piece)
                if fixed in text.STOPWORDS or (len(fixed) <= 2 and not self._known(fixed)):
                    continue  # "knp" → "kenapa"; chat particles ("tu", "eh") carry no topic
                if fixed != word:
                    repaired[word] = fixed if len(pieces) == 1 else " ".join(pieces)
                words.append(fixed)
        stems = [text.stem(w) for w in words]
        return QueryTerms(words, stems, repaired, english, untranslated, names)

    def _read_english(self, word: str, names: set[str]) -> list[str] | None:
        """An English question's word as corpus words: its translation by the glossary
        ("piloting" → "uji coba"; the word stays beside it when the corpus uses it too), [] to
        set it aside, or None to read it like any other word. An English word the corpus and the
        glossary lack is set aside unless it is a name ("Berlin", "US"): a name is the topic."""
        if translated := text.translate_english(word):
            return ([word] if self._known(word) else []) + translated
        if self._known(word) or not text.is_english_word(word) or word in names:
            return None
        return []

    # -- search -----------------------------------------------------------------------------
    def search(
        self, question: str, k: int = 5, doc_types: set[str] | None = None
    ) -> tuple[list[Hit], QueryTerms]:
        if _DEFINITION_QUESTION.match(question):
            question = f"{question} pengertian definisi"
        named: set[str] = set()
        # From the end, so earlier offsets stay valid. A regulation we hold is named, and its
        # name ("undang undang 25 2009") is no content word.
        for mention in reversed(find_regulations(question)):
            if documents := self._documents_named_by(mention):
                named |= documents
                question = question[: mention.start] + " " + question[mention.end :]
        terms = self.query_terms(question)
        # An English question may keep no word after translation and still be searched by
        # meaning, and by the document it names ("... the Siola mall?").
        if not (terms.stems or terms.untranslated) or not self.chunks:
            return [], terms
        named |= self._named_by_words(terms)
        keyword_scores = np.zeros(len(self.chunks), dtype=np.float32)
        if terms.stems:
            keyword_scores = np.asarray(
                self.version.keyword.get_scores(terms.stems), dtype=np.float32
            )
        dense_scores = self._dense_scores(" ".join(terms.words) + " " + question)
        allowed = self._allowed(doc_types)
        fused = self._fuse(keyword_scores, dense_scores, allowed)
        if not fused:
            return [], terms
        best = max(fused.values())
        # The question's stems each candidate holds, with their IDF; coverage is their share of
        # the question's IDF, where a stem the corpus never uses weighs the most.
        asked = set(terms.stems)
        total = sum(self._idf.get(t, self._max_idf) for t in asked)
        shared = {i: {t: self._idf[t] for t in asked if t in self._token_sets[i]} for i in fused}
        coverage = {i: sum(shared[i].values()) / total if total else 0.0 for i in fused}
        top_dense = max(float(dense_scores[i]) for i in fused)
        base = {
            i: fused[i] / best
            + COVERAGE_WEIGHT * coverage[i]
            + (NAMED_DOCUMENT_BONUS if self.chunks[i].doc_id in named else 0.0)
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
        return hits, terms

    def _documents_named_by(self, mention: RegulationMention) -> set[str]:
        return {
            doc_id
            for doc_id, meta in self.version.documents.items()
            if meta.doc_type == "regulasi"
            and mention.matches_document(meta.jenis, meta.nomor, meta.tahun)
        }

    def _named_by_words(self, terms: QueryTerms) -> set[str]:
        """Documents the question names in words: a best-practice case in full ("lapor sleman",
        "kemitraan bidan dan dukun aceh singkil"; a place alone, "ke Jakarta", names none), or
        any document by one of its other names ("UU Pelayanan Publik", "Siola")."""
        asked = set(terms.stems) | {text.stem(word) for word in terms.untranslated}
        return {
            doc_id for doc_id, names in self._names.items() if any(name <= asked for name in names)
        }

    def unknown_terms(self, terms: QueryTerms) -> list[str]:
        """Question words the corpus never uses (after typo repair). The name of an Indonesian
        region the corpus happens not to mention ("Sumba", "Pontianak") is not one: every
        region is the product's audience, and its name is no foreign topic."""
        return [
            w
            for w, s in zip(terms.words, terms.stems, strict=True)
            if s not in self._idf and not text.is_indonesian_place(w)
        ]

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
        for scores in (keyword, dense):
            masked = np.where(allowed, scores, -np.inf)
            order = np.argsort(-masked)[:CANDIDATES]
            for rank, index in enumerate(order):
                if np.isfinite(masked[index]) and scores[index] > 0:
                    fused[int(index)] = fused.get(int(index), 0.0) + 1.0 / (RRF_K + rank + 1)
        return fused

    # -- direct lookup ----------------------------------------------------------------------
    def lookup(self, ref: ProvisionRef, question: str = "") -> list[Chunk]:
        """Chunks of the named provision; if the regulation is not named, the best-matching one."""
        by_document: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            if chunk.pasal != ref.pasal or chunk.kind == "penjelasan":
                continue
            meta = self.version.documents[chunk.doc_id]
            if meta.doc_type != "regulasi" or not ref.matches_document(
                meta.jenis, meta.nomor, meta.tahun
            ):
                continue
            if ref.ayat and chunk.ayat and chunk.ayat not in (ref.ayat, *ref.also):
                continue
            by_document.setdefault(chunk.doc_id, []).append(chunk)
        if not by_document:
            return []
        if len(by_document) == 1:
            return next(iter(by_document.values()))
        ranked, _ = self.search(question, k=CANDIDATES, doc_types={"regulasi"})
        for hit in ranked:
            if hit.chunk.doc_id in by_document:
                return by_document[hit.chunk.doc_id]
        return by_document[sorted(by_document)[0]]

    def provision(self, doc_id: str, pasal: str) -> list[Chunk]:
        """Every chunk of one pasal of one regulation (its ayat in order), without Penjelasan."""
        return self._by_pasal.get((doc_id, pasal), [])

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


def _document_names(meta: DocumentMeta) -> list[frozenset[str]]:
    """The ways a document is named, as stem sets: the title of a case and its short name in
    parentheses ("Mal Pelayanan Publik Surabaya (MPP Siola)") when at least two words long, and
    every alias the team wrote, however short ("Siola", "UPTPK")."""
    names = []
    if meta.doc_type == "praktik-baik":
        main, _, short = meta.title.partition("(")
        names = [frozenset(text.tokens(part)) for part in (main, short.rstrip(")"))]
        names = [name for name in names if len(name) >= 2]
    names += [frozenset(text.tokens(alias)) for alias in meta.aliases]
    return [name for name in names if name]


_MID_SENTENCE_CAPITAL = re.compile(r"(?<![.?!:]\s)(?<!^)(?<![\"'(])\b[A-Z][A-Za-z]+")


def _proper_names(question: str) -> set[str]:
    """Capitalised words inside a sentence ("Berlin", "European", "US"): names, which say what
    an English question is about even when they are English words too."""
    return {match.lower() for match in _MID_SENTENCE_CAPITAL.findall(question.strip())}
