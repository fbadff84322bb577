"""A date read out of what people type: "1 Maret 2027", "01-03-2027", "Maret 2027", "mulai
1 Maret 2027 di dua puskesmas", and vague words ("awal tahun depan", "pertengahan 2027").

An answer that is only a date is checked strictly, with a precise message ("31 Februari 2026
tidak ada"). A date inside a sentence is taken with the rest handed back. Vague words give an
`Unsure` proposal (the first day of the month they point at) that is stored only once the
person confirms it. Stored as ISO dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from asisten.usulan.lexicon import lexicon
from asisten.usulan.outcome import Invalid, Unsure, Valid, quoted
from asisten.usulan.template import Step
from asisten.usulan.values import MONTHS, format_date

EXAMPLES = "1 Maret 2025, 01-03-2025, atau Maret 2025"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s./-]*([^\W\d_]+)\.?[\s./,-]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2}),?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?[\s./,-]*(\d{4})")


@cache
def _months() -> dict[str, int]:
    return {name: int(n) for n, names in lexicon("tanggal")["bulan"].items() for name in names}


def read_date(step: Step, text: str, answers: dict[str, str], today: date) -> Valid | Invalid:
    flat = " ".join(text.casefold().split()).rstrip(".")
    parsed = _parse_whole(flat)
    rest = ""
    if parsed is None:
        found = _search(flat)
        if found is None:
            return _vague(flat, today) or Invalid(
                f"{quoted(flat)} tidak dikenali sebagai tanggal. Tulis misalnya {EXAMPLES}."
            )
        parsed, rest = found
    if isinstance(parsed, Invalid):
        return parsed
    problem = _order(step, parsed, answers)
    return problem or Valid(parsed.isoformat(), rest=rest)


def _order(step: Step, parsed: date, answers: dict[str, str]) -> Invalid | None:
    if not (step.after and answers.get(step.after)):
        return None
    try:
        earlier = date.fromisoformat(answers[step.after])
    except ValueError:
        return None  # a malformed stored value must not block the user's answer
    if parsed > earlier:
        return None
    return Invalid(
        f"{step.title} ({format_date(parsed)}) harus sesudah "
        f"{step.after.replace('_', ' ')} ({format_date(earlier)}). Tulis tanggal sesudah "
        f"{format_date(earlier)}, misalnya {format_date(earlier + timedelta(days=1))}."
    )


def _parse_whole(text: str) -> date | Invalid | None:
    """The answer is a date and nothing else: checked strictly. None: it is not only a date."""
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day, text)
    if match := _NUMERIC.fullmatch(text):
        return _numeric(match, text)
    named: tuple[str, str, str] | None = None
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        named = match.group(1), match.group(2), match.group(3)
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        named = match.group(2), match.group(1), match.group(3)
    elif match := _MONTH_YEAR.fullmatch(text):
        named = "1", match.group(1), match.group(2)
    if named is None:
        return None
    day, month_name, year = named
    month = _months().get(month_name)
    if month is None:
        if _vague(text, date.today()) is not None:
            return None  # "pertengahan 2027": vague words, not a misspelt month
        return Invalid(
            f"Nama bulan {quoted(month_name)} tidak dikenali. Tulis misalnya {EXAMPLES}."
        )
    return _make_date(int(year), month, int(day), text)


def _numeric(match: re.Match[str], text: str) -> date | Invalid:
    day, month, year_text = match.groups()
    if len(year_text) == 2:
        return Invalid(
            f"Tahun pada {quoted(text)} harus ditulis lengkap empat angka, "
            f"misalnya {int(day):02d}-{int(month):02d}-20{year_text}."
        )
    if int(month) > 12:
        return Invalid(
            f"Bulan {int(month)} pada {quoted(text)} tidak ada. Tulis tanggal dulu, lalu "
            "bulan, lalu tahun, misalnya 01-03-2025 untuk 1 Maret 2025."
        )
    return _make_date(int(year_text), int(month), int(day), text)


def _search(text: str) -> tuple[date | Invalid, str] | None:
    """A date somewhere in a sentence, and the words around it."""
    for pattern in (_ISO, _NUMERIC):
        if match := pattern.search(text):
            whole = _parse_whole(match.group(0))
            if whole is not None:
                return whole, _around(text, match)
    for pattern, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_YEAR, (None, 1, 2))):
        for match in pattern.finditer(text):
            month = _months().get(match.group(order[1]))
            if month is None:
                continue
            day = int(match.group(order[0])) if order[0] else 1
            made = _make_date(int(match.group(order[2])), month, day, match.group(0))
            return made, _around(text, match)
    return None


def _around(text: str, match: re.Match[str]) -> str:
    return " ".join(f"{text[: match.start()]} {text[match.end() :]}".split()).strip(" ,.;:-")


def _vague(text: str, today: date) -> Unsure | None:
    data = lexicon("tanggal")
    words = f" {text} "
    part = next((m for w, m in data["bagian_tahun"].items() if f" {w} " in words), None)
    relative = next((d for p, d in data["tahun_relatif"].items() if f" {p} " in words), None)
    explicit = re.search(r"\b(\d{4})\b", text)
    months_ahead = next((d for p, d in data["bulan_relatif"].items() if f" {p} " in words), None)
    if months_ahead is not None:
        index = today.month - 1 + months_ahead
        proposed = date(today.year + index // 12, index % 12 + 1, 1)
    elif relative is not None:
        proposed = date(today.year + relative, part or 1, 1)
    elif explicit and part is not None:
        proposed = date(int(explicit.group(1)), part, 1)
    else:
        return None
    if not data["tahun_min"] <= proposed.year <= data["tahun_maks"]:
        return None
    shown = format_date(proposed)
    return Unsure(
        f'Saya membaca {quoted(text)} sebagai {shown}. Betul? Ketik "ya" untuk menyimpan '
        f"{shown}, atau tulis tanggalnya, misalnya {EXAMPLES}.",
        proposed=proposed.isoformat(),
    )


def _make_date(year: int, month: int, day: int, text: str) -> date | Invalid:
    data = lexicon("tanggal")
    low, high = data["tahun_min"], data["tahun_maks"]
    if not low <= year <= high:
        return Invalid(
            f"Tahun {year} pada {quoted(text)} di luar rentang yang diterima "
            f"({low}–{high}). Tulis misalnya 1 Maret 2025."
        )
    if not 1 <= month <= 12:
        return Invalid(f"Bulan {month} pada {quoted(text)} tidak ada. Tulis misalnya {EXAMPLES}.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = MONTHS[month - 1]
        return Invalid(
            f"Tanggal {day} {month_name} {year} tidak ada: {month_name} {year} hanya sampai "
            f"tanggal {last}. Tulis misalnya {last} {month_name} {year}."
        )
    return date(year, month, day)
