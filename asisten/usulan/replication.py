"""Replicating a good practice (PP 38/2017 Pasal 28–29): a draft prefilled from a case in the
knowledge base — its problem, design, results and partners — to be adapted to one's own region.

Cases are read from the published index (every "praktik baik" document, shipped or uploaded),
so a case added by an admin can be replicated at once. Prefilled answers are written under the
author `replikasi:<doc_id>`; an answer still carrying that author was never edited, and the
readiness check says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from asisten.indeks.store import IndexVersion
from asisten.usulan.lexicon import lexicon
from asisten.usulan.template import ProposalTemplate
from asisten.usulan.validation import Valid, validate

PREFILL_AUTHOR = "replikasi:"
# Section chunks are cited '<label> — <section heading>' (asisten.kb.chunking.section_chunks).
SECTION_MARK = " — "
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Case:
    doc_id: str
    title: str
    region: str
    url: str | None
    sections: dict[str, str]  # "Masalah" -> text
    facts: dict[str, str]  # front matter: bentuk, jenis, urusan …


def cases(version: IndexVersion) -> list[Case]:
    found: dict[str, dict[str, list[str]]] = {}
    for chunk in version.chunks:
        meta = version.documents.get(chunk.doc_id)
        if meta is None or not meta.is_case or SECTION_MARK not in chunk.citation:
            continue
        section = chunk.citation.rsplit(SECTION_MARK, 1)[1].strip()
        found.setdefault(chunk.doc_id, {}).setdefault(section, []).append(chunk.text.strip())
    result = []
    for doc_id, sections in found.items():
        meta = version.documents[doc_id]
        facts = {k: str(v) for k, v in meta.extra.items() if v is not None}
        result.append(
            Case(
                doc_id, meta.title, facts.get("daerah", ""), meta.url,
                {name: "\n\n".join(parts) for name, parts in sections.items()}, facts,
            )
        )  # fmt: skip
    return sorted(result, key=lambda c: c.title)


def find_case(version: IndexVersion, name: str) -> Case | None:
    """The case a typed name (or a document id) means, if one clearly does."""
    known = cases(version)
    wanted = " ".join(name.casefold().split())
    for case in known:
        if wanted == case.doc_id:
            return case
    labels = {f"{case.title} {case.region}": case for case in known}
    matches = process.extract(
        wanted, list(labels), scorer=_name_score, processor=utils.default_process,
        score_cutoff=lexicon("replikasi")["skor_min_nama"], limit=2,
    )  # fmt: skip
    if not matches or (len(matches) > 1 and matches[1][1] == matches[0][1]):
        return None  # nothing close, or two cases equally close ("surabaya")
    return labels[matches[0][0]]


def _name_score(typed: str, label: str, **_: object) -> float:
    """Words of the name in any order ("sleman lapor"), or the name with a typo ("ehealth")."""
    return max(fuzz.token_set_ratio(typed, label), fuzz.partial_ratio(typed, label))


def prefill(template: ProposalTemplate, case: Case) -> dict[str, str]:
    """Step key -> value taken from the case, each checked like a typed answer."""
    data = lexicon("replikasi")
    values: dict[str, str] = {}
    for step in template.steps:
        text = "\n\n".join(case.sections[s] for s in step.from_case if s in case.sections)
        if text and step.key in data["saring_kalimat"]:
            text = _sentences_with(text, data["saring_kalimat"][step.key]) or text
        fact_key = data["fakta"].get(step.key)
        if not text and fact_key:
            text = case.facts.get(fact_key, "")
        if text:
            result = validate(step, text, values)
            value = result.value if isinstance(result, Valid) else text
            if step.kind in ("choice", "date", "number") and not isinstance(result, Valid):
                continue  # a fact that does not fit the template is left for the person
            values[step.key] = value
    return values


def rules() -> list[str]:
    return list(lexicon("replikasi")["rujukan"])


def _sentences_with(text: str, words: list[str]) -> str:
    sentences = _SENTENCE.split(" ".join(text.split()))
    kept = [s for s in sentences if any(re.search(rf"\b{re.escape(w)}\b", s, re.I) for w in words)]
    return " ".join(kept)
