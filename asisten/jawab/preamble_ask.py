"""Whether a clause asks why a regulation was made, amended or replaced, or which provisions it
carries out: what its preamble (Konsiderans, "Menimbang") says. The preamble is a unit of its own,
long and general in wording, so the meaning search ranks it below pasal that share the clause's
words ("diubah": every amended pasal); a clause asking for it is answered by it first, as a
clause asking for the closing is by the closing.

The forms are data (asisten/data/tanya_konsiderans.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from asisten.indeks.lexicon import yaml_data
from asisten.jawab.closing_ask import marked_clause, regulation_forms

DATA_FILE = "tanya_konsiderans.yaml"


@cache
def _patterns() -> list[re.Pattern[str]]:
    data = yaml_data(DATA_FILE)

    def either(key: str) -> str:
        return "|".join(f"(?:{form})" for form in data[key])

    forms = regulation_forms()
    subject = forms.subject
    acted = rf"{subject}{forms.title}{forms.between}\s+(?:{either('acts')})\b"
    return [
        # It names the preamble itself, and some regulation.
        re.compile(
            rf"\b(?:{either('preamble')})\b(?=.*{subject})|{subject}.*\b(?:{either('preamble')})\b"
        ),
        # A reason for the regulation: "alasan UU Pemda diubah".
        re.compile(rf"\b(?:{either('reasons')})(?:\s+(?:{either('reason_between')}))*\s+{subject}"),
        # Why it was made: "kenapa PP 18/2016 diubah", "why was the law amended".
        re.compile(rf"\b(?:{either('why')})\b(?:\s+(?:was|were|is|has|had|did))?\s+{acted}"),
        # What it was made to do: "PP 96/2012 diterbitkan untuk melaksanakan pasal mana".
        re.compile(rf"{acted}(?:\s+[\w/-]+){{0,4}}?\s+(?:{either('after')})\b"),
    ]


def asks_preamble(text: str, mentions: Sequence[tuple[int, int]]) -> bool:
    """`mentions`: where `text` names regulations by number, as (start, end) offsets."""
    clause = marked_clause(text, mentions)
    return any(pattern.search(clause) for pattern in _patterns())
