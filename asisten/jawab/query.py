"""Understand what a question names: a provision ("pasal 6 PP 38 tahun 2017") and its words.

Provision references are matched in either order: "Pasal 389 UU 23/2014",
"UU 23 tahun 2014 pasal 389", "pasal 7 ayat 2 pp 38/2017", "PP 38 Pasal 6".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asisten.jawab.calibration import shared
from asisten.kb.jenis import same_type, short_names_pattern
from asisten.kb.mentions import RegulationMention, find_regulations

__all__ = ["ProvisionRef", "RegulationMention", "find_provision", "find_regulations"]

_PASAL = re.compile(
    r"\bpasal\s+(?P<pasal>\d{1,3}[a-z]?)\b"
    r"(?:\s+ayat\s*\(?\s*(?P<ayat>\d{1,2})\s*\)?"
    r"(?P<more>(?:(?:\s*(?:,|dan|&|sampai|s\.d\.?|hingga|-))+\s*(?:ayat\s*)?\(?\s*\d{1,2}\s*\)?)*))?"
    r"(?:\s+huruf\s+(?P<huruf>[a-z])\b)?",
    re.IGNORECASE,
)
# More pasal named right after the first: "Pasal 258 dan Pasal 259", "Pasal 5, 6, dan 7",
# "Pasal 386 sampai 390". A bare number joins only before the end of the clause, another joiner
# or the regulation's name: "Pasal 7 dan 2 ayat lain" names no Pasal 2.
_JOINER = r"\s*(?:,|dan|serta|&)\s*(?:dan\s+)?"
_MORE_PASAL = re.compile(
    rf"(?:{_JOINER}pasal\s+(?P<named>\d{{1,3}}[a-z]?)\b"
    rf"|{_JOINER}(?P<bare>\d{{1,3}}[a-z]?)(?=\s*(?:[,?.;:)]|$|dan\b|serta\b|&|[a-z]+\s+\d|uu\b|pp\b|undang))"
    rf"|\s*(?:sampai|s\.d\.?|hingga|-|–)\s*(?:pasal\s+)?(?P<until>\d{{1,3}})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProvisionRef:
    pasal: str
    ayat: str | None = None
    # More ayat named together: "ayat (10) dan (11)", "ayat 1 sampai 3".
    also: tuple[str, ...] = ()
    # More pasal named together, each looked up whole: "Pasal 258 dan Pasal 259".
    more_pasal: tuple[str, ...] = ()
    huruf: str | None = None
    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None

    def matches_document(self, jenis: str | None, nomor: str | None, tahun: int | None) -> bool:
        if self.jenis and not (jenis and same_type(self.jenis, jenis)):
            return False
        if self.nomor and nomor != self.nomor:
            return False
        return not (self.tahun and tahun != self.tahun)


def find_regulation(question: str) -> RegulationMention | None:
    """The first regulation a question names by type and number, if any."""
    mentions = find_regulations(question)
    return mentions[0] if mentions else None


def _more_ayat(first: str | None, more: str) -> tuple[str, ...]:
    numbers = re.findall(r"\d{1,2}", more)
    if not first or not numbers:
        return ()
    if re.search(r"sampai|s\.d|hingga|-", more) and len(numbers) == 1:
        return tuple(str(n) for n in range(int(first) + 1, int(numbers[0]) + 1))
    return tuple(numbers)


# How the corpus itself cites: "PP 38/2017 Pasal 30 ayat (1)", or "Pasal 386 ayat (1)" after the
# regulation was named earlier in the passage. Ranges ("Pasal 386–390") are not one provision.
_NAME_IN_TEXT = re.compile(rf"\b{short_names_pattern()} \d{{1,4}}/\d{{4}}\b")
_PASAL_IN_TEXT = re.compile(
    r"\bPasal (?P<pasal>\d{1,3}[A-Z]?)(?![\d–-])(?: ayat \((?P<ayat>\d{1,2})\))?"
)


def cited_provisions(passage: str) -> list[str]:
    """Provisions a passage of guidance cites, in the corpus' citation form, in order, once each.

    A bare "Pasal N" belongs to the regulation named last before it.
    """
    names = [(m.end(), m.group()) for m in _NAME_IN_TEXT.finditer(passage)]
    found: list[str] = []
    for match in _PASAL_IN_TEXT.finditer(passage):
        named = [name for end, name in names if end <= match.start()]
        if not named:
            continue
        citation = f"{named[-1]} Pasal {match['pasal']}"
        if match["ayat"]:
            citation += f" ayat ({match['ayat']})"
        if citation not in found:
            found.append(citation)
    return found


def find_provision(question: str) -> ProvisionRef | None:
    """The provision a question names explicitly, if any."""
    pasal = _PASAL.search(question)
    if not pasal:
        return None
    regulation = find_regulation(question)
    return ProvisionRef(
        pasal=pasal.group("pasal").upper(),
        ayat=pasal.group("ayat"),
        also=_more_ayat(pasal.group("ayat"), pasal.group("more") or ""),
        huruf=(pasal.group("huruf") or "").lower() or None,
        more_pasal=_more_pasal(question, pasal),
        jenis=regulation.jenis if regulation else None,
        nomor=regulation.nomor if regulation else None,
        tahun=regulation.tahun if regulation else None,
    )


def _more_pasal(question: str, first: re.Match) -> tuple[str, ...]:
    """The pasal named right after the first one, in order; a range's up to
    `named_pasal_range` pasal long ("Pasal 386 sampai 390": 387 to 390)."""
    more: list[str] = []
    at, last = first.end(), first.group("pasal").upper()
    while found := _MORE_PASAL.match(question, at):
        if found.group("until"):
            start, end = re.match(r"\d+", last), int(found.group("until"))
            span = range(int(start.group()) + 1, end + 1) if start else range(0)
            if not 0 < len(span) < int(shared().named_pasal_range):
                break
            more += [str(n) for n in span]
        else:
            more.append((found.group("named") or found.group("bare")).upper())
        last, at = more[-1], found.end()
    return tuple(dict.fromkeys(p for p in more if p != first.group("pasal").upper()))
