"""Indonesian normalisation for the keyword side."""

from asisten.indeks.text import content_words, tokens, words


def test_informal_spelling_is_normalised():
    assert content_words("klo mo bikin proposal gmn") == ["buat", "proposal"]


def test_english_function_words_are_dropped_and_terms_mapped():
    words = content_words("Who is allowed to propose a regional innovation since every trial")
    assert words == ["usul", "daerah", "inovasi", "uji", "coba"]


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


def test_indonesian_regions_are_places_and_foreign_cities_are_not():
    from asisten.indeks.text import is_indonesian_place

    for word in ("sumba", "timur", "pontianak", "bekasi", "east", "regency"):
        assert is_indonesian_place(word), word
    for word in ("singapore", "munich", "berlin", "european"):
        assert not is_indonesian_place(word), word
