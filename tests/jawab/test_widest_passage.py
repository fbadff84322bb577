"""The passage sharing the most of a question's words is quoted with the best passage's room,
wherever it ranks: it is the one likeliest to answer all of a question asking several things,
and cutting it after a further passage's room loses what it was chosen for."""

from __future__ import annotations

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.calibration import shared
from asisten.jawab.decision import ANSWER, Decision
from asisten.jawab.pipeline import Pipeline
from tests.conftest import indexed, regulation_text

FILLER = " ".join(
    f"Kalimat pengisi nomor {i} menguraikan hal lain yang tidak ditanyakan sama sekali."
    for i in range(1, 9)
)
LATE = "Pelanggaran atas hal itu dikenai teguran tertulis oleh camat."
REGULATION = regulation_text(
    f"""### Pasal 1
Kepala desa membina operator.

### Pasal 2
Operator kios air wajib menjaga kebersihan kios air dan melapor kepada kepala desa. {FILLER}
{LATE} {FILLER}
""",
    nomor="7",
    tahun=2025,
    judul="Layanan Air Bersih Desa",
    in_force=True,
    heading=True,
)
QUESTION = "Apa kewajiban operator kios air, dan apa sanksinya?"


def test_the_passage_covering_most_is_quoted_with_the_best_room(tmp_path):
    version = indexed(tmp_path, {"pp.md": REGULATION})
    pipeline = Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=2)
    query = pipeline.analyser.analyse(QUESTION)
    found = {hit.chunk.pasal: hit for hit in pipeline.retriever.search(query, k=10)}
    widest, first = found["2"], found["1"]
    assert widest.coverage > first.coverage
    assert len(widest.chunk.text) > shared().best_excerpt_chars * shared().excerpt_slack
    # Ranked second, as a passage the model ranks first by meaning may be.
    answer = pipeline.answerer.compose(query, [first, widest], Decision(ANSWER, "uji", True))
    assert "PP 7/2025 Pasal 2" in [s.citation for s in answer.sources]
    assert LATE in answer.text
