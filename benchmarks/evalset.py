"""The team's evaluation set and how an answer is scored against it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EVAL_FILE = Path(__file__).parent / "eval" / "pertanyaan.yaml"
# Questions written after the engine was tuned on the rest, to measure generalisation: three
# batches later used in development too, and a last one measured once.
LATER_PARTS = {
    "baru-": "tambahan",
    "uji-": "uji",
    "akhir-": "akhir",
    "penutup-": "penutup",
    "inggris-": "inggris",
    "lanjut-": "lanjut",
}


@dataclass
class Item:
    id: str
    question: str
    category: str
    facts: list[list[str]]
    references: list[str]
    decline: bool


@dataclass
class Score:
    answered: bool
    facts_found: int = 0
    facts_total: int = 0
    citation_ok: bool = False
    missing: list[str] = field(default_factory=list)


def load_items(path: Path = EVAL_FILE) -> list[Item]:
    items = []
    for raw in yaml.safe_load(path.read_text()):
        facts = [f if isinstance(f, list) else [f] for f in raw.get("fakta") or []]
        items.append(
            Item(
                id=raw["id"],
                question=raw["pertanyaan"],
                category=raw["kategori"],
                facts=[[str(a) for a in alternatives] for alternatives in facts],
                references=[str(r) for r in raw.get("rujukan") or []],
                decline=bool(raw.get("tolak")),
            )
        )
    return items


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def score(item: Item, answered: bool, text: str, citations: list[str]) -> Score:
    result = Score(answered=answered, facts_total=len(item.facts))
    if not answered:
        return result
    body = _norm(text)
    for alternatives in item.facts:
        if any(_norm(a) in body for a in alternatives):
            result.facts_found += 1
        else:
            result.missing.append(alternatives[0])
    result.citation_ok = not item.references or any(
        c == ref or c.startswith(ref + " ") or c.startswith(ref + ",")
        for ref in item.references
        for c in citations
    )
    return result


def summarise(items: list[Item], scores: list[Score]) -> dict[str, float]:
    inscope = [(i, s) for i, s in zip(items, scores, strict=True) if not i.decline]
    outscope = [s for i, s in zip(items, scores, strict=True) if i.decline]
    facts_total = sum(s.facts_total for _, s in inscope)
    cited = [s for i, s in inscope if i.references]
    return {
        "pertanyaan": len(items),
        "dalam_cakupan": len(inscope),
        "luar_cakupan": len(outscope),
        "fact_recall": sum(s.facts_found for _, s in inscope) / max(1, facts_total),
        "citation_accuracy": sum(s.citation_ok for s in cited) / max(1, len(cited)),
        "abstention": sum(not s.answered for s in outscope) / max(1, len(outscope)),
        "false_abstention": sum(not s.answered for _, s in inscope) / max(1, len(inscope)),
    }


def parts(items: list[Item]) -> dict[str, list[int]]:
    """Positions of the whole set and of each part: the one tuned on, then the later ones."""

    def part(item: Item) -> str:
        prefix = next((p for p in LATER_PARTS if item.id.startswith(p)), None)
        return LATER_PARTS[prefix] if prefix else "awal"

    grouped: dict[str, list[int]] = {"semua": list(range(len(items)))}
    for name in ("awal", *LATER_PARTS.values()):
        grouped[name] = [i for i, item in enumerate(items) if part(item) == name]
    return grouped
