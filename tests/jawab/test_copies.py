"""A regulation held twice (the team's text and the official one an admin added): each of its
provisions takes one place among the passages found, so the other places go to passages that
answer what else the question asks. An FAQ pair citing a provision is no copy of it."""

from __future__ import annotations

import pytest

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.analysis import Analyser
from asisten.jawab.pipeline import Pipeline
from asisten.jawab.retrieval import Retriever, same_provision
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import indexed, regulation_text

FRONT = regulation_text(
    "", nomor="7", tahun=2025, judul="Layanan Air Bersih Desa", in_force=True, heading=True
)
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


def test_a_provision_is_explained_by_its_own_text_first(tmp_path):
    # Both texts explain Pasal 1 ayat (2), each in its words; only the official explains
    # Pasal 2. A passage takes its own text's Penjelasan, else the other text's.
    team = TEAM_TEXT + "\n## PENJELASAN\n\n### Pasal 1\nAyat (2): diumumkan berarti ditempel.\n"
    official = (
        OFFICIAL_TEXT
        + "\n## PENJELASAN\n\n### Pasal 1\nAyat (2): diumumkan adalah dipasang terbuka.\n"
        + "\n### Pasal 2\nKios air komunal adalah kios milik bersama warga.\n"
    )
    version = indexed(tmp_path, {"a-tim.md": team, "b-resmi.md": official})
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    retriever = Retriever(version, HashingEmbedder(64), vocabulary)
    team_id = next(d for d, m in version.documents.items() if m.source_path.endswith("a-tim.md"))
    ayat_2, pasal_2 = (
        next(c for c in version.chunks if c.doc_id == team_id and c.citation == citation)
        for citation in ("PP 7/2025 Pasal 1 ayat (2)", "PP 7/2025 Pasal 2")
    )
    own = retriever.explanation_for(ayat_2)
    assert own is not None and own.doc_id == team_id and "ditempel" in own.text
    other = retriever.explanation_for(pasal_2)
    assert other is not None and other.doc_id != team_id and "milik bersama" in other.text


def test_a_clause_found_in_the_other_text_of_the_quoted_pasal_is_not_quoted_again(tmp_path):
    # The question names Pasal 2 and is answered by the official text of it; its second clause
    # is closest to the team's text of the same pasal, which says the same in other words.
    team = (
        FRONT
        + "### Pasal 2\nKios air dikelola badan usaha milik desa; tarifnya ditetapkan musyawarah desa.\n"
    )
    official = (
        FRONT
        + "### Pasal 2\nKios air komunal dikelola oleh BUMDes dengan tarif melalui musyawarah.\n"
    )
    version = indexed(tmp_path, {"a-tim.md": team, "b-resmi.md": official})
    pipeline = Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=5)
    answer = pipeline.answer(
        "Apa bunyi PP 7/2025 Pasal 2 soal kios air komunal yang dikelola BUMDes dengan tarif "
        "melalui musyawarah? Lalu tarifnya ditetapkan musyawarah desa?"
    )
    assert answer.kind == "lookup"
    # One text of the pasal, said once.
    assert [s.citation for s in answer.sources] == ["PP 7/2025 Pasal 2"]
    assert "Untuk pertanyaan Anda yang lain" not in answer.text
