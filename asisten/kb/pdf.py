"""PDF and DOCX text extraction with the checks that give each bad file a clear reason.

A page whose text layer holds (almost) nothing but that carries an image is a scan: it is read
by OCR (asisten.kb.scans) and its text replaces the empty layer; the other pages keep their
text layer verbatim, so a mixed PDF (typed pages, a scanned signature page or Lampiran) loses
nothing. Only when text and OCR together give too little is the file refused.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from asisten.errors import (
    CorruptFileError,
    EncryptedPdfError,
    NotAPdfError,
    NoTextLayerError,
    OcrUnavailableError,
)
from asisten.kb.ocr import clean_regulation_text
from asisten.kb.ocr_engine import OcrEngineError
from asisten.kb.ocr_words import written_words
from asisten.kb.scans import ScanReader, default_reader
from asisten.runs import number_runs

# Official PDFs sometimes start with whitespace before the %PDF header; readers accept that.
_HEADER_WINDOW = 1024
# Fewer extractable characters than this per page means a scanned image without a text layer.
MIN_CHARS_PER_PAGE = 40

logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass
class PdfText:
    """The text of each page; `ocr_pages` (1-based) were read by OCR."""

    pages: list[str]
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def pdf_pages(path: Path, data: bytes, scans: ScanReader | None = None) -> PdfText:
    """The text of each page, scanned pages read by OCR. Raises a DocumentError describing why
    a PDF cannot be used."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise NotAPdfError(path)
    data = data[data.index(b"%PDF-") :]
    pages, scanned = _text_layer(path, data)
    if not pages:
        raise CorruptFileError(path, "tidak ada halaman")
    result = PdfText(pages)
    if scanned:
        _read_scans(path, data, scanned, result, scans or default_reader())
    if _too_little(result.pages):
        chars = sum(len(p.strip()) for p in result.pages)
        detail = f"OCR membaca {chars} karakter dari {len(pages)} halaman" if scanned else ""
        raise NoTextLayerError(path, detail)
    return result


def _too_little(pages: list[str]) -> bool:
    chars = sum(len(p.strip()) for p in pages)
    return chars < MIN_CHARS_PER_PAGE * len(pages) / 4 or chars < MIN_CHARS_PER_PAGE


def _text_layer(path: Path, data: bytes) -> tuple[list[str], list[int]]:
    """Each page's text layer, and the pages that look scanned (little text, an image)."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Owner-password-only PDFs (print restrictions) open with an empty user password.
            try:
                if not reader.decrypt(""):
                    raise EncryptedPdfError(path)
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise EncryptedPdfError(path) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
        scanned = [
            i
            for i, text in enumerate(pages)
            if len(text.strip()) < MIN_CHARS_PER_PAGE and _has_image(reader.pages[i])
        ]
    except EncryptedPdfError:
        raise
    except FileNotDecryptedError as exc:
        raise EncryptedPdfError(path) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise CorruptFileError(path, type(exc).__name__) from exc
    return pages, scanned


def _has_image(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # an odd resource dictionary: let OCR look at the page
        return True


def _read_scans(
    path: Path, data: bytes, scanned: list[int], result: PdfText, scans: ScanReader
) -> None:
    digest = hashlib.sha256(data).hexdigest()
    try:
        read = scans.read(data, digest, scanned, path.name)
    except OcrEngineError as exc:
        if _too_little(result.pages):
            raise OcrUnavailableError(path, str(exc)) from exc
        result.warnings.append(f"halaman {page_ranges(scanned)} hasil pindai tidak dibaca ({exc})")
        return
    for index, text in read.items():
        if len(text.strip()) > len(result.pages[index].strip()):
            result.pages[index] = text
            result.ocr_pages.append(index + 1)
    if result.ocr_pages:
        result.warnings.append(
            f"halaman {page_ranges(result.ocr_pages, 1)} dibaca dengan OCR (hasil pindai)"
        )


def page_ranges(pages: list[int], base: int = 0) -> str:
    """'3, 23–32' for [3, 23, 24, …, 32] (0-based unless `base` is 1)."""
    spans = number_runs(p + 1 - base for p in pages)
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def clean_pages(
    pages: list[str], repairs: Counter[tuple[str, str]] | None = None
) -> tuple[str, list[int]]:
    """OCR-cleaned text of all pages and the offset where each page starts in it; `repairs`
    counts the misread words put back."""
    # A word misread on one page is put back as the document writes it on another.
    written = written_words("\n".join(pages))
    cleaned = [
        clean_regulation_text(text, page=True, repairs=repairs, written=written) for text in pages
    ]
    starts, position = [], 0
    for text in cleaned:
        starts.append(position)
        position += len(text) + 1
    return "\n".join(cleaned), starts


def docx_text(path: Path, data: bytes) -> str:
    from docx import Document as DocxDocument

    try:
        document = DocxDocument(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a broken zip/xml
        raise CorruptFileError(path, type(exc).__name__) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)
