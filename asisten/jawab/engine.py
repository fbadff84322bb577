"""The engine the CLI and the Slack bot share: one loaded index, one embedder, answers.

A newly published index version is picked up by `refresh()` (called before each answer) without
a restart; a question already being answered keeps the version it started with.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from asisten.config import Settings
from asisten.indeks.embedder import Embedder, create_embedder
from asisten.indeks.store import IndexStore, IndexVersion
from asisten.jawab.answer import Answer
from asisten.jawab.llm import LlmRewriter
from asisten.jawab.pipeline import Pipeline
from asisten.jawab.retrieval import Retriever
from asisten.kb.corrections import RelationCorrections


@dataclass(frozen=True)
class ProvisionText:
    citation: str
    title: str
    url: str | None
    text: str


@dataclass
class _Loaded:
    version: IndexVersion
    pipeline: Pipeline
    # The admin's relation corrections the pipeline was given (their file's stamp).
    corrections: int | None = None


class Engine:
    def __init__(
        self,
        settings: Settings,
        embedder_factory: Callable[[str], Embedder] = create_embedder,
    ) -> None:
        self.settings = settings
        self.store = IndexStore(settings.index_dir)
        self._embedder_factory = embedder_factory
        self._embedders: dict[str, Embedder] = {}
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self.corrections = RelationCorrections(settings.home)
        self._rewriter = (
            LlmRewriter(
                settings.llm_url, settings.llm_model, settings.llm_api_key,
                settings.prompts_dir, settings.llm_timeout_s,
            )
            if settings.llm_url
            else None
        )  # fmt: skip
        self.refresh()

    @property
    def version(self) -> IndexVersion:
        return self._current().version

    @property
    def pipeline(self) -> Pipeline:
        return self._current().pipeline

    @property
    def retriever(self) -> Retriever:
        return self._current().pipeline.retriever

    def refresh(self) -> bool:
        """Load the published version if it is not the one in memory, and an admin's newer
        relation corrections. True if the version changed."""
        name = self.store.current_name()
        stamp = self.corrections.stamp()
        loaded = self._loaded
        if loaded is not None and loaded.version.name == name:
            if loaded.corrections != stamp:
                with self._lock:
                    loaded.pipeline.correct_relations(self.corrections.load())
                    loaded.corrections = stamp
            return False
        with self._lock:
            if self._loaded is not None and self._loaded.version.name == name:
                return False
            version = self.store.load(name)
            embedder = self._embedder(version.manifest["model"])
            pipeline = Pipeline(
                version, embedder, self.settings.prompts_dir, self.settings.top_k,
                self.corrections.load(), self.settings.home_regions,
            )  # fmt: skip
            self._loaded = _Loaded(version, pipeline, stamp)
            return True

    def answer(self, question: str, doc_types: set[str] | None = None) -> Answer:
        started = time.perf_counter()
        self.refresh()
        loaded = self._current()  # this question finishes on this version whatever happens
        answer = loaded.pipeline.answer(question, doc_types)
        if self._rewriter is not None:
            answer = self._rewriter.rewrite(answer)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def provision_text(self, doc_id: str, pasal: str) -> ProvisionText | None:
        """The whole pasal (every ayat) of one regulation in the current index, if it is there."""
        self.refresh()
        loaded = self._current()
        meta = loaded.version.documents.get(doc_id)
        chunks = loaded.pipeline.retriever.provision(doc_id, pasal)
        if meta is None or not chunks:
            return None
        text = "\n\n".join(dict.fromkeys(c.text.strip() for c in chunks))
        return ProvisionText(f"{meta.short_name} Pasal {pasal}", meta.title, meta.url, text)

    def related(self, query: str, doc_types: set[str], limit: int = 3) -> list[ProvisionText]:
        """The best documents of these types for a topic, one entry per document (or per
        provision for regulations): help while drafting, not an answer."""
        self.refresh()
        loaded = self._current()
        hits = loaded.pipeline.search(query, k=limit * 4, doc_types=doc_types)
        found: dict[str, ProvisionText] = {}
        for hit in hits:
            key = hit.chunk.citation if hit.meta.doc_type == "regulasi" else hit.chunk.doc_id
            if key not in found and hit.coverage > 0:
                label = hit.chunk.citation if hit.meta.doc_type == "regulasi" else hit.meta.title
                found[key] = ProvisionText(label, hit.meta.title, hit.meta.url, hit.chunk.text)
        return list(found.values())[:limit]

    def _current(self) -> _Loaded:
        if self._loaded is None:
            self.refresh()
        assert self._loaded is not None
        return self._loaded

    def _embedder(self, model: str) -> Embedder:
        if model not in self._embedders:
            self._embedders[model] = self._embedder_factory(model)
        return self._embedders[model]
