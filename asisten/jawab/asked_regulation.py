"""A question asking which regulation of a type, by its number: "Perpres nomor berapa yang
mengatur ganti rugi itu?", "Keputusan gubernur nomor berapa yang menetapkan penerimanya?".

A pasal delegating a matter ("diatur dengan Peraturan Presiden") shares every word of such a
question but names no Perpres: it does not answer it. A passage answers it when it comes from a
regulation of that type or names one with its number ("Peraturan Presiden Nomor 81 Tahun 2010",
"PermenPANRB 11/2015"). Types and their spellings come from the one registry
(asisten/data/jenis_peraturan.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from asisten.kb import jenis

# Words between the type and "nomor berapa": "Pergub Jawa Barat yang mengatur sistem informasi
# perencanaan dan penganggaran terpadu itu nomor berapa?" (no full stop between them). The
# number of a gazette ("dimuat di Berita Negara nomor berapa") or a letter is not the
# regulation's, nor is a number asked in another clause.
_BETWEEN = r"(?:(?!(?:berita|lembaran|tambahan|surat)\b)[^\s.?!,;]+\s+){0,12}?"
# A type written with its region and number is named, not asked: "Perda Banjarnegara 8/2025".
_NAMED = r"(?!(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s*(?:nomor|no\.?)?\s*\d)"


@cache
def _asking() -> re.Pattern[str]:
    # The type as written, not followed by its number: "PP 38/2017 nomor berapa" asks nothing.
    return re.compile(
        rf"\b(?P<type>{jenis.names_pattern()})\b{_NAMED}\s+{_BETWEEN}"
        r"(?:nomor|no\.?)\s+(?:berapa|brp)\b",
        re.IGNORECASE,
    )


@cache
def _asking_english() -> re.Pattern[str]:
    # "Which Presidential Regulation sets …?", "what Government Regulation (number and year) …"
    return re.compile(
        rf"\b(?:which|what)\s+(?P<type>{jenis.english_names_pattern()})\b(?!\s*(?:no\.?\s*)?\d)",
        re.IGNORECASE,
    )


@cache
def _english_types() -> dict[str, str]:
    return {
        " ".join(name.lower().split()): entry.short
        for entry in jenis.registry()
        for name in entry.english
    }


def asked_type(question: str) -> str:
    """The registry's name of the type whose number the question asks ("Perpres"), or ""."""
    if found := _asking().search(question):
        entry, _ = jenis.split(found.group("type"))
        return entry.short if entry is not None else ""
    if found := _asking_english().search(question):
        return _english_types().get(" ".join(found.group("type").lower().split()), "")
    return ""


@cache
def _named_with_number(type_name: str) -> re.Pattern[str]:
    entry = jenis.lookup(type_name)
    names = entry.names if entry is not None else (type_name,)
    spellings = "|".join(
        r"[\s-]*".join(map(re.escape, re.split(r"[\s-]+", name.strip()))) for name in names
    )
    return re.compile(
        rf"\b(?:{spellings})(?:\s+[A-Z][\w-]*){{0,3}}\s+(?:(?:nomor|no\.?)\s*\d+|\d+\s*/\s*\d{{4}})",
        re.IGNORECASE,
    )


def names_one(type_name: str, document_type: str | None, passage: str) -> bool:
    """Whether a passage answers which regulation of `type_name`: it comes from one (its
    document's type `document_type`), or it names one with its number."""
    if document_type and jenis.same_type(type_name, document_type):
        return True
    return bool(_named_with_number(type_name).search(passage))


def long_name(type_name: str) -> str:
    """How a reply names the type: "Peraturan Presiden"."""
    return jenis.long_name(type_name)
