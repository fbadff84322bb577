"""Unseen real documents as the PDFs the acceptance criterion names, and how well they answer.

The criterion of the open issue: "Unseen real documents (a 94-page UU PDF, an e-signed Perda, a
1965 scan) indexed beside the corpus still answer >= 90 % of facts." The texts are real
regulations the project has never seen (benchmarks/dokumen-baru/, provenance in MANIFEST.tsv);
this script turns them, deterministically, into the three kinds of PDF:

    uu-30-2014.pdf          text layer, F4, Times, "PRESIDEN REPUBLIK INDONESIA" running header,
                            page numbers and catchwords as official gazette copies carry
    perda-jabar-4-2001.pdf  text layer, A4, an electronic-signature footer (BSrE, BSSN) and a
                            QR-like box on every page as JDIH PDFs carry
    uu-18-1965.pdf          image only: typewriter-like monospace pages at 200 dpi, grey noise,
                            a slight skew, JPEG, no text layer

    python benchmarks/dokumen_baru.py buat     write the PDFs to benchmarks/.cache/dokumen-baru/
    python benchmarks/dokumen_baru.py ukur     index them beside the grown corpus and answer
                                               benchmarks/eval/dokumen-baru.yaml

The Perda's questions are asked as its own ASN ask, without naming their province ("Sebelum
barang hasil pengadaan diterima, siapa yang memeriksanya?"): the deployment serves Jawa Barat
(ASISTEN_WILAYAH, `HOME_REGION`). The Perda's facts without that setting are reported beside.

Fonts: the text-layer PDFs use the PDF core fonts (Times, Helvetica: no font file needed); the
scan uses DejaVu Sans Mono (Debian's fonts-dejavu-core) and falls back to Pillow's bundled font.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "dokumen-baru"
OUTPUT = Path(__file__).resolve().parent / ".cache" / "dokumen-baru"
SEED = 20141017  # fixed: the scan's noise, skew and the QR-like pattern come from it
FIXED_DATE = datetime(2026, 12, 4, tzinfo=UTC)  # PDF metadata, so a rebuild is byte-identical
MONO_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
)
# The PDF core fonts are Latin-1 only: typographic quotes and dashes become their ASCII forms.
LATIN1 = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})

# The Perda's title block: the source (a repository's chunk list) gives only "Perda 4/2001",
# "Pengelolaan Barang Daerah" and, in Pasal 1, "Daerah adalah Propinsi Jawa Barat".
PERDA_TITLE = (
    "PERATURAN DAERAH PROVINSI JAWA BARAT",
    "NOMOR 4 TAHUN 2001",
    "TENTANG",
    "PENGELOLAAN BARANG DAERAH",
)
# The region of the deployment the Perda was added to (its admins' own Perda).
HOME_REGION = "Jawa Barat"
ESIGN = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
    "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN"
)


@dataclass(frozen=True)
class Line:
    """One laid-out line: its text, left offset (mm from the text block), style and alignment."""

    text: str
    indent: float = 0.0
    bold: bool = False
    center: bool = False
    space_before: float = 0.0


# ---------------------------------------------------------------------------------------------
# Layout of statute text into lines (shared by the two text-layer PDFs)
# ---------------------------------------------------------------------------------------------

_BAB = re.compile(r"^(BAB [IVXLC]+)\.?\s+(.+)$")
_HEADING = re.compile(r"^(Pasal \d+[A-Z]?|Bagian \w+.*|Paragraf \d+.*|BAB [IVXLC]+)$")


def _blocks(text: str) -> list[tuple[str, float, bool, bool, float]]:
    """Paragraphs of `text` as (text, hanging indent, bold, centred, space before)."""
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        bab = _BAB.match(line)
        if bab and len(bab.group(2)) < 90 and bab.group(2).isupper():
            blocks.append((bab.group(1), 0.0, True, True, 6.0))
            blocks.append((bab.group(2), 0.0, True, True, 0.0))
        elif _HEADING.match(line) and len(line) < 90:
            blocks.append((line, 0.0, line.startswith(("BAB", "Pasal")), True, 4.0))
        elif line.isupper() and len(line) < 90:
            blocks.append((line, 0.0, True, True, 0.0))
        elif re.match(r"^\(\d+\)", line):
            blocks.append((line, 10.0, False, False, 1.0))
        elif re.match(r"^[a-z]\.(\d\.)?\s", line) or re.match(r"^\d+\.\s", line):
            blocks.append((line, 20.0, False, False, 0.0))
        else:
            blocks.append((line, 0.0, False, False, 1.0))
    return blocks


def _wrap(pdf, text: str, width: float) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and pdf.get_string_width(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def layout(pdf, text: str, width: float, font: str, size: float) -> list[Line]:
    lines: list[Line] = []
    for block, indent, bold, center, before in _blocks(text.translate(LATIN1)):
        pdf.set_font(font, "B" if bold else "", size)
        # A list item's marker stays at the margin of its level, its text hangs after it.
        marker = re.match(r"^(\(\d+\)|[a-z]\.(\d\.)?|\d+\.)\s+", block)
        hang = 8.0 if marker and indent else 0.0
        start = max(indent - hang, 0.0)
        wrapped = _wrap(pdf, block, width - start - hang)
        for n, piece in enumerate(wrapped):
            lines.append(
                Line(
                    piece, start if n == 0 else start + hang, bold, center, before if n == 0 else 0
                )
            )
    return lines


# ---------------------------------------------------------------------------------------------
# The UU as an official gazette copy
# ---------------------------------------------------------------------------------------------


def build_uu(source: Path, target: Path) -> int:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(215, 330))  # F4
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("benchmarks/dokumen_baru.py")
    pdf.set_auto_page_break(False)
    left, right, top, bottom, step, size = 40.0, 30.0, 42.0, 30.0, 10.9, 13
    width = 215 - left - right
    lines = layout(pdf, source.read_text(encoding="utf-8"), width, "Times", size)
    pages = _paginate(lines, top, 330 - bottom, step)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Times", "B", 11)
        pdf.set_xy(0, 12)
        pdf.cell(215, 5, "PRESIDEN", align="C")
        pdf.set_xy(0, 17)
        pdf.cell(215, 5, "REPUBLIK INDONESIA", align="C")
        if number > 1:
            pdf.set_font("Times", "", size)
            pdf.set_xy(0, 28)
            pdf.cell(215, 5, f"- {number} -", align="C")
        _draw(pdf, page, left, width, "Times", size)
        if number < len(pages):  # catchword: the next page's first words, as official copies do
            pdf.set_font("Times", "", size)
            cue = " ".join(pages[number][0][1].text.split()[:2]) + " . . ."
            pdf.set_xy(left, 330 - bottom + 6)
            pdf.cell(width, 5, cue, align="R")
    pdf.output(str(target))
    return len(pages)


def _paginate(lines: list[Line], top: float, limit: float, step: float):
    pages, page, y = [], [], top
    for line in lines:
        gap = line.space_before
        if page and y + gap + step > limit:
            pages.append(page)
            page, y, gap = [], top, 0.0
        y += gap
        page.append((y, line))
        y += step
    if page:
        pages.append(page)
    return pages


def _draw(pdf, page, left: float, width: float, font: str, size: float) -> None:
    for y, line in page:
        pdf.set_font(font, "B" if line.bold else "", size)
        if line.center:
            pdf.set_xy(left, y)
            pdf.cell(width, 5, line.text, align="C")
        else:
            pdf.set_xy(left + line.indent, y)
            pdf.cell(width - line.indent, 5, line.text)


# ---------------------------------------------------------------------------------------------
# The Perda as an electronically signed JDIH copy
# ---------------------------------------------------------------------------------------------


def build_perda(source: Path, target: Path) -> int:
    import random

    from fpdf import FPDF

    rng = random.Random(SEED)
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("benchmarks/dokumen_baru.py")
    pdf.set_auto_page_break(False)
    left, right, top, bottom, step, size = 30.0, 20.0, 28.0, 52.0, 6.6, 11
    width = 210 - left - right
    title = [Line(t, 0, True, True, 0) for t in PERDA_TITLE]
    lines = title + layout(pdf, source.read_text(encoding="utf-8"), width, "Helvetica", size)
    pages = _paginate(lines, top, 297 - bottom, step)
    qr = [[rng.random() < 0.5 for _ in range(21)] for _ in range(21)]
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        if number > 1:
            pdf.set_font("Helvetica", "", size)
            pdf.set_xy(0, 14)
            pdf.cell(210, 5, f"- {number} -", align="C")
        _draw(pdf, page, left, width, "Helvetica", size)
        _esign_footer(pdf, qr, left, width, 297 - bottom + 14)
    pdf.output(str(target))
    return len(pages)


def _esign_footer(pdf, qr, left: float, width: float, y: float) -> None:
    box, cell = 24.0, 24.0 / 25
    pdf.set_draw_color(0)
    pdf.rect(left, y, box, box)
    for r, row in enumerate(qr):
        for c, dark in enumerate(row):
            finder = (r < 7 and c < 7) or (r < 7 and c > 13) or (r > 13 and c < 7)
            if dark or (finder and (r in (0, 6, 14, 20) or c in (0, 6, 14, 20))):
                x0, y0 = left + (c + 2) * cell, y + (r + 2) * cell
                pdf.rect(x0, y0, cell, cell, style="F")
    pdf.set_font("Helvetica", "I", 8)
    pdf.set_xy(left + box + 4, y + 4)
    pdf.multi_cell(width - box - 4, 4, ESIGN)


# ---------------------------------------------------------------------------------------------
# The 1965 text as a scan
# ---------------------------------------------------------------------------------------------

DPI = 200
PAGE_PX = (1700, 2600)  # folio, 8.5 x 13 inches


def build_scan(source: Path, target: Path) -> int:
    import io

    import numpy as np
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = np.random.default_rng(SEED)
    font = _mono_font(ImageFont, 33)
    char_w = font.getlength("M")
    left, top, bottom, step = 200, 260, 220, 40
    columns = int((PAGE_PX[0] - left - 170) // char_w)
    rows: list[str] = []
    for raw in source.read_text(encoding="utf-8").translate(LATIN1).splitlines():
        if raw.strip():
            rows += _typewrap(raw.strip(), columns) + [""]
    per_page = (PAGE_PX[1] - top - bottom) // step
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    pdf = FPDF(unit="pt", format=(PAGE_PX[0] * 72 / DPI, PAGE_PX[1] * 72 / DPI))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("benchmarks/dokumen_baru.py")
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages, start=1):
        sheet = Image.new("L", PAGE_PX, 255)
        draw = ImageDraw.Draw(sheet)
        if number > 1:
            draw.text((PAGE_PX[0] // 2 - 2 * char_w, 150), f"- {number} -", fill=35, font=font)
        for n, row in enumerate(page):
            # Typewriter: each character struck on its own, a little uneven in place and ink.
            for k, ch in enumerate(row):
                if ch != " ":
                    dx, dy = rng.normal(0, 0.8, 2)
                    ink = int(np.clip(rng.normal(45, 12), 10, 110))
                    draw.text(
                        (left + k * char_w + dx, top + n * step + dy), ch, fill=ink, font=font
                    )
        sheet = sheet.filter(ImageFilter.GaussianBlur(0.7))
        angle = float(rng.uniform(-1.0, 1.0))
        sheet = sheet.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=235)
        pixels = np.asarray(sheet, dtype=np.float32)
        paper = rng.normal(228, 9, pixels.shape).astype(np.float32)
        speckle = rng.random(pixels.shape) < 0.0015
        page_px = np.minimum(pixels, paper)
        page_px[speckle] = rng.uniform(60, 160, int(speckle.sum()))
        scan = Image.fromarray(np.clip(page_px, 0, 255).astype(np.uint8), "L")
        buffer = io.BytesIO()
        scan.save(buffer, "JPEG", quality=60)
        buffer.seek(0)
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(target))
    return len(pages)


def _mono_font(image_font, size: int):
    for path in MONO_FONTS:
        if Path(path).exists():
            return image_font.truetype(path, size)
    print("  DejaVu Sans Mono tidak ada: memakai fon bawaan Pillow.", file=sys.stderr)
    return image_font.load_default(size)


def _typewrap(text: str, columns: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) > columns:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + ([current] if current else [])


# ---------------------------------------------------------------------------------------------

DOCUMENTS = {
    "uu-30-2014.pdf": ("uu-30-2014.md", build_uu),
    "perda-jabar-4-2001.pdf": ("perda-jabar-4-2001.md", build_perda),
    "uu-18-1965.pdf": ("uu-18-1965.md", build_scan),
}


def generate(output: Path = OUTPUT) -> dict[str, int]:
    """Write the three PDFs; their page counts by file name."""
    output.mkdir(parents=True, exist_ok=True)
    pages = {}
    for name, (source, build) in DOCUMENTS.items():
        pages[name] = build(SOURCES / source, output / name)
        print(f"  {name}: {pages[name]} halaman", file=sys.stderr)
    return pages


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------

EVAL = Path(__file__).resolve().parent / "eval" / "dokumen-baru.yaml"
RESULTS = Path(__file__).resolve().parent / "hasil" / "dokumen-baru.json"
# Question id prefix -> the PDF its facts come from.
GROUPS = {"dok-1": "uu-30-2014.pdf", "dok-2": "perda-jabar-4-2001.pdf", "dok-3": "uu-18-1965.pdf"}
PERDA_PREFIX = "dok-2"


def index_alone(pdf: Path, embedder) -> dict:
    """Index one PDF on its own, from scratch: did it go in, how long, how many chunks."""
    import shutil

    from asisten.indeks.build import build_index
    from asisten.indeks.parallel import load_files
    from asisten.indeks.store import IndexStore

    started = time.perf_counter()
    loaded = load_files([pdf], 200 * 2**20, {})
    errors = [f"{type(e).__name__}: {e}" for e in loaded.errors]
    if not loaded.documents:  # an index of no document at all is not built (bm25s refuses it)
        seconds = round(time.perf_counter() - started, 1)
        return {"terindeks": False, "potongan": 0, "detik": seconds, "detik_embed": 0.0,
                "galat": errors, "peringatan": []}  # fmt: skip
    home = OUTPUT.parent / "dokumen-baru-satu" / pdf.stem
    shutil.rmtree(home, ignore_errors=True)
    build = build_index(
        IndexStore(home / "indeks"), [pdf], lambda: embedder, embedder.name, 200 * 2**20,
        force=True, keep_versions=1, built_by="benchmark",
    )  # fmt: skip
    errors = [f"{type(e).__name__}: {e}" for e in build.errors]
    return {
        "terindeks": build.documents > 0,
        "potongan": build.chunks,
        "detik": round(build.seconds, 1),
        "detik_embed": round(build.encode_seconds, 1),
        "galat": errors,
        "peringatan": build.warnings[:10],
    }


def _seed_from_tumbuh(kb) -> None:
    """A first `baru` build starts from the `tumbuh` cache when there is one: its vectors are
    reused by content hash, so only the new PDFs' chunks are embedded."""
    import shutil

    from basis import CACHE

    source = CACHE / "tumbuh" / "indeks"
    if not (kb.home / "indeks").exists() and source.exists():
        shutil.copytree(source, kb.home / "indeks")


def measure() -> dict:
    from basis import knowledge_base, prepare
    from evalset import load_items, score, summarise

    from asisten.config import load_settings
    from asisten.indeks.embedder import create_embedder
    from asisten.jawab.engine import Engine

    if not all((OUTPUT / name).exists() for name in GROUPS.values()):
        generate()
    embedder = create_embedder(load_settings().model)
    alone = {}
    for name in GROUPS.values():
        alone[name] = index_alone(OUTPUT / name, embedder)
        print(f"  {name} sendiri: {alone[name]}", file=sys.stderr)
    kb = knowledge_base("baru")
    _seed_from_tumbuh(kb)
    build = prepare(kb, embedder)
    listing = _listing(kb)
    items = [item for item in load_items(EVAL) if item.applies_to("baru")]
    home = kb.settings().model_copy(update={"home_regions_raw": HOME_REGION})
    engine = Engine(home, embedder_factory=lambda name: embedder)
    per_item = []
    for item in items:
        answer = engine.answer(item.question)
        citations = [s.citation for s in answer.sources]
        result = score(item, answer.found, answer.text, citations)
        per_item.append((item, result, citations))
    # The same Perda questions asked of a deployment serving no region in particular.
    elsewhere = Engine(kb.settings(), embedder_factory=lambda name: embedder)
    perda = [item for item in items if item.id.startswith(PERDA_PREFIX)]
    unset = []
    for item in perda:
        answer = elsewhere.answer(item.question)
        unset.append(score(item, answer.found, answer.text, [s.citation for s in answer.sources]))
    without_home = summarise(perda, unset)
    documents = {}
    for prefix, name in GROUPS.items():
        chosen = [(i, s, c) for i, s, c in per_item if i.id.startswith(prefix)]
        metrics = summarise([i for i, _, _ in chosen], [s for _, s, _ in chosen])
        documents[name] = {
            "sendiri": alone[name],
            "di_basis_baru": listing.get(name),
            "pertanyaan": len(chosen),
            "fakta_ditemukan": metrics["fact_recall"],
            "rujukan_tepat": metrics["citation_accuracy"],
            "tolak_keliru": metrics["false_abstention"],
            "butir": [
                {
                    "id": i.id,
                    "dijawab": s.answered,
                    "fakta": f"{s.facts_found}/{s.facts_total}",
                    "hilang": s.missing,
                    "rujukan_tepat": s.citation_ok,
                    "rujukan": c,
                }
                for i, s, c in chosen
            ],
        }
    overall = summarise([i for i, _, _ in per_item], [s for _, s, _ in per_item])
    return {
        "diukur": datetime.now().isoformat(timespec="minutes"),
        "basis": {"sumber": [str(p) for p in kb.paths], "dokumen": build.documents,
                  "potongan": build.chunks, "galat": [f"{type(e).__name__}: {e}" for e in build.errors]},
        "semua": {
            "pertanyaan": len(per_item),
            "fakta_ditemukan": overall["fact_recall"],
            "rujukan_tepat": overall["citation_accuracy"],
            "tolak_keliru": overall["false_abstention"],
        },
        "dokumen": documents,
        "perda_tanpa_wilayah": {
            "fakta_ditemukan": without_home["fact_recall"],
            "tolak_keliru": without_home["false_abstention"],
        },
    }  # fmt: skip


def _listing(kb) -> dict[str, dict]:
    """The index's entries for the three PDFs, by file name (absent: not indexed)."""
    from asisten.indeks.store import IndexStore

    manifest = IndexStore(kb.settings().index_dir).current_manifest() or {}
    found = {}
    for doc_id, entry in (manifest.get("documents") or {}).items():
        name = Path(str(entry.get("path", ""))).name
        if name in GROUPS.values():
            found[name] = {"doc_id": doc_id, **entry}
    return found


def report(results: dict) -> None:
    def pct(value):
        return "—" if value is None else f"{value:.1%}"

    print(
        "dokumen                   terindeks  potongan  detik  pertanyaan  fakta   rujukan  tolak"
    )
    for name, doc in results["dokumen"].items():
        alone = doc["sendiri"]
        print(
            f"{name:25} {'ya' if doc['di_basis_baru'] else 'TIDAK':9} {alone['potongan']:8} "
            f"{alone['detik']:6} {doc['pertanyaan']:10}  {pct(doc['fakta_ditemukan']):7} "
            f"{pct(doc['rujukan_tepat']):8} {pct(doc['tolak_keliru'])}"
        )
        for error in alone["galat"]:
            print(f"  tidak dapat diindeks: {error}")
    unset = results["perda_tanpa_wilayah"]
    print(
        f"perda tanpa ASISTEN_WILAYAH={HOME_REGION}: fakta {pct(unset['fakta_ditemukan'])}, "
        f"tolak keliru {pct(unset['tolak_keliru'])}"
    )
    total = results["semua"]
    print(
        f"semua: {total['pertanyaan']} pertanyaan, fakta {pct(total['fakta_ditemukan'])}, "
        f"rujukan {pct(total['rujukan_tepat'])}, tolak keliru {pct(total['tolak_keliru'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("perintah", choices=["buat", "ukur"])
    args = parser.parse_args()
    if args.perintah == "buat":
        generate()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    results = measure()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n")
    report(results)


if __name__ == "__main__":
    main()
