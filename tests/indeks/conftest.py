"""Fixtures of the index tests."""

from __future__ import annotations

import pytest

from asisten.indeks import build, lexicon, text
from asisten.jawab import calibration, scope


def _clear_caches() -> None:
    for loader in (lexicon.word_list, lexicon.phrase_list, lexicon.word_map, lexicon.yaml_data):
        loader.cache_clear()
    calibration.calibrations.cache_clear()
    scope.scope_terms.cache_clear()
    text._long_forms.cache_clear()
    text._stop_phrases.cache_clear()
    text._stopwords.cache_clear()


@pytest.fixture
def data_file(monkeypatch):
    """Serve one data file's text from the test instead of the package; caches are emptied so
    the loaders read it."""

    def serve(name: str, content: str) -> None:
        real = lexicon.read_text
        monkeypatch.setattr(
            lexicon, "read_text", lambda wanted: content if wanted == name else real(wanted)
        )
        _clear_caches()

    yield serve
    _clear_caches()


@pytest.fixture
def files_read(monkeypatch) -> list[str]:
    """The names of the files index builds read, in order (clear it before the build watched)."""
    read: list[str] = []
    real_load = build.parallel.load_files

    def recording(files, *args):
        read.extend(f.name for f in files)
        return real_load(files, *args)

    monkeypatch.setattr(build.parallel, "load_files", recording)
    return read
