"""How much to trust one embedding model's similarities: ranking weight and answer thresholds.

Each model has its own cosine scale (e5 puts nearly everything between 0.80 and 0.95, MiniLM
spreads it from 0.1 to 0.8), so the numbers are per model. Tuned on benchmarks/eval; see the
README for the measurements and for how flat the results are around the chosen values. The
numbers are data: asisten/data/calibration.yaml.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from asisten.indeks.lexicon import LexiconError, line_of, yaml_data

T = TypeVar("T")


@dataclass(frozen=True)
class Calibration:
    """When to answer and when to say "tidak ditemukan", and how far vectors move the ranking.

    - The best hit must cover enough of the question's (IDF-weighted) content words
      (`min_coverage`).
    - A word the corpus never uses ("cuti", "paspor") is usually the very topic we do not know,
      so such a question needs far more coverage (`min_coverage_unknown`)...
    - ...unless the meaning is close anyway (`close_meaning`): then the unknown word is a detail
      ("dosen", "draf"), not the topic ("cuti", "pilkada").
    - Very close meaning (`very_close_meaning`) also makes up for unusual wording, down to
      `min_coverage_very_close`.
    - When no passage comes within `meaning_floor` in meaning, nothing is answered unless the
      best one holds (nearly) every word of the question: "Siapa presiden pertama Republik
      Indonesia?" matches most words of a definition, and means something else.
    - `dense_weight` adds the cosine gap to the best passage into the ranking. Rank fusion alone
      throws away how much closer one passage is; with e5 a gap of 0.01 is already telling.
    """

    min_coverage: float
    min_coverage_unknown: float
    close_meaning: float
    very_close_meaning: float
    min_coverage_very_close: float
    meaning_floor: float
    dense_weight: float
    # A question about innovation itself (asisten.jawab.scope) needs only this much coverage.
    min_coverage_in_scope: float
    # An English question sits this much further from the Indonesian passage that answers it
    # than the same question in Indonesian would, so its meaning thresholds are this much lower.
    cross_lingual_drop: float
    # A question of several clauses is embedded as its clauses only; its own vector is their
    # length-weighted mean divided by the mean's norm to this power (asisten.jawab.retrieval).
    clause_mean_power: float

    def for_english(self) -> Calibration:
        drop = self.cross_lingual_drop
        return replace(
            self,
            close_meaning=self.close_meaning - drop,
            very_close_meaning=self.very_close_meaning - drop,
            meaning_floor=self.meaning_floor - drop,
        )


@dataclass(frozen=True)
class Shared:
    """The numbers every model shares: how the ranking is mixed, which rules read the passages,
    how much of the best passage's strength a further one needs to be shown, and how much room
    the answer gives each passage. What each means is written beside it in
    asisten/data/calibration.yaml."""

    rrf_k: float
    candidates: float
    coverage_weight: float
    doubled_words_up_to_chars: float
    doubled_reread_up_to_chars: float
    named_document_bonus: float
    in_scope_top: float
    in_scope_unknown_share: float
    distinctive_idf: float
    relative_score: float
    relative_coverage: float
    related_faq_score: float
    excerpt_chars: float
    best_excerpt_chars: float
    excerpt_slack: float
    list_excerpt_chars: float
    faq_quoted_provisions: float
    whole_pasal_chars: float
    chosen_pasal_chars: float
    extra_sources_max: float
    extra_siblings: float
    related_faqs: float
    cited_per_excerpt: float
    clause_runners_up: float
    clause_within_best: float
    clause_searched: float
    named_pasal_range: float
    searched: float
    searched_per_ask: float


CALIBRATION_FILE = "calibration.yaml"


@dataclass(frozen=True)
class Calibrations:
    """The numbers of asisten/data/calibration.yaml."""

    models: dict[str, Calibration]
    # Models with no known vector scale (a local path, the hashing fake): words decide.
    words_only: Calibration
    # A passage holding this share of the question's words is answered whatever the vectors say.
    full_coverage: float
    shared: Shared


@lru_cache(maxsize=1)
def calibrations() -> Calibrations:
    data = yaml_data(CALIBRATION_FILE)
    keys = {"models", "words_only", "full_coverage", "shared"}
    if not isinstance(data, dict) or set(data) != keys:
        raise LexiconError(f"data/{CALIBRATION_FILE}: expected the keys {sorted(keys)}")
    models = data["models"]
    if not isinstance(models, dict):
        raise LexiconError(f"data/{CALIBRATION_FILE}:{line_of(data, 'models')}: not a mapping")
    return Calibrations(
        models={name: _fields(Calibration, models, name) for name in models},
        words_only=_fields(Calibration, data, "words_only"),
        full_coverage=_number(data, "full_coverage"),
        shared=_fields(Shared, data, "shared"),
    )


def _fields(kind: type[T], parent: dict, key: str) -> T:
    fields = parent[key]
    where = f"data/{CALIBRATION_FILE}:{line_of(parent, key)}"
    if not isinstance(fields, dict):
        raise LexiconError(f"{where}: {key!r} is not a mapping of fields")
    known = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    if unknown := set(fields) - known:
        raise LexiconError(f"{where}: {key!r} has unknown fields {sorted(unknown)}")
    try:
        return kind(**{name: _number(fields, name) for name in fields})
    except TypeError as exc:  # a required field is missing
        raise LexiconError(f"{where}: {key!r}: {exc}") from exc


def _number(mapping: dict, key: str) -> float:
    value = mapping[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        where = f"data/{CALIBRATION_FILE}:{line_of(mapping, key)}"
        raise LexiconError(f"{where}: {key!r} is {value!r}, not a number")
    return float(value)


def __getattr__(name: str):
    """`CALIBRATIONS`, `WORDS_ONLY` and `FULL_COVERAGE`, loaded on first use (PEP 562)."""
    if name == "CALIBRATIONS":
        return calibrations().models
    if name == "WORDS_ONLY":
        return calibrations().words_only
    if name == "FULL_COVERAGE":
        return calibrations().full_coverage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def shared() -> Shared:
    return calibrations().shared


def calibration_for(model: str) -> Calibration:
    numbers = calibrations()
    return numbers.models.get(model, numbers.words_only)
