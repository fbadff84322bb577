"""A rupiah amount read out of what people type: "150 juta", "Rp 1,2 miliar", "seratus lima
puluh juta rupiah", "Rp150.000.000 dari APBD Dinas Kesehatan".

Number words become digits first; then every amount-looking span ("rp 150.000.000",
"1,2 miliar", "150000000 rupiah") is found. One span is the answer and the words around it are
handed back as `rest` (they may answer the next step); two spans joined by "-", "sampai",
"atau" … are a range, and the person is asked for one amount. Stored as whole rupiah digits.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from asisten.usulan.lexicon import lexicon
from asisten.usulan.outcome import Invalid, Valid, quoted
from asisten.usulan.values import format_rupiah

EXAMPLES = "150000000, Rp 150.000.000, 150 juta, atau 1,5 miliar"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = lexicon("angka")
    units = "|".join(sorted(map(re.escape, data["satuan"]), key=len, reverse=True))
    prefix = "|".join(map(re.escape, data["awalan_rupiah"]))
    suffix = "|".join(map(re.escape, data["akhiran_rupiah"]))
    number = r"\d(?:[\d.,]*\d)?(?:\s\d{3}(?!\d))*"
    term = rf"{number}(?:\s*(?:{units})\b\.?)?"
    span = re.compile(
        rf"(?:(?<![^\W\d_])(?:{prefix})(?![^\W\d_])\.?\s*)?(?P<amount>{term}(?:\s+{number}\s*(?:{units})\b\.?)*)"
        rf"(?P<dash>[.,]-+)?(?:\s*\b(?:{suffix})\b)?"
    )
    term_re = re.compile(rf"(?P<n>{number})\s*(?:(?P<u>{units})\b\.?)?\s*")
    return span, term_re


def read_amount(text: str) -> Valid | Invalid:
    flat = " ".join(text.casefold().split())
    spoken = _words_to_digits(flat)
    if not re.search(r"\d", spoken):
        return Invalid(
            f"{quoted(text)} tidak berisi angka. Tulis jumlahnya dengan angka atau kata, "
            f"misalnya {EXAMPLES}."
        )
    span_re, _ = _patterns()
    spans = list(span_re.finditer(spoken))
    if _is_range(spoken, spans):
        return Invalid(
            f"{quoted(text)} berisi lebih dari satu angka atau rentang. Tulis satu jumlah saja "
            "(misalnya perkiraan tertinggi), contoh: 150 juta atau Rp 150.000.000."
        )
    money = [s for s in spans if _is_money(s)]
    if len(money) > 1:
        return Invalid(
            f"{quoted(text)} menyebut lebih dari satu jumlah. Tulis satu jumlah total saja, "
            "contoh: 150 juta atau Rp 150.000.000."
        )
    if not money:
        return _bare(text, spoken, spans)
    return _one(text, spoken, money[0])


def _one(text: str, spoken: str, span: re.Match[str]) -> Valid | Invalid:
    data = lexicon("angka")
    before, after = spoken[: span.start()].rstrip(), spoken[span.end() :].strip()
    if _negative(before, data):
        return Invalid(f"Jumlah tidak boleh negatif. Tulis misalnya {EXAMPLES}.")
    first_after = after.split(" ", 1)[0] if after else ""
    if first_after in data["penanda_per"] or after.startswith("/"):
        return Invalid(
            f"{quoted(text)} tidak dikenali sebagai jumlah rupiah untuk seluruh inovasi "
            f"(ada kata {quoted(first_after or '/')}). Tulis satu jumlah total, "
            f"misalnya {EXAMPLES}."
        )
    if first_after in data["mata_uang_lain"]:
        return _foreign(first_after)
    amount = _parse(span.group("amount"))
    if isinstance(amount, Invalid):
        return amount
    if amount is None:
        return _unreadable(text)
    if amount != amount.to_integral_value():
        return Invalid(
            f"{quoted(text)} bukan jumlah rupiah utuh. Jika maksudnya jutaan atau miliaran, "
            "tambahkan satuannya, misalnya 1,5 juta atau 1,5 miliar; jika tidak, tulis rupiah "
            f"utuh tanpa sen, misalnya {format_rupiah(150_000)}."
        )
    rest = " ".join(f"{before} {after}".split())
    return Valid(str(int(amount)), rest=_without_fillers(rest))


def _bare(text: str, spoken: str, spans: list[re.Match[str]]) -> Valid | Invalid:
    """Only plain small numbers: accepted when the answer is just that number."""
    if len(spans) == 1:
        span = spans[0]
        before, after = spoken[: span.start()].strip(), spoken[span.end() :].strip()
        if _negative(before, lexicon("angka")):
            return Invalid(f"Jumlah tidak boleh negatif. Tulis misalnya {EXAMPLES}.")
        if not after and not _without_fillers(before):
            return _one(text, spoken, span)
        if not before and after and " " not in after:
            return _foreign(after) if after in lexicon("angka")["mata_uang_lain"] else _unit(after)
    return _unreadable(text)


def _unit(name: str) -> Invalid:
    return Invalid(
        f"Satuan {quoted(name)} tidak dikenal. Tulis jumlah dalam rupiah, misalnya {EXAMPLES}."
    )


def _foreign(name: str) -> Invalid:
    return Invalid(
        f"Satuan {quoted(name)} bukan rupiah. Tulis jumlah dalam rupiah, misalnya {EXAMPLES}."
    )


def _unreadable(text: str) -> Invalid:
    return Invalid(
        f"{quoted(text)} tidak dikenali sebagai jumlah rupiah. Tulis satu jumlah, "
        f"misalnya {EXAMPLES}."
    )


def _is_money(span: re.Match[str]) -> bool:
    """A rupiah sign, a unit, or thousands written out: not "2" in "dua puskesmas"."""
    whole, amount = span.group(0), span.group("amount")
    digits = re.sub(r"\D", "", amount.split(",")[0])
    return whole != amount or bool(re.search(r"[^\W\d_]", amount)) or len(digits) >= 4


def _is_range(spoken: str, spans: list[re.Match[str]]) -> bool:
    joins = set(lexicon("angka")["penghubung_rentang"])
    for left, right in zip(spans, spans[1:], strict=False):
        gap = spoken[left.end() : right.start()].strip()
        if gap in joins or not gap:
            return True
    return False


def _negative(before: str, data: dict) -> bool:
    before = re.sub(rf"(?:{'|'.join(data['awalan_rupiah'])})\.?$", "", before).rstrip()
    return any(
        before.endswith(sign) if not sign.isalpha() else re.search(rf"\b{sign}$", before)
        for sign in data["tanda_negatif"]
    )


def _without_fillers(rest: str) -> str:
    fillers = sorted(lexicon("angka")["kata_pengisi"], key=len, reverse=True)
    for filler in fillers:
        rest = re.sub(rf"(?<!\w){re.escape(filler)}(?!\w)", " ", rest)
    return " ".join(rest.split()).strip(" ,.;:-")


def _parse(amount: str) -> Decimal | Invalid | None:
    """Sum of "<number> [unit]" terms; several terms ("1 miliar 250 juta") need falling units."""
    _, term_re = _patterns()
    units = lexicon("angka")["satuan"]
    s = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", amount.strip())
    terms, pos = [], 0
    while pos < len(s):
        match = term_re.match(s, pos)
        if not match:
            return None
        terms.append((match.group("n"), match.group("u")))
        pos = match.end()
    total, previous = Decimal(0), None
    for number, unit_name in terms:
        value = _decimal(number.rstrip(".,"))
        if value is None:
            return None
        unit = units[unit_name] if unit_name else 1
        if unit_name is None and len(terms) > 1:
            return None
        if previous is not None and unit >= previous:
            return None
        previous = unit
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


# --- number words -------------------------------------------------------------------------------


def _word_value(word: str, data: dict) -> tuple[str, int] | None:
    """("digit", 5) / ("mult", 100) / ("scale", 10**6) for a number word, else None."""
    scales = {k: v for k, v in data["satuan"].items() if len(k) > 2}
    if word in data["angka_kata"]:
        return "digit", data["angka_kata"][word]
    if word in data["pengali"]:
        return ("teen" if word == "belas" else "mult"), data["pengali"][word]
    if word in scales:
        return "scale", scales[word]
    one = data["awalan_satu"]
    rest = word[len(one) :]
    if word.startswith(one) and (rest in data["pengali"] or rest in scales) and rest != "belas":
        kind = "mult" if rest in data["pengali"] else "scale"
        return f"one-{kind}", data["pengali"].get(rest) or scales[rest]
    return None


def _words_to_digits(text: str) -> str:
    """Runs of number words ("seratus lima puluh juta") replaced by their value."""
    data = lexicon("angka")
    out: list[str] = []
    run: list[tuple[str, int]] = []
    for token in text.split(" "):
        value = _word_value(token.strip(",."), data)
        if value is not None:
            run.append(value)
            continue
        out += [_value_of(run), token]
        run = []
    out.append(_value_of(run))
    return " ".join(p for p in out if p)


def _value_of(run: list[tuple[str, int]]) -> str:
    if not run:
        return ""
    if all(kind == "scale" for kind, _ in run):
        return " ".join(_scale_word(v) for _, v in run)  # "150 juta": the digits carry it
    total = group = digit = 0
    for kind, value in run:
        if kind == "digit" and value >= 10:  # sepuluh, sebelas
            group += value
        elif kind == "digit":
            digit = value
        elif kind == "teen":
            group, digit = group + digit + 10, 0
        elif kind == "mult":
            group, digit = group + (digit or 1) * value, 0
        elif kind == "one-mult":
            group += value
        elif kind == "scale":
            total, group, digit = total + (group + digit or 1) * value, 0, 0
        else:  # one-scale: "sejuta"
            total += value
    return str(total + group + digit)


def _scale_word(value: int) -> str:
    names = {v: k for k, v in lexicon("angka")["satuan"].items() if len(k) > 2}
    return names[value]
