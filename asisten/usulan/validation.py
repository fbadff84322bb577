"""Checking and normalising one answer to one proposal step.

People answer in whatever form comes naturally ("1 Mar 2025", "01-03-2025", "Rp150 jt",
"1,5 miliar", "pelayan publik"). Each answer is stored in a single canonical form instead: ISO
dates, whole rupiah as digits, the choice's own text. That way later checks can compare values
(a deployment date must come after the trial date), documents can be rendered consistently with
`asisten.usulan.values`, and a draft reads the same however it was typed. An answer that cannot be
understood comes back as `Invalid` with a message in Bahasa Indonesia that says what is wrong and
shows a good answer, so the question can simply be asked again.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from rapidfuzz import fuzz

from asisten.usulan.template import Step
from asisten.usulan.values import MONTHS, format_date, format_rupiah


@dataclass(frozen=True)
class Valid:
    value: str


@dataclass(frozen=True)
class Invalid:
    message: str


def validate(step: Step, raw: str, answers: dict[str, str]) -> Valid | Invalid:
    """Check `raw` against `step`; `answers` are the draft's stored values, by step key."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return _empty(step)
    if step.kind in ("text", "long_text"):
        return _text(step, text)
    if step.kind == "choice":
        return _choice(step, text)
    if step.kind == "date":
        return _date(step, text, answers)
    if step.kind == "number":
        return _number(text)
    raise ValueError(f"jenis langkah tidak dikenal: {step.kind!r}")


def _empty(step: Step) -> Invalid:
    if step.required:
        return Invalid(
            f"Bagian {step.title} wajib diisi, jadi jawabannya tidak boleh kosong. "
            "(Perintah `lewati` hanya untuk bagian yang tidak wajib.) Silakan tulis jawabannya."
        )
    return Invalid(
        f"Jawaban untuk {step.title} kosong. Bagian ini tidak wajib: ketik `lewati` untuk "
        "melewatinya, atau tulis jawabannya."
    )


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


# --- text ---------------------------------------------------------------------------------------


def _text(step: Step, text: str) -> Valid | Invalid:
    if len(text) > step.max_chars:
        return Invalid(
            f"{step.title} terlalu panjang: {_count(len(text))} karakter; maksimal "
            f"{_count(step.max_chars)} karakter. Ringkas jawabannya, misalnya dengan menghapus "
            "pengulangan dan rincian yang tidak diperlukan."
        )
    if step.min_words > 0:
        n = len(_words(text))
        if n < step.min_words:
            return Invalid(
                f"{step.title} baru {_count(n)} kata; minimal {_count(step.min_words)} kata. "
                f"Tambahkan sedikitnya {_count(step.min_words - n)} kata lagi, misalnya dengan "
                "menjelaskan masalah yang diatasi, cara kerja inovasi, dan hasil yang diharapkan."
            )
    return Valid(text)


# --- choice -------------------------------------------------------------------------------------

FUZZY_MIN_SCORE = 85
FUZZY_MIN_MARGIN = 10


def _key(text: str) -> str:
    return " ".join(_words(text.casefold()))


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def _choice(step: Step, text: str) -> Valid | Invalid:
    choices = step.choices
    keys = [_key(c) for c in choices]
    wanted = _key(text)
    if not wanted:
        return _bad_choice(step, text)
    if wanted in keys:
        return Valid(choices[keys.index(wanted)])
    number = re.fullmatch(r"(?:no\.?|nomor|pilihan)?\s*\(?(\d{1,3})[.)]?", text.casefold())
    if number:
        index = int(number.group(1))
        if 1 <= index <= len(choices):
            return Valid(choices[index - 1])
        return _bad_choice(step, text, f"Tidak ada pilihan nomor {index}.")
    prefixed = [c for c, k in zip(choices, keys, strict=True) if k.startswith(wanted)]
    if len(prefixed) == 1:
        return Valid(prefixed[0])
    tokens = wanted.split()
    containing = [
        c for c, k in zip(choices, keys, strict=True) if _contains_words(k.split(), tokens)
    ]
    if len(containing) == 1:
        return Valid(containing[0])
    if len(prefixed) > 1 or len(containing) > 1:
        matches = ", ".join(prefixed if len(prefixed) > 1 else containing)
        return _bad_choice(
            step, text, f"Jawaban itu cocok dengan lebih dari satu pilihan ({matches})."
        )
    scores = sorted(
        ((fuzz.ratio(wanted, k), c) for c, k in zip(choices, keys, strict=True)), reverse=True
    )
    best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0
    if best >= FUZZY_MIN_SCORE and best - runner_up >= FUZZY_MIN_MARGIN:
        return Valid(scores[0][1])
    return _bad_choice(step, text)


def _bad_choice(step: Step, text: str, reason: str = "") -> Invalid:
    listing = "\n".join(f"{i}. {c}" for i, c in enumerate(step.choices, start=1))
    reason = reason or f"{_quoted(text)} tidak cocok dengan pilihan mana pun."
    return Invalid(
        f"{reason} Pilih salah satu untuk {step.title} dengan menulis nomor atau teksnya:\n"
        f"{listing}\nContoh: `1` atau `{step.choices[0]}`."
    )


# --- date ---------------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 2000, 2100

_MONTH_NAMES: dict[str, int] = {name.casefold(): i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update(
    {
        name: i
        for i, names in enumerate(
            (
                ("jan", "january"),
                ("feb", "peb", "pebruari", "february"),
                ("mar", "march"),
                ("apr",),
                ("may",),
                ("jun", "june"),
                ("jul", "july"),
                ("agu", "agt", "ags", "agus", "aug", "august"),
                ("sep", "sept"),
                ("okt", "oct", "october"),
                ("nov", "nop", "nopember"),
                ("des", "dec", "december"),
            ),
            start=1,
        )
        for name in names
    }
)

_DATE_EXAMPLES = "1 Maret 2025, 01-03-2025, atau Maret 2025"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s./-]*([^\W\d_]+)\.?[\s./,-]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2}),?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?[\s./,-]*(\d{4})")


def _date(step: Step, text: str, answers: dict[str, str]) -> Valid | Invalid:
    parsed = _parse_date(" ".join(text.casefold().split()).rstrip("."))
    if isinstance(parsed, Invalid):
        return parsed
    if step.after and answers.get(step.after):
        try:
            earlier = date.fromisoformat(answers[step.after])
        except ValueError:
            earlier = None  # a malformed stored value must not block the user's answer
        if earlier is not None and parsed <= earlier:
            return Invalid(
                f"{step.title} ({format_date(parsed)}) harus sesudah "
                f"{step.after.replace('_', ' ')} ({format_date(earlier)}). Tulis tanggal sesudah "
                f"{format_date(earlier)}, misalnya {format_date(earlier + timedelta(days=1))}."
            )
    return Valid(parsed.isoformat())


def _parse_date(text: str) -> date | Invalid:
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day, text)
    if match := _NUMERIC.fullmatch(text):
        day, month, year_text = match.groups()
        if len(year_text) == 2:
            return Invalid(
                f"Tahun pada {_quoted(text)} harus ditulis lengkap empat angka, "
                f"misalnya {int(day):02d}-{int(month):02d}-20{year_text}."
            )
        if int(month) > 12:
            return Invalid(
                f"Bulan {int(month)} pada {_quoted(text)} tidak ada. Tulis tanggal dulu, lalu "
                "bulan, lalu tahun, misalnya 01-03-2025 untuk 1 Maret 2025."
            )
        return _make_date(int(year_text), int(month), int(day), text)
    named: tuple[str, str, str] | None = None
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        named = match.group(1), match.group(2), match.group(3)
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        named = match.group(2), match.group(1), match.group(3)
    elif match := _MONTH_YEAR.fullmatch(text):
        named = "1", match.group(1), match.group(2)
    if named is None:
        return Invalid(
            f"{_quoted(text)} tidak dikenali sebagai tanggal. Tulis misalnya {_DATE_EXAMPLES}."
        )
    day, month_name, year = named
    month = _MONTH_NAMES.get(month_name)
    if month is None:
        return Invalid(
            f"Nama bulan {_quoted(month_name)} tidak dikenali. Tulis misalnya {_DATE_EXAMPLES}."
        )
    return _make_date(int(year), month, int(day), text)


def _make_date(year: int, month: int, day: int, text: str) -> date | Invalid:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Invalid(
            f"Tahun {year} pada {_quoted(text)} di luar rentang yang diterima "
            f"({MIN_YEAR}–{MAX_YEAR}). Tulis misalnya 1 Maret 2025."
        )
    if not 1 <= month <= 12:
        return Invalid(
            f"Bulan {month} pada {_quoted(text)} tidak ada. Tulis misalnya {_DATE_EXAMPLES}."
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = MONTHS[month - 1]
        return Invalid(
            f"Tanggal {day} {month_name} {year} tidak ada: {month_name} {year} hanya sampai "
            f"tanggal {last}. Tulis misalnya {last} {month_name} {year}."
        )
    return date(year, month, day)


# --- number (rupiah) ----------------------------------------------------------------------------

_UNITS: dict[str, int] = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
    "trilyun": 10**12,
}
_NUMBER_EXAMPLES = "150000000, Rp 150.000.000, 150 juta, atau 1,5 miliar"
_APPROXIMATELY = re.compile(r"^(?:sekitar|kurang lebih|lebih kurang|kira-kira|kira kira|±|\+/-)\s*")
_NEGATIVE = re.compile(r"^(?:-|−|minus\b)\s*")
_RUPIAH_PREFIX = re.compile(r"^(?:rp|idr)\.?\s*")
_RANGE = re.compile(
    r"–|—|~|\bs\.?\s?d\b\.?|\bs/d\b|\bsampai\b|\bhingga\b|\batau\b|\bantara\b"
    r"|\d\s*[^\W\d_]*\.?\s*[-/]\s*(?:rp\.?\s*)?\d"
)
_TERM = re.compile(r"(\d[\d.,]*)\s*(?:([^\W\d_]+)\.?)?\s*")


def _number(text: str) -> Valid | Invalid:
    s = _APPROXIMATELY.sub("", " ".join(text.casefold().split()))
    negative = bool(_NEGATIVE.match(s))
    s = _RUPIAH_PREFIX.sub("", _NEGATIVE.sub("", s))
    negative = negative or bool(_NEGATIVE.match(s))
    s = _NEGATIVE.sub("", s)
    s = re.sub(r"\s*rupiah$", "", s)
    s = re.sub(r"[.,]-+$", "", s)  # "Rp 150.000,-"
    if not re.search(r"\d", s):
        return Invalid(
            f"{_quoted(text)} tidak berisi angka. Tulis jumlahnya dengan angka, "
            f"misalnya {_NUMBER_EXAMPLES}."
        )
    if negative:
        return Invalid(f"Jumlah tidak boleh negatif. Tulis misalnya {_NUMBER_EXAMPLES}.")
    if _RANGE.search(s):
        return Invalid(
            f"{_quoted(text)} berisi lebih dari satu angka atau rentang. Tulis satu jumlah saja "
            "(misalnya perkiraan tertinggi), contoh: 150 juta atau Rp 150.000.000."
        )
    s = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", s)  # "150 000 000"
    amount = _parse_amount(s)
    if isinstance(amount, Invalid):
        return amount
    if amount is None:
        return Invalid(
            f"{_quoted(text)} tidak dikenali sebagai jumlah rupiah. Tulis satu jumlah, "
            f"misalnya {_NUMBER_EXAMPLES}."
        )
    if amount != amount.to_integral_value():
        return Invalid(
            f"{_quoted(text)} bukan jumlah rupiah utuh. Jika maksudnya jutaan atau miliaran, "
            "tambahkan satuannya, misalnya 1,5 juta atau 1,5 miliar; jika tidak, tulis rupiah "
            f"utuh tanpa sen, misalnya {format_rupiah(150_000)}."
        )
    return Valid(str(int(amount)))


def _parse_amount(s: str) -> Decimal | Invalid | None:
    """Sum of "<number> [unit]" terms; several terms ("1 miliar 250 juta") need falling units."""
    terms = []
    pos = 0
    while pos < len(s):
        match = _TERM.match(s, pos)
        if not match:
            return None
        terms.append(match.groups())
        pos = match.end()
    total = Decimal(0)
    previous_unit: int | None = None
    for number, unit_name in terms:
        value = _decimal(number.rstrip(".,"))
        if value is None:
            return None
        unit = 1
        if unit_name is not None:
            if unit_name not in _UNITS:
                return Invalid(
                    f"Satuan {_quoted(unit_name)} tidak dikenal. Tulis jumlah dalam rupiah, "
                    f"misalnya {_NUMBER_EXAMPLES}."
                )
            unit = _UNITS[unit_name]
        elif len(terms) > 1:
            return None
        if previous_unit is not None and unit >= previous_unit:
            return None
        previous_unit = unit
        total += value * unit
    return total


def _decimal(number: str) -> Decimal | None:
    """Read Indonesian ("1.500.000,5") or English ("1,500,000.5") digit grouping."""
    if not number:
        return None
    if "." in number and "," in number:
        point = "." if number.rfind(".") > number.rfind(",") else ","
        whole, _, fraction = number.rpartition(point)
        grouped = _grouped(whole, "," if point == "." else ".")
        if grouped is None or not fraction.isdigit():
            return None
        return Decimal(f"{grouped}.{fraction}")
    separator = "." if "." in number else "," if "," in number else None
    if separator is None:
        return Decimal(number)
    parts = number.split(separator)
    # One separator before exactly three digits groups thousands ("150.000"); otherwise it is the
    # decimal point ("1,5 miliar", "1.5 M").
    if len(parts) > 2 or len(parts[1]) == 3:
        grouped = _grouped(number, separator)
        return None if grouped is None else Decimal(grouped)
    whole, fraction = parts
    if not whole.isdigit() or not fraction.isdigit():
        return None
    return Decimal(f"{whole}.{fraction}")


def _grouped(number: str, separator: str) -> int | None:
    parts = number.split(separator)
    head, rest = parts[0], parts[1:]
    if not (head.isdigit() and len(head) <= 3) or any(
        not (p.isdigit() and len(p) == 3) for p in rest
    ):
        return None
    return int("".join(parts))
