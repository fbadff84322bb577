"""Scanned PDFs made in the test: text drawn onto a page image with Pillow, saved as an
image-only PDF (a JPEG per page, no text layer), as a scanner produces them."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 200
# A5 at 200 dpi: small pages keep OCR in the tests to a second or two a page.
PAGE = (1166, 1654)
MARGIN = 120
# A small regulation as a 1965 typescript would print it.
PERDA_1965 = [
    "PERATURAN DAERAH KABUPATEN CONTOH",
    "NOMOR 3 TAHUN 1965",
    "TENTANG PASAR DESA",
    "",
    "Pasal 1",
    "Pasar desa dikelola oleh pemerintah desa.",
    "",
    "Pasal 2",
    "(1) Setiap pedagang membayar retribusi harian.",
    "(2) Besarnya retribusi ditetapkan oleh kepala desa.",
]


def page_image(lines: list[str], size: int = 34) -> Image.Image:
    image = Image.new("L", PAGE, 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size)
    for number, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + number * round(size * 1.7)), line, font=font, fill=25)
    return image


def image_pdf(path: Path, images: list[Image.Image]) -> Path:
    jpegs = []
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=75)
        jpegs.append(Image.open(io.BytesIO(buffer.getvalue())))
    jpegs[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=jpegs[1:])
    return path


def blank_page() -> Image.Image:
    return Image.new("L", PAGE, 250)
