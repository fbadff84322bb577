"""Chunks for numbered sections (a Lampiran's, or a Surat Edaran's) with exact citations.

A section cites by its address and heading: "Lampiran UU 23/2014 angka I huruf A Pembagian
Urusan Pemerintahan Bidang Pendidikan", "SEOJK 19/2023 angka I Ketentuan Umum". A section too
long for one chunk is cut between its numbered items, each piece citing the items it holds
("SEOJK 19/2023 angka II.2–3 …", "… huruf O angka 1–2 …"); an item still too long is cut
between lines or sentences, its pieces keeping the item's citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from asisten.kb.models import Chunk, DocumentMeta
from asisten.kb.sections import Section

MAX_CHARS = 1400
_ITEM = re.compile(r"(?:(?<=^)|(?<=\s))(\d{1,2})\.\s+(?=[A-Z\"“])")
_SMALL_WORDS = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "pada", "serta", "antara"}


def sections_chunks(
    meta: DocumentMeta,
    prefix: str,
    intro: str,
    sections: list[Section],
    *,
    anchor: str,
    kind: str,
    page_at: Callable[[int], int | None],
    intro_position: int = 0,
) -> list[Chunk]:
    """Chunks of an intro and its sections. `prefix` starts every citation ("Lampiran VI
    Pergub Bali 2/2021"), `anchor` every chunk id ("lampiran-vi"), `page_at(offset)` gives the
    page of a position in the text (None without pages)."""
    anchor = f"{meta.doc_id}#{anchor}"
    pieces: list[tuple[str, str, str, int]] = []  # (citation, id suffix, text, position)
    if _has_words(intro):
        pieces += [(prefix, "", text, intro_position) for text in by_size(intro)]
    for section in sections:
        if _has_words(section.text):
            pieces += _section_pieces(prefix, section)
    chunks = []
    seen: dict[str, int] = {}
    for citation, suffix, text, position in pieces:
        chunk_id = f"{anchor}{suffix}"
        seen[chunk_id] = seen.get(chunk_id, 0) + 1
        if seen[chunk_id] > 1:
            chunk_id += f"-{seen[chunk_id]}"
        context = citation[len(prefix) :].strip()
        chunks.append(
            Chunk(
                chunk_id=chunk_id,
                doc_id=meta.doc_id,
                citation=citation,
                text=text,
                context=" › ".join(p for p in (prefix, context) if p),
                kind=kind,
                page=page_at(position),
            )
        )
    return chunks


def _section_pieces(prefix: str, section: Section) -> list[tuple[str, str, str, int]]:
    address = section.address
    title = _title_case(section.title)
    whole = f"{prefix} {address} {title}"
    suffix = "-" + _slug(address)
    if len(section.text) <= MAX_CHARS:
        return [(whole, suffix, section.text, section.position)]
    items = _items(section.text)
    locate = _locator(section)
    if len(items) < 2:
        return [(whole, suffix, text, locate(text)) for text in by_size(section.text)]
    pieces = []
    for first, last, text in _grouped(section.text, items):
        numbers = first if first == last else f"{first}–{last}"
        # Items right under a roman part read "angka II.3"; under a letter, "huruf O angka 3".
        joined = f" angka {numbers}" if section.letter else f".{numbers}"
        citation = f"{prefix} {address}{joined} {title}"
        for part in by_size(text):
            pieces.append((citation, f"{suffix}-{_slug(numbers)}", part, locate(part)))
    return pieces


def _locator(section: Section) -> Callable[[str], int]:
    """Where each next piece starts in the parsed text, for its page. Pieces come in order, so
    each is looked for after the one before (lists repeat their phrases)."""
    cursor = 0

    def locate(piece: str) -> int:
        nonlocal cursor
        found = section.text.find(piece.split("\n", 1)[0][:60], cursor)
        cursor = found if found >= 0 else cursor
        return section.position + cursor

    return locate


def _items(text: str) -> list[tuple[int, int, str]]:
    """(start, body start, number) of the items 1., 2., 3. … in sequence."""
    marks = []
    for match in _ITEM.finditer(text):
        if match.group(1) == str(len(marks) + 1):
            marks.append((match.start(), match.end(), match.group(1)))
    return marks


def _grouped(text: str, items) -> list[tuple[str, str, str]]:
    """Consecutive items joined while they fit in one chunk; the lead goes with the first."""
    groups: list[tuple[str, str, str]] = []
    bounds = [0] + [start for start, _, _ in items[1:]] + [len(text)]
    for (_, _, number), start, end in zip(items, bounds[:-1], bounds[1:], strict=True):
        part = text[start:end].strip()
        if groups and len(groups[-1][2]) + len(part) + 1 <= MAX_CHARS:
            first, _, joined = groups[-1]
            groups[-1] = (first, number, f"{joined}\n{part}")
        else:
            groups.append((number, number, part))
    return groups


def by_size(text: str) -> list[str]:
    """Cut where a sentence or a list item ends, or between sentences when one such run is too
    long, into pieces of at most MAX_CHARS (a sentence longer than that stays whole). A line
    break alone is no place to cut: a PDF's lines break mid-sentence ("uji coba dan" /
    "penerapan rancang bangun"), and so do the wrapped lines of Markdown."""
    units = [u for run in _runs(text) for u in _sentences(run) if u]
    pieces: list[str] = []
    for unit in units:
        if pieces and len(pieces[-1]) + len(unit) + 1 <= MAX_CHARS:
            pieces[-1] = f"{pieces[-1]}\n{unit}"
        else:
            pieces.append(unit)
    return pieces


# A line that ends a sentence or clause, and one that starts a list item ("a.", "2.", "(3)").
_ENDS = re.compile(r"[.;:!?]$")
_ITEM_START = re.compile(r"^(?:[a-zA-Z]\.|\d{1,3}\.|\(\d{1,3}\)|[-•*])\s")


def _runs(text: str) -> list[str]:
    """The text's lines grouped into sentences or items, each keeping its own line breaks."""
    runs: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if runs and not _ENDS.search(runs[-1]) and not _ITEM_START.match(line):
            runs[-1] = f"{runs[-1]}\n{line}"
        else:
            runs.append(line)
    return runs


def _sentences(run: str) -> list[str]:
    """A run too long for one piece as its sentences; a sentence still too long (a table read
    line by line, with no full stop) as its lines."""
    if len(run) <= MAX_CHARS:
        return [run]
    return [
        part
        for sentence in re.split(r"(?<=[.;:])\s+(?=\S)", run)
        for part in (sentence.splitlines() if len(sentence) > MAX_CHARS else [sentence])
    ]


def _has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3}", text))


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(
        w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
