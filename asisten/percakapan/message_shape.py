"""What a message outside a draft's thread looks like: a question for the knowledge base, or
clearly the answer to the step the person's draft is waiting on (a name with a phone number for
Narahubung, a date for a date step, a choice for a choice step). Word lists and patterns are data
(asisten/data/usulan/pesan.yaml)."""

from __future__ import annotations

import re
from functools import cache

from asisten.usulan.lexicon import lexicon
from asisten.usulan.template import Step
from asisten.usulan.validation import Valid, validate

STRICT_KINDS = ("choice", "date", "number")


@cache
def _question_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted(lexicon("pesan")["kata_tanya"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    start = re.compile(rf"^\s*(?:{alternatives})\b", re.IGNORECASE)
    end = re.compile(rf"\b(?:{alternatives})\s*[.!]*\s*$", re.IGNORECASE)
    return start, end


def is_question(text: str) -> bool:
    """Ends with "?", or starts or ends with a question word ("apa itu …", "syaratnya apa")."""
    text = text.strip()
    start, end = _question_words()
    return text.endswith("?") or bool(start.match(text) or end.search(text))


def answers_step(step: Step, text: str, answers: dict[str, str]) -> bool:
    """True when `text` is unmistakably an answer to `step` (so it is taken without asking)."""
    patterns = lexicon("pesan")["bentuk_jawaban"].get(step.key, [])
    if any(re.search(p, text, re.IGNORECASE) for p in patterns):
        return bool(re.search(r"[^\W\d_]{3,}", text))  # the name beside the number
    if step.kind in STRICT_KINDS:
        return type(validate(step, text, answers)) is Valid
    return False


def waiting_hours() -> float:
    return float(lexicon("pesan")["jam_menunggu"])
