"""Export a proposal draft as Markdown and as a Word document, both from `usulan/ekspor.md.j2`.

The jinja2 template produces a small Markdown dialect (headings, paragraphs, lists, pipe tables,
quotes, `**bold**`, `_italic_`); `render_docx` converts that same Markdown to python-docx, so the
two exports cannot drift apart.

Escaping: every user-supplied string is escaped here, in Python, before it reaches the template,
using CommonMark backslash escapes. Inline, the characters that start markup (`\\ * _ ` [ ] < | ~`)
are escaped everywhere; at the start of a line, the block markers (`#`, `-`, `+`, `=`, `>`, and
"12." / "12)") are escaped too. A Markdown viewer and `docx_render` both read `\\X` as a literal
X, so a value such as "# bukan judul" or "| pipa |" stays a plain paragraph. Escaping in Python
rather than in a jinja filter keeps the template free of escaping decisions: anything the template
receives from a draft is already safe to place anywhere on a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asisten.templates import render
from asisten.usulan.docx_render import DocxMeta, markdown_to_docx
from asisten.usulan.readiness import Finding
from asisten.usulan.template import Step
from asisten.usulan.values import display_value, format_date

TEMPLATE = "usulan/ekspor.md.j2"
PLACEHOLDER = "_(belum diisi)_"
SKIPPED = "_(dilewati)_"
NO_COAUTHORS = "-"

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_BLOCK_START = re.compile(r"^([#\-+=>])")
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A trailing backslash is a CommonMark hard line break: the writer's own line breaks survive.
_HARD_BREAK = "\\\n"


@dataclass
class ExportSection:
    step: Step
    value: str | None
    skipped: bool = False  # answered "lewati": shown as skipped, not as missing


@dataclass
class ExportReplication:
    """The good practice a draft replicates, and the rules on replication."""

    title: str
    region: str
    url: str | None
    rules: list[str]


@dataclass
class ExportDraft:
    draft_id: str
    template_title: str
    name: str
    status: str
    owner: str
    coauthors: list[str]
    updated_at: datetime
    sections: list[ExportSection]
    findings: list[Finding] = field(default_factory=list)
    replication: ExportReplication | None = None


def render_markdown(draft: ExportDraft, prompts_dir: Path) -> str:
    """The draft as Markdown, ending with a newline."""
    return render(prompts_dir, TEMPLATE, **_context(draft)) + "\n"


def render_docx(draft: ExportDraft, prompts_dir: Path) -> bytes:
    """The draft as a .docx file, converted from the same Markdown as `render_markdown`."""
    meta = DocxMeta(
        title=draft.name,
        author=draft.owner,
        subject=draft.template_title,
        footer=f"Usulan {draft.draft_id}",
        modified=draft.updated_at,
    )
    return markdown_to_docx(render_markdown(draft, prompts_dir), meta)


def escape_inline(text: str) -> str:
    """One line of Markdown that shows `text` literally; whitespace and newlines collapse."""
    return _escape_line(" ".join(text.split()))


def escape_paragraphs(text: str) -> list[str]:
    """Literal Markdown paragraphs of a long answer; its single line breaks become hard breaks."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(normalized):
        lines = [_escape_line(line.strip()) for line in chunk.split("\n") if line.strip()]
        if lines:
            paragraphs.append(_HARD_BREAK.join(lines))
    return paragraphs


def _escape_line(line: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", line)
    escaped = _BLOCK_START.sub(r"\\\1", escaped)
    return _ORDERED_START.sub(r"\1\\\2", escaped)


def _context(draft: ExportDraft) -> dict[str, object]:
    # The proposal name lives under `draft`: `render()` itself takes a `name` argument.
    return {
        "draft": {
            "name": escape_inline(draft.name),
            "template_title": escape_inline(draft.template_title),
            "id": escape_inline(draft.draft_id),
            "status": escape_inline(draft.status),
            "owner": escape_inline(draft.owner),
            "coauthors": _coauthors(draft.coauthors),
            "updated": escape_inline(_format_timestamp(draft.updated_at)),
        },
        "sections": [_section(section) for section in draft.sections],
        "findings": [_finding(finding) for finding in draft.findings],
        "replication": _replication(draft.replication),
    }


def _replication(note: ExportReplication | None) -> dict[str, object] | None:
    if note is None:
        return None
    return {
        "title": escape_inline(note.title),
        "region": escape_inline(note.region),
        "url": escape_inline(note.url or ""),
        "rules": [escape_inline(rule) for rule in note.rules],
    }


def _section(section: ExportSection) -> dict[str, object]:
    shown = display_value(section.step, section.value)
    return {
        "key": section.step.key,
        "title": escape_inline(section.step.title),
        "required": section.step.required,
        "paragraphs": escape_paragraphs(shown),
        "placeholder": SKIPPED if section.skipped else PLACEHOLDER,
    }


def _finding(finding: Finding) -> dict[str, str]:
    return {
        "title": escape_inline(finding.title),
        "message": escape_inline(finding.message),
        "rule": escape_inline(finding.rule),
        "level": escape_inline(finding.level),
    }


def _coauthors(names: list[str]) -> str:
    shown = [escape_inline(name) for name in names if name.strip()]
    return ", ".join(shown) if shown else NO_COAUTHORS


def _format_timestamp(moment: datetime) -> str:
    text = f"{format_date(moment.date())} pukul {moment:%H.%M}"
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text
