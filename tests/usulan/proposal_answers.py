"""A whole proposal as an innovation team would type it, for end-to-end drafting tests."""

from __future__ import annotations

RANCANG_BANGUN = """Latar belakang: antrean di puskesmas Kabupaten Contoh rata-rata 3 jam dan warga desa terpencil harus datang dua kali karena kuota nomor antrean habis sejak pagi. Masalah ini menjadi isu strategis karena menurunkan kepuasan layanan kesehatan dasar dan menambah biaya perjalanan warga yang sebagian besar petani.

Metode pembaharuan: kami mengganti antrean fisik dengan pendaftaran daring melalui aplikasi pesan singkat dan situs web, terhubung langsung ke sistem informasi puskesmas. Warga memilih jam kedatangan, menerima pengingat, dan kader desa membantu warga yang tidak memiliki telepon pintar. Pokok perubahan yang dilakukan adalah perubahan alur pendaftaran, pembagian kuota per jam, dan pelaporan waktu tunggu secara terbuka setiap minggu.

Keunggulan dan kebaruan: berbeda dari cara lama, warga tidak perlu datang sebelum subuh untuk mengambil nomor; data waktu tunggu dipakai kepala puskesmas untuk menata jadwal dokter dan bidan. Inovasi ini murah karena memakai perangkat yang sudah ada dan dapat direplikasi daerah lain yang memiliki sistem informasi puskesmas serupa.

Tahapan: pertama, uji coba di dua puskesmas sebagai laboratorium uji coba selama enam bulan dengan pendampingan dinas; kedua, evaluasi bersama perangkat daerah yang membidangi penelitian dan pengembangan; ketiga, penyempurnaan rancang bangun berdasarkan hasil uji coba; keempat, penerapan di seluruh puskesmas setelah ditetapkan dengan peraturan kepala daerah. Setiap tahap didokumentasikan, dan hasil pemantauan dilaporkan secara berkala kepada kepala daerah agar keputusan penerapan didasarkan pada data yang terukur dan dapat dipertanggungjawabkan kepada masyarakat serta dewan perwakilan rakyat daerah.

Pemantauan dan evaluasi: dinas kesehatan menyusun dasbor mingguan berisi jumlah pendaftar daring, jumlah pendaftar melalui kader, waktu tunggu rata-rata, dan jumlah warga yang tidak terlayani. Tim inovasi bertemu setiap bulan untuk membahas angka tersebut bersama kepala puskesmas, kader desa, dan perwakilan warga. Bila waktu tunggu tidak turun, tim menyesuaikan kuota per jam, menambah petugas loket pada hari pasar, atau memperluas jam layanan sore. Seluruh perubahan dicatat dalam buku catatan uji coba sehingga daerah lain yang ingin meniru dapat mempelajari apa yang berhasil dan apa yang tidak."""

# (answer typed, how it is stored / shown) in template order.
ANSWERS = [
    ("SIAP Puskesmas", "SIAP Puskesmas"),
    ("Dinas Kesehatan Kabupaten Contoh", "Dinas Kesehatan Kabupaten Contoh"),
    ("dr. Rina, Kepala Bidang Pelayanan, 0812-0000-1111", "dr. Rina"),
    ("3", "ASN"),
    ("inisiatif", "Inisiatif"),
    ("digital", "Digital"),
    ("pelayanan publik", "Inovasi pelayanan publik"),
    ("Kesehatan", "Kesehatan"),
    (
        "Antrean di puskesmas rata-rata 3 jam; 40 persen pasien dari desa terpencil pulang tanpa"
        " dilayani karena kuota habis. Keluhan tentang antrean adalah aduan terbanyak di kanal"
        " pengaduan daerah selama 2024, sehingga kepercayaan warga terhadap layanan menurun.",
        "Antrean di puskesmas rata-rata 3 jam",
    ),
    (RANCANG_BANGUN, "Metode pembaharuan"),
    (
        "Mempersingkat waktu tunggu layanan kesehatan dasar dan meningkatkan pelayanan publik"
        " bagi warga desa terpencil.",
        "Mempersingkat waktu tunggu",
    ),
    (
        "Warga menghemat waktu dan biaya perjalanan; puskesmas dapat menata jadwal tenaga"
        " kesehatan berdasarkan data kedatangan.",
        "menghemat waktu",
    ),
    (
        "Waktu tunggu rata-rata turun dari 3 jam menjadi di bawah 45 menit dan 90 persen"
        " pendaftar dilayani pada hari yang sama, diukur mingguan dari data sistem.",
        "45 menit",
    ),
    ("1 Maret 2026", "1 Maret 2026"),
    ("Januari 2027", "1 Januari 2027"),
    ("Rp 150 juta", "Rp 150.000.000"),
    ("APBD", "APBD"),
    ("lewati", None),
    (
        "Perangkat daerah yang membidangi penelitian dan pengembangan, universitas setempat,"
        " kader kesehatan desa, dan komunitas relawan teknologi.",
        "kader kesehatan desa",
    ),
    (
        "Warga tanpa telepon pintar tertinggal; diatasi dengan kader desa yang mendaftarkan"
        " warga dan loket pendaftaran tetap dibuka.",
        "kader desa yang mendaftarkan",
    ),
]

# The same proposal typed the way people write in Slack: free words for choices, amounts and
# dates. (typed, how it is stored / shown); None for typed: the step was filled by the words
# beside the previous answer. KONTAK is the answer sent outside the draft's thread.
KONTAK = ("dr. Rina Santoso, Kepala Bidang Pelayanan, 0812-3456-7890", "0812-3456-7890")
FREE_ANSWERS = [
    ANSWERS[0],
    ANSWERS[1],
    KONTAK,
    ("ASN, saya sendiri", "ASN"),
    ("masih uji coba di dua puskesmas", "Uji coba"),
    ("digital, pakai aplikasi", "Digital"),
    ("layanan publik untuk warga desa", "Inovasi pelayanan publik"),
    *ANSWERS[7:13],
    ("mulai 1 Maret 2027 di dua puskesmas", "1 Maret 2027"),
    ("awal 2028", "1 Januari 2028"),  # vague: confirmed with "ya"
    ("Rp150.000.000 dari APBD Dinas Kesehatan", "Rp 150.000.000"),
    (None, "APBD"),
    *ANSWERS[17:],
]
