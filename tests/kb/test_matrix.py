"""A division-of-affairs matrix printed as running text is read back into its named cells
(asisten.kb.matrix), and a row it cannot read for sure keeps its printed words."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from asisten.kb.lampiran import split_lampiran
from asisten.kb.matrix import matrix_form, read_matrix
from asisten.kb.sections import parse_sections

HEADER = "NO SUB URUSAN PEMERINTAH PUSAT DAERAH PROVINSI DAERAH KABUPATEN/KOTA 1 2 3 4 5"
UU_23 = "uu-23-2014-pemerintahan-daerah.md"


# A cell's name opening a line of a written row ("Daerah Provinsi:").
_LABEL = re.compile(rf"^({'|'.join(re.escape(c) for c in matrix_form().columns)}):", re.M)


def _cells(row_text: str) -> dict[str, str]:
    """Each named cell's text, from the written row."""
    parts = _LABEL.split(row_text)
    return {name: body.strip() for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_each_cell_of_a_row_is_named_and_the_page_header_dropped():
    text = (
        f"{HEADER} 1. Perlindungan Perempuan a. Pencegahan kekerasan lingkup nasional.\n"
        "b. Penyediaan layanan rujukan akhir tingkat nasional.\n"
        "a. Pencegahan kekerasan lingkup Daerah provinsi.\n"
        "b. Penyediaan layanan rujukan lanjutan tingkat Daerah provinsi.\n"
        "a. Pencegahan kekerasan lingkup Daerah kabupaten/kota."
    )
    written = read_matrix(text)
    assert "SUB URUSAN" not in written
    assert written.startswith("1. Perlindungan Perempuan\n")
    cells = _cells(written)
    assert list(cells) == ["Pemerintah Pusat", "Daerah Provinsi", "Daerah Kabupaten/Kota"]
    assert "rujukan akhir" in cells["Pemerintah Pusat"]
    assert "rujukan lanjutan" in cells["Daerah Provinsi"]
    assert (
        cells["Daerah Kabupaten/Kota"] == "a. Pencegahan kekerasan lingkup Daerah kabupaten/kota."
    )


def test_a_page_break_inside_a_row_continues_each_column_from_the_first():
    text = (
        f"{HEADER} 1. Pemenuhan Hak Anak (PHA) a. Pelembagaan PHA tingkat nasional.\n"
        "a. Pelembagaan PHA tingkat Daerah provinsi.\na. Pelembagaan PHA tingkat Daerah kabupaten/kota. "
        f"{HEADER} b. Penguatan lembaga tingkat nasional.\nb. Penguatan lembaga tingkat Daerah "
        "provinsi.\nb. Penguatan lembaga tingkat Daerah kabupaten/kota."
    )
    cells = _cells(read_matrix(text))
    assert cells["Pemerintah Pusat"].splitlines() == [
        "a. Pelembagaan PHA tingkat nasional.",
        "b. Penguatan lembaga tingkat nasional.",
    ]
    assert all(
        cells[name].count("Daerah provinsi") == 2 * (name == "Daerah Provinsi") for name in cells
    )


def test_sentence_cells_and_empty_cells():
    # Some pages head the table "SUB BIDANG" instead of "SUB URUSAN".
    text = (
        f"{HEADER.replace('URUSAN', 'BIDANG')} 1. Statistik Dasar Penyelenggaraan statistik dasar. --- ---\n"
        "2. Informasi dan Komunikasi Publik Pengelolaan informasi publik Pemerintah Pusat. "
        "Pengelolaan informasi publik Daerah provinsi. Pengelolaan informasi publik Daerah "
        "kabupaten/kota."
    )
    written = read_matrix(text)
    assert "SUB BIDANG" not in written
    first, second = re.split(r"\n(?=2\. )", written)
    assert _cells(first) == {
        "Pemerintah Pusat": "Penyelenggaraan statistik dasar.",
        "Daerah Provinsi": "-",
        "Daerah Kabupaten/Kota": "-",
    }
    # The sub-affair's name ends where a capitalised word opens a sentence.
    assert second.startswith("2. Informasi dan Komunikasi Publik\n")
    assert _cells(second)["Daerah Provinsi"] == "Pengelolaan informasi publik Daerah provinsi."


@pytest.mark.parametrize(
    "row",
    [
        # Two cells' lines run together: "b. Pengelolaan pendidikan" is cut by the next cell.
        "1. Manajemen Pendidikan a. Penetapan standar nasional pendidikan.\n"
        "b. Pengelolaan pendidikan a. Pengelolaan pendidikan menengah.\n"
        "b. Pengelolaan pendidikan tinggi. khusus.",
        # A cell cut by the page break, and after the header more lower-case sentences than
        # cells were cut: which sentence finishes which cell cannot be known.
        "1. Kualitas Keluarga a. Peningkatan kualitas keluarga nasional.\n"
        "a. Peningkatan kualitas keluarga provinsi.\na. Penyediaan layanan bagi keluarga dan hak "
        f"{HEADER} anak yang wilayah kerjanya dalam Daerah kabupaten/kota. kerjanya lintas Daerah.",
    ],
)
def test_a_row_it_cannot_read_for_sure_keeps_its_printed_words(row):
    written = read_matrix(f"{HEADER} {row}")
    assert not _cells(written)
    assert written.split() == row.replace(HEADER, " ").split()


def test_cells_cut_by_a_page_break_are_finished_in_column_order_after_the_header():
    text = (
        f"{HEADER} 1. Kualitas Keluarga a. Peningkatan kualitas keluarga nasional.\n"
        "a. Penyediaan layanan bagi keluarga dan hak a. Penyediaan layanan bagi keluarga dan hak "
        f"anak yang wilayah {HEADER} anak yang wilayah kerjanya lintas Daerah kabupaten/kota. "
        "kerjanya dalam Daerah kabupaten/kota."
    )
    cells = _cells(read_matrix(text))
    assert cells["Daerah Provinsi"] == (
        "a. Penyediaan layanan bagi keluarga dan hak anak yang wilayah kerjanya lintas Daerah "
        "kabupaten/kota."
    )
    assert cells["Daerah Kabupaten/Kota"] == (
        "a. Penyediaan layanan bagi keluarga dan hak anak yang wilayah kerjanya dalam Daerah "
        "kabupaten/kota."
    )


def test_text_without_the_table_is_unchanged():
    text = "A. TUGAS BADAN\n1. Kepala Badan mempunyai tugas memimpin.\na. menyusun rencana."
    assert read_matrix(text) is text


def test_the_matrix_of_uu_23_2014_names_the_level_of_each_duty(corpus_uji):
    _, annexes = split_lampiran((corpus_uji / UU_23).read_text(encoding="utf-8"))
    sections = [s for annex in annexes for s in annex.sections if "URUSAN" in s.title]
    assert len(sections) >= 25
    named = 0
    for section in sections:
        assert "SUB URUSAN PEMERINTAH" not in section.text
        named += len(_LABEL.findall(section.text)) // 3
    # Most rows are read into their cells; the rest keep the printed text.
    assert named >= 90
    women = next(s for s in sections if "PEREMPUAN" in s.title)
    cells = _cells(women.text.split("\n2. Perlindungan Perempuan\n")[1].split("\n3. ")[0])
    assert "rujukan akhir" in cells["Pemerintah Pusat"]
    assert "rujukan lanjutan" in cells["Daerah Provinsi"]
    assert (
        "Pelembagaan PUG pada lembaga pemerintah tingkat Daerah kabupaten/kota"
        in (_cells(women.text.split("\n2. ")[0])["Daerah Kabupaten/Kota"])
    )


def test_reading_the_matrix_loses_no_word(corpus_uji):
    text = (corpus_uji / UU_23).read_text(encoding="utf-8")
    start = text.index("I. MATRIKS PEMBAGIAN URUSAN")
    _, printed = parse_sections(text[start:])
    header = re.compile(matrix_form().header.pattern)
    for section in printed:
        words = Counter(
            w for w in header.sub(" ", section.text).split() if not re.fullmatch(r"-+", w)
        )
        written = _LABEL.sub(" ", read_matrix(section.text))
        assert Counter(w for w in written.split() if not re.fullmatch(r"-+", w)) == words
