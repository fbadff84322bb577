"""Convert the small Markdown dialect of the proposal export into a Word document.

Supported: `#`/`##`/`###` headings (the first `#` becomes the Title), paragraphs (consecutive
lines joined, a trailing backslash is a hard line break), `- ` bullets, `1. ` numbered items,
`> ` quotes, pipe tables with a separator row, and inline `**bold**`, `_italic_`/`*italic*` and
CommonMark backslash escapes. Anything else is kept as plain text; this is not a general Markdown
parser, only the inverse of what `usulan/ekspor.md.j2` and `export.escape_*` produce.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import _Row
from docx.text.paragraph import Paragraph

FONT = "Calibri"
FONT_SIZE = Pt(11)
MARGIN = Cm(2.5)
A4 = (Cm(21.0), Cm(29.7))
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
LINE_STYLES = {"bullet": "List Bullet", "number": "List Number"}
QUOTE_STYLE = "Quote"
TABLE_STYLE = "Table Grid"

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^-\s+(.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_INLINE_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|\*\*|[*_]")


@dataclass
class DocxMeta:
    title: str
    author: str
    subject: str
    footer: str = ""
    modified: datetime | None = None


@dataclass
class Block:
    kind: str  # "heading" | "paragraph" | "bullet" | "number" | "quote" | "table"
    lines: list[str] = field(default_factory=list)
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


def markdown_to_docx(markdown: str, meta: DocxMeta) -> bytes:
    """The Word document for `markdown`, as the bytes of a .docx file."""
    document = Document()
    _setup_page(document)
    _setup_properties(document, meta)
    _add_footer(document, meta.footer)
    title_used = False
    for block in parse_blocks(markdown):
        title_used = _add_block(document, block, title_used)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Markdown blocks -------------------------------------------------------------------------


def parse_blocks(markdown: str) -> list[Block]:
    """Group the lines of `markdown` into blocks; blank lines end paragraphs and quotes."""
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").split("\n")]
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if _is_table_start(lines, index):
            rows, index = _take_table(lines, index)
            blocks.append(Block("table", rows=rows))
            continue
        _add_line(blocks, lines[index], lines[index - 1] if index else "")
        index += 1
    return blocks


def _add_line(blocks: list[Block], line: str, previous: str) -> None:
    stripped = line.strip()
    if not stripped:
        return
    block = _line_block(stripped)
    last = blocks[-1] if blocks else None
    continues = last is not None and previous.strip() and last.kind in ("paragraph", "quote")
    if continues and block.kind in ("paragraph", "quote") and block.kind == last.kind:
        last.lines.extend(block.lines)
    else:
        blocks.append(block)


def _line_block(line: str) -> Block:
    if match := _HEADING.match(line):
        return Block("heading", [match.group(2)], level=len(match.group(1)))
    for kind, pattern in (("bullet", _BULLET), ("number", _NUMBERED), ("quote", _QUOTE)):
        if match := pattern.match(line):
            return Block(kind, [match.group(1)])
    return Block("paragraph", [line])


def _is_table_start(lines: list[str], index: int) -> bool:
    if index + 1 >= len(lines) or not _is_row(lines[index]) or not _is_row(lines[index + 1]):
        return False
    cells = split_cells(lines[index + 1])
    return bool(cells) and all(_SEPARATOR_CELL.match(cell) for cell in cells)


def _take_table(lines: list[str], index: int) -> tuple[list[list[str]], int]:
    header = split_cells(lines[index])
    rows = [header]
    index += 2
    while index < len(lines) and _is_row(lines[index]):
        cells = split_cells(lines[index])
        rows.append((cells + [""] * len(header))[: len(header)])
        index += 1
    return rows, index


def _is_row(line: str) -> bool:
    return line.strip().startswith("|")


def split_cells(line: str) -> list[str]:
    """Cells of a pipe-table row; an escaped `\\|` stays inside its cell."""
    cells, current, escaped = [], [], False
    for char in line.strip().removeprefix("|"):
        if char == "|" and not escaped:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    if "".join(current).strip():
        cells.append("".join(current).strip())
    return cells


def join_lines(lines: list[str]) -> str:
    """One paragraph's text: soft breaks become spaces, a trailing `\\` a line break."""
    parts = []
    for number, line in enumerate(lines):
        hard = _ends_with_hard_break(line)
        parts.append(line[:-1] if hard else line)
        if number < len(lines) - 1:
            parts.append("\n" if hard else " ")
    return "".join(parts)


def _ends_with_hard_break(line: str) -> bool:
    # An odd run of trailing backslashes: the last one is not itself escaped.
    trailing = len(line) - len(line.rstrip("\\"))
    return trailing % 2 == 1


# --- Inline runs -----------------------------------------------------------------------------


def inline_runs(text: str) -> Iterator[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of `text`; backslash escapes become literal characters."""
    bold = italic = False
    buffer: list[str] = []
    position = 0
    for match in _INLINE_TOKEN.finditer(text):
        buffer.append(text[position : match.start()])
        position = match.end()
        if match.group(1) is not None:
            buffer.append(match.group(1))
            continue
        if "".join(buffer):
            yield "".join(buffer), bold, italic
        buffer = []
        if match.group(0) == "**":
            bold = not bold
        else:
            italic = not italic
    buffer.append(text[position:])
    if "".join(buffer):
        yield "".join(buffer), bold, italic


def _fill(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    for piece, strong, emphasis in inline_runs(text):
        # python-docx turns "\n" in run text into a <w:br/>: hard breaks survive.
        run = paragraph.add_run(piece)
        run.bold = strong or bold or None
        run.italic = emphasis or None


# --- Document building -----------------------------------------------------------------------


def _add_block(document: DocumentObject, block: Block, title_used: bool) -> bool:
    if block.kind == "table":
        _add_table(document, block.rows)
        return title_used
    style = _style(block, title_used)
    _fill(document.add_paragraph(style=style), join_lines(block.lines))
    return title_used or style == "Title"


def _style(block: Block, title_used: bool) -> str | None:
    if block.kind == "heading":
        return "Title" if block.level == 1 and not title_used else HEADING_STYLES[block.level]
    if block.kind == "quote":
        return QUOTE_STYLE
    return LINE_STYLES.get(block.kind)


def _add_table(document: DocumentObject, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = TABLE_STYLE
    for row_number, cells in enumerate(rows):
        for cell, text in zip(table.rows[row_number].cells, cells, strict=True):
            _fill(cell.paragraphs[0], text, bold=row_number == 0)
    _repeat_header(table.rows[0])
    document.add_paragraph()  # Word joins adjacent tables and headings without a gap


def _repeat_header(row: _Row) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _setup_page(document: DocumentObject) -> None:
    for section in document.sections:
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = FONT_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _setup_properties(document: DocumentObject, meta: DocxMeta) -> None:
    properties = document.core_properties
    properties.title = meta.title
    properties.author = meta.author
    properties.subject = meta.subject
    properties.last_modified_by = meta.author
    properties.comments = "Dibuat oleh asisten inovasi daerah."
    properties.keywords = "inovasi daerah; proposal"
    if meta.modified is not None:
        # The export reflects the draft as of its last change, so both dates are that moment.
        properties.created = properties.modified = _as_utc(meta.modified)


def _as_utc(moment: datetime) -> datetime:
    # python-docx writes the value with a "Z" suffix without converting it.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _add_footer(document: DocumentObject, text: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{text} · Halaman " if text else "Halaman ")
    paragraph._p.append(_page_field())


def _page_field() -> BaseOxmlElement:
    field_element = OxmlElement("w:fldSimple")
    field_element.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field_element.append(run)
    return field_element
