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


def asked_type(question: str) -> str:
    """The registry's name of the type whose number the question asks ("Perpres"), or ""."""
    found = _asking().search(question) or _asking_english().search(question)
    if found is None:
        return ""
    entry, _ = jenis.split(found.group("type"))
    return entry.short if entry is not None else ""


@cache
def _named_with_number(type_name: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{jenis.names_pattern_of(type_name)}(?:\s+(?-i:[A-Z])[\w-]*){{0,3}}\s+"
        r"(?:(?:nomor|no\.?)\s*\d+|\d+\s*/\s*\d{4})",
        re.IGNORECASE,
    )


def names_one(type_name: str, document_type: str | None, passage: str) -> bool:
    """Whether a passage answers which regulation of `type_name`: it comes from one (its
    document's type `document_type`), or it names one with its number."""
    if document_type and jenis.same_type(type_name, document_type):
        return True
    return bool(_named_with_number(type_name).search(passage))
