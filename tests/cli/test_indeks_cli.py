"""`asisten indeks`: a changed file is published as a segment with deletions, `--gabung`
merges them on demand, and contradictory options are refused in Indonesian."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from asisten.cli.main import app
from asisten.config import load_settings
from asisten.indeks.store import IndexStore
from tests.conftest import CORPUS

SMALL = """---
tipe: regulasi
jenis: Perbup Zurbagan
nomor: "7"
tahun: 2025
judul: Inovasi Layanan Air Bersih Desa
---

# Peraturan Bupati Zurbagan Nomor 7 Tahun 2025 tentang Inovasi Layanan Air Bersih Desa

### Pasal 1
Kios air komunal dikelola badan usaha milik desa.
"""


def test_a_changed_file_is_a_segment_until_merged(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "regulasi", corpus)
    (corpus / "perbup-zurbagan-7-2025.md").write_text(SMALL)
    monkeypatch.setenv("ASISTEN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASISTEN_CORPUS", str(corpus))
    monkeypatch.setenv("ASISTEN_MODEL", "hashing-256")
    runner = CliRunner()
    first = runner.invoke(app, ["indeks"])
    assert first.exit_code == 0, first.output
    (corpus / "perbup-zurbagan-7-2025.md").write_text(SMALL.replace("Kios", "Menara"))
    changed = runner.invoke(app, ["indeks"])
    assert changed.exit_code == 0, changed.output
    assert "(1 di-embed baru, 0 dipakai ulang)" in changed.output
    assert "Disimpan sebagai 2 segmen; 1 potongan lama ditandai terhapus" in changed.output
    merged = runner.invoke(app, ["indeks", "--gabung"])
    assert merged.exit_code == 0, merged.output
    assert "(0 di-embed baru" in merged.output and "segmen" not in merged.output
    manifest = IndexStore(load_settings().index_dir).current_manifest()
    assert "segments" not in manifest and "deleted" not in manifest
    assert "sudah mutakhir" in runner.invoke(app, ["indeks", "--gabung"]).output
    both = runner.invoke(app, ["indeks", "--ulang", "--gabung"])
    assert both.exit_code == 2 and "Pilih salah satu" in both.output
