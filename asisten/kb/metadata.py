"""Recognise what a regulation is from its opening text or file name, and name it for citations.

"PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 38 TAHUN 2017 TENTANG INOVASI DAERAH" → jenis "PP",
nomor "38", tahun 2017, title. Short names ("PP 38/2017") prefix every citation. Type names
come from the one registry (asisten/kb/jenis.py): a type it knows is recognised in any document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asisten.kb.jenis import canonical, long_name, names_pattern, region_name, same_type, split

# "PERATURAN GUBERNUR BALI NOMOR 2 TAHUN 2021", "LAMPIRAN VI PERATURAN …", "RANCANGAN PERATURAN
# MENTERI …", "SURAT EDARAN OTORITAS JASA KEUANGAN REPUBLIK INDONESIA NOMOR 19/SEOJK.06/ 2023",
# a JDIH abstract's "PERDA NO.8, LD 2025/NO.8". The words between type and NOMOR are a region,
# "REPUBLIK INDONESIA", or a ministry the registry does not name.
_IDENTITY = re.compile(
    r"(?<![\w-])(?:(?-i:LAMPIRAN)(?:\s+(?P<lampiran>(?-i:[IVXLC]{1,5})|\d{1,2}))?\s+)?"
    r"(?P<draft>(?-i:RANCANGAN)\s+)?"
    rf"(?P<jenis>{names_pattern()})"
    r"(?P<words>(?:\s+(?!NOMOR\b|NO\b|TENTANG\b)(?-i:[A-Z])[\w.\-]*){0,5}?)"
    r"\s*,?\s*(?:NOMOR|NO\.?)\s*"
    r"(?P<nomor>\d{1,4}[A-Z]?(?![\w.])|[0-9IlOT]{1,4}(?=\s*TAHUN))"
    r"(?:\s*/\s*(?P<code>[A-Z][\w.]*)\s*/\s*(?P<code_year>(?:19|20)\d\d)"
    r"|\s*TAHUN\s*(?P<tahun>(?:19|20)\d\d)"
    r"|\s*,\s*(?:LD|LN|BD|BN)\s*(?P<gazette_year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_TENTANG = re.compile(r"\bTENTANG\b\s*", re.IGNORECASE)
# Where an upper-case title after TENTANG ends.
_TITLE_END = re.compile(
    r"\f|\n[ \t]*\n[ \t]*\n|\bDENGAN\s+RAHMAT|\bABSTRAK\b|\bMENIMBANG\b|\bMEMUTUSKAN\b"
    r"|(?<!\w)(?:[IVX]+|[A-Z])\.\s"
    # The first chapter right under a title block that has no preamble.
    r"|(?<![\w-])BAB\s+[IVXLC]+\b"
)
_MIXED_TITLE = re.compile(
    r"(.{3,200}?)(?:\s+DENGAN\s+RAHMAT|\s+BAB\s+(?-i:[IVXLC]+)\b|\n|$)", re.IGNORECASE
)
_DRAFT = re.compile(r"\bRANCANGAN\b|\bDRAFT\b", re.IGNORECASE)
_ABSTRACT = re.compile(r"(?-i:\bABSTRAK\b)\s*:")
# File names: "pp-38-2017-…", "pergub-bali-2-2021-lampiran-vi-…", "rancangan-permenkomdigi-9-2026",
# "abstrak-perda-banjarnegara-8-2025".
_FILE_NUMBER = re.compile(r"-(\d{1,4})-((?:19|20)\d\d)(?:-|$)")
_FILE_LAMPIRAN = re.compile(r"-lampiran(?:-([ivxlc]{1,5}))?(?:-|$)")


@dataclass(frozen=True)
class DetectedRegulation:
    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None
    draft: bool = False
    # The number as printed when it is more than a number: "19/SEOJK.06/2023".
    full_nomor: str | None = None
    # The file holds only a Lampiran: "" (unnumbered) or its number ("VI"); None otherwise.
    lampiran: str | None = None
    abstract: bool = False
    # The identity was read from the text's own heading, not only guessed from the file name.
    from_heading: bool = False


def detect_regulation(text: str, file_name: str = "") -> DetectedRegulation:
    """Identify a regulation from the heading on its first page, falling back to the file name.
    Pages may be separated by form feeds ("\f"): a title never runs across one."""
    head = text[:4000]
    found = _IDENTITY.search(head)
    by_name = _from_file_name(file_name)
    if not found:
        return by_name
    jenis = _jenis(found)
    if by_name.jenis and jenis and same_type(jenis, by_name.jenis):
        jenis = by_name.jenis  # the file name adds the region the heading left out
    nomor = _clean_nomor(found.group("nomor")) or by_name.nomor
    year = found.group("tahun") or found.group("code_year") or found.group("gazette_year")
    code = found.group("code")
    lampiran = found.group("lampiran") if found.group("lampiran") is not None else None
    if lampiran is None and re.match(r"(?-i:LAMPIRAN)", found.group(0)):
        lampiran = ""
    return DetectedRegulation(
        jenis=jenis or by_name.jenis,
        nomor=nomor,
        tahun=int(year) if year else by_name.tahun,
        judul=_about(head[found.end() :]),
        draft=bool(found.group("draft")) or bool(_DRAFT.search(head[:600])) or by_name.draft,
        full_nomor=f"{nomor}/{code}/{year}" if code and nomor else None,
        lampiran=lampiran if lampiran is not None else by_name.lampiran,
        abstract=bool(_ABSTRACT.search(head)) or by_name.abstract,
        from_heading=True,
    )


def _jenis(found: re.Match[str]) -> str | None:
    entry, _ = split(found.group("jenis"))
    if entry is None:
        return None
    if not entry.regional:
        return entry.short
    return f"{entry.short} {region_name(found.group('words'))}".strip()


def _clean_nomor(raw: str) -> str | None:
    """OCR reads 1 as I or l and 0 as O in a number; anything else unreadable ("T2") is None."""
    if re.fullmatch(r"\d{1,4}[A-Z]?", raw):
        return raw
    repaired = raw.translate(str.maketrans("IlO", "110"))
    return repaired if repaired.isdigit() else None


def _about(rest: str) -> str | None:
    """The title after TENTANG: upper-case words up to the next part of the heading, or a
    mixed-case line (Markdown texts)."""
    about = _TENTANG.search(rest[:600])
    if not about:
        return None
    rest = rest[about.end() : about.end() + 700]
    first = re.match(r"\S+", rest)
    if first and re.search(r"[a-z]", first.group()):
        line = _MIXED_TITLE.match(rest)
        return _title_case(line.group(1).strip(" .;,")) if line else None
    end = _TITLE_END.search(rest)
    lines = (rest[: end.start()] if end else rest).splitlines() + [""]
    words: list[str] = []
    for line, following in zip(lines, lines[1:], strict=False):
        line_words = line.split()
        # A one-word line run straight into more lines is a chart box or a signatory, not the
        # title's last line ("… SISTEM\nELEKTRONIK\n\nDENGAN RAHMAT" keeps its last word).
        if len(line_words) == 1 and len(words) >= 4 and following.strip():
            break
        for word in line_words:
            if re.search(r"[a-z]", word):
                return _title_case(" ".join(words).strip(" .;,")) or None
            words.append(word)
    return _title_case(" ".join(words).strip(" .;,")) or None


def _from_file_name(file_name: str) -> DetectedRegulation:
    stem = re.sub(r"\.[a-z0-9]+$", "", file_name.lower())
    number = _FILE_NUMBER.search(stem)
    if not number:
        return DetectedRegulation()
    before = stem[: number.start()].split("-")
    jenis = None
    for index in range(len(before)):
        # The type is the first words the registry knows; a regional type's region follows.
        raw = " ".join(before[index:])
        jenis = canonical(raw)
        if jenis:
            break
    if jenis is None:
        return DetectedRegulation()
    lampiran = _FILE_LAMPIRAN.search(stem, number.end() - 1)
    return DetectedRegulation(
        jenis=jenis,
        nomor=number.group(1),
        tahun=int(number.group(2)),
        draft=bool(re.search(r"(?:^|-)(?:rancangan|draft)-", stem[: number.start()])),
        lampiran=(lampiran.group(1) or "").upper() if lampiran else None,
        abstract=bool(re.search(r"(?:^|-)abstrak-", stem[: number.start()])),
    )


def _title_case(text: str) -> str:
    small = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "pada", "tentang", "atas"}
    words = text.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def long_title(
    jenis: str | None,
    nomor: str | None,
    tahun: int | None,
    judul: str | None,
    *,
    full_nomor: str | None = None,
    part: str = "",
) -> str:
    """ "Peraturan Gubernur Bali Nomor 2 Tahun 2021 tentang …"; `part` names what the file holds
    when it is not the enacted text itself ("Rancangan", "Abstrak", "Lampiran VI")."""
    head = long_name(jenis) if jenis else "Dokumen"
    if full_nomor:
        number = f" Nomor {full_nomor}"
    else:
        number = f" Nomor {nomor} Tahun {tahun}" if nomor and tahun else ""
    about = f" tentang {judul}" if judul else ""
    return " ".join(p for p in (part, f"{head}{number}{about}") if p)
