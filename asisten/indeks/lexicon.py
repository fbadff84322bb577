"""Word lists and numbers that decide answers, read from plain files in `asisten/data/`.

Three kinds of file, each read once on first use:

- a word list (`places.txt`): one word a line; a phrase list (`stopwords.txt`): one word or
  more a line;
- a word map (`colloquial.txt`, `english.txt`): a word, then the words it is read as;
- YAML (`scope.yaml`, `calibration.yaml`) for anything with named fields.

In the text kinds `#` starts a comment and blank lines are ignored. Words are written as
`asisten.indeks.text.normalise` leaves them: lower-case letters and digits. A malformed entry
raises `LexiconError` naming the file and the line: a broken data file fails at the first
question, in the tests, not silently in an answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

_WORD = re.compile(r"[a-z0-9]+")


class LexiconError(ValueError):
    """A data file of the package is malformed: a packaging bug, not a user's mistake."""


def read_text(name: str) -> str:
    return files("asisten").joinpath("data", name).read_text("utf-8")


def file_hash(*names: str) -> str:
    """A short hash of data files, recorded where a change to them must be noticed."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(read_text(name).encode())
    return digest.hexdigest()[:16]


def _entries(name: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, words) of each non-empty line, comments removed."""
    for number, line in enumerate(read_text(name).splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        for field in fields:
            if not _WORD.fullmatch(field):
                raise LexiconError(f"data/{name}:{number}: {field!r} is not a normalised word")
        yield number, fields


@cache
def word_list(name: str) -> frozenset[str]:
    found: set[str] = set()
    for number, fields in _entries(name):
        if len(fields) != 1:
            raise LexiconError(f"data/{name}:{number}: one word a line, found {len(fields)}")
        if fields[0] in found:
            raise LexiconError(f"data/{name}:{number}: {fields[0]!r} is listed twice")
        found.add(fields[0])
    return frozenset(found)


@cache
def phrase_list(name: str) -> frozenset[tuple[str, ...]]:
    """Entries of one word or more a line, each as its words."""
    found: set[tuple[str, ...]] = set()
    for number, fields in _entries(name):
        if tuple(fields) in found:
            raise LexiconError(f"data/{name}:{number}: {' '.join(fields)!r} is listed twice")
        found.add(tuple(fields))
    return frozenset(found)


@cache
def word_map(name: str) -> dict[str, str]:
    """Word → the words it is read as, space-separated."""
    found: dict[str, str] = {}
    for number, fields in _entries(name):
        word, reading = fields[0], fields[1:]
        if not reading:
            raise LexiconError(f"data/{name}:{number}: {word!r} has no reading")
        if word in found:
            raise LexiconError(f"data/{name}:{number}: {word!r} is listed twice")
        found[word] = " ".join(reading)
    return found


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key, for error messages."""

    lines: dict[Any, int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[_Mapping]:
    mapping = _Mapping()
    yield mapping
    mapping.update(loader.construct_mapping(node))
    mapping.lines = {loader.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@cache
def yaml_data(name: str) -> Any:
    try:
        return yaml.load(read_text(name), Loader=_LineLoader)  # a SafeLoader
    except yaml.YAMLError as exc:
        raise LexiconError(f"data/{name}: {exc}") from exc


def line_of(mapping: Any, key: Any) -> int | str:
    """The line of `key` in a mapping read by `yaml_data`, or '?'."""
    return getattr(mapping, "lines", {}).get(key, "?")
