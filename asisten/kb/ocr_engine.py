"""Reading the text of a scanned page image: the OCR engine and the order of its lines.

The engine is RapidOCR 3 (`rapidocr` with `onnxruntime`) and its PP-OCRv6 models, which its
wheel carries: nothing is downloaded at run time. benchmarks/ocr.py chose it over the older
`rapidocr-onnxruntime` (which glues Latin words together) and Tesseract (a system package that
`make test` cannot install). The engine finds text boxes and reads each; `reading_order` puts
the boxes back into lines, since one printed line often comes back as several boxes.

Not to be confused with asisten.kb.ocr, which cleans the noise OCR leaves in any text.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from asisten.errors import AsistenError

# Boxes the engine is less sure of than this are dropped: on a blank or photographed page they
# are specks read as letters.
MIN_BOX_SCORE = 0.5
# A box read with less confidence than this is read a second time on its own, from the upright
# rectangle around it with some margin. The engine's first reading straightens a tight crop of
# the box's corners, which on a slightly crooked typewritten line can lose most letters
# ("b    n     aad" for "b. langsung atau tidak langsung ..."); read on its own the same line
# comes back whole. The more confident of the two readings is kept.
REREAD_BELOW = 0.9
# The margin around a box read again, as a share of its height.
REREAD_MARGIN = 0.15
# What the engine's way of reading is called in the scan cache: a reading made before the
# second reading existed is read again.
READING = "baca-ulang-1"


class OcrEngineError(AsistenError):
    """The OCR engine is not installed, cannot start or failed on a page. Reaches users as
    asisten.errors.OcrUnavailableError, which names the file."""


@dataclass(frozen=True)
class TextBox:
    """One piece of text the engine found: its corners (x, y pairs) and what it reads."""

    corners: Sequence[Sequence[float]]
    text: str
    score: float = 1.0

    @property
    def top(self) -> float:
        return min(y for _, y in self.corners)

    @property
    def bottom(self) -> float:
        return max(y for _, y in self.corners)

    @property
    def left(self) -> float:
        return min(x for x, _ in self.corners)

    @property
    def right(self) -> float:
        return max(x for x, _ in self.corners)


def reading_order(boxes: Sequence[TextBox]) -> str:
    """The boxes as lines of text: a box belongs to a line when its vertical middle falls within
    the line's first box; boxes of one line are joined left to right with a space."""
    lines: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        middle = (box.top + box.bottom) / 2
        if lines and lines[-1][0].top <= middle <= lines[-1][0].bottom:
            lines[-1].append(box)
        else:
            lines.append([box])
    return "\n".join(
        " ".join(b.text.strip() for b in sorted(line, key=lambda b: b.left)) for line in lines
    )


class RapidOcrEngine:
    """`read(image)` → the page's text. The models load on first use (about two seconds), once
    per engine; reads are serialised, since one ONNX session already uses every core.
    `pages_read` counts the pages this engine has read (a cache that works leaves it alone)."""

    name = "rapidocr"

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()
        self.pages_read = 0

    @property
    def identity(self) -> str:
        """Engine and version: a cached reading by another engine is read again."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"{self.name}-{version('rapidocr')}-{READING}"
        except PackageNotFoundError:
            return f"{self.name}-{READING}"

    def read(self, image: Any) -> str:
        import numpy as np

        with self._lock:
            engine = self._engine or self._load()
            page = image.convert("RGB")
            try:
                # Options set on one call stay set in RapidOCR: each call says all of them.
                output = engine(np.asarray(page), use_det=True, use_cls=True, use_rec=True)
                found = output.boxes is not None and output.txts is not None
                boxes = [
                    self._surer(page, TextBox(corners.tolist(), text, float(score)))
                    for corners, text, score in zip(
                        output.boxes, output.txts, output.scores, strict=True
                    )
                ] if found else []  # fmt: skip
            except Exception as exc:  # onnxruntime and OpenCV raise their own types
                raise OcrEngineError(f"mesin OCR gagal membaca halaman: {exc}") from exc
            self.pages_read += 1
        return reading_order([b for b in boxes if b.score >= MIN_BOX_SCORE])

    def _surer(self, page: Any, box: TextBox) -> TextBox:
        """The box, read again on its own when the engine was unsure of it: the more
        confident reading of the two."""
        import numpy as np

        if box.score >= REREAD_BELOW:
            return box
        margin = REREAD_MARGIN * (box.bottom - box.top)
        crop = page.crop((
            max(0, round(box.left - margin)), max(0, round(box.top - margin)),
            min(page.width, round(box.right + margin)), min(page.height, round(box.bottom + margin)),
        ))  # fmt: skip
        if crop.width < 2 or crop.height < 2:
            return box
        again = self._engine(np.asarray(crop), use_det=False, use_cls=False, use_rec=True)
        if not again.txts:
            return box
        text, score = again.txts[0], float(again.scores[0])
        return TextBox(box.corners, text, score) if score > box.score else box

    def _load(self) -> Any:
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrEngineError(f"mesin OCR rapidocr tidak terpasang ({exc.name})") from exc
        try:
            self._engine = RapidOCR(params={"Global.log_level": "error"})
        except Exception as exc:  # a missing or broken model file, onnxruntime absent
            raise OcrEngineError(f"mesin OCR rapidocr gagal dimuat: {exc}") from exc
        return self._engine


_DEFAULT: RapidOcrEngine | None = None
_DEFAULT_LOCK = threading.Lock()


def default_engine() -> RapidOcrEngine:
    """The process's engine: its models are loaded once, whoever asks."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = RapidOcrEngine()
        return _DEFAULT
