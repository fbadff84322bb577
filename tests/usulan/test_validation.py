import pytest

from asisten.usulan.template import Step
from asisten.usulan.validation import Invalid, Valid, validate


def make_step(kind: str = "text", **kwargs: object) -> Step:
    defaults: dict[str, object] = {
        "key": "bagian",
        "title": "Bagian uji",
        "question": "Pertanyaan?",
        "help": "",
        "rule": "PP 38/2017",
    }
    return Step(kind=kind, **{**defaults, **kwargs})


def invalid_message(step: Step, raw: str, answers: dict[str, str] | None = None) -> str:
    result = validate(step, raw, answers or {})
    assert isinstance(result, Invalid), result
    assert result.message.strip()
    return result.message


JENIS = make_step("choice", key="jenis", title="Jenis inovasi", choices=("Digital", "Non digital"))
BENTUK = make_step(
    "choice",
    key="bentuk",
    title="Bentuk inovasi",
    choices=("Tata kelola pemerintahan daerah", "Pelayanan publik", "Urusan pemerintahan lain"),
)
UJI_COBA = make_step("date", key="waktu_uji_coba", title="Waktu uji coba")
PENERAPAN = make_step(
    "date", key="waktu_penerapan", title="Waktu penerapan", after="waktu_uji_coba"
)
ANGGARAN = make_step("number", key="anggaran", title="Anggaran")


# --- empty answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "long_text", "choice", "date", "number"])
@pytest.mark.parametrize("raw", ["", "   ", "\n\t \r\n"])
def test_empty_required_answer_is_rejected(kind, raw):
    step = make_step(kind, choices=("Ya", "Tidak"))
    message = invalid_message(step, raw)
    assert "wajib diisi" in message
    assert "`lewati`" in message
    assert "tidak wajib" in message


@pytest.mark.parametrize("kind", ["text", "long_text", "choice", "date", "number"])
def test_empty_optional_answer_asks_for_lewati(kind):
    step = make_step(kind, required=False, choices=("Ya", "Tidak"))
    message = invalid_message(step, "  ")
    assert "wajib diisi" not in message
    assert "ketik `lewati`" in message


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Sistem antrean daring  ", "Sistem antrean daring"),
        ("Baris satu\r\nBaris dua\r\n", "Baris satu\nBaris dua"),
        ("Baris satu\rBaris dua", "Baris satu\nBaris dua"),
        ("e-KTP   dengan  spasi ganda", "e-KTP   dengan  spasi ganda"),
    ],
)
@pytest.mark.parametrize("kind", ["text", "long_text"])
def test_text_is_kept_as_typed_but_trimmed(kind, raw, expected):
    assert validate(make_step(kind), raw, {}) == Valid(expected)


def test_text_too_long_reports_the_count():
    step = make_step("long_text", title="Ringkasan", max_chars=1_000)
    message = invalid_message(step, "a" * 1_234)
    assert "1.234 karakter" in message
    assert "maksimal 1.000 karakter" in message


def test_text_at_the_limit_is_accepted():
    step = make_step("text", max_chars=10)
    assert validate(step, "  " + "a" * 10 + "  ", {}) == Valid("a" * 10)


def test_too_few_words_says_how_many_and_how_many_needed():
    step = make_step("long_text", title="Rancang bangun", min_words=300)
    message = invalid_message(step, " ".join(["kata"] * 120))
    assert message.startswith("Rancang bangun baru 120 kata; minimal 300 kata.")
    assert "Tambahkan" in message
    assert "180 kata lagi" in message


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("Inovasi — layanan, cepat!!! dan   mudah.", 5),
        ("Pelayanan e-KTP 24 jam", 5),  # "e" and "KTP" are separate letter sequences
        ("Peningkatan mutu pendidikan di Daerah Istimewa Yogyakarta", 7),
        ("Layanan kesehatan ibu–anak", 4),
        ("Çatalhöyük naïve façade", 3),
        ("- - - ...", 0),
    ],
)
def test_word_count_uses_unicode_letter_and_digit_sequences(raw, words):
    enough = make_step("long_text", min_words=words)
    assert validate(enough, raw, {}) == Valid(raw.strip())
    too_many = make_step("long_text", min_words=words + 1)
    assert f"baru {words} kata; minimal {words + 1} kata" in invalid_message(too_many, raw)


def test_min_words_zero_accepts_any_non_empty_text():
    assert validate(make_step("text", min_words=0), "ok", {}) == Valid("ok")


# --- choice -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "raw", "expected"),
    [
        (JENIS, "1", "Digital"),
        (JENIS, "2", "Non digital"),
        (JENIS, " 2. ", "Non digital"),
        (JENIS, "(2)", "Non digital"),
        (BENTUK, "nomor 3", "Urusan pemerintahan lain"),
        (JENIS, "Digital", "Digital"),
        (JENIS, "digital", "Digital"),  # exact match wins over containment in "Non digital"
        (JENIS, "DIGITAL", "Digital"),
        (JENIS, "non digital", "Non digital"),
        (JENIS, "NON-DIGITAL", "Non digital"),
        (JENIS, "Non  digital.", "Non digital"),
        (JENIS, "non", "Non digital"),  # unique prefix
        (JENIS, "dig", "Digital"),
        (BENTUK, "tata", "Tata kelola pemerintahan daerah"),
        (BENTUK, "pelayanan", "Pelayanan publik"),
        (BENTUK, "publik", "Pelayanan publik"),  # contained as a word
        (BENTUK, "kelola pemerintahan", "Tata kelola pemerintahan daerah"),
        (BENTUK, "pemerintahan lain", "Urusan pemerintahan lain"),
        (BENTUK, "pelayan publik", "Pelayanan publik"),  # typo
        (BENTUK, "pelayanan publk", "Pelayanan publik"),
        (JENIS, "digtal", "Digital"),
        (JENIS, "non digitl", "Non digital"),
    ],
)
def test_choice_accepted(step, raw, expected):
    assert validate(step, raw, {}) == Valid(expected)


def test_numeric_choice_text_matches_before_position():
    step = make_step("choice", choices=("2", "1"))
    assert validate(step, "1", {}) == Valid("1")


@pytest.mark.parametrize(
    ("step", "raw", "mentioned"),
    [
        (JENIS, "3", "nomor 3"),
        (JENIS, "0", "nomor 0"),
        (JENIS, "analog", '"analog"'),
        (JENIS, "?", '"?"'),
        (BENTUK, "pemerintahan", "lebih dari satu pilihan"),
        (BENTUK, "layanan", '"layanan"'),  # a word part, not a prefix nor a typo of a choice
        (BENTUK, "pelayanan kesehatan", '"pelayanan kesehatan"'),
    ],
)
def test_choice_rejected_lists_numbered_choices(step, raw, mentioned):
    message = invalid_message(step, raw)
    assert mentioned in message
    for number, choice in enumerate(step.choices, start=1):
        assert f"{number}. {choice}" in message


def test_ambiguous_choice_names_the_candidates():
    message = invalid_message(BENTUK, "pemerintahan")
    assert "(Tata kelola pemerintahan daerah, Urusan pemerintahan lain)" in message


def test_fuzzy_match_needs_a_clear_winner():
    step = make_step("choice", choices=("Kabupaten A", "Kabupaten B"))
    message = invalid_message(step, "kabupaten c")
    assert "1. Kabupaten A" in message
    assert "2. Kabupaten B" in message


# --- date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-01", "2025-03-01"),
        ("2025/3/1", "2025-03-01"),
        ("1/3/2025", "2025-03-01"),
        ("01-03-2025", "2025-03-01"),
        ("1.3.2025", "2025-03-01"),
        ("31/12/2025", "2025-12-31"),
        ("1 Maret 2025", "2025-03-01"),
        ("01 maret 2025", "2025-03-01"),
        ("1 MARET 2025", "2025-03-01"),
        ("1 Mar 2025", "2025-03-01"),
        ("1 Mar. 2025", "2025-03-01"),
        ("1-Mar-2025", "2025-03-01"),
        ("  15 Agustus 2025. ", "2025-08-15"),
        ("Maret 2025", "2025-03-01"),
        ("mar 2025", "2025-03-01"),
        ("Januari-2026", "2026-01-01"),
        ("29 Februari 2028", "2028-02-29"),
        ("1 Jan 2026", "2026-01-01"),
        ("1 Feb 2026", "2026-02-01"),
        ("1 Apr 2026", "2026-04-01"),
        ("1 Mei 2026", "2026-05-01"),
        ("1 Jun 2026", "2026-06-01"),
        ("1 Jul 2026", "2026-07-01"),
        ("1 Agu 2026", "2026-08-01"),
        ("1 Agt 2026", "2026-08-01"),
        ("1 Ags 2026", "2026-08-01"),
        ("1 Sep 2026", "2026-09-01"),
        ("1 Sept 2026", "2026-09-01"),
        ("1 Okt 2026", "2026-10-01"),
        ("1 Nov 2026", "2026-11-01"),
        ("1 Des 2026", "2026-12-01"),
        ("1 Pebruari 2026", "2026-02-01"),
        ("1 Nopember 2026", "2026-11-01"),
        ("1 March 2025", "2025-03-01"),
        ("1 May 2025", "2025-05-01"),
        ("1 October 2025", "2025-10-01"),
        ("December 2025", "2025-12-01"),
        ("March 1, 2025", "2025-03-01"),
        ("1 Aug 2025", "2025-08-01"),
        ("2000-01-01", "2000-01-01"),
        ("31 Desember 2100", "2100-12-31"),
    ],
)
def test_date_accepted(raw, expected):
    assert validate(UJI_COBA, raw, {}) == Valid(expected)


@pytest.mark.parametrize(
    ("raw", "mentioned"),
    [
        ("31 Februari 2025", "31 Februari 2025 tidak ada"),
        ("29/2/2025", "Februari 2025 hanya sampai tanggal 28"),
        ("2025-04-31", "April 2025 hanya sampai tanggal 30"),
        ("0 Maret 2025", "0 Maret 2025 tidak ada"),
        ("3/31/2025", "Bulan 31"),
        ("2025-13-01", "Bulan 13"),
        ("1 Maret 1999", "Tahun 1999"),
        ("1999-12-31", "2000–2100"),
        ("2101-01-01", "Tahun 2101"),
        ("1/3/25", "empat angka"),
        ("1 Marc 2025", 'bulan "marc"'),
        ("besok", "tidak dikenali sebagai tanggal"),
        ("2025", "tidak dikenali sebagai tanggal"),
        ("1 Maret", "tidak dikenali sebagai tanggal"),
    ],
)
def test_date_rejected(raw, mentioned):
    message = invalid_message(UJI_COBA, raw)
    assert mentioned in message
    assert "misalnya" in message  # every rejection shows a good answer


def test_date_must_be_after_the_earlier_step():
    message = invalid_message(PENERAPAN, "1 Maret 2025", {"waktu_uji_coba": "2025-06-01"})
    assert message.startswith(
        "Waktu penerapan (1 Maret 2025) harus sesudah waktu uji coba (1 Juni 2025)."
    )
    assert "2 Juni 2025" in message


def test_same_date_as_the_earlier_step_is_rejected():
    message = invalid_message(PENERAPAN, "2025-06-01", {"waktu_uji_coba": "2025-06-01"})
    assert "(1 Juni 2025)" in message


@pytest.mark.parametrize(
    ("raw", "answers", "expected"),
    [
        ("2 Juni 2025", {"waktu_uji_coba": "2025-06-01"}, "2025-06-02"),
        ("Juli 2025", {"waktu_uji_coba": "2025-06-30"}, "2025-07-01"),
        ("1 Maret 2025", {}, "2025-03-01"),  # no earlier date yet
        ("1 Maret 2025", {"waktu_uji_coba": ""}, "2025-03-01"),
        ("1 Maret 2025", {"lain": "2030-01-01"}, "2025-03-01"),
    ],
)
def test_date_after_earlier_step_is_accepted(raw, answers, expected):
    assert validate(PENERAPAN, raw, answers) == Valid(expected)


# --- number (rupiah) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("150000000", "150000000"),
        ("150.000.000", "150000000"),
        ("150,000,000", "150000000"),
        ("Rp 150.000.000", "150000000"),
        ("Rp. 150.000.000", "150000000"),
        ("rp150.000.000", "150000000"),
        ("Rp 150.000.000,-", "150000000"),
        ("Rp 150.000.000,00", "150000000"),
        ("150.000.000 rupiah", "150000000"),
        ("150 000 000", "150000000"),
        ("150.000", "150000"),
        ("Rp150 jt", "150000000"),
        ("150jt", "150000000"),
        ("150 juta", "150000000"),
        ("150 Juta", "150000000"),
        ("1,5 miliar", "1500000000"),
        ("1.5 M", "1500000000"),
        ("1,5M", "1500000000"),
        ("2 milyar", "2000000000"),
        ("2,25 miliar", "2250000000"),
        ("500 ribu", "500000"),
        ("500rb", "500000"),
        ("1 triliun", "1000000000000"),
        ("1.500 juta", "1500000000"),
        ("1 miliar 250 juta", "1250000000"),
        ("sekitar Rp 100 juta", "100000000"),
        ("0", "0"),
        ("Rp 0", "0"),
        ("seratus juta", "100000000"),
        ("seratus lima puluh juta rupiah", "150000000"),
        ("dua ratus lima puluh ribu", "250000"),
        ("satu miliar dua ratus juta", "1200000000"),
        ("sejuta", "1000000"),
        ("dua belas juta", "12000000"),
        ("Rp 1,2 miliar", "1200000000"),
    ],
)
def test_rupiah_accepted(raw, expected):
    assert validate(ANGGARAN, raw, {}) == Valid(expected)


@pytest.mark.parametrize(
    ("raw", "mentioned"),
    [
        ("-150000", "negatif"),
        ("Rp -150.000", "negatif"),
        ("-Rp 150.000", "negatif"),
        ("minus 5 juta", "negatif"),
        ("belum tahu", "tidak berisi angka"),
        ("sekitar 100-200 juta", "satu jumlah saja"),
        ("100 juta - 200 juta", "satu jumlah saja"),
        ("100 sampai 200 juta", "satu jumlah saja"),
        ("100 s.d. 200 juta", "satu jumlah saja"),
        ("100 atau 150 juta", "satu jumlah saja"),
        ("150 dolar", 'Satuan "dolar"'),
        ("1,5", "bukan jumlah rupiah utuh"),
        ("150.000,50", "bukan jumlah rupiah utuh"),
        ("1.50.000", "tidak dikenali sebagai jumlah rupiah"),
        ("150 juta per tahun", "tidak dikenali sebagai jumlah rupiah"),
        ("250 juta 1 miliar", "tidak dikenali sebagai jumlah rupiah"),
    ],
)
def test_rupiah_rejected(raw, mentioned):
    message = invalid_message(ANGGARAN, raw)
    assert mentioned in message
    assert "150 juta" in message or "Rp 150.000" in message


def test_range_message_asks_for_one_number_and_quotes_the_answer():
    message = invalid_message(ANGGARAN, "sekitar 100-200 juta")
    assert '"sekitar 100-200 juta"' in message
    assert "Tulis satu jumlah saja" in message


@pytest.mark.parametrize(
    ("raw", "expected", "rest"),
    [
        ("Rp150.000.000 dari APBD Dinas Kesehatan", "150000000", "dari apbd dinas kesehatan"),
        ("150 juta untuk dua puskesmas", "150000000", "untuk 2 puskesmas"),
        ("kira-kira Rp 75 juta, dari CSR", "75000000", "dari csr"),
    ],
)
def test_amount_inside_a_sentence_keeps_the_rest(raw, expected, rest):
    assert validate(ANGGARAN, raw, {}) == Valid(expected, rest=rest)


def test_two_amounts_in_a_sentence_ask_for_one():
    message = invalid_message(ANGGARAN, "Rp 100 juta tahun ini dan Rp 50 juta tahun depan")
    assert "lebih dari satu jumlah" in message


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        validate(make_step("warna"), "merah", {})
