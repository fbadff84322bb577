"""Numbered sections of texts without pasal: roman and letter headings in their sequence."""

from __future__ import annotations

from asisten.kb.sections import parse_sections


def test_letters_under_romans_and_the_letter_after_h():
    text = (
        "PEMBAGIAN URUSAN I. MATRIKS PEMBAGIAN URUSAN "
        + " ".join(f"{c}. BIDANG NOMOR {c} isi bidang {c}." for c in "ABCDEFGHIJ")
        + " II. MANAJEMEN URUSAN Substansi urusan. ttd. H. SUSILO BAMBANG YUDHOYONO"
    )
    intro, sections = parse_sections(text)
    assert intro == "PEMBAGIAN URUSAN"
    addresses = [s.address for s in sections]
    assert addresses[:3] == ["angka I", "angka I huruf A", "angka I huruf B"]
    assert "angka I huruf I" in addresses  # the "I." after "H." is a letter, not roman two
    assert addresses[-1] == "angka II"
    assert "SUSILO" in sections[-1].text  # a signatory's initial is no heading
    assert sections[1].title == "BIDANG NOMOR A"


def test_doubled_letters_continue_the_sequence():
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)] + ["AA", "BB"]
    text = " ".join(f"{label}. URUSAN BIDANG {i} teks." for i, label in enumerate(letters))
    _, sections = parse_sections(text)
    assert [s.letter for s in sections] == letters


def test_title_stops_at_the_table_header_and_the_line_end():
    _, sections = parse_sections(
        "A. PEMBAGIAN URUSAN BIDANG PENDIDIKAN NO SUB URUSAN 1 2 3\n1. Manajemen Pendidikan\n"
        "B. TUGAS BADAN\nKEPALA BADAN mempunyai tugas."
    )
    assert [s.title for s in sections] == ["PEMBAGIAN URUSAN BIDANG PENDIDIKAN", "TUGAS BADAN"]


def test_long_text_is_cut_where_a_sentence_or_item_ends_not_where_a_line_breaks():
    from asisten.kb.section_chunking import MAX_CHARS, by_size

    # A PDF's lines break mid-sentence; a cut there tore "uji coba dan" from "penerapan".
    sentence = "melakukan penyiapan bahan evaluasi pelaksanaan kegiatan uji coba dan\npenerapan"
    items = [f"{letter}. {sentence} rancang bangun {letter}." for letter in "abcdefghijklmnopqrst"]
    pieces = by_size("\n".join(items))
    assert len(pieces) > 1 and all(len(piece) <= MAX_CHARS for piece in pieces)
    assert all(piece.startswith(tuple("abcdefghijklmnopqrst")) for piece in pieces)
    assert all(piece.count("uji coba dan\npenerapan") == piece.count("rancang") for piece in pieces)
    # A run with no sentence end at all (a table read line by line) is still cut by lines.
    table = "\n".join(f"baris {i} kolom nilai tanpa titik" for i in range(200))
    assert all(len(piece) <= MAX_CHARS for piece in by_size(table))
