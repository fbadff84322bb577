"""What one turn of a conversation says back, in parts both edges render their own way.

Slack turns the side answer into answer blocks with sources, the notice and question into
sections, and `options` into buttons; the terminal prints the same parts as text. No edge ever
cuts a part back out of a joined string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asisten.jawab.answer import Answer
from asisten.usulan.readiness import Finding
from asisten.usulan.template import Step


@dataclass(frozen=True)
class Option:
    """A button (Slack) or a numbered line (terminal): its label and what choosing it sends."""

    label: str
    value: str


@dataclass
class FlowReply:
    draft_id: str | None
    notice: str = ""  # what just happened: "Tersimpan: Inisiator = ASN", a problem, a status
    question: str = ""  # the step asked next, or the draft's closing check
    # question | info | answer | summary | check | closed | export | confirm | conflict
    # | invalid | parked (a message outside the draft's thread, waiting to be placed) | help
    kind: str = "question"
    step: Step | None = None
    step_revision: int = 0
    side_answer: Answer | None = None  # a knowledge-base answer given on the way
    options: tuple[Option, ...] = ()  # replaces the step's choice buttons when set
    held_id: int | None = None  # the kept message a "parked" reply asks about
    moved_to_draft: bool = False  # a message sent outside the thread was taken as the answer
    export_format: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Notice and question as one text (without the side answer, which has its own form)."""
        return "\n\n".join(part for part in (self.notice, self.question) if part)
