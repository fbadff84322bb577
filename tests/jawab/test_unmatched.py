"""A question naming a held regulation, answered from another one, says so."""

from __future__ import annotations

from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.engine import Engine
from tests.conftest import build_with, make_settings


def _regulation(nomor: str, judul: str, body: str) -> str:
    return (
        f'---\ntipe: regulasi\njenis: PP\nnomor: "{nomor}"\ntahun: 2021\njudul: {judul}\n---\n'
        f"{body}\n"
    )


def test_another_regulations_text_is_labelled_as_such(tmp_path):
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "pp-8-2021.md").write_text(_regulation("8", "Pelayanan Kehutanan", (
        "## Pasal 1\n\nIzin pemanfaatan hutan diterbitkan oleh menteri dalam 14 hari kerja."
    )), encoding="utf-8")  # fmt: skip
    (corpus / "pp-9-2021.md").write_text(_regulation("9", "Pelayanan Kelautan", (
        "## Pasal 1\n\nPelabuhan perikanan dikelola oleh pemerintah daerah provinsi."
    )), encoding="utf-8")  # fmt: skip
    settings = make_settings(tmp_path / "home", top_k=1)
    embedder = HashingEmbedder(128)
    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    engine = Engine(settings, embedder_factory=lambda name: embedder)

    answer = engine.answer("Menurut PP 9/2021, izin pemanfaatan hutan diterbitkan berapa hari?")
    assert answer.found and [s.citation for s in answer.sources] == ["PP 8/2021 Pasal 1"]
    assert answer.text.startswith("Catatan: teks PP 9/2021 di basis pengetahuan tidak memuat")

    # Answered from the regulation named: no such note.
    answer = engine.answer("Menurut PP 8/2021, izin pemanfaatan hutan diterbitkan berapa hari?")
    assert [s.citation for s in answer.sources] == ["PP 8/2021 Pasal 1"]
    assert "tidak memuat bagian" not in answer.text
