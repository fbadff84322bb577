"""A scanned PDF is read by OCR once: the index keeps what it read by the file's content hash,
so a full rebuild reads the text from there instead of running the engine again."""

from __future__ import annotations

import hashlib

from asisten.kb.ocr_engine import default_engine
from tests.conftest import build_with
from tests.scanned import PERDA_1965, image_pdf, page_image


def test_rebuild_reads_the_scan_from_the_cache(tmp_path, fake_embedder):
    from asisten.indeks.store import IndexStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scan = image_pdf(corpus / "perda-contoh-3-1965.pdf", [page_image(PERDA_1965)])
    store = IndexStore(tmp_path / "indeks")
    engine = default_engine()
    stages: list[tuple[str, int, int]] = []

    before = engine.pages_read
    first = build_with(store, [corpus], fake_embedder, progress=lambda *s: stages.append(s))
    assert engine.pages_read == before + 1
    assert ("ocr", 1, 1) in stages
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (store.ocr_dir / f"{digest}.json").exists()

    second = build_with(store, [corpus], fake_embedder, force=True)
    assert engine.pages_read == before + 1  # the engine did not run again
    assert second.version != first.version and second.chunks == first.chunks
    version = store.load()
    [meta] = version.documents.values()
    assert meta.short_name == "Perda Contoh 3/1965" and meta.ocr_pages == [1]
    assert {chunk.citation for chunk in version.chunks} >= {
        "Perda Contoh 3/1965 Pasal 1",
        "Perda Contoh 3/1965 Pasal 2 ayat (1)",
    }
