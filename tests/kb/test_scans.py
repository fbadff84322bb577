"""Scanned PDFs are read by the real OCR engine: a scan becomes pasal/ayat chunks, a mixed PDF
keeps its text pages verbatim, and what cannot be read is refused with a clear message."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from asisten import errors
from asisten.kb import load_document, pdf
from asisten.kb.ocr_engine import RapidOcrEngine, TextBox, reading_order
from asisten.kb.scans import ScanReader
from tests.scanned import PERDA_1965, blank_page, image_pdf, page_image

LIMIT = 25 * 2**20


def _mixed_pdf(path: Path, text_pdf: Path, scan: Path) -> Path:
    """The first two pages of a real regulation with a text layer, then a scanned page."""
    writer = PdfWriter()
    for page in PdfReader(text_pdf).pages[:2]:
        writer.add_page(page)
    writer.add_page(PdfReader(scan).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_scanned_regulation_gets_its_pasal_and_ayat_citations(tmp_path):
    path = image_pdf(tmp_path / "perda-contoh-3-1965.pdf", [page_image(PERDA_1965)])
    document = load_document(path, LIMIT)
    assert document.meta.short_name == "Perda Contoh 3/1965"
    assert document.meta.ocr_pages == [1]
    citations = {c.citation: c for c in document.chunks}
    assert {
        "Perda Contoh 3/1965 Pasal 1",
        "Perda Contoh 3/1965 Pasal 2 ayat (1)",
        "Perda Contoh 3/1965 Pasal 2 ayat (2)",
    } <= set(citations)
    assert "dikelola oleh pemerintah desa" in citations["Perda Contoh 3/1965 Pasal 1"].text
    assert citations["Perda Contoh 3/1965 Pasal 2 ayat (2)"].page == 1
    assert any("OCR" in w for w in document.warnings)


def test_mixed_pdf_keeps_text_pages_verbatim_and_reads_the_scanned_page(tmp_path, corpus_uji):
    original = corpus_uji / "permenkominfo-10-2016.pdf"
    scan = image_pdf(tmp_path / "lampiran.pdf", [page_image(["LAMPIRAN", *PERDA_1965[4:]])])
    mixed = _mixed_pdf(tmp_path / "permenkominfo-10-2016.pdf", original, scan)
    read = pdf.pdf_pages(mixed, mixed.read_bytes())
    text_layer = [page.extract_text() for page in PdfReader(original).pages[:2]]
    assert read.pages[:2] == text_layer
    assert read.ocr_pages == [3]
    assert "retribusi harian" in read.pages[2]
    document = load_document(mixed, LIMIT)
    assert document.meta.short_name == "Permenkominfo 10/2016"
    assert document.meta.ocr_pages == [3]


def test_blank_scanned_page_is_refused_in_indonesian(tmp_path):
    path = image_pdf(tmp_path / "pindaian-kosong.pdf", [blank_page()])
    with pytest.raises(errors.NoTextLayerError) as raised:
        load_document(path, LIMIT)
    message = str(raised.value)
    assert "pindaian-kosong.pdf" in message
    assert "lapisan teks" in message and "OCR" in message and "Pindai ulang" in message


def test_missing_engine_refuses_a_scan_and_keeps_a_mixed_pdfs_text(
    tmp_path, corpus_uji, monkeypatch
):
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # the package is not installed
    scans = ScanReader(engine=RapidOcrEngine())
    scan = image_pdf(tmp_path / "perda-contoh-3-1965.pdf", [page_image(PERDA_1965)])
    with pytest.raises(errors.OcrUnavailableError) as raised:
        load_document(scan, LIMIT, scans=scans)
    assert "mesin OCR" in str(raised.value) and "ocrmypdf" in str(raised.value)
    mixed = _mixed_pdf(tmp_path / "permenkominfo-10-2016.pdf",
                       corpus_uji / "permenkominfo-10-2016.pdf", scan)  # fmt: skip
    document = load_document(mixed, LIMIT, scans=scans)
    assert document.meta.ocr_pages == []
    assert any("tidak dibaca" in w for w in document.warnings)


def test_boxes_are_put_back_into_lines():
    boxes = [
        TextBox([(300, 10), (500, 10), (500, 40), (300, 40)], "ayat (3)"),
        TextBox([(10, 60), (200, 60), (200, 90), (10, 90)], "Pasal 2"),
        TextBox([(10, 12), (280, 12), (280, 42), (10, 42)], "Pasal 12"),
    ]
    assert reading_order(boxes) == "Pasal 12 ayat (3)\nPasal 2"


def test_a_box_the_engine_was_unsure_of_is_read_again_on_its_own():
    from tests.scanned import MARGIN

    engine = RapidOcrEngine()
    line = "b. langsung atau tidak langsung turut serta dalam atau menjadi"
    page = page_image(["Pasal 2", line]).convert("RGB")
    engine.read(page)  # loads the models
    top, bottom = MARGIN + round(34 * 1.7) - 4, MARGIN + round(34 * 1.7) + 40
    corners = [(MARGIN - 4, top), (1500, top), (1500, bottom), (MARGIN - 4, bottom)]
    # What a crooked typewritten line sometimes comes back as on the first reading.
    unsure = TextBox(corners, "b    n     aad", 0.71)
    again = engine._surer(page, unsure)
    assert again.text == line and again.score > unsure.score and again.corners == corners
    # A confident reading is kept as it is, and the engine is left reading whole pages.
    sure = TextBox(corners, "as read", 0.97)
    assert engine._surer(page, sure) is sure
    assert "langsung atau tidak" in engine.read(page)
