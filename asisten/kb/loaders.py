"""Load knowledge files into `Document`s: Markdown/text with front matter, FAQ YAML, PDF, DOCX.

Each file is checked first (size, empty, real type by content); a bad file raises a
`DocumentError` whose message says what is wrong and what to do. `load_paths` collects those
per file so one bad file never stops the others.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from asisten.errors import (
    CorruptFileError,
    DocumentError,
    EmptyFileError,
    FileTooLargeError,
    FrontMatterError,
    UnsupportedTypeError,
)
from asisten.kb import chunking, pdf, relations
from asisten.kb.faq import faq_chunks
from asisten.kb.metadata import DetectedRegulation, detect_regulation, long_title
from asisten.kb.models import Document, DocumentMeta
from asisten.kb.ocr_words import repairs_note
from asisten.kb.page_edges import strip_page_edges
from asisten.kb.regulation import Regulation, parse_regulation
from asisten.kb.scans import ScanReader

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".yaml", ".yml", ".pdf", ".docx"}
_IGNORED_NAMES = {"README.md", "MANIFEST.tsv"}


@dataclass
class LoadReport:
    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files under the given files/folders, sorted, skipping hidden files and READMEs."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
            files += [
                p
                for p in candidates
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name not in _IGNORED_NAMES
                and p.suffix.lower() in SUPPORTED_SUFFIXES
            ]
        else:
            files.append(path)
    return files


def load_paths(
    paths: Iterable[Path],
    max_bytes: int,
    overrides: dict[str, dict[str, Any]] | None = None,
    scans: ScanReader | None = None,
) -> LoadReport:
    """Load every file; `overrides` (by resolved path) corrects detected metadata; `scans`
    reads scanned PDF pages (and remembers them where it was told to)."""
    report = LoadReport()
    overrides = overrides or {}
    for path in iter_files(paths):
        try:
            report.documents.append(
                load_document(path, max_bytes, overrides.get(str(path.resolve())), scans)
            )
        except DocumentError as exc:
            report.errors.append(exc)
    return report


def load_document(
    path: Path,
    max_bytes: int,
    overrides: dict[str, Any] | None = None,
    scans: ScanReader | None = None,
) -> Document:
    data = _read_checked(path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _load_pdf(path, pdf.pdf_pages(path, data, scans), digest, overrides or {})
    if suffix in (".yaml", ".yml"):
        return _load_faq(path, data, digest)
    if suffix == ".docx":
        return _load_text(path, pdf.docx_text(path, data), digest, overrides or {})
    return _load_text(path, _decode(path, data), digest, overrides or {})


def _read_checked(path: Path, max_bytes: int) -> bytes:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedTypeError(path, path.suffix or "tanpa ekstensi")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorruptFileError(path, str(exc)) from exc
    if size == 0:
        raise EmptyFileError(path)
    if size > max_bytes:
        raise FileTooLargeError(path, f"{size / 1e6:.1f} MB, batas {max_bytes / 1e6:.0f} MB")
    return path.read_bytes()


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise CorruptFileError(path, "berisi data biner, bukan teks")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _load_text(path: Path, raw: str, digest: str, overrides: dict[str, Any]) -> Document:
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise FrontMatterError(path, f"YAML: {exc}") from exc
    fields = {**post.metadata, **overrides}
    body = post.content
    detected = detect_regulation(body, path.name)
    doc_type = str(fields.get("tipe") or _guess_type(path, body, detected))
    if doc_type == "regulasi":
        meta = _regulation_meta(path, fields, detected, body)
        structure, free_sections = _split_free_sections(body)
        label = meta.short_name or meta.title
        repairs: Counter[tuple[str, str]] = Counter()
        regulation = parse_regulation(relations.without_instructions(structure), repairs=repairs)
        warnings = [repairs_note(repairs)] if repairs else []
        chunks = chunking.regulation_chunks(meta, regulation)
        chunks += chunking.section_chunks(meta, free_sections, label) if free_sections else []
        if not chunks:
            chunks = chunking.section_chunks(meta, body, label)
    else:
        meta = _plain_meta(path, fields, doc_type, body)
        label = {"praktik-baik": "Praktik baik", "panduan": "Panduan"}.get(doc_type, "Dokumen")
        chunks = chunking.section_chunks(meta, body, f"{label}: {meta.title}")
        warnings = []
    if not chunks:
        raise CorruptFileError(path, "tidak ada teks yang dapat diindeks")
    return Document(meta=meta, chunks=chunks, sha256=digest, warnings=warnings)


def _load_pdf(path: Path, read: pdf.PdfText, digest: str, overrides: dict[str, Any]) -> Document:
    pages = strip_page_edges(read.pages)
    joined = "\n".join(pages)
    detected = detect_regulation("\f".join(pages), path.name)
    fields = {**overrides}
    identified = detected.jenis and detected.nomor and detected.tahun
    identified = identified or fields.get("jenis")
    meta = _regulation_meta(path, fields, detected, joined) if identified else None
    chunks = []
    warnings = list(read.warnings)
    if meta is not None:
        # Clean page by page so each pasal's position maps back to its page.
        repairs: Counter[tuple[str, str]] = Counter()
        clean_text, page_starts = pdf.clean_pages(pages, repairs)
        if repairs:
            warnings.append(repairs_note(repairs))
        clean_text = relations.without_instructions(clean_text)
        regulation = parse_regulation(clean_text, clean=False)
        if _is_empty(regulation) and detected.lampiran is not None:
            # A Lampiran without its heading (the file name says what it is).
            regulation = parse_regulation(clean_text, clean=False, annex=detected.lampiran)
        chunks = chunking.regulation_chunks(meta, regulation, page_starts)
    if not chunks:
        meta = meta or _plain_meta(path, fields, "dokumen", joined)
        chunks = chunking.page_chunks(meta, pages)
        warnings.append("struktur pasal tidak dikenali; dipotong per halaman")
    if read.ocr_pages:
        meta = dataclasses.replace(meta, ocr_pages=read.ocr_pages)
    return Document(meta=meta, chunks=chunks, sha256=digest, warnings=warnings)


def _is_empty(regulation: Regulation) -> bool:
    return not (regulation.pasal or regulation.sections or regulation.lampiran)


def _load_faq(path: Path, data: bytes, digest: str) -> Document:
    try:
        content = yaml.safe_load(_decode(path, data))
    except yaml.YAMLError as exc:
        raise CorruptFileError(path, f"YAML tidak valid: {exc}") from exc
    if not isinstance(content, dict) or not isinstance(content.get("pasangan"), list):
        raise CorruptFileError(path, "berkas FAQ harus memiliki daftar 'pasangan'")
    meta = DocumentMeta(
        doc_id=f"faq-{path.stem}",
        title=str(content.get("judul") or f"FAQ {path.stem}"),
        doc_type="faq",
        url=content.get("sumber"),
        source_path=str(path),
    )
    try:
        chunks = faq_chunks(meta, content["pasangan"])
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptFileError(path, f"pasangan FAQ tidak lengkap: {exc}") from exc
    return Document(meta=meta, chunks=chunks, sha256=digest)


_STRUCTURAL_HEADING = re.compile(r"(BAB|Bagian|Paragraf|Pasal|PENJELASAN)\b", re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)")


def _split_free_sections(body: str) -> tuple[str, str]:
    """Separate the regulation's own structure from the team's Markdown sections (summaries of
    a Lampiran, context notes), which are cut per section instead of being swallowed by the
    pasal before them. Text under the document title (level 1) counts as a free section.
    Plain official texts without Markdown pasal headings are left whole."""
    if not re.search(r"^#{2,6}\s+(BAB|Pasal)\b", body, re.M | re.IGNORECASE):
        return body, ""
    structure: list[str] = []
    free: list[str] = []
    in_free = True
    for line in body.splitlines(keepends=True):
        heading = _MD_HEADING.match(line)
        if heading:
            in_free = not _STRUCTURAL_HEADING.match(heading.group(2))
            if len(heading.group(1)) == 1:
                line = "## Ringkasan\n"
        (free if in_free else structure).append(line)
    free_text = "".join(free)
    return "".join(structure), free_text if re.search(
        r"\w{3}", re.sub(r"^#.*$", "", free_text, flags=re.M)
    ) else ""


def _regulation_meta(
    path: Path, fields: dict[str, Any], detected: DetectedRegulation, text: str
) -> DocumentMeta:
    jenis = fields.get("jenis") or detected.jenis
    nomor = str(fields.get("nomor") or detected.nomor or "") or None
    tahun = _int_or_none(fields.get("tahun") or detected.tahun)
    judul = fields.get("judul") or detected.judul
    status = fields.get("status") or ("rancangan" if detected.draft else None)
    form = "abstrak" if detected.abstract else None
    # A draft, an abstract and an annex file are not the enacted text: their own ids, so that
    # neither replaces the regulation itself in the index.
    part = _part_name(status, form, detected.lampiran)
    doc_id = _doc_id(jenis, nomor, tahun, part) or chunking.slug(path.stem)
    full_nomor = None if fields.get("nomor") else detected.full_nomor
    known = {
        "tipe",
        "jenis",
        "nomor",
        "tahun",
        "judul",
        "status",
        "sumber",
        "sifat_teks",
        "nama_lain",
        *relations.KINDS,
    }
    short = f"{jenis} {nomor}/{tahun}" if jenis and nomor and tahun else ""
    return DocumentMeta(
        doc_id=doc_id,
        title=long_title(jenis, nomor, tahun, judul, full_nomor=full_nomor, part=part),
        doc_type="regulasi",
        jenis=jenis,
        nomor=nomor,
        tahun=tahun,
        status=status,
        url=fields.get("sumber"),
        text_kind=fields.get("sifat_teks"),
        source_path=str(path),
        extra={k: v for k, v in fields.items() if k not in known and _is_plain(v)},
        aliases=_aliases(path, fields),
        form=form,
        relations=_relations(path, fields, text, short) if not part else [],
    )


def _relations(path: Path, fields: dict[str, Any], text: str, own: str) -> list[dict[str, Any]]:
    """What the regulation does to others: as its front matter says, kind by kind, else as its
    own text states."""
    try:
        written = relations.from_fields(fields)
    except relations.RelationError as exc:
        raise FrontMatterError(path, str(exc)) from exc
    kinds = {r.kind for r in written}
    found = [r for r in relations.detect(text, own) if r.kind not in kinds]
    return [r.as_dict() for r in written + found]


def _part_name(status: str | None, form: str | None, lampiran: str | None) -> str:
    if lampiran is not None:
        return f"Lampiran {lampiran}".strip()
    if form == "abstrak":
        return "Abstrak"
    return "Rancangan" if status == "rancangan" else ""


def _plain_meta(path: Path, fields: dict[str, Any], doc_type: str, body: str) -> DocumentMeta:
    title = fields.get("judul") or _first_heading(body) or path.stem.replace("-", " ").title()
    known = {"tipe", "judul", "sumber", "nama_lain"}
    return DocumentMeta(
        doc_id=f"{doc_type}-{chunking.slug(path.stem)}",
        title=str(title),
        doc_type=doc_type,
        tahun=_int_or_none(fields.get("tahun")),
        url=fields.get("sumber"),
        source_path=str(path),
        extra={k: v for k, v in fields.items() if k not in known and _is_plain(v)},
        aliases=_aliases(path, fields),
    )


def _aliases(path: Path, fields: dict[str, Any]) -> list[str]:
    """`nama_lain`: one name or a list of names, each a non-empty string."""
    raw = fields.get("nama_lain") or []
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise FrontMatterError(path, "nama_lain harus berupa teks atau daftar teks")
    return [n.strip() for n in names]


def _guess_type(path: Path, body: str, detected: DetectedRegulation) -> str:
    parent = path.parent.name
    if parent in ("regulasi", "praktik-baik", "panduan", "faq"):
        return parent
    if detected.jenis and detected.from_heading and detected.nomor and detected.tahun:
        return "regulasi"  # its own heading names it: "SURAT EDARAN … NOMOR 19/SEOJK.06/2023"
    return "regulasi" if detected.jenis and re.search(r"\bPasal\s+(?:1|I)\b", body) else "dokumen"


def _first_heading(body: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", body, re.M)
    return match.group(1).strip() if match else None


def _doc_id(jenis: str | None, nomor: str | None, tahun: int | None, part: str) -> str | None:
    if not (jenis and nomor and tahun):
        return None
    if part.startswith("Lampiran"):
        return chunking.slug(f"{jenis}-{nomor}-{tahun}-{part}")
    return chunking.slug(f"{part}-{jenis}-{nomor}-{tahun}")


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _is_plain(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None
