"""Which passages join the best one in an answer, learned from labelled questions.

A question is often answered by more than one passage: the tahapan of an award beside its
organiser, the sanction in another pasal than the duty. The hand rule kept a passage when its
score and word coverage reached half the best one's, which drops exactly the passage that holds
the *other* words of the question ("tahap" when the best passage covers "Innovative Government
Award"). A logistic regression over each candidate's signals, fitted on the training questions
(benchmarks/latih_pendamping.py: a candidate is wanted when it holds an expected fact or
citation the best passage lacks), estimates how likely a passage adds something asked; its
numbers are data in asisten/data/pendamping/<model>.json.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from asisten.jawab.analysis import Query
from asisten.jawab.calibration import shared
from asisten.jawab.retrieval import Hit, same_provision
from asisten.jawab.vocabulary import Vocabulary

DECISION = "pendamping"


def features(
    query: Query, best: Hit, hit: Hit, rank: int, vocabulary: Vocabulary, in_scope: bool,
    rule: bool,
) -> dict[str, float]:  # fmt: skip
    """The signals of one candidate (`rank` ≥ 1 among the hits) beside the best passage; `rule`:
    whether the decision's relevance rule accepts it on its own."""
    weights = {stem: vocabulary.weight(stem) for stem in set(query.stems)}
    total = sum(weights.values()) or 1.0
    # The question's words this passage holds and the best one does not: what it could add.
    novel = [w for s, w in weights.items() if s in hit.shared and s not in best.shared]
    same_document = hit.chunk.doc_id == best.chunk.doc_id
    return {
        "rank": math.log(rank + 1),
        "score_gap": best.score - hit.score,
        "base_gap": best.base - hit.base,
        "coverage": hit.coverage,
        "coverage_ratio": hit.coverage / best.coverage if best.coverage else 1.0,
        "novel": sum(novel) / total,
        "novel_top": max(novel, default=0.0) / vocabulary.max_idf,
        "keyword_ratio": hit.keyword / best.keyword if best.keyword > 0 else 0.0,
        "dense_gap": best.dense - hit.dense,
        "same_document": float(same_document),
        "same_pasal": float(
            same_document and hit.chunk.pasal is not None and hit.chunk.pasal == best.chunk.pasal
        ),
        "regulation": float(hit.meta.doc_type == "regulasi"),
        "case": float(hit.meta.is_case),
        "explanation": float(hit.chunk.kind == "penjelasan"),
        "named": float(hit.named),
        "best_faq": float(best.chunk.kind == "faq"),
        "in_scope": float(in_scope),
        "asked": math.log1p(query.asked),
        "english": float(query.english),
        "rule": float(rule),
    }


@dataclass(frozen=True)
class Candidate:
    """One passage that may join the best one, with its signals."""

    hit: Hit
    values: dict[str, float]
    # Another ayat of the best passage's pasal (or of a pasal `cited`), or another section of
    # its case: may go past the source limit.
    sibling: bool
    # Another section of the case the best passage tells that passes the relevance rule: told
    # whole where room is left.
    story: bool


def may_join(query: Query, best: Hit, hit: Hit) -> bool:
    """Whether `hit` may be shown beside the best passage at all. A question naming a regulation
    ("menurut UU 18/1965") answered from it is shown no other regulation: another one's pasal
    beside it would read as what the named one says. Guides and cases may still join."""
    named_answer = bool(query.regulations) and best.named
    return not (named_answer and not hit.named and hit.meta.doc_type == "regulasi")


def repeats(hit: Hit, shown: Iterable[Hit]) -> bool:
    """Whether a passage of the same citation from another document is among `shown`: the same
    provision again (the team's summary beside the official text, an FAQ pair standing for the
    provision it cites)."""
    return any(
        (h.chunk.citation == hit.chunk.citation and h.chunk.doc_id != hit.chunk.doc_id)
        or same_provision(h.chunk, h.meta, hit.chunk, hit.meta)
        for h in shown
    )


def is_piece_of(hit: Hit, shown: Iterable[Hit]) -> bool:
    """Whether the passage is another piece of a unit among `shown` too long for one passage (a
    Lampiran's list of duties, a long guide section: same citation, same document): it
    completes that unit rather than repeating it."""
    return any(
        h.chunk.citation == hit.chunk.citation and h.chunk.doc_id == hit.chunk.doc_id for h in shown
    )


def candidates(
    query: Query, hits: list[Hit], vocabulary: Vocabulary, in_scope: bool,
    relevant: Callable[[Hit], bool], cited: frozenset[tuple[str, str]] = frozenset(),
    cited_by: Callable[[Hit], list[Hit]] | None = None,
) -> list[Candidate]:  # fmt: skip
    """The passages after the best one that could join it (no FAQ pair, no provision twice), in
    their order; `relevant`: the decision's relevance rule for a companion; `cited`: the
    (document, pasal) an FAQ answer rests on, whose other ayat count as siblings too;
    `cited_by`: the provisions an FAQ pair cites, as hits carrying the pair's own signals. A
    pair found among the best points at the provisions that answer it ("usulan paling sedikit
    memuat …" in Pasal 7 ayat (2)): they stand in its place, at its rank."""
    best = hits[0]
    found: list[Candidate] = []
    seen = [best]
    for rank, hit in joinable(query, hits, cited_by):
        if repeats(hit, seen):
            continue
        seen.append(hit)
        found.append(
            _candidate(query, best, hit, rank, vocabulary, in_scope, relevant, cited, seen)
        )
    return found


def joinable(
    query: Query, hits: list[Hit], cited_by: Callable[[Hit], list[Hit]] | None = None
) -> Iterator[tuple[int, Hit]]:
    """The passages after the best one that may be shown beside it, with their rank among the
    hits: each hit in its order, an FAQ pair replaced by the provisions it cites (`cited_by`),
    none twice."""
    seen = [hits[0]]
    for rank, ranked in enumerate(hits[1:], start=1):
        for hit in _in_place_of(ranked, cited_by):
            if not _among(hit, seen) and may_join(query, hits[0], hit):
                seen.append(hit)
                yield rank, hit


def _in_place_of(hit: Hit, cited_by: Callable[[Hit], list[Hit]] | None) -> list[Hit]:
    """A passage as a candidate: itself, or for an FAQ pair the provisions it cites."""
    if hit.chunk.kind != "faq":
        return [hit]
    return [h for h in cited_by(hit) if h.chunk.kind != "faq"] if cited_by else []


def _among(hit: Hit, shown: Iterable[Hit]) -> bool:
    return any(h.chunk.chunk_id == hit.chunk.chunk_id for h in shown)


def _candidate(
    query: Query, best: Hit, hit: Hit, rank: int, vocabulary: Vocabulary, in_scope: bool,
    relevant: Callable[[Hit], bool], cited: frozenset[tuple[str, str]], seen: list[Hit],
) -> Candidate:  # fmt: skip
    piece = is_piece_of(hit, seen[:-1])
    rule = relevant(hit)
    values = features(query, best, hit, rank, vocabulary, in_scope, rule)
    section = hit.meta.is_case and bool(values["same_document"])
    pasal = (hit.chunk.doc_id, hit.chunk.pasal) in cited
    sibling = bool(values["same_pasal"]) or pasal or section or piece
    return Candidate(hit, values, sibling, section and rule)


def pick(
    probabilities: list[float], siblings: list[bool], limit: int, threshold: float,
    story: list[bool] | None = None, units: list[object] | None = None,
) -> list[int]:  # fmt: skip
    """Positions of the candidates that join the best passage, in the candidates' order: the
    likeliest first, while they reach the threshold, up to `limit` passages in all; a sibling of
    the best passage (another ayat of its pasal, another section of its case) may go
    `extra_siblings` (asisten/data/calibration.yaml) past it, since it completes what is said
    rather than adding a topic. Room left then goes to the `story` candidates (the other
    sections of the case the best passage tells, which pass the relevance rule): a case is told
    whole where it can be.

    `units`: what each candidate is shown as part of (its pasal, when quoted whole with another
    of its ayat: Answerer.shown_within; None: itself alone), the best passage's unit last. The
    limit counts what the reader sees: a pasal two of whose ayat are chosen is quoted as one
    item, so a further ayat of a pasal already shown joins it without taking another
    passage's place."""
    order = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
    extra = int(shared().extra_siblings)
    chosen: list[int] = []
    shown = {units[-1]} if units else set()
    counted = 0
    for i in order:
        if probabilities[i] < threshold:
            break
        unit = units[i] if units else None
        if unit is not None and unit in shown:
            chosen.append(i)
        elif counted < limit - 1 + (extra if siblings[i] else 0):
            chosen.append(i)
            counted += 1
            if unit is not None:
                shown.add(unit)
    for i, told in enumerate(story or []):
        if told and i not in chosen and counted < limit - 1 + extra:
            chosen.append(i)
            counted += 1
    return sorted(chosen)


def unit_of(hit: Hit) -> tuple[str, str] | None:
    """The (document, pasal) of an ayat, whose other chosen ayat are quoted with it when the
    pasal is short enough (answer._chosen_twice); None for any other passage."""
    if hit.chunk.kind == "ayat" and hit.chunk.pasal:
        return (hit.chunk.doc_id, hit.chunk.pasal)
    return None
