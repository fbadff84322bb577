"""Jinja2 templates from `prompts/`. StrictUndefined: a missing variable fails loudly."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined


@lru_cache(maxsize=8)
def environment(prompts_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(prompts_dir)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["marks"] = marks
    return env


def marks(numbers: list[int]) -> str:
    """Source numbers as an answer cites them: [1][4]."""
    return "".join(f"[{n}]" for n in numbers)


def render(prompts_dir: Path, name: str, **context: Any) -> str:
    return environment(prompts_dir).get_template(name).render(**context).strip()
