"""The kind of value a question asks for, and whether a passage says one (data/jenis_jawaban.yaml)."""

from __future__ import annotations

import pytest

from asisten.jawab.answer_type import (
    answer_types,
    asks_list,
    asks_yes_no,
    expected,
    opens_list,
    says,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Berapa persen porsi belanja pegawai dari APBD?", "persentase"),
        ("Berapa biaya pendaftaran merek untuk UMKM?", "uang"),
        ("Berapa besaran denda keterlambatan per hari?", "uang"),
        ("Berapa lama evaluasi usulan inovasi dilakukan?", "waktu"),
        ("Kapan laporan inovasi harus disampaikan?", "waktu"),
        ("How long does the evaluation of a proposal take?", "waktu"),
        ("Berapa jumlah anggota tim independen?", "jumlah"),
        # English asks for a value with "what/which … <noun>" as often as with "how many".
        ("What score did the regency get in the innovation index?", "jumlah"),
        ("What share of the complaints were resolved?", "persentase"),
        ("What is the monthly allowance of an innovation team member?", "uang"),
        ("What does the regulation say about trial periods?", ""),
        ("Siapa yang dapat mengusulkan inovasi daerah?", ""),
        ("Apa saja prinsip inovasi daerah?", ""),
        # A value the knowledge base seldom holds, asked as such ...
        ("berapa no wa admin lapor sleman?", "kontak"),
        ("Nomor telepon kantor Dinkes Makassar berapa ya?", "kontak"),
        ("Kantor BRIDA Bali alamatnya dimana?", "alamat"),
        ("What is the phone number of the Makassar health office?", "kontak"),
        ("MPP Siola hari Sabtu buka nggak?", "jam_layanan"),
        ("Loket Dukcapil tutup jam berapa?", "jam_layanan"),
        # ... but not whether a regulation requires one, nor what the term means.
        ("Apakah standar pelayanan wajib memuat nomor telepon pengaduan?", ""),
        ("Alamat pengaduan dalam standar pelayanan itu maksudnya apa?", ""),
        ("Apakah jam layanan MPP diatur dalam peraturan?", ""),
    ],
)
def test_the_question_form_says_what_kind_of_value_is_asked(question, kind):
    assert expected(question) == kind


def test_a_passage_says_a_value_of_the_kind_asked_or_not():
    deadline = "Evaluasi dilakukan paling lama 10 (sepuluh) hari kerja sejak usulan diterima."
    assert says("waktu", deadline) and says("jumlah", deadline)
    assert not says("uang", deadline) and not says("persentase", deadline)
    assert says("uang", "Biaya pendaftaran sebesar Rp500.000,00 per permohonan.")
    assert says("persentase", "paling tinggi 30% (tiga puluh persen) dari total belanja")
    # Citation numbers are no amount: a passage that only refers to other pasal says none.
    assert not says("uang", "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b")
    assert says("", "anything at all")


def test_a_contact_or_opening_hours_are_said_only_as_such():
    assert says("kontak", "Hubungi (0411) 853 300 atau surel dinkes@makassarkota.go.id.")
    assert says("alamat", "Kantornya di Jl. Teuku Umar Nomor 15, Denpasar.")
    assert not says("alamat", "Warga melapor lewat SMS 1708 atau situs lapor.go.id.")
    # A service's own number may be short; a regulation requiring a telephone number, or a
    # pasal's number, gives none.
    assert says("kontak", "Warga menelepon Call Center 112.")
    assert not says("kontak", "memuat alamat pengaduan, nomor telepon, dan pos-el")
    assert not says("kontak", "sebagaimana dimaksud dalam Pasal 112 ayat (2)")
    assert says("jam_layanan", "layanan malam hari Senin dan Jumat pukul 18.00–21.00")
    assert not says("jam_layanan", "paling lama 7 (tujuh) hari kerja sejak diterima")


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Indikator apa saja yang harus dinilai dalam penilaian mandiri?", True),
        ("syaratnya ap aj?", True),
        ("Sistem informasi itu wajib berisi apa saja?", True),
        ("Under the Public Service Law, what must such a system contain at a minimum?", True),
        ("What are the principles of regional innovation?", True),
        ("Apa syarat pengajuan inovasi daerah?", False),
        ("Siapa yang menilai usulan inovasi?", False),
        ("Berapa lama uji coba inovasi?", False),
    ],
)
def test_the_question_form_says_whether_a_list_is_asked(question, wanted):
    assert asks_list(question) is wanted


def test_a_passage_opens_a_list_with_a_colon_before_its_first_item():
    assert opens_list("berdasarkan indikator paling sedikit:\na. penargetan Anak;")
    assert opens_list("Standar pelayanan meliputi: 1. dasar hukum; 2. persyaratan;")
    assert not opens_list("Pasal 5: inovasi daerah dilaksanakan oleh Pemerintah Daerah.")


def test_every_type_asks_and_says_something():
    kinds = answer_types()
    assert set(kinds) >= {"uang", "persentase", "waktu", "jumlah"}
    assert all(k.asks and k.says for k in kinds.values())


def test_the_answerability_signal_looks_at_the_passages_found(tmp_path):
    from asisten.indeks.embedder import HashingEmbedder
    from asisten.indeks.store import IndexStore
    from asisten.jawab.engine import Engine
    from tests.conftest import build_with, make_settings

    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "pp-9-2021.md").write_text(
        '---\ntipe: regulasi\njenis: PP\nnomor: "9"\ntahun: 2021\njudul: Pelabuhan\n---\n'
        "## Pasal 1\n\nRetribusi pelabuhan perikanan dipungut oleh pemerintah daerah.\n\n"
        "## Pasal 2\n\nIzin kapal perikanan diterbitkan paling lama 14 (empat belas) hari.\n",
        encoding="utf-8",
    )
    settings = make_settings(tmp_path / "home")
    embedder = HashingEmbedder(128)
    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    pipeline = Engine(settings, embedder_factory=lambda name: embedder).pipeline

    def signals(question: str) -> dict[str, float]:
        query = pipeline.analyser.analyse(question)
        hits = pipeline.retriever.search(query, k=1)
        return pipeline.decider.signals(query, hits, pipeline.decider.by_rules(query, hits))

    tariff = signals("Berapa tarif retribusi pelabuhan perikanan?")
    assert tariff["value_asked"] == 1.0 and tariff["value_unsaid"] == 1.0
    licence = signals("Berapa lama izin kapal perikanan diterbitkan?")
    assert licence["value_asked"] == 1.0 and licence["value_unsaid"] == 0.0
    who = signals("Siapa yang memungut retribusi pelabuhan perikanan?")
    assert who["value_asked"] == 0.0 and who["value_unsaid"] == 0.0


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("Bolehkah rancang bangun inovasi diubah selama uji coba?", True),
        ("Apakah pelaksana uji coba wajib membuat laporan?", True),
        # Chat spelling is read in standard spelling first: "hrs berkala gk?".
        ("laporan uji coba dikirim ke mana, harus berkala tidak?", True),
        ("staf seperti saya bisa kena kasus pidana tidak sih?", True),
        ("boleh tidak inovasi dibuka hanya untuk warga tertentu saja?", True),
        ("Can a regency adopt another region's innovation?", True),
        ("Who may propose it? Is a budget required?", True),
        ("Obatnya disuruh beli sendiri. Apakah itu dibolehkan, dan ke mana melapor?", True),
        # "Apakah yang dimaksud …" asks what, not whether.
        ("Apakah yang dimaksud dengan inovasi daerah?", False),
        ("apa bedanya uji coba inovasi dengan penerapan inovasi?", False),
        ("Penerapan inovasi daerah ditetapkan dengan Perda atau Perkada?", False),
        ("What kind of legal instrument is needed to roll out an innovation?", False),
    ],
)
def test_a_question_asking_yes_or_no_is_told_from_one_asking_something_else(question, yes_no):
    assert asks_yes_no(question) is yes_no
