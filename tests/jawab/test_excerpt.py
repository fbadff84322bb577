"""Excerpts of long passages: a readable run of sentences around the question's words."""

from __future__ import annotations

import re

from asisten.indeks import text
from asisten.jawab.answer import excerpt


def _stems(question: str) -> list[str]:
    return [text.stem(w) for w in text.content_words(question)]


def test_short_passage_is_kept_whole():
    assert excerpt("Pasal pendek.", _stems("pasal"), limit=100) == "Pasal pendek."


def test_a_passage_little_longer_than_the_room_is_kept_whole():
    # Cutting its last item would save the reader a line, and may drop the item asked about.
    items = [f"{letter}. Penerbitan izin rumah sakit kelas {letter.upper()}." for letter in "abcd"]
    passage = " ".join(items)
    stems = _stems("izin rumah sakit kelas A")
    assert excerpt(passage, stems, limit=len(passage) / 1.15) == passage
    assert excerpt(passage, stems, limit=len(passage) / 2) != passage


def test_long_passage_gives_the_consecutive_sentences_about_the_question():
    filler = [f"Kalimat pengisi nomor {i} tentang hal lain sama sekali." for i in range(12)]
    topic = [
        "Insentif bagi dukun beranak adalah Rp50 ribu per persalinan.",
        "Insentif itu dibayar dari dana desa setiap bulan.",
    ]
    passage = " ".join(filler[:6] + topic + filler[6:])
    result = excerpt(passage, _stems("berapa insentif dukun beranak dari dana desa"), limit=200)
    assert topic[0] in result and topic[1] in result
    assert result.index(topic[0]) < result.index(topic[1])
    assert result.startswith("… ") and result.endswith(" …")
    # One run of neighbours, not sentences picked from all over the passage.
    assert filler[0] not in result and filler[-1] not in result


def test_excerpt_keeps_list_items_in_their_order():
    passage = "\n".join(
        ["Kerangka regulasi terdiri atas:"]
        + [f"{i}. Peraturan ini mengatur penilaian inovasi." for i in range(1, 9)]
    )
    result = excerpt(passage, _stems("penilaian inovasi"), limit=250)
    numbers = [int(n) for n in re.findall(r"(\d)\. Peraturan", result)]
    assert len(numbers) >= 2
    assert numbers == list(range(numbers[0], numbers[-1] + 1))


def test_a_list_asked_for_is_shown_whole_where_a_further_passage_would_be_cut():
    lead = "Penyelenggara melakukan penilaian mandiri berdasarkan indikator paling sedikit:"
    items = [
        f"{letter}. penyediaan fitur nomor {i} yang ditawarkan kepada pengguna Anak;"
        for i, letter in enumerate("abcdefghij")
    ]
    passage = "\n".join([lead, *items])
    stems = _stems("indikator penilaian mandiri")
    cut = excerpt(passage, stems, limit=250)
    assert items[-1] not in cut and cut.endswith(" …")
    whole = excerpt(passage, stems, limit=250, asks_list=True)
    assert whole == passage
    # A passage that opens no list keeps the usual room, whatever the question asks.
    prose = " ".join(f"Kalimat penilaian mandiri nomor {i} tanpa daftar." for i in range(20))
    assert excerpt(prose, stems, limit=250, asks_list=True) == excerpt(prose, stems, limit=250)


def test_the_tightest_run_holding_the_words_wins_over_an_opening_that_repeats_them():
    opening = [
        "Kulon Progo membeli produk lokal dalam gerakan besar yang dicanangkan sejak lama.",
        "Produk lokal Kulon Progo dijual di banyak tempat resmi.",
        "Produk lokal Kulon Progo juga dipamerkan.",
    ]
    core = [
        "Tomira adalah toko rakyat.",
        "Gerai lain ditutup.",
        "Tiap Tomira wajib menyediakan 20% tempat untuk produk lokal Kulon Progo.",
    ]
    passage = " ".join(opening + core + ["Penutup yang tidak berkaitan dengan apa pun di sini."])
    result = excerpt(passage, _stems("apa itu Tomira di Kulon Progo dan produk lokal"), limit=210)
    # The opening names "Kulon Progo" and "produk lokal" three times over and reaches "Tomira"
    # within the room; the answer is the short run around both mentions of Tomira.
    assert "20%" in result and core[0] in result
    assert opening[0] not in result


def test_words_the_best_run_lacks_get_a_second_run_after_an_ellipsis():
    filler = [f"Kalimat pengisi nomor {i} tentang hal lain sama sekali." for i in range(10)]
    head = "Kepala badan riset berada pada kelas jabatan 15."
    deputy = "Sekretaris badan riset berada pada kelas jabatan 12."
    passage = " ".join([head, *filler, deputy, *filler[:3]])
    result = excerpt(passage, _stems("kelas jabatan kepala badan riset? sekretarisnya?"), 180)
    assert head in result and deputy in result
    assert " … " + deputy in result and result.index(head) < result.index(deputy)
    assert len(result) <= 180 + len(" … ") * 2
    # A question the first run answers whole gets no second one.
    alone = excerpt(passage, _stems("kelas jabatan kepala badan riset"), 180)
    assert deputy not in alone


def test_a_list_the_excerpt_opens_is_shown_with_its_items_for_a_list_question():
    # The question's words sit in the opening and in the list's lead; the items hold none.
    opening = "Jika hasil evaluasi membuktikan daerah berkinerja rendah, pembinaan dilakukan."
    middle = [f"Kalimat pengisi nomor {i} tentang hal lain sama sekali." for i in range(30)]
    lead = "Fasilitasi khusus dilakukan untuk perbaikan, berupa:"
    items = [f"{letter}. tindakan nomor {i} oleh pemerintah;" for i, letter in enumerate("abcde")]
    items[-1] = items[-1].rstrip(";") + "."
    closing = [f"Kalimat penutup nomor {i} tentang hal lain lagi." for i in range(30)]
    passage = " ".join([opening, *middle, lead, *items, *closing])
    stems = _stems(
        "kalau hasil evaluasi membuktikan berkinerja rendah, fasilitasi khusus berupa apa?"
    )
    limit = sum(len(s) + 1 for s in [opening, *middle, lead, *items[:2]])
    plain = excerpt(passage, stems, limit=limit)
    assert opening in plain and items[-1] not in plain  # the room goes to the opening first
    listed = excerpt(passage, stems, limit=limit, asks_list=True)
    assert lead in listed and all(item in listed for item in items)
    assert listed.startswith("… ")  # what made room is taken from the start


def test_an_excerpt_keeps_the_lines_of_the_passage():
    # A named row of a division matrix: each cell and each item on its own line. Cut into an
    # excerpt, it must still read as cells and items, not as one run-on line.
    rows = [f"Kalimat pembuka nomor {i} tentang hal lain sama sekali." for i in range(8)]
    cells = [
        "Daerah Provinsi:",
        "a. Pelembagaan PUG pada lembaga pemerintah tingkat Daerah provinsi.",
        "b. Pemberdayaan perempuan pada organisasi kemasyarakatan tingkat Daerah provinsi.",
        "Daerah Kabupaten/Kota:",
        "a. Pelembagaan PUG pada lembaga pemerintah tingkat Daerah kabupaten/kota.",
    ]
    passage = " ".join(rows) + "\n" + "\n".join(cells)
    result = excerpt(passage, _stems("pelembagaan PUG daerah kabupaten/kota"), limit=260)
    assert result.startswith("… ") and rows[0] not in result
    assert "\n".join(cells[-2:]) in result
    # Sentences the passage runs together stay on one line.
    long_line = " ".join(f"Pelembagaan PUG kalimat nomor {i} di kabupaten." for i in range(12))
    assert "\n" not in excerpt(long_line, _stems("pelembagaan PUG kabupaten"), limit=200)


def test_an_item_in_an_excerpt_keeps_its_letter_and_no_letter_is_left_alone():
    filler = [f"Kalimat pengisi nomor {i} tentang hal lain sama sekali." for i in range(10)]
    items = [
        "a. Pencegahan kekerasan terhadap perempuan lingkup nasional.",
        "b. Penyediaan layanan rujukan akhir bagi perempuan korban kekerasan.",
        "c. Standardisasi lembaga penyedia layanan.",
    ]
    passage = " ".join([*filler, *items, *filler])
    stems = _stems("layanan rujukan akhir bagi perempuan korban kekerasan")
    result = excerpt(passage, stems, limit=len(items[1]) + 2)
    # The item's letter is part of its sentence: the run holding the item shows it.
    assert result == "… " + items[1] + " …"
    # No run ends on the next item's letter alone.
    longer = excerpt(passage, stems, limit=len(items[1]) + 5)
    assert not re.search(r"\b[a-z]\. …$", longer)


def test_an_item_mark_inside_a_line_stays_with_its_item():
    filler = [f"Kalimat pengisi nomor {i} tentang hal lain sama sekali." for i in range(10)]
    # A table cell run together on one line: the mark "a." follows its heading's words.
    cell = (
        "Pengelolaan informasi administrasi kependudukan a. Verifikasi data kependudukan dari"
        " desa. b. Pengelolaan basis data kependudukan nasional."
    )
    passage = " ".join([*filler, cell, *filler])
    stems = _stems("pengelolaan informasi administrasi kependudukan")
    result = excerpt(passage, stems, limit=70)
    assert "Pengelolaan informasi administrasi kependudukan a. Verifikasi" in result
    assert not re.search(r"\b[a-z]\. …", result)
