"""Answers typed in free words, checked against the shipped template's steps."""

from __future__ import annotations

from datetime import date

import pytest

from asisten.config import PROJECT_ROOT
from asisten.usulan.template import load_template
from asisten.usulan.validation import Ambiguous, Invalid, Unsure, Valid, validate

TEMPLATE = load_template(PROJECT_ROOT / "prompts")
TODAY = date(2026, 12, 4)


def check(key: str, raw: str, answers: dict[str, str] | None = None):
    return validate(TEMPLATE.step(key), raw, answers or {}, today=TODAY)


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("inisiator", "ASN, saya sendiri", "ASN"),
        ("inisiator", "usulan pak Bupati", "Kepala daerah"),
        ("inisiator", "dari warga, komunitas relawan", "Anggota masyarakat"),
        ("tahapan", "masih uji coba di dua puskesmas", "Uji coba"),
        ("tahapan", "sudah diterapkan sejak 2024", "Penerapan"),
        ("tahapan", "belum diterapkan, baru gagasan", "Inisiatif"),
        ("jenis", "digital, pakai aplikasi", "Digital"),
        ("jenis", "non digital, tatap muka", "Non digital"),
        ("jenis", "bukan digital", "Non digital"),
        ("jenis", "tanpa aplikasi, semua manual", "Non digital"),
        ("bentuk", "layanan publik untuk warga desa", "Inovasi pelayanan publik"),
        ("sumber_anggaran", "APBD Dinas Kesehatan", "APBD"),
        ("sumber_anggaran", "APBD ditambah CSR bank daerah", "APBD dan pendanaan lain"),
    ],
)
def test_choice_in_free_words(key, raw, expected):
    assert check(key, raw) == Valid(expected)


def test_two_plausible_choices_are_offered_alone():
    result = check("inisiator", "ASN dari Dinas Kesehatan")
    assert isinstance(result, Ambiguous)
    assert result.options == ("ASN", "Perangkat daerah")


def test_unrelated_words_still_list_every_choice():
    result = check("inisiator", "belum tahu")
    assert type(result) is Invalid and "5. Anggota masyarakat" in result.message


@pytest.mark.parametrize(
    ("raw", "expected", "rest"),
    [
        ("1 Maret 2027", "2027-03-01", ""),
        ("Maret 2027", "2027-03-01", ""),
        ("mulai 1 Maret 2027 di dua puskesmas", "2027-03-01", "mulai di dua puskesmas"),
        ("uji coba dimulai maret 2027", "2027-03-01", "uji coba dimulai"),
        ("tanggal 01-03-2027 nanti", "2027-03-01", "tanggal nanti"),
    ],
)
def test_date_in_free_words(raw, expected, rest):
    assert check("waktu_uji_coba", raw) == Valid(expected, rest=rest)


@pytest.mark.parametrize(
    ("raw", "proposed"),
    [
        ("awal tahun depan", "2027-01-01"),
        ("pertengahan 2027", "2027-07-01"),
        ("akhir tahun ini", "2026-12-01"),
        ("bulan depan", "2027-01-01"),
    ],
)
def test_vague_date_is_proposed_for_confirmation(raw, proposed):
    result = check("waktu_uji_coba", raw)
    assert isinstance(result, Unsure) and result.proposed == proposed
    assert "Betul?" in result.message


def test_date_in_a_sentence_is_still_checked_strictly():
    result = check("waktu_penerapan", "mulai 1 Januari 2027", {"waktu_uji_coba": "2027-03-01"})
    assert isinstance(result, Invalid) and "harus sesudah" in result.message
    assert isinstance(check("waktu_uji_coba", "mulai 31 Februari 2027"), Invalid)
