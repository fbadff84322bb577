"""What a PDF prints at the edges of every page and is no part of the text: running headers
("PRESIDEN / REPUBLIK INDONESIA", "- 5 -"), running footers (an electronic-signature notice on
every page of a JDIH copy) and catchwords (an official copy's last line repeating the start of
the next page: "Pasal 2 . . .").

A line is a running header or footer when the same line (digits aside, so "Halaman 5" counts
as one line) sits at the same distance from the top or bottom of most pages; it is dropped only
there, with the lines between it and the edge, never from the body, so "PRESIDEN REPUBLIK
INDONESIA," in a signature block stays. The first page's top is the document's own heading and
is kept. Short documents have too few pages to show a
repetition, so a few known boilerplate footers (asisten/data/kaki_halaman.txt) are dropped
from the bottom of any page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib.resources import files

import yaml

# Structure and list lines are text even when they repeat ("Pasal 1" on many page tops).
_STRUCTURE = re.compile(
    r"(?:pasal|bab|bagian|paragraf|lampiran)\b|\(\w{1,3}\)|[a-z#]{1,2}[.)]\s", re.IGNORECASE
)
# "- 5 -", "Halaman 5 dari 16", "Hal. 5/16": a page number alone on its line. A scan's OCR often
# loses one of the dashes ("-5", "5-"), so one is enough; a bare number stays (a table's cell).
_PAGE_NUMBER = re.compile(
    r"[-–—][ \t]*\d{1,4}(?:[ \t]*[-–—])?|\d{1,4}[ \t]*[-–—]"
    r"|(?i:halaman|hal\.)[ \t]*\d{1,4}(?:[ \t]*(?:dari|/)[ \t]*\d{1,4})?"
)
# "tentang Administrasi . . ." / "Pasal 2 ..." / "15. Warga …": a catchword's dotted end.
_CATCHWORD = re.compile(r"(?P<stem>.*?)[ \t]*(?:(?:\.[ \t]*){3,}|…)[ \t]*")


def strip_page_edges(pages: list[str]) -> list[str]:
    """Each page's text without running headers, footers and catchwords."""
    lines = [page.splitlines() for page in pages]
    top, bottom = _running_lines(lines)
    for index, page in enumerate(lines):
        if index:
            del page[: _edge_run(page, top)]
        del page[len(page) - _edge_run(page[::-1], bottom) :]
        _drop_boilerplate_footer(page)
    for page, following in zip(lines, lines[1:], strict=False):
        if page and _is_catchword(page[-1], _first_text_line(following)):
            page.pop()
    return ["\n".join(page) for page in lines]


def _running_lines(pages: list[list[str]]) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(distance from the edge, key) of the lines repeated at the top, and at the bottom, of
    most pages."""
    numbers = edge_settings()
    need = max(numbers["min_pages"], math.ceil(len(pages) * numbers["min_share"]))
    if len(pages) < need:
        return set(), set()
    top: Counter[tuple[int, str]] = Counter()
    bottom: Counter[tuple[int, str]] = Counter()
    for page in pages:
        top.update(_edge_keys(page[: numbers["edge_lines"]]))
        bottom.update(_edge_keys(page[::-1][: numbers["edge_lines"]]))
    return (
        {key for key, count in top.items() if count >= need},
        {key for key, count in bottom.items() if count >= need},
    )


def _edge_keys(lines: list[str]) -> set[tuple[int, str]]:
    return {
        (distance, _key(line))
        for distance, line in enumerate(lines)
        if line.strip() and not _STRUCTURE.match(line.strip())
    }


def _edge_run(lines: list[str], running: set[tuple[int, str]]) -> int:
    """How many lines from the edge (`lines` start there) are running lines or page numbers."""
    count = 0
    for distance, line in enumerate(lines[: edge_settings()["edge_lines"]]):
        if (distance, _key(line)) not in running and not _PAGE_NUMBER.fullmatch(line.strip()):
            break
        count += 1
    return count


def _key(line: str) -> str:
    """A line as compared across pages: case, spacing and the digits of a page number aside."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", line.lower()))


def _drop_boilerplate_footer(page: list[str]) -> None:
    """Drop a known footer found among the last lines, with the lines after it."""
    phrases = boilerplate_footers()
    for index in range(max(0, len(page) - edge_settings()["edge_lines"]), len(page)):
        words = _words(page[index])
        if any(phrase in words for phrase in phrases):
            del page[index:]
            return


def _is_catchword(last: str, next_first: str) -> bool:
    match = _CATCHWORD.fullmatch(last.strip())
    if not match:
        return False
    stem = " ".join(match.group("stem").split())
    return " ".join(next_first.split()).startswith(stem)


def _first_text_line(page: list[str]) -> str:
    return next((line for line in page if line.strip()), "")


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


@cache
def edge_settings() -> dict[str, float]:
    """The numbers of asisten/data/tepi_halaman.yaml."""
    text = files("asisten").joinpath("data", "tepi_halaman.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def boilerplate_footers() -> tuple[str, ...]:
    """The known footers, as space-padded lower-case words."""
    text = files("asisten").joinpath("data", "kaki_halaman.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(_words(line) for line in lines if line)
