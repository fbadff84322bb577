"""Answer quality on the team's evaluation set, with a naive baseline measured in the same run.

Engine: structure-aware chunks, hybrid retrieval, extractive answers with abstention.
Baseline: fixed-size character chunks of the same files, dense search only (same model), the
top 3 chunks as the answer; it declines only when the best cosine is below BASELINE_MIN_COSINE.

    python benchmarks/kualitas.py [--detail]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalset import load_items, parts, score, summarise  # noqa: E402

from asisten.config import load_settings  # noqa: E402
from asisten.indeks.build import build_index  # noqa: E402
from asisten.indeks.embedder import create_embedder  # noqa: E402
from asisten.indeks.store import IndexStore  # noqa: E402
from asisten.jawab.engine import Engine  # noqa: E402
from asisten.kb.loaders import iter_files  # noqa: E402

BASELINE_CHUNK = 800
BASELINE_OVERLAP = 100
BASELINE_MIN_COSINE = 0.35
RESULTS = Path(__file__).parent / "hasil" / "kualitas.json"


def engine_scores(settings, embedder, items):
    engine = Engine(settings, embedder_factory=lambda name: embedder)
    scores = []
    for item in items:
        answer = engine.answer(item.question)
        scores.append(score(item, answer.found, answer.text, [s.citation for s in answer.sources]))
    return scores


def baseline_scores(corpus: Path, embedder, items):
    import faiss

    chunks: list[tuple[str, str]] = []
    for path in iter_files([corpus]):
        text = path.read_text(encoding="utf-8")
        for start in range(0, len(text), BASELINE_CHUNK - BASELINE_OVERLAP):
            chunks.append((path.stem, text[start : start + BASELINE_CHUNK]))
    vectors = embedder.encode([t for _, t in chunks])
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    scores = []
    for item in items:
        sims, ids = index.search(embedder.encode([item.question]), 3)
        answered = bool(sims[0][0] >= BASELINE_MIN_COSINE)
        top = [chunks[i] for i in ids[0]]
        text = "\n".join(t for _, t in top)
        # Generous: a provision counts as cited if a retrieved chunk contains its pasal heading.
        citations = [ref for ref in item.references if _mentions(ref, text)]
        scores.append(score(item, answered, text, citations))
    return scores


def _mentions(reference: str, text: str) -> bool:
    parts = reference.split(" Pasal ")
    return len(parts) == 2 and f"Pasal {parts[1].split(' ')[0]}" in text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detail", action="store_true", help="list every miss")
    args = parser.parse_args()
    items = load_items()
    embedder = create_embedder(load_settings().model)
    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(home=home)
        build_index(
            IndexStore(settings.index_dir), [settings.corpus_dir], lambda: embedder,
            embedder.name, settings.max_file_bytes,
        )  # fmt: skip
        engine = engine_scores(settings, embedder, items)
        baseline = baseline_scores(settings.corpus_dir, embedder, items)
    results = {}
    for part, positions in parts(items).items():
        chosen = [items[i] for i in positions]
        results[part] = {
            "engine": summarise(chosen, [engine[i] for i in positions]),
            "baseline": summarise(chosen, [baseline[i] for i in positions]),
        }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1))
    for part, result in results.items():
        print(f"\n[{part}] {result['engine']['pertanyaan']} pertanyaan,"
              f" {result['engine']['luar_cakupan']} di luar cakupan")  # fmt: skip
        print(f"{'metrik':<20}{'asisten':>10}{'baseline':>10}")
        for key in ("fact_recall", "citation_accuracy", "abstention", "false_abstention"):
            print(f"{key:<20}{result['engine'][key]:>10.1%}{result['baseline'][key]:>10.1%}")
    if args.detail:
        for item, result in zip(items, engine, strict=True):
            wrong = (item.decline and result.answered) or (
                not item.decline
                and (not result.answered or result.missing or not result.citation_ok)
            )
            if wrong:
                print(f"- {item.id} [{item.category}] {item.question}: answered={result.answered}"
                      f" missing={result.missing} citation_ok={result.citation_ok}")  # fmt: skip


if __name__ == "__main__":
    main()
