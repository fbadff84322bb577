"""The passages that join the best one: chosen by the fitted companion model when there is one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.indeks.store import IndexStore
from asisten.jawab.calibration import shared
from asisten.jawab.companions import pick
from asisten.jawab.engine import Engine
from asisten.jawab.logistic import LogisticModel, load_model
from tests.conftest import build_with, make_settings

REGULATION = """---
tipe: regulasi
jenis: PP
nomor: "7"
tahun: 2021
judul: Penghargaan Pelayanan Kelautan
---
## Pasal 1

Penghargaan pelayanan kelautan diselenggarakan oleh menteri setiap tahun bagi pelabuhan
perikanan yang melayani nelayan dengan baik.

## Pasal 2

Penghargaan pelayanan kelautan diumumkan oleh menteri pada hari nusantara.

## Pasal 3

Penilaian dilaksanakan melalui tahap penjaringan, tahap verifikasi lapangan, dan tahap
presentasi di hadapan tim juri.
"""
QUESTION = "Penghargaan pelayanan kelautan oleh menteri dinilai melalui tahap apa saja?"


def test_pick_takes_the_likeliest_up_to_the_limit_in_their_order():
    assert pick([0.9, 0.2, 0.8, 0.7], [False] * 4, limit=3, threshold=0.5) == [0, 2]
    # None reaches the threshold: the best passage stands alone.
    assert pick([0.3, 0.2], [False, False], limit=3, threshold=0.5) == []


def test_a_sibling_may_go_past_the_limit():
    siblings = [False, False, True]
    chosen = pick([0.9, 0.8, 0.7], siblings, limit=2, threshold=0.5)
    assert chosen == [0, 2] and shared().extra_siblings == 1
    assert pick([0.9, 0.8, 0.7], [False] * 3, limit=2, threshold=0.5) == [0]


def test_a_further_ayat_of_a_pasal_already_shown_takes_no_place():
    # Candidates: ayat (1) of Pasal 5, Pasal 9, ayat (3) of Pasal 5, ayat (2) of the best
    # passage's Pasal 2, Pasal 11; the best passage's unit comes last.
    units = [("pp", "5"), None, ("pp", "5"), ("pp", "2"), None, ("pp", "2")]
    probabilities = [0.9, 0.8, 0.7, 0.65, 0.6]
    # Two places beside the best one: Pasal 5 and Pasal 9 take them; the second ayat of
    # Pasal 5 and the ayat of the best one's pasal join what is shown already.
    assert pick(probabilities, [False] * 5, 3, 0.5, None, units) == [0, 1, 2, 3]
    # Counted passage by passage (no units), the limit stops at two.
    assert pick(probabilities, [False] * 5, 3, 0.5) == [0, 1]


def test_shipped_companion_model_is_complete():
    model = load_model("pendamping", "multilingual-e5-small")
    assert model is not None and 0 < model.threshold < 1
    assert len(model.names) == len(model.coefficients) == len(model.means) == len(model.scales)
    assert load_model("pendamping", "hashing-384") is None


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("korpus")
    (corpus / "pp-7-2021.md").write_text(REGULATION, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("home"), top_k=2)
    embedder = HashingEmbedder(128)
    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    return Engine(settings, embedder_factory=lambda name: embedder)


def _only(name: str, weight: float) -> LogisticModel:
    return LogisticModel((name,), (0.0,), (1.0,), (weight,), intercept=0.0, threshold=0.5)


def test_the_model_brings_the_passage_holding_the_questions_other_words(engine):
    answerer = engine.pipeline.answerer
    try:
        # A model that wants what the best passage lacks: the pasal holding "tahap".
        answerer.companion_model = _only("novel", 50.0)
        wanted = engine.answer(QUESTION)
        # One that wants nothing: the best passage alone.
        answerer.companion_model = replace(_only("novel", 0.0), intercept=-50.0)
        alone = engine.answer(QUESTION)
    finally:
        answerer.companion_model = None
    assert wanted.found and alone.found
    assert "PP 7/2021 Pasal 3" in [s.citation for s in wanted.sources]
    assert "tahap penjaringan" in wanted.text
    assert len(alone.sources) == 1


def test_room_left_goes_to_the_other_sections_of_the_case_told():
    # The model wants only the first candidate; the case's other two sections fill the room
    # up to the limit plus one sibling, in the candidates' order.
    story = [False, True, True, True]
    chosen = pick([0.9, 0.1, 0.1, 0.1], [False, True, True, True], 3, 0.5, story)
    assert chosen == [0, 1, 2]
    assert pick([0.9, 0.1, 0.1, 0.1], [False, True, True, True], 3, 0.5) == [0]


SHORT_PASAL = """---
tipe: regulasi
jenis: PP
nomor: "8"
tahun: 2021
judul: Penghargaan Pelayanan Kehutanan
---
## Pasal 1

Penghargaan pelayanan kehutanan diselenggarakan oleh menteri setiap tahun.

## Pasal 2

(1) Penilaian dilaksanakan melalui tahap penjaringan dan tahap verifikasi lapangan.

(2) Hasilnya diumumkan pada hari bakti rimbawan.
"""


def _engine_over(tmp_path, name: str, text: str, top_k: int, **more: str) -> Engine:
    """An engine over one document (and `more`, file name → text) written to a fresh corpus,
    with the hashing embedder."""
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    for file, body in {name: text, **more}.items():
        (corpus / file).write_text(body, encoding="utf-8")
    settings = make_settings(tmp_path / "home", top_k=top_k)
    embedder = HashingEmbedder(128)
    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    return Engine(settings, embedder_factory=lambda name: embedder)


def test_a_companion_ayat_brings_the_rest_of_its_short_pasal(tmp_path):
    engine = _engine_over(tmp_path, "pp-8-2021.md", SHORT_PASAL, top_k=2)
    engine.pipeline.answerer.companion_model = _only("novel", 50.0)
    answer = engine.answer(
        "Penghargaan pelayanan kehutanan diselenggarakan menteri setiap tahun melalui tahap apa?"
    )
    citations = [s.citation for s in answer.sources]
    assert citations[0] == "PP 8/2021 Pasal 1"
    # Ayat (2) shares no word with the question, yet it is the rest of a pasal being quoted.
    assert citations[1:3] == ["PP 8/2021 Pasal 2 ayat (1)", "PP 8/2021 Pasal 2 ayat (2)"]
    assert "PP 8/2021 Pasal 2: (1)" in answer.text and "hari bakti rimbawan" in answer.text


def _pasal(number: int, words: str, ayat: int, repeat: int) -> str:
    body = "\n\n".join(f"({i}) {' '.join([words] * repeat)} ayat {i}." for i in range(1, ayat + 1))
    return f"## Pasal {number}\n\n{body}\n"


# Pasal 2 (2 ayat, about 1,300 characters) is too long to quote whole for one chosen ayat but
# is quoted whole when two are chosen; Pasal 3 (about 5,000) is never quoted whole.
UNITS = (
    '---\ntipe: regulasi\njenis: PP\nnomor: "10"\ntahun: 2021\njudul: Pelayanan Pelabuhan\n---\n'
    + "## Pasal 1\n\nPelayanan pelabuhan dan tarif kapal diatur oleh menteri.\n"
    + _pasal(2, "Tarif sandar kapal ditetapkan syahbandar setiap tahun.", 2, 12)
    + _pasal(3, "Dermaga dirawat pengelola pelabuhan bersama pemerintah daerah.", 2, 40)
)


def test_an_ayat_is_shown_within_its_pasal_when_the_pasal_can_be_quoted_whole(tmp_path):
    engine = _engine_over(tmp_path, "pp-10-2021.md", UNITS, top_k=3)
    pipeline = engine.pipeline
    query = pipeline.analyser.analyse("Siapa menetapkan tarif sandar kapal dan merawat dermaga?")
    hits = {h.chunk.citation: h for h in pipeline.retriever.search(query, 20)}
    medium = hits["PP 10/2021 Pasal 2 ayat (1)"]
    cited = ["Pasal 2 ayat (1)", "Pasal 2 ayat (2)", "Pasal 3 ayat (1)", "Pasal 3 ayat (2)",
             "Pasal 1"]  # fmt: skip
    within = pipeline.answerer.shown_within([hits[f"PP 10/2021 {c}"] for c in cited])
    assert within[:2] == [(medium.chunk.doc_id, "2")] * 2
    assert within[2:] == [None, None, None]  # Pasal 3 is too long to quote whole
    # An ayat whose pasal no other passage shares is shown on its own.
    assert pipeline.answerer.shown_within([medium]) == [None]


WITH_EXPLANATION = """---
tipe: regulasi
jenis: PP
nomor: "9"
tahun: 2021
judul: Pelayanan Perizinan Perikanan
---
## Pasal 1

Izin usaha perikanan diterbitkan oleh bupati.

## Pasal 2

(1) Pemohon wajib melampirkan dokumen kapal.

(2) Izin berlaku selama 3 (tiga) tahun.

## PENJELASAN

### Pasal 2
Ayat (1): Yang dimaksud dengan dokumen kapal adalah surat ukur, gross akta, dan sertifikat
kelaikan kapal nelayan.
"""


def test_a_penjelasan_found_brings_the_rule_it_explains(tmp_path):
    engine = _engine_over(tmp_path, "pp-9-2021.md", WITH_EXPLANATION, top_k=1)
    answer = engine.answer("Surat ukur, gross akta, dan sertifikat kelaikan kapal nelayan itu apa?")
    citations = [s.citation for s in answer.sources]
    assert "Penjelasan PP 9/2021 Pasal 2 ayat (1)" in citations
    # The rule it explains is quoted before it, and only that ayat.
    assert citations.index("PP 9/2021 Pasal 2 ayat (1)") < citations.index(
        "Penjelasan PP 9/2021 Pasal 2 ayat (1)"
    )
    assert "wajib melampirkan dokumen kapal" in answer.text
    assert "PP 9/2021 Pasal 2 ayat (2)" not in citations


OTHER_REGULATION = """---
tipe: regulasi
jenis: PP
nomor: "11"
tahun: 2021
judul: Penghargaan Pelayanan Pesisir
---
## Pasal 1

Penghargaan pelayanan kelautan pesisir dinilai melalui tahap penjaringan dan tahap wawancara.
"""


def test_a_question_naming_a_regulation_is_shown_only_that_regulation(tmp_path):
    engine = _engine_over(
        tmp_path, "pp-7-2021.md", REGULATION, top_k=3, **{"pp-11-2021.md": OTHER_REGULATION}
    )
    # A model that wants the passages covering most of the question's words: PP 11/2021 first.
    engine.pipeline.answerer.companion_model = _only("coverage", 50.0)
    unnamed = engine.answer("Penghargaan pelayanan kelautan dinilai melalui tahap apa saja?")
    named = engine.answer(
        "Menurut PP 7/2021, penghargaan pelayanan kelautan dinilai melalui tahap apa saja?"
    )
    assert "PP 11/2021 Pasal 1" in [s.citation for s in unnamed.sources]
    cited = [s.citation for s in named.sources]
    assert named.found and cited and all(c.startswith("PP 7/2021") for c in cited)
    assert "PP 7/2021 Pasal 3" in cited and "tahap wawancara" not in named.text
    # The hand rule, used when no model is fitted for the embedder, keeps to it as well.
    engine.pipeline.answerer.companion_model = None
    by_rule = engine.answer(
        "Menurut PP 7/2021, penghargaan pelayanan kelautan dinilai melalui tahap apa saja?"
    )
    assert by_rule.found and all(s.citation.startswith("PP 7/2021") for s in by_rule.sources)


FIVE_SHORT_AYAT = """---
tipe: regulasi
jenis: Perda
nomor: "4"
tahun: 2001
wilayah: Jawa Barat
judul: Pengelolaan Barang Daerah
---
## Pasal 36

(1) Pengamanan barang daerah dilakukan secara fisik, administratif, dan tindakan hukum.

(2) Pengamanan administratif dilakukan dengan melengkapi bukti kepemilikan.

(3) Pengamanan fisik dilakukan dengan pemagaran dan pemasangan tanda kepemilikan.

(4) Pengamanan tindakan hukum dilakukan dengan upaya hukum.

(5) Tata cara pengamanan ditetapkan dengan keputusan gubernur.
"""


def test_the_best_ayat_brings_its_short_pasal_whole_however_many_ayat(tmp_path):
    engine = _engine_over(tmp_path, "perda-jabar-4-2001.md", FIVE_SHORT_AYAT, top_k=1)
    answer = engine.answer("Pengamanan barang daerah secara fisik, administratif, dan hukum?")
    assert answer.found
    assert [s.citation.rsplit(" ", 2)[-2:] for s in answer.sources] == [
        ["ayat", f"({n})"] for n in range(1, 6)
    ]
    assert "pemagaran" in answer.text and "keputusan gubernur" in answer.text


FOUR_LONG_AYAT = """---
tipe: regulasi
jenis: PP
nomor: "12"
tahun: 2021
judul: Dewan Pelabuhan
---
## Pasal 5

(1) Dewan pelabuhan mempunyai hak interpelasi, hak angket, dan hak menyatakan pendapat terhadap
kebijakan pengelola pelabuhan yang berdampak luas bagi nelayan di wilayah kerjanya.

(2) Yang pertama adalah hak meminta keterangan kepada syahbandar mengenai kebijakan yang penting
dan strategis, disampaikan secara tertulis melalui sekretariat paling lambat tujuh hari kerja
sebelum sidang pleno yang dijadwalkan oleh ketua, dengan tembusan kepada seluruh anggota.

(3) Yang kedua adalah hak melakukan penyelidikan terhadap pelaksanaan suatu kebijakan yang
diduga bertentangan dengan peraturan perundang-undangan, dilaksanakan oleh panitia khusus yang
dibentuk dalam sidang pleno dengan keanggotaan paling sedikit sepertiga jumlah anggota dewan.

(4) Hak menyatakan pendapat dewan pelabuhan diputuskan dalam sidang pleno yang dihadiri paling
sedikit dua pertiga anggota dan disetujui paling sedikit dua pertiga anggota yang hadir, lalu
diumumkan kepada nelayan melalui papan pengumuman di setiap pelabuhan perikanan di wilayahnya.
"""


def test_a_long_pasal_two_of_whose_ayat_are_chosen_is_quoted_whole(tmp_path):
    engine = _engine_over(tmp_path, "pp-12-2021.md", FOUR_LONG_AYAT, top_k=3)
    # Too long to quote whole for one ayat alone (its ayat (2) and (3) share no question word).
    assert sum(len(c.text) for c in engine.pipeline.retriever.provision("pp-12-2021", "5")) > 900
    engine.pipeline.answerer.companion_model = replace(_only("coverage", 50.0), intercept=-10.0)
    answer = engine.answer(
        "Hak interpelasi, hak angket, dan hak menyatakan pendapat dewan pelabuhan itu apa?"
    )
    citations = [s.citation for s in answer.sources]
    assert answer.found and citations[:4] == [f"PP 12/2021 Pasal 5 ayat ({n})" for n in range(1, 5)]
    assert "meminta keterangan kepada syahbandar" in answer.text
    assert "melakukan penyelidikan" in answer.text


HARBOUR_REPORT = """---
tipe: regulasi
jenis: PP
nomor: "13"
tahun: 2021
judul: Laporan Pelayanan Pelabuhan
---
## Pasal 1

Laporan pelayanan pelabuhan disusun oleh syahbandar setiap triwulan.

## Pasal 2

Laporan pelayanan pelabuhan disampaikan kepada menteri paling lambat sepuluh hari kerja.

## Pasal 3

Laporan pelayanan pelabuhan dibahas dewan pelabuhan untuk rekomendasi perbaikan.

## Pasal 4

Tarif jasa labuh kapal ditetapkan oleh menteri.
"""


def test_a_clause_asking_two_things_said_apart_gets_both_passages(tmp_path):
    engine = _engine_over(tmp_path, "pp-13-2021.md", HARBOUR_REPORT, top_k=1)
    # A model that wants no companion: what the answer holds beyond the best passage comes
    # from the clauses.
    engine.pipeline.answerer.companion_model = replace(_only("novel", 0.0), intercept=-50.0)
    answer = engine.answer(
        "Laporan pelayanan pelabuhan disusun oleh siapa, setiap triwulan atau setiap tahun? "
        "Lalu laporan itu disampaikan kepada siapa, dan dibahas untuk apa?"
    )
    citations = [s.citation for s in answer.sources]
    assert answer.found and citations[0] == "PP 13/2021 Pasal 1"
    # The clause's best passage and its runner-up, each saying one of the two things.
    assert {"PP 13/2021 Pasal 2", "PP 13/2021 Pasal 3"} <= set(citations)
    assert "PP 13/2021 Pasal 4" not in citations


def _long_section() -> str:
    filler = [
        f"Kepala Bidang menyiapkan bahan rapat koordinasi urusan umum ke-{n} bersama sekretariat "
        "dan menata arsip kegiatan bidang sesuai pedoman yang berlaku."
        for n in range(1, 25)
    ]
    first = "Kepala Bidang mengoordinasikan sistem peringatan dini gempa bagi desa pesisir."
    last = "Kepala Bidang menyampaikan laporan triwulan kepada gubernur melalui sekretaris."
    paragraphs = "\n\n".join([first, *filler, last])
    return (
        "---\ntipe: panduan\njudul: Rincian Tugas Bidang Kebencanaan\n---\n"
        f"## Tugas Kepala Bidang\n\n{paragraphs}\n"
    )


def test_another_piece_of_a_section_too_long_for_one_passage_may_join(tmp_path):
    # One section cut into passages under one citation: its second piece completes the first,
    # it does not repeat it (the same citation from another document would).
    engine = _engine_over(tmp_path, "tugas-bidang.md", _long_section(), top_k=2)
    engine.pipeline.answerer.companion_model = _only("novel", 50.0)
    answer = engine.answer(
        "Apa tugas kepala bidang soal peringatan dini gempa, dan laporan triwulan kepada gubernur?"
    )
    citations = [s.citation for s in answer.sources]
    assert answer.found and len(citations) >= 2 and len(set(citations)) == 1
    assert "peringatan dini gempa" in answer.text and "laporan triwulan" in answer.text


DOCK = """---
tipe: regulasi
jenis: PP
nomor: "9"
tahun: 2021
judul: Pelayanan Dermaga Rakyat
---
## Pasal 1

Pelayanan dermaga rakyat diselenggarakan oleh dinas perhubungan setiap hari bagi kapal nelayan.

## Pasal 2

Retribusi tambat ditetapkan bupati setiap tahun dengan peraturan bupati.
"""
DOCK_FAQ = """tipe: faq
judul: FAQ Dermaga Rakyat
pasangan:
  - id: dermaga-01
    tanya: Berapa biaya sandar kapal di dermaga rakyat?
    jawab: Biaya sandar adalah retribusi tambat yang ditetapkan bupati.
    rujukan:
      - PP 9/2021 Pasal 2
"""


def test_an_faq_found_among_the_best_brings_the_provision_it_cites(tmp_path):
    # Pasal 2 shares no word with the question ("biaya sandar" is the FAQ's phrase for its
    # "retribusi tambat"); the FAQ pair found beside the best passage points at it.
    engine = _engine_over(tmp_path, "pp-9-2021.md", DOCK, top_k=3, **{"faq-dermaga.yaml": DOCK_FAQ})
    answerer = engine.pipeline.answerer
    answerer.companion_model = replace(_only("novel", 50.0), intercept=-1.0)
    question = (
        "Siapa penyelenggara pelayanan dermaga rakyat bagi kapal nelayan beserta biaya sandarnya?"
    )
    answer = engine.answer(question)
    assert answer.found and answer.kind == "retrieval"
    assert answer.sources[0].citation == "PP 9/2021 Pasal 1"
    assert "PP 9/2021 Pasal 2" in [s.citation for s in answer.sources]
    assert "Retribusi tambat" in answer.text
    # The hand rule, for models without a fitted companion model, takes the same candidates.
    fitted, answerer.companion_model = answerer.companion_model, None
    assert "PP 9/2021 Pasal 2" in [s.citation for s in engine.answer(question).sources]
    # Without the pair standing for what it cites (nor shown itself, "Terkait"), the provision
    # holds none of the asked words.
    answerer.cited_by_faq = lambda query: lambda hit: []
    answerer._related_faqs = lambda hits: []
    for model in (fitted, None):
        answerer.companion_model = model
        assert "PP 9/2021 Pasal 2" not in [s.citation for s in engine.answer(question).sources]
