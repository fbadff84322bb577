"""Word lists and thresholds for reading free-typed answers, kept as data in asisten/data/usulan/.

Adding a month abbreviation, a number word or a question word is an edit to a YAML file there,
not a code change; each file is read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@cache
def lexicon(name: str) -> dict[str, Any]:
    """One data file of asisten/data/usulan/, e.g. lexicon("angka")."""
    text = files("asisten").joinpath("data", "usulan", f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)
