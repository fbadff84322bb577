"""An uploaded file, checked before anything is indexed, and what the admin is shown about it.

The real type comes from the bytes, not the name or the MIME type Slack reports: a "laporan.pdf"
that is really a web page is refused as such. Then the usual parser runs on the stored copy, so
an encrypted PDF, a scan without a text layer or a broken file is reported exactly as
`asisten indeks` would, and the preview shows what the index will really contain.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asisten.errors import (
    DuplicateDocumentError,
    EmptyFileError,
    FileTooLargeError,
    NotAPdfError,
    UnsupportedTypeError,
)
from asisten.kb import jenis
from asisten.kb.loaders import TEXT_SUFFIXES, load_document
from asisten.kb.models import Document
from asisten.kb.scans import ScanReader

SAMPLE_CITATIONS = 3
# PDF readers accept a header anywhere in the first kilobyte (some regional sites prepend a
# newline or whitespace before "%PDF").
PDF_HEADER_WINDOW = 1024
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Preview:
    title: str
    doc_type: str
    jenis: str | None
    nomor: str | None
    tahun: int | None
    doc_id: str
    pasal_count: int
    section_count: int
    chunk_count: int
    citations: list[str]
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, document: Document, home_regions: tuple[str, ...] = ()) -> Preview:
        """`home_regions`: the deployment's own (ASISTEN_WILAYAH); another region's regulation
        answers only questions naming that region, and the admin is told so."""
        meta, chunks = document.meta, document.chunks
        pasal = {c.pasal for c in chunks if c.pasal and c.kind != "penjelasan"}
        sections = {c.citation for c in chunks if not c.pasal}
        citations = list(dict.fromkeys(c.citation for c in chunks))[:SAMPLE_CITATIONS]
        return cls(
            title=meta.title, doc_type=meta.doc_type, jenis=meta.jenis, nomor=meta.nomor,
            tahun=meta.tahun, doc_id=meta.doc_id, pasal_count=len(pasal),
            section_count=len(sections), chunk_count=len(chunks), citations=citations,
            warnings=[*document.warnings, *_region_warning(meta.jenis, home_regions)],
        )  # fmt: skip


def _region_warning(jenis_name: str | None, home_regions: tuple[str, ...]) -> list[str]:
    region = jenis.region_of(jenis_name)
    if not region or jenis.is_home_region(region, home_regions):
        return []
    return [
        f"peraturan daerah {region}: dipakai hanya untuk pertanyaan yang menyebut {region} atau "
        f"peraturan ini; bila layanan ini untuk {region}, setel ASISTEN_WILAYAH={region}"
    ]


def sniff(data: bytes) -> str:
    """ "pdf", "docx", "text" or "unknown", from the content alone."""
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "unknown"
        except zipfile.BadZipFile:
            return "unknown"
    if b"\x00" in data[:4096]:
        return "unknown"
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the window's end is still text.
        if exc.start < 65536 - 4:
            return "unknown"
    return "text"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_bytes(name: str, data: bytes, max_bytes: int, known: dict[str, str]) -> str:
    """The suffix the file really has; raises a DocumentError for what cannot be used.

    `known` maps the sha256 of every document already indexed or awaiting confirmation to its
    title, so a duplicate is named."""
    claimed = Path(name).suffix.lower()
    if not data:
        raise EmptyFileError(name)
    if len(data) > max_bytes:
        raise FileTooLargeError(name, f"{len(data) / 1e6:.1f} MB, batas {max_bytes / 1e6:.0f} MB")
    kind = sniff(data)
    if claimed == ".pdf" and kind != "pdf":
        raise NotAPdfError(name, f"isinya terbaca sebagai {_KIND_NAMES.get(kind, kind)}")
    if kind == "unknown":
        raise UnsupportedTypeError(name, "isi berkas bukan PDF, DOCX, atau teks")
    digest = sha256(data)
    if digest in known:
        raise DuplicateDocumentError(name, f"sama dengan {known[digest]}")
    if kind in ("pdf", "docx"):
        return "." + kind
    return claimed if claimed in TEXT_SUFFIXES else ".md"


_KIND_NAMES = {"text": "teks atau halaman web", "docx": "dokumen Word", "unknown": "data biner"}


def store_and_parse(
    name: str, data: bytes, suffix: str, folder: Path, max_bytes: int,
    overrides: dict[str, Any] | None = None, scans: ScanReader | None = None,
) -> tuple[Path, Document]:  # fmt: skip
    """Keep the original under `folder` and parse it; a file that fails is not kept. Scanned
    pages are read by OCR here, and `scans` remembers them for the index job that follows."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = _SAFE_NAME.sub("-", Path(name).stem).strip("-")[:60] or "dokumen"
    path = folder / f"{sha256(data)[:12]}-{stem}{suffix}"
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(data)
    partial.replace(path)  # never a half-written original under its real name
    try:
        return path, load_document(path, max_bytes, overrides, scans)
    except Exception:
        path.unlink(missing_ok=True)
        raise
