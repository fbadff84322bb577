"""Whether a question asks who holds an office now, or held it before someone.

The knowledge base holds regulations, guides and cases, not a register of officeholders: a
passage naming an official (a regulation's signer, a case's spokesman) says who held the office
then. The forms are data (asisten/data/pejabat_kini.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from asisten.indeks.lexicon import yaml_data

DATA_FILE = "pejabat_kini.yaml"


def _data() -> dict:
    return yaml_data(DATA_FILE)


def present_holder_phrase() -> str:
    """What the reply says the knowledge base holds no data for."""
    return _data()["reply"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _data()
    words = {key: "|".join(f"(?:{form})" for form in data[key]) for key in ("offices", "present")}

    def filled(forms: list[str]) -> str:
        return "|".join(
            f"(?:{form.replace('{office}', words['offices']).replace('{present}', words['present'])})"
            for form in forms
        )

    return re.compile(filled(data["asks"])), re.compile(filled(data["before_name"]))


def asks_present_holder(question: str) -> bool:
    asks, before_name = _patterns()
    text = " ".join(question.split())
    return bool(asks.search(text.lower()) or before_name.search(text))
