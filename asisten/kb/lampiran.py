"""Find the Lampiran (annexes) of a regulation's text and cut them out as their own units.

An annex opens with its own heading, "LAMPIRAN [VI] PERATURAN GUBERNUR BALI NOMOR 2 TAHUN 2021
TENTANG …", wherever it sits: after the Penjelasan (UU 23/2014), before it, or as the whole file
(a PDF holding only Lampiran VI). It runs to the next annex heading, to a Penjelasan that
follows it, or to the end. Its content is cut into numbered sections (asisten.kb.sections), and
a table dividing government affairs among them is read back into its cells (asisten.kb.matrix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from asisten.kb.jenis import names_pattern
from asisten.kb.matrix import read_matrix
from asisten.kb.sections import Section, parse_sections

# Upper-case "LAMPIRAN" and a regulation type: "Lampiran" in prose ("tercantum dalam Lampiran
# yang merupakan bagian tidak terpisahkan") is a reference, not a heading.
_HEADING = re.compile(
    rf"(?<![\w-])LAMPIRAN(?:[ \t\n]+(?P<number>[IVXLC]{{1,5}}|\d{{1,2}}))?[ \t\n]*[.:]?[ \t\n]+"
    rf"(?i:{names_pattern()})\b"
)
_NUMBER_NEAR = re.compile(r"\b(?:NOMOR|NO\.)", re.IGNORECASE)
_PENJELASAN_AFTER = re.compile(r"(?<![\w-])PENJELASAN\s+ATAS\b")
# A body before the first annex heading: the batang tubuh's pasal or its enacting words.
_BODY_MARK = re.compile(r"\bPasal\s+\d|\bMEMUTUSKAN\b|\bPENJELASAN\b")


@dataclass
class Lampiran:
    number: str  # "" for an unnumbered annex, else "I", "VI"
    intro: str
    sections: list[Section] = field(default_factory=list)
    position: int = 0  # offset of the annex in the text it was cut from


def split_lampiran(text: str) -> tuple[str, list[Lampiran]]:
    """The text without its annexes, and each annex parsed. Offsets before the first annex are
    unchanged; each annex keeps the offset where it started."""
    starts = _starts(text)
    if not starts:
        return text, []
    annexes: list[Lampiran] = []
    kept: list[str] = []
    cursor = 0
    for index, (start, number) in enumerate(starts):
        if index == 0 and not _BODY_MARK.search(text[:start]):
            start = 0  # a file holding only the annex: its first page may print the heading last
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        penjelasan = _PENJELASAN_AFTER.search(text, start, end)
        stop = penjelasan.start() if penjelasan else end
        kept.append(text[cursor:start])
        cursor = stop
        if annexes and annexes[-1].number == number and kept[-1] == "":
            annexes[-1] = _merged(annexes[-1], text, start, stop)
        else:
            annexes.append(parse_lampiran(text[start:stop], number, start))
    kept.append(text[cursor:])
    return "".join(kept), annexes


def parse_lampiran(text: str, number: str, position: int = 0) -> Lampiran:
    intro, sections = parse_sections(text)
    for section in sections:
        section.position += position
        # A division matrix printed as running text gets its cells named (asisten.kb.matrix).
        section.text = read_matrix(section.text)
    return Lampiran(number=number, intro=intro, sections=sections, position=position)


def _starts(text: str) -> list[tuple[int, str]]:
    found = []
    for match in _HEADING.finditer(text):
        if _NUMBER_NEAR.search(text, match.end(), match.end() + 160):
            found.append((match.start(), match.group("number") or ""))
    return found


def _merged(annex: Lampiran, text: str, start: int, stop: int) -> Lampiran:
    """The same annex heading again (repeated on a later page): one annex, re-parsed whole."""
    whole = text[annex.position : stop]
    return parse_lampiran(whole, annex.number, annex.position)
