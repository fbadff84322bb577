"""The one registry of regulation types: canonical names, long forms, type matching."""

from __future__ import annotations

import pytest

from asisten.kb.jenis import canonical, long_name, lookup, registry, same_type


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Peraturan Pemerintah", "PP"),
        ("undang undang", "UU"),
        ("UNDANG-UNDANG", "UU"),
        ("permen pan-rb", "PermenPANRB"),
        ("Peraturan Menteri Komunikasi dan Digital Republik Indonesia", "Permenkomdigi"),
        ("Surat Edaran Otoritas Jasa Keuangan", "SEOJK"),
        ("Peraturan Badan Siber dan Sandi Negara", "Perban BSSN"),
        ("peraturan gubernur bali", "Pergub Bali"),
        ("Peraturan Daerah Kabupaten Banjarnegara", "Perda Banjarnegara"),
        ("perbup kulon progo", "Perbup Kulon Progo"),
        ("Perda", "Perda"),
        ("Peraturan Menteri Pertanian", None),
        ("laporan tahunan", None),
    ],
)
def test_raw_names_get_their_citation_name(raw, expected):
    assert canonical(raw) == expected


def test_every_entry_is_found_by_its_short_and_long_name():
    for entry in registry():
        assert canonical(entry.short) == entry.short
        assert canonical(entry.long) == entry.short


def test_long_names_for_titles():
    assert long_name("Pergub Bali") == "Peraturan Gubernur Bali"
    assert long_name("SEOJK") == "Surat Edaran Otoritas Jasa Keuangan"
    # The shipped corpus' titles keep the short ministry name.
    assert long_name("PermenPANRB") == "Peraturan Menteri PANRB"


def test_a_regional_type_named_without_region_means_any_region():
    assert same_type("Perda", "Perda Banjarnegara")
    assert same_type("pergub bali", "Pergub Bali")
    assert not same_type("Perda Sleman", "Perda Banjarnegara")
    assert not same_type("PP", "Perpres")


def test_a_general_type_means_each_of_its_kinds_and_not_the_other_way():
    # "Permen 9/2026" is how users name a ministerial regulation without its ministry.
    assert same_type("Permen", "Permenkomdigi") and same_type("Peraturan Menteri", "PMK")
    assert same_type("Perkada", "Pergub Bali") and same_type("perkada sleman", "Perbup Sleman")
    assert same_type("SE", "SEOJK") and same_type("Perban", "Perban BSSN")
    assert not same_type("Permenkomdigi", "Permen")
    assert not same_type("Perkada Sleman", "Pergub Bali")
    # A longer name is no kind by itself: a Perppu is no PP.
    assert not same_type("PP", "Perppu")
    assert all(lookup(e.kind_of) is not None for e in registry() if e.kind_of)
