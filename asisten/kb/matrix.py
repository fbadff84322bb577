"""A matrix dividing government affairs, read back into its cells.

Lampiran UU 23/2014 is a table: each row a sub-affair ("2. Perlindungan Perempuan") with one cell
for the centre, one for the province and one for the regency or city. A PDF's text layer prints
it row by row, each cell's items after the other's ("a. … nasional. b. … a. … Daerah provinsi.
…"), with the table's header again at the top of every page. A passage quoted from that says
what is to be done but not by whom, while "which level provides final-referral services?" is
answered by the column. So each row is written back with its cells named ("Pemerintah Pusat:",
"Daerah Provinsi:", …), and the repeated header is dropped; an item cut by a page break is
finished by what follows the next page's header. A row whose cells cannot be told apart for sure
(the lines of two cells run together, a cell left empty without a mark) keeps its printed words:
a cell named wrongly would mislead where the printed text only fails to help. The table's form is
data (asisten/data/matriks_urusan.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from asisten.indeks.lexicon import yaml_data
from asisten.indeks.text import SENTENCE_FULL_STOP

DATA_FILE = "matriks_urusan.yaml"

# Where a page's header stood: a page break inside a row.
_PAGE = "\x00"
# A row opens with its number and a capitalised sub-affair: "2. Perlindungan Perempuan".
_ROW = re.compile(r"(?<![\w.,/()-])(\d{1,2})\.\s+(?=[A-Z])")
# A cell's item ("a. Pencegahan …"), and one opening inside a sentence: the item before it was
# cut by a page break, or two cells' lines run together ("b. Pengelolaan pendidikan a. …").
_ITEM = re.compile(r"^([a-z])\.\s+")
_INNER_ITEM = re.compile(r"\s+(?=[a-z]\.\s+[A-Z])")
# A sentence ends at a full stop after a word or a bracket, not after an item's letter ("a.").
_SENTENCE_END = re.compile(SENTENCE_FULL_STOP + r"\s+")
# Lower-case words inside a sub-affair's name ("Bahasa dan Sastra").
_NAME_WORDS = frozenset({"dan", "serta", "atau", "dan/atau", "di", "ke", "dari", "yang", "untuk"})


@dataclass(frozen=True)
class MatrixForm:
    header: re.Pattern[str]
    columns: tuple[str, ...]
    empty: re.Pattern[str]
    # The marks of empty cells standing between words: where a sentence's text is cut.
    empty_between: re.Pattern[str]


@cache
def matrix_form() -> MatrixForm:
    data = yaml_data(DATA_FILE)
    return MatrixForm(
        re.compile(data["header"]),
        tuple(data["columns"]),
        re.compile(rf"(?:{data['empty_cell']})"),
        re.compile(rf"(?:^|\s)((?:{data['empty_cell']}))(?=\s|$)"),
    )


def read_matrix(text: str) -> str:
    """`text` with each row of a division matrix written with its cells named; text holding no
    such table comes back unchanged."""
    form = matrix_form()
    if not form.header.search(text):
        return text
    marked = form.header.sub(f" {_PAGE} ", text)
    starts = _row_starts(marked)
    if not starts:
        return text
    pieces = [_printed(marked[: starts[0][0]])]
    for (_, number, body_start), nxt in zip(starts, [*starts[1:], None], strict=True):
        body = marked[body_start : nxt[0] if nxt else len(marked)]
        pieces.append(_row(number, " ".join(body.split()), form) or f"{number}. {_printed(body)}")
    return "\n".join(piece for piece in pieces if piece)


def _row_starts(marked: str) -> list[tuple[int, str, int]]:
    """(start, number, body start) of the rows 1., 2., 3. … in sequence."""
    found: list[tuple[int, str, int]] = []
    for match in _ROW.finditer(marked):
        if match.group(1) == str(len(found) + 1):
            found.append((match.start(), match.group(1), match.end()))
    return found


def _printed(text: str) -> str:
    """Text as printed, its lines kept, without the page headers."""
    lines = (" ".join(line.split()) for line in text.replace(_PAGE, " ").splitlines())
    return "\n".join(line for line in lines if line)


def _row(number: str, body: str, form: MatrixForm) -> str | None:
    """The row with its cells named, or None when its cells cannot be told apart."""
    name, rest = _sub_affair(body, form)
    cells = _cells(_units(rest, form), form) if name else None
    if cells is None or len(cells) != len(form.columns):
        return None
    lines = [f"{number}. {name}"]
    for column, items in zip(form.columns, cells, strict=True):
        if len(items) == 1 and not _ITEM.match(items[0]):
            lines.append(f"{column}: {items[0]}")
        else:
            lines += [f"{column}:", *items]
    return "\n".join(lines)


def _sub_affair(body: str, form: MatrixForm) -> tuple[str, str]:
    """The row's sub-affair ("Informasi dan Komunikasi Publik") and its cells' text: the name's
    capitalised words run until an item, a page break, an empty cell, or a capitalised word
    opening a sentence ("Pengelolaan informasi …")."""
    words = body.replace(_PAGE, f" {_PAGE} ").split()
    name: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if _ITEM.match(f"{word} ") or word == _PAGE or form.empty.fullmatch(word):
            break
        if word[:1].isupper() or word[:1] == "(":
            opens_sentence = following[:1].islower() and following not in _NAME_WORDS
            if name and opens_sentence and not _ITEM.match(f"{following} "):
                break
            name.append(word)
        elif word in _NAME_WORDS and name:
            name.append(word)
        else:
            break
    return " ".join(name), " ".join(words[len(name) :])


def _units(text: str, form: MatrixForm) -> list[str]:
    """The cells' sentences, empty-cell marks and page breaks, in order. An item opening inside
    a sentence ("… dan hak a. Peningkatan …") starts a unit of its own: the one before it was cut
    by the page and goes on after the page's header."""
    units: list[str] = []
    for part in text.split(_PAGE):
        for sentence in _SENTENCE_END.split(part.strip()):
            for clause in _INNER_ITEM.split(sentence):
                for piece in form.empty_between.split(clause):
                    if piece.strip():
                        units.append(piece.strip())
        units.append(_PAGE)
    return units[:-1]


def _cells(units: list[str], form: MatrixForm) -> list[list[str]] | None:
    """Each column's items. A new column opens with an item "a." (or any item not after the
    previous one's letter), a sentence of its own after items, or an empty-cell mark; after a
    page break the columns continue from the first. Items cut by a page break (no full stop)
    are completed, in column order, by the lower-case sentences right after the break. None when
    that does not add up: a lower-case sentence elsewhere, or an item left unfinished, is two
    cells' lines run together."""
    columns: list[list[str]] = []
    column = -1
    unfinished: list[tuple[int, int]] = []  # (column, item) of the items a page break cut
    after_break = False
    for unit in units:
        if unit == _PAGE:
            column = -1
            after_break = True
            continue
        item = _ITEM.match(unit)
        if unit[0].islower() and not item:
            if not (after_break and unfinished and unit.endswith(".")):
                return None
            cut_column, cut_item = unfinished.pop(0)
            columns[cut_column][cut_item] += f" {unit}"
            continue
        after_break = False
        if form.empty.fullmatch(unit):
            column += 1
            if column == len(columns):
                columns.append(["-"])
            continue
        previous = columns[column][-1] if 0 <= column < len(columns) else ""
        before = _ITEM.match(previous)
        if not (item and before and item.group(1) > before.group(1)):
            column += 1
        if column == len(columns):
            columns.append([])
        columns[column].append(unit)
        if not unit.endswith("."):
            unfinished.append((column, len(columns[column]) - 1))
    return None if unfinished else columns
