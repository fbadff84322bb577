"""The knowledge bases the benchmarks answer from, each indexed in a persistent cache.

    inti     corpus/                          the shipped corpus
    tumbuh   corpus/ + ../shared/corpus-uji   the grown one (~3,600 chunks)
    baru     tumbuh + three unseen PDFs       only benchmarks/dokumen_baru.py uses it

Each lives in benchmarks/.cache/<name>/ (gitignored). The build is incremental, vectors reused by
content hash, so only the first run pays for embedding; later runs re-chunk and re-index.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from asisten.config import PROJECT_ROOT, Settings, load_settings
from asisten.indeks.build import BuildResult, build_index
from asisten.indeks.embedder import Embedder
from asisten.indeks.store import IndexStore

CACHE = Path(__file__).resolve().parent / ".cache"
PATHS = {
    "inti": ("corpus",),
    "tumbuh": ("corpus", "../shared/corpus-uji"),
    # The grown base plus the unseen documents' PDFs (benchmarks/dokumen_baru.py buat).
    "baru": ("corpus", "../shared/corpus-uji", "benchmarks/.cache/dokumen-baru"),
}


@dataclass(frozen=True)
class KnowledgeBase:
    name: str
    paths: tuple[Path, ...]

    @property
    def home(self) -> Path:
        return CACHE / self.name

    @property
    def missing(self) -> list[Path]:
        return [p for p in self.paths if not p.exists()]

    def settings(self) -> Settings:
        return load_settings(home=self.home)


def knowledge_base(name: str) -> KnowledgeBase:
    return KnowledgeBase(name, tuple((PROJECT_ROOT / p).resolve() for p in PATHS[name]))


def prepare(kb: KnowledgeBase, embedder: Embedder) -> BuildResult:
    """Build or refresh the index of `kb` in its cache directory."""
    settings = kb.settings()
    build = build_index(
        IndexStore(settings.index_dir), list(kb.paths), lambda: embedder, embedder.name,
        settings.max_file_bytes, progress=_Progress(kb.name), keep_versions=1,
        built_by="benchmark",
    )  # fmt: skip
    state = (
        f"{build.embedded} potongan di-embed, {build.reused} dipakai ulang"
        if build.changed
        else "tidak berubah"
    )
    print(f"  indeks {kb.name}: {state} ({build.seconds:.0f} s)", file=sys.stderr)
    return build


class _Progress:
    """One line per tenth of the embedding work, to stderr: a first build of tumbuh takes minutes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.started = time.perf_counter()
        self.shown = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != "embed" or total < 100:
            return
        tenth = 10 * done // total
        if tenth > self.shown:
            self.shown = tenth
            elapsed = time.perf_counter() - self.started
            print(f"  indeks {self.name}: embed {done}/{total} ({elapsed:.0f} s)", file=sys.stderr)
