"""Indonesian normalisation for the keyword side."""

from asisten.indeks.text import content_words, tokens


def test_informal_spelling_is_normalised():
    assert content_words("klo mo bikin proposal gmn") == ["buat", "proposal"]


def test_english_function_words_are_dropped_and_terms_mapped():
    words = content_words("Who is allowed to propose a regional innovation since every trial")
    assert words == ["usul", "daerah", "inovasi", "uji", "coba"]


def test_stemming_meets_at_the_root():
    assert tokens("pengusulan") == tokens("diusulkan") == ["usul"]
