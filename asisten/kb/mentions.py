"""Regulations named in text by type and number: "UU 23/2014", "Peraturan Pemerintah Nomor 38
Tahun 2017", "perbup sleman 5/2020". Read by questions (asisten.jawab) and by the parser, which
finds in a regulation's own text the regulations it amends, revokes or implements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asisten.kb.jenis import (
    canonical,
    english_names_pattern,
    national_names_pattern,
    regional_names_pattern,
    same_type,
)

# Type names come from the one registry (asisten/data/jenis_peraturan.yaml). A regional type may
# carry its region ("perbup sleman 5/2020", "pergub provinsi bali"); one without it ("perda
# 8/2025") still names the type.
_REGION_WORD = r"(?!(?:nomor|no|tahun|tentang|dan|di|yang)\b)[a-z][\w-]*"
_JENIS = (
    rf"(?P<jenis>{regional_names_pattern()}"
    rf"(?:\s+(?:(?:provinsi|kabupaten|kab\.|kota)\s+)?{_REGION_WORD}(?:\s+{_REGION_WORD}){{0,2}})?"
    rf"|{national_names_pattern()})"
)
_NOMOR = r"(?:no\.?|nomor)?\s*(?P<nomor>\d{1,4})"
_TAHUN = r"(?:\s*/\s*|\s+(?:tahun|th\.?|thn)\s+)(?P<tahun>(?:19|20)\d\d)"
_REGULATION = re.compile(rf"\b{_JENIS}\s*{_NOMOR}(?:{_TAHUN})?\b", re.IGNORECASE)
# English names are everyday words ("the law 2 years ago"): a mention needs number and year,
# written "Law 23/2014", "Law No. 23 of 2014" or "Law Number 23 Year 2014"; the Indonesian
# short name may follow in brackets ("Government Regulation (PP) 38/2017").
_ENGLISH_REGULATION = re.compile(
    rf"\b(?P<jenis>{english_names_pattern()})(?:\s*\(\w+\))?\s*"
    r"(?:no\.?|number|nr\.?)?\s*(?P<nomor>\d{1,4})"
    r"(?:\s*/\s*|\s+of\s+|\s+year\s+)(?P<tahun>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RegulationMention:
    """A regulation named by type and number ("menurut UU 25/2009"); `start`/`end` locate it."""

    jenis: str
    nomor: str
    tahun: int | None
    start: int
    end: int

    def matches_document(self, jenis: str | None, nomor: str | None, tahun: int | None) -> bool:
        if not (jenis and same_type(self.jenis, jenis)) or nomor != self.nomor:
            return False
        return not (self.tahun and tahun != self.tahun)


def find_regulations(question: str) -> list[RegulationMention]:
    """Every regulation a question names ("PP 38/2017 dan UU 25/2009 sama-sama ...")."""
    mentions = []
    english = list(_ENGLISH_REGULATION.finditer(question))
    taken = [m.span() for m in english]
    indonesian = [
        m for m in _REGULATION.finditer(question)
        if not any(m.start() < end and start < m.end() for start, end in taken)
    ]  # fmt: skip
    for match in sorted(english + indonesian, key=lambda m: m.start()):
        tahun = match.group("tahun")
        mentions.append(
            RegulationMention(
                _jenis_name(match.group("jenis")),
                match.group("nomor"),
                int(tahun) if tahun else None,
                match.start(),
                match.end(),
            )  # fmt: skip
        )
    return mentions


def _jenis_name(raw: str) -> str:
    return canonical(raw) or re.sub(r"\s+", " ", raw)
