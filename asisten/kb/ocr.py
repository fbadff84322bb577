"""Clean OCR noise from Indonesian regulation texts before structure parsing.

The official PDFs carry a running header ("PRESIDEN REPUBLIK INDONESIA"), page numbers ("-5-"),
catchwords (the first word of the next page printed at the bottom), and OCR confuses O/0, l/1
and ")" with "1". The parser relies on "Pasal N" and "(n)" markers, so those are repaired here;
so are the words OCR misread ("Kcpala dacrah": asisten.kb.ocr_words).
"""

from __future__ import annotations

import re
from collections import Counter

from asisten.kb.ocr_words import repair_words

# "PRES I DEN REPUBLIK INDONESIA" and its OCR mutations (F}1i: S IDEN REPLIBL IK INt)ONESIA).
_RUNNING_HEADER = re.compile(
    r"(?:(?<!\S)(?=\S*[{}()\[\]:;!|])\S{1,6}\s)?(?:P\s?R?\s?E\s?)?S\s?I\s?DEN\s+RE\S{0,4}\s?\S{0,5}\s?\S{0,3}\s+I\S{1,3}\W?\w{0,6}"
    r"(?:\s+[-_–.]\s?[0-9OolILt]{1,3}\s?[-_–.])?"
)
_PAGE_NUMBER = re.compile(r"(?<!\S)[-_–]\s?[0-9OolILt]{1,3}\s?[-_–](?!\S)")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "L": "1", "i": "1"})
# A number token that contains at least one real digit and OCR look-alikes: 2Ol4, 1O, L4.
_MIXED_NUMBER = re.compile(r"(?<![\w-])(?=[0-9OolIL]*\d)[0-9OolIL]*[OolIL][0-9OolIL]*(?![\w-])")
_PASAL_WORD = re.compile(r"\bPasa[il1]\b")
# "Pasal 2 1 Berdasarkan" (a space inside the number) -> "Pasal 21".
_SPLIT_PASAL_NUMBER = re.compile(r"\bPasal\s+(\d)\s(\d)\b(?=\s+[A-Z(])")
# Ayat markers damaged by OCR: (21 (2\ (2] {2) (2t (41. -> (2) (4)
_BROKEN_AYAT = re.compile(r"[({](\d{1,2})(?:[1l\\\]}t]|\]1|lr)(?=[\s.,;:]|$)")
_LETTER_AYAT = {"(s)": "(5)", "(a)": "(4)"}
_CARET = re.compile(r"\^")
# A pasal heading broken over two lines by the page's width ("… kepada Daerah. Pasal" / "50."),
# joined before its number could be taken for a detached list number below.
_BROKEN_PASAL_LINE = re.compile(r"\bPasal[ \t]*\n[ \t]*(?=\d{1,3}[A-Z]?\b)")
# An ayat marker as OCR reads a margin's number: "(1)", or a look-alike letter ("(l)", "(i)",
# "(s)" for 5).
_AYAT_READ = r"\((?:\d{1,2}|[lis])\)"
# Lines that are only detached list letters/numbers/ayat markers ("a. b. c.", "(1) (2) (3)", "6.").
_ORPHAN_MARKERS = re.compile(rf"^\s*(?:(?:{_AYAT_READ}|\d{{1,2}}\.|[a-z][.'’]|t\d\.)\s*)+$", re.M)
# A page's margin of ayat numbers read after the sentence beside it, ending a line: "…
# pelaksanaan Inovasi Daerah. (4) (1) (2) (3) (i) (2) (4)". No text follows them to number. It
# is also found at the end of a pasal or ayat once the heading that followed it on the line
# ("… (2) (3) (4) Bagian Kedua") has gone to the structure.
_MARGIN_NUMBERS = re.compile(rf"(?<=[.;:])\s+(?:{_AYAT_READ}\s*){{2,}}$", re.M)
# Catchword repeated at the top of the next page: "(2) Dalam (2) Dalam" -> "(2) Dalam".
_CATCHWORD = re.compile(r"(\(\d{1,2}\))\s+(\w+)\s+\1\s+\2\b")


def clean_regulation_text(
    text: str,
    *,
    page: bool = False,
    repairs: Counter[tuple[str, str]] | None = None,
    written: frozenset[str] | None = None,
) -> str:
    """Return text with headers, page numbers and OCR digit errors repaired. Newlines kept.
    `page` says the text is one page: the running header is removed only from its first or
    last line, as a page carries it; in a text without pages it is removed anywhere.
    `repairs` counts the misread words put back, `written` are the whole document's words when
    the text is one page of it (asisten.kb.ocr_words)."""
    text = _CARET.sub("", text)
    text = _RUNNING_HEADER.sub(lambda m: _header_or_not(m, page), text)
    text = _PAGE_NUMBER.sub(" ", text)
    text = _MIXED_NUMBER.sub(lambda m: m.group(0).translate(_OCR_DIGITS), text)
    text = _PASAL_WORD.sub("Pasal", text)
    text = _SPLIT_PASAL_NUMBER.sub(r"Pasal \1\2", text)
    text = _BROKEN_AYAT.sub(r"(\1)", text)
    for broken, fixed in _LETTER_AYAT.items():
        text = re.sub(re.escape(broken) + r"(?=\s+[A-Z])", fixed, text)
    text = _CATCHWORD.sub(r"\1 \2", text)
    text = _BROKEN_PASAL_LINE.sub("Pasal ", text)
    text = without_margin_numbers(text)
    text = _ORPHAN_MARKERS.sub("", text)
    text = repair_words(text, repairs, written)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def without_margin_numbers(text: str) -> str:
    """The text without the margins of ayat numbers read after a sentence, at a line's end: in
    a page as OCR read it, and in a pasal's or ayat's text once cut out."""
    return _MARGIN_NUMBERS.sub("", text)


def _header_or_not(match: re.Match[str], page: bool) -> str:
    """' ' for a running header; the signatory's title ("PRESIDEN REPUBLIK INDONESIA,")
    and, on a page, the words inside its body are kept."""
    text, start, end = match.string, match.start(), match.end()
    if re.match(r"\w*\s*,", text[end:]):
        return match.group(0)
    if page and "\n" in text[:start].strip() and "\n" in text[end:].strip():
        return match.group(0)
    return " "
