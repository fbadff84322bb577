"""Runs of consecutive numbers: pages read by OCR ("3, 23–32"), pasal a text holds ("Pasal 1
sampai 3 dan Pasal 7"). Each caller words the runs its own way."""

from __future__ import annotations

from collections.abc import Iterable


def number_runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7] → [(1, 3), (7, 7)]; the numbers are sorted and deduplicated first."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return [(first, last) for first, last in runs]
