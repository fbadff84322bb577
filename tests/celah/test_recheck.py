"""Gaps a newer knowledge base answers are marked; 👎 gaps stay open; the App Home asks only as
many gaps as it shows."""

from __future__ import annotations

from datetime import date

from asisten.celah.group import Gap
from asisten.celah.recheck import open_gaps, recheck


def _gap(topic: str, thumbs_down: int = 0) -> Gap:
    return Gap(topic, 2, [topic], date(2026, 12, 4), declined=2, thumbs_down=thumbs_down)


def test_a_declined_gap_the_index_now_answers_is_marked_answered():
    asked: list[str] = []

    def answers(question: str) -> bool:
        asked.append(question)
        return question == "cuti"

    gaps = list(recheck([_gap("cuti"), _gap("spbe"), _gap("kurang tepat", thumbs_down=1)], answers))
    assert [g.answered_now for g in gaps] == [True, False, False]
    # A 👎 gap was answered before; asking again cannot tell whether it is any better.
    assert asked == ["cuti", "spbe"]
    assert gaps[0].as_json()["terjawab_kini"] is True


def test_open_gaps_stops_asking_once_it_has_enough():
    asked: list[str] = []

    def answers(question: str) -> bool:
        asked.append(question)
        return question.startswith("dijawab")

    topics = ["dijawab 1", "a", "dijawab 2", "b", "c", "d"]
    assert [g.topic for g in open_gaps([_gap(t) for t in topics], answers, 2)] == ["a", "b"]
    assert asked == ["dijawab 1", "a", "dijawab 2", "b"]
