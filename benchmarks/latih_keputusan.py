"""Fit the answerability model on the TRAINING split over both knowledge bases.

Every training question (the eval files of split latih in benchmarks/evalset.py; never the uji
split) is searched on the shipped corpus (inti) and on the shipped
corpus plus ../shared/corpus-uji (tumbuh). Its label: answerable when it is in scope and its
knowledge base holds the answer (a `korpus: tumbuh` question asked of inti is not answerable
there). Questions that a named pasal or a regulation the knowledge base lacks decides, that ask
a value for a year or region no passage found names (asisten.jawab.decision.unsaid), or that keep
no word after analysis, are left out: the model does not decide them.

A logistic regression on standardised signals (asisten.jawab.answerability.features) is chosen
by grouped cross-validation (a question's two rows stay in one fold), its threshold set on the
out-of-fold probabilities, and written to asisten/data/keputusan/<model>.json.

    python benchmarks/latih_keputusan.py [--tulis]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fitting import fit_logistic, training_pipelines, wants_writing, write_model  # noqa: E402

from asisten.jawab.decision import unsaid  # noqa: E402
from asisten.jawab.pipeline import Pipeline  # noqa: E402


@dataclass
class Row:
    id: str
    kb: str
    values: dict[str, float]
    label: int
    rules: int


def collect(pipeline: Pipeline, kb: str, items) -> list[Row]:
    rows = []
    for item in items:
        query = pipeline.analyser.analyse(item.question)
        if query.provision is not None and pipeline.retriever.lookup(
            query, pipeline.retriever.holders(query)
        ):
            continue
        if query.missing_regulations or not query.stems:
            continue  # decided apart: a regulation we lack, or no word for the signals
        hits = pipeline.retriever.search(query, k=pipeline.searched(query))
        if not hits:
            continue
        if unsaid(query, hits):
            continue  # decided apart: a value asked for a year or region no passage names
        by_rules = pipeline.decider.by_rules(query, hits)
        answerable = not item.decline and (kb == "tumbuh" or item.korpus == "inti")
        values = pipeline.decider.signals(query, hits, by_rules)
        rows.append(Row(item.id, kb, values, int(answerable), int(by_rules.answer)))
    return rows


def fit(rows: list[Row], names: list[str]):
    x = np.array([[r.values[n] for n in names] for r in rows])
    y = np.array([r.label for r in rows])
    return fit_logistic(x, y, np.array([r.id for r in rows]), _threshold)


def _threshold(probabilities: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold with the fewest wrong decisions on the training questions, a false answer
    and a false decline counting the same: the split's mix (about three answerable questions to
    one that is not) is closer to what users ask than an even one."""
    best = (0.5, float("inf"))
    for t in np.arange(0.05, 0.96, 0.01):
        answered = probabilities >= t
        errors = float((answered != (labels == 1)).sum())
        if errors < best[1]:
            best = (round(float(t), 2), float(errors))
    return best


def report(name: str, rows: list[Row], answered: np.ndarray) -> dict:
    out = {}
    for kb in ("inti", "tumbuh"):
        chosen = [i for i, r in enumerate(rows) if r.kb == kb]
        pos = [i for i in chosen if rows[i].label == 1]
        neg = [i for i in chosen if rows[i].label == 0]
        out[kb] = {
            "dijawab_keliru": int(sum(answered[i] for i in neg)),
            "tidak_dapat_dijawab": len(neg),
            "ditolak_keliru": int(sum(not answered[i] for i in pos)),
            "dapat_dijawab": len(pos),
        }
        print(f"  {name:<22} {kb:<7} salah jawab {out[kb]['dijawab_keliru']:>3}/{len(neg):<4}"
              f" salah tolak {out[kb]['ditolak_keliru']:>3}/{len(pos)}")  # fmt: skip
    return out


def main() -> None:
    write = wants_writing()
    rows: list[Row] = []
    for name, pipeline, items in training_pipelines():
        rows += collect(pipeline, name, items)
    names = sorted(rows[0].values)
    scaler, model, c, threshold, oof = fit(rows, names)
    print(f"{len(rows)} baris latih, C={c}, ambang={threshold}")
    rules = report("aturan", rows, np.array([r.rules for r in rows], dtype=bool))
    fitted = report("model (validasi silang)", rows, oof >= threshold)
    if write:
        write_model("keputusan", pipeline.retriever.embedder.name, names, scaler, model,
                    threshold, {"rows": len(rows), "C": c, "rules_on_training": rules,
                                "model_cross_validated": fitted})  # fmt: skip


if __name__ == "__main__":
    main()
