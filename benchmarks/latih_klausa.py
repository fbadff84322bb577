"""Fit `clause_mean_power` (asisten/data/calibration.yaml) for the configured embedding model on
the TRAINING split: how long the vector of a question of several clauses is made.

The engine embeds only the clauses of a long question and takes the question's vector as their
mean, weighted by length (asisten.jawab.retrieval.Retriever.question_vectors). Its direction is
nearly the question's own, but its cosines are not: the plain mean reads them low (it is shorter
than 1), the normalised mean reads them high.
The answerability model and the meaning thresholds were fitted on the question's own cosines,
so the mean is divided by its norm to the power whose cosines, with the ten passages closest to
the question's own vector, sit where the own vector's do. No labels are used: only how the model
reads the training questions, on both knowledge bases. The uji split is never read.

    python benchmarks/latih_klausa.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fitting import training_pipelines  # noqa: E402

from asisten.indeks.embedder import encode_queries  # noqa: E402
from asisten.jawab.retrieval import clause_mean, clause_texts, read_as_clauses  # noqa: E402

POWERS = [round(0.05 * i, 2) for i in range(21)]
NEAREST = 10


def main() -> None:
    offsets: dict[float, list[float]] = {power: [] for power in POWERS}
    directions: list[float] = []
    for _name, pipeline, items in training_pipelines():
        retriever = pipeline.retriever
        passages = np.asarray(retriever.version.vectors)
        for item in items:
            query = pipeline.analyser.analyse(item.question)
            if not read_as_clauses(query):
                continue
            own = retriever.vectors([query])[0][0]
            texts = clause_texts(list(query.parts))
            mean = clause_mean(texts, encode_queries(retriever.embedder, texts))
            nearest = np.argsort(-(passages @ own))[:NEAREST]
            own_cosines = passages[nearest] @ own
            norm = float(np.linalg.norm(mean))
            directions.append(float(mean @ own) / norm)
            for power in POWERS:
                cosines = passages[nearest] @ mean / norm**power
                offsets[power].append(float(np.mean(cosines - own_cosines)))
    print(f"{len(directions)} pertanyaan panjang berklausa (latih, inti dan tumbuh)")
    print(f"kosinus arah rata-rata klausa vs pertanyaan utuh: median {np.median(directions):.4f}")
    for power in POWERS:
        values = np.array(offsets[power])
        spread = f"(sb {values.std():.4f})"
        print(f"  pangkat {power:4.2f}: selisih kosinus rata-rata {values.mean():+.4f} {spread}")
    best = min(POWERS, key=lambda power: abs(np.mean(offsets[power])))
    print(f"clause_mean_power: {best}")


if __name__ == "__main__":
    main()
