"""The shipped knowledge base: every document parses with citations, and FAQ references exist."""

from __future__ import annotations

import re

import frontmatter
import pytest

from asisten.kb import load_paths
from tests.conftest import CORPUS

LIMIT = 25 * 2**20


@pytest.fixture(scope="module")
def report():
    return load_paths([CORPUS], LIMIT)


def test_every_document_loads_with_citations(report):
    assert report.errors == []
    files = [p for p in CORPUS.rglob("*") if p.suffix in (".md", ".yaml") and p.name != "README.md"]
    assert len(report.documents) == len(files)
    for document in report.documents:
        assert document.chunks, document.meta.source_path
        assert all(c.citation and c.text for c in document.chunks)


def test_regulations_have_front_matter_and_pasal_citations(report):
    required = {"tipe", "jenis", "nomor", "tahun", "judul", "status", "sumber", "sifat_teks"}
    for path in (CORPUS / "regulasi").glob("*.md"):
        meta = frontmatter.load(path).metadata
        assert required <= set(meta), f"{path.name} lacks {required - set(meta)}"
        assert meta["status"] in {"berlaku", "diubah", "dicabut"}
        assert str(meta["sumber"]).startswith("https://")


def test_pp38_covers_every_pasal(report):
    pp38 = next(d for d in report.documents if d.meta.short_name == "PP 38/2017")
    pasal = {c.pasal for c in pp38.chunks if c.kind != "penjelasan"}
    assert pasal == {str(n) for n in range(1, 37)}
    assert any(c.kind == "penjelasan" for c in pp38.chunks)


def test_uu23_bab_xxi_complete(report):
    uu23 = next(d for d in report.documents if d.meta.short_name == "UU 23/2014")
    citations = {c.citation for c in uu23.chunks}
    assert {"UU 23/2014 Pasal 387", "UU 23/2014 Pasal 389", "UU 23/2014 Pasal 390"} <= citations
    assert {f"UU 23/2014 Pasal 388 ayat ({n})" for n in range(1, 13)} <= citations


def test_sizes(report):
    by_type: dict[str, list] = {}
    for document in report.documents:
        by_type.setdefault(document.meta.doc_type, []).append(document)
    faq_pairs = sum(len(d.chunks) for d in by_type["faq"])
    assert faq_pairs >= 50
    assert len(by_type["praktik-baik"]) >= 15
    assert len(by_type["panduan"]) >= 10


def test_every_faq_reference_points_at_an_indexed_provision(report):
    citations = {c.citation for d in report.documents for c in d.chunks if c.kind != "faq"}
    missing = []
    for document in report.documents:
        for chunk in document.chunks:
            for reference in chunk.extra.get("references", []):
                if not any(c == reference or c.startswith(reference + " ") for c in citations):
                    missing.append(f"{chunk.chunk_id}: {reference}")
    assert missing == []


def test_praktik_baik_cases_have_the_required_sections():
    for path in (CORPUS / "praktik-baik").glob("*.md"):
        post = frontmatter.load(path)
        assert {"daerah", "tahun", "bentuk", "jenis", "sumber"} <= set(post.metadata), path.name
        headings = set(re.findall(r"^## (\w+)", post.content, re.M))
        assert {"Masalah", "Solusi", "Hasil", "Replikasi"} <= headings, path.name
