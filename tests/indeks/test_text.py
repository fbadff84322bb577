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
