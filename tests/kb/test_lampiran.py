"""Each Lampiran is its own unit with its own citations, never a pasal's Penjelasan."""

from __future__ import annotations

import pytest

from asisten.kb.chunking import regulation_chunks
from asisten.kb.models import DocumentMeta
from asisten.kb.regulation import parse_regulation


@pytest.fixture(scope="module")
def uu23(load_uji):
    return load_uji("uu-23-2014-pemerintahan-daerah.md")


@pytest.fixture(scope="module")
def brida(load_uji):
    return load_uji("pergub-bali-2-2021-lampiran-vi-tugas-fungsi-brida.pdf")


def test_uu23_last_pasal_has_no_annex_for_its_explanation(uu23):
    explanations = [c for c in uu23.chunks if c.kind == "penjelasan"]
    assert all("PEMBAGIAN URUSAN" not in c.text for c in explanations)
    # Pasal 411 is "Cukup jelas": the gazette line after it explains nothing either.
    assert not any(c.citation.startswith("Penjelasan UU 23/2014 Pasal 411") for c in explanations)


def test_uu23_annex_chunks_cite_the_lampiran(uu23):
    annex = [c for c in uu23.chunks if c.kind == "lampiran"]
    assert annex and all(c.citation.startswith("Lampiran UU 23/2014") for c in annex)
    education = [c for c in annex if " huruf A " in c.citation]
    assert education[0].citation.startswith("Lampiran UU 23/2014 angka I huruf A ")
    assert education[0].citation.endswith("Pembagian Urusan Pemerintahan Bidang Pendidikan")
    assert "Manajemen Pendidikan" in education[0].text
    assert any(
        c.citation.endswith("Bidang Transmigrasi") and " huruf FF" in c.citation for c in annex
    )
    assert any(c.citation.startswith("Lampiran UU 23/2014 angka II.") for c in annex)
    assert max(len(c.text) for c in annex) <= 1400
    assert len({c.chunk_id for c in uu23.chunks}) == len(uu23.chunks)


def test_annex_only_pdf_is_its_own_document(brida):
    assert brida.meta.doc_id == "pergub-bali-2-2021-lampiran-vi"
    assert brida.meta.title.startswith("Lampiran VI Peraturan Gubernur Bali Nomor 2 Tahun 2021")
    assert not brida.warnings
    citations = [c.citation for c in brida.chunks]
    assert all(c.startswith("Lampiran VI Pergub Bali 2/2021") for c in citations)
    assert (
        "Lampiran VI Pergub Bali 2/2021 angka I huruf A Tugas Badan Perencanaan Pembangunan Daerah"
        in citations
    )
    pages = [c.page for c in brida.chunks]
    assert pages == sorted(pages) and pages[-1] > 100


def test_annex_heading_printed_after_the_table_on_page_one(load_uji):
    document = load_uji("pergub-bali-1-2021-lampiran-kelas-jabatan-struktural.pdf")
    assert document.meta.short_name == "Pergub Bali 1/2021"  # "NOMOR I TAHUN 2021" read as 1
    assert document.meta.doc_id == "pergub-bali-1-2021-lampiran-i"
    assert "Sekretaris Daerah" in document.chunks[0].text
    assert all(c.citation.startswith("Lampiran I Pergub Bali 1/2021") for c in document.chunks)


def _chunks(text: str):
    meta = DocumentMeta(doc_id="pp-1-2020", title="t", doc_type="regulasi", jenis="PP", nomor="1",
                        tahun=2020)  # fmt: skip
    return regulation_chunks(meta, parse_regulation(text))


def test_annex_before_the_penjelasan_and_a_reference_in_prose():
    text = (
        "Pasal 1\nRincian tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan.\n"
        "Pasal 2\nSelesai.\n"
        "LAMPIRAN I\nPERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 1 TAHUN 2020\n"
        "A. DAFTAR INOVASI\nInovasi pelayanan.\n"
        "LAMPIRAN II\nPERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 1 TAHUN 2020\n"
        "A. DAFTAR INDIKATOR\nIndikator kinerja.\n"
        "PENJELASAN ATAS\nPERATURAN PEMERINTAH NOMOR 1 TAHUN 2020\nI. UMUM\nUmum.\n"
        "II. PASAL DEMI PASAL\nPasal 1\nJelas sekali dijelaskan.\nPasal 2\nCukup jelas.\n"
    )
    chunks = {c.citation: c for c in _chunks(text)}
    assert "Inovasi pelayanan." in chunks["Lampiran I PP 1/2020 huruf A Daftar Inovasi"].text
    assert "Indikator kinerja." in chunks["Lampiran II PP 1/2020 huruf A Daftar Indikator"].text
    assert chunks["Penjelasan PP 1/2020 Pasal 1"].text == "Jelas sekali dijelaskan."
    assert "Lampiran yang merupakan" in chunks["PP 1/2020 Pasal 1"].text
    assert chunks["PP 1/2020 Pasal 2"].text == "Selesai."
