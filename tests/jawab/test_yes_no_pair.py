"""An FAQ pair answering a yes-or-no question opens its answer with the verdict ("Boleh. …").
Leading the answer to a question asking something else, that verdict answers nothing asked:
the answer names the question the pair answers, so the reader sees what "Boleh" is about."""

from __future__ import annotations

import pytest

from asisten.config import PROJECT_ROOT
from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab.pipeline import Pipeline
from tests.conftest import indexed, regulation_text

REGULATION = regulation_text(
    """### Pasal 16
(1) Uji coba dilaksanakan pada perangkat daerah yang ditugaskan sebagai laboratorium uji coba.
(2) Selama masa uji coba, laboratorium uji coba dapat menerapkan tata laksana yang berbeda.

### Pasal 20
Inovasi yang berhasil diuji coba diterapkan dengan peraturan kepala daerah.
""",
    nomor="38", tahun=2017, judul="Inovasi Daerah", in_force=True, heading=True,
)  # fmt: skip
PAIR_ASKS = "Selama uji coba, bolehkah laboratorium uji coba menerapkan tata laksana berbeda?"
FAQ = f"""tipe: faq
judul: FAQ Uji Coba
pasangan:
  - id: uji-01
    tanya: {PAIR_ASKS}
    jawab: >-
      Boleh. Selama masa uji coba, laboratorium uji coba dapat menerapkan tata laksana yang
      berbeda (PP 38/2017 Pasal 16 ayat (2)).
    rujukan:
      - PP 38/2017 Pasal 16 ayat (2)
"""


@pytest.fixture
def pipeline(tmp_path):
    version = indexed(tmp_path, {"pp.md": REGULATION, "faq.yaml": FAQ})
    return Pipeline(version, HashingEmbedder(64), PROJECT_ROOT / "prompts", top_k=3)


def _answered_by_the_pair(pipeline, question):
    answer = pipeline.answer(question)
    assert answer.found and answer.kind == "faq"
    return answer.text


def test_a_question_asking_something_else_is_told_what_the_verdict_answers(pipeline):
    text = _answered_by_the_pair(
        pipeline, "Tata laksana apa yang diterapkan laboratorium uji coba selama masa uji coba?"
    )
    assert text.startswith(f'FAQ terdekat, "{PAIR_ASKS}": Boleh.')
    # The provision the pair rests on is quoted as before.
    assert "PP 38/2017 Pasal 16 ayat (2)" in text


def test_a_question_asking_yes_or_no_gets_the_verdict_first(pipeline):
    text = _answered_by_the_pair(
        pipeline, "Bolehkah laboratorium uji coba menerapkan tata laksana berbeda selama uji coba?"
    )
    assert text.startswith("Boleh.")
    # Chat spelling asks yes or no as well: "boleh gk …?".
    chat = _answered_by_the_pair(
        pipeline, "lab uji coba boleh gk nerapin tata laksana berbeda selama uji coba?"
    )
    assert chat.startswith("Boleh.")
