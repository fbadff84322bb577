"""Numbered sections of a text that has no pasal: a Lampiran's "I. MATRIKS …" and
"A. PEMBAGIAN URUSAN …", a Surat Edaran's "I. KETENTUAN UMUM", "II. KEGIATAN USAHA …".

A heading is a roman numeral or a letter (A … Z, AA, BB …) with a dot, followed by an upper-case
title. It counts only when it continues its sequence (I, II, III; A, B, C, restarting under each
roman), so a signatory's initial ("H. SUSILO BAMBANG YUDHOYONO") or an "I." that is the letter
after H is read for what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_HEADING = re.compile(r"(?<![\w./-])(?P<label>[IVXLC]{1,5}|[A-Z])(?P=label)?\.[ \t\n]+(?=[A-Z]{3})")
# Words that end a heading title: a table header ("NO SUB URUSAN …"), a list label, a number.
_TITLE_STOP = re.compile(r"NO|[A-Z]{1,2}\.|[IVX]+\.|\d+[.)]?|[a-z]\.")
_MAX_TITLE_WORDS = 16
# One lost heading (OCR, a page break) must not hide the rest: a sequence may skip one step.
_MAX_SKIP = 1


@dataclass
class Section:
    roman: str  # "I", "II" … or "" (a letter heading with no roman above it)
    letter: str  # "A" … "Z", "AA" … or "" (a roman heading)
    title: str
    text: str
    position: int  # offset of the heading in the parsed text

    @property
    def address(self) -> str:
        """How a citation names it: "angka I huruf A", "angka II", "huruf C"."""
        parts = (
            f"angka {self.roman}" if self.roman else "",
            f"huruf {self.letter}" if self.letter else "",
        )
        return " ".join(p for p in parts if p)


def parse_sections(text: str) -> tuple[str, list[Section]]:
    """(intro, sections): the text before the first heading, and each heading's section."""
    headings = _headings(text)
    if not headings:
        return text.strip(), []
    sections = []
    for (start, title_end, roman, letter, title), nxt in zip(
        headings, headings[1:] + [None], strict=True
    ):
        body = text[title_end : nxt[0] if nxt else len(text)].strip()
        sections.append(Section(roman, letter, title=title, text=body, position=start))
    return text[: headings[0][0]].strip(), sections


def _headings(text: str) -> list[tuple[int, int, str, str, str]]:
    found = []
    roman_next, letter_next, roman = 1, 1, ""
    for match in _HEADING.finditer(text):
        raw = match.group(0).rstrip(" \t\n.")
        label = raw.split(".")[0]
        as_letter = _letter_index(label)
        as_roman = _roman_value(label)
        is_letter = as_letter is not None and letter_next <= as_letter <= letter_next + _MAX_SKIP
        is_roman = as_roman is not None and roman_next <= as_roman <= roman_next + _MAX_SKIP
        if is_letter and is_roman:
            # "I." after "H." is a letter; at the start, or after a roman section, a numeral.
            is_roman = letter_next == 1
            is_letter = not is_roman
        if not (is_letter or is_roman):
            continue
        title, title_end = _title(text, match.end())
        if not title:
            continue
        if is_roman:
            roman, roman_next, letter_next = label, as_roman + 1, 1
            found.append((match.start(), title_end, roman, "", title))
        else:
            letter_next = as_letter + 1
            found.append((match.start(), title_end, roman, label, title))
    return found


def _title(text: str, start: int) -> tuple[str, int]:
    """The upper-case words after a label, on its line, and where they end."""
    words = []
    end = start
    line = text[start : start + 400].split("\n", 1)[0]
    for word in re.finditer(r"\S+", line):
        token = word.group()
        if _TITLE_STOP.fullmatch(token) or re.search(r"[a-z]", token):
            break
        words.append(token)
        end = start + word.end()
        if len(words) >= _MAX_TITLE_WORDS:
            break
    return " ".join(words).strip(" ,:;"), end


def _roman_value(label: str) -> int | None:
    if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", label):
        return None
    total = 0
    for char, following in zip(label, label[1:] + " ", strict=True):
        value = _ROMAN[char]
        total += -value if _ROMAN.get(following, 0) > value else value
    return total or None


def _letter_index(label: str) -> int | None:
    """A … Z → 1 … 26, AA … ZZ → 27 … 52 (the doubled letters of long lists)."""
    if len(label) == 1:
        return ord(label) - ord("A") + 1
    if len(label) == 2 and label[0] == label[1]:
        return 26 + ord(label[0]) - ord("A") + 1
    return None
