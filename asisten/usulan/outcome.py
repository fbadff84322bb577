"""What checking one answer can come to: a stored value, a problem to explain, or a question
back to the person (which of two choices, is this the date you mean)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Valid:
    value: str
    # Words typed beside the value ("Rp150.000.000 dari APBD Dinas Kesehatan"): they may
    # answer the next step.
    rest: str = ""


@dataclass(frozen=True)
class Invalid:
    message: str


@dataclass(frozen=True)
class Ambiguous(Invalid):
    """Two or more choices are plausible: offer just those."""

    options: tuple[str, ...] = ()
    reason: str = ""  # the short form, for when the options are shown as buttons


@dataclass(frozen=True)
class Unsure(Invalid):
    """A value read from vague words ("awal tahun depan"): stored only once confirmed."""

    proposed: str = ""


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'
