"""A regulation's considerations (Menimbang) become one unit with its own citation."""

from __future__ import annotations

from asisten.kb.chunking import regulation_chunks
from asisten.kb.considerations import considerations
from asisten.kb.models import DocumentMeta
from asisten.kb.regulation import parse_regulation

UU = """UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 7 TAHUN 2020 TENTANG CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang:
a. bahwa pelayanan perlu ditingkatkan, mengingat tuntutan masyarakat yang terus bertambah;
b. bahwa Undang-Undang Nomor 1 Tahun 2000 tentang Lama tidak sesuai lagi
sehingga perlu diganti;
Mengingat:
1. Pasal 20 Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
MEMUTUSKAN:
Menetapkan: UNDANG-UNDANG TENTANG CONTOH.
BAB I KETENTUAN UMUM
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan contoh adalah contoh.
Pasal 2
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
"""


def test_the_items_without_the_legal_bases():
    text = considerations(parse_regulation(UU).preamble)
    assert text.splitlines() == [
        "a. bahwa pelayanan perlu ditingkatkan, mengingat tuntutan masyarakat yang terus"
        " bertambah;",
        "b. bahwa Undang-Undang Nomor 1 Tahun 2000 tentang Lama tidak sesuai lagi sehingga perlu"
        " diganti;",
    ]
    # A line broken by the layout is joined; the lower-case conjunction "mengingat" inside an item does not end it; the Mengingat
    # label does, so the regulations listed as legal bases are not part of it.
    assert "Pelayanan Publik" not in text


def test_a_scan_with_shuffled_labels():
    # The OCR of a scanned PP puts all three labels before the title, then the items.
    preamble = (
        "Mcnimbang : Mcnimbang : Mcngingat : PERATURAN PEMERINTAH NOMOR 12 TAHUN 2017 "
        "bahwa untuk melaksanakan ketentuan Pasal 383 perlu mcnetapkan peraturan Pcmerintah;\n"
        "l. Pasal 5 ayat (2) Undang-Undang Dasar;\n2. Undang-Undang Nomor 23 Tahun 2014;\n"
        "MEMUTUSKAN:"
    )
    assert considerations(preamble) == (
        "bahwa untuk melaksanakan ketentuan Pasal 383 perlu mcnetapkan peraturan Pcmerintah;"
    )


def test_no_menimbang_no_considerations():
    assert considerations("---\njenis: PP\n---\n# Ringkasan bahwa ini parafrase tim") == ""
    assert considerations("Menimbang: (tidak terbaca)\nMengingat: UUD 1945") == ""


def test_a_chunk_after_the_pasal_with_its_own_citation():
    meta = DocumentMeta(doc_id="x", title="t", doc_type="regulasi", jenis="UU", nomor="7",
                        tahun=2020)  # fmt: skip
    chunks = regulation_chunks(meta, parse_regulation(UU))
    assert [c.citation for c in chunks][-1] == "Konsiderans UU 7/2020"
    unit = chunks[-1]
    assert unit.kind == "konsiderans" and unit.pasal is None
    assert unit.text.startswith("Menimbang:\na. bahwa pelayanan")
    # The first chunk of the regulation is still its first pasal.
    assert chunks[0].citation == "UU 7/2020 Pasal 1"


def test_official_texts(corpus_uji):
    pp38 = parse_regulation((corpus_uji / "pp-38-2017-inovasi-daerah.md").read_text())
    assert "melaksanakan ketentuan Pasal 390" in considerations(pp38.preamble)
    uu9 = parse_regulation((corpus_uji / "uu-9-2015-perubahan-kedua-uu23-2014.md").read_text())
    text = considerations(uu9.preamble)
    assert [line[:2] for line in text.splitlines()] == ["a.", "b.", "c.", "d."]
    assert "Penetapan Peraturan Pemerintah Pengganti" not in text  # from its Mengingat


def test_the_indexes_see_what_the_unit_is():
    meta = DocumentMeta(doc_id="x", title="t", doc_type="regulasi", jenis="UU", nomor="7",
                        tahun=2020)  # fmt: skip
    unit = regulation_chunks(meta, parse_regulation(UU))[-1]
    # "Apa pertimbangan ..." / "mengapa ... dibentuk" share words with the unit's own name.
    assert "Pertimbangan" in unit.search_text(meta).splitlines()[2]
    assert "Pertimbangan" not in unit.text
