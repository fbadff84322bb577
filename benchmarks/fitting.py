"""Fitting one logistic model for the engine (asisten.jawab.logistic) on the training split.

Grouped cross-validation (all rows of one question stay in one fold) chooses the regularisation;
`choose(oof, y)` picks the threshold on the out-of-fold probabilities and says how many mistakes
it makes, and the model is then refitted on every row.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
from basis import knowledge_base, prepare
from evalset import EVAL_FILES, Item, load_all

from asisten.config import load_settings
from asisten.indeks.embedder import create_embedder
from asisten.jawab.engine import Engine
from asisten.jawab.logistic import model_file
from asisten.jawab.pipeline import Pipeline

PACKAGE = Path(__file__).resolve().parents[1] / "asisten"

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


def write_model(
    decision: str, model_name: str, names: list[str], scaler, model, threshold: float,
    record: dict, held_out: frozenset[str] = frozenset(),
) -> None:  # fmt: skip
    """Write the JSON asisten.jawab.logistic.load_model reads for this decision and embedding
    model into the package; `record` (what was measured) is kept beside the date and split;
    `held_out`: the training files left out of the fit."""
    path = PACKAGE / model_file(decision, model_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "names": names,
        "means": scaler.mean_.tolist(),
        "scales": scaler.scale_.tolist(),
        "coefficients": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
        "threshold": threshold,
        "fitted": {"date": date.today().isoformat(), "split": _training_split(held_out), **record},
    }
    path.write_text(json.dumps(payload, indent=1) + "\n")
    print(f"ditulis: {path}")


def wants_writing() -> bool:
    """The scripts' one option: --tulis writes the fitted model file into the package."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--tulis", action="store_true", help="write the fitted model file")
    return parser.parse_args().tulis


def _training_split(held_out: frozenset[str] = frozenset()) -> str:
    """The files fitted on, for the fitted file's record: every eval file of split latih but
    those `held_out`."""
    names = [n for n, (split, _) in EVAL_FILES.items() if split == "latih" and n not in held_out]
    return f"latih ({', '.join(names)}) on inti and tumbuh"


def part_files(parts: frozenset[str]) -> frozenset[str]:
    """The eval files holding these parts of the training split."""
    return frozenset(n for n, (split, part) in EVAL_FILES.items() if part in parts)


def training_pipelines() -> Iterator[tuple[str, Pipeline, list[Item]]]:
    """(knowledge base, its engine's pipeline, the training items) for inti and tumbuh, each
    index brought up to date first. Never the uji split."""
    items = [item for item in load_all() if item.split == "latih"]
    embedder = create_embedder(load_settings().model)
    for name in ("inti", "tumbuh"):
        kb = knowledge_base(name)
        if kb.missing:
            sys.exit(f"{name}: tidak ada {', '.join(map(str, kb.missing))}")
        prepare(kb, embedder)
        engine = Engine(kb.settings(), embedder_factory=lambda _: embedder)
        yield name, engine.pipeline, items
