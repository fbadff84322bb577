"""Parse an Indonesian regulation along its own structure: BAB → Bagian → Pasal → ayat → huruf,
with the Penjelasan linked to the pasal it explains, and the closing (Penutup) and each Lampiran
units of their own. A text without pasal (a Surat Edaran, an annex alone) is read by its numbered
sections instead.

Works on clean Markdown (headings on their own lines) and on noisy OCR text where headings run
inline. A "Pasal N" is a heading only when it is not a cross-reference ("sebagaimana dimaksud
dalam Pasal 7", "Pasal 7 ayat (1)") and, inline, only when it continues the pasal sequence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml
from rapidfuzz.distance import Levenshtein

from asisten.kb.closing import split_closing
from asisten.kb.lampiran import Lampiran, parse_lampiran, split_lampiran
from asisten.kb.ocr import clean_regulation_text, without_margin_numbers
from asisten.kb.sections import Section, parse_sections

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINALS = (
    "Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh"
)

# OCR may put a stray period after the word ("Pasal. 8", "Pasal . 38"): accepted only on a
# line of its own, as a heading stands.
# OCR may lose the capital ("Evaluasi pasal 29 (l) Menteri"): a lower-case heading counts only
# when it is the next pasal.
_PASAL = re.compile(
    r"(?<![\w/])(?P<word>[Pp])asal(?P<gap>\s*\.\s*|\s+)(?P<number>\d{1,3}[A-Z]?)(?![\w/])"
)
# An amending regulation numbers its own articles in roman ("Pasal I" holds the amendments,
# "Pasal II" puts them in force), on a line of their own. Its Pasal I opens with what it amends
# ("Beberapa ketentuan dalam … diubah sebagai berikut:"), and its Penjelasan's Pasal I goes
# through the amendments by number ("Angka 1 Pasal 63 Cukup jelas."); else "Pasal I" is OCR's
# "Pasal 1".
_ROMAN_PASAL = re.compile(r"(?<![\w/])Pasal[ \t]+(?P<number>[IVX]{1,4})(?![\w/])")
_AMENDS = re.compile(r"\b(?:diubah|disisipkan|ditambah\w*|dihapus|Angka\s+1)\b")
_AMENDS_WITHIN = 600
_BAB = re.compile(r"(?<![\w/])BAB\s+([IVXLC]+)\b[ \t]*(?:[-–—:.][ \t]*)?")
# Older texts number a Bagian in roman and capitals ("BAGIAN IV. Badan Pemerintah Harian.").
_BAGIAN = re.compile(
    rf"(?<![\w/])(Bagian|Paragraf|BAGIAN)\s+({_ORDINALS}|\d+|[IVXLC]+)\b[ \t]*(?:[-–—:.][ \t]*)?"
)
# A title in ordinary case closed by a period, as 1965-era texts write BAB headings inline
# ("… Daerahnya. BAB VIII. Peraturan Peralihan. Pasal 88.").
_DOTTED_TITLE = re.compile(r"\s*([A-Z][^\n.]{2,80})\.(?=\s)")
_SENTENCE_END = re.compile(r"[.;:]\s*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*#*[ \t]*$")
_REFERENCE_BEFORE = re.compile(
    r"(?:dalam|pada|dan|atau|serta|dengan|oleh|di|ke|menurut|berdasarkan|terhadap|sampai|"
    r"hingga|s\.d\.?|sebagaimana|dimaksud|ketentuan|maupun|bahwa|tentang|,|;)\s*$",
    re.IGNORECASE,
)
_REFERENCE_AFTER = re.compile(
    r"\s*(?:ayat|huruf|angka|Undang|UU|Peraturan|sampai|s\.d|dan\s+Pasal|,|;|sebagaimana)",
    re.IGNORECASE,
)
# The rest of a heading's line, then the first ayat on the next: ". \n(1) Sesuatu Daerah".
_FIRST_AYAT_NEXT = re.compile(r"\.?[ \t]*\n[ \t]*\(1\)\s")
# A Penjelasan's label for its first ayat, capitalised as no cross-reference is ("ayat (1)").
_EXPLAINED_AYAT_NEXT = re.compile(r"[ \t]+Ayat[ \t]*\(1\)")
_HEADING_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_NEXT_LINE = re.compile(r"[ \t]*\n\s*")
_MAX_TITLE_LINES = 3
_NOT_TITLE = {"pasal", "bagian", "paragraf", "bab"}
_STRUCTURE_LINE = re.compile(r"#|(?:Pasal|Paragraf|Bagian|BAB)\b")
_AYAT_MARK = re.compile(r"(?:(?<=^)|(?<=\s))\((\d{1,2})\)\s+(?=[\w\"“'\[])")
_HURUF_MARK = re.compile(r"(?:(?<=^)|(?<=[\s:;]))([a-z])\.\s+(?=\S)")
_ANGKA_MARK = re.compile(r"(?:(?<=^)|(?<=[\s:;.]))(\d{1,2})\.\s+(?=[A-Z\"“])")
# OCR may misread a letter or two of the official heading ("PENJEI"ASAN ATAS"); "ATAS" after it
# still tells it from the word inside a pasal.
_PENJELASAN = re.compile(
    r"(?:^|\n)[ \t]*#*[ \t]*PENJELASAN\b|\bPENJELASAN\s+ATAS\b|\bPENJ\S{2,5}SAN\s+ATAS\b"
)
_PASAL_DEMI_PASAL = re.compile(r"PASAL\s+DEMI\s+PASAL", re.IGNORECASE)
_PENJELASAN_UMUM = re.compile(r"\bI\.\s*UMUM\b|(?:^|\n)#*\s*UMUM\s*\n", re.IGNORECASE)
# The gazette line closing an official text: "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR
# 5587" is no part of the last pasal's explanation.
_GAZETTE_TAIL = re.compile(r"\s*TAMBAHAN\s+LEMBARAN\s+(?:NEGARA|DAERAH)\b[A-Z\s]*\bNOMOR\s+\d+\s*$")
_UPPER_TITLE_WORD = re.compile(r"[A-Z0-9][A-Z0-9,/&()\-]*|DAN|ATAU")


@dataclass
class Ayat:
    number: str
    text: str
    huruf: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Pasal:
    number: str
    text: str
    bab: str = ""
    bagian: str = ""
    position: int = 0
    ayat: list[Ayat] = field(default_factory=list)
    huruf: list[tuple[str, str]] = field(default_factory=list)
    angka: list[tuple[str, str]] = field(default_factory=list)
    lead: str = ""

    @property
    def context(self) -> str:
        return " › ".join(part for part in (self.bab, self.bagian) if part)


@dataclass
class Regulation:
    pasal: list[Pasal]
    penjelasan: dict[str, str]
    penjelasan_umum: str = ""
    preamble: str = ""
    lampiran: list[Lampiran] = field(default_factory=list)
    # Only for a text without pasal: its numbered sections and the text before them.
    sections: list[Section] = field(default_factory=list)
    intro: str = ""
    # The Penutup after the last pasal: promulgation order, enactment and gazette.
    closing: str = ""


def roman_to_int(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN[char]
        total += -value if _ROMAN.get(following, 0) > value else value
    return total


def pasal_key(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)([A-Z]?)", number)
    return (int(match.group(1)), match.group(2)) if match else (0, "")


def parse_regulation(
    text: str, *, clean: bool = True, annex: str | None = None,
    repairs: Counter[tuple[str, str]] | None = None,
) -> Regulation:  # fmt: skip
    """Parse the batang tubuh, the Penjelasan and the Lampiran. `clean` repairs OCR noise first
    (`repairs` counts the misread words it puts back). `annex` says the whole text is one
    Lampiran without its heading ("" if unnumbered)."""
    if clean:
        text = clean_regulation_text(text, repairs=repairs)
    if annex is not None:
        return Regulation(pasal=[], penjelasan={}, lampiran=[parse_lampiran(text, annex)])
    text, lampiran = split_lampiran(text)
    body, explanation = _split_penjelasan(text)
    body, closing = split_closing(body)
    pasal = _parse_body(body)
    umum, per_pasal = _parse_penjelasan(_GAZETTE_TAIL.sub("", explanation))
    preamble = body[: pasal[0].position].strip() if pasal else body.strip()
    intro, sections = ("", []) if pasal else parse_sections(body)
    return Regulation(
        pasal=pasal,
        penjelasan=per_pasal,
        penjelasan_umum=umum,
        preamble=preamble,
        lampiran=lampiran,
        sections=sections,
        intro=intro,
        closing=closing,
    )


def _split_penjelasan(text: str) -> tuple[str, str]:
    # The Penjelasan starts after the last pasal of the body; take the first marker that is
    # followed by pasal-by-pasal explanations or "ATAS" (the official heading).
    for match in _PENJELASAN.finditer(text):
        rest = text[match.end() : match.end() + 400]
        if re.match(r"\s*ATAS\b", rest) or re.match(r"\s*\n", rest) or "UMUM" in rest:
            return text[: match.start()], text[match.end() :]
    return text, ""


def _is_heading_line(text: str, start: int, end: int) -> bool:
    """'Pasal 7' alone on its line (Markdown or clean text)."""
    return bool(_LINE_START.search(text[:start][-40:] or "\n")) and bool(
        _HEADING_LINE_END.match(text, end)
    )


def _is_reference(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    return bool(_REFERENCE_BEFORE.search(before)) or bool(_REFERENCE_AFTER.match(text, end))


def _pasal_headings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each pasal heading, in order, without cross-references."""
    found: list[tuple[int, int, str]] = []
    last = (0, "")
    for match in _PASAL.finditer(text):
        number = match.group("number")
        key = pasal_key(number)
        own_line = _is_heading_line(text, match.start(), match.end())
        if (
            not own_line
            and ("." in match.group("gap") or _is_reference(text, *match.span()))
            and not _opens_next_pasal(text, match.start(), match.end(), number, last)
        ):
            continue
        if key <= last and not (number := _misread_next(number, last)):
            continue  # a repeated heading at a page break, or a stray earlier number
        key = pasal_key(number)
        if match.group("word") == "p" and key != _next_after(last):
            continue
        # Inline (OCR) headings must continue the sequence; own-line headings may skip pasal
        # (summaries that keep only some pasal).
        if not own_line and key[0] > last[0] + 3:
            continue
        # "Pasal 30." as older texts write it: the period closes the heading, not the pasal's
        # first sentence.
        end = match.end() + text.startswith(".", match.end())
        found.append((match.start(), end, number))
        last = key
    return sorted(found + _amending_articles(text))


def _amending_articles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of an amending regulation's own roman articles, which stand outside
    the sequence of the pasal it amends; none unless its Pasal I amends."""
    found = [
        (match.start(), match.end(), match.group("number"))
        for match in _ROMAN_PASAL.finditer(text)
        if _is_heading_line(text, match.start(), match.end())
    ]
    first = next((end for _start, end, number in found if number == "I"), None)
    if first is None or not _AMENDS.search(text, first, first + _AMENDS_WITHIN):
        return []
    return found


def _next_after(last: tuple[int, str]) -> tuple[int, str]:
    """The key of the pasal that follows `last` in plain sequence (27 after 26 or 26A)."""
    return (last[0] + 1, "")


def _opens_next_pasal(text: str, start: int, end: int, number: str, last: tuple[int, str]) -> bool:
    """'… urusan tersebut, Pasal 41.' ending its line, the next one opening with '(1)': a
    heading OCR or the source joined to the sentence before, whatever precedes it. A first ayat
    with no heading above it opens a new pasal, and the next number is the one it opens. So
    does a Penjelasan's run-on line, "Cukup jelas. Pasal 382 Ayat (1) Cukup jelas. …": after a
    sentence's end, its explanation of ayat (1) opens the next pasal's."""
    if pasal_key(number) != _next_after(last):
        return False
    if _FIRST_AYAT_NEXT.match(text, end):
        return True
    return text[:start].rstrip().endswith(".") and bool(_EXPLAINED_AYAT_NEXT.match(text, end))


def _misread_next(number: str, last: tuple[int, str]) -> str:
    """The next pasal's number when OCR read one of its digits as a letter ("2T" after Pasal
    26 is Pasal 27), else "". Only the next number counts: "2A" after Pasal 2 is a real
    inserted pasal, and a letter read as a digit elsewhere is no evidence of anything."""
    look_alikes = _digit_look_alikes()
    digits = "".join(look_alikes.get(c, c) for c in number)
    return digits if digits.isdigit() and (int(digits), "") == _next_after(last) else ""


@cache
def _digit_look_alikes() -> dict[str, str]:
    text = files("asisten").joinpath("data", "angka_ocr.yaml").read_text("utf-8")
    return {str(letter): str(digit) for letter, digit in yaml.safe_load(text).items()}


def _structure_events(text: str) -> list[tuple[int, int, str, str]]:
    """BAB and Bagian/Paragraf headings as (start, end, kind, label)."""
    events = []
    last_bab = 0
    for match in _BAB.finditer(text):
        title, title_end = _upper_title(text, match.end())
        value = roman_to_int(match.group(1))
        alone = _is_heading_line(text, match.start(), match.end())
        if not (title or alone) and (dotted := _dotted_title(text, match)):
            title, title_end = dotted.group(1), dotted.end()
        if not (title or alone) or value <= last_bab or _bab_repeated(text, match):
            continue
        last_bab = value
        label = f"BAB {match.group(1)} {title}".strip()
        events.append((match.start(), max(title_end, match.end()), "bab", label))
    for match in _BAGIAN.finditer(text):
        if _REFERENCE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        title = _title_case_title(text, match.end()).removesuffix(".")
        word = match.group(1).capitalize()
        label = f"{word} {match.group(2)} {title}".strip()
        events.append((match.start(), match.end(), word.lower(), label))
    return sorted(events)


def _dotted_title(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """The ordinary-case title closed by a period after a BAB that starts a sentence."""
    if not _SENTENCE_END.search(text[max(0, match.start() - 5) : match.start()]):
        return None
    return _DOTTED_TITLE.match(text, match.end())


def _bab_repeated(text: str, match: re.Match[str]) -> bool:
    """'BAB I' whose next line is 'BAB I KETENTUAN UMUM' (a header removed between them): the
    full heading below counts, not this bare one."""
    following = _NEXT_LINE.match(text, match.end())
    again = _BAB.match(text, following.end()) if following else None
    return bool(again) and again.group(1) == match.group(1)


def _upper_title(text: str, start: int) -> tuple[str, int]:
    """The upper-case title after "BAB IV" and where it ends: on the heading's line or, when
    that line ends with the number, on the next one ("BAB IV\nPENYIMPANAN DAN PENYALURAN"); a
    title wrapped over more upper-case lines is read whole."""
    line = _NEXT_LINE.match(text, start)
    if line:
        start = line.end()
    words: list[str] = []
    end = start
    for _ in range(_MAX_TITLE_LINES):
        line_words, line_end, whole = _upper_words(text, start)
        words += line_words
        end = line_end if line_words else end
        following = _NEXT_LINE.match(text, line_end) if whole and line_words else None
        if not following:
            break
        start = following.end()
    return " ".join(words), end


def _upper_words(text: str, start: int) -> tuple[list[str], int, bool]:
    """Upper-case title words of the line at `start`, where they end, and whether they fill it."""
    words, end = [], start
    for word in re.finditer(r"[^ \t\n]+", text[start : start + 200].split("\n")[0]):
        # A title may close with a period ("BAB IX. PERATURAN PENUTUP. Pasal 90.").
        token = word.group().removesuffix(".")
        if token.lower() in _NOT_TITLE or not _UPPER_TITLE_WORD.fullmatch(token):
            return words, end, False
        words.append(token)
        end = start + word.end()
        if token != word.group():
            return words, end, False
    return words, end, True


def _title_case_title(text: str, start: int) -> str:
    """A Bagian's title: on its line, or on the next one when the line ends with the number."""
    following = _NEXT_LINE.match(text, start)
    if following:
        if _STRUCTURE_LINE.match(text, following.end()):
            return ""
        start = following.end()
    line = text[start : start + 200].split("\n")[0]
    cut = re.search(r"\bPasal\b|\(\d", line)
    return (line[: cut.start()] if cut else line).strip()


def _parse_body(text: str) -> list[Pasal]:
    headings = _pasal_headings(text)
    events = _structure_events(text)
    pasal_list = []
    bab = bagian = ""
    for index, (start, end, number) in enumerate(headings):
        stop = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        for ev_start, _ev_end, kind, label in events:
            if ev_start >= start:
                break
            if kind == "bab":
                bab, bagian = label, ""
            else:
                bagian = label
        body_end = min([stop] + [e[0] for e in events if start < e[0] < stop])
        body = text[end:body_end].strip()
        pasal = Pasal(number=number, text=_tidy(body), bab=bab, bagian=bagian, position=start)
        # A roman article's ayat markers are those of the pasal it amends ("Pasal I: … Pasal 11
        # (1) Inspektorat …" when OCR hid that heading): it stays one unit, cited as itself.
        if not _ROMAN_PASAL.fullmatch(f"Pasal {number}"):
            _split_pasal(pasal)
        pasal_list.append(pasal)
    return pasal_list


def _split_pasal(pasal: Pasal) -> None:
    """Fill ayat, huruf and angka from the pasal text, each only when its markers run in order."""
    marks = _sequential_marks(_AYAT_MARK, pasal.text, lambda i: str(i + 1), reject_after="ayat")
    if len(marks) >= 2 or (marks and pasal.text.startswith("(1)")):
        pasal.lead = _tidy(pasal.text[: marks[0][0]])
        for (_start, body_start, number), nxt in zip(marks, marks[1:] + [None], strict=True):
            body = _tidy(pasal.text[body_start : nxt[0] if nxt else len(pasal.text)])
            pasal.ayat.append(Ayat(number=number, text=body, huruf=_huruf(body)))
        return
    pasal.huruf = _huruf(pasal.text)
    angka = _sequential_marks(_ANGKA_MARK, pasal.text, lambda i: str(i + 1))
    if len(angka) >= 3:
        pasal.lead = _tidy(pasal.text[: angka[0][0]])
        for (_start, body_start, number), nxt in zip(angka, angka[1:] + [None], strict=True):
            pasal.angka.append(
                (number, _tidy(pasal.text[body_start : nxt[0] if nxt else len(pasal.text)]))
            )


def _huruf(text: str) -> list[tuple[str, str]]:
    marks = _sequential_marks(_HURUF_MARK, text, lambda i: chr(ord("a") + i), reject_after="huruf")
    if len(marks) < 2:
        return []
    return [
        (letter, _tidy(text[body : nxt[0] if nxt else len(text)]))
        for (_s, body, letter), nxt in zip(marks, marks[1:] + [None], strict=True)
    ]


def _sequential_marks(pattern, text, expected_label, reject_after=""):
    """Markers matching the expected sequence 1, 2, 3 (or a, b, c); references are skipped."""
    marks = []
    for match in pattern.finditer(text):
        if match.group(1) != expected_label(len(marks)):
            continue
        if reject_after and text[
            max(0, match.start() - 8) : match.start()
        ].strip().lower().endswith(reject_after):
            continue
        marks.append((match.start(), match.end(), match.group(1)))
    return marks


# Text with fewer letters says nothing: a pasal whose body the source lost ("Pasal 274" and
# then the next heading), an OCR remnant ("I", ".").
MIN_LETTERS = 3
# An amending law explains its changes item by item ("Pasal I", "Angka 1", "Pasal 63", "Cukup
# jelas.", "Angka 2", "Pasal 65" …): the next item's heading is no part of the explanation before.
_AMENDMENT_ITEM_TAIL = re.compile(r"(?:(?<=[.:;\n])|^)(?:\s*\bAngka\s+\d(?: ?\d)*[A-Z]?\.?)+\s*$")


def has_words(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= MIN_LETTERS


def explains_nothing(body: str) -> bool:
    """A Penjelasan that only says "Cukup jelas." (as OCR reads it too: "Crrkup jelas.",
    "CuI: up.jcias."), or is no words at all ("." where OCR lost the text)."""
    letters = re.sub(r"[^a-z]", "", body.lower())
    if not has_words(letters):
        return True
    return len(letters) <= 14 and Levenshtein.distance(letters, "cukupjelas") <= 3


def _parse_penjelasan(text: str) -> tuple[str, dict[str, str]]:
    if not text:
        return "", {}
    split = _PASAL_DEMI_PASAL.search(text)
    if split:
        umum_part, per_pasal_part = text[: split.start()], text[split.end() :]
    else:
        # No "II. PASAL DEMI PASAL" line (a Markdown summary): the general part is whatever
        # comes before the first pasal heading.
        first = _pasal_headings(text)
        umum_part, per_pasal_part = (text[: first[0][0]], text) if first else (text, "")
    umum_match = _PENJELASAN_UMUM.search(umum_part)
    if umum_match:
        umum_part = umum_part[umum_match.end() :]
    elif split:
        umum_part = ""  # an official text whose "I. UMUM" line was lost: nothing trustworthy
    umum = _tidy(umum_part)
    umum = re.sub(r"\s*I+\.\s*$", "", umum)
    explanations: dict[str, str] = {}
    headings = _pasal_headings(per_pasal_part)
    for index, (_start, end, number) in enumerate(headings):
        stop = headings[index + 1][0] if index + 1 < len(headings) else len(per_pasal_part)
        body = _AMENDMENT_ITEM_TAIL.sub("", _tidy(per_pasal_part[end:stop]))
        if body and not explains_nothing(body):
            explanations[number] = body
    return umum, explanations


def _tidy(text: str) -> str:
    text = without_margin_numbers(re.sub(r"[ \t]+", " ", text))
    text = re.sub(r"\n\s*\n+", "\n", text)
    return text.strip().strip("#").strip()
