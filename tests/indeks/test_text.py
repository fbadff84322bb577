"""Indonesian normalisation for the keyword side."""

import pytest

from asisten.indeks import text
from asisten.indeks.text import content_words, tokens, words


def test_informal_spelling_is_normalised():
    assert content_words("klo mo bikin proposal gmn") == ["buat", "proposal"]


def test_english_function_words_are_dropped_and_terms_mapped():
    words = content_words("Who is allowed to propose a regional innovation since every trial")
    # "regional" and "innovation" are in the documents' English names, so they stay too.
    assert words == ["usul", "regional", "daerah", "innovation", "inovasi", "uji", "coba"]


def test_the_documents_legal_vocabulary_is_reached_from_english():
    # The glossary covers the documents' frequent terms, not only the innovation words.
    words = content_words("Which sanction applies to a violation of the permit by the regency?")
    assert {"sanksi", "pelanggaran", "izin", "kabupaten"} <= set(words)
    # An everyday loanword the documents also use keeps itself beside its reading.
    assert content_words("pinjol legal")[-2:] == ["legal", "hukum"]


def test_stemming_meets_at_the_root():
    assert tokens("pengusulan") == tokens("diusulkan") == ["usul"]


def test_chat_reduplication_is_the_word_itself():
    assert words("denger2 katanya hati2 ya, kuliah S2") == [
        "denger", "katanya", "hati", "ya", "kuliah", "s2",
    ]  # fmt: skip


def test_english_questions_are_told_from_indonesian_ones():
    from asisten.indeks.text import is_english_text

    assert is_english_text("When was the public service mall in Surabaya inaugurated?")
    assert is_english_text("Who is responsible for cataloguing innovations that existed before?")
    # Indonesian with English loanwords and names stays Indonesian.
    assert not is_english_text("Kapan Bandung Command Center mulai beroperasi dan berapa CCTV-nya?")
    assert not is_english_text("aplikasi jogja smart service tu wajib login pakai data apa?")
    assert not is_english_text("")


def test_inflected_english_words_are_english_and_indonesian_words_are_not():
    from asisten.indeks.text import is_english_word

    for word in ("inaugurated", "cataloguing", "existed", "centres", "studies", "during"):
        assert is_english_word(word), word
    for word in ("pemerintah", "dinas", "anggaran", "layanan", "kantor"):
        assert not is_english_word(word), word


def test_chat_spelling_is_read_from_the_colloquial_lexicon():
    from asisten.indeks.text import colloquial

    assert colloquial("lgsg") == ["langsung"]
    assert colloquial("ttg") == ["tentang"]
    # A word the lexicon does not list stays itself.
    assert colloquial("inovasi") == ["inovasi"]


def test_office_shorthand_is_the_post_it_names():
    assert content_words("kadis dan kabid") == ["kepala", "dinas", "kepala", "bidang"]


def test_jakarta_chat_particles_carry_no_topic():
    assert content_words("bro, gue mau nanya gitu aja, emang boleh banget?") == ["nanya"]


def test_a_courtesy_phrase_is_dropped_whole_and_its_words_alone_kept():
    # "terima kasih" says nothing; "tanda terima" (a receipt) and "kasih" (give) do.
    assert content_words("Terima kasih, pak. Wajib kasih tanda terima?") == [
        "kasih", "tanda", "terima",
    ]  # fmt: skip
    assert tokens("Terima kasih. Petugas memberikan tanda terima.") == [
        "tugas", "beri", "tanda", "terima",
    ]  # fmt: skip


def test_indonesian_regions_are_places_and_foreign_cities_are_not():
    from asisten.indeks.text import is_indonesian_place

    for word in ("sumba", "timur", "pontianak", "bekasi", "east", "regency"):
        assert is_indonesian_place(word), word
    for word in ("singapore", "munich", "berlin", "european"):
        assert not is_indonesian_place(word), word


def test_an_abbreviation_the_documents_use_keeps_itself_beside_its_reading():
    assert content_words("pemda dan OPD") == [
        "pemda", "pemerintah", "daerah", "opd", "perangkat", "daerah",
    ]  # fmt: skip
    assert content_words("yg") == []  # a chat spelling is replaced


def test_index_tokens_do_not_depend_on_the_query_side_lists(monkeypatch):
    from asisten.indeks import text

    document = "Pemda dan OPD menurut UU wajib melaporkan Innovative Government Award"
    indexed = tokens(document)
    assert indexed[:3] == ["pemda", "opd", "uu"]
    monkeypatch.setitem(text.INFORMAL, "pemda", "kantor")
    monkeypatch.setitem(text.INFORMAL, "lapor", "kirim")
    monkeypatch.setitem(text.ENGLISH, "award", "hadiah")
    assert tokens(document) == indexed


def test_a_query_side_list_changes_the_question_without_a_reindex(
    tmp_path, fake_embedder, data_file
):
    from asisten.indeks import lexicon
    from asisten.indeks.store import IndexStore
    from tests.conftest import CORPUS, build_with

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in (CORPUS / "regulasi").glob("pp-38*.md"):
        (corpus / source.name).write_text(source.read_text())
    store = IndexStore(tmp_path / "indeks")
    first = build_with(store, [corpus], fake_embedder)
    assert content_words("wkwk daerah") == ["wkwk", "daerah"]

    data_file("colloquial.txt", lexicon.read_text("colloquial.txt") + "wkwk inovasi\n")
    assert content_words("wkwk daerah") == ["inovasi", "daerah"]
    again = build_with(store, [corpus], fake_embedder)
    assert not again.changed and again.version == first.version

    # The stopwords are index-side: a change there rebuilds.
    data_file("stopwords.txt", lexicon.read_text("stopwords.txt") + "daerah\n")
    assert content_words("wkwk daerah") == ["inovasi"]
    rebuilt = build_with(store, [corpus], fake_embedder)
    assert rebuilt.changed and rebuilt.version != first.version
    assert (
        store.current_manifest()["index_lexicon"]
        != store.read_manifest(first.version)["index_lexicon"]
    )
    # So are the abbreviations: the index holds them beside their long forms.
    data_file("singkatan.txt", lexicon.read_text("singkatan.txt") + "pp38  inovasi\n")
    assert tokens("inovasi") == ["inovasi", "pp38"]
    assert build_with(store, [corpus], fake_embedder).changed


def test_changing_the_loaded_map_changes_the_question_at_once(monkeypatch):
    from asisten.indeks import text

    assert content_words("kpd inovasi") == ["kpd", "inovasi"]
    monkeypatch.setitem(text.INFORMAL, "kpd", "kepada")
    monkeypatch.setitem(text.ENGLISH, "innovation", "pembaruan")
    assert content_words("kpd innovation") == ["kepada", "pembaruan"]


def test_a_long_form_is_indexed_with_its_abbreviation():
    indexed = tokens("Dewan Perwakilan Rakyat Daerah melakukan pembinaan dan pengawasan")
    # The longest form at each place: DPRD, not DPR; "dan" is a stopword inside the form too.
    assert indexed[-2:] == ["dprd", "binwas"]
    assert "dpr" not in indexed
    # One form, several abbreviations: each is indexed.
    assert {"mendagri", "kemendagri"} <= set(tokens("Kementerian Dalam Negeri"))
    assert tokens("DPRD") == ["dprd"]


def test_a_questions_long_form_is_searched_by_its_abbreviation_too():
    from asisten.indeks.text import stem, with_abbreviations

    words = content_words("laporan keterangan pertanggungjawaban bupati kepada DPRD")
    more_words, more_stems = with_abbreviations(words, [stem(w) for w in words])
    assert more_words == [*words, "lkpj"]
    assert more_stems[-1] == "lkpj" and len(more_stems) == len(more_words)
    # Words without a long form are left as they are.
    assert with_abbreviations(["inovasi"], ["inovasi"]) == (["inovasi"], ["inovasi"])


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Apakah THR dan gaji ke-13 ASN dikenai PPh 21?", {"thr", "asn", "pph"}),
        ("Siswa SMP di Kab. Zurbagan", {"smp"}),
        ("Inovasi iPhone 16 Pro dan Perda baru", set()),  # one capital is a name, not an acronym
        ("APA SYARAT INOVASI DAERAH MENURUT PP 38?", set()),  # shouted
        ("klo mo bikin proposal inovasi isinya apa aja", set()),
    ],
)
def test_acronyms_are_the_words_typed_in_capitals(question, found):
    assert text.acronyms(question) == found
