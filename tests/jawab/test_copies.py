"""A regulation held twice (the team's text and the official one an admin added): each of its
provisions takes one place among the passages found, so the other places go to passages that
answer what else the question asks. An FAQ pair citing a provision is no copy of it."""

from __future__ import annotations

import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.analysis import Analyser
from asisten.jawab.retrieval import Retriever, same_provision
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import indexed

FRONT = """---
tipe: regulasi
jenis: PP
nomor: "7"
tahun: 2025
judul: Layanan Air Bersih Desa
status: berlaku
---

# Peraturan Pemerintah Nomor 7 Tahun 2025 tentang Layanan Air Bersih Desa

"""
# The team's text, cut by ayat.
TEAM_TEXT = (
    FRONT
    + """### Pasal 1
(1) Tarif sambungan air bersih desa ditetapkan kepala desa setiap tahun.
(2) Tarif sambungan air bersih desa diumumkan di balai desa.

### Pasal 2
Kios air komunal dikelola badan usaha milik desa.
"""
)
# The official text as OCR left it: Pasal 1's ayat markers were lost, so it is one passage.
OFFICIAL_TEXT = (
    FRONT
    + """### Pasal 1
Tarif sambungan air bersih desa ditetapkan kepala desa setiap tahun. Tarif sambungan air
bersih desa diumumkan di balai desa.

### Pasal 2
Kios air komunal dikelola badan usaha milik desa.
"""
)
FAQ = """tipe: faq
judul: FAQ Air Desa
pasangan:
  - id: air-01
    tanya: Siapa yang menetapkan tarif sambungan air bersih desa?
    jawab: >-
      Kepala desa menetapkan tarif sambungan air bersih desa setiap tahun (PP 7/2025
      Pasal 1 ayat (1)).
    rujukan:
      - PP 7/2025 Pasal 1 ayat (1)
"""
QUESTION = "Siapa yang menetapkan tarif sambungan air bersih desa dan diumumkan di mana?"


@pytest.fixture
def version(tmp_path):
    return indexed(tmp_path, {"tim.md": TEAM_TEXT, "resmi.md": OFFICIAL_TEXT, "faq.yaml": FAQ})


@pytest.fixture
def search(version):
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser = Analyser(vocabulary, version.documents)
    retriever = Retriever(version, HashingEmbedder(64), vocabulary)
    return lambda question, k: retriever.search(analyser.analyse(question), k=k)


def test_each_provision_takes_one_place(search):
    everything = search(QUESTION, k=20)
    regulation = [h for h in everything if h.meta.doc_type == "regulasi"]
    # Both copies hold Pasal 1 and Pasal 2: the passages of one copy (its ayat or its whole
    # pasal), none of the other's that repeats them.
    for i, hit in enumerate(regulation):
        assert not any(
            same_provision(other.chunk, other.meta, hit.chunk, hit.meta) for other in regulation[:i]
        )
    assert {h.chunk.pasal for h in regulation} == {"1", "2"}
    # The FAQ pair citing Pasal 1 ayat (1) keeps its place: it answers in other words.
    assert any(h.chunk.kind == "faq" for h in everything)


def test_a_place_a_copy_would_take_goes_to_the_next_passage(search):
    found = search(QUESTION, k=3)
    assert len(found) == 3
    assert not any(
        same_provision(a.chunk, a.meta, b.chunk, b.meta)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
    )


def test_what_is_the_same_provision(version):
    def passage(kind: str, citation: str, index: int = 0):
        found = [c for c in version.chunks if c.kind == kind and c.citation == citation]
        return found[index], version.documents[found[index].doc_id]

    team_ayat = passage("ayat", "PP 7/2025 Pasal 1 ayat (1)")
    official_pasal_1 = passage("pasal", "PP 7/2025 Pasal 1")
    team_pasal_2, official_pasal_2 = (passage("pasal", "PP 7/2025 Pasal 2", i) for i in (0, 1))
    faq = passage("faq", "PP 7/2025 Pasal 1 ayat (1)")
    # The whole pasal of one copy holds each ayat of the other's.
    assert same_provision(*team_ayat, *official_pasal_1)
    assert same_provision(*official_pasal_1, *team_ayat)
    assert same_provision(*team_pasal_2, *official_pasal_2)
    assert not same_provision(*team_ayat, *official_pasal_2)
    assert not same_provision(*team_ayat, *team_ayat)  # never a copy of itself
    assert not same_provision(*faq, *team_ayat)
