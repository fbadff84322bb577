"""Text-layer PDFs made in the test with fpdf2: each page's lines top to bottom, as an official
copy lays them out (running header, body, catchword or footer last)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

LINE_MM = 6


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Times", size=11)
    for lines in pages:
        pdf.add_page()
        for number, line in enumerate(lines):
            pdf.set_xy(20, 15 + number * LINE_MM)
            pdf.cell(0, 5, line)
    pdf.output(str(path))
    return path


def gazette_page(number: int, body: list[str]) -> list[str]:
    """A page of an official copy of a UU: the President's running header and page number."""
    return ["PRESIDEN", "REPUBLIK INDONESIA", f"- {number} -", *body]
