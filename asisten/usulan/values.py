"""How stored answers are shown: dates as "1 Maret 2025", amounts as "Rp 150.000.000".

Answers are stored normalised (ISO dates, whole rupiah as digits, the canonical choice) so checks
can compare them; these functions turn them back into Indonesian for people.
"""

from __future__ import annotations

from datetime import date

from asisten.usulan.template import Step

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip


def format_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def display_value(step: Step, value: str | None) -> str:
    """The stored value as a person should read it; empty for an unanswered step."""
    if value is None or value == "":
        return ""
    if step.kind == "date":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if step.kind == "number" and value.isdigit():
        return format_rupiah(int(value))
    return value
