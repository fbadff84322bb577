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

The training parts written after the model was fitted (HELD_OUT) are kept out of its fit and
reported apart, as a check of it: a part added later shows whether the model still holds
before anyone refits it. A refit is committed only when the answers it gives are better end to
end (benchmarks/kualitas.py): on 2026-12-06 a refit on today's signals (1,592 rows, C 0.3,
threshold 0.47) declined 4.5 / 4.4 % of the answerable training questions on inti / grown
against 2.1 / 1.8 % for the committed model (fitted 2026-12-05 on 1,600 rows), so it was not.

    python benchmarks/latih_keputusan.py [--tulis]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fitting import (  # noqa: E402
    fit_logistic,
    part_files,
    training_pipelines,
    wants_writing,
    write_model,
)

from asisten.jawab.decision import unsaid  # noqa: E402
from asisten.jawab.pipeline import Pipeline  # noqa: E402

# Training parts kept out of the fit (see the module's docstring): the seventh to twelfth parts
# were written after the committed model was fitted. Refits with the seventh (threshold 0.36 /
# 0.38 against 0.25) made more wrong decisions end to end, so the committed model is the one
# fitted without it.
HELD_OUT = frozenset({"ketujuh", "kedelapan", "kesembilan", "kesepuluh", "kesebelas", "keduabelas"})


@dataclass
class Row:
    id: str
    kb: str
    values: dict[str, float]
    label: int
    rules: int
    part: str = ""


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
        rows.append(Row(item.id, kb, values, int(answerable), int(by_rules.answer), item.part))
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
    held = [r for r in rows if r.part in HELD_OUT]
    rows = [r for r in rows if r.part not in HELD_OUT]
    names = sorted(rows[0].values)
    scaler, model, c, threshold, oof = fit(rows, names)
    print(f"{len(rows)} baris latih, C={c}, ambang={threshold}")
    rules = report("aturan", rows, np.array([r.rules for r in rows], dtype=bool))
    fitted = report("model (validasi silang)", rows, oof >= threshold)
    record = {
        "rows": len(rows),
        "C": c,
        "rules_on_training": rules,
        "model_cross_validated": fitted,
    }
    if held:
        x = np.array([[r.values[n] for n in names] for r in held])
        p = model.predict_proba(scaler.transform(x))[:, 1]
        print(f"{len(held)} baris bagian {', '.join(sorted(HELD_OUT))} (tidak ikut dipasang):")
        record["held_out"] = report("model (bagian ditahan)", held, p >= threshold)
    if write:
        write_model(
            "keputusan", pipeline.retriever.embedder.name, names, scaler, model, threshold,
            record, held_out=part_files(HELD_OUT),
        )  # fmt: skip


if __name__ == "__main__":
    main()
