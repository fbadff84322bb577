"""A question asking what the Penjelasan says ("menurut penjelasannya ...") gets the Penjelasan of
every provision the answer quotes, not only of the best one."""

from __future__ import annotations

import pytest

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.decision import ANSWER, Decision
from asisten.jawab.pipeline import Pipeline
from tests.conftest import indexed, regulation_text

REGULATION = regulation_text(
    """## Pasal 1

Izin usaha perikanan diterbitkan oleh bupati setelah pemohon melampirkan dokumen kapal.

## Pasal 2

Pemohon izin usaha perikanan melampirkan dokumen kapal dan surat keterangan usaha.

## PENJELASAN

### Pasal 1
Cukup jelas.

### Pasal 2
Yang dimaksud dengan dokumen kapal adalah surat ukur, gross akta, dan sertifikat kelaikan.
""",
    nomor="9",
    tahun=2021,
    judul="Pelayanan Perizinan Perikanan",
)


def _answer(tmp_path, question: str):
    version = indexed(tmp_path, {"pp.md": REGULATION})
    pipeline = Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=3)
    query = pipeline.analyser.analyse(question)
    found = {hit.chunk.citation: hit for hit in pipeline.retriever.search(query, k=10)}
    hits = [found["PP 9/2021 Pasal 1"], found["PP 9/2021 Pasal 2"]]
    return pipeline.answerer.compose(query, hits, Decision(ANSWER, "uji", True))


@pytest.mark.parametrize(
    ("asked", "explained"),
    [
        # Asked what the Penjelasan says: that of Pasal 2, which is not the best passage, too.
        ("dan menurut penjelasannya apa itu dokumen kapal", True),
        # Otherwise only the best provision's Penjelasan comes along.
        ("dan apa itu dokumen kapal", False),
    ],
)
def test_every_quoted_provision_brings_its_penjelasan_when_asked(tmp_path, asked, explained):
    answer = _answer(
        tmp_path, f"Siapa yang menerbitkan izin usaha perikanan, {asked} yang dilampirkan "
        "pemohon izin usaha perikanan?",
    )  # fmt: skip
    citations = [s.citation for s in answer.sources]
    assert "PP 9/2021 Pasal 2" in citations
    assert ("Penjelasan PP 9/2021 Pasal 2" in citations) is explained
    assert ("surat ukur, gross akta" in answer.text) is explained
