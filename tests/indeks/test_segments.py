"""Adding a document writes a small segment searched beside the published index; too many
segments merge the small ones (tier merges: tests/indeks/test_tiers.py); a failed append
publishes nothing. Replacing and removing documents: tests/indeks/test_deletions.py."""

from __future__ import annotations

import shutil

import pytest

from asisten.indeks import build as build_module
from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.analysis import Analyser
from asisten.jawab.retrieval import Retriever
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import CORPUS, build_with

NEW = """---
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
SEGMENTS = "segments: {{max_segments: {most}, tier_ratio: 1.0, max_small_share: 0.5, max_deleted_share: 0.5}}\n"


@pytest.fixture
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS / "regulasi", target / "regulasi")
    return target


def _settings(data_file, most: int = 8) -> None:
    real = build_module.Path(build_module.__file__).parent.parent / "data" / "skala.yaml"
    text = real.read_text().split("\nsegments:")[0] + "\n" + SEGMENTS.format(most=most)
    data_file("skala.yaml", text)


def _search(store: IndexStore, question: str):
    version = store.load()
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    retriever = Retriever(version, HashingEmbedder(128), vocabulary)
    # The deployment serves Zurbagan, whose Perbup is indexed: questions need not name it.
    analyser = Analyser(vocabulary, version.documents, home_regions=("Zurbagan",))
    return retriever, retriever.search(analyser.analyse(question))


def test_an_added_document_is_a_new_segment_and_is_found(tmp_path, corpus, data_file):
    _settings(data_file)
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / "perbup-zurbagan-7-2025.md").write_text(NEW)
    added = build_with(store, [corpus], HashingEmbedder(128))
    assert added.changed and added.embedded == 3 and added.chunks == first.chunks + 3
    manifest = store.current_manifest()
    assert manifest["segments"] == [first.version, added.version]
    retriever, hits = _search(store, "siapa yang mengelola kios air komunal")
    assert hits[0].chunk.doc_id == "perbup-zurbagan-7-2025"
    assert len(retriever.chunks) == first.chunks + 3
    assert [c.ayat for c in retriever.provision("perbup-zurbagan-7-2025", "2")] == ["1", "2"]
    assert retriever.by_citation("Perbup Zurbagan 7/2025 Pasal 1").text.startswith("Dinas")
    assert retriever.by_citation("PP 38/2017 Pasal 1") is not None
    # Nothing changed: nothing is written.
    assert not build_with(store, [corpus], HashingEmbedder(128)).changed
    # The segment's base is kept by pruning while a kept version reads it.
    store.prune(keep=1)
    assert len(store.load().chunks) == added.chunks


def test_too_many_segments_merge_the_small_ones(tmp_path, corpus, data_file):
    _settings(data_file, most=2)
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / "perbup-zurbagan-7-2025.md").write_text(NEW)
    assert len(store.segment_names(build_with(store, [corpus], HashingEmbedder(128)).version)) == 2
    (corpus / "regulasi" / "perbup-lain-8-2025.md").write_text(
        NEW.replace("Zurbagan", "Lain").replace('"7"', '"8"')
    )
    merged = build_with(store, [corpus], HashingEmbedder(128))
    assert store.current_manifest()["segments"] == [first.version, merged.version]
    assert merged.merged == 1 and merged.embedded == 3 and merged.reused == 0
    # A changed file deletes rows of the merged segment, which the next tier merge drops.
    (corpus / "regulasi" / "perbup-lain-8-2025.md").write_text(NEW.replace("Zurbagan", "Lain"))
    changed = build_with(store, [corpus], HashingEmbedder(128))
    manifest = store.current_manifest()
    assert manifest["segments"] == [first.version, changed.version] and manifest["deleted"] == {}
    assert changed.chunks == merged.chunks and manifest["segment_chunks"] == 6


def test_a_failed_append_publishes_nothing(tmp_path, corpus, data_file, monkeypatch):
    _settings(data_file)
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], HashingEmbedder(128))
    (corpus / "regulasi" / "perbup-zurbagan-7-2025.md").write_text(NEW)

    def half_written(path, *args, **kwargs):
        (path / "chunks.sqlite").write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "write_version", half_written)
    with pytest.raises(OSError):
        build_with(store, [corpus], HashingEmbedder(128))
    assert store.current_name() == first.version and store.list_versions() == [first.version]
    monkeypatch.undo()
    _settings(data_file)
    assert build_with(store, [corpus], HashingEmbedder(128)).changed
    assert len(store.segment_names(store.current_name())) == 2
