"""Answers from the real corpus with the real model: lookup, hybrid retrieval, FAQ, abstention."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _citations(answer) -> list[str]:
    return [s.citation for s in answer.sources]


def test_named_pasal_is_looked_up(real_engine):
    answer = real_engine.answer("Pasal 389 UU 23/2014")
    assert answer.found and answer.kind == "lookup"
    assert _citations(answer) == ["UU 23/2014 Pasal 389"]
    assert "tidak dapat dipidana" in answer.text and "[1]" in answer.text


def test_several_named_pasal_are_each_looked_up(real_engine):
    answer = real_engine.answer("Apa isi Pasal 5 dan Pasal 6 PP 38/2017?")
    assert answer.found and answer.kind == "lookup"
    citations = _citations(answer)
    assert "PP 38/2017 Pasal 6" in citations
    assert any(c.startswith("PP 38/2017 Pasal 5") for c in citations)
    # Each pasal read out under its own name, not as one run of ayat.
    assert "Bunyi PP 38/2017 Pasal 5 dan Pasal 6" in answer.text
    assert "PP 38/2017 Pasal 6:\nKriteria Inovasi Daerah meliputi" in answer.text


def test_named_pasal_with_tahun_words(real_engine):
    answer = real_engine.answer("pasal 6 PP 38 tahun 2017")
    assert answer.kind == "lookup"
    assert _citations(answer) == ["PP 38/2017 Pasal 6", "Penjelasan PP 38/2017 Pasal 6"]
    assert "dapat direplikasi" in answer.text


def test_named_ayat(real_engine):
    answer = real_engine.answer("bunyi pasal 20 ayat 3 PP 38/2017")
    # The explanation of that ayat comes along, as a source of its own.
    assert _citations(answer) == [
        "PP 38/2017 Pasal 20 ayat (3)",
        "Penjelasan PP 38/2017 Pasal 20 ayat (3)",
    ]
    assert "tidak dapat dikomersialisasikan" in answer.text
    assert "Penjelasan PP 38/2017 Pasal 20 ayat (3): " in answer.text


def test_question_answered_with_cited_provision(real_engine):
    answer = real_engine.answer("Apa saja yang harus dimuat dalam proposal inovasi daerah?")
    assert answer.found
    assert any(c.startswith("PP 38/2017 Pasal 7 ayat (2)") for c in _citations(answer))
    assert "rancang bangun" in answer.text.lower()


def test_how_many_sources_an_answer_shows_does_not_change_what_decides_it(
    real_settings, real_embedder
):
    # The decision model was fitted on a fixed depth of hits: showing more sources
    # (ASISTEN_TOP_K) must not change what it sees, or out-of-scope questions start to pass.
    from asisten.jawab.engine import Engine

    question = "Apa manfaat replikasi inovasi daerah?"
    few, many = (
        Engine(
            real_settings.model_copy(update={"top_k": top_k}),
            embedder_factory=lambda name: real_embedder,
        ).answer(question)
        for top_k in (1, 4)
    )
    assert few.found and many.found
    assert few.trace["decision"] == many.trace["decision"]
    assert [h["citation"] for h in few.trace["hits"]] == [h["citation"] for h in many.trace["hits"]]
    assert len(many.sources) > len(few.sources)


def test_informal_question(real_engine):
    answer = real_engine.answer("klo mo bikin proposal inovasi isinya apa aja sih?")
    assert answer.found and "PP 38/2017 Pasal 7 ayat (2)" in _citations(answer)


def test_english_question(real_engine):
    answer = real_engine.answer(
        "Can civil servants be prosecuted when a regional innovation fails?"
    )
    assert answer.found and "UU 23/2014 Pasal 389" in _citations(answer)


def test_typo_question(real_engine):
    answer = real_engine.answer("siapa yg bole mengusulkn inovsi daerah")
    assert answer.found and "PP 38/2017 Pasal 7 ayat (1)" in _citations(answer)


@pytest.mark.parametrize(
    "question",
    [
        "Bagaimana cara memperpanjang paspor?",
        "Berapa lama cuti melahirkan untuk PNS?",
        "Resep rendang padang yang enak",
        "Kapan jadwal pilkada serentak berikutnya?",
        # English: only a word or two translate ("village", "civil servant", "government");
        # that those few are found in the corpus must not make the question look answered.
        "How is the national village fund divided between villages each year?",
        "What is the best season to climb Mount Bromo, and is a guide required?",
        "What are the requirements for a civil servant to renew an official passport?",
        "Which value added tax rate must a regency government in Indonesia charge on parking?",
        # Innovation words about somewhere we hold nothing on.
        "A hospital in Munich is piloting a service innovation in its clinic. How should it"
        " price its consultations?",
        "How does Singapore's Smart Nation programme pilot innovations in public services?",
        "Berapa tarif pajak kendaraan di Kabupaten Sumba Timur?",
    ],
)
def test_out_of_scope_is_declined_without_sources(real_engine, question):
    answer = real_engine.answer(question)
    assert not answer.found
    assert answer.sources == []
    assert "tidak ditemukan" in answer.text


def test_document_type_filter(real_engine):
    answer = real_engine.answer("inovasi layanan kesehatan", doc_types={"praktik-baik"})
    assert answer.found
    assert {s.doc_type for s in answer.sources} == {"praktik-baik"}


def test_sources_carry_title_url_and_text(real_engine):
    answer = real_engine.answer("berapa lama batas waktu laporan penerapan inovasi ke menteri")
    assert answer.found
    first = answer.sources[0]
    assert first.title and first.text and first.url and first.doc_id
    assert "6 (enam) bulan" in answer.text or "enam" in answer.text


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("tujuan inovasi daerah menurut PP 38/2017", "PP 38/2017"),
        ("penghargaan menurut UU 25/2009", "UU 25/2009"),
        ("siapa yang menilai inovasi menurut Permendagri 104/2018", "Permendagri 104/2018"),
    ],
)
def test_named_regulation_is_preferred(real_engine, question, document):
    # Without the hint, guidance and other regulations on the same topic come first.
    answer = real_engine.answer(question)
    assert answer.found
    assert answer.sources[0].citation.startswith(document + " ")


def test_unknown_detail_word_does_not_hide_a_close_answer(real_engine):
    # "draf" is not in the corpus, but the question sits right next to PP 38/2017 Pasal 14.
    answer = real_engine.answer(
        "Kami menyusun draf keputusan kepala daerah tentang inovasi. Apa isi wajibnya?"
    )
    assert answer.found
    assert any(s.citation.startswith("PP 38/2017 Pasal 14") for s in answer.sources)


def test_several_named_ayat_are_all_quoted(real_engine):
    answer = real_engine.answer("isi Pasal 20 ayat (3) dan (4) PP 38/2017")
    assert answer.kind == "lookup"
    assert _citations(answer)[:2] == [
        "PP 38/2017 Pasal 20 ayat (3)",
        "PP 38/2017 Pasal 20 ayat (4)",
    ]


def test_each_quoted_ayat_brings_its_explanation(real_engine):
    # Pasal 22 has two ayat; the law explains the second ("dipublikasikan secara jelas dan
    # luas"), which a lookup of the whole pasal quoted without it.
    answer = real_engine.answer(
        "Menurut Penjelasan UU 25/2009 Pasal 22, 'dipublikasikan secara jelas dan luas' itu "
        "artinya apa?"
    )
    assert answer.kind == "lookup"
    assert _citations(answer) == [
        "UU 25/2009 Pasal 22 ayat (1)",
        "UU 25/2009 Pasal 22 ayat (2)",
        "Penjelasan UU 25/2009 Pasal 22 ayat (2)",
    ]
    assert "mudah diketahui, dilihat, dibaca, dan diakses" in answer.text
    assert "[3]" in answer.text


def test_retrieval_answer_brings_the_regulations_own_explanation(real_engine):
    answer = real_engine.answer(
        "siapa pemilik hak kekayaan intelektual inovasi daerah", doc_types={"regulasi"}
    )
    assert answer.kind == "retrieval"
    assert _citations(answer)[:2] == [
        "PP 38/2017 Pasal 20 ayat (3)",
        "Penjelasan PP 38/2017 Pasal 20 ayat (3)",
    ]
    assert "hak moral" in answer.text


def test_guidance_brings_the_provisions_it_cites(real_engine):
    answer = real_engine.answer(
        "kegiatan inovasi belum tertampung di APBD tahun berjalan, bagaimana menganggarkannya?",
        doc_types={"panduan"},
    )
    assert answer.found and answer.sources[0].doc_type == "panduan"
    cited = {s.citation: s.number for s in answer.sources if s.doc_type == "regulasi"}
    assert "PP 38/2017 Pasal 30 ayat (2)" in cited
    # The guidance item is marked with its own number and the provision's.
    first_item = answer.text.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert f"[{cited['PP 38/2017 Pasal 30 ayat (2)']}]" in first_item


def test_a_second_faq_nearly_as_close_is_shown_too(real_engine):
    answer = real_engine.answer(
        "Does every regional innovation have to go through a trial phase before it is implemented?"
    )
    assert answer.kind == "faq"
    assert 'Terkait, "' in answer.text
    assert "PP 38/2017 Pasal 19" in _citations(answer)


def test_an_faq_nearly_as_close_as_the_best_passage_is_shown_too(real_engine):
    # The best passage is a guide, and an FAQ pair close behind it answers the same thing in
    # the team's plain words: it is shown as itself, not only through the provisions it cites.
    answer = real_engine.answer(
        "What are the main barriers to local government innovation, and how can they be overcome?"
    )
    assert answer.kind == "retrieval"
    related = [line for line in answer.text.splitlines() if line.startswith('Terkait, "')]
    assert len(related) == 1 and related[0].rstrip().endswith("]")


def test_chatty_innovation_question_is_answered(real_engine):
    # Far from the corpus' wording (chat spelling, a story), but about innovation principles.
    answer = real_engine.answer(
        "bos, kepala bidang kami ngusulin inovasi aplikasi, eh vendornya ternyata perusahaan "
        "milik saudaranya sendiri. itu bertentangan sama prinsip inovasi gk?"
    )
    assert answer.found and answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "Bagaimana cara membuat inovasi menu kopi untuk kafe saya?",
        "Apa inovasi terbaru pada mesin mobil listrik buatan Jepang?",
    ],
)
def test_innovation_on_a_foreign_topic_is_declined(real_engine, question):
    answer = real_engine.answer(question)
    assert not answer.found and answer.sources == []


def test_short_pasal_is_quoted_whole_with_each_ayat_cited(real_engine):
    answer = real_engine.answer(
        "Apakah penyelenggara pelayanan publik wajib menilai kinerja pelayanannya secara berkala,"
        " dan dengan indikator apa?",
        doc_types={"regulasi"},
    )
    assert _citations(answer)[:2] == [
        "UU 25/2009 Pasal 38 ayat (1)",
        "UU 25/2009 Pasal 38 ayat (2)",
    ]
    assert "UU 25/2009 Pasal 38: (1)" in answer.text and "[1][2]" in answer.text
    # The Penjelasan of each ayat comes along ("paling sedikit 1 (satu) kali dalam setahun").
    assert "Penjelasan UU 25/2009 Pasal 38 ayat (1)" in _citations(answer)


def test_question_about_two_held_regulations_is_answered(real_engine):
    answer = real_engine.answer(
        "Kata 'Menteri' muncul di PP 38/2017 maupun UU 25/2009. Apakah yang dimaksud menteri yang"
        " sama di kedua peraturan itu?"
    )
    assert answer.found
    assert {s.doc_id for s in answer.sources} & {"pp-38-2017", "uu-25-2009"}


def test_named_case_in_chat_spelling_is_answered_from_that_case(real_engine):
    answer = real_engine.answer("lapor slemn tu skrg bs diakses lwt kanal ap aj?")
    assert answer.found
    assert answer.sources[0].doc_id == "praktik-baik-lapor-sleman"


def test_a_place_alone_does_not_name_a_case(real_engine):
    answer = real_engine.answer("Berapa uang harian perjalanan dinas pegawai ke Jakarta?")
    assert not answer.found


@pytest.mark.parametrize(
    ("question", "document"),
    [
        # Indonesian and English names of a regulation, a case's nickname, a case's English name.
        ("Apa saja hak masyarakat menurut UU Pelayanan Publik?", "uu-25-2009"),
        ("What does the Public Service Law require of a complaint handling unit?", "uu-25-2009"),
        ("Berapa izin yang bisa diurus di Siola?", "praktik-baik-mal-pelayanan-publik-surabaya"),
        ("IGA tahun ini penilaiannya lewat tahap apa saja?", "permendagri-104-2018"),
        (
            "How were traditional birth attendants paid in the midwife and traditional birth"
            " attendant partnership?",
            "praktik-baik-kemitraan-bidan-dukun-aceh-singkil",
        ),
    ],
)
def test_a_document_named_by_another_name_answers(real_engine, question, document):
    answer = real_engine.answer(question)
    assert answer.found
    assert answer.sources[0].doc_id == document


def test_english_question_with_words_the_glossary_lacks_is_answered(real_engine):
    # "inaugurated", "formally", "building" are in no glossary; they must not read as a foreign
    # topic.
    answer = real_engine.answer(
        "Who formally inaugurated the public service mall in Surabaya's old Siola building?"
    )
    assert answer.found
    assert answer.sources[0].doc_id == "praktik-baik-mal-pelayanan-publik-surabaya"


@pytest.mark.parametrize(
    ("question", "citation"),
    [
        (
            "While an innovation is being piloted, may the test site follow procedures that"
            " differ from existing regulations?",
            "PP 38/2017 Pasal 16",
        ),
        (
            "Which regency's disaster brigade replicated its ambulance model?",
            "Praktik baik: Brigade",
        ),
    ],
)
def test_english_question_sharing_telling_words_is_answered(real_engine, question, citation):
    answer = real_engine.answer(question)
    assert answer.found
    assert any(c.startswith(citation) for c in _citations(answer))


def test_a_named_case_brings_its_other_sections(real_engine):
    # Answered on little shared wording because it names the case; the sections beside the
    # best one are judged by that same rule, so "hasilnya" finds the Hasil section too.
    answer = real_engine.answer(
        "e-Health Surabaya itu dikelola dinas apa, dan sekarang sudah menjangkau berapa fasilitas?"
    )
    sections = {s.citation for s in answer.sources}
    assert len(sections) >= 3
    assert all(c.startswith("Praktik baik: e-Health Surabaya") for c in sections)


def test_a_case_is_told_in_all_its_sections_beyond_the_source_limit(real_engine):
    # Three sources is the limit for one question; a case's fourth section still comes along
    # because it completes the story already told rather than adding a topic.
    answer = real_engine.answer(
        "lapor sleman skrg pny brp kanal aduan? udh nyambung ke sistem aduan nasional blm?"
    )
    sections = {s.citation.split(" — ")[1] for s in answer.sources}
    assert sections == {"Masalah", "Solusi", "Hasil", "Replikasi"}


def test_chat_abbreviations_are_read_and_shown(real_engine):
    answer = real_engine.answer(
        "kadis udh pgn lgsg uji coba minggu dpn pdhl sk bupati ttg inovasinya blm kluar, blh gk?"
    )
    assert answer.found
    assert '"lgsg" → "langsung"' in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Our district in East Sumba wants to pilot a regional innovation. Who has to approve"
        " the trial?",
        "Which body evaluates innovation proposals from civil servants in Pontianak?",
        "Kabupaten Sumba Timur ingin mereplikasi Lapor Sleman. Apa yang perlu disiapkan?",
    ],
)
def test_a_region_the_corpus_does_not_mention_is_no_foreign_topic(real_engine, question):
    answer = real_engine.answer(question)
    assert answer.found and answer.sources


def test_regulation_the_knowledge_base_lacks_is_said_so(real_engine):
    # Never another regulation's text as if it were the one asked about.
    answer = real_engine.answer("Apa isi Pasal 5 Perpres 95 Tahun 2018 tentang SPBE?")
    assert not answer.found and answer.kind == "tidak-dimuat"
    assert answer.text.startswith("Perpres 95/2018 tidak ada dalam basis pengetahuan")
    assert "asisten admin unggah" in answer.text
    assert answer.trace["decision"]["rule"] == "peraturan-tidak-dimuat"
    assert answer.trace["query"]["missing_regulations"] == ["Perpres 95/2018"]


def test_a_general_type_names_the_held_regulation_of_that_kind(real_engine):
    # "Permen" without its ministry: the held Permendagri of that number, not "not held".
    answer = real_engine.answer("Apa yang diatur Permen 104/2018 tentang penilaian inovasi?")
    assert answer.found and answer.trace["query"]["missing_regulations"] == []
    assert answer.sources[0].citation.startswith("Permendagri 104/2018")


def test_pasal_the_text_lacks_is_said_so_with_what_is_held(real_engine):
    answer = real_engine.answer("Apa isi Pasal 63 UU 23 Tahun 2014?")
    assert not answer.found and answer.kind == "tidak-dimuat"
    assert answer.text.startswith("Pasal 63 UU 23/2014 tidak dimuat")
    assert "Pasal 386 sampai 390" in answer.text
    # Whatever is shown beside it is labelled as other provisions, not Pasal 63.
    assert all("Pasal 63" not in s.citation for s in answer.sources)
    if answer.sources:
        assert "ketentuan lain, bukan isi Pasal 63 UU 23/2014" in answer.text
    past_the_end = real_engine.answer("pasal 58 PP 38/2017 bunyinya apa")
    assert past_the_end.kind == "tidak-dimuat" and "Pasal 1 sampai 36" in past_the_end.text


def test_answer_naming_a_held_and_a_lacking_regulation_notes_the_lacking_one(real_engine):
    answer = real_engine.answer("Apakah PP 38/2017 dan Perpres 95/2018 sama-sama mengatur inovasi?")
    assert answer.found
    assert answer.text.startswith("Catatan: Perpres 95/2018 tidak ada dalam basis pengetahuan")
    assert all(not s.citation.startswith("Perpres 95/2018") for s in answer.sources)


def test_each_thing_asked_gets_its_source(real_engine):
    # Two things asked at once: who decides (Pasal 14) and how long evaluation takes (Pasal 13).
    answer = real_engine.answer(
        "Siapa yang menetapkan keputusan kepala daerah tentang inovasi daerah, dan berapa lama "
        "evaluasi inisiatif inovasi paling lama?"
    )
    assert answer.trace["query"]["parts"] == [
        "Siapa yang menetapkan keputusan kepala daerah tentang inovasi daerah",
        "dan berapa lama evaluasi inisiatif inovasi paling lama?",
    ]
    assert {"PP 38/2017 Pasal 14 ayat (1)", "PP 38/2017 Pasal 13 ayat (1)"} <= set(
        _citations(answer)
    )
    assert "10 (sepuluh) hari kerja" in answer.text


def test_clauses_of_a_declined_question_are_not_searched(real_engine):
    answer = real_engine.answer("Siapa juara piala dunia 2022, dan kapan final berikutnya?")
    assert not answer.found and not answer.sources
    assert "part_hits" not in answer.trace


def test_named_pasal_and_another_question(real_engine):
    answer = real_engine.answer(
        "Pasal 13 PP 38/2017 bunyinya apa? Lalu siapa yang menetapkan keputusan kepala daerah "
        "mengenai inovasi daerah?"
    )
    assert answer.kind == "lookup"
    cited = _citations(answer)
    assert cited[0] == "PP 38/2017 Pasal 13 ayat (1)" and "PP 38/2017 Pasal 14 ayat (1)" in cited
    assert "Untuk pertanyaan Anda yang lain" in answer.text
    # The clause naming the pasal is answered by the pasal, not searched again.
    assert answer.trace["part_hits"] == [None, "PP 38/2017 Pasal 14 ayat (1)"]


def test_each_pasal_the_clauses_name_is_quoted(real_engine):
    # The second clause names its pasal without the regulation: the one the question names.
    answer = real_engine.answer(
        "Apa bunyi PP 38/2017 Pasal 16 ayat (1)? Lalu Pasal 17 ayat (1) mengatur apa?"
    )
    assert answer.kind == "lookup"
    assert _citations(answer) == ["PP 38/2017 Pasal 16 ayat (1)", "PP 38/2017 Pasal 17 ayat (1)"]
    # Neither clause is searched: each is answered by the pasal it names.
    assert answer.trace["part_hits"] == [None, None]


def test_an_faq_answer_is_not_repeated_for_a_clause_it_answers_too(real_engine):
    # Both clauses ask the same thing; their best passage is the FAQ already given.
    answer = real_engine.answer(
        "Siapa saja yang boleh mengusulkan inovasi daerah? Terus yang boleh mengusulkan "
        "inisiatif inovasi daerah itu siapa saja?"
    )
    assert answer.kind == "faq" and len(answer.trace["query"]["parts"]) == 2
    assert answer.text.count("Usulan inisiatif inovasi daerah dapat berasal dari") == 1


def test_a_value_asked_for_a_year_no_passage_mentions_is_declined_saying_so(real_engine):
    asked = (
        "Berapa pemerintah daerah yang melaporkan inovasinya lewat aplikasi Indeks Inovasi Daerah"
    )
    held = real_engine.answer(f"{asked} pada IGA 2025?")
    assert held.found, "the knowledge base has a passage about IGA 2025"
    unheld = real_engine.answer(f"{asked} pada IGA 2013?")
    assert not unheld.found and not unheld.sources
    assert "tidak memuat data untuk tahun 2013" in unheld.text
    assert unheld.trace["decision"]["rule"] == "tahun-tidak-dimuat"
    # A year asked about without a value ("what happened then") is answered by no passage
    # about another year either; told as the setting in another sentence, it says nothing.
    stages = real_engine.answer("Apa saja tahapan penilaian IGA 2013?")
    assert not stages.found and "tidak memuat data untuk tahun 2013" in stages.text
    assert real_engine.answer(
        "Aplikasi kami diluncurkan tahun 2013. Apa saja tahapan penilaian IGA?"
    ).found
    # A span of years is a period: "2020–2024" names neither 2020 nor 2024.
    assert not real_engine.answer("Inovasi apa yang menang IGA 2020–2024?").trace["query"]["years"]


def test_a_value_asked_for_a_year_no_passage_gives_beside_that_year_is_declined(real_engine):
    # IGA 2025 is told with counts of regions and of innovations, never with a share.
    counted = real_engine.answer(
        "Berapa jumlah pemda yang melaporkan inovasi lewat aplikasi Indeks Inovasi Daerah pada "
        "IGA 2025?"
    )
    assert counted.found, counted.trace["decision"]
    share = real_engine.answer("Berapa persen daerah yang melaporkan inovasi pada IGA 2025?")
    assert not share.found and not share.sources
    assert share.trace["decision"]["rule"] == "nilai-tahun-tidak-dimuat"
    assert "tidak memuat data untuk tahun 2025 (persentase)" in share.text


def test_which_regulation_a_pasal_delegates_to_is_not_answered_by_that_pasal(real_engine):
    # UU 25/2009 Pasal 50 ayat (8) leaves the payment of compensation to a Perpres the
    # knowledge base does not hold: the pasal the question quotes names none.
    asked = real_engine.answer(
        "UU 25/2009 Pasal 50 ayat (8) menyebut mekanisme pembayaran ganti rugi diatur dalam "
        "peraturan presiden. Perpres nomor berapa itu?"
    )
    assert not asked.found and not asked.sources
    assert asked.trace["decision"]["rule"] == "nomor-peraturan-tidak-dimuat"
    assert "tidak memuat data untuk nomor Peraturan Presiden yang ditanyakan" in asked.text
    # The pasal itself is still quoted when asked for.
    quoted = real_engine.answer("Apa bunyi UU 25/2009 Pasal 50 ayat (8)?")
    assert quoted.found and quoted.trace["decision"]["rule"] == "pasal-disebut"
    # A passage naming the regulation asked for answers it.
    road_map = real_engine.answer(
        "Road Map Reformasi Birokrasi 2015–2019 ditetapkan dengan PermenPANRB nomor berapa?"
    )
    assert road_map.found and "PermenPANRB 11/2015" in road_map.text


def test_a_rule_holds_in_the_years_after_its_regulation(real_engine):
    # No passage names 2026, but the best one states a rule of PP 38/2017 naming no year: it
    # holds in 2026. A rule of a regulation enacted after the year asked holds nothing then.
    now = real_engine.answer("Apakah tahun 2026 pemda masih wajib melaporkan inovasi daerah?")
    assert now.found and any(s.citation.startswith("PP 38/2017") for s in now.sources)
    assert real_engine.answer("Bagaimana tahapan uji coba inovasi daerah tahun 2026?").found
    before = real_engine.answer("Bagaimana tahapan uji coba inovasi daerah tahun 2011?")
    assert not before.found and before.trace["decision"]["rule"] == "tahun-tidak-dimuat"


def test_a_value_asked_for_a_region_no_passage_names_is_declined_saying_so(real_engine):
    held = real_engine.answer(
        "Berapa nomor telepon layanan Home Care Dottoro'ta yang dihubungi warga Kota Makassar?"
    )
    assert held.found, "the knowledge base tells the Makassar case"
    unheld = real_engine.answer(
        "Berapa inovasi daerah yang dilaporkan Kota Kupang ke Kemendagri untuk IGA?"
    )
    assert not unheld.found and not unheld.sources
    assert "tidak memuat data untuk Kota Kupang" in unheld.text
    assert unheld.trace["decision"]["rule"] == "wilayah-tidak-dimuat"
    assert unheld.trace["decision"]["unsaid"] == ["Kota Kupang"]
    # A region told as the asker's setting, in another sentence than the value asked: the rule
    # says nothing against the passages.
    setting = real_engine.answer(
        "Pemkab Sumba Timur mau mengusulkan inovasi. Berapa lama batas waktu uji cobanya?"
    )
    assert setting.found, setting.trace["decision"]
    # A region as the setting of a question asking no value: the passages found still answer.
    assert real_engine.answer(
        "Kota Kupang ingin mereplikasi Lapor Sleman. Apa yang perlu disiapkan?"
    ).found
    # A year and a region unsaid are both said.
    both = real_engine.answer("Berapa skor Indeks Inovasi Daerah Kabupaten Pati pada IGA 2013?")
    assert "tidak memuat data untuk Kabupaten Pati, tahun 2013" in both.text


def test_a_value_asked_for_a_region_in_a_year_no_passage_names_together_is_declined(real_engine):
    held = real_engine.answer("Berapa anggaran Home Care Dottoro'ta Makassar pada tahun 2016?")
    assert held.found, "the Makassar case tells its 2016 budget"
    # Makassar is named by the case, 2018 by other passages found, but none names both: a
    # figure quoted from them would be another year's or another region's.
    unheld = real_engine.answer(
        "Berapa pasien yang dilayani Home Care Dottoro'ta Makassar pada tahun 2018?"
    )
    assert not unheld.found and not unheld.sources
    assert unheld.trace["decision"]["rule"] == "wilayah-tahun-tidak-dimuat"
    assert "tidak memuat data untuk Makassar tahun 2018" in unheld.text


def test_an_faq_answer_quotes_the_provisions_it_paraphrases(real_engine):
    # The FAQ says "unit kerja litbang"; the reader sees the pasal's own words beneath it.
    answer = real_engine.answer("Unit apa di Kemendagri yang menilai laporan penerapan inovasi?")
    assert answer.kind == "faq"
    faq_line = answer.text.split("\n", 1)[0]
    cited = [s for s in answer.sources if f"[{s.number}]" in faq_line]
    assert cited and all(s.pasal for s in cited)
    flat = " ".join(answer.text.split())
    quoted = answer.text.split("Bunyi ketentuannya:\n", 1)[1].split("\n\n", 1)[0]
    for source in cited[:2]:
        assert f"- {source.citation}: " in quoted
        assert " ".join(source.text.split()[:12]) in flat
