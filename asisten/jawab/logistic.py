"""A logistic regression fitted offline (benchmarks/latih_*.py) and shipped as data.

One JSON file per embedding model and per decision holds the feature names, their scaling, the
coefficients and the fitted threshold; the engine only evaluates it. No file for a model means
the hand rules decide alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class LogisticModel:
    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept
        for name, mean, scale, coefficient in zip(
            self.names, self.means, self.scales, self.coefficients, strict=True
        ):
            z += coefficient * (values.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, values: dict[str, float]) -> bool:
        return self.probability(values) >= self.threshold


def model_file(decision: str, model: str) -> str:
    """The package-relative file of one decision's model for one embedding model."""
    return f"data/{decision}/{model}.json"


@cache
def load_model(decision: str, model: str) -> LogisticModel | None:
    """The model fitted for `decision` ("keputusan", "pendamping") and an embedding model, or
    None when none was fitted for it."""
    path = resources.files("asisten").joinpath(model_file(decision, model))
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    return LogisticModel(
        names=tuple(raw["names"]),
        means=tuple(raw["means"]),
        scales=tuple(raw["scales"]),
        coefficients=tuple(raw["coefficients"]),
        intercept=float(raw["intercept"]),
        threshold=float(raw["threshold"]),
    )
