"""How one regulation acts on others: it amends (*mengubah*) some of their pasal, revokes
(*mencabut*) them, or implements (*melaksanakan*) them.

Relations are read from front matter when the team wrote them, and otherwise from the
regulation's own text, the way every Indonesian amending regulation states them:

- its title: "… tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 …";
- its numbered instructions: "1. Ketentuan ayat (1) Pasal 63 diubah, sehingga Pasal 63 berbunyi
  …", "Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A …",
  "Pasal 10 dihapus.";
- its closing provisions: "… Peraturan Pemerintah Nomor 18 Tahun 2016 … dicabut dan dinyatakan
  tidak berlaku.";
- its considerations: "bahwa untuk melaksanakan ketentuan Pasal 390 Undang-Undang Nomor 23 …".

So an uploaded amendment works without hand edits; an admin can still correct what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from asisten.kb.mentions import RegulationMention, find_regulations

AMENDS = "mengubah"
REVOKES = "mencabut"
IMPLEMENTS = "melaksanakan"
KINDS = (AMENDS, REVOKES, IMPLEMENTS)

# Where a relation was learnt: the text itself, the file's front matter, or an admin.
FROM_TEXT = "teks"
FROM_FRONT_MATTER = "front-matter"
FROM_ADMIN = "admin"


@dataclass(frozen=True)
class Relation:
    kind: str
    # The other regulation by its short name: "UU 23/2014".
    target: str
    # The pasal it amends (changed, inserted or deleted) or implements; empty when not stated.
    pasal: tuple[str, ...] = ()
    # Of those, the pasal it deletes outright ("Pasal 10 dihapus.").
    deleted: tuple[str, ...] = ()
    origin: str = FROM_TEXT

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "target": self.target, "pasal": list(self.pasal),
            "deleted": list(self.deleted), "origin": self.origin,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(
            kind=str(data["kind"]), target=str(data["target"]),
            pasal=tuple(str(p) for p in data.get("pasal") or ()),
            deleted=tuple(str(p) for p in data.get("deleted") or ()),
            origin=str(data.get("origin") or FROM_TEXT),
        )  # fmt: skip

    @property
    def label(self) -> str:
        """'mengubah UU 23/2014 (Pasal 63, 65)'."""
        pasal = f" (Pasal {', '.join(self.pasal)})" if self.pasal else ""
        return f"{self.kind} {self.target}{pasal}"


class RelationError(ValueError):
    """A relation written by hand (front matter, an admin's correction) that cannot be read."""


def short_name(mention: RegulationMention) -> str:
    return f"{mention.jenis} {mention.nomor}/{mention.tahun}" if mention.tahun else ""


# -- read from the text ---------------------------------------------------------------------

_AMENDMENT_TITLE = re.compile(r"\bperubahan\s+(?:\w+\s+)?atas\s+", re.IGNORECASE)
# Where an amending regulation's body starts listing its changes.
_CHANGES_START = re.compile(r"diubah\s+sebagai\s+berikut\s*:", re.IGNORECASE)
_INSTRUCTION = re.compile(
    r"^\s*\d{1,3}\.\s+(?P<line>(?:Ketentuan|Di\s+antara|Pasal|Judul|Penjelasan|Lampiran)\b.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_PASAL_NUMBER = r"(\d{1,4}[A-Z]?)\b"
_INSERTED = re.compile(rf"yakni\s+Pasal\s+{_PASAL_NUMBER}", re.IGNORECASE)
_RESULTING = re.compile(rf"sehingga\s+Pasal\s+{_PASAL_NUMBER}\s+berbunyi", re.IGNORECASE)
_ANY_PASAL = re.compile(rf"\bPasal\s+{_PASAL_NUMBER}")
_WHOLE_DELETED = re.compile(rf"^Pasal\s+{_PASAL_NUMBER}\s+dihapus\b", re.IGNORECASE)
_REVOKED = re.compile(r"dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku", re.IGNORECASE)
_IMPLEMENTS = re.compile(
    r"untuk\s+melaksanakan\s+ketentuan\s+(?P<between>.{0,160}?)(?=\b(?:undang|peraturan|"
    r"keputusan|instruksi|uu|pp|perpres|permen|perda)\b)",
    re.IGNORECASE | re.DOTALL,
)
_PASAL_RANGE = re.compile(
    rf"\bPasal\s+{_PASAL_NUMBER}(?:[^,;]*?\bsampai\s+dengan\s+Pasal\s+{_PASAL_NUMBER})?",
    re.IGNORECASE,
)
_CONSIDERING = re.compile(r"\b(?:Menimbang|DENGAN\s+RAHMAT)\b", re.IGNORECASE)
# Title and considerations: the first part of a regulation, before its first pasal.
_OPENING_CHARS = 6000
# A title when no "Menimbang" marks its end (an abstract, a scan).
_TITLE_CHARS = 600
# The pasal that revokes reaches back this far at most.
_PROVISION_CHARS = 4000


def detect(text: str, own: str) -> list[Relation]:
    """The relations a regulation's text states; `own` is its short name, never its target."""
    relations: list[Relation] = []
    if amended := _amended(text, own):
        relations.append(amended)
    relations += _revoked(text, own)
    relations += _implemented(text, own)
    return relations


def _amended(text: str, own: str) -> Relation | None:
    title = _own_title(text)
    amendment = _AMENDMENT_TITLE.search(title)
    if amendment is None:
        return None
    targets = find_regulations(title[amendment.end() :])
    target = short_name(targets[0]) if targets else ""
    if not target or target == own:
        return None
    start = _CHANGES_START.search(text)
    changed: list[str] = []
    deleted: list[str] = []
    for match in _INSTRUCTION.finditer(text, start.end() if start else 0):
        line = match.group("line")
        if not re.search(r"diubah|dihapus|disisipkan|ditambah", line, re.IGNORECASE):
            continue
        found = _INSERTED.search(line) or _RESULTING.search(line) or _ANY_PASAL.search(line)
        if found is None:
            continue
        number = found.group(1).upper()
        if number not in changed:
            changed.append(number)
        if _WHOLE_DELETED.match(line) and number not in deleted:
            deleted.append(number)
    return Relation(AMENDS, target, tuple(changed), tuple(deleted))


def without_instructions(text: str) -> str:
    """An amending regulation's text with its instructions ("2. Ketentuan ayat (1) huruf f Pasal
    65 dihapus, sehingga Pasal 65 berbunyi sebagai berikut:") blanked out, so that they are not
    read as the end of the pasal before them. Offsets stay as they were (page maps rely on them).
    An instruction ends at its colon: what follows on the same line is the new wording itself
    (OCR of a scanned gazette runs a page into one line), and is kept."""
    if _amended(text, "") is None:
        return text
    start = _CHANGES_START.search(text)
    begin = start.end() if start else 0

    def blank(match: re.Match[str]) -> str:
        line = match.group(0)
        if not re.search(r"diubah|dihapus|disisipkan|ditambah", line, re.IGNORECASE):
            return line
        instruction, colon, wording = line.partition(":")
        blanked = " " * (len(instruction) + len(colon))
        return blanked + wording if colon and wording.strip() else " " * len(line)

    return text[:begin] + _INSTRUCTION.sub(blank, text[begin:])


def _own_title(text: str) -> str:
    """The regulation's own heading, before its considerations: there "Perubahan atas X" names
    what it amends; further on, X may be any regulation it merely lists."""
    end = _CONSIDERING.search(text[:_OPENING_CHARS])
    return text[: end.start()] if end else text[:_TITLE_CHARS]


def _revoked(text: str, own: str) -> list[Relation]:
    """Each regulation named in the provision that ends "… dicabut dan dinyatakan tidak berlaku",
    one list item ("a. …;", "b. …") or sentence at a time; pasal named before a regulation in
    its item ("Pasal 157 … Undang-Undang Nomor 28 Tahun 2009") are revoked alone."""
    found: dict[str, list[str]] = {}
    for match in _REVOKED.finditer(text):
        heading = text.rfind("\nPasal ", max(0, match.start() - _PROVISION_CHARS), match.start())
        scope = text[
            heading + 1 if heading >= 0 else match.start() - _PROVISION_CHARS : match.start()
        ]
        for item in scope.splitlines()[1 if heading >= 0 else 0 :]:
            mentions = find_regulations(item)
            if not mentions:
                continue
            first = mentions[0]
            pasal = _pasal_numbers(item[: first.start])
            for index, mention in enumerate(mentions):
                name = short_name(mention)
                if name and name != own:
                    found.setdefault(name, list(pasal if index == 0 else ()))
    return [Relation(REVOKES, name, tuple(pasal)) for name, pasal in found.items()]


def _pasal_numbers(text: str) -> list[str]:
    """'Pasal 157, Pasal 158 ayat (2), dan Pasal 314 sampai dengan Pasal 316' → 157, 158, 314,
    315, 316."""
    numbers: list[str] = []
    for match in _PASAL_RANGE.finditer(text):
        first, last = match.group(1), match.group(2)
        if last and first.isdigit() and last.isdigit() and int(first) < int(last):
            numbers += [str(n) for n in range(int(first), int(last) + 1)]
        else:
            numbers.append(first.upper())
    return list(dict.fromkeys(numbers))


def _implemented(text: str, own: str) -> list[Relation]:
    opening = text[:_OPENING_CHARS]
    relations: dict[str, list[str]] = {}
    for match in _IMPLEMENTS.finditer(opening):
        mentions = find_regulations(opening[match.end() : match.end() + 200])
        name = short_name(mentions[0]) if mentions else ""
        if not name or name == own:
            continue
        pasal = relations.setdefault(name, [])
        for number in _ANY_PASAL.findall(match.group("between")):
            if number not in pasal:
                pasal.append(number)
    return [Relation(IMPLEMENTS, name, tuple(pasal)) for name, pasal in relations.items()]


# -- written by hand ------------------------------------------------------------------------


def from_fields(fields: dict[str, Any], origin: str = FROM_FRONT_MATTER) -> list[Relation]:
    """Relations in front matter (or an admin's correction), by kind:

    mengubah: UU 23/2014                      # one regulation
    mencabut: [PP 18/2016, Permendagri 1/2015]
    melaksanakan: {peraturan: UU 23/2014, pasal: [390]}
    """
    relations: list[Relation] = []
    for kind in KINDS:
        value = fields.get(kind)
        if value in (None, "", []):
            continue
        for entry in value if isinstance(value, list) else [value]:
            relations.append(_entry(kind, entry, origin))
    return relations


_CORRECTION = re.compile(
    r"(?P<regulation>.*?)(?:\bpasal\b(?P<pasal>.*?))?(?:\bdihapus\b(?P<deleted>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?")


def parse_correction(text: str) -> list[Relation]:
    """An admin's correction, one relation per ';': "mengubah UU 23/2014 pasal 63, 65 dihapus
    10; mencabut PP 18/2016". "tidak ada" means the document acts on no regulation."""
    if text.strip().lower() in ("tidak ada", "kosong", "-"):
        return []
    relations = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        kind, _, rest = part.partition(" ")
        if kind.lower() not in KINDS:
            raise RelationError(
                f"{part!r}: awali dengan {', '.join(KINDS)}, misalnya "
                '"mengubah UU 23/2014 pasal 63, 65" atau "mencabut PP 18/2016"'
            )
        found = _CORRECTION.match(rest)
        assert found is not None  # every part of it is optional
        entry = {
            "peraturan": found.group("regulation").strip(),
            "pasal": _NUMBER.findall(found.group("pasal") or ""),
            "dihapus": _NUMBER.findall(found.group("deleted") or ""),
        }
        relations.append(_entry(kind.lower(), entry, FROM_ADMIN))
    return relations


def _entry(kind: str, entry: Any, origin: str) -> Relation:
    if isinstance(entry, dict):
        target, pasal = entry.get("peraturan"), entry.get("pasal") or []
        deleted = entry.get("dihapus") or []
    else:
        target, pasal, deleted = entry, [], []
    mentions = find_regulations(str(target or ""))
    name = short_name(mentions[0]) if mentions else ""
    if not name:
        raise RelationError(
            f"{kind}: {target!r} bukan nama peraturan dengan nomor dan tahun, "
            'misalnya "UU 23/2014" atau "Peraturan Pemerintah Nomor 38 Tahun 2017"'
        )
    pasal = [pasal] if isinstance(pasal, str | int) else pasal
    deleted = [deleted] if isinstance(deleted, str | int) else deleted
    if not isinstance(pasal, list) or not isinstance(deleted, list):
        raise RelationError(f"{kind} {name}: pasal harus berupa nomor atau daftar nomor")
    numbers = tuple(str(p).strip().upper() for p in pasal if str(p).strip())
    gone = tuple(str(p).strip().upper() for p in deleted if str(p).strip())
    return Relation(kind, name, tuple(dict.fromkeys(numbers + gone)), gone, origin)
