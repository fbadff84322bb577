"""Recognise what a regulation is from its opening text or file name, and name it for citations.

"PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 38 TAHUN 2017 TENTANG INOVASI DAERAH" → jenis "PP",
nomor "38", tahun 2017, title. Short names ("PP 38/2017") prefix every citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest, most specific first: the first match wins.
JENIS_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"UNDANG-?\s?UNDANG", "UU"),
    (r"PERATURAN\s+PEMERINTAH\s+PENGGANTI", "Perppu"),
    (r"PERATURAN\s+PEMERINTAH", "PP"),
    (r"PERATURAN\s+PRESIDEN", "Perpres"),
    (r"KEPUTUSAN\s+PRESIDEN", "Keppres"),
    (r"PERATURAN\s+MENTERI\s+DALAM\s+NEGERI", "Permendagri"),
    (r"PERATURAN\s+MENTERI\s+PENDAYAGUNAAN\s+APARATUR\s+NEGARA", "PermenPANRB"),
    (r"PERATURAN\s+MENTERI\s+KOMUNIKASI\s+DAN\s+INFORMATIKA", "Permenkominfo"),
    (r"PERATURAN\s+MENTERI\s+KOMUNIKASI\s+DAN\s+DIGITAL", "Permenkomdigi"),
    (r"PERATURAN\s+MENTERI\s+KEUANGAN", "PMK"),
    (r"PERATURAN\s+MENTERI", "Permen"),
    (r"PERATURAN\s+BADAN\s+SIBER\s+DAN\s+SANDI\s+NEGARA", "Perban BSSN"),
    (r"PERATURAN\s+BADAN", "Perban"),
    (r"SURAT\s+EDARAN\s+OTORITAS\s+JASA\s+KEUANGAN", "SEOJK"),
    (r"PERATURAN\s+GUBERNUR\s+([A-Z][A-Z ]{2,30}?)\s+NOMOR", "Pergub {region}"),
    (r"PERATURAN\s+BUPATI\s+([A-Z][A-Z ]{2,30}?)\s+NOMOR", "Perbup {region}"),
    (r"PERATURAN\s+WALI\s?KOTA\s+([A-Z][A-Z ]{2,30}?)\s+NOMOR", "Perwali {region}"),
    (
        r"PERATURAN\s+DAERAH\s+(?:PROVINSI|KABUPATEN|KOTA)?\s*([A-Z][A-Z ]{2,30}?)\s+NOMOR",
        "Perda {region}",
    ),
)

# File-name prefixes used in corpus-uji and by admins: "pp-38-2017-...".
FILE_PREFIXES = {
    "uu": "UU", "pp": "PP", "perpres": "Perpres", "permendagri": "Permendagri",
    "permenpanrb": "PermenPANRB", "permenkominfo": "Permenkominfo", "seojk": "SEOJK",
}  # fmt: skip

_NOMOR_TAHUN = re.compile(r"NOMOR\s+([0-9][0-9A-Z./\-]*?)\s+TAHUN\s+((?:19|20)\d\d)", re.IGNORECASE)
_TENTANG = re.compile(r"TENTANG\s+(.{3,200}?)(?:\s+DENGAN\s+RAHMAT|\n|$)", re.IGNORECASE)
_DRAFT = re.compile(r"\bRANCANGAN\b|\bDRAFT\b", re.IGNORECASE)
_FILE_NAME = re.compile(r"^([a-z]+)-(\d+)-((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DetectedRegulation:
    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None
    draft: bool = False


def detect_regulation(text: str, file_name: str = "") -> DetectedRegulation:
    """Identify a regulation from the first page of its text, falling back to the file name."""
    head = re.sub(r"\s+", " ", text[:2500])
    jenis = _detect_jenis(head)
    nomor = tahun = None
    found = _NOMOR_TAHUN.search(head)
    if found:
        nomor, tahun = _short_nomor(found.group(1)), int(found.group(2))
    judul = None
    about = _TENTANG.search(head[found.end() :] if found else head)
    if about:
        judul = _title_case(about.group(1).strip(" .;,"))
    by_name = _FILE_NAME.match(file_name.lower())
    if by_name and by_name.group(1) in FILE_PREFIXES:
        jenis = jenis or FILE_PREFIXES[by_name.group(1)]
        nomor = nomor or by_name.group(2)
        tahun = tahun or int(by_name.group(3))
    return DetectedRegulation(jenis, nomor, tahun, judul, bool(_DRAFT.search(head[:600])))


def _detect_jenis(head: str) -> str | None:
    upper = head.upper()
    best: tuple[int, str] | None = None
    for pattern, name in JENIS_PATTERNS:
        match = re.search(pattern, upper)
        if match and (best is None or match.start() < best[0]):
            region = _title_case(match.group(1).strip()) if match.groups() else ""
            best = (match.start(), name.format(region=region))
    return best[1] if best else None


def _short_nomor(raw: str) -> str:
    # "19/SEOJK.03/2023" keeps its own form; "38" stays "38".
    return raw.strip(" .")


def _title_case(text: str) -> str:
    small = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "pada", "tentang", "atas"}
    words = text.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def long_title(jenis: str | None, nomor: str | None, tahun: int | None, judul: str | None) -> str:
    names = {
        "UU": "Undang-Undang", "PP": "Peraturan Pemerintah", "Perpres": "Peraturan Presiden",
        "Permendagri": "Peraturan Menteri Dalam Negeri",
        "PermenPANRB": "Peraturan Menteri PANRB",
    }  # fmt: skip
    head = names.get(jenis or "", jenis or "Dokumen")
    number = f" Nomor {nomor} Tahun {tahun}" if nomor and tahun else ""
    about = f" tentang {judul}" if judul else ""
    return f"{head}{number}{about}"
