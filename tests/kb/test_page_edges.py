"""Running headers, footers and catchwords at page edges are dropped; the body is kept."""

from __future__ import annotations

from asisten.kb import load_document
from asisten.kb.page_edges import strip_page_edges
from tests.kb.gazette import gazette_page, text_pdf

LIMIT = 25 * 2**20
ESIGN = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik",
    "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN",
)


BODIES = [
    ["Barang Daerah dicatat dalam buku inventaris."],
    ["Pengadaan barang dilaksanakan oleh Panitia Pengadaan", "yang dibentuk Gubernur."],
    ["Penghapusan barang ditetapkan dengan Keputusan Gubernur."],
    ["Pemeliharaan barang dibiayai dari APBD", "sesuai dengan kebutuhan", "Unit Kerja."],
]


def _uu_pages() -> list[list[str]]:
    return [
        [
            "PRESIDEN",
            "REPUBLIK INDONESIA",
            "UNDANG-UNDANG REPUBLIK INDONESIA",
            "NOMOR 30 TAHUN 2014",
            "TENTANG",
            "ADMINISTRASI PEMERINTAHAN",
            "BAB I",
            "KETENTUAN UMUM",
            "Pasal 1",
            "Dalam Undang-Undang ini yang dimaksud dengan:",
            "1. Administrasi Pemerintahan adalah tata laksana pengambilan keputusan.",
            "2. Warga Masyarakat adalah seseorang atau badan hukum perdata yang",
            "terkait dengan Keputusan dan/atau Tindakan.",
            "3. Atasan Pejabat adalah atasan pejabat langsung yang mempunyai",
            "kedudukan dalam . . .",
        ],
        gazette_page(2, [
            "kedudukan dalam organisasi atau strata pemerintahan yang lebih tinggi.",
            "4. Wewenang adalah hak yang dimiliki oleh Badan dan/atau Pejabat.",
            "Pasal 2 . . .",
        ]),
        gazette_page(3, [
            "Pasal 2",
            "Undang-Undang ini berlaku bagi semua Badan dan/atau Pejabat Pemerintahan.",
            "Pasal 3",
            "Undang-Undang ini mulai berlaku pada tanggal diundangkan.",
            "Agar setiap orang mengetahuinya, memerintahkan pengundangan Undang-Undang ini.",
            "Disahkan di Jakarta pada tanggal 17 Oktober 2014",
            "PRESIDEN REPUBLIK INDONESIA,",
            "ttd.",
            "DR. H. SUSILO BAMBANG YUDHOYONO",
        ]),
    ]  # fmt: skip


def test_catchwords_are_dropped_and_words_not_doubled(tmp_path):
    document = load_document(text_pdf(tmp_path / "uu-30-2014.pdf", _uu_pages()), LIMIT)
    texts = "\n".join(c.text for c in document.chunks)
    assert ". . ." not in texts
    assert texts.count("kedudukan dalam") == 1
    chunk = next(c for c in document.chunks if c.citation == "UU 30/2014 Pasal 1 angka 3")
    assert "mempunyai\nkedudukan dalam organisasi" in chunk.text
    assert [c.pasal for c in document.chunks if c.kind == "pasal"] == ["2", "3"]


def test_running_header_goes_but_the_signature_block_keeps_it(tmp_path):
    document = load_document(text_pdf(tmp_path / "uu-30-2014.pdf", _uu_pages()), LIMIT)
    # The signature block is in the law's closing (Penutup), a unit of its own.
    closing = next(c for c in document.chunks if c.citation == "Penutup UU 30/2014")
    assert "PRESIDEN REPUBLIK INDONESIA, ttd." in " ".join(closing.text.split())
    others = [c.text for c in document.chunks if c is not closing]
    assert not any("PRESIDEN" in text or "REPUBLIK INDONESIA\n" in text for text in others)
    assert not any("- 2 -" in text or "- 3 -" in text for text in others)


def _perda_pages(count: int) -> list[list[str]]:
    title = ["PERATURAN DAERAH PROVINSI JAWA BARAT", "NOMOR 4 TAHUN 2001", "TENTANG",
             "PENGELOLAAN BARANG DAERAH"]  # fmt: skip
    pages = []
    for number in range(1, count + 1):
        body = [f"Pasal {number}", *BODIES[number - 1]]
        head = title if number == 1 else [f"- {number} -"]
        pages.append([*head, *body, *ESIGN])
    return pages


def test_repeated_footer_is_dropped_from_every_page(tmp_path):
    pdf = text_pdf(tmp_path / "perda-jabar-4-2001.pdf", _perda_pages(4))
    document = load_document(pdf, LIMIT)
    assert [c.pasal for c in document.chunks] == ["1", "2", "3", "4"]
    for chunk in document.chunks:
        assert "elektronik" not in chunk.text.lower()
        assert chunk.text.endswith(BODIES[int(chunk.pasal) - 1][-1])


def test_known_footer_is_dropped_from_a_short_document(tmp_path):
    pdf = text_pdf(tmp_path / "perda-jabar-4-2001.pdf", _perda_pages(1))
    (chunk,) = load_document(pdf, LIMIT).chunks
    assert "elektronik" not in chunk.text.lower()


def test_a_line_repeated_at_some_page_ends_is_kept():
    endings = ["Cukup jelas.", "Huruf b", "Cukup jelas.", "Ayat (2)", "Cukup jelas.", "Selesai."]
    pages = [f"- {n} -\nPasal {n}\nPenjelasan pasal {n}.\n{end}" for n, end in enumerate(endings)]
    stripped = strip_page_edges(pages)
    assert [page.splitlines()[-1] for page in stripped] == endings
    assert stripped[0].startswith("- 0 -"), "the first page's top is its own heading"
    assert all(page.startswith("Pasal") for page in stripped[1:])


def test_a_dotted_line_that_does_not_start_the_next_page_stays():
    pages = ["Pasal 1\nRincian diatur lebih lanjut . . .", "Pasal 2\nIsi pasal."]
    assert strip_page_edges(pages)[0].endswith("lebih lanjut . . .")


def test_a_page_number_that_ocr_read_with_one_dash_is_dropped():
    # OCR of "- 15 -" on a scan often loses one dash: "-15", "15-", "- 15".
    tops = ["-2", "3-", "- 4", "5 -"]
    pages = ["Pasal 1\nIsi pasal satu."] + [
        f"{top}\nPasal {n}\nIsi pasal {n}." for n, top in enumerate(tops, start=2)
    ]
    stripped = strip_page_edges(pages)
    assert all(page.startswith("Pasal") for page in stripped)


def test_a_dashed_line_that_is_not_a_page_number_stays():
    pages = ["Pasal 1\nRincian biaya", "- 5 unit komputer\nPasal 2\nIsi pasal."]
    assert strip_page_edges(pages)[1].startswith("- 5 unit komputer")
