"""Word lists and numbers shipped as data files, and the loaders that read them."""

from __future__ import annotations

import pytest

from asisten.indeks import lexicon, text
from asisten.jawab import calibration, scope


def test_every_packaged_file_loads():
    assert {"yang", "the", "gue"} <= text.STOPWORDS
    assert text.INFORMAL["yg"] == "yang"
    assert text.ENGLISH["budget"] == "anggaran"
    assert text.is_indonesian_place("regency")
    assert "inovasi" in scope.SCOPE_STEMS and ("uji", "coba") in scope.SCOPE_PAIRS
    assert calibration.calibration_for("multilingual-e5-small").dense_weight == 40.0
    assert calibration.calibration_for("some/local/path") == calibration.WORDS_ONLY
    assert 0 < calibration.FULL_COVERAGE <= 1
    assert calibration.shared().rrf_k == 60 and calibration.shared().candidates >= 10
    assert {"pasal", "bunyi"} <= lexicon.word_list("request_words.txt")


def test_comments_and_blank_lines_are_ignored(data_file):
    data_file("places.txt", "# a comment\n\naceh  # trailing comment\nbali\n")
    assert lexicon.word_list("places.txt") == {"aceh", "bali"}


def test_a_phrase_list_holds_words_and_phrases(data_file):
    data_file("stopwords.txt", "yang\nterima kasih  # a courtesy\n")
    assert lexicon.phrase_list("stopwords.txt") == {("yang",), ("terima", "kasih")}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("places.txt", "aceh\nbanda aceh\n", "data/places.txt:2: one word a line"),
        ("stopwords.txt", "yang\nYang\n", "data/stopwords.txt:2: 'Yang' is not a normalised"),
        ("stopwords.txt", "yang\n\nyang\n", "data/stopwords.txt:3: 'yang' is listed twice"),
        ("stopwords.txt", "terima kasih\nterima  kasih\n", "stopwords.txt:2: 'terima kasih' is"),
        ("colloquial.txt", "yg yang\nbos\n", "data/colloquial.txt:2: 'bos' has no reading"),
        ("english.txt", "public's masyarakat\n", 'data/english.txt:1: "public\'s" is not'),
    ],
)
def test_a_malformed_line_is_named(data_file, name, content, message):
    data_file(name, content)
    loaders = {"stopwords.txt": lexicon.phrase_list, "places.txt": lexicon.word_list}
    loader = loaders.get(name, lexicon.word_map)
    with pytest.raises(lexicon.LexiconError, match=message.replace("(", r"\(")):
        loader(name)


def test_a_malformed_calibration_is_named_with_its_line(data_file):
    good = lexicon.read_text("calibration.yaml")
    data_file("calibration.yaml", good.replace("dense_weight: 40.0", "dense_weight: lots"))
    with pytest.raises(lexicon.LexiconError, match=r"calibration.yaml:\d+: 'dense_weight' is"):
        calibration.calibration_for("multilingual-e5-small")


def test_a_calibration_names_every_field(data_file):
    good = lexicon.read_text("calibration.yaml")
    data_file("calibration.yaml", good.replace("    dense_weight: 40.0\n", "", 1))
    with pytest.raises(lexicon.LexiconError, match="'multilingual-e5-small'.*dense_weight"):
        calibration.calibrations()


def test_the_shared_numbers_name_every_field(data_file):
    good = lexicon.read_text("calibration.yaml")
    data_file("calibration.yaml", good.replace("  distinctive_idf: 4.0\n", "", 1))
    with pytest.raises(lexicon.LexiconError, match="'shared'.*distinctive_idf"):
        calibration.shared()


def test_a_malformed_scope_is_an_error(data_file):
    data_file("scope.yaml", "stems: [inovasi]\npairs:\n  - [uji]\n")
    with pytest.raises(lexicon.LexiconError, match=r"scope.yaml:2: pairs are \[a, b\]"):
        scope.mentions_scope(["inovasi"])
