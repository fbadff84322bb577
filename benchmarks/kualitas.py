"""Answer quality on the team's evaluation set, per knowledge base and split.

Knowledge bases (benchmarks/basis.py): `inti` answers the items with korpus inti, `tumbuh` every
item; out-of-scope items count for both. Splits: `latih` (tuned on) and
`uji` (held out; reported per part too). Each KB also reports the latency of `engine.answer` measured in this run.

On the inti KB a naive baseline is measured in the same run: fixed-size character chunks of the
same files, dense search only (same model), the top 3 chunks as the answer; it declines only
when the best cosine is below BASELINE_MIN_COSINE.

    python benchmarks/kualitas.py [--kb inti|tumbuh|semua] [--split latih|uji] [--detail]

Results go to benchmarks/hasil/kualitas.json; a run restricted by --kb or --split replaces only
the blocks it measured.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's package, not an installed (editable) one from another checkout: a script's
# sys.path starts at its own folder, not at the working directory.
sys.path[:0] = [str(HERE), str(HERE.parent)]
from basis import PATHS, knowledge_base, prepare  # noqa: E402
from evalset import (  # noqa: E402
    KNOWLEDGE_BASES,
    SPLITS,
    Item,
    Score,
    is_miss,
    load_all,
    parts,
    score,
    summarise,
)
from kinerja import percentile  # noqa: E402

from asisten.config import load_settings  # noqa: E402
from asisten.indeks.embedder import create_embedder  # noqa: E402
from asisten.jawab.engine import Engine  # noqa: E402
from asisten.kb.loaders import iter_files  # noqa: E402

BASELINE_CHUNK = 800
BASELINE_OVERLAP = 100
BASELINE_MIN_COSINE = 0.35
RESULTS = Path(__file__).parent / "hasil" / "kualitas.json"
METRICS = ("fact_recall", "citation_accuracy", "abstention", "false_abstention")
REMINDER = "Set uji hanya untuk mengukur: jangan menyetel apa pun berdasarkan angka di bawah ini."


def engine_scores(settings, embedder, items: list[Item]) -> tuple[list[Score], list[float]]:
    engine = Engine(settings, embedder_factory=lambda name: embedder)
    scores, latencies = [], []
    for item in items:
        answer = engine.answer(item.question)
        latencies.append(answer.latency_ms)
        scores.append(score(item, answer.found, answer.text, [s.citation for s in answer.sources]))
    return scores, latencies


def baseline_scores(corpus: Path, embedder, items: list[Item]) -> list[Score]:
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
    pieces = reference.split(" Pasal ")
    return len(pieces) == 2 and f"Pasal {pieces[1].split(' ')[0]}" in text


def split_block(items, engine, baseline, split: str, measured: str) -> dict:
    """Metrics of one split: the whole of it, and each part."""
    positions = [i for i, item in enumerate(items) if item.split == split]
    chosen = [items[i] for i in positions]
    grouped = parts(chosen)
    block: dict = {"diukur": measured}
    for part, local in grouped.items():
        part_items = [chosen[i] for i in local]
        block[part] = {"engine": summarise(part_items, [engine[positions[i]] for i in local])}
        if baseline is not None:
            block[part]["baseline"] = summarise(part_items, [baseline[positions[i]] for i in local])
    return block


def measure(name: str, items: list[Item], splits: list[str], embedder) -> tuple[dict, list]:
    kb = knowledge_base(name)
    build = prepare(kb, embedder)
    engine, latencies = engine_scores(kb.settings(), embedder, items)
    baseline = baseline_scores(kb.paths[0], embedder, items) if name == "inti" else None
    measured = datetime.now().isoformat(timespec="minutes")
    result = {
        "sumber": list(PATHS[name]),
        "dokumen": build.documents,
        "potongan": build.chunks,
        "latensi_ms": {
            "p50": round(percentile(latencies, 0.50), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "jawaban": len(latencies),
            "diukur": measured,
        },
    }
    for split in splits:
        if any(item.split == split for item in items):
            result[split] = split_block(items, engine, baseline, split, measured)
    misses = [(item, s) for item, s in zip(items, engine, strict=True) if is_miss(item, s)]
    return result, misses


def previous_results() -> dict:
    """The last results, if they have this script's shape (one block per knowledge base)."""
    try:
        data = json.loads(RESULTS.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if set(data) <= set(KNOWLEDGE_BASES) else {}


def print_kb(name: str, result: dict) -> None:
    latency = result["latensi_ms"]
    print(f"\n=== basis {name} ({' + '.join(result['sumber'])}): {result['dokumen']} dokumen,"
          f" {result['potongan']} potongan; latensi p50 {latency['p50']:.0f} ms,"
          f" p95 {latency['p95']:.0f} ms ({latency['jawaban']} jawaban)")  # fmt: skip
    for split in SPLITS:
        if split not in result:
            continue
        if split == "uji":
            print(REMINDER)
        print(f"[{name} · {split}]")
        print(f"{'bagian':<14}{'n':>5}{'luar':>6}" + "".join(f"{m:>19}" for m in METRICS)
              + f"{'huruf (median)':>16}")  # fmt: skip
        rows = [(part, r["engine"]) for part, r in result[split].items() if part != "diukur"]
        if "baseline" in result[split]["semua"]:
            rows.append(("baseline", result[split]["semua"]["baseline"]))
        for label, row in rows:
            print(f"{label:<14}{row['pertanyaan']:>5}{row['luar_cakupan']:>6}"
                  + "".join(f"{_percent(row[m]):>19}" for m in METRICS)
                  + f"{row.get('answer_chars') or '—':>16}")  # fmt: skip


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", choices=[*KNOWLEDGE_BASES, "semua"], default="semua")
    parser.add_argument("--split", choices=SPLITS, help="only this split (default: both)")
    parser.add_argument("--detail", action="store_true", help="list every miss")
    args = parser.parse_args()
    splits = [args.split] if args.split else list(SPLITS)
    names = list(KNOWLEDGE_BASES) if args.kb == "semua" else [args.kb]
    items = [item for item in load_all() if item.split in splits]
    embedder = create_embedder(load_settings().model)
    results = previous_results()
    measured_any = False
    for name in names:
        missing = knowledge_base(name).missing
        if missing:
            print(f"Basis {name} dilewati: {', '.join(map(str, missing))} tidak ada.")
            continue
        chosen = [item for item in items if item.applies_to(name)]
        result, misses = measure(name, chosen, splits, embedder)
        results[name] = {**results.get(name, {}), **result}
        for split in splits:
            if split not in result:  # its file is gone: drop the old numbers too
                results[name].pop(split, None)
        measured_any = True
        print_kb(name, result)
        if args.detail:
            for item, s in misses:
                print(f"- [{name}/{item.split}] {item.id} [{item.category}] {item.question}:"
                      f" answered={s.answered} missing={s.missing} citation_ok={s.citation_ok}")  # fmt: skip
    if not measured_any:
        sys.exit(1)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
