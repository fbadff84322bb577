"""The on-disk format of a version: opened lazily (SQLite chunks, memory-mapped vectors and
keyword scores) and answering exactly as the in-memory structures it replaced; older formats
are rebuilt, never crashed on."""

from __future__ import annotations

import json
import math

import bm25s
import numpy as np
import pytest

from asisten.errors import IndexFormatError
from asisten.indeks import text
from asisten.indeks.chunk_table import ChunkTable
from asisten.indeks.store import IndexStore
from asisten.jawab.analysis import Analyser
from asisten.jawab.retrieval import Retriever
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb.loaders import iter_files, load_paths
from tests.conftest import CORPUS, build_with

QUESTIONS = [
    "Apa yang dimaksud dengan inovasi daerah?",
    "siapa yang menilai inovasi daerah",
    "bagaimana cara mengusulkan inovasi",
    "pelayanan publik berbasis elektronik",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from asisten.indeks.embedder import HashingEmbedder

    store = IndexStore(tmp_path_factory.mktemp("format") / "indeks")
    paths = [CORPUS / "regulasi", CORPUS / "faq"]
    build_with(store, paths, HashingEmbedder(128))
    report = load_paths(iter_files(paths), 25 * 2**20, {})
    chunks = [c for d in report.documents for c in d.chunks]
    metas = {d.meta.doc_id: d.meta for d in report.documents}
    return store, chunks, metas


def _tokens(chunks, metas):
    return [text.tokens(c.search_text(metas[c.doc_id])) or ["_"] for c in chunks]


def test_a_version_opens_lazily(built):
    store, chunks, _ = built
    version = store.load()
    assert isinstance(version.chunks, ChunkTable)
    assert isinstance(version.vectors, np.memmap)
    assert isinstance(version.keyword.bm25.scores["data"], np.memmap)
    assert len(version.chunks) == len(chunks) == version.dense.ntotal
    assert [c.as_dict() for c in version.chunks] == [c.as_dict() for c in chunks]
    assert version.chunks[-1].as_dict() == chunks[-1].as_dict()


def test_keyword_scores_are_bm25s_own(built):
    store, chunks, metas = built
    reference = bm25s.BM25()
    reference.index(_tokens(chunks, metas), show_progress=False)
    keyword = store.load().keyword
    for question in QUESTIONS:
        stems = text.tokens(question) + ["tidakadakata"]
        assert np.array_equal(keyword.scores(stems), reference.get_scores(stems))


def test_vocabulary_matches_token_sets(built):
    store, chunks, metas = built
    version = store.load()
    sets = [set(t) for t in _tokens(chunks, metas)]
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    frequencies: dict[str, int] = {}
    for tokens in sets:
        for token in tokens:
            frequencies[token] = frequencies.get(token, 0) + 1
    assert vocabulary.idf == {t: math.log(1 + len(sets) / d) for t, d in frequencies.items()}
    asked = {"inovasi", "daerah", "nilai", "tidakadakata"}
    rows = [7, 0, 120, 55, len(sets) - 1]
    expected = {i: {t: vocabulary.idf[t] for t in asked if t in sets[i]} for i in rows}
    assert vocabulary.shared(rows, asked) == expected


def test_lookups_match_a_scan_of_every_chunk(built):
    store, chunks, _ = built
    version = store.load()
    retriever = Retriever(version, None, Vocabulary(version.keyword, version.vocabulary))
    by_citation = {c.citation: c for c in chunks}
    for chunk in chunks[::7]:
        assert retriever.by_citation(chunk.citation) == by_citation[chunk.citation]
        if chunk.pasal and chunk.kind not in ("penjelasan", "faq"):
            expected = [
                c for c in chunks if (c.doc_id, c.pasal) == (chunk.doc_id, chunk.pasal)
                and c.kind not in ("penjelasan", "faq")
            ]  # fmt: skip
            assert retriever.provision(chunk.doc_id, chunk.pasal) == expected
    prefix = "PP 38/2017 Pasal 2"
    first = next(c for c in chunks if c.citation.startswith(prefix + " ") and c.kind != "faq")
    assert retriever.by_citation(prefix) == (by_citation.get(prefix) or first)


def test_approximate_search_finds_what_exact_search_finds(tmp_path, built, data_file):
    """IVF probing every list must rank as the exact index does: candidates rescored exactly."""
    from asisten.indeks.embedder import HashingEmbedder

    exact_store, _, _ = built
    data_file("skala.yaml", (
        "dense: {exact_up_to: 10, oversample: 4,\n"
        "  ivf: {lists_per_sqrt: 0.2, probe_share: 1.0, train_per_list: 40, codes: Flat}}\n"
        "ranking: {full_sort_up_to: 100000}\n"
        "ingest: {parallel_from_files: 200, workers: 0, embed_batch: 32, gpu_batch: 256}\n"
    ))  # fmt: skip
    store = IndexStore(tmp_path / "indeks")
    build_with(store, [CORPUS / "regulasi", CORPUS / "faq"], HashingEmbedder(128))
    assert store.current_manifest()["dense"]["kind"] == "ivf"
    results = []
    for version in (exact_store.load(), store.load()):
        vocabulary = Vocabulary(version.keyword, version.vocabulary)
        retriever = Retriever(version, HashingEmbedder(128), vocabulary)
        analyser = Analyser(vocabulary, version.documents)
        results.append(
            [
                [
                    (h.chunk.citation, round(h.dense, 5))
                    for h in retriever.search(analyser.analyse(q))
                ]
                for q in QUESTIONS
            ]
        )
    assert results[0] == results[1]


def test_an_older_format_is_rebuilt_reusing_its_vectors(tmp_path, fake_embedder):
    store = IndexStore(tmp_path / "indeks")
    paths = [CORPUS / "faq"]
    first = build_with(store, paths, fake_embedder)
    # Make the published version look like one written by format 1: hashes in the manifest.
    folder = store.versions_dir / first.version
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest.update(format=1, chunk_hashes=store.read_hashes(first.version))
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "hashes.npy").unlink()
    (folder / "vectors.npy").unlink()
    with pytest.raises(IndexFormatError, match="asisten indeks"):
        store.load()
    again = build_with(store, paths, fake_embedder)
    assert again.changed and again.embedded == 0 and again.reused == first.chunks
    assert len(store.load().chunks) == first.chunks
