"""Loading real and bad files: every bad file gets its own clear message; the rest still load."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from asisten import errors
from asisten.kb import load_document, load_paths

LIMIT = 25 * 2**20


def _blank_pdf(path: Path, pages: int = 2, password: str | None = None) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_real_pdf_regulation_has_citations_and_pages(corpus_uji):
    document = load_document(corpus_uji / "perban-bssn-8-2020.pdf", LIMIT)
    assert document.meta.short_name == "Perban BSSN 8/2020"
    citations = {c.citation: c for c in document.chunks}
    assert "Perban BSSN 8/2020 Pasal 1 angka 1" in citations
    pages = [c.page for c in document.chunks if c.page]
    assert pages == sorted(pages) and pages[0] >= 1 and pages[-1] > 10


def test_pdf_with_leading_newline_before_header(corpus_uji, tmp_path):
    data = (corpus_uji / "permenkominfo-10-2016.pdf").read_bytes()
    shifted = tmp_path / "permenkominfo-10-2016.pdf"
    shifted.write_bytes(b"\r\n" + data)
    document = load_document(shifted, LIMIT)
    assert document.meta.short_name == "Permenkominfo 10/2016"
    assert any(c.citation.startswith("Permenkominfo 10/2016 Pasal") for c in document.chunks)


def test_draft_regulation_is_marked(corpus_uji):
    document = load_document(corpus_uji / "rancangan-permenkomdigi-9-2026.pdf", LIMIT)
    assert document.meta.status == "rancangan"


@pytest.mark.parametrize(
    ("name", "make", "error", "words"),
    [
        ("kosong.pdf", lambda p: p.write_bytes(b""), errors.EmptyFileError, "kosong"),
        ("halaman.pdf", lambda p: p.write_text("<html>404</html>"), errors.NotAPdfError,
         "bukan PDF"),
        ("rusak.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50),
         errors.CorruptFileError, "rusak"),
        ("terkunci.pdf", lambda p: _blank_pdf(p, password="rahasia"), errors.EncryptedPdfError,
         "kata sandi"),
        ("pindaian.pdf", lambda p: _blank_pdf(p), errors.NoTextLayerError, "OCR"),
        ("program.exe", lambda p: p.write_bytes(b"MZ"), errors.UnsupportedTypeError,
         "tidak didukung"),
    ],
)  # fmt: skip
def test_bad_files_get_a_clear_message(tmp_path, name, make, error, words):
    path = tmp_path / name
    make(path)
    with pytest.raises(error) as raised:
        load_document(path, LIMIT)
    assert words in str(raised.value)
    assert name in str(raised.value)


def test_truncated_real_pdf_is_corrupt(corpus_uji, tmp_path):
    data = (corpus_uji / "perban-bssn-8-2020.pdf").read_bytes()
    path = tmp_path / "terpotong.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises((errors.CorruptFileError, errors.NoTextLayerError)):
        load_document(path, LIMIT)


def test_file_over_the_size_limit(corpus_uji):
    with pytest.raises(errors.FileTooLargeError) as raised:
        load_document(corpus_uji / "perban-bssn-8-2020.pdf", max_bytes=100_000)
    assert "batas" in str(raised.value)


def test_one_bad_file_does_not_stop_the_others(tmp_path, corpus_uji):
    (tmp_path / "kosong.md").write_text("")
    _blank_pdf(tmp_path / "pindaian.pdf")
    (tmp_path / "pp-38-2017.md").write_text(
        (corpus_uji / "pp-38-2017-inovasi-daerah.md").read_text()
    )
    report = load_paths([tmp_path], LIMIT)
    assert [d.meta.short_name for d in report.documents] == ["PP 38/2017"]
    assert sorted(type(e).__name__ for e in report.errors) == ["EmptyFileError", "NoTextLayerError"]


def test_front_matter_metadata_reaches_every_chunk(tmp_path):
    path = tmp_path / "contoh.md"
    path.write_text(
        "---\ntipe: regulasi\njenis: PP\nnomor: '38'\ntahun: 2017\njudul: Inovasi Daerah\n"
        "status: berlaku\nsumber: https://contoh.go.id/pp38\n---\n"
        "## BAB I KETENTUAN UMUM\n### Pasal 1\nDefinisi.\n### Pasal 2\n(1) Satu.\n(2) Dua.\n"
    )
    document = load_document(path, LIMIT)
    assert document.meta.url == "https://contoh.go.id/pp38"
    assert document.meta.status == "berlaku"
    assert [c.citation for c in document.chunks] == [
        "PP 38/2017 Pasal 1", "PP 38/2017 Pasal 2 ayat (1)", "PP 38/2017 Pasal 2 ayat (2)",
    ]  # fmt: skip


def test_faq_yaml_chunks_cite_their_provision(tmp_path):
    path = tmp_path / "faq.yaml"
    path.write_text(
        "tipe: faq\njudul: FAQ uji\npasangan:\n  - id: a\n    tanya: Siapa pengusul?\n"
        "    varian: [siapa yang boleh usul]\n    jawab: Kepala daerah dan lainnya.\n"
        "    rujukan: ['PP 38/2017 Pasal 7 ayat (1)']\n"
    )
    (chunk,) = load_document(path, LIMIT).chunks
    assert chunk.citation == "PP 38/2017 Pasal 7 ayat (1)"
    assert chunk.kind == "faq" and chunk.extra["variants"] == ["siapa yang boleh usul"]


def test_malformed_faq_is_reported(tmp_path):
    path = tmp_path / "faq.yaml"
    path.write_text("tipe: faq\npasangan:\n  - tanya: tanpa jawaban\n")
    with pytest.raises(errors.CorruptFileError):
        load_document(path, LIMIT)


@pytest.mark.parametrize(
    ("front", "aliases"),
    [
        ("nama_lain: Siola", ["Siola"]),
        ('nama_lain: ["MPP Surabaya", "Surabaya Public Service Mall"]',
         ["MPP Surabaya", "Surabaya Public Service Mall"]),
        ("", []),
    ],
)  # fmt: skip
def test_other_names_are_read_from_front_matter(tmp_path, front, aliases):
    path = tmp_path / "mpp.md"
    path.write_text(f"---\ntipe: praktik-baik\njudul: Mal Pelayanan Publik\n{front}\n---\n"
                    "# Mal Pelayanan Publik\n## Masalah\nAntrean panjang.\n")  # fmt: skip
    meta = load_document(path, LIMIT).meta
    assert meta.aliases == aliases
    assert "nama_lain" not in meta.extra


def test_malformed_other_names_get_a_clear_message(tmp_path):
    path = tmp_path / "uu.md"
    path.write_text(
        "---\ntipe: regulasi\njenis: UU\nnomor: '25'\ntahun: 2009\n"
        "nama_lain: {inggris: Public Service Law}\n---\n### Pasal 1\nDefinisi.\n"
    )
    with pytest.raises(errors.FrontMatterError) as caught:
        load_document(path, LIMIT)
    assert "nama_lain" in caught.value.message and "front matter" in caught.value.message
