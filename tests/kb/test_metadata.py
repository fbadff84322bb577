"""What each official text of corpus-uji is recognised as: title, type, number, citations."""

from __future__ import annotations

import pytest

from asisten.kb.metadata import detect_regulation


@pytest.mark.parametrize(
    ("name", "short_name", "title"),
    [
        ("seojk-19-2023.pdf", "SEOJK 19/2023",
         "Surat Edaran Otoritas Jasa Keuangan Nomor 19/SEOJK.06/2023 tentang Penyelenggaraan "
         "Layanan Pendanaan Bersama Berbasis Teknologi Informasi"),
        ("seojk-19-2023.txt", "SEOJK 19/2023",
         "Surat Edaran Otoritas Jasa Keuangan Nomor 19/SEOJK.06/2023 tentang Penyelenggaraan "
         "Layanan Pendanaan Bersama Berbasis Teknologi Informasi"),
        ("permenkominfo-10-2016.pdf", "Permenkominfo 10/2016",
         "Peraturan Menteri Komunikasi dan Informatika Nomor 10 Tahun 2016 tentang Layanan "
         "Nomor Tunggal Panggilan Darurat"),
        ("perban-bssn-8-2020.pdf", "Perban BSSN 8/2020",
         "Peraturan Badan Siber dan Sandi Negara Nomor 8 Tahun 2020 tentang Sistem Pengamanan "
         "Dalam Penyelenggaraan Sistem Elektronik"),
        ("pergub-bali-3-2021-uptd.pdf", "Pergub Bali 3/2021",
         "Peraturan Gubernur Bali Nomor 3 Tahun 2021 tentang Perubahan atas Peraturan Gubernur "
         "Nomor 59 Tahun 2019 tentang Pembentukan Unit Pelaksana Teknis Daerah di Lingkungan "
         "Pemerintah Provinsi Bali"),
        ("rancangan-permenkomdigi-9-2026.pdf", "Rancangan Permenkomdigi 9/2026",
         "Rancangan Peraturan Menteri Komunikasi dan Digital Nomor 9 Tahun 2026 tentang "),
        ("abstrak-perda-banjarnegara-8-2025.pdf", "Abstrak Perda Banjarnegara 8/2025",
         "Abstrak Peraturan Daerah Banjarnegara Nomor 8 Tahun 2025 tentang Perubahan atas "
         "Peraturan Daerah Nomor 8 Tahun 2023 tentang Pajak Daerah dan Retribusi Daerah"),
        # The heading's number is OCR noise ("NOMOR T2TAHUN 2019"): the file name says 72, and
        # the amended PP 18/2016 named further down is not taken for it.
        ("pp-72-2019-perangkat-daerah-perubahan.md", "PP 72/2019",
         "Peraturan Pemerintah Nomor 72 Tahun 2019 tentang Perubahan atas Peraturan Pemerintah "
         "Nomor 18 Tahun 2016 tentang Perangkat Daerah"),
    ],
)  # fmt: skip
def test_title_and_short_name(name, short_name, title, load_uji):
    document = load_uji(name)
    assert document.meta.short_name == short_name
    assert document.meta.title.startswith(title)
    assert document.meta.doc_type == "regulasi"
    assert all(short_name in c.citation for c in document.chunks)


def test_seojk_is_cited_by_its_roman_parts(load_uji):
    document = load_uji("seojk-19-2023.pdf")
    meta = document.meta
    assert (meta.jenis, meta.nomor, meta.tahun) == ("SEOJK", "19", 2023)
    assert not document.warnings
    citations = [c.citation for c in document.chunks]
    assert "SEOJK 19/2023 angka I.1–5 Ketentuan Umum" in citations
    assert any(c.startswith("SEOJK 19/2023 angka II.") for c in citations)
    assert "SEOJK 19/2023 angka XV Penutup" in citations
    definitions = next(
        c for c in document.chunks if c.citation.startswith("SEOJK 19/2023 angka I.")
    )
    assert "Layanan Pendanaan Bersama Berbasis Teknologi Informasi" in definitions.text
    assert definitions.page == 1


def test_draft_and_abstract_are_not_the_enacted_regulation(load_uji):
    draft = load_uji("rancangan-permenkomdigi-9-2026.pdf").meta
    assert (draft.status, draft.doc_id) == ("rancangan", "rancangan-permenkomdigi-9-2026")
    abstract = load_uji("abstrak-perda-banjarnegara-8-2025.pdf").meta
    assert (abstract.form, abstract.jenis, abstract.nomor, abstract.tahun) == (
        "abstrak", "Perda Banjarnegara", "8", 2025,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "file_name", "expected"),
    [
        ("PERATURAN BUPATI SLEMAN\nNOMOR 5 TAHUN 2020\nTENTANG\nINOVASI DAERAH\n\n\nDENGAN",
         "", ("Perbup Sleman", "5", 2020, "Inovasi Daerah")),
        ("LAMPIRAN I\nPERATURAN GUBERNUR BALI\nNOMOR I TAHUN 2021\nTENTANG\nKELAS JABATAN\f1 2 3",
         "", ("Pergub Bali", "1", 2021, "Kelas Jabatan")),
        ("Tabel tanpa kepala", "pergub-bali-2-2021-lampiran-struktur-organisasi.pdf",
         ("Pergub Bali", "2", 2021, None)),
        ("PERDA NO.8, LD 2025/NO.8\nPERATURAN DAERAH TENTANG PAJAK DAERAH\n\nABSTRAK : -",
         "abstrak-perda-banjarnegara-8-2025.pdf", ("Perda Banjarnegara", "8", 2025, "Pajak Daerah")),
    ],
)  # fmt: skip
def test_detected_from_heading_or_file_name(text, file_name, expected):
    found = detect_regulation(text, file_name)
    assert (found.jenis, found.nomor, found.tahun, found.judul) == expected


def test_annex_and_abstract_flags():
    assert (
        detect_regulation("LAMPIRAN VI PERATURAN GUBERNUR BALI NOMOR 2 TAHUN 2021").lampiran == "VI"
    )
    assert detect_regulation("x", "pergub-bali-2-2021-lampiran-struktur.pdf").lampiran == ""
    assert detect_regulation("PERATURAN GUBERNUR BALI NOMOR 2 TAHUN 2021").lampiran is None
    assert detect_regulation("PERDA NO.8, LD 2025/NO.8 ABSTRAK : isi").abstract


@pytest.mark.parametrize(
    "text",
    [
        "PERATURAN DAERAH PROVINSI JAWA BARAT\nNOMOR 4 TAHUN 2001\nTENTANG\n"
        "PENGELOLAAN BARANG DAERAH\nBAB I\nKETENTUAN UMUM\nPasal 1\nDalam Peraturan Daerah ini",
        "PERATURAN DAERAH PROVINSI JAWA BARAT NOMOR 4 TAHUN 2001 TENTANG PENGELOLAAN BARANG "
        "DAERAH BAB I KETENTUAN UMUM Pasal 1",
        "# Peraturan Daerah Provinsi Jawa Barat Nomor 4 Tahun 2001 tentang Pengelolaan Barang "
        "Daerah Bab I Ketentuan Umum\n",
    ],
)
def test_title_stops_before_the_first_chapter(text):
    assert detect_regulation(text).judul == "Pengelolaan Barang Daerah"
