"""Loading the official texts of corpus-uji, shared by the parser tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from asisten.kb import load_document
from asisten.kb.models import Document

LIMIT = 25 * 2**20


@pytest.fixture(scope="session")
def load_uji(corpus_uji: Path) -> Callable[[str], Document]:
    """Loads one file of corpus-uji by name, as an admin's upload would be loaded."""
    return lambda name: load_document(corpus_uji / name, LIMIT)
