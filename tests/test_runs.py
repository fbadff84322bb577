"""Runs of consecutive numbers, as pages read by OCR and pasal held are reported."""

from __future__ import annotations

from asisten.jawab.pipeline import _ranges
from asisten.kb.pdf import page_ranges
from asisten.runs import number_runs


def test_consecutive_numbers_make_one_run_in_any_order():
    assert number_runs([7, 3, 1, 2, 3]) == [(1, 3), (7, 7)]
    assert number_runs([]) == []


def test_pages_and_pasal_are_worded_from_the_same_runs():
    assert page_ranges([2, 22, 23, 24]) == "3, 23–25"  # 0-based pages, shown 1-based
    assert page_ranges([1, 2, 5], base=1) == "1–2, 5"
    assert _ranges([1, 2, 3, 7]) == "Pasal 1 sampai 3 dan Pasal 7"
    assert _ranges([386, 1, 387, 388]) == "Pasal 1 dan Pasal 386 sampai 388"
