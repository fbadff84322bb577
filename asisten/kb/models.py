"""Documents and the chunks they are cut into. Every chunk carries its own citation."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

DOC_TYPES = ("regulasi", "faq", "praktik-baik", "panduan", "dokumen")
# A case of good practice: what one region did, told in its own years and figures.
CASE_TYPE = "praktik-baik"


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str
    doc_type: str = "dokumen"
    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    status: str | None = None
    url: str | None = None
    text_kind: str | None = None
    source_path: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Other names people use for it ("UU Pelayanan Publik", "Public Service Law", "Siola"); a
    # question using one names the document (front matter `nama_lain`).
    aliases: list[str] = field(default_factory=list)
    # "abstrak" when the file is a summary of the regulation (a JDIH abstract), not its text.
    form: str | None = None
    # What it does to other regulations (amends, revokes, implements), as
    # `asisten.kb.relations.Relation.as_dict()` records.
    relations: list[dict[str, Any]] = field(default_factory=list)
    # Pages (1-based) of a PDF whose text was read by OCR from a scanned image: their wording
    # may hold misreadings the text layer of the other pages does not.
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def is_case(self) -> bool:
        return self.doc_type == CASE_TYPE

    @property
    def short_name(self) -> str | None:
        """'PP 38/2017' style name, the prefix of every citation into this regulation. A draft
        or an abstract says so: 'Rancangan Permenkomdigi 9/2026', 'Abstrak Perda X 8/2025'."""
        if not (self.jenis and self.nomor and self.tahun):
            return None
        part = "Rancangan " if self.status == "rancangan" else ""
        part = "Abstrak " if self.form == "abstrak" else part
        return f"{part}{self.jenis} {self.nomor}/{self.tahun}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def kind_headings() -> dict[str, str]:
    """What each kind of unit says, in words a question uses (data/judul_potongan.yaml)."""
    text = files("asisten").joinpath("data", "judul_potongan.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    citation: str
    text: str
    context: str = ""
    kind: str = "bagian"  # ayat | pasal | angka | penjelasan | konsiderans | penutup | faq | bagian
    pasal: str | None = None
    ayat: str | None = None
    page: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def search_text(self, meta: DocumentMeta) -> str:
        """What the indexes see: citation and headings help both keyword and dense search."""
        parts = [self.citation, meta.title, self.context, self.text]
        if heading := kind_headings().get(self.kind):
            parts.insert(2, heading)
        parts += self.extra.get("variants", [])
        return "\n".join(p for p in parts if p)

    def content_hash(self, meta: DocumentMeta) -> str:
        return hashlib.sha256(self.search_text(meta).encode("utf-8")).hexdigest()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    meta: DocumentMeta
    chunks: list[Chunk]
    sha256: str
    warnings: list[str] = field(default_factory=list)
