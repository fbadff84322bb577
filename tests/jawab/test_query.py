import pytest

from asisten.jawab.query import (
    cited_provisions,
    find_provision,
    find_regulation,
    find_regulations,
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Pasal 389 UU 23/2014", ("389", None, "UU", "23", 2014)),
        ("pasal 6 PP 38 tahun 2017", ("6", None, "PP", "38", 2017)),
        ("UU 23 tahun 2014 pasal 389 bunyinya apa", ("389", None, "UU", "23", 2014)),
        ("isi pasal 7 ayat (2) PP 38/2017?", ("7", "2", "PP", "38", 2017)),
        ("pasal 20 ayat 3 peraturan pemerintah nomor 38 tahun 2017", ("20", "3", "PP", "38", 2017)),
        ("apa isi pasal 13", ("13", None, None, None, None)),
    ],
)
def test_provision_references(question, expected):
    ref = find_provision(question)
    assert (ref.pasal, ref.ayat, ref.jenis, ref.nomor, ref.tahun) == expected


def test_no_provision():
    assert find_provision("siapa yang boleh mengusulkan inovasi?") is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("asas pelayanan publik menurut UU 25/2009?", ("UU", "25", 2009)),
        ("pembinaan menurut PermenPANRB 91/2021", ("PermenPANRB", "91", 2021)),
        ("kriteria dalam PP 38 apa saja", ("PP", "38", None)),
    ],
)
def test_regulation_mentions(question, expected):
    mention = find_regulation(question)
    assert (mention.jenis, mention.nomor, mention.tahun) == expected
    assert question[mention.start : mention.end].lower().startswith(expected[0].lower()[:2])


def test_no_regulation_mention():
    assert find_regulation("siapa yang boleh mengusulkan inovasi?") is None


@pytest.mark.parametrize(
    ("question", "ayat"),
    [
        ("Pasal 388 ayat (10) dan (11) UU 23/2014 isinya apa?", ("10", "11")),
        ("Pasal 20 ayat (2), (3), dan (4) PP 38/2017", ("2", "3", "4")),
        ("pasal 7 ayat 1 sampai 3 PP 38/2017", ("1", "2", "3")),
        ("pasal 7 ayat (2) PP 38/2017", ("2",)),
    ],
)
def test_several_ayat_named_together(question, ayat):
    ref = find_provision(question)
    assert (ref.ayat, *ref.also) == ayat


@pytest.mark.parametrize(
    ("question", "pasal"),
    [
        ("Menurut UU 23/2014 Pasal 258 dan Pasal 259, untuk apa?", ("258", "259")),
        ("Apa isi Pasal 5, 6, dan 7 PP 38/2017?", ("5", "6", "7")),
        ("Pasal 7 dan 8 PP 38/2017 isinya?", ("7", "8")),
        ("Pasal 386 sampai 390 UU 23/2014 mengatur apa?", ("386", "387", "388", "389", "390")),
        ("Pasal 386–390 UU 23/2014", ("386", "387", "388", "389", "390")),
        # A number that is no pasal, a run naming a whole law, ayat of one pasal.
        ("Pasal 7 dan 2 ayat lainnya", ("7",)),
        ("Pasal 1 sampai 300 UU 23/2014", ("1",)),
        ("Pasal 7 ayat (2) dan (4) PP 38/2017", ("7",)),
    ],
)
def test_several_pasal_named_together(question, pasal):
    ref = find_provision(question)
    assert (ref.pasal, *ref.more_pasal) == pasal


def test_provisions_cited_in_guidance_text():
    passage = (
        "UU 23/2014 mengatur Bab XXI, Pasal 386–390. Pasal 386 ayat (1) menyebut tujuannya. "
        "Anggarannya dimuat dalam APBD (PP 38/2017 Pasal 30 ayat (1)); lihat juga "
        "PP 38/2017 Pasal 6 huruf b, Pasal 7, dan sekali lagi PP 38/2017 Pasal 30 ayat (1)."
    )
    assert cited_provisions(passage) == [
        "UU 23/2014 Pasal 386 ayat (1)",  # bare pasal: the regulation named before it
        "PP 38/2017 Pasal 30 ayat (1)",
        "PP 38/2017 Pasal 6",
        "PP 38/2017 Pasal 7",
    ]


def test_bare_pasal_without_a_named_regulation_is_not_guessed():
    assert cited_provisions("Menurut Pasal 7 ayat (2), proposal memuat rancang bangun.") == []


def test_several_regulations_named():
    question = "Apakah 'Menteri' di PP 38/2017 dan di UU 25/2009 itu menteri yang sama?"
    names = [(m.jenis, m.nomor, m.tahun) for m in find_regulations(question)]
    assert names == [("PP", "38", 2017), ("UU", "25", 2009)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Pasal 3 SEOJK 19/2023", ("3", "SEOJK", "19", 2023)),
        ("pasal 2 Perbup Sleman 5/2020", ("2", "Perbup Sleman", "5", 2020)),
        ("pasal 4 Perda 8/2025", ("4", "Perda", "8", 2025)),
        ("pasal 1 peraturan gubernur bali nomor 2 tahun 2021", ("1", "Pergub Bali", "2", 2021)),
        ("pasal 5 Permenkomdigi 9/2026", ("5", "Permenkomdigi", "9", 2026)),
        ("pasal 9 permenpan rb 91/2021", ("9", "PermenPANRB", "91", 2021)),
    ],
)
def test_every_registry_type_is_understood(question, expected):
    ref = find_provision(question)
    assert (ref.pasal, ref.jenis, ref.nomor, ref.tahun) == expected


def test_a_region_left_out_still_names_the_regional_regulation():
    mention = find_regulation("isi Perda 8/2025 tentang pajak")
    assert mention.matches_document("Perda Banjarnegara", "8", 2025)
    assert not find_regulation("Perda Sleman 8/2025").matches_document(
        "Perda Banjarnegara", "8", 2025
    )


def test_undang_undang_dasar_is_no_numbered_regulation():
    assert find_regulations("sesuai UUD 1945 dan Undang-Undang Dasar 1945") == []


def test_corpus_citations_of_new_types():
    passage = "Lihat Pergub Bali 2/2021 Pasal 31 dan Perban BSSN 8/2020 Pasal 2 ayat (1)."
    assert cited_provisions(passage) == [
        "Pergub Bali 2/2021 Pasal 31",
        "Perban BSSN 8/2020 Pasal 2 ayat (1)",
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Under Law 23/2014, who may investigate?", [("UU", "23", 2014)]),
        ("What does Law No. 9 of 2015 change?", [("UU", "9", 2015)]),
        (
            "Government Regulation (PP) 38/2017 and Act 25/2009",
            [("PP", "38", 2017), ("UU", "25", 2009)],
        ),
        ("Presidential Regulation Number 89 Year 2021", [("Perpres", "89", 2021)]),
        ("Government Regulation in Lieu of Law 1/2014", [("Perppu", "1", 2014)]),
        ("Under BSSN Regulation 8/2020, who is fostered?", [("Perban BSSN", "8", 2020)]),
        # Derived from the agency's alias "Peraturan BRIN", listed nowhere in English.
        ("BRIN Regulation No. 3 of 2022", [("Perban BRIN", "3", 2022)]),
    ],
)
def test_english_names_of_regulation_types(question, expected):
    assert [(m.jenis, m.nomor, m.tahun) for m in find_regulations(question)] == expected


@pytest.mark.parametrize(
    "question",
    ["Which law 2 years ago changed the rules?", "Is there a regulation 5 times stricter?"],
)
def test_an_english_type_name_without_number_and_year_names_nothing(question):
    assert find_regulations(question) == []
