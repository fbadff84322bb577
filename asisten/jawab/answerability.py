"""Answerability learned from labelled questions: the signals of one search → P(answerable).

The hand-written rules (asisten.jawab.decision) were tuned on the shipped corpus; once admins add
official texts, the words of everyday civil-service or licensing questions ("kenaikan pangkat",
"NIB") occur somewhere in them, and coverage alone answers what the knowledge base cannot. A
logistic regression over the search's signals, fitted on labelled questions over two knowledge
bases (benchmarks/latih_keputusan.py), decides instead. Its numbers are data: one file per
embedding model in asisten/data/keputusan/, holding the feature names, their scaling, the
coefficients and the fitted threshold (asisten.jawab.logistic). No model file for a model means
the rules decide alone.
"""

from __future__ import annotations

import math

from asisten.jawab.analysis import Query
from asisten.jawab.answer_type import says
from asisten.jawab.retrieval import Hit
from asisten.jawab.vocabulary import Vocabulary

# How many of the best passages count as "near the top".
TOP = 3


def features(
    query: Query, hits: list[Hit], vocabulary: Vocabulary, rules_answer: bool, in_scope: bool
) -> dict[str, float]:
    """The signals one search gives about whether its question is answered by what it found."""
    best = max(hits, key=lambda h: h.base)
    weights = {stem: vocabulary.weight(stem) for stem in set(query.stems)}
    total = sum(weights.values()) or 1.0
    # The question's most telling words the best passage lacks: usually its topic when the
    # knowledge base does not hold the answer ("pangkat reguler golongan").
    missing = sorted((w for s, w in weights.items() if s not in best.shared), reverse=True)
    by_dense = sorted(hits, key=lambda h: h.dense, reverse=True)
    return {
        "rules_answer": float(rules_answer),
        "in_scope": float(in_scope),
        "named": float(best.named),
        "english": float(query.english),
        "coverage": best.coverage,
        "coverage_top": max(h.coverage for h in hits[:TOP]),
        "dense": best.dense,
        "dense_top": by_dense[0].dense,
        "dense_gap": by_dense[0].dense - best.dense,
        # The two rankings agree when the best passage by words is among the closest in meaning.
        "agreement": float(best in by_dense[:TOP]),
        "unknown_share": len(query.unknown) / max(1, len(query.stems)),
        "unknown_place": float(bool(query.unknown_places)),
        "missing_top_idf": (missing[0] if missing else 0.0) / vocabulary.max_idf,
        "missing_idf_share": sum(missing[:2]) / total,
        "shared_top_idf": max(best.shared.values(), default=0.0) / vocabulary.max_idf,
        "words": math.log1p(len(query.stems)),
        # How far the closest passage stands out from the others found.
        "dense_spread": by_dense[0].dense - sum(h.dense for h in hits) / len(hits),
        "keyword_top": math.log1p(max(h.keyword for h in hits)),
        "faq": float(best.chunk.kind == "faq"),
        # A question asking for a value (an amount, a share, a time, a count) that none of the
        # best passages says a value of that kind for (asisten.jawab.answer_type).
        "value_asked": float(bool(query.expects)),
        "value_unsaid": float(not any(says(query.expects, h.chunk.text) for h in near_top(hits))),
    }


def near_top(hits: list[Hit]) -> list[Hit]:
    """The passages an answer rests on: the best by the rank score without the cosine-gap term
    (`Hit.base`), and the first few."""
    return [max(hits, key=lambda h: h.base), *hits[:TOP]] if hits else []
