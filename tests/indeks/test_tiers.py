"""Past `max_segments` a change merges the small segments into one (a tier merge): the big
segment is left as it is, no file is read again, deleted rows of the small segments are gone,
and every question is answered with the same chunks and scores as by the segments it replaced.
A full build is still made past the big segment's deleted share, past the small share, and when
asked (`--gabung`)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import numpy as np
import pytest

from asisten.indeks import build as build_module
from asisten.indeks import tiers
from asisten.indeks.embedder import HashingEmbedder, encode_query
from asisten.indeks.store import IndexStore
from asisten.jawab.analysis import Analyser
from asisten.jawab.retrieval import Retriever
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import CORPUS, build_with

SEGMENTS = (
    "segments: {{max_segments: {most}, tier_ratio: 1.0, max_small_share: {small}, "
    "max_deleted_share: {deleted}}}\n"
)
TEMPLATE = """---
tipe: regulasi
jenis: Perbup {place}
nomor: "{number}"
tahun: 2025
judul: Layanan {topic} Desa
status: berlaku
---

# Peraturan Bupati {place} Nomor {number} Tahun 2025 tentang Layanan {topic} Desa

### Pasal 1
Dinas menyediakan {topic} bagi setiap rumah tangga desa melalui {means}.

### Pasal 2
(1) {means} dikelola badan usaha milik desa.
(2) Tarif {topic} ditetapkan kepala desa setiap tahun.
"""
DOCUMENTS = [
    ("Zurbagan", "air bersih", "kios air komunal"),
    ("Lorbang", "listrik surya", "panel surya bersama"),
    ("Tamerlan", "internet", "menara pemancar desa"),
    ("Kembara", "sampah", "bank sampah warga"),
    ("Sirandu", "pupuk", "gudang pupuk bersama"),
]
QUESTIONS = [
    "siapa yang mengelola kios air komunal",
    "tarif listrik surya desa",
    "bank sampah warga",
    "siapa yang menilai inovasi daerah",
    "pelayanan publik yang prima",
    "Apa isi Pasal 2 Perbup Lorbang 2 Tahun 2025?",
]


@pytest.fixture
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS / "regulasi", target / "regulasi")
    return target


@pytest.fixture
def limits(data_file):
    real = build_module.Path(build_module.__file__).parent.parent / "data" / "skala.yaml"

    def serve(most: int = 3, small: float = 0.5, deleted: float = 0.5) -> None:
        text = real.read_text().split("\nsegments:")[0] + "\n"
        data_file("skala.yaml", text + SEGMENTS.format(most=most, small=small, deleted=deleted))

    serve()
    return serve


def _write(corpus, n: int, means: str | None = None) -> None:
    place, topic, default = DOCUMENTS[n]
    text = TEMPLATE.format(place=place, number=n + 1, topic=topic, means=means or default)
    (corpus / "regulasi" / f"perbup-{place.lower()}-{n + 1}-2025.md").write_text(text)


def _changes(store: IndexStore, corpus) -> list:
    """Four additions and a replacement of the second one, each built and published."""
    results = [build_with(store, [corpus], HashingEmbedder(128))]
    for n in range(4):
        _write(corpus, n)
        results.append(build_with(store, [corpus], HashingEmbedder(128)))
    _write(corpus, 1, means="koperasi energi warga")
    results.append(build_with(store, [corpus], HashingEmbedder(128)))
    return results


def _answers(store: IndexStore):
    """Per question: the hits (chunk id, dense, keyword), and every live chunk's keyword score
    and cosine by chunk id."""
    version = store.load()
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    retriever = Retriever(version, HashingEmbedder(128), vocabulary)
    analyser = Analyser(vocabulary, version.documents)
    live = np.flatnonzero(version.chunks.allowed())
    ids = [version.chunks[int(row)].chunk_id for row in live]
    found = []
    for question in QUESTIONS:
        query = analyser.analyse(question)
        hits = [(h.chunk.chunk_id, h.dense, h.keyword) for h in retriever.search(query, k=8)]
        vector = encode_query(retriever.embedder, " ".join(query.words) + " " + query.search_text)
        keyword = version.keyword.scores(list(query.stems))[live]
        dense = np.asarray(version.vectors[live] @ vector[0])
        found.append((hits, dict(zip(ids, zip(keyword, dense, strict=True), strict=True))))
    return found


def _same(left, right) -> None:
    for (hits, scores), (other_hits, other_scores) in zip(left, right, strict=True):
        assert [h[0] for h in hits] == [h[0] for h in other_hits]
        for hit, same in zip(hits, other_hits, strict=True):
            assert hit[1:] == pytest.approx(same[1:], rel=1e-5, abs=1e-6)
        assert scores.keys() == other_scores.keys()
        for chunk_id, pair in scores.items():
            assert pair == pytest.approx(other_scores[chunk_id], rel=1e-5, abs=1e-6)


def _digest(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_past_max_segments_the_small_segments_become_one(tmp_path, corpus, limits, files_read):
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    base = _digest(store.versions_dir / first.version)
    for n in range(2):
        _write(corpus, n)
        build_with(store, [corpus], HashingEmbedder(128))
    assert len(store.segment_names(store.current_name())) == 3
    files_read.clear()
    _write(corpus, 2)
    merged = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert manifest["segments"] == [first.version, merged.version]
    assert merged.merged == 2 and merged.segments == 2 and merged.embedded == 3
    assert manifest["segment_chunks"] == 9 and manifest["dense"]["kind"] == "flat"
    # Only the added file was read; the big segment is untouched.
    assert files_read == ["perbup-tamerlan-3-2025.md"]
    assert _digest(store.versions_dir / first.version) == base
    # The merged segments stay on disk while a kept version reads them, then go.
    store.prune(keep=1)
    assert store.list_versions() == [first.version, merged.version]
    assert len(store.load().chunks) == first.chunks + 9


def test_a_tier_merge_answers_as_the_segments_did(tmp_path, corpus, limits):
    """The same changes twice: kept as six segments (one with deletions), and merged down to
    two on the way. Same hits, and the same keyword score and cosine for every live chunk. (The
    fused score of a hit may still move where exactly tied candidates deeper in a ranking are
    ordered differently: the rows are renumbered, and the ranking's sort is not stable.)"""
    limits(most=8)
    segmented = IndexStore(tmp_path / "segmented")
    _changes(segmented, corpus)
    assert len(segmented.segment_names(segmented.current_name())) == 6
    expected = _answers(segmented)
    shutil.rmtree(corpus)
    shutil.copytree(CORPUS / "regulasi", corpus / "regulasi")
    limits(most=3)
    store = IndexStore(tmp_path / "merged")
    results = _changes(store, corpus)
    manifest = store.current_manifest()
    assert manifest["segments"] == [results[0].version, results[-1].version]
    assert manifest["document_count"] == segmented.current_manifest()["document_count"]
    _same(_answers(store), expected)
    assert store.load().keyword.chunk_frequencies() == segmented.load().keyword.chunk_frequencies()


def test_deleted_rows_of_merged_segments_are_gone(tmp_path, corpus, limits):
    store = IndexStore(tmp_path / "indeks")
    results = _changes(store, corpus)
    manifest = store.current_manifest()
    # The replaced document's first text was in a small segment: dropped, not marked.
    assert manifest["deleted"] == {} and manifest["deleted_chunks"] == 0
    folder = store.versions_dir / results[-1].version
    with sqlite3.connect(folder / "chunks.sqlite") as connection:
        texts = [text for (text,) in connection.execute("SELECT text FROM chunks")]
    assert len(texts) == manifest["segment_chunks"] == 12
    assert not any("panel surya bersama" in text for text in texts)
    assert not (folder / "deleted_tokens.json").exists()
    version = store.load()
    assert len(version.chunks) == results[0].chunks + 12 == manifest["chunk_count"]
    assert "panel" not in version.keyword.chunk_frequencies()
    retriever = Retriever(version, HashingEmbedder(128), Vocabulary(version.keyword, {}))
    assert "koperasi energi" in retriever.by_citation("Perbup Lorbang 2/2025 Pasal 1").text
    assert [c.text for c in version.chunks if "panel surya" in c.text] == []


def test_a_crash_during_a_tier_merge_publishes_nothing(tmp_path, corpus, limits, monkeypatch):
    store = IndexStore(tmp_path / "indeks")
    build_with(store, [corpus], HashingEmbedder(128))
    for n in range(2):
        _write(corpus, n)
        build_with(store, [corpus], HashingEmbedder(128))
    published, versions = store.current_name(), store.list_versions()
    real_merge = tiers.merge

    def crashing(*args, **kwargs):
        real_merge(*args, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(tiers, "merge", crashing)
    _write(corpus, 2)
    with pytest.raises(OSError):
        build_with(store, [corpus], HashingEmbedder(128))
    assert store.current_name() == published and store.list_versions() == versions
    monkeypatch.undo()
    limits()
    assert build_with(store, [corpus], HashingEmbedder(128)).merged == 2
    assert len(store.segment_names(store.current_name())) == 2


def test_full_builds_past_the_big_segments_deleted_share_the_small_share_and_on_request(
    tmp_path, corpus, limits
):
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    for n in range(2):
        _write(corpus, n)
        build_with(store, [corpus], HashingEmbedder(128))
    # Asked for: one segment, nothing embedded again.
    merged = build_with(store, [corpus], HashingEmbedder(128), merge=True)
    assert "segments" not in store.current_manifest() and merged.embedded == 0
    # One replaced document fits under the big segment's deleted share, two do not.
    share = 4.5 / (first.chunks + 12)
    limits(deleted=share)
    _write(corpus, 0, means="tandon hujan bersama")
    build_with(store, [corpus], HashingEmbedder(128))
    assert store.current_manifest()["deleted"] == {merged.version: ["perbup-zurbagan-1-2025"]}
    _write(corpus, 1, means="koperasi energi warga")
    again = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert "segments" not in manifest and "deleted" not in manifest and again.merged == 0
    # Only the two changed chunks (Pasal 1, Pasal 2 ayat 1) are embedded.
    assert again.embedded == 2 and again.chunks == first.chunks + 6
    # Small segments past their share: a full build, not a tier merge.
    limits(small=share)
    _write(corpus, 2)
    assert len(store.segment_names(build_with(store, [corpus], HashingEmbedder(128)).version)) == 2
    _write(corpus, 3)
    assert build_with(store, [corpus], HashingEmbedder(128)).merged == 0
    assert "segments" not in store.current_manifest()


def test_a_removal_past_the_deleted_share_merges_the_small_segments(tmp_path, corpus, limits):
    limits(most=8)
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    for n in range(3):
        _write(corpus, n)
        build_with(store, [corpus], HashingEmbedder(128))
    # The small segments' deleted rows (3) pass the share; the big one has none.
    limits(most=8, deleted=2.5 / (first.chunks + 9))
    (corpus / "regulasi" / "perbup-lorbang-2-2025.md").unlink()
    removed = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert removed.merged == 3 and removed.embedded == 0
    assert manifest["segments"] == [first.version, removed.version]
    assert manifest["deleted"] == {} and manifest["segment_chunks"] == 6
    assert removed.chunks == first.chunks + 6
    version = store.load()
    assert all(not c.doc_id.startswith("perbup-lorbang") for c in version.chunks)
    assert "panel" not in version.keyword.chunk_frequencies()
