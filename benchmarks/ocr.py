"""OCR engines measured on simulated scans of an Indonesian regulation, for the README.

Three A4 pages of UU 25/2009 (from ../shared/corpus-uji, or --source) are typeset
like an old typewritten or printed regulation (a monospace and a serif font), scanned at 200 dpi
(noise, a slight blur, ≤1° skew, JPEG) into an image-only PDF, rendered back with pypdfium2 as
ingestion does, and read by every engine that is installed:

    rapidocr-onnxruntime  (1.4.x, PP-OCRv4 Chinese/English models inside the wheel)
    rapidocr              (3.x, PP-OCRv6 models inside the wheel: the engine asisten uses)
    tesseract             (pytesseract + Debian's tesseract-ocr, tesseract-ocr-ind)

Reported per engine: character error rate and word accuracy against the source text (spaces
normalised), the share of the source's spaces kept (Chinese-trained recognisers tend to glue
Latin words), the "Pasal N" / "ayat (n)" references read exactly, whether lines come out in
order, and seconds per page. Run: python benchmarks/ocr.py [--engines a,b] [--pages 3]

The project installs only rapidocr. The others were measured in a separate virtualenv (pip
install rapidocr-onnxruntime pytesseract, apt-get install tesseract-ocr tesseract-ocr-ind;
rapidocr-onnxruntime brings opencv-python, whose cv2 clashes with rapidocr's headless one). An
engine that is not installed keeps its earlier result in benchmarks/hasil/ocr.json.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SOURCE = (
    Path(__file__).resolve().parents[2] / "shared" / "corpus-uji" / "uu-25-2009-pelayanan-publik.md"
)
DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))
MARGIN = round(0.9 * DPI)
# Where each page starts in the source, its font and its scan damage.
PAGES = [
    ("Pasal 1\n", "mono", 0.6),
    ("Pasal 15\n", "serif", -0.8),
    ("Pasal 43\n", "mono", 1.0),
]
FONTS = {
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
}
_REFERENCE = re.compile(r"\bPasal \d+[A-Z]?(?: ayat \(\d+\))?|\(\d+\)")


def page_texts(source: Path, count: int) -> list[tuple[str, str, float]]:
    body = re.sub(r"_+", "", source.read_text(encoding="utf-8"))
    pages = []
    for start, font, skew in PAGES[:count]:
        at = body.index(start)
        pages.append((body[at : at + 2600], font, skew))
    return pages


def typeset(text: str, font_name: str) -> tuple[Image.Image, str]:
    """The page image and the text exactly as laid out on it (wrapped lines, what fits)."""
    size = round(11.5 / 72 * DPI)
    path = FONTS[font_name]
    font = ImageFont.truetype(path, size) if Path(path).exists() else ImageFont.load_default(size)
    image = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(image)
    width, y, laid = A4[0] - 2 * MARGIN, MARGIN, []
    for line in _wrap(text, font, width, draw):
        if y + size * 1.6 > A4[1] - MARGIN:
            break
        draw.text((MARGIN, y), line, font=font, fill=20)
        laid.append(line)
        y += round(size * 1.6)
    return image, "\n".join(laid)


def _wrap(text: str, font, width: int, draw: ImageDraw.ImageDraw) -> list[str]:
    lines = []
    for paragraph in text.splitlines():
        words, current = paragraph.split(), ""
        for word in words:
            trial = f"{current} {word}".strip()
            if draw.textlength(trial, font=font) <= width:
                current = trial
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
    return lines


def scan(image: Image.Image, skew: float, seed: int) -> Image.Image:
    """Paper grain, toner speckle, a soft focus and a crooked feed."""
    rng = random.Random(seed)
    grainy = Image.blend(image, Image.effect_noise(image.size, 40), 0.15)
    draw = ImageDraw.Draw(grainy)
    for _ in range(400):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        draw.point((x, y), fill=rng.randrange(60, 160))
    blurred = grainy.filter(ImageFilter.GaussianBlur(0.7))
    return blurred.rotate(skew, resample=Image.BICUBIC, fillcolor=245)


def image_pdf(images: list[Image.Image]) -> bytes:
    """An image-only PDF, each page a JPEG like a scanner's."""
    jpegs = []
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=60)
        jpegs.append(Image.open(io.BytesIO(buffer.getvalue())))
    out = io.BytesIO()
    jpegs[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=jpegs[1:])
    return out.getvalue()


def render(pdf: bytes) -> list[Image.Image]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    return [document[i].render(scale=DPI / 72).to_pil() for i in range(len(document))]


# -- engines ----------------------------------------------------------------------------------
def rapidocr_onnxruntime():
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    from asisten.kb.ocr_engine import MIN_BOX_SCORE, TextBox, reading_order

    engine = RapidOCR()

    def read(image: Image.Image) -> str:
        result, _ = engine(np.asarray(image.convert("RGB")))
        boxes = [TextBox(c, t, float(s)) for c, t, s in result or []]
        return reading_order([b for b in boxes if b.score >= MIN_BOX_SCORE])

    return read


def rapidocr3():
    """The engine asisten uses, as ingestion calls it."""
    from asisten.kb.ocr_engine import RapidOcrEngine

    return RapidOcrEngine().read


def tesseract():
    import pytesseract

    pytesseract.get_tesseract_version()
    return lambda image: pytesseract.image_to_string(image, lang="ind", config="--psm 4")


ENGINES = {
    "rapidocr-onnxruntime": rapidocr_onnxruntime,
    "rapidocr": rapidocr3,
    "tesseract": tesseract,
}


# -- scores -----------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return text.split()


def scores(reference: str, read: str) -> dict[str, float]:
    from rapidfuzz.distance import Levenshtein

    ref, hyp = " ".join(_words(reference)), " ".join(_words(read))
    ref_words, hyp_words = _words(reference), _words(read)
    wanted = Counter(_REFERENCE.findall(ref))
    found = Counter(_REFERENCE.findall(hyp))
    return {
        "cer": Levenshtein.distance(ref, hyp) / max(len(ref), 1),
        "word_accuracy": 1 - Levenshtein.distance(ref_words, hyp_words) / max(len(ref_words), 1),
        "spaces_kept": hyp.count(" ") / max(ref.count(" "), 1),
        "references": sum((wanted & found).values()) / max(sum(wanted.values()), 1),
        "lines_in_order": _lines_in_order(reference, read),
    }


def _lines_in_order(reference: str, read: str) -> float:
    """Share of consecutive read lines whose best source lines come in the same order."""
    from rapidfuzz import fuzz, process

    sources = [line for line in reference.splitlines() if line.strip()]
    read_lines = [line for line in read.splitlines() if len(line.strip()) > 8]
    places = [process.extractOne(line, sources, scorer=fuzz.ratio)[2] for line in read_lines]
    pairs = list(zip(places, places[1:], strict=False))
    return sum(a <= b for a, b in pairs) / max(len(pairs), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--pages", type=int, default=len(PAGES))
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--dump", type=Path, help="folder for the page images and OCR texts")
    args = parser.parse_args()

    laid_out = [
        typeset(text, font) + (skew,) for text, font, skew in page_texts(args.source, args.pages)
    ]
    pdf = image_pdf([scan(img, skew, i) for i, (img, _, skew) in enumerate(laid_out)])
    pages = render(pdf)
    results = {}
    for name in args.engines.split(","):
        try:
            began = time.perf_counter()
            read = ENGINES[name]()
            warm = read(pages[0].crop((0, 0, 400, 200)))  # model loading is not per-page cost
            load_seconds = time.perf_counter() - began
        except Exception as exc:  # a missing engine is reported, not fatal
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        del warm
        per_page = []
        for number, (page, (_, reference, _)) in enumerate(zip(pages, laid_out, strict=True)):
            began = time.perf_counter()
            text = read(page)
            seconds = time.perf_counter() - began
            per_page.append({**scores(reference, text), "seconds": seconds})
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{name}-{number + 1}.txt").write_text(text, encoding="utf-8")
                page.save(args.dump / f"halaman-{number + 1}.jpg", quality=70)
        results[name] = {
            "load_seconds": round(load_seconds, 2),
            **{key: round(sum(p[key] for p in per_page) / len(per_page), 4) for key in per_page[0]},
            "pages": [{k: round(v, 4) for k, v in p.items()} for p in per_page],
        }
    out = Path(__file__).parent / "hasil" / "ocr.json"
    out.parent.mkdir(exist_ok=True)
    earlier = json.loads(out.read_text()) if out.exists() else {}
    kept = {k: v for k, v in earlier.items() if "error" in results.get(k, {"error": ""})}
    out.write_text(json.dumps({**results, **kept}, indent=1, ensure_ascii=False))
    print(
        json.dumps(
            {k: {m: v for m, v in r.items() if m != "pages"} for k, r in results.items()}, indent=1
        )
    )


if __name__ == "__main__":
    main()
