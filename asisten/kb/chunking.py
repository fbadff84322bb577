"""Turn parsed documents into chunks, each with a precise citation.

Regulations are cut along their own structure: one chunk per ayat (or per pasal without ayat,
or per angka for definition lists), one per explained pasal of the Penjelasan, one for the
considerations (Menimbang), one for the closing (Penutup: enactment, promulgation, gazette),
and each Lampiran (or a text without pasal) by its numbered sections. Everything else is cut
per Markdown section, long sections by paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from asisten.kb.considerations import considerations
from asisten.kb.models import Chunk, DocumentMeta
from asisten.kb.regulation import Pasal, Regulation, explains_nothing, has_words
from asisten.kb.section_chunking import by_size, sections_chunks

MAX_SECTION_CHARS = 1400
# A provision or Penjelasan Umum longer than this is cut into pieces under one citation: a
# passage of several pages holds some word of almost any question, and the embedding model
# reads only its first ~512 tokens. Shorter ones stay whole, so a list keeps its lead.
MAX_PROVISION_CHARS = 2 * MAX_SECTION_CHARS
# Reference lists answer nothing by themselves; the document's URL is in its metadata.
_SKIPPED_SECTIONS = {"sumber", "referensi", "daftar pustaka", "rujukan"}
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$", re.M)
_PENJELASAN_AYAT = re.compile(r"(?:^|\s)Ayat\s+\((\d{1,2})\)\s*:?\s*", re.IGNORECASE)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def regulation_chunks(
    meta: DocumentMeta, regulation: Regulation, pages: list[int] | None = None
) -> list[Chunk]:
    """Chunks for a parsed regulation. `pages[i]` is the character offset where page i+1 starts."""
    name = meta.short_name or meta.title
    chunks: list[Chunk] = []
    for pasal in regulation.pasal:
        page = _page_at(pages, pasal.position)
        chunks.extend(c for c in _pasal_chunks(meta, name, pasal, page) if has_words(c.text))
    if regulation.penjelasan_umum:
        chunks.append(
            _whole(meta, "penjelasan-umum", f"Penjelasan Umum {name}", regulation.penjelasan_umum,
                   "penjelasan")
        )  # fmt: skip
    for number, text in regulation.penjelasan.items():
        chunks.extend(_penjelasan_chunks(meta, name, number, text))
    # After the pasal, so a citation "UU 23/2014" still resolves to its first pasal.
    if reasons := considerations(regulation.preamble):
        chunks.append(
            _whole(meta, "konsiderans", f"Konsiderans {name}", f"Menimbang:\n{reasons}",
                   "konsiderans")
        )  # fmt: skip
    if regulation.closing:
        chunks.append(_whole(meta, "penutup", f"Penutup {name}", regulation.closing, "penutup"))
    page_at = partial(_page_at, pages)
    if regulation.sections:
        chunks += sections_chunks(
            meta, name, regulation.intro, regulation.sections,
            anchor="bagian", kind="bagian", page_at=page_at,
        )  # fmt: skip
    for lampiran in regulation.lampiran:
        label = " ".join(p for p in ("Lampiran", lampiran.number) if p)
        chunks += sections_chunks(
            meta, f"{label} {name}", lampiran.intro, lampiran.sections,
            anchor=slug(label), kind="lampiran", page_at=page_at,
            intro_position=lampiran.position,
        )  # fmt: skip
    return [piece for chunk in chunks for piece in _cut_long(chunk)]


def _whole(meta: DocumentMeta, anchor: str, citation: str, text: str, kind: str) -> Chunk:
    """One unit for a part that speaks for the regulation as a whole (its Penjelasan Umum, its
    considerations, its closing): no pasal, one citation."""
    return Chunk(
        chunk_id=f"{meta.doc_id}#{anchor}", doc_id=meta.doc_id, citation=citation, text=text,
        kind=kind,
    )  # fmt: skip


def _cut_long(chunk: Chunk) -> list[Chunk]:
    """A very long chunk as pieces of at most MAX_SECTION_CHARS, each under the chunk's
    citation and context; the pieces after the first are numbered in their ids."""
    if len(chunk.text) <= MAX_PROVISION_CHARS:
        return [chunk]
    return [
        replace(chunk, chunk_id=chunk.chunk_id + (f"-bagian-{i + 1}" if i else ""), text=piece)
        for i, piece in enumerate(by_size(chunk.text))
    ]


def _pasal_chunks(meta: DocumentMeta, name: str, pasal: Pasal, page: int | None) -> list[Chunk]:
    base = f"{name} Pasal {pasal.number}"
    anchor = f"{meta.doc_id}#pasal-{pasal.number.lower()}"
    context = " › ".join(p for p in (pasal.context, f"Pasal {pasal.number}") if p)
    common = {"doc_id": meta.doc_id, "pasal": pasal.number, "page": page, "context": context}
    if pasal.ayat:
        lead = f"{pasal.lead}\n" if pasal.lead else ""
        return [
            Chunk(
                chunk_id=f"{anchor}-ayat-{ayat.number}",
                citation=f"{base} ayat ({ayat.number})",
                text=(lead if i == 0 else "") + f"({ayat.number}) {ayat.text}",
                kind="ayat",
                ayat=ayat.number,
                extra={"huruf": [letter for letter, _ in ayat.huruf]},
                **common,
            )
            for i, ayat in enumerate(pasal.ayat)
        ]
    if pasal.angka:
        # Definitions: each angka stands alone, with the pasal's lead sentence as context.
        return [
            Chunk(
                chunk_id=f"{anchor}-angka-{number}",
                citation=f"{base} angka {number}",
                text=f"{number}. {text}",
                kind="angka",
                extra={"lead": pasal.lead},
                **{**common, "context": f"{context} — {pasal.lead}" if pasal.lead else context},
            )
            for number, text in pasal.angka
        ]
    return [
        Chunk(
            chunk_id=anchor,
            citation=base,
            text=pasal.text,
            kind="pasal",
            extra={"huruf": [letter for letter, _ in pasal.huruf]},
            **common,
        )
    ]


def _penjelasan_chunks(meta: DocumentMeta, name: str, number: str, text: str) -> list[Chunk]:
    explains = f"{name} Pasal {number}"
    marks = list(_PENJELASAN_AYAT.finditer(text))
    parts: list[tuple[str | None, str]] = []
    if len(marks) >= 1:
        for mark, nxt in zip(marks, marks[1:] + [None], strict=True):
            body = text[mark.end() : nxt.start() if nxt else len(text)].strip()
            if body and not explains_nothing(body):
                parts.append((mark.group(1), body))
        lead = text[: marks[0].start()].strip()
        if lead:
            parts.insert(0, (None, lead))
    else:
        parts.append((None, text))
    return [
        Chunk(
            chunk_id=f"{meta.doc_id}#penjelasan-pasal-{number.lower()}"
            + (f"-ayat-{ayat}" if ayat else ""),
            doc_id=meta.doc_id,
            citation=f"Penjelasan {explains}" + (f" ayat ({ayat})" if ayat else ""),
            text=(f"Ayat ({ayat}): " if ayat else "") + body,
            kind="penjelasan",
            pasal=number,
            ayat=ayat,
            extra={"explains": explains},
        )
        for ayat, body in parts
    ]


def section_chunks(meta: DocumentMeta, text: str, label: str) -> list[Chunk]:
    """Chunks per Markdown section; the citation is '<label> — <section heading>'."""
    chunks: list[Chunk] = []
    for heading, body in _sections(text):
        if heading.strip().lower() in _SKIPPED_SECTIONS:
            continue
        for index, piece in enumerate(_split_long(body)):
            section = heading or "Ringkasan"
            suffix = f"-{index + 1}" if index else ""
            chunks.append(
                Chunk(
                    chunk_id=f"{meta.doc_id}#{slug(section)}{suffix}",
                    doc_id=meta.doc_id,
                    citation=f"{label} — {section}",
                    text=piece,
                    context=meta.title,
                    kind="bagian",
                )
            )
    return _unique_ids(chunks)


def page_chunks(meta: DocumentMeta, pages: list[str]) -> list[Chunk]:
    """Unstructured PDFs: paragraphs grouped per page, cited by page number."""
    chunks = []
    for number, text in enumerate(pages, start=1):
        for index, piece in enumerate(_split_long(text)):
            chunks.append(
                Chunk(
                    chunk_id=f"{meta.doc_id}#hlm-{number}-{index + 1}",
                    doc_id=meta.doc_id,
                    citation=f"{meta.short_name or meta.title}, hlm. {number}",
                    text=piece,
                    page=number,
                )
            )
    return chunks


def _sections(text: str) -> Iterable[tuple[str, str]]:
    headings = list(_HEADING.finditer(text))
    if not headings:
        yield "", text.strip()
        return
    intro = text[: headings[0].start()].strip()
    if intro:
        yield "", intro
    for match, nxt in zip(headings, headings[1:] + [None], strict=True):
        body = text[match.end() : nxt.start() if nxt else len(text)].strip()
        if body:
            yield match.group(2).strip(), body


def _split_long(text: str) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    pieces: list[str] = []
    current = ""
    for paragraph in paragraphs:
        if current and len(current) + len(paragraph) > MAX_SECTION_CHARS:
            pieces.append(current)
            current = paragraph
        else:
            current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        pieces.append(current)
    return pieces


def _unique_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: dict[str, int] = {}
    for chunk in chunks:
        count = seen.get(chunk.chunk_id, 0)
        seen[chunk.chunk_id] = count + 1
        if count:
            chunk.chunk_id = f"{chunk.chunk_id}-{count + 1}"
    return chunks


def _page_at(pages: list[int] | None, position: int) -> int | None:
    if not pages:
        return None
    page = 0
    for index, start in enumerate(pages):
        if start <= position:
            page = index + 1
    return page or 1
