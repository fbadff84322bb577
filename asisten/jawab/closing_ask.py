"""Whether a clause asks for what a regulation's closing (Penutup) says: when it was enacted or
promulgated, who signed it, which gazette holds it. The closing is a unit of its own
(asisten.kb.closing), so such a clause is answered by it, as a named pasal is by that pasal.

The forms are data (asisten/data/tanya_penutup.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from asisten.indeks.lexicon import yaml_data
from asisten.indeks.text import content_words, written_out
from asisten.kb.jenis import names_pattern

DATA_FILE = "tanya_penutup.yaml"
# What stands for a regulation the clause names, by number ("Perban BSSN 8/2020") or by type and
# name ("UU Pemda").
NAMED = "\u00a7"


def _either(data: dict, key: str) -> str:
    return "|".join(f"(?:{form})" for form in data[key])


@dataclass(frozen=True)
class RegulationForms:
    """How a clause (marked by marked_clause) speaks of a regulation, as regular expressions:
    also read by asisten.jawab.preamble_ask, whose asks are about a regulation too."""

    # The regulation named, or pointed at ("pergub itu", "the regulation").
    subject: str
    # Its title, when the clause gives one: "tentang" and a few words.
    title: str
    # The words that may stand between it and what is said of it ("itu", "sendiri").
    between: str


@cache
def regulation_forms() -> RegulationForms:
    data = yaml_data(DATA_FILE)
    pointed = rf"(?:nya\b|\s+(?:{_either(data, 'demonstratives')})\b)"
    subject = (
        rf"(?:{NAMED}|\b(?:{_either(data, 'subjects')}){pointed}"
        rf"|\b(?:{_either(data, 'definite_subjects')})\b)"
    )
    title = r"(?:\s+tentang(?:\s+[\w/-]+){1,6}?)?"
    between = rf"(?:\s+(?:{_either(data, 'between')}))*"
    return RegulationForms(subject, title, between)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = yaml_data(DATA_FILE)

    def either(key: str) -> str:
        return _either(data, key)

    forms = regulation_forms()
    subject, title, between = forms.subject, forms.title, forms.between
    return {
        # A regulation named by its type (from the one registry) and a capitalised name ("UU
        # Pemda", "UU Pelayanan Publik") stands where a numbered one would.
        "named_by_words": re.compile(rf"\b(?:{names_pattern()})(?:\s+[A-Z][\w-]*){{1,4}}"),
        "gazette": re.compile(either("gazette")),
        "subject_acts": re.compile(rf"{subject}{title}{between}\s+(?:{either('acts')})\b"),
        "subject_in_force": re.compile(rf"{subject}{title}{between}\s+(?:{either('in_force')})\b"),
        "signs_subject": re.compile(
            rf"\b(?:{either('signing')})(?:\s+(?:{either('between')}))*\s+{subject}"
        ),
        # Not the date of something else the clause names after it ("tanggal penetapan hasil
        # penilaian"): the regulation, a question word or the clause's end follows.
        "dated": re.compile(
            rf"\b(?:{either('dated')})\b(?=\s*(?:$|[?.,;]|{subject}|(?:{either('after_dated')})\b))"
        ),
        "subject": re.compile(subject),
        "asks": re.compile(either("asks")),
        "more": re.compile(rf"\b(?:{either('more')})\b"),
    }


@dataclass(frozen=True)
class ClosingAsk:
    """What a clause asks of a regulation's closing."""

    # When it was enacted or promulgated, who signed it, which gazette holds it.
    closing: bool = False
    # Of those, when it takes effect ("Kapan UU 23/2014 mulai berlaku?"): the closing's dates and
    # the pasal saying which of them applies answer it.
    in_force: bool = False


def read_closing_ask(text: str, mentions: Sequence[tuple[int, int]]) -> ClosingAsk:
    """`mentions`: where `text` names regulations by number, as (start, end) offsets."""
    clause = marked_clause(text, mentions)
    if not _closing_spans(clause):
        return ClosingAsk()
    patterns = _patterns()
    in_force = bool(patterns["subject_in_force"].search(clause) and patterns["asks"].search(clause))
    return ClosingAsk(closing=True, in_force=in_force)


def asks_more(text: str, mentions: Sequence[tuple[int, int]]) -> bool:
    """Whether a question asking for the closing asks something else too: a content word is
    left once the closing's forms and the regulation's names are taken out."""
    clause = marked_clause(text, mentions)
    for start, end in sorted(_closing_spans(clause), reverse=True):
        clause = f"{clause[:start]} {clause[end:]}"
    rest = _patterns()["more"].sub(" ", clause.replace(NAMED, " "))
    return bool(content_words(rest))


_CHAT_WORD = re.compile(r"[a-z]+")


def _written_out(word: re.Match) -> str:
    return written_out(word.group(), lambda _: False) or word.group()


def marked_clause(text: str, mentions: Sequence[tuple[int, int]]) -> str:
    """The clause lower-cased, each regulation it names (`mentions`, or by type and name)
    replaced by NAMED."""
    for start, end in sorted(mentions, reverse=True):
        text = f"{text[:start]} {NAMED} {text[end:]}"
    text = _patterns()["named_by_words"].sub(f" {NAMED} ", text)
    # Chat spellings written out, as the forms are ("pergub ttg uptd tu ditetapkan kpn?").
    return _CHAT_WORD.sub(_written_out, " ".join(text.lower().split()))


def _closing_spans(clause: str) -> list[tuple[int, int]]:
    """Where the clause asks for the closing; none when it does not."""
    patterns = _patterns()
    # What asks for the closing by itself: a gazette, or the date of an act of a regulation
    # the clause names or points at ("draf itu mencantumkan tanggal penetapan berapa").
    alone = [m.span() for m in patterns["gazette"].finditer(clause)]
    if patterns["subject"].search(clause):
        alone += [m.span() for m in patterns["dated"].finditer(clause)]
    about = [
        m.span()
        for name in ("subject_acts", "signs_subject", "subject_in_force")
        for m in patterns[name].finditer(clause)
    ]
    if about and (asks := [m.span() for m in patterns["asks"].finditer(clause)]):
        return alone + about + asks
    return alone
