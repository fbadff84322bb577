"""Question analysis against one index version: the documents a question names (a regulation
held twice, the team's text and the official one an admin added, is named whole, whichever copy
carries the name), and the places it names that the knowledge base never mentions."""

from __future__ import annotations

import numpy as np
import pytest

from asisten.indeks.embedder import HashingEmbedder
from asisten.jawab import calibration
from asisten.jawab.analysis import Analyser
from asisten.jawab.calibration import calibration_for
from asisten.jawab.retrieval import Retriever, _dense_text, read_as_clauses
from asisten.jawab.vocabulary import Vocabulary
from tests.conftest import indexed

TEAM_TEXT = """---
tipe: regulasi
jenis: Perbup Zurbagan
nomor: "7"
tahun: 2025
judul: Layanan Air Bersih Desa
status: berlaku
nama_lain: ["Perbup Air Desa"]
---

# Peraturan Bupati Zurbagan Nomor 7 Tahun 2025 tentang Layanan Air Bersih Desa

### Pasal 1
Dinas menyediakan sambungan air bersih ke setiap rumah tangga desa.
"""

# The official text: same regulation, no other names written for it, one pasal more.
OFFICIAL_TEXT = TEAM_TEXT.replace('nama_lain: ["Perbup Air Desa"]\n', "") + (
    "\n### Pasal 2\n"
    "Kios air komunal dikelola badan usaha milik desa dengan tarif yang ditetapkan kepala desa.\n"
)

# Another regulation with the same number: not named by the first one's name.
OTHER_TEXT = """---
tipe: regulasi
jenis: Perbup Zurbagan
nomor: "7"
tahun: 2024
judul: Pasar Desa
status: berlaku
---

# Peraturan Bupati Zurbagan Nomor 7 Tahun 2024 tentang Pasar Desa

### Pasal 1
Pasar desa dikelola badan usaha milik desa.
"""


@pytest.fixture
def version(tmp_path):
    return indexed(
        tmp_path, {"tim.md": TEAM_TEXT, "resmi.md": OFFICIAL_TEXT, "lain.md": OTHER_TEXT}
    )


@pytest.fixture
def analyser(version):
    analyser = Analyser(Vocabulary(version.keyword, version.vocabulary), version.documents)
    return analyser, version.documents


def test_another_name_names_every_copy_of_the_regulation(analyser):
    analyser, documents = analyser
    named = analyser.analyse("Siapa yang mengelola kios air menurut Perbup Air Desa?")
    assert len(named.named_documents) == 2
    assert {documents[d].tahun for d in named.named_documents} == {2025}


def test_a_question_without_the_name_names_nothing(analyser):
    analyser, _ = analyser
    assert not analyser.analyse("Siapa yang mengelola kios air?").named_documents


def test_a_place_the_knowledge_base_never_mentions_is_noted_apart_from_unknown_words(analyser):
    analyser, _ = analyser
    query = analyser.analyse("Berapa tarif kios air desa di Denpasar?")
    assert query.unknown_places == ("denpasar",)
    assert "denpasar" not in query.unknown
    assert not analyser.analyse("Berapa tarif kios air desa?").unknown_places


def test_words_pointing_at_the_present_are_no_topic(analyser):
    # "sekarang" is in no passage: read as a word, it made an innovation question look foreign.
    analyser, _ = analyser
    query = analyser.analyse("Berapa tarif kios air desa sekarang? Kini naik?")
    assert not {"sekarang", "kini"} & {*query.stems, *query.unknown}


def test_an_acronym_stays_as_typed_while_a_chat_shortening_is_read(analyser):
    # "trf" typed in chat is "tarif" with its vowels dropped; "TRF" in capitals names something
    # the corpus lacks, and says so, instead of turning into a word of the corpus.
    analyser, _ = analyser
    chat = analyser.analyse("Berapa trf kios air desa?")
    assert chat.repaired == {"trf": "tarif"} and not chat.unknown
    typed = analyser.analyse("Berapa TRF kios air desa?")
    assert not typed.repaired and typed.unknown == ("trf",)
    # A question typed all in capitals is shouted, not abbreviated: read as usual.
    assert analyser.analyse("BERAPA TRF KIOS AIR DESA?").repaired == {"trf": "tarif"}


def test_a_long_question_is_embedded_with_only_the_words_it_does_not_spell(analyser):
    analyser, _ = analyser
    short = analyser.analyse("Berapa trf kios air desa?")
    assert _dense_text(short, doubled=True) == "tarif kios air desa Berapa trf kios air desa?"
    # Past the bound its own words are not read twice (the model's time grows with each
    # token); the words analysis read into it still lead: "tarif" for "trf", and "bumdes",
    # the abbreviation of a long form it spells out.
    long = analyser.analyse(
        "Berapa trf kios air desa yang dikelola badan usaha milik desa, siapa yang menetapkannya,"
        " dan apakah dinas ikut menyediakan sambungan air bersih ke setiap rumah tangga desa yang"
        " belum terjangkau kios itu?"
    )
    assert len(long.search_text) > 200
    assert _dense_text(long, doubled=False) == f"tarif bumdes {long.search_text}"


LONG_QUESTION = (
    "Siapa yang mengelola kios air desa dengan tarif yang ditetapkan kepala desa di Zurbagan"
    " itu, dan apakah dinas juga menyediakan sambungan air bersih ke setiap rumah tangga desa"
    " yang belum terjangkau oleh kios air komunal tersebut?"
)


class _Recording(HashingEmbedder):
    """The hashing embedder, noting every text it is asked to embed."""

    def __init__(self) -> None:
        super().__init__(64)
        self.texts: list[str] = []

    def encode(self, texts: list[str]):
        self.texts += texts
        return super().encode(texts)


def test_the_clauses_of_a_long_question_are_embedded_as_typed_too(version):
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser, embedder = Analyser(vocabulary, version.documents), _Recording()
    retriever = Retriever(version, embedder, vocabulary)
    question = analyser.analyse(LONG_QUESTION)
    assert len(question.search_text) > 200 and len(question.parts) == 2
    retriever.question_vectors(question)
    # Each clause once, as typed: no clause doubles its words.
    assert embedder.texts == [q.search_text for q in question.parts]
    short = question.parts[0]
    embedder.texts.clear()
    retriever.vectors([short])
    assert embedder.texts == [_dense_text(short, doubled=True)] != [short.search_text]


def test_a_long_question_is_embedded_once_as_its_clauses(version):
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser, embedder = Analyser(vocabulary, version.documents), _Recording()
    retriever = Retriever(version, embedder, vocabulary)
    question = analyser.analyse(LONG_QUESTION)
    assert len(question.parts) == 2 and read_as_clauses(question)
    whole, parts = retriever.question_vectors(question)
    # Only the clauses go through the model; the question is their mean, weighted by length
    # (the hashing model has no cosine scale of its own to keep: the mean is normalised).
    assert embedder.texts == [part.search_text for part in question.parts]
    weighted = sum(len(t) * v[0] for t, v in zip(embedder.texts, parts, strict=True))
    assert np.allclose(whole[0], weighted / np.linalg.norm(weighted), atol=1e-6)


def test_what_is_asked_after_a_setting_is_searched_on_its_own(version):
    """A question asking one thing after telling its setting is read whole, as before; the
    sentence asking is one more text of the same call, searched on its own."""
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser, embedder = Analyser(vocabulary, version.documents), _Recording()
    retriever = Retriever(version, embedder, vocabulary)
    told = (
        "Dinas kami mengelola kios air desa dengan tarif yang ditetapkan kepala desa di Zurbagan,"
        " dan sambungan air bersih belum menjangkau setiap rumah tangga desa di pegunungan."
    )
    asked = "Siapa yang berwenang menetapkan tarif kios air itu?"
    question = analyser.analyse(f"{told} {asked}")
    assert [p.text for p in question.parts] == [asked]
    assert not read_as_clauses(question)
    whole, parts = retriever.question_vectors(question)
    assert embedder.texts == [_dense_text(question, False), question.parts[0].search_text]
    assert np.allclose(whole[0], HashingEmbedder(64).encode(embedder.texts[:1])[0])
    assert len(parts) == 1
    # A question opening with what it asks, or asking too little after its setting to search
    # on ("Boleh?"), has no parts.
    assert analyser.analyse("Siapa yang menetapkan tarif kios air desa?").parts == ()
    assert analyser.analyse(f"{told} Boleh?").parts == ()


def test_a_short_question_is_read_whole_and_its_clauses_as_typed(version):
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser, embedder = Analyser(vocabulary, version.documents), _Recording()
    retriever = Retriever(version, embedder, vocabulary)
    question = analyser.analyse("Siapa pengelola kios air desa? Lalu berapa tarifnya?")
    assert len(question.parts) == 2 and not read_as_clauses(question)
    whole, parts = retriever.question_vectors(question)
    # The question with its words twice; its clauses as typed, in the same call.
    texts = [_dense_text(question, doubled=True), *(p.search_text for p in question.parts)]
    assert embedder.texts == texts and len(parts) == 2
    assert np.allclose(whole[0], HashingEmbedder(64).encode(texts[:1])[0])


def test_a_middling_question_is_read_whole_only_when_typed_in_chat(version):
    """Between the two bounds (asisten/data/calibration.yaml) a question typed in standard words
    is read as its clauses, each once; one whose words analysis reads otherwise ("trf", "yg")
    is still read whole with its words twice: its clauses alone would lose what it asks."""
    numbers = calibration.shared()
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser, embedder = Analyser(vocabulary, version.documents), _Recording()
    retriever = Retriever(version, embedder, vocabulary)
    typed = analyser.analyse(
        "Siapa yang mengelola kios air desa dengan tarif yang ditetapkan kepala desa, dan apakah"
        " dinas menyediakan sambungan air bersih ke rumah tangga desa yang jauh?"
    )
    chat = analyser.analyse(
        "Siapa yg mengelola kios air desa dgn trf yg ditetapkan kepala desa, dan apakah dinas"
        " menyediakan sambungan air bersih ke setiap rumah tangga desa yg jauh?"
    )
    for question in (typed, chat):
        length = len(question.search_text)
        assert numbers.doubled_words_up_to_chars < length <= numbers.doubled_reread_up_to_chars
        assert len(question.parts) == 2
    assert read_as_clauses(typed) and not read_as_clauses(chat)
    retriever.question_vectors(chat)
    assert embedder.texts[0] == _dense_text(chat, doubled=True)
    assert "tarif" in embedder.texts[0].split()


def test_the_mean_of_the_clauses_stands_where_the_question_read_whole_does(version, real_embedder):
    """The model pools tokens by their mean: the clauses' mean points where the question does,
    and at e5's `clause_mean_power` its cosines with passages stay close to the question's own."""
    vocabulary = Vocabulary(version.keyword, version.vocabulary)
    analyser = Analyser(vocabulary, version.documents)
    retriever = Retriever(version, real_embedder, vocabulary)
    retriever.clause_mean_power = calibration_for(real_embedder.name).clause_mean_power
    passages = real_embedder.encode(
        [
            "Kios air desa dikelola badan usaha milik desa; tarifnya ditetapkan kepala desa.",
            "Dinas menyediakan sambungan air bersih ke rumah tangga yang belum terjangkau.",
            "Inovasi daerah dilaporkan kepada Menteri paling lambat enam bulan.",
        ]
    )
    question = analyser.analyse(LONG_QUESTION)
    composed, _ = retriever.question_vectors(question)
    own = retriever.vectors([question])[0]
    assert float(composed[0] @ own[0]) / float(np.linalg.norm(composed)) > 0.97
    assert np.abs(passages @ composed[0] - passages @ own[0]).max() < 0.02


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Berapa skor IID Kota Makassar pada IGA 2022, dan predikatnya?", ("2022",)),
        ("Berapa anggarannya pada 2023 dan 2024?", ("2023", "2024")),
        ("Apa isi Pasal 5 Perbup Zurbagan Nomor 7 Tahun 2025?", ()),  # a regulation's name
        ("Hadiahnya Rp2.022 juta atau 2022,5 persen?", ()),  # numbers, no years
        ("Apa sasaran reformasi birokrasi 2020–2024?", ()),  # a period
        ("Berapa target tahun 2019 s/d 2023?", ()),  # joiners are data/rentang_tahun.yaml
        ("Program 2021 Sampai Dengan 2025 apa saja?", ()),
        ("Berapa pagu 2022 hingga 2024, dan 2025?", ("2025",)),
        ("Diluncurkan tahun 2016. Apakah itu inovasi?", ()),  # the setting of a question
        ("Diluncurkan tahun 2016. Siapa pemenang UNPSA 2024?", ("2024",)),
    ],
)
def test_the_years_a_question_names_outside_regulation_names(analyser, question, years):
    analyser, _ = analyser
    assert analyser.analyse(question).years == years


def test_the_years_and_regions_asked_about_are_those_of_the_sentence_asking_a_value(analyser):
    analyser, _ = analyser
    query = analyser.analyse(
        "Kami dari Kabupaten Sumba Timur, mulai berinovasi tahun 2019. Berapa skor IID Kota "
        "Kupang pada IGA 2023?"
    )
    assert [r.written for r in query.regions] == ["Kota Kupang"] and query.years == ("2023",)
    # A question asking no value: what its asking sentences name, not the setting told apart.
    told = analyser.analyse("Kami dari Kabupaten Sumba Timur. Apa syarat replikasi inovasi?")
    assert not told.regions
    asked = analyser.analyse("Apa syarat replikasi inovasi di Kabupaten Sumba Timur?")
    assert [r.written for r in asked.regions] == ["Kabupaten Sumba Timur"]


def test_the_dense_side_reads_a_chat_typed_question_written_out(analyser):
    from asisten.jawab.retrieval import clause_texts

    analyser, _ = analyser
    query = analyser.analyse("pas uji coba blh gk desainnya dirombak? trs hrs lapor ke spa?")
    assert "boleh tidak" in query.standard_text and "blh" not in query.standard_text
    assert "blh" in query.text  # the question itself stays as typed, for the answer
    # Each clause is read written out as well.
    assert all("blh" not in t and "hrs" not in t for t in clause_texts(list(query.parts)))
    # An English question's words are no chat spellings ("for" is no "tapi").
    english = analyser.analyse("What are the requirements for a pilot of regional innovation?")
    assert english.standard_text == english.search_text


def test_the_sentence_asking_a_value_is_cut_as_the_clauses_are(analyser):
    # One sentence splitter for the whole analysis: a dotted abbreviation ends no sentence, so
    # the region and year after "Kab." stay in the sentence asking; a line break ends one, so a
    # setting on its own line stays apart.
    analyser, _ = analyser
    query = analyser.analyse("Berapa skor IID Kab. Sumba Timur pada IGA 2023?")
    assert [r.written for r in query.regions] == ["Kab. Sumba Timur"] and query.years == ("2023",)
    query = analyser.analyse("Kami dari Kota Kupang\nBerapa skor IID Kabupaten Sumba Timur 2023?")
    assert [r.written for r in query.regions] == ["Kabupaten Sumba Timur"]


@pytest.mark.parametrize(
    ("passage", "names"),
    [
        ("Inovasi ini diluncurkan sejak 2019.", True),
        ("Target RPJMN 2020–2024 tercapai.", True),
        ("Sesuai Peraturan Pemerintah Nomor 38 Tahun 2017, inovasi dilaporkan.", False),
        ("Menurut PP 38/2017 Pasal 20, uji coba paling lama 1 tahun.", False),
    ],
)
def test_a_passage_names_a_year_outside_the_names_of_regulations(passage, names):
    from asisten.jawab.analysis import names_a_year

    assert names_a_year(passage) is names
