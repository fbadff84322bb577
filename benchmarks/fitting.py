"""Fitting one logistic model for the engine (asisten.jawab.logistic) on the training split.

Grouped cross-validation (all rows of one question stay in one fold) chooses the regularisation;
`choose(oof, y)` picks the threshold on the out-of-fold probabilities and says how many mistakes
it makes, and the model is then refitted on every row.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5


def fit_logistic(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray,
    choose: Callable[[np.ndarray, np.ndarray], tuple[float, float]],
    class_weight: str | None = "balanced",
):  # fmt: skip
    """(scaler, model, C, threshold, out-of-fold probabilities) of the C with fewest mistakes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    best = None
    for c in C_GRID:
        oof = np.zeros(len(y))
        for train, test in GroupKFold(FOLDS).split(x, y, groups):
            scaler = StandardScaler().fit(x[train])
            model = LogisticRegression(C=c, class_weight=class_weight, max_iter=2000)
            model.fit(scaler.transform(x[train]), y[train])
            oof[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
        threshold, mistakes = choose(oof, y)
        if best is None or mistakes < best[2]:
            best = (c, threshold, mistakes, oof)
    c, threshold, _, oof = best
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, class_weight=class_weight, max_iter=2000)
    model.fit(scaler.transform(x), y)
    return scaler, model, c, threshold, oof


def model_payload(names: list[str], scaler, model, threshold: float, fitted: dict) -> dict:
    """The JSON asisten.jawab.logistic.load_model reads."""
    return {
        "names": names,
        "means": scaler.mean_.tolist(),
        "scales": scaler.scale_.tolist(),
        "coefficients": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
        "threshold": threshold,
        "fitted": fitted,
    }
