"""PDF and DOCX text extraction with the checks that give each bad file a clear reason."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from asisten.errors import CorruptFileError, EncryptedPdfError, NotAPdfError, NoTextLayerError
from asisten.kb.ocr import clean_regulation_text

# Official PDFs sometimes start with whitespace before the %PDF header; readers accept that.
_HEADER_WINDOW = 1024
# Fewer extractable characters than this per page means a scanned image without a text layer.
MIN_CHARS_PER_PAGE = 40

logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_pages(path: Path, data: bytes) -> list[str]:
    """The text of each page. Raises a DocumentError describing why a PDF cannot be used."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise NotAPdfError(path)
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data[data.index(b"%PDF-") :]))
        if reader.is_encrypted:
            # Owner-password-only PDFs (print restrictions) open with an empty user password.
            try:
                if not reader.decrypt(""):
                    raise EncryptedPdfError(path)
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise EncryptedPdfError(path) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except EncryptedPdfError:
        raise
    except FileNotDecryptedError as exc:
        raise EncryptedPdfError(path) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise CorruptFileError(path, type(exc).__name__) from exc
    if not pages:
        raise CorruptFileError(path, "tidak ada halaman")
    text_chars = sum(len(p.strip()) for p in pages)
    if text_chars < MIN_CHARS_PER_PAGE * len(pages) / 4 or text_chars < MIN_CHARS_PER_PAGE:
        raise NoTextLayerError(path)
    return pages


def clean_pages(pages: list[str]) -> tuple[str, list[int]]:
    """OCR-cleaned text of all pages and the offset where each page starts in it."""
    cleaned = [clean_regulation_text(text) for text in pages]
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
