"""Speed on this machine: warm answer latency, `asisten tanya` cold start, ingestion throughput
and overhead, no-change re-index; then index load time and warm latency on the grown knowledge
base (tumbuh, benchmarks/basis.py), reusing its cached index. Reported in the README; never
asserted in tests.

    python benchmarks/kinerja.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's package, not an installed (editable) one from another checkout: a script's
# sys.path starts at its own folder, not at the working directory.
sys.path[:0] = [str(HERE), str(HERE.parent)]
from basis import knowledge_base, prepare  # noqa: E402
from evalset import load_all  # noqa: E402

from asisten.config import load_settings  # noqa: E402
from asisten.indeks.build import build_index  # noqa: E402
from asisten.indeks.embedder import create_embedder  # noqa: E402
from asisten.indeks.store import IndexStore  # noqa: E402
from asisten.jawab.engine import Engine  # noqa: E402

RESULTS = Path(__file__).parent / "hasil" / "kinerja.json"
BIN = Path(sys.executable).parent / "asisten"
ROUNDS = 3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed_command(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def questions(knowledge_base_name: str) -> list[str]:
    """The training questions this knowledge base answers (the test split stays unseen)."""
    items = load_all()
    return [i.question for i in items if i.split == "latih" and i.applies_to(knowledge_base_name)]


def warm_latency(settings, embedder, asked: list[str], prefix: str) -> dict[str, float]:
    """Index load time, then p50/p95 of `engine.answer` after a short warm-up."""
    started = time.perf_counter()
    engine = Engine(settings, embedder_factory=lambda name: embedder)
    loaded = time.perf_counter() - started
    for question in asked[:5]:
        engine.answer(question)
    latencies = [engine.answer(q).latency_ms for _ in range(ROUNDS) for q in asked]
    return {
        f"{prefix}index_load_s": loaded,
        f"{prefix}warm_p50_ms": percentile(latencies, 0.50),
        f"{prefix}warm_p95_ms": percentile(latencies, 0.95),
        f"{prefix}questions_timed": len(latencies),
    }


def grown(embedder) -> dict[str, float]:
    kb = knowledge_base("tumbuh")
    if kb.missing:
        print(f"Basis tumbuh dilewati: {', '.join(map(str, kb.missing))} tidak ada.")
        return {}
    build = prepare(kb, embedder)
    results: dict[str, float] = {"tumbuh_chunks": build.chunks}
    results.update(warm_latency(kb.settings(), embedder, questions("tumbuh"), "tumbuh_"))
    return results


def main() -> None:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(home=home)
        env = {**os.environ, "ASISTEN_HOME": home, "HF_HUB_OFFLINE": "1",
               "PYTHONPATH": str(HERE.parent)}  # fmt: skip
        started = time.perf_counter()
        embedder = create_embedder(settings.model)
        results["model_load_s"] = time.perf_counter() - started
        build = build_index(
            IndexStore(settings.index_dir), [settings.corpus_dir], lambda: embedder,
            settings.model, settings.max_file_bytes, force=True,
        )  # fmt: skip
        overhead = build.seconds - build.encode_seconds
        results.update(
            chunks=build.chunks,
            ingest_s=build.seconds,
            ingest_encode_s=build.encode_seconds,
            ingest_chunks_per_s=build.chunks / build.seconds,
            ingest_overhead_pct=100 * overhead / build.encode_seconds,
        )
        results["reindex_nochange_s"] = statistics.median(
            timed_command([str(BIN), "indeks"], env) for _ in range(3)
        )
        cold = [timed_command([str(BIN), "tanya", "Pasal 389 UU 23/2014"], env) for _ in range(3)]
        results["cold_start_s"] = statistics.median(cold)
        results.update(warm_latency(settings, embedder, questions("inti"), ""))
    results.update(grown(embedder))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1))
    for key, value in results.items():
        print(f"{key:<24}{value:>10.2f}" if isinstance(value, float) else f"{key:<24}{value:>10}")


if __name__ == "__main__":
    main()
