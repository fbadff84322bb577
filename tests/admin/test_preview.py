"""What the admin is told before a document is indexed."""

from __future__ import annotations

from asisten.admin.intake import Preview
from asisten.kb.loaders import load_document
from tests.jawab.test_regional import REGIONAL as PERGUB


def test_another_regions_regulation_is_previewed_with_how_it_will_be_used(tmp_path):
    path = tmp_path / "pergub-zurbagan-4-2022.md"
    path.write_text(PERGUB, encoding="utf-8")
    document = load_document(path, 5_000_000)
    (warning,) = Preview.of(document).warnings
    assert "hanya untuk pertanyaan yang menyebut Zurbagan" in warning
    assert "ASISTEN_WILAYAH=Zurbagan" in warning
    # The deployment's own region ("Provinsi Zurbagan" is Zurbagan): nothing to say.
    assert Preview.of(document, ("Provinsi Zurbagan",)).warnings == []
