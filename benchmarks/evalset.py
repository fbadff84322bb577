"""The team's evaluation set and how an answer is scored against it.

The files, each optional except in practice the first:

    eval/pertanyaan.yaml     split latih: the questions the engine was tuned on
    eval/latih-tumbuh.yaml   split latih: questions for the grown knowledge base
    eval/latih-tambahan.yaml split latih: more of both, written blind to fit the decision on
    eval/latih-ketiga.yaml   split latih: a third blind part, measured first, then fitted on
    eval/latih-keempat.yaml  split latih: a fourth blind part, likewise (2026-12-05)
    eval/latih-kelima.yaml   split latih: a fifth blind part, likewise (2026-12-05, later)
    eval/latih-keenam.yaml   split latih: a sixth blind part, likewise (2026-12-05, tenth session)
    eval/latih-ketujuh.yaml  split latih: a seventh blind part, likewise (2026-12-06, fourteenth)
    eval/latih-kedelapan.yaml split latih: an eighth blind part, likewise (2026-12-07, 25th)
    eval/latih-kesembilan.yaml split latih: a ninth blind part, likewise (2026-12-07, 26th)
    eval/latih-kesepuluh.yaml split latih: a tenth blind part, likewise (2026-12-07, 28th)
    eval/latih-kesebelas.yaml split latih: an eleventh blind part, likewise (2026-12-07, 31st)
    eval/latih-keduabelas.yaml split latih: a twelfth blind part, likewise (2026-12-08, 32nd)
    eval/uji.yaml            split uji:   held out, never tuned on
    eval/uji-kedua.yaml      split uji:   a second held-out part, written blind on 2026-12-04

An item's `korpus` says which knowledge base answers it: `inti` (corpus/ alone, the default) or
`tumbuh` (corpus/ plus ../shared/corpus-uji). An out-of-scope item applies to both: what the
grown base cannot answer, the smaller one cannot either.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EVAL_DIR = Path(__file__).parent / "eval"
EVAL_FILE = EVAL_DIR / "pertanyaan.yaml"
SPLITS = ("latih", "uji")
KNOWLEDGE_BASES = ("inti", "tumbuh")
# `baru`: the grown base plus three unseen real regulations as PDFs (benchmarks/dokumen_baru.py);
# only its own file, eval/dokumen-baru.yaml, uses it, and kualitas.py never measures it.
KORPUS = (*KNOWLEDGE_BASES, "baru")
# File → (split, part of its items). pertanyaan.yaml refines its part by id prefix below.
EVAL_FILES = {
    "pertanyaan.yaml": ("latih", "awal"),
    "latih-tumbuh.yaml": ("latih", "tumbuh"),
    "latih-tambahan.yaml": ("latih", "tambah"),
    "latih-ketiga.yaml": ("latih", "ketiga"),
    "latih-keempat.yaml": ("latih", "keempat"),
    "latih-kelima.yaml": ("latih", "kelima"),
    "latih-keenam.yaml": ("latih", "keenam"),
    "latih-ketujuh.yaml": ("latih", "ketujuh"),
    "latih-kedelapan.yaml": ("latih", "kedelapan"),
    "latih-kesembilan.yaml": ("latih", "kesembilan"),
    "latih-kesepuluh.yaml": ("latih", "kesepuluh"),
    "latih-kesebelas.yaml": ("latih", "kesebelas"),
    "latih-keduabelas.yaml": ("latih", "keduabelas"),
    "uji.yaml": ("uji", "tes"),
    "uji-kedua.yaml": ("uji", "kedua"),
}
# Questions of pertanyaan.yaml written after the engine was tuned on the rest, to measure
# generalisation; all later used in development too, so all of them are split latih now.
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
    korpus: str = "inti"
    split: str = "latih"
    part: str = "awal"

    def applies_to(self, knowledge_base: str) -> bool:
        if self.korpus == "baru":
            return knowledge_base == "baru"
        return knowledge_base in ("tumbuh", "baru") or self.korpus == "inti" or self.decline


@dataclass
class Score:
    answered: bool
    facts_found: int = 0
    facts_total: int = 0
    citation_ok: bool = False
    missing: list[str] = field(default_factory=list)
    length: int = 0  # characters of the answer's text: what more facts cost the reader


def load_items(path: Path = EVAL_FILE) -> list[Item]:
    """The items of one file, with the split and part its name gives them."""
    split, default_part = EVAL_FILES.get(path.name, ("latih", path.stem))
    items = []
    for raw in yaml.safe_load(path.read_text()) or []:
        facts = [f if isinstance(f, list) else [f] for f in raw.get("fakta") or []]
        korpus = raw.get("korpus") or "inti"
        if korpus not in KORPUS:
            raise ValueError(f"{path.name}: {raw['id']}: korpus {korpus!r} bukan inti/tumbuh/baru")
        items.append(
            Item(
                id=raw["id"],
                question=raw["pertanyaan"],
                category=raw["kategori"],
                facts=[[str(a) for a in alternatives] for alternatives in facts],
                references=[str(r) for r in raw.get("rujukan") or []],
                decline=bool(raw.get("tolak")),
                korpus=korpus,
                split=split,
                part=_part(raw["id"], default_part, path.name),
            )
        )
    return items


def load_all(directory: Path = EVAL_DIR) -> list[Item]:
    """The items of every eval file present, in the order of EVAL_FILES."""
    files = [directory / name for name in EVAL_FILES if (directory / name).exists()]
    return [item for path in files for item in load_items(path)]


def _part(item_id: str, default: str, file_name: str) -> str:
    if file_name != EVAL_FILE.name:
        return default
    prefix = next((p for p in LATER_PARTS if item_id.startswith(p)), None)
    return LATER_PARTS[prefix] if prefix else default


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def score(item: Item, answered: bool, text: str, citations: list[str]) -> Score:
    result = Score(answered=answered, facts_total=len(item.facts), length=len(text))
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


def is_miss(item: Item, result: Score) -> bool:
    if item.decline:
        return result.answered
    return not result.answered or bool(result.missing) or not result.citation_ok


def summarise(items: list[Item], scores: list[Score]) -> dict[str, float | None]:
    """The four metrics; None where a part has nothing to measure (no out-of-scope item...)."""
    inscope = [(i, s) for i, s in zip(items, scores, strict=True) if not i.decline]
    outscope = [s for i, s in zip(items, scores, strict=True) if i.decline]
    cited = [s for i, s in inscope if i.references]
    return {
        "pertanyaan": len(items),
        "dalam_cakupan": len(inscope),
        "luar_cakupan": len(outscope),
        "fact_recall": _ratio(
            sum(s.facts_found for _, s in inscope), sum(s.facts_total for _, s in inscope)
        ),
        "citation_accuracy": _ratio(sum(s.citation_ok for s in cited), len(cited)),
        "abstention": _ratio(sum(not s.answered for s in outscope), len(outscope)),
        "false_abstention": _ratio(sum(not s.answered for _, s in inscope), len(inscope)),
        "answer_chars": _median([s.length for _, s in inscope if s.answered]),
    }


def _median(values: list[int]) -> int | None:
    return int(statistics.median(values)) if values else None


def _ratio(count: int, total: int) -> float | None:
    return count / total if total else None


def parts(items: list[Item]) -> dict[str, list[int]]:
    """Positions of the whole set and of each part present, in a stable order."""
    order = ["awal", *LATER_PARTS.values(), *(p for _, p in EVAL_FILES.values())]
    present = {item.part for item in items}
    names = [p for p in dict.fromkeys(order) if p in present]
    names += sorted(present - set(names))
    grouped: dict[str, list[int]] = {"semua": list(range(len(items)))}
    for name in names:
        grouped[name] = [i for i, item in enumerate(items) if item.part == name]
    return grouped
