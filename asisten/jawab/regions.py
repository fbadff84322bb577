"""The Indonesian regions a question names ("Kabupaten Banjarnegara", "Pemprov Bali",
"Banyuwangi regency"), from areaid's list of provinces, regencies and cities.

A value asked for one region ("Berapa skor IID Kota Makassar pada IGA 2022?") is that region's
value: passages that never name the region give another region's value, or a general rule
(asisten.jawab.decision.unsaid). A name that is also an everyday word ("batang tubuh", "nasib
malang") names a region only beside a marker word (data/penanda_wilayah.txt) or with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from asisten.indeks import lexicon, text

MARKERS_FILE = "penanda_wilayah.txt"
_REGENCY_KIND = re.compile(r"^(kabupaten|kota)\s+")


@dataclass(frozen=True)
class Region:
    name: str  # normalised, without its marker: "banjarnegara"
    written: str  # as the question writes it, with its marker: "Kabupaten Banjarnegara"


@cache
def _names() -> frozenset[str]:
    """Province, regency and city names, normalised, without "Kabupaten"/"Kota"."""
    names = set()
    for province in text.indonesian_provinces():
        names.add(text.normalise(province["provinsi"]))
        for regency in province["kabupaten"]:
            names.add(_REGENCY_KIND.sub("", text.normalise(regency["kab_kota"])))
    return frozenset(n for n in names if n)


@cache
def _pattern() -> re.Pattern[str]:
    """A region's name, with the marker before or after it when there is one."""
    markers = "|".join(sorted(lexicon.word_list(MARKERS_FILE), key=len, reverse=True))
    names = "|".join(
        r"[\s-]+".join(map(re.escape, name.split()))
        for name in sorted(_names(), key=len, reverse=True)
    )
    return re.compile(
        rf"\b(?:(?P<before>{markers})\.?\s+)?(?P<name>{names})\b(?:\s+(?P<after>{markers})\b)?",
        re.IGNORECASE,
    )


def find_regions(question: str) -> tuple[Region, ...]:
    """The regions `question` names, each once, in their order."""
    found: dict[str, Region] = {}
    for match in _pattern().finditer(text.fold_accents(question)):
        name = " ".join(text.normalise(match["name"]).split())
        marked = bool(match["before"] or match["after"])
        everyday = " " not in name and text.is_root_word(name)
        if everyday and not marked and not _capitalised_inside(match):
            continue
        found.setdefault(name, Region(name, match.group().strip()))
    return tuple(found.values())


def _capitalised_inside(match: re.Match[str]) -> bool:
    """Written with a capital where a sentence does not begin ("dan Batu", not "Batang tubuh").
    The text before it is the one matched: folding accents and quotes out shifts offsets."""
    before = match.string[: match.start("name")].rstrip()
    return match["name"][0].isupper() and bool(before) and before[-1] not in ".?!"


def names_region(passage: str, region: Region) -> bool:
    """Whether the normalised `passage` names the region."""
    return re.search(rf"\b{re.escape(region.name)}\b", passage) is not None
