"""The regulation parser on the real, noisy texts of corpus-uji and on small crafted cases."""

from __future__ import annotations

import pytest

from asisten.kb.chunking import MAX_SECTION_CHARS, regulation_chunks
from asisten.kb.models import DocumentMeta
from asisten.kb.ocr import clean_regulation_text
from asisten.kb.regulation import parse_regulation


def _chunks(text: str, jenis: str, nomor: str, tahun: int):
    meta = DocumentMeta(doc_id="x", title="t", doc_type="regulasi", jenis=jenis, nomor=nomor,
                        tahun=tahun)  # fmt: skip
    return {c.citation: c for c in regulation_chunks(meta, parse_regulation(text))}


@pytest.fixture(scope="module")
def pp38(corpus_uji):
    return parse_regulation((corpus_uji / "pp-38-2017-inovasi-daerah.md").read_text())


@pytest.fixture(scope="module")
def uu23(corpus_uji):
    return parse_regulation((corpus_uji / "uu-23-2014-pemerintahan-daerah.md").read_text())


def test_pp38_ocr_finds_the_pasal_sequence(pp38):
    numbers = [int(p.number) for p in pp38.pasal]
    assert numbers == sorted(set(numbers)), "headings must be unique and increasing"
    # Pasal 29's heading is lost in the OCR itself; every other pasal is found.
    assert set(range(1, 37)) - set(numbers) == {29}


def test_pp38_pasal_7_ayat_and_huruf(pp38):
    pasal7 = next(p for p in pp38.pasal if p.number == "7")
    assert [a.number for a in pasal7.ayat] == ["1", "2"]
    assert [letter for letter, _ in pasal7.ayat[0].huruf] == ["a", "b", "c", "d", "e"]
    assert "anggota masyarakat" in pasal7.ayat[0].huruf[4][1]
    assert "proposal Inovasi Daerah" in pasal7.ayat[1].text
    assert pasal7.bab.startswith("BAB III PENGUSULAN")
    assert pasal7.bagian.startswith("Bagian Kesatu Pengusulan")


def test_pp38_ocr_variants_are_repaired(pp38):
    numbers = {p.number for p in pp38.pasal}
    assert {"10", "21", "31", "32"} <= numbers  # "Pasal 1O", "Pasal 2 1", "Pasai 31", "Pasai 32"
    assert all("PRES I DEN" not in p.text for p in pp38.pasal)


def test_pp38_penjelasan_is_linked_to_its_pasal(pp38):
    assert "dikomersialisasikan" in pp38.penjelasan["20"]
    assert "tata laksana internal" in pp38.penjelasan["5"]
    assert "Inovasi Daerah pada hakikatnya" in pp38.penjelasan_umum


def test_pp38_citations(corpus_uji):
    chunks = _chunks((corpus_uji / "pp-38-2017-inovasi-daerah.md").read_text(), "PP", "38",
                     2017)  # fmt: skip
    assert "sekurang-kurangnya memuat" in chunks["PP 38/2017 Pasal 7 ayat (2)"].text
    assert "kepala Daerah" in chunks["PP 38/2017 Pasal 7 ayat (1)"].text
    assert (
        "Inovasi Daerah adalah semua bentuk pembaharuan"
        in chunks["PP 38/2017 Pasal 1 angka 1"].text
    )
    assert "PP 38/2017 Pasal 6" in chunks
    assert "Penjelasan PP 38/2017 Pasal 20 ayat (3)" in chunks


def test_uu23_bab_xxi(uu23):
    by_number = {p.number: p for p in uu23.pasal}
    assert len(uu23.pasal) == 411
    assert [a.number for a in by_number["388"].ayat] == [str(n) for n in range(1, 13)]
    assert "tidak dapat dipidana" in by_number["389"].text
    assert by_number["389"].bab == "BAB XXI INOVASI DAERAH"
    assert [h for h, _ in by_number["387"].huruf] == list("abcdefgh")


def test_uu23_citations(corpus_uji):
    chunks = _chunks((corpus_uji / "uu-23-2014-pemerintahan-daerah.md").read_text(), "UU",
                     "23", 2014)  # fmt: skip
    assert "tidak dapat dipidana" in chunks["UU 23/2014 Pasal 389"].text
    assert "penghargaan dan/atau insentif" in chunks["UU 23/2014 Pasal 388 ayat (11)"].text
    assert chunks["UU 23/2014 Pasal 389"].context.startswith("BAB XXI INOVASI DAERAH")


def test_cross_references_are_not_headings():
    text = (
        "BAB I KETENTUAN UMUM\nPasal 1\nIstilah dalam peraturan ini.\n"
        "Pasal 2\n(1) Usulan sebagaimana dimaksud dalam Pasal 7 diproses.\n"
        "(2) Usulan tersebut mengikuti Pasal 5 ayat (1) dan\nPasal 9 huruf a.\n"
        "Pasal 3\nSelesai."
    )
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["1", "2", "3"]
    assert [a.number for a in regulation.pasal[1].ayat] == ["1", "2"]
    assert "Pasal 9 huruf a" in regulation.pasal[1].ayat[1].text


def test_inline_ocr_headings_need_the_sequence():
    text = "Pasal 1 Satu. Pasal 2 Dua, lihat juga Pasal 40 Tahun. Pasal 3 Tiga."
    assert [p.number for p in parse_regulation(text).pasal] == ["1", "2", "3"]


def test_ocr_cleaning_repairs_digits_markers_and_headers():
    noisy = "tahun 2Ol4 PRES I DEN REPUBLIK INDONESIA -5- Pasai 32 (21 Proposal ayat"
    cleaned = clean_regulation_text(noisy)
    assert "2014" in cleaned
    assert "PRES" not in cleaned and "-5-" not in cleaned
    assert "Pasal 32" in cleaned
    assert "(2) Proposal" in cleaned


def test_ocr_cleaning_drops_a_margin_of_ayat_numbers_read_apart_from_their_text():
    # PP 38/2017's scan: the margin's numbers, some misread, after the pasal's last sentence.
    noisy = (
        "pengawasan Inovasi Daerah.\n(4) (1) (2) (3) (i) (2) (4)\nsanksi. (4) (s) (6)\n(2) Menteri"
    )
    cleaned = clean_regulation_text(noisy)
    assert " ".join(cleaned.split()) == "pengawasan Inovasi Daerah. sanksi. (2) Menteri"
    # At a pasal's end, once the heading after it on the line has gone to the structure.
    pasal = parse_regulation(
        "Pasal 5\nMenteri menetapkan. (s) (6) (1) Bagian Kedua\nPasal 6\nCukup."
    )
    assert pasal.pasal[0].text == "Menteri menetapkan."
    # A marker with text after it numbers that text, and a reference is no margin.
    kept = "dalam Pasal 6 ayat (4). (5) Menteri menetapkan.\nlihat ayat (1) (2)"
    assert clean_regulation_text(kept) == kept


def test_markdown_summary_with_skipped_pasal():
    text = "## BAB XXI INOVASI DAERAH\n\n### Pasal 386\n(1) Satu.\n(2) Dua.\n\n### Pasal 389\nASN."
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["386", "389"]
    assert regulation.pasal[0].bab == "BAB XXI INOVASI DAERAH"


def test_markdown_summary_keeps_its_general_explanation():
    # The team's Markdown regulations have no "I. UMUM / II. PASAL DEMI PASAL" lines: the
    # general explanation is the text between "## PENJELASAN" and the first pasal heading.
    text = (
        "# PP 1/2020\n\n## BAB I\n\n### Pasal 1\nIsi pasal satu.\n\n### Pasal 2\nIsi pasal dua.\n\n"
        "## PENJELASAN\n\nPenjelasan Umum, diringkas: inovasi perlu dilindungi.\n\n"
        "### Pasal 2\nPasal dua dijelaskan di sini.\n"
    )
    chunks = _chunks(text, "PP", "1", 2020)
    assert "inovasi perlu dilindungi" in chunks["Penjelasan Umum PP 1/2020"].text
    assert "dijelaskan di sini" in chunks["Penjelasan PP 1/2020 Pasal 2"].text
    assert "dilindungi" not in chunks["Penjelasan PP 1/2020 Pasal 2"].text


def test_a_very_long_provision_is_cut_under_its_citation():
    # A pasal of several pages (an OCR'd annex run into the last pasal, a long Penjelasan Umum)
    # would hold some word of almost any question; it is cut, each piece keeping the citation.
    sentences = [
        f"Kalimat nomor {i} menyebut urusan ke-{i} beserta rinciannya." for i in range(200)
    ]
    text = (
        "# PP 1/2020\n\n## BAB I\n\n### Pasal 1\nIsi pasal satu pendek.\n\n"
        f"### Pasal 2\n{' '.join(sentences)}\n\n## PENJELASAN\n\n{' '.join(sentences)}\n"
    )
    meta = DocumentMeta(doc_id="x", title="t", doc_type="regulasi", jenis="PP", nomor="1",
                        tahun=2020)  # fmt: skip
    chunks = regulation_chunks(meta, parse_regulation(text))
    for citation in ("PP 1/2020 Pasal 2", "Penjelasan Umum PP 1/2020"):
        pieces = [c for c in chunks if c.citation == citation]
        assert len(pieces) > 1
        assert all(len(p.text) <= MAX_SECTION_CHARS for p in pieces)
        assert " ".join(p.text for p in pieces).split() == " ".join(sentences).split()
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.text for c in chunks if c.citation == "PP 1/2020 Pasal 1"] == [
        "Isi pasal satu pendek."
    ]


# An official text laid out line by line: each BAB's title on the line under its number.
_CHAPTERS = """Pasal 14
(1) Barang dicatat dalam buku inventaris.
(2) Buku inventaris diperiksa setiap tahun.
Bagian Kedua
Penghapusan
Pasal 15
Penghapusan barang ditetapkan dengan Keputusan Gubernur.
BAB VI
INVENTARISASI
Pasal 16
Biro Perlengkapan menyusun daftar rekapitulasi inventaris.
BAB VII
Pasal 17
Perubahan status hukum barang ditetapkan oleh Gubernur.
"""


def test_bab_heading_is_not_glued_to_the_pasal_before_it():
    regulation = parse_regulation("BAB V\nPEMELIHARAAN\n" + _CHAPTERS)
    by_number = {p.number: p for p in regulation.pasal}
    assert by_number["15"].text == "Penghapusan barang ditetapkan dengan Keputusan Gubernur."
    assert by_number["16"].text.endswith("daftar rekapitulasi inventaris.")
    assert by_number["16"].bab == "BAB VI INVENTARISASI"
    assert by_number["17"].bab == "BAB VII", "a BAB whose title was lost still opens a chapter"


def test_a_new_bab_resets_bagian():
    regulation = parse_regulation("BAB V\nPEMELIHARAAN\n" + _CHAPTERS)
    by_number = {p.number: p for p in regulation.pasal}
    assert by_number["15"].context == "BAB V PEMELIHARAAN › Bagian Kedua Penghapusan"
    assert by_number["16"].context == "BAB VI INVENTARISASI"
    assert by_number["17"].bagian == ""


def test_pasal_heading_with_a_stray_period_on_its_own_line():
    text = (
        "Pasal 7\nPengadaan dilaksanakan oleh panitia.\n"
        "Pasal. 8\n(1) Penerimaan barang dilakukan oleh Pengurus Barang.\n(2) Diperiksa.\n"
        "Pasal . 9\nPenyimpanan di gudang, kecuali yang dimaksud Pasal. 8 ayat (1).\n"
    )
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["7", "8", "9"]
    assert regulation.pasal[0].text == "Pengadaan dilaksanakan oleh panitia."
    assert [a.number for a in regulation.pasal[1].ayat] == ["1", "2"]


def test_an_inline_pasal_with_a_period_is_not_a_heading():
    text = "Pasal 1 Satu. Pasal 2 Dua, seperti tercantum pada akhir Pasal. 3 Tiga."
    assert [p.number for p in parse_regulation(text).pasal] == ["1", "2"]


def test_a_bab_number_repeated_under_a_removed_header_counts_once():
    text = "BAB I PRESIDEN REPUBLIK INDONESIA\nBAB I KETENTUAN UMUM\nPasal 1\nIsi."
    assert parse_regulation(text).pasal[0].bab == "BAB I KETENTUAN UMUM"


def test_a_pasal_heading_broken_over_two_lines_keeps_its_number():
    # A scan's line ends with "Pasal" and the next starts with the number: the number alone on
    # its line is no detached list number.
    text = clean_regulation_text(
        "Pasal 49\nPeraturan Daerah ditetapkan oleh Kepala Daerah. Pasal\n50.\n"
        "(1) Peraturan Daerah tidak boleh bertentangan dengan kepentingan umum.\n"
        "(2) Peraturan Daerah diundangkan, sebagaimana dimaksud dalam Pasal\n49 ayat (1).\n"
        "Pasal 51\nSelesai."
    )
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["49", "50", "51"]
    assert [a.number for a in regulation.pasal[1].ayat] == ["1", "2"]
    assert "dimaksud dalam Pasal 49 ayat (1)" in regulation.pasal[1].ayat[1].text


def test_a_pasal_number_misread_by_ocr_is_repaired_by_the_sequence():
    # PP 12/2017's OCR reads "Pasal 27" as "Pasal 2T" and "Pasal 29" as "pasal 29", inline: the
    # next number of the sequence is what they stand for, so neither pasal is glued to the one
    # before it. A real inserted pasal ("Pasal 2A" after Pasal 2) and a cross-reference keep
    # their reading.
    text = (
        "Pasal 26\nHasil koordinasi bersifat rahasia. Pasal 2T (1) Kepala daerah wajib "
        "melaksanakan tindak lanjut. (2) Wakil kepala daerah mengoordinasikan.\n"
        "Pasal 28\nAPIP memantau tindak lanjut. Bagian Ketujuh Evaluasi pasal 29 (1) Menteri "
        "melakukan evaluasi. (2) Evaluasi dilaksanakan berkala, tidak seperti pasal 3 dan "
        "Pasal 2B.\nPasal 30\nSelesai."
    )
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["26", "27", "28", "29", "30"]
    assert regulation.pasal[1].text.startswith("(1) Kepala daerah")
    assert [a.number for a in regulation.pasal[3].ayat] == ["1", "2"]
    inserted = parse_regulation("Pasal 2\nSatu.\nPasal 2A\nDua.\nPasal 3\nTiga.")
    assert [p.number for p in inserted.pasal] == ["2", "2A", "3"]


def test_a_heading_joined_to_the_sentence_before_opens_the_next_pasal():
    # UU 18/1965's text: "… belanja urusan tersebut, Pasal 41." then "(1) Sesuatu Daerah …" on
    # the next line. After a comma "Pasal 41" reads as a cross-reference, but a first ayat with
    # no heading above it opens a new pasal. A reference ending a line before a later ayat does
    # not.
    text = (
        "Pasal 40\n(1) Urusan dapat diserahkan kepada Daerah.\n"
        "(2) Ditunjuk sumber pendapatan untuk menutup biaya urusan tersebut, Pasal 41.\n"
        "(1) Sesuatu Daerah dapat memisahkan urusan tertentu.\n"
        "(2) Peraturan itu berlaku setelah disahkan, sebagaimana dimaksud dalam Pasal 40.\n"
        "(3) Berlaku pula ketentuan dalam Pasal 43.\n(1) tidak dibaca sebagai pasal.\n"
        "Pasal 42\nSelesai."
    )
    regulation = parse_regulation(text)
    assert [p.number for p in regulation.pasal] == ["40", "41", "42"]
    assert regulation.pasal[1].text.startswith("(1) Sesuatu Daerah")
    assert regulation.pasal[0].ayat[1].text.endswith("urusan tersebut,")


def test_older_inline_bagian_and_bab_headings_leave_the_pasal_before():
    # UU 18/1965 writes its structure inline, in roman capitals and ordinary-case titles closed
    # by a period: "… rapat tertutup. BAGIAN IV. Badan Pemerintah Harian. Pasal 33." and "…
    # Daerahnya. BAB VIII. Peraturan Peralihan. Pasal 88.". Neither belongs to the pasal
    # before; both become the context of the pasal after. A BAB named mid-sentence does not.
    text = (
        "Pasal 31\nRapat terbuka untuk umum.\n"
        "BAB III. BENTUK PEMERINTAHAN DAERAH. Pasal 32.\nAnggota tidak dapat dituntut karena "
        "pembicaraannya dalam rapat tertutup. BAGIAN IV. Badan Pemerintah Harian. Pasal 33.\n"
        "Jumlah anggota ditentukan menurut kebutuhan, seperti diatur dalam BAB VIII. Ketentuan "
        "itu berlaku pula. Pasal 34.\nKeputusan diumumkan dalam daerahnya. BAB VIII. Peraturan "
        "Peralihan. Pasal 35.\nPeraturan lama tetap berlaku."
    )
    pasal = {p.number: p for p in parse_regulation(text).pasal}
    assert pasal["32"].text.endswith("rapat tertutup.")
    assert pasal["33"].bagian == "Bagian IV Badan Pemerintah Harian"
    assert pasal["33"].bab.startswith("BAB III")
    assert pasal["33"].text.endswith("Ketentuan itu berlaku pula.")
    assert pasal["34"].text.endswith("dalam daerahnya.")
    assert pasal["35"].bab == "BAB VIII Peraturan Peralihan"


def test_an_amending_laws_explanations_hold_no_heading_of_the_next_item(corpus_uji):
    # UU 9/2015 explains its changes item by item: "Angka 1 … Pasal 63 Cukup jelas. Angka 2 …".
    regulation = parse_regulation(
        (corpus_uji / "uu-9-2015-perubahan-kedua-uu23-2014.md").read_text()
    )
    assert regulation.penjelasan, "the items that explain something are kept"
    assert not any(body.rstrip().endswith(("Angka 2", "Angka 3", "Angka 4", "Angka 5"))
                   for body in regulation.penjelasan.values())  # fmt: skip
    # "Cukup jelas." explains nothing: no chunk for it, once the next heading is not glued on.
    assert "63" not in regulation.penjelasan and "66" not in regulation.penjelasan


def test_an_explanation_saying_only_cukup_jelas_makes_no_chunk_however_ocr_reads_it(corpus_uji):
    chunks = _chunks(
        (corpus_uji / "pp-72-2019-perangkat-daerah-perubahan.md").read_text(), "PP", "72", 2019
    )
    # "Cukrrp jelas." (Pasal 65A) and "CuI: up.jcias." (Pasal 43) explain nothing.
    assert "Penjelasan PP 72/2019 Pasal 65A" not in chunks
    assert "Penjelasan PP 72/2019 Pasal 43" not in chunks
    assert "Penjelasan PP 72/2019 Pasal 11A" in chunks  # one that explains something stays


def test_a_run_on_explanation_line_opens_the_next_pasals_explanation(uu23):
    # "Cukup jelas. Pasal 382 Ayat (1) Cukup jelas. Ayat (2) Yang dimaksud dengan …" on one line.
    assert "fasilitasi khusus" in uu23.penjelasan["382"]
    assert "fasilitasi khusus" not in uu23.penjelasan.get("381", "")


def test_a_pasal_whose_text_the_source_lost_makes_no_empty_chunk(corpus_uji):
    # The text version has "Pasal 274" and then straight the next Bagian heading.
    chunks = _chunks(
        (corpus_uji / "uu-23-2014-pemerintahan-daerah.md").read_text(), "UU", "23", 2014
    )
    assert "UU 23/2014 Pasal 274" not in chunks and "UU 23/2014 Pasal 275" in chunks
    assert all(sum(ch.isalpha() for ch in c.text) >= 3 for c in chunks.values())


def test_a_penjelasan_heading_misread_by_ocr_still_opens_it(corpus_uji):
    # The scanned PP 12/2017 reads its heading "PENJEI"ASAN ATAS PERATURAN PEMERINTAH ...".
    pp12 = parse_regulation((corpus_uji / "pp-12-2017-pembinaan-pengawasan-pemda.md").read_text())
    assert "3" in pp12.penjelasan and pp12.penjelasan_umum
    assert not any("Cukup jelas" in pasal.text for pasal in pp12.pasal)
    assert pp12.pasal[-1].number == "51"


def test_an_amending_laws_own_roman_articles_are_pasal_of_their_own(corpus_uji):
    # UU 9/2015: Pasal I lists the amendments to UU 23/2014, Pasal II puts them in force.
    chunks = _chunks(
        (corpus_uji / "uu-9-2015-perubahan-kedua-uu23-2014.md").read_text(), "UU", "9", 2015
    )
    assert chunks["UU 9/2015 Pasal II"].text == (
        "Undang-Undang ini mulai berlaku pada tanggal diundangkan."
    )
    assert chunks["UU 9/2015 Pasal I"].text.startswith("Beberapa ketentuan dalam Undang-Undang")
    # The last amended pasal ends where Pasal II begins.
    last = chunks["UU 9/2015 Pasal 154 ayat (2)"].text
    assert last.endswith("tentang tata tertib.") and "Pasal II" not in last
    assert "Pasal II" not in " ".join(c.text for c in chunks.values() if c.kind == "penjelasan")


def test_a_roman_pasal_that_amends_nothing_is_no_heading():
    # OCR reading "Pasal 1" as "Pasal I" in an ordinary regulation.
    regulation = parse_regulation(
        "Pasal I\nDalam Peraturan ini yang dimaksud dengan Daerah adalah Kabupaten.\n"
        "Pasal 2\nBupati menetapkan rencana kerja.\n"
    )
    assert [p.number for p in regulation.pasal] == ["2"]


def test_a_roman_article_is_one_unit_whatever_ayat_markers_it_holds(corpus_uji):
    # PP 72/2019's OCR hides the heading of the amended Pasal 11 inside Pasal I: its "(1) … (3)"
    # are Pasal 11's ayat, not Pasal I's, so Pasal I is cited whole.
    chunks = _chunks(
        (corpus_uji / "pp-72-2019-perangkat-daerah-perubahan.md").read_text(), "PP", "72", 2019
    )
    assert "Inspektorat Daerah provinsi" in chunks["PP 72/2019 Pasal I"].text
    assert not any(citation.startswith("PP 72/2019 Pasal I ") for citation in chunks)
