"""Scale on this machine: synthetic knowledge bases of 10k, 100k or 1M chunks (benchmarks/
sintetis.py), the hashing embedder (the model's cost left out). Per size: index build time and
peak memory, size on disk, first answer after start, resident memory at query time, search and
answer p50/p95, recall@10 of dense search against exact search, and the time to add one
100-pasal document, to replace one and to remove one, each published. Each step runs in its own
process, so start-up and memory are those of a fresh one. Reported in the README; never
asserted in tests.

    python benchmarks/skala.py 10000 100000 [--dir /tmp/asisten-skala] [--model hashing-384]
    python benchmarks/skala.py 1000000 --pakai-indeks --probe 0.3 0.4   # no rebuild
    python benchmarks/skala.py 100000 --tingkat [--penuh]   # tier merge only, no rebuild

`--probe` measures questions and recall again with other shares of the IVF lists probed
(`dense.ivf.probe_share`, applied when a version is opened), on the same index. `--tingkat`
only adds documents to an earlier run's index, one build each, until the segment policy merges
the small segments (asisten/indeks/tiers.py), and records every step; `--penuh` then also times
a full merge (`asisten indeks --gabung`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's package, not an installed (editable) one from another checkout.
sys.path[:0] = [str(HERE), str(HERE.parent)]
from sintetis import FILES_PER_FOLDER, extra_document, write_corpus  # noqa: E402

RESULTS = HERE / "hasil" / "skala.json"
QUESTIONS = 100
# Recall is measured on more topic questions than the 50 that are timed, a wider sample.
RECALL_QUESTIONS = 200
RECALL_K = 10


# -- the parent: one process per step ----------------------------------------------------------
def measure(
    size: int, root: Path, model: str, previous: dict | None = None, probes: list[float] = ()
) -> dict:
    """Every number for one size; with `previous` (an earlier run's numbers), its index is
    queried again and one more document added, one replaced and one removed, without a
    rebuild."""
    folder = root / str(size)
    documents = write_corpus(size, folder / "corpus")
    (folder / "extra").mkdir(parents=True, exist_ok=True)
    home = folder / "home"
    result: dict = {"chunks": len(documents) * 100}
    if previous:
        result.update({k: previous[k] for k in ("build_s", "build_peak_gb", "disk_mb")})
    else:
        for old in (folder / "extra").glob("*.md"):
            old.unlink()
        subprocess.run(["rm", "-rf", str(home)], check=True)
        build = _child(["build", str(folder), model])
        result.update(build_s=build["wall_s"], build_peak_gb=build["peak_gb"])
        result["disk_mb"] = _disk_mb(home / "indeks" / "versions")
    # Made here, so the child's time to its first answer is start-up alone.
    (folder / "questions.json").write_text(json.dumps(questions(len(documents))))
    topics = questions(len(documents), RECALL_QUESTIONS, seed=6, topics_only=True)
    (folder / "recall.json").write_text(json.dumps(topics))
    query = _child(["query", str(folder), model], first_line=True)
    result.update(query["report"], first_answer_s=query["first_s"])
    for share in probes:
        other = _child(["query", str(folder), model, str(share)], first_line=True)
        result.setdefault("probes", {})[str(share)] = {
            **{k: other["report"][k] for k in _PER_SETTING},
            "first_answer_s": other["first_s"],
        }
    extra = extra_document(len(documents) + len(list((folder / "extra").glob("*.md"))))
    (folder / "extra" / extra.file_name).write_text(extra.markdown(), encoding="utf-8")
    added = _child(["build", str(folder), model])
    result.update(add_one_s=added["wall_s"], add_one_peak_gb=added["peak_gb"])
    replace_one(folder, documents)
    replaced = _child(["build", str(folder), model])
    result.update(
        replace_one_s=replaced["wall_s"],
        replace_one_peak_gb=replaced["peak_gb"],
        replace_one_embedded=replaced["report"]["embedded"],
    )
    remove_one(folder, documents)
    removed = _child(["build", str(folder), model])
    result.update(remove_one_s=removed["wall_s"], remove_one_peak_gb=removed["peak_gb"])
    after = _child(["query", str(folder), model], first_line=True)["report"]
    result.update({f"after_changes_{k}": after[k] for k in _PER_SETTING})
    result.update(
        after_changes_segments=after["segments"],
        after_changes_deleted_chunks=after["deleted_chunks"],
    )
    return result


# Numbers measured again for each probe share, and after the changes.
_PER_SETTING = (
    "answer_p50_ms", "answer_p95_ms", "search_p50_ms", "search_p95_ms", "resident_gb",
    "recall_at_10_index",
    "recall_at_10_dense", "recall_at_10_retrieval", "dense_index",
)  # fmt: skip
# Additions tried before a tier merge must have happened (max_segments is 8).
TIER_ATTEMPTS = 12
# The base documents a run replaces and removes (in the big segment, not an added one).
_REPLACED, _REMOVED_FROM = 3, 7


def tier_merge(size: int, root: Path, model: str, previous: dict, full: bool) -> dict:
    """Add one document at a time to an earlier run's index until a change merges the small
    segments: each addition's time and peak memory, then the merge's; with `full`, a full merge
    after it. Appended to the size's `tier_runs`, with the load average before and after."""
    folder = root / str(size)
    documents = write_corpus(size, folder / "corpus")
    run: dict = {"load_before": os.getloadavg(), "additions": []}
    for _ in range(TIER_ATTEMPTS):
        extra = extra_document(len(documents) + len(list((folder / "extra").glob("*.md"))))
        (folder / "extra" / extra.file_name).write_text(extra.markdown(), encoding="utf-8")
        step = _child(["build", str(folder), model])
        numbers = {"s": step["wall_s"], "peak_gb": step["peak_gb"], **step["report"]}
        if step["report"]["merged"]:
            run["merge"] = numbers
            break
        run["additions"].append(numbers)
    if full:
        step = _child(["build", str(folder), model, "merge"])
        run["full_merge"] = {"s": step["wall_s"], "peak_gb": step["peak_gb"], **step["report"]}
    run["load_after"] = os.getloadavg()
    return {**previous, "tier_runs": [*previous.get("tier_runs", []), run]}


def replace_one(folder: Path, documents) -> None:
    """Rewrite every pasal of one base document (back and forth between runs)."""
    document = documents[_REPLACED]
    path = _path_of(folder, _REPLACED, document)
    edition = "Ketentuan ini berlaku sejak tanggal diundangkan."
    text = path.read_text(encoding="utf-8")
    if edition in text:
        path.write_text(document.markdown(), encoding="utf-8")
    else:
        changed = document.markdown().replace(".\n", f". {edition}\n")
        path.write_text(changed, encoding="utf-8")


def remove_one(folder: Path, documents) -> None:
    """Delete the first base document from _REMOVED_FROM on that a run has not deleted yet."""
    for index in range(_REMOVED_FROM, len(documents)):
        path = _path_of(folder, index, documents[index])
        if path.exists():
            path.unlink()
            return


def _path_of(folder: Path, index: int, document) -> Path:
    return folder / "corpus" / f"{index // FILES_PER_FOLDER:04d}" / document.file_name


def _child(args: list[str], first_line: bool = False) -> dict:
    """Run one step in a fresh interpreter: its wall time, peak memory and its JSON report."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--langkah", *args], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    first_s = None
    if first_line:
        process.stdout.readline()
        first_s = time.perf_counter() - started
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"langkah {args[0]} gagal ({status})")
    report = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
    return {
        "wall_s": time.perf_counter() - started,
        "peak_gb": usage.ru_maxrss / 2**20,
        "first_s": first_s,
        "report": report,
    }


def _disk_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# -- the children ------------------------------------------------------------------------------
def step_build(folder: Path, model: str, merge: str = "") -> None:
    from asisten.config import load_settings
    from asisten.indeks.build import build_index
    from asisten.indeks.embedder import create_embedder
    from asisten.indeks.store import IndexStore

    settings = load_settings(home=folder / "home", model=model)
    result = build_index(
        IndexStore(settings.index_dir), [folder / "corpus", folder / "extra"],
        lambda: create_embedder(model), model, settings.max_file_bytes, keep_versions=1,
        built_by="benchmark", merge=merge == "merge",
    )  # fmt: skip
    report = {"chunks": result.chunks, "embedded": result.embedded}
    report.update(segments=result.segments, deleted=result.deleted, merged=result.merged)
    print(json.dumps(report))


def step_query(folder: Path, model: str, probe_share: str | None = None) -> None:
    from asisten.config import load_settings
    from asisten.indeks import lexicon
    from asisten.jawab.engine import Engine

    if probe_share is not None:
        # As if the data file said so: read when the version is opened.
        lexicon.yaml_data("skala.yaml")["dense"]["ivf"]["probe_share"] = float(probe_share)
    asked = json.loads((folder / "questions.json").read_text())
    engine = Engine(load_settings(home=folder / "home", model=model))
    engine.answer(asked[0])
    print("first", flush=True)
    answer_ms = _timed(lambda q: engine.answer(q), asked)
    search_ms = _timed(lambda q: engine.pipeline.search(q, 8), asked)
    report = {
        "answer_p50_ms": _percentile(answer_ms, 0.5),
        "answer_p95_ms": _percentile(answer_ms, 0.95),
        "search_p50_ms": _percentile(search_ms, 0.5),
        "search_p95_ms": _percentile(search_ms, 0.95),
        **_resident(),
        **recall(engine, json.loads((folder / "recall.json").read_text())),
        "dense_index": engine.version.dense.description,
        "segments": len(engine.version.manifest.get("segments") or [1]),
        "deleted_chunks": engine.version.manifest.get("deleted_chunks", 0),
    }
    print(json.dumps(report))


def questions(
    count: int, number: int = QUESTIONS, seed: int = 5, topics_only: bool = False
) -> list[str]:
    """Half name a pasal of one of the `count` regulations, half ask about a topic in a pasal's
    own words (with `topics_only`, all of them)."""
    from sintetis import PASAL_PER_DOCUMENT, Generator

    generator, chooser = Generator(), random.Random(seed)
    asked = []
    for n in range(number):
        document = generator.document(chooser.randrange(count))
        pasal = chooser.randrange(PASAL_PER_DOCUMENT)
        if n % 2 and not topics_only:
            asked.append(f"Apa isi Pasal {pasal + 1} {document.short_name}?")
        else:
            words = chooser.sample(document.pasal[pasal].rstrip(".").split(), 5)
            asked.append(f"Bagaimana ketentuan {' '.join(words)}?")
    return asked


def recall(engine, topics: list[str]) -> dict[str, float]:
    """recall@10 against exact inner product over every live vector, over topic questions
    (those naming a pasal are answered by lookup), of:
    - `index`: the dense index alone, asked for 10 (IVF: its quantised scores);
    - `dense`: dense search as shipped, without the keyword side: the index asked for
      `oversample` times the candidates retrieval needs, rescored exactly from the stored
      vectors (asisten.jawab.retrieval.Retriever.dense_ranking);
    - `retrieval`: the dense ranking retrieval uses, with the keyword side's best candidates
      also rescored exactly."""
    import numpy as np

    from asisten.indeks.dense import settings as dense_settings
    from asisten.indeks.embedder import encode_query
    from asisten.jawab import calibration

    retriever = engine.retriever
    vectors = engine.version.vectors
    live = engine.version.chunks.allowed()
    more = int(calibration.shared().candidates) * int(dense_settings()["oversample"])
    queries = [engine.pipeline.analyser.analyse(question) for question in topics]
    matrix = np.vstack(
        [encode_query(retriever.embedder, " ".join(q.words) + " " + q.search_text) for q in queries]
    )
    found = {"recall_at_10_index": 0, "recall_at_10_dense": 0, "recall_at_10_retrieval": 0}
    # Exact scores of 50 questions at a time: one pass over the vectors each.
    for start in range(0, len(queries), 50):
        block = np.asarray(vectors @ matrix[start : start + 50].T)
        for column, query in enumerate(queries[start : start + 50]):
            vector = matrix[start + column : start + column + 1]
            scores = np.where(live, block[:, column], -np.inf)
            # Tied scores at the cut make any of them a right answer.
            kth = -np.partition(-scores, RECALL_K - 1)[RECALL_K - 1]
            _, ids = engine.version.dense.search(vector, RECALL_K)
            found["recall_at_10_index"] += _right(scores, kth, ids[0][ids[0] >= 0])
            _, ids = engine.version.dense.search(vector, more)
            candidates = np.sort(ids[0][ids[0] >= 0])
            exact = vectors[candidates] @ vector[0]
            best = candidates[np.argsort(-exact)[:RECALL_K]]
            found["recall_at_10_dense"] += _right(scores, kth, best)
            keyword = engine.version.keyword.scores(list(query.stems))
            ranked, _ = retriever.dense_ranking(vector, live, keyword)
            rows = [row for row, _ in ranked[:RECALL_K]]
            found["recall_at_10_retrieval"] += _right(scores, kth, rows)
    return {name: count / (RECALL_K * len(queries)) for name, count in found.items()}


def _right(scores, kth: float, rows) -> int:
    """How many of `rows` are among the exact top 10 (a score tied at the cut counts)."""
    import numpy as np

    return int(np.sum(scores[np.asarray(rows, dtype=np.int64)] >= kth - 1e-6))


def _timed(call, asked: list[str]) -> list[float]:
    spent = []
    for question in asked:
        began = time.perf_counter()
        call(question)
        spent.append((time.perf_counter() - began) * 1000)
    return spent


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _resident() -> dict[str, float]:
    """Resident memory now: all of it, and the part that is not a mapped file (page cache)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile"):
            fields[key] = int(value.split()[0]) / 2**20
    return {
        "resident_gb": fields["VmRSS"],
        "resident_anon_gb": fields.get("RssAnon", 0.0),
        "resident_file_gb": fields.get("RssFile", 0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/asisten-skala"))
    parser.add_argument("--model", default="hashing-384")
    parser.add_argument(
        "--pakai-indeks", action="store_true", help="pakai indeks ukuran ini dari jalan sebelumnya"
    )
    parser.add_argument(
        "--probe", nargs="*", type=float, default=[], help="bagian daftar IVF lain yang dicoba"
    )
    parser.add_argument(
        "--tingkat", action="store_true", help="hanya tambah dokumen sampai segmen kecil digabung"
    )
    parser.add_argument(
        "--penuh", action="store_true", help="dengan --tingkat: lalu ukur penggabungan penuh"
    )
    parser.add_argument("--langkah", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.langkah:
        step, folder, model, *more = args.langkah
        {"build": step_build, "query": step_query}[step](Path(folder), model, *more)
        return
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for size in args.sizes:
        previous = results.get(str(size)) if args.pakai_indeks or args.tingkat else None
        if args.tingkat:
            results[str(size)] = tier_merge(size, args.dir, args.model, previous, args.penuh)
        else:
            results[str(size)] = measure(size, args.dir, args.model, previous, args.probe)
        print(json.dumps({size: results[str(size)]}, indent=1))
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
