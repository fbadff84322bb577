"""Scanned pages read by OCR, one page at a time, and remembered by the file's content hash.

OCR takes seconds a page, so what it read is kept: in memory for the process, and, given a
folder (the index's, `IndexStore.ocr_dir`), as one JSON file per PDF named by its sha256, so a
re-index, a full rebuild or the index job after an upload's preview never reads the same file
again. A reading made by another engine version is not reused.

Pages are rendered with pypdfium2 and handed to the engine one by one: a 300-page scan holds
one page image at a time.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from asisten.kb.atomic import write_text_atomic

log = logging.getLogger("asisten.kb")

# Scans are read at this resolution (benchmarks/ocr.py measured 200 dpi).
RENDER_DPI = 200
# A very large page (a poster, a map) is rendered smaller rather than as a 200 MB image.
MAX_RENDER_SIDE = 3600
# Files whose readings the process keeps in memory besides the folder.
MEMORY_FILES = 16
# A long scan's readings are written to the folder every this many pages.
CHECKPOINT_PAGES = 10

Progress = Callable[[str, int, int], None]


class Engine(Protocol):
    identity: str

    def read(self, image: Any) -> str: ...


class ScanReader:
    """`read(data, digest, pages)` → {page index: text} for the given 0-based pages."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        engine: Engine | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self._engine = engine
        self.progress = progress
        self._memory: OrderedDict[str, dict[int, str]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from asisten.kb.ocr_engine import default_engine

            self._engine = default_engine()
        return self._engine

    def read(
        self, data: bytes, digest: str, pages: Sequence[int], name: str = ""
    ) -> dict[int, str]:
        known = self._recall(digest)
        missing = [i for i in pages if i not in known]
        if missing:
            self._ocr(data, digest, known, missing, name)
        return {i: known[i] for i in pages}

    # -- reading ------------------------------------------------------------------------------
    def _ocr(
        self, data: bytes, digest: str, known: dict[int, str], pages: list[int], name: str
    ) -> None:
        """Read `pages` into `known`, remembering every few pages: a long scan whose job is
        killed resumes where it stopped."""
        import pypdfium2

        engine, began = self.engine, time.perf_counter()
        document = pypdfium2.PdfDocument(data)
        try:
            self._report(0, len(pages))
            for done, index in enumerate(pages, 1):
                image = _render(document[index])
                known[index] = engine.read(image)
                del image
                if done % CHECKPOINT_PAGES == 0 or done == len(pages):
                    self._remember(digest, known)
                self._report(done, len(pages))
        finally:
            document.close()
        seconds = time.perf_counter() - began
        log.info(
            "OCR %s: %d halaman dalam %.1f dtk (%.1f dtk/halaman)",
            name, len(pages), seconds, seconds / len(pages),
        )  # fmt: skip

    def _report(self, done: int, total: int) -> None:
        if not self.progress:
            return
        try:
            self.progress("ocr", done, total)
        except Exception:  # a progress message (Slack) that fails must not stop the reading
            log.warning("kemajuan OCR tidak dapat dilaporkan", exc_info=True)

    # -- remembering --------------------------------------------------------------------------
    def _recall(self, digest: str) -> dict[int, str]:
        with self._lock:
            if digest in self._memory:
                self._memory.move_to_end(digest)
                return dict(self._memory[digest])
        stored = self._cache_file(digest)
        if stored is None or not stored.exists():
            return {}
        try:
            content = json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a damaged entry is read again
        if content.get("engine") != self.engine.identity:
            return {}
        return {int(i): text for i, text in content.get("pages", {}).items()}

    def _remember(self, digest: str, texts: dict[int, str]) -> None:
        with self._lock:
            self._memory[digest] = dict(texts)
            while len(self._memory) > MEMORY_FILES:
                self._memory.popitem(last=False)
        stored = self._cache_file(digest)
        if stored is not None:
            content = {
                "engine": self.engine.identity,
                "pages": {str(i): t for i, t in texts.items()},
            }
            _write_atomic(stored, json.dumps(content, ensure_ascii=False))

    def _cache_file(self, digest: str) -> Path | None:
        return self.cache_dir / f"{digest}.json" if self.cache_dir else None


def _render(page: Any) -> Any:
    width, height = page.get_size()  # points, 1/72 inch
    scale = min(RENDER_DPI / 72, MAX_RENDER_SIDE / max(width, height, 1))
    try:
        return page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()


def _write_atomic(path: Path, text: str) -> None:
    """A failed write (a full disk, a read-only folder) only loses the cache, never the
    document."""
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        log.warning("cache OCR %s tidak dapat ditulis: %s", path, exc)


_DEFAULT = ScanReader()


def default_reader() -> ScanReader:
    """For loads outside an index (a test, a one-off parse): memory only, no folder."""
    return _DEFAULT
