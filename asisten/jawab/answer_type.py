"""The kind of value a question asks for (an amount, a share, a time, a count), and whether a
passage says a value of that kind: the expected answer type of classic question answering.

Once admins add long official texts, the topic words of "Berapa persen tunjangan keluarga PNS
dari gaji pokok?" occur in some passage that names no share at all. Whether the passages found
say a value of the kind asked is one signal of the answerability model; the types, the question
forms that ask for each and the forms that say each are data (asisten/data/jenis_jawaban.yaml).
Two forms of question that ask for no value are read from the same file: a list ("apa saja?"),
quoted with more room, and yes or no ("Bolehkah …?"), which an FAQ verdict answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from asisten.indeks import text
from asisten.indeks.lexicon import yaml_data

DATA_FILE = "jenis_jawaban.yaml"


@dataclass(frozen=True)
class AnswerType:
    name: str
    label: str
    asks: tuple[re.Pattern[str], ...]
    says: tuple[re.Pattern[str], ...]
    # A value the knowledge base seldom holds: asked and unsaid, the question is declined.
    declines_unsaid: bool = False


@cache
def answer_types() -> dict[str, AnswerType]:
    """The types by name, in the data file's order: the specific ones first."""
    return {
        name: AnswerType(
            name,
            entry["label"],
            tuple(re.compile(p) for p in entry["asks"]),
            tuple(re.compile(p) for p in entry["says"]),
            bool(entry.get("declines_unsaid")),
        )
        for name, entry in yaml_data(DATA_FILE)["types"].items()
    }


def expected(question: str) -> str:
    """The type of value the question asks for, or "" when it asks for none."""
    words = _asked_words(question)
    for kind in answer_types().values():
        if any(p.search(words) for p in kind.asks):
            return kind.name
    return ""


def _asked_words(question: str) -> str:
    """The question as the `asks` patterns read it: folded, lower-cased, single-spaced."""
    return " ".join(text.normalise(question).split())


def label(kind: str) -> str:
    """How a reply names the type ("nilai uang")."""
    return answer_types()[kind].label


def declines_unsaid(kind: str) -> bool:
    """Whether a question asking only for a value of the type `kind` is declined when no passage
    near the top says one (an office's telephone number, a service's opening hours)."""
    return bool(kind) and answer_types()[kind].declines_unsaid


def says(kind: str, passage: str) -> bool:
    """Whether the passage says a value of the type `kind` ("" is said by any passage)."""
    if not kind:
        return True
    lowered = passage.lower()
    return any(p.search(lowered) for p in answer_types()[kind].says)


@cache
def _patterns(form: str, key: str) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of one question form of the data file ("list", "asks")."""
    return tuple(re.compile(p) for p in yaml_data(DATA_FILE)[form][key])


def asks_list(question: str) -> bool:
    """Whether the question asks for a list ("syaratnya apa saja?")."""
    return any(p.search(_asked_words(question)) for p in _patterns("list", "asks"))


def asks_yes_no(question: str) -> bool:
    """Whether the question (in standard spelling) asks yes or no ("Bolehkah …?")."""
    return any(p.search(_asked_words(question)) for p in _patterns("yes_no", "asks"))


def opens_list(passage: str) -> bool:
    """Whether the passage opens a list ("… paling sedikit: a. …")."""
    return any(p.search(passage) for p in _patterns("list", "opens"))
