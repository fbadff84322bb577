"""Replacing or removing a document publishes a version of deletion markers (and a small
segment for the new text) over the published segments, which are never written again: the old
text is gone from every read path, an older version still serves it, and past the deleted share
the next build is a merge answering as the segments did (a tier merge, when only small
segments are past it: tests/indeks/test_tiers.py)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from asisten.indeks import build as build_module
from asisten.indeks.embedder import HashingEmbedder, encode_query
from asisten.indeks.store import IndexStore
from asisten.jawab.analysis import Analyser
from asisten.jawab.engine import Engine
from asisten.jawab.retrieval import Retriever
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import CORPUS, build_with, make_settings

DOC = "perbup-zurbagan-7-2025"
FILE = f"{DOC}.md"
OLD = """---
tipe: regulasi
jenis: Perbup Zurbagan
nomor: "7"
tahun: 2025
judul: Inovasi Layanan Air Bersih Desa
status: berlaku
---

# Peraturan Bupati Zurbagan Nomor 7 Tahun 2025 tentang Inovasi Layanan Air Bersih Desa

### Pasal 1
Dinas menyediakan sambungan air bersih ke setiap rumah tangga desa melalui kios air komunal.

### Pasal 2
(1) Kios air komunal dikelola badan usaha milik desa.
(2) Tarif kios air komunal ditetapkan kepala desa setiap tahun.
"""
NEW = OLD.replace(
    "melalui kios air komunal.", "melalui tandon hujan bersama yang dirawat karang taruna."
)
OLD_QUESTION = "siapa yang mengelola kios air komunal"
NEW_QUESTION = "siapa yang merawat tandon hujan bersama"
SEGMENTS = "segments: {{max_segments: 8, tier_ratio: 1.0, max_small_share: 0.5, max_deleted_share: {share}}}\n"
IVF = (
    "dense: {exact_up_to: 10, oversample: 4,\n"
    "  ivf: {lists_per_sqrt: 0.2, probe_share: 0.5, train_per_list: 40, codes: SQ8}}\n"
)


@pytest.fixture(params=["eksak", "ivf"])
def settings(request, data_file):
    """The project's numbers, or a base segment searched by IVF (the new one stays exact)."""
    real = (
        build_module.Path(build_module.__file__).parent.parent / "data" / "skala.yaml"
    ).read_text()

    def serve(deleted_share: float = 0.5) -> None:
        text = real.split("\nsegments:")[0]
        if request.param == "ivf":
            text = IVF + text[text.index("\nranking:") :]
        data_file("skala.yaml", text + "\n" + SEGMENTS.format(share=deleted_share))

    serve()
    return serve


@pytest.fixture
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS / "regulasi", target / "regulasi")
    (target / "regulasi" / FILE).write_text(OLD)
    return target


def _open(store: IndexStore, name: str | None = None):
    version = store.load(name)
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    # The deployment serves Zurbagan, whose Perbup these tests index: its questions need not
    # name the regency.
    return Retriever(version, HashingEmbedder(128), vocabulary), Analyser(
        vocabulary, version.documents, home_regions=("Zurbagan",)
    )


def _texts(retriever: Retriever, rows) -> list[str]:
    return [retriever.chunks[int(row)].text for row in rows]


def _dense_top(retriever: Retriever, analyser: Analyser, question: str) -> list[str]:
    """The dense side alone: the index's own results, and the ranking search uses."""
    query = analyser.analyse(question)
    vector = encode_query(retriever.embedder, " ".join(query.words) + " " + query.search_text)
    _, ids = retriever.version.dense.search(vector, 5)
    nothing = np.zeros(len(retriever.chunks), dtype=np.float32)
    ranked, _ = retriever.dense_ranking(vector, retriever.chunks.allowed(), nothing)
    return _texts(retriever, ids[0][ids[0] >= 0]) + _texts(retriever, [r for r, _ in ranked[:5]])


def _keyword_top(retriever: Retriever, analyser: Analyser, question: str) -> list[str]:
    scores = retriever.version.keyword.scores(list(analyser.analyse(question).stems))
    return _texts(retriever, [row for row in np.argsort(-scores)[:5] if scores[row] > 0])


def _searched(retriever: Retriever, analyser: Analyser, question: str) -> list[str]:
    return [hit.chunk.text for hit in retriever.search(analyser.analyse(question))]


def test_a_replaced_document_serves_its_new_text_only(tmp_path, corpus, settings):
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / FILE).write_text(NEW)
    replaced = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert manifest["deleted"] == {first.version: [DOC]}
    assert manifest["segments"] == [first.version, replaced.version]
    assert replaced.chunks == first.chunks and manifest["document_count"] == first.documents
    retriever, analyser = _open(store)
    for found in (
        _dense_top(retriever, analyser, OLD_QUESTION),
        _keyword_top(retriever, analyser, OLD_QUESTION),
        _searched(retriever, analyser, OLD_QUESTION),
    ):
        assert not any("kios air komunal melalui" in t or "melalui kios" in t for t in found)
    for found in (
        _dense_top(retriever, analyser, NEW_QUESTION),
        _keyword_top(retriever, analyser, NEW_QUESTION),
        _searched(retriever, analyser, NEW_QUESTION),
    ):
        assert "tandon hujan bersama" in found[0]
    # Cited by its citation and by pasal: the new text, once.
    cited = retriever.by_citation("Perbup Zurbagan 7/2025 Pasal 1")
    assert cited is not None and "tandon hujan" in cited.text
    assert ["tandon hujan" in c.text for c in retriever.provision(DOC, "1")] == [True]
    assert retriever.pasal_of(DOC) == ["1", "2"]
    assert sum(c.doc_id == DOC for c in retriever.chunks) == 3
    # A question naming the document reads the rows of its new text only, in the later segment.
    rows = retriever.chunks.rows_of([DOC])
    assert len(rows) == 3 and all(retriever.chunks[int(r)].doc_id == DOC for r in rows)
    assert "tandon hujan" in retriever.chunks[int(rows[0])].text
    # An unchanged document is served as before.
    assert retriever.by_citation("PP 38/2017 Pasal 1") is not None


def test_rollback_serves_the_old_text_again(tmp_path, corpus, settings):
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / FILE).write_text(NEW)
    build_with(store, [corpus], HashingEmbedder(128))
    store.set_current(first.version)
    retriever, analyser = _open(store)
    assert any(
        "melalui kios air komunal" in t for t in _searched(retriever, analyser, OLD_QUESTION)
    )
    assert (
        "melalui kios air komunal" in retriever.by_citation("Perbup Zurbagan 7/2025 Pasal 1").text
    )
    assert not any("tandon" in t for t in _keyword_top(retriever, analyser, NEW_QUESTION))


def test_a_removed_document_is_gone_from_answers_lookups_and_listings(tmp_path, corpus, settings):
    home = tmp_path / "home"
    store = IndexStore(make_settings(home).index_dir)
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / FILE).unlink()
    removed = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    # No new segment: the version holds the deletion alone.
    assert manifest["segments"] == [first.version] and manifest["deleted"] == {first.version: [DOC]}
    assert removed.embedded == 0 and removed.chunks == first.chunks - 3
    assert DOC not in manifest["documents"] and manifest["document_count"] == first.documents - 1
    version = store.load()
    assert DOC not in version.documents and all(c.doc_id != DOC for c in version.chunks)
    retriever, analyser = _open(store)
    assert retriever.by_citation("Perbup Zurbagan 7/2025 Pasal 1") is None
    assert retriever.provision(DOC, "1") == [] and retriever.pasal_of(DOC) == []
    assert _keyword_top(retriever, analyser, OLD_QUESTION) == [] or not any(
        "kios air komunal" in t for t in _keyword_top(retriever, analyser, OLD_QUESTION)
    )
    assert not any("kios air komunal" in t for t in _dense_top(retriever, analyser, OLD_QUESTION))
    # The words only the removed document used are unknown again.
    assert "kios" not in version.vocabulary and not analyser.vocabulary.knows("kios")
    engine = Engine(make_settings(home), embedder_factory=lambda name: HashingEmbedder(128))
    for question in (OLD_QUESTION, "Apa isi Pasal 1 Perbup Zurbagan 7 Tahun 2025?"):
        answer = engine.answer(question)
        assert all(source.doc_id != DOC for source in answer.sources)
        assert "kios air komunal" not in answer.text


def test_a_replacement_reads_and_embeds_only_what_changed(tmp_path, corpus, settings, files_read):
    store = IndexStore(tmp_path / "indeks")
    embedder = _Recording(128)
    first = build_with(store, [corpus], embedder)
    files_read.clear()
    embedder.texts.clear()
    # Pasal 1 changes; Pasal 2's two ayat do not.
    (corpus / "regulasi" / FILE).write_text(NEW)
    replaced = build_with(store, [corpus], embedder)
    assert files_read == [FILE]
    assert replaced.embedded == 1 and replaced.reused == 2
    assert len(embedder.texts) == 1 and "tandon hujan bersama" in embedder.texts[0]
    assert replaced.chunks == first.chunks


def test_past_the_deleted_share_the_build_merges_and_answers_the_same(tmp_path, corpus, settings):
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    # One replacement fits under the share, the second does not.
    settings(deleted_share=4.5 / first.chunks)
    (corpus / "regulasi" / FILE).write_text(NEW)
    segmented = build_with(store, [corpus], HashingEmbedder(128))
    assert store.current_manifest()["deleted_chunks"] == 3
    questions = [OLD_QUESTION, NEW_QUESTION, "siapa yang menilai inovasi daerah", "tarif air desa"]
    before = _answers(store, questions)
    # Asked for (`asisten indeks --gabung`), the merge answers as the segments did.
    merged = build_with(store, [corpus], HashingEmbedder(128), merge=True)
    assert "segments" not in store.current_manifest() and merged.embedded == 0
    assert _answers(store, questions) == before
    store.set_current(segmented.version)
    # Past the share with the small segment's deleted rows (the big one's stay under it): a
    # tier merge drops those and keeps the big segment's markers (tests/indeks/test_tiers.py).
    (corpus / "regulasi" / FILE).write_text(OLD)
    again = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert manifest["segments"] == [first.version, again.version] and again.merged == 1
    assert manifest["deleted"] == {first.version: [DOC]} and manifest["deleted_chunks"] == 3
    assert again.embedded == 1 and again.chunks == first.chunks
    retriever, analyser = _open(store)
    assert any(
        "melalui kios air komunal" in t for t in _searched(retriever, analyser, OLD_QUESTION)
    )


def _answers(store: IndexStore, questions: list[str]) -> list[list[str]]:
    retriever, analyser = _open(store)
    return [
        [h.chunk.citation for h in retriever.search(analyser.analyse(q), k=3)] for q in questions
    ]


class _Recording(HashingEmbedder):
    """The hashing embedder, remembering what it was asked to embed."""

    def __init__(self, dimension: int) -> None:
        super().__init__(dimension)
        self.texts: list[str] = []

    def encode(self, texts, *args, **kwargs):
        self.texts.extend(texts)
        return super().encode(texts, *args, **kwargs)
