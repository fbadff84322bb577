"""Fit the companion model (which passages join the best one) on the TRAINING split.

Every in-scope training question the engine answers by search (not by a named pasal) is searched
on each knowledge base that holds its answer, exactly as the engine does. Each further passage
found is a row (asisten.jawab.companions.features); it is *wanted* when what it brings into the
answer (Answerer.quoted_with: its short pasal whole, the rule a Penjelasan explains) holds an
expected fact, or an expected citation, that the best passage (quoted the same way) does not.
Never the uji split.

The threshold is chosen on out-of-fold probabilities by the answers it would give: with the
same number of passages per answer at most, the share of expected facts the chosen passages
hold (their whole text, before excerpting) is compared with the hand rule's. The threshold is
chosen on the model's own picks; the engine then tells a case whole where room is left, as the
rule did, which the last line of the report counts in.

    python benchmarks/latih_pendamping.py [--tulis]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalset import _norm  # noqa: E402
from fitting import fit_logistic, training_pipelines, wants_writing, write_model  # noqa: E402

from asisten.jawab.companions import DECISION, candidates, pick  # noqa: E402
from asisten.jawab.pipeline import Pipeline  # noqa: E402


@dataclass
class Row:
    values: dict[str, float]
    label: int
    facts: set[int]  # indices of the expected facts this passage holds
    sibling: bool
    story: bool  # another section of the case the best passage tells, passing the rule
    by_rule: bool  # the hand rule chose it


@dataclass
class Question:
    id: str
    kb: str
    limit: int
    best_facts: set[int]
    total_facts: int
    candidates: list[Row] = field(default_factory=list)
    # The pasal each candidate, then the best passage, is quoted within (Answerer.shown_within).
    units: list = field(default_factory=list)


def _facts_in(text: str, facts: list[list[str]]) -> set[int]:
    body = _norm(text)
    return {
        i for i, alternatives in enumerate(facts) if any(_norm(a) in body for a in alternatives)
    }


def _cites(citation: str, references: list[str]) -> bool:
    return any(
        citation == ref or citation.startswith(ref + " ") or citation.startswith(ref + ",")
        for ref in references
    )


def collect(pipeline: Pipeline, kb: str, items) -> list[Question]:
    questions = []
    answerer, decider = pipeline.answerer, pipeline.decider
    for item in items:
        if item.decline or (kb == "inti" and item.korpus != "inti"):
            continue
        query = pipeline.analyser.analyse(item.question)
        if query.provision is not None and pipeline.retriever.holders(query):
            continue
        if query.missing_regulations or not query.searchable:
            continue
        limit = answerer.source_limit(query)
        hits = pipeline.retriever.search(query, k=pipeline.searched(query))
        if not hits:
            continue
        decision = decider.decide(query, hits)
        if not decision.answer:
            continue
        best = hits[0]
        quoted = answerer.quoted_with(best.chunk)
        question = Question(
            item.id, kb, limit, _facts_in("\n".join(c.text for c in quoted), item.facts),
            len(item.facts),
        )  # fmt: skip
        best_cites = any(_cites(c.citation, item.references) for c in quoted)
        by_rule = {
            h.chunk.chunk_id
            for h in answerer.rule_companions(query, hits, limit, decision.in_scope)[1:]
        }
        in_scope = decision.in_scope
        shown = []  # the candidates, in order
        for found in candidates(
            query, hits, decider.vocabulary, in_scope,
            lambda hit: decider.relevant_companion(hit, in_scope),  # noqa: B023
            cited_by=answerer.cited_by_faq(query),
        ):  # fmt: skip
            hit = found.hit
            quoted = answerer.quoted_with(hit.chunk)
            facts = _facts_in("\n".join(c.text for c in quoted), item.facts)
            adds = bool(facts - question.best_facts) or (
                not best_cites and any(_cites(c.citation, item.references) for c in quoted)
            )
            question.candidates.append(
                Row(
                    found.values,
                    int(adds),
                    facts,
                    found.sibling,
                    found.story,
                    hit.chunk.chunk_id in by_rule,
                )  # fmt: skip
            )
            shown.append(hit)
        question.units = answerer.shown_within([*shown, best])
        questions.append(question)
    return questions


def choose(
    probabilities: list[float], question: Question, threshold: float, whole_cases: bool = True
) -> list[int]:
    siblings = [c.sibling for c in question.candidates]
    story = [c.story for c in question.candidates] if whole_cases else None
    return pick(probabilities, siblings, question.limit, threshold, story, question.units)


def simulate(questions: list[Question], pick) -> tuple[float, float]:
    """(share of expected facts the chosen passages hold, mean passages per answer)."""
    found = total = shown = 0
    for q in questions:
        chosen = pick(q)
        facts = set(q.best_facts)
        for i in chosen:
            facts |= q.candidates[i].facts
        found += len(facts)
        total += q.total_facts
        shown += 1 + len(chosen)
    return found / max(1, total), shown / max(1, len(questions))


def main() -> None:
    write = wants_writing()
    questions: list[Question] = []
    for name, pipeline, items in training_pipelines():
        questions += collect(pipeline, name, items)
    rows = [(q, c) for q in questions for c in q.candidates]
    names = sorted(rows[0][1].values)
    x = np.array([[c.values[n] for n in names] for _, c in rows])
    y = np.array([c.label for _, c in rows])
    groups = np.array([f"{q.kb}/{q.id}" for q, _ in rows])
    slices, start = {}, 0
    for q in questions:
        slices[id(q)] = (start, start + len(q.candidates))
        start += len(q.candidates)

    def facts_at(oof: np.ndarray, threshold: float, whole_cases: bool = False):
        return simulate(
            questions,
            lambda q: choose(list(oof[slice(*slices[id(q)])]), q, threshold, whole_cases),
        )

    def pick_threshold(oof: np.ndarray, _y: np.ndarray) -> tuple[float, float]:
        # The threshold whose answers hold the most facts, at no more passages than the rule's.
        budget = rule_shown + 0.05
        best = (0.5, float("inf"))
        for t in np.arange(0.05, 0.96, 0.01):
            share, shown = facts_at(oof, float(t))
            if shown <= budget and -share < best[1]:
                best = (round(float(t), 2), -share)
        return best

    rule_share, rule_shown = simulate(
        questions, lambda q: [i for i, c in enumerate(q.candidates) if c.by_rule]
    )
    scaler, model, c, threshold, oof = fit_logistic(x, y, groups, pick_threshold)
    share, shown = facts_at(oof, threshold)
    engine_share, engine_shown = facts_at(oof, threshold, whole_cases=True)
    print(f"{len(questions)} pertanyaan, {len(rows)} kandidat ({int(y.sum())} dibutuhkan)")
    print(f"  aturan:                 fakta {rule_share:.1%}, {rule_shown:.2f} potongan/jawaban")
    print(f"  model (validasi silang): fakta {share:.1%}, {shown:.2f} potongan/jawaban"
          f" (C={c}, ambang={threshold})")  # fmt: skip
    print(
        f"  + kasus utuh (mesin):    fakta {engine_share:.1%}, {engine_shown:.2f} potongan/jawaban"
    )
    for name, coefficient in sorted(
        zip(names, model.coef_[0], strict=True), key=lambda p: -abs(p[1])
    ):
        print(f"    {name:<16} {coefficient:+.3f}")
    if write:
        write_model(DECISION, pipeline.retriever.embedder.name, names, scaler, model, threshold, {
            "questions": len(questions),
            "rows": len(rows),
            "C": c,
            "facts_held_rule": round(rule_share, 4),
            "facts_held_model_cross_validated": round(share, 4),
            "passages_per_answer": {
                "rule": round(rule_shown, 2),
                "model": round(shown, 2),
                "model_with_whole_cases": round(engine_shown, 2),
            },
        })  # fmt: skip


if __name__ == "__main__":
    main()
