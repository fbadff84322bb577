"""Gaps that a newer knowledge base now answers.

A gap is a topic users could not get answered. Once an admin adds the missing document, the
same question is answered, and the gap should stop asking for attention: each declined-only gap
is asked again, by its most central question, against the index in use. A gap with a 👎 is left
open: its questions were answered, just not well, and asking again cannot tell whether the new
answer is any better.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from asisten.celah.group import Gap

# Whether the knowledge base in use answers a question now.
Answers = Callable[[str], bool]


def recheck(gaps: Iterable[Gap], answers: Answers) -> Iterator[Gap]:
    """Each gap, marked `answered_now` when the index in use answers its topic question."""
    for gap in gaps:
        if gap.thumbs_down == 0:
            gap.answered_now = answers(gap.topic)
        yield gap


def open_gaps(gaps: Iterable[Gap], answers: Answers, limit: int) -> list[Gap]:
    """The first `limit` gaps the index in use still cannot answer; later gaps are not asked."""
    found: list[Gap] = []
    for gap in recheck(gaps, answers):
        if not gap.answered_now:
            found.append(gap)
            if len(found) == limit:
                break
    return found
