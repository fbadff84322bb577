"""The registry of regulation types (asisten/data/jenis_peraturan.yaml), read once.

It answers three questions for the parser and the question parser alike: what canonical name does
a raw type name have ("Peraturan Gubernur Bali" → "Pergub Bali"), what is a type's long form
("Pergub Bali" → "Peraturan Gubernur Bali"), and which regex finds type names in free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

# Words that name the kind of region, not the region: "Perda Kabupaten Banjarnegara" is cited
# "Perda Banjarnegara".
_REGION_KIND = re.compile(r"^(?:provinsi|prov\.?|kabupaten|kab\.?|kota)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class JenisPeraturan:
    short: str
    long: str
    level: str
    regional: bool = False
    title: str = ""
    aliases: tuple[str, ...] = ()
    # English names ("Law", "Government Regulation"), read only with a number and year.
    english: tuple[str, ...] = ()
    # The general type this one is a kind of ("Permenkomdigi" → "Permen").
    kind_of: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.short, self.long, *self.aliases)


@cache
def registry() -> tuple[JenisPeraturan, ...]:
    text = resources.files("asisten").joinpath("data/jenis_peraturan.yaml").read_text("utf-8")
    return tuple(
        JenisPeraturan(
            short=entry["short"],
            long=entry["long"],
            level=entry["level"],
            regional=bool(entry.get("regional")),
            title=entry.get("title", ""),
            aliases=tuple(entry.get("aliases", ())),
            english=(*entry.get("english", ()), *_agency_english(entry.get("aliases", ()))),
            kind_of=entry.get("kind_of", ""),
        )
        for entry in yaml.safe_load(text)
    )


def _agency_english(aliases) -> tuple[str, ...]:
    """An agency's regulation in English puts the agency first: "Peraturan BSSN" is "BSSN
    Regulation"."""
    return tuple(
        f"{match.group(1)} Regulation"
        for alias in aliases
        if (match := re.fullmatch(r"Peraturan ([A-Z]{2,})", alias))
    )


def _key(name: str) -> str:
    return _SEPARATOR.sub("", name.lower())


@cache
def _by_key() -> dict[str, JenisPeraturan]:
    return {_key(name): entry for entry in registry() for name in (*entry.names, *entry.english)}


@cache
def _prefixes() -> tuple[tuple[str, JenisPeraturan], ...]:
    """Every spelling as a word sequence, longest first, for prefix matching of raw names."""
    spellings = {
        _words(name): entry for entry in registry() for name in (*entry.names, *entry.english)
    }
    return tuple(sorted(spellings.items(), key=lambda item: -len(item[0])))


def _words(name: str) -> str:
    return " ".join(_SEPARATOR.split(name.lower().strip()))


def lookup(name: str) -> JenisPeraturan | None:
    """The registry entry of a canonical or raw type name without region ("pp", "SEOJK")."""
    return _by_key().get(_key(name))


# Cached like the registry it reads: a question naming a regulation is matched against every
# held document's type, ~10,000 of them in a national index.
@lru_cache(maxsize=1 << 16)
def split(jenis: str) -> tuple[JenisPeraturan | None, str]:
    """A canonical or raw name → (entry, region): "Pergub Bali" → (Pergub, "Bali")."""
    words = _words(jenis)
    for spelling, entry in _prefixes():
        if words == spelling or (words.startswith(spelling + " ") and entry.regional):
            return entry, region_name(words[len(spelling) :])
    return lookup(jenis), ""


def region_of(jenis: str | None) -> str:
    """The region a regional regulation governs ("Pergub Bali" → "Bali"), or "" for a
    national one."""
    entry, region = split(jenis) if jenis else (None, "")
    return region if entry is not None and entry.regional else ""


def is_home_region(region: str, home_regions: tuple[str, ...]) -> bool:
    """Whether `region` is one of the deployment's own ("Provinsi Bali" counts as "Bali")."""
    return region.casefold() in {region_name(home).casefold() for home in home_regions}


def canonical(raw: str) -> str | None:
    """The citation name of a raw type name, or None if the registry does not know it.

    "peraturan gubernur bali" → "Pergub Bali"; "Peraturan Daerah Kabupaten Banjarnegara" →
    "Perda Banjarnegara"; "permen pan-rb" → "PermenPANRB".
    """
    words = _words(raw)
    for spelling, entry in _prefixes():
        if words == spelling:
            return entry.short
        if words.startswith(spelling + " "):
            rest = words[len(spelling) :].strip()
            if entry.regional:
                region = region_name(rest)
                return f"{entry.short} {region}".strip()
            if re.fullmatch(r"republik indonesia|ri", rest):
                return entry.short
    return None


def region_name(raw: str) -> str:
    """ "KABUPATEN BANJARNEGARA" → "Banjarnegara"; "kulon progo" → "Kulon Progo"."""
    words = _REGION_KIND.sub("", raw.strip())
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def long_name(jenis: str) -> str:
    """The long form for a title: "Pergub Bali" → "Peraturan Gubernur Bali"."""
    entry, region = split(jenis)
    if entry is None:
        return jenis
    return " ".join(part for part in (entry.title or entry.long, region) if part)


def same_type(named: str, held: str) -> bool:
    """A question naming `named` means a document of type `held`: equal names, a regional type
    named without its region ("Perda 8/2025" → the corpus' "Perda Banjarnegara 8/2025"), or a
    general type for one of its kinds ("Permen 9/2026" → "Permenkomdigi 9/2026", "Perkada
    Bali 5/2021" → "Pergub Bali 5/2021")."""
    if named.lower() == held.lower():
        return True
    named_entry, named_region = split(named)
    held_entry, held_region = split(held)
    if named_entry is None or held_entry is None:
        return False
    kind = named_entry == held_entry or named_entry.short == held_entry.kind_of
    return kind and (not named_region or named_region.casefold() == held_region.casefold())


def names_pattern() -> str:
    """A regex alternation (no groups) of every spelling, longest first; words may be joined by
    spaces or hyphens or nothing. Compile it with re.IGNORECASE."""
    return _alternation(name for entry in registry() for name in entry.names)


def names_pattern_of(name: str) -> str:
    """Like `names_pattern`, only the spellings of one type ("Perpres": "Perpres", "Peraturan
    Presiden"); the name itself when the registry does not know it."""
    entry = lookup(name)
    return _alternation(entry.names if entry is not None else (name,))


def regional_names_pattern() -> str:
    """Like `names_pattern`, only the types that are named with their region."""
    return _alternation(name for entry in registry() if entry.regional for name in entry.names)


def national_names_pattern() -> str:
    return _alternation(name for entry in registry() if not entry.regional for name in entry.names)


def english_names_pattern() -> str:
    """Like `names_pattern`, only the English names of national types ("Law", "Government
    Regulation"): common words, so a mention needs its number and year."""
    names = [name for entry in registry() if not entry.regional for name in entry.english]
    return _alternation(names) if names else "(?!)"  # no names: a pattern matching nothing


def short_names_pattern() -> str:
    """The canonical names exactly as citations write them, regional ones with their region
    ("PP", "Perban BSSN", "Pergub Bali"): for reading the corpus' own citations."""
    national = sorted((e.short for e in registry() if not e.regional), key=len, reverse=True)
    regional = sorted((e.short for e in registry() if e.regional), key=len, reverse=True)
    return (
        f"(?:(?:{'|'.join(map(re.escape, regional))})(?: [A-Z][\\w-]*){{1,3}}"
        f"|{'|'.join(map(re.escape, national))})"
    )


def _alternation(names) -> str:
    patterns = {r"[\s-]*".join(map(re.escape, _SEPARATOR.split(n.strip()))) for n in names}
    return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"
