"""Proposal export: Markdown and Word from `usulan/ekspor.md.j2`, with user values kept literal."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO

import docx
import pytest
from docx.shared import Cm

from asisten.config import PROJECT_ROOT
from asisten.usulan.docx_render import parse_blocks
from asisten.usulan.export import (
    ExportDraft,
    ExportSection,
    render_docx,
    render_markdown,
)
from asisten.usulan.readiness import Finding
from asisten.usulan.template import Step

PROMPTS = PROJECT_ROOT / "prompts"

RANCANG_BANGUN = [
    "Inovasi Sistem Antrean Puskesmas Terpadu dirancang untuk memangkas waktu tunggu pasien di "
    "seluruh puskesmas kabupaten. Selama ini pasien datang sejak subuh untuk mengambil nomor "
    "antrean kertas, lalu menunggu berjam-jam tanpa kepastian kapan akan dilayani. Keadaan ini "
    "menimbulkan penumpukan di ruang tunggu, keluhan warga, dan beban kerja petugas pendaftaran "
    "yang tinggi pada jam sibuk pagi hari.",
    "Rancangan inovasi terdiri atas tiga komponen utama. Pertama, pendaftaran daring melalui "
    "aplikasi ponsel dan pesan singkat sehingga warga tanpa ponsel pintar tetap dapat mendaftar. "
    "Kedua, papan antrean digital di setiap puskesmas yang menampilkan nomor yang sedang dilayani "
    "dan perkiraan waktu tunggu. Ketiga, dasbor dinas kesehatan yang memantau beban layanan "
    "setiap puskesmas secara harian agar penempatan tenaga kesehatan dapat disesuaikan dengan "
    "kebutuhan nyata di lapangan.",
    "Tahapan pelaksanaan dimulai dengan uji coba di tiga puskesmas percontohan selama tiga bulan, "
    "disertai pelatihan petugas dan sosialisasi kepada kader posyandu serta perangkat desa. Hasil "
    "uji coba dievaluasi bersama Bappeda menggunakan indikator waktu tunggu rata-rata, jumlah "
    "pendaftaran daring, dan tingkat kepuasan pasien. Setelah evaluasi, sistem diperluas secara "
    "bertahap ke seluruh puskesmas dengan memperhatikan kesiapan jaringan internet setempat.\n"
    "Catatan: puskesmas tanpa jaringan stabil memakai mode luring yang menyinkronkan data setiap "
    "malam.",
    "Keberlanjutan inovasi dijamin melalui peraturan bupati tentang standar layanan antrean, "
    "alokasi anggaran pemeliharaan dalam dokumen pelaksanaan anggaran dinas kesehatan, serta "
    "kerja sama dengan perguruan tinggi setempat untuk pengembangan aplikasi. Data layanan yang "
    "terkumpul juga dimanfaatkan untuk perencanaan kesehatan daerah, sehingga manfaat inovasi "
    "tidak berhenti pada kenyamanan pasien tetapi juga memperbaiki mutu pengambilan keputusan.",
    "Risiko utama yang telah diidentifikasi adalah rendahnya literasi digital sebagian warga "
    "lanjut usia, gangguan jaringan di wilayah perbukitan, dan perubahan kebiasaan petugas yang "
    "terbiasa dengan pencatatan manual. Untuk menjawab risiko tersebut, puskesmas tetap membuka "
    "loket pendaftaran langsung dengan nomor antrean yang terhubung ke sistem yang sama, kader "
    "kesehatan mendampingi warga yang membutuhkan bantuan, dan dinas kesehatan menyediakan "
    "layanan bantuan teknis yang dapat dihubungi setiap hari kerja. Seluruh data pribadi pasien "
    "disimpan di server pemerintah daerah dan hanya dapat diakses oleh petugas yang berwenang.",
]
HOSTILE = ["# bukan judul", "| pipa |", "- bukan daftar", "**", "<script>alert(1)</script>"]
STEPS = {
    "nama": Step("nama", "Nama inovasi", "?", "", "PP 38/2017 Pasal 5"),
    "mulai": Step("mulai", "Waktu uji coba", "?", "", "PP 38/2017 Pasal 9", kind="date"),
    "biaya": Step("biaya", "Anggaran", "?", "", "PP 38/2017 Pasal 14", kind="number"),
    "rancang": Step("rancang", "Rancang bangun", "?", "", "PP 38/2017 Pasal 7", kind="long_text"),
    "bentuk": Step(
        "bentuk",
        "Bentuk inovasi",
        "?",
        "",
        "PP 38/2017 Pasal 3",
        kind="choice",
        choices=("Inovasi pelayanan publik", "Inovasi tata kelola"),
    ),
    "catatan": Step("catatan", "Catatan tambahan", "?", "", "", required=False),
}
ANSWERS = {
    "nama": "Sistem Antrean Puskesmas Terpadu",
    "mulai": "2025-03-01",
    "biaya": "150000000",
    "rancang": "\n\n".join(RANCANG_BANGUN),
    "bentuk": "Inovasi pelayanan publik",
    "catatan": None,
}
SHOWN = ["Sistem Antrean Puskesmas Terpadu", "1 Maret 2025", "Rp 150.000.000"]
SHOWN += ["Inovasi pelayanan publik"]
FINDINGS = [
    Finding(
        "anggaran",
        "Anggaran",
        "lemah",
        "Rincian biaya per kegiatan belum ada.",
        "PP 38/2017 Pasal 14",
    ),
    Finding(
        "hasil", "Indikator", "kurang", "Indikator keberhasilan belum diisi.", "PP 38/2017 Pasal 7"
    ),
]


def _draft(answers: dict[str, str | None] | None = None, **fields: object) -> ExportDraft:
    answers = {**ANSWERS, **(answers or {})}
    draft = ExportDraft(
        draft_id="USL-0042",
        template_title="Proposal Inovasi Daerah",
        name="Antrean Puskesmas Terpadu",
        status="draf",
        owner="Rina Wulandari",
        coauthors=["Dedi Kurniawan", "Siti Aminah"],
        updated_at=datetime(2025, 3, 4, 9, 15, tzinfo=UTC),
        sections=[ExportSection(step, answers[key]) for key, step in STEPS.items()],
        findings=list(FINDINGS),
    )
    return replace(draft, **fields)


def _docx(draft: ExportDraft) -> docx.document.Document:
    return docx.Document(BytesIO(render_docx(draft, PROMPTS)))


def _all_text(document: docx.document.Document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _section_paragraphs(document: docx.document.Document, title: str) -> list[str]:
    """Non-empty paragraphs between the heading `title` and the next heading."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == title)
    body = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style.name.startswith("Heading"):
            break
        if paragraph.text:
            body.append(paragraph.text)
    return body


def _markdown_section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0].strip()


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_shows_answers_in_display_form_and_placeholder_for_unanswered():
    markdown = render_markdown(_draft(), PROMPTS)
    for shown in SHOWN + RANCANG_BANGUN[:2] + RANCANG_BANGUN[3:]:
        assert shown in markdown
    assert "2025-03-01" not in markdown and "150000000" not in markdown
    assert _markdown_section(markdown, "Catatan tambahan") == "_(belum diisi)_"
    assert _markdown_section(markdown, "Waktu uji coba") == "1 Maret 2025"


def test_empty_string_answer_is_also_a_placeholder():
    markdown = render_markdown(_draft({"biaya": "", "mulai": None}), PROMPTS)
    assert _markdown_section(markdown, "Anggaran") == "_(belum diisi)_"
    assert _markdown_section(markdown, "Waktu uji coba") == "_(belum diisi)_"


def test_markdown_has_title_metadata_and_sections_in_template_order():
    markdown = render_markdown(_draft(), PROMPTS)
    assert markdown.startswith("# Antrean Puskesmas Terpadu\n")
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert headings == [step.title for step in STEPS.values()] + ["Catatan kesiapan"]
    for row in [
        "| ID usulan | USL-0042 |",
        "| Status | draf |",
        "| Pengusul (pemilik) | Rina Wulandari |",
        "| Penulis pendamping | Dedi Kurniawan, Siti Aminah |",
        "| Diperbarui | 4 Maret 2025 pukul 09.15 UTC |",
    ]:
        assert row in markdown


def test_findings_appendix_lists_each_finding_with_its_rule():
    appendix = _markdown_section(render_markdown(_draft(), PROMPTS), "Catatan kesiapan")
    items = [line for line in appendix.splitlines() if line.startswith("- ")]
    assert len(items) == 2
    assert "**Anggaran** (lemah)" in items[0] and "PP 38/2017 Pasal 14" in items[0]
    assert "**Indikator** (kurang)" in items[1] and "PP 38/2017 Pasal 7" in items[1]


def test_no_findings_means_no_appendix_and_no_coauthors_shows_a_dash():
    markdown = render_markdown(_draft(findings=[], coauthors=[]), PROMPTS)
    assert "Catatan kesiapan" not in markdown
    assert "| Penulis pendamping | - |" in markdown


def test_markdown_ends_with_the_pp_38_2017_check_note():
    last = render_markdown(_draft(), PROMPTS).strip().splitlines()[-1]
    assert "asisten" in last and "PP 38/2017" in last


def test_long_answer_keeps_paragraphs_and_line_breaks_in_markdown():
    section = _markdown_section(render_markdown(_draft(), PROMPTS), "Rancang bangun")
    assert len(" ".join(RANCANG_BANGUN).split()) > 300
    paragraphs = section.split("\n\n")
    assert len(paragraphs) == len(RANCANG_BANGUN)
    assert paragraphs[2] == RANCANG_BANGUN[2].replace("\n", "\\\n")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_value_stays_a_paragraph_in_markdown(value):
    markdown = render_markdown(_draft({"catatan": value, "nama": value}), PROMPTS)
    kinds = [block.kind for block in parse_blocks(markdown)]
    assert kinds.count("table") == 1
    assert kinds.count("heading") == 1 + len(STEPS) + 1
    assert kinds.count("bullet") == len(FINDINGS)
    assert kinds.count("quote") == 1
    lines = markdown.splitlines()
    assert not any(line.startswith(("# bukan", "- bukan", "| pipa", "<script")) for line in lines)
    assert _markdown_section(markdown, "Catatan tambahan").startswith("\\")


# --- Word -----------------------------------------------------------------------------------


def test_docx_contains_every_answered_value_and_the_placeholder():
    document = _docx(_draft())
    text = _all_text(document)
    for shown in SHOWN + ["Rina Wulandari", "USL-0042", "Dedi Kurniawan, Siti Aminah"]:
        assert shown in text
    assert _section_paragraphs(document, "Catatan tambahan") == ["(belum diisi)"]
    assert _section_paragraphs(document, "Anggaran") == ["Rp 150.000.000"]


def test_docx_uses_title_and_heading_styles():
    document = _docx(_draft())
    styles = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert styles["Antrean Puskesmas Terpadu"] == "Title"
    for step in STEPS.values():
        assert styles[step.title] == "Heading 2"
    assert styles["Catatan kesiapan"] == "Heading 2"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 2 and "PP 38/2017 Pasal 14" in bullets[0]
    assert document.paragraphs[-1].style.name == "Quote"


def test_docx_metadata_is_a_real_table_with_bold_header():
    document = _docx(_draft())
    [table] = document.tables
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Data usulan", "Keterangan"]
    assert ["ID usulan", "USL-0042"] in rows and ["Status", "draf"] in rows
    assert ["Diperbarui", "4 Maret 2025 pukul 09.15 UTC"] in rows
    header_runs = [run for cell in table.rows[0].cells for run in cell.paragraphs[0].runs]
    assert header_runs and all(run.bold for run in header_runs)


def test_docx_core_properties_page_and_footer():
    document = _docx(_draft())
    properties = document.core_properties
    assert properties.title == "Antrean Puskesmas Terpadu"
    assert properties.author == "Rina Wulandari"
    assert properties.subject == "Proposal Inovasi Daerah"
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.01)
    footer = section.footer.paragraphs[0]
    assert "USL-0042" in footer.text
    assert 'w:instr="PAGE"' in footer._p.xml


def test_docx_long_answer_keeps_its_paragraphs_and_line_breaks():
    document = _docx(_draft())
    assert _section_paragraphs(document, "Rancang bangun") == RANCANG_BANGUN


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_value_is_literal_in_docx(value):
    draft = _draft({"catatan": value, "rancang": f"Paragraf awal.\n\n{value}\n{value}"})
    document = _docx(replace(draft, owner=f"Rina {value}"))
    assert _section_paragraphs(document, "Catatan tambahan") == [value]
    assert _section_paragraphs(document, "Rancang bangun") == [
        "Paragraf awal.",
        f"{value}\n{value}",
    ]
    [table] = document.tables
    assert ["Pengusul (pemilik)", f"Rina {value}"] in [
        [c.text for c in r.cells] for r in table.rows
    ]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [step.title for step in STEPS.values()] + ["Catatan kesiapan"]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == len(FINDINGS)
    section_runs = [r for p in document.paragraphs if value in p.text for r in p.runs]
    assert section_runs and not any(run.bold or run.italic for run in section_runs)


def test_hostile_proposal_name_is_the_literal_title():
    document = _docx(_draft(name="# Antrean | **Puskesmas** <b>"))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["# Antrean | **Puskesmas** <b>"]
    assert document.core_properties.title == "# Antrean | **Puskesmas** <b>"
