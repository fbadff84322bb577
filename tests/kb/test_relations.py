"""What a regulation amends, revokes or implements: read from its text, its front matter, or an
admin's correction."""

from __future__ import annotations

import pytest

from asisten.errors import FrontMatterError
from asisten.kb import load_document
from asisten.kb.relations import (
    AMENDS,
    FROM_ADMIN,
    IMPLEMENTS,
    REVOKES,
    Relation,
    RelationError,
    parse_correction,
)


def _by_kind(document) -> dict[str, list[Relation]]:
    found: dict[str, list[Relation]] = {}
    for stored in document.meta.relations:
        relation = Relation.from_dict(stored)
        found.setdefault(relation.kind, []).append(relation)
    return found


def test_an_amending_law_names_the_law_and_every_pasal_it_changes(load_uji):
    document = load_uji("uu-9-2015-perubahan-kedua-uu23-2014.md")
    [amends] = _by_kind(document)[AMENDS]
    assert amends.target == "UU 23/2014"
    assert amends.pasal == ("63", "65", "66", "88", "101", "154")
    # The instructions ("2. Ketentuan ayat (1) huruf f Pasal 65 dihapus, …") are no pasal text.
    assert not any("Ketentuan" in chunk.text for chunk in document.chunks if chunk.pasal == "63")
    [pasal_63_2] = [c for c in document.chunks if c.citation == "UU 9/2015 Pasal 63 ayat (2)"]
    assert pasal_63_2.text.rstrip().endswith("wakil wali kota.")


def test_revocations_are_read_item_by_item_with_the_pasal_they_reach(load_uji):
    revoked = {
        r.target: r.pasal for r in _by_kind(load_uji("uu-23-2014-pemerintahan-daerah.md"))[REVOKES]
    }
    assert revoked["UU 32/2004"] == () and revoked["UU 5/1962"] == ()
    assert revoked["UU 28/2009"] == ("157", "158", "159")
    assert {"314", "400", "412", "421"} <= set(revoked["UU 17/2014"])


def test_regulations_named_only_in_the_legal_basis_are_not_amended(load_uji):
    # UU 25/2009's "Mengingat" lists amendments of other laws; it amends none of them.
    assert AMENDS not in _by_kind(load_uji("uu-25-2009-pelayanan-publik.md"))


def test_an_implementing_regulation_names_the_pasal_it_implements(load_uji):
    [implements] = _by_kind(load_uji("pp-96-2012-pelaksanaan-uu-pelayanan-publik.md"))[IMPLEMENTS]
    assert implements.target == "UU 25/2009" and "20" in implements.pasal


def test_front_matter_states_relations_and_replaces_what_the_text_says(tmp_path):
    path = tmp_path / "pp-5-2022.md"
    path.write_text(
        "---\ntipe: regulasi\njenis: PP\nnomor: '5'\ntahun: 2022\njudul: Contoh\n"
        "mencabut: [Peraturan Pemerintah Nomor 4 Tahun 2019]\n"
        "melaksanakan: {peraturan: UU 1/2020, pasal: [3, 4]}\n---\n"
        "# PP 5/2022\n\n## Pasal 1\n\nPeraturan Pemerintah Nomor 9 Tahun 2010 dicabut dan "
        "dinyatakan tidak berlaku.\n",
        encoding="utf-8",
    )
    relations = _by_kind(load_document(path, 2**20))
    assert [(r.target, r.origin) for r in relations[REVOKES]] == [("PP 4/2019", "front-matter")]
    assert relations[IMPLEMENTS][0].pasal == ("3", "4")


def test_a_front_matter_relation_without_a_regulation_is_a_clear_error(tmp_path):
    path = tmp_path / "pp-6-2022.md"
    path.write_text(
        "---\ntipe: regulasi\njenis: PP\nnomor: '6'\ntahun: 2022\nmengubah: peraturan lama\n---\n"
        "## Pasal 1\n\nIsi.\n",
        encoding="utf-8",
    )
    with pytest.raises(FrontMatterError, match="bukan nama peraturan"):
        load_document(path, 2**20)


def test_an_admins_correction_is_read_relation_by_relation():
    relations = parse_correction(
        "mengubah UU 23/2014 pasal 63, 65A dihapus 10; mencabut PP 18/2016"
    )
    assert [(r.kind, r.target, r.pasal, r.deleted, r.origin) for r in relations] == [
        (AMENDS, "UU 23/2014", ("63", "65A", "10"), ("10",), FROM_ADMIN),
        (REVOKES, "PP 18/2016", (), (), FROM_ADMIN),
    ]
    assert parse_correction("tidak ada") == []
    with pytest.raises(RelationError, match="awali dengan"):
        parse_correction("ubah UU 1/2020")


def test_the_new_wording_on_an_instructions_own_line_is_kept(load_uji):
    # The scanned PP 72/2019 runs "17. Di antara ketentuan Pasal 121 dan Pasal 122 disisipkan
    # ... sebagai berikut: Pasal 121A (1) Pada saat ... (2) Penyesuaian status jabatan ..." into
    # one line: the instruction is dropped, the inserted pasal's text is not.
    document = load_uji("pp-72-2019-perangkat-daerah-perubahan.md")
    text = " ".join(chunk.text for chunk in document.chunks)
    assert "Penyesuaian status jabatan direktur rumah sakit" in text
    assert "disisipkan 1 (satu) pasal, yakni Pasal 121" not in text
