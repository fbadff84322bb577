"""Gap questions grouped into topics by meaning.

Each distinct question is embedded with the index's model and the questions are joined by
average-linkage agglomerative clustering on cosine distance: two groups merge while the mean
distance between their questions stays within the model's `max_distance`
(asisten/data/celah.yaml, fitted by benchmarks/celah.py). Average linkage rather than single:
one question halfway between two topics must not chain them into one gap.

A gap is labelled with its most central question (the highest mean similarity to the others).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from asisten.celah.collect import GapQuestion
from asisten.celah.threshold import max_distance_for
from asisten.indeks.embedder import Embedder, encode_queries

SAMPLES = 3
REASONS = 3
# Question vectors by (model, text): a few MB at most, cleared whole when full.
CACHE_LIMIT = 20_000
_VECTORS: dict[tuple[str, str], np.ndarray] = {}


@dataclass
class Gap:
    """One topic the knowledge base lacks: how often it was asked, and how."""

    topic: str
    count: int
    samples: list[str]
    last_asked: date
    declined: int = 0
    thumbs_down: int = 0
    reasons: list[str] = field(default_factory=list)
    # The index in use answers its topic question now (asisten.celah.recheck).
    answered_now: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "topik": self.topic, "jumlah": self.count, "contoh": self.samples,
            "terakhir": self.last_asked.isoformat(), "ditolak": self.declined,
            "jempol_bawah": self.thumbs_down, "alasan": self.reasons,
            "terjawab_kini": self.answered_now,
        }  # fmt: skip


def cluster(vectors: np.ndarray, max_distance: float) -> np.ndarray:
    """A group number for each row of L2-normalised `vectors` (0, 1, … by first appearance)."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=int)
    if len(vectors) == 1:
        return np.zeros(1, dtype=int)
    from scipy.cluster.hierarchy import fcluster, linkage  # only here: a slow import

    distances = _condensed(np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0))
    raw = fcluster(linkage(distances, method="average"), t=max_distance, criterion="distance")
    order = {label: number for number, label in enumerate(dict.fromkeys(raw.tolist()))}
    return np.array([order[label] for label in raw.tolist()], dtype=int)


def group(questions: Sequence[GapQuestion], embedder: Embedder) -> list[Gap]:
    """The gaps among `questions`, most asked first (then most recently asked)."""
    by_key: dict[str, list[GapQuestion]] = {}
    for question in sorted(questions, key=lambda q: q.asked_at):
        by_key.setdefault(_key(question.question), []).append(question)
    if not by_key:
        return []
    # Each distinct question is embedded once, as it was last typed (what the fit saw: raw text).
    shown = {key: asked[-1].question.strip() for key, asked in by_key.items()}
    vectors = encode(embedder, list(shown.values()))
    labels = cluster(vectors, max_distance_for(embedder.name)).tolist()
    keys = list(shown)
    gaps = [
        _gap([k for k, label in zip(keys, labels, strict=True) if label == number], by_key, shown,
             vectors[[i for i, label in enumerate(labels) if label == number]])
        for number in sorted(set(labels))
    ]  # fmt: skip
    return sorted(gaps, key=lambda g: (-g.count, -g.last_asked.toordinal(), g.topic))


def encode(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """The questions' vectors, compared as questions: a model with a query form (e5's "query: ")
    gets it; on benchmarks/eval/celah.yaml e5's query form groups far better than its passage
    form (pairwise F1 0.68 against 0.40). Vectors are kept, so the App Home re-embeds only new
    questions."""
    found = {t: _VECTORS.get((embedder.name, t)) for t in texts}
    missing = [t for t, vector in found.items() if vector is None]
    if missing:
        fresh = encode_queries(embedder, missing)
        if len(_VECTORS) + len(missing) > CACHE_LIMIT:
            _VECTORS.clear()
        for text, vector in zip(missing, fresh, strict=True):
            found[text] = _VECTORS[(embedder.name, text)] = vector
    return np.vstack([found[t] for t in texts]).astype(np.float32)


def _gap(
    keys: list[str], by_key: dict[str, list[GapQuestion]], shown: dict[str, str],
    vectors: np.ndarray,
) -> Gap:  # fmt: skip
    """One group's gap; `vectors` are its distinct questions' (rows in the order of `keys`)."""
    centrality = (vectors @ vectors.T).mean(axis=1)
    ranked = [keys[i] for i in np.argsort(-centrality, kind="stable")]
    members = sorted((q for k in keys for q in by_key[k]), key=lambda q: q.asked_at)
    reasons = [r for q in members for r in q.reasons]
    return Gap(
        topic=shown[ranked[0]], count=len(members),
        samples=[shown[k] for k in ranked[:SAMPLES]],
        last_asked=members[-1].asked_at.date(),
        declined=sum(1 for q in members if q.declined),
        thumbs_down=sum(1 for q in members if q.thumbs_down),
        reasons=list(dict.fromkeys(reasons))[-REASONS:],
    )  # fmt: skip


def _key(question: str) -> str:
    """One form for the same question typed twice: case, spacing and end punctuation ignored."""
    return re.sub(r"\s+", " ", question).strip().rstrip("?!.").strip().lower()


def _condensed(square: np.ndarray) -> np.ndarray:
    rows, cols = np.triu_indices(len(square), k=1)
    return square[rows, cols].astype(np.float64)
