"""A regulation's closing (Penutup) is cut from its last pasal and becomes a unit of its own."""

from __future__ import annotations

from asisten.kb.chunking import regulation_chunks
from asisten.kb.closing import split_closing
from asisten.kb.models import DocumentMeta
from asisten.kb.regulation import parse_regulation

UU = """UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 7 TAHUN 2020 TENTANG CONTOH
MEMUTUSKAN:
Menetapkan: UNDANG-UNDANG TENTANG CONTOH.
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan contoh adalah contoh.
Pasal 2
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan Undang-Undang ini dengan
penempatannya dalam Lembaran Negara Republik Indonesia.
Disahkan di Jakarta
pada tanggal 3 Februari 2020
PRESIDEN REPUBLIK INDONESIA,
ttd.
NAMA PRESIDEN
Diundangkan di Jakarta
pada tanggal 4 Februari 2020
LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2020 NOMOR 12
PARAF KOORDINASI
Kepala Biro Hukum
"""
META = DocumentMeta(doc_id="uu-7-2020", title="t", doc_type="regulasi", jenis="UU", nomor="7",
                    tahun=2020)  # fmt: skip


def test_the_closing_leaves_the_last_pasal_and_ends_at_the_gazette():
    regulation = parse_regulation(UU)
    assert regulation.pasal[-1].text == "Undang-Undang ini mulai berlaku pada tanggal diundangkan."
    assert regulation.closing.splitlines() == [
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Undang-Undang ini dengan"
        " penempatannya dalam Lembaran Negara Republik Indonesia.",
        "Disahkan di Jakarta pada tanggal 3 Februari 2020 PRESIDEN REPUBLIK INDONESIA, ttd."
        " NAMA PRESIDEN",
        "Diundangkan di Jakarta pada tanggal 4 Februari 2020",
        "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2020 NOMOR 12",
    ]


def test_a_unit_with_its_own_citation():
    chunks = regulation_chunks(META, parse_regulation(UU))
    closing = [c for c in chunks if c.kind == "penutup"]
    assert [c.citation for c in closing] == ["Penutup UU 7/2020"]
    assert "4 Februari 2020" in closing[0].text
    assert not any("Disahkan" in c.text for c in chunks if c.kind != "penutup")
    assert chunks[0].citation == "UU 7/2020 Pasal 1"


def test_without_the_order_a_signing_with_a_date_opens_it():
    body = (
        "XV. PENUTUP Ketentuan dalam Surat Edaran ini mulai berlaku pada tanggal ditetapkan. "
        "Ditetapkan di Jakarta pada tanggal 8 November 2023 KEPALA EKSEKUTIF, ttd AGUSMAN"
    )
    rest, closing = split_closing(body)
    assert rest.endswith("mulai berlaku pada tanggal ditetapkan.")
    assert (
        closing
        == "Ditetapkan di Jakarta pada tanggal 8 November 2023 KEPALA EKSEKUTIF, ttd AGUSMAN"
    )


def test_no_closing_is_found_where_there_is_none():
    body = "Pasal 1\nHasil uji coba ditetapkan di Jakarta pada tanggal yang ditentukan Menteri."
    assert split_closing(body) == (body, "")
    # A blank form in an annex has no date to be signed on.
    form = "Pasal 9\nIsi.\nditetapkan di Jakarta,\npada tanggal .......20...\nNama"
    assert split_closing(form) == (form, "")


def test_official_texts(corpus_uji):
    uu9 = parse_regulation((corpus_uji / "uu-9-2015-perubahan-kedua-uu23-2014.md").read_text())
    assert "Disahkan di Jakarta pada tanggal 18 Maret 2015" in uu9.closing
    assert uu9.closing.endswith("LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2015 NOMOR 58")
    # The scanned PP: OCR misreads the gazette line, which still ends the closing, and the
    # Penjelasan after it (whose heading OCR also mangled) stays out of it.
    pp12 = parse_regulation((corpus_uji / "pp-12-2017-pembinaan-pengawasan-pemda.md").read_text())
    assert "Ditetapkan di Jakarta" in pp12.closing and "NOMOR 73" in pp12.closing
    assert "UMUM" not in pp12.closing
    # The Surat Edaran has no pasal and no order to promulgate.
    seojk = parse_regulation((corpus_uji / "seojk-19-2023.txt").read_text())
    assert seojk.closing.startswith("Ditetapkan di Jakarta pada tanggal 8 November 2023")
