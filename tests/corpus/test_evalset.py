"""The team's evaluation set stays consistent with the corpus it scores the engine on."""

from __future__ import annotations

import re
import sys
from collections import Counter

import pytest

from asisten.config import PROJECT_ROOT
from asisten.kb import load_paths
from tests.conftest import CORPUS

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from evalset import load_items  # noqa: E402


@pytest.fixture(scope="module")
def items():
    return load_items()


@pytest.fixture(scope="module")
def corpus():
    report = load_paths([CORPUS], 25 * 2**20)
    chunks = [c for d in report.documents for c in d.chunks]
    text = re.sub(r"\s+", " ", " ".join(c.text + " " + c.context for c in chunks).lower())
    return {c.citation for c in chunks}, text


def test_size_and_shape(items):
    assert len(items) >= 80
    assert len({i.id for i in items}) == len(items)
    declined = [i for i in items if i.decline]
    assert len(declined) >= 10
    assert all(not i.facts and not i.references for i in declined)
    assert all(i.facts for i in items if not i.decline)
    kinds = Counter(i.category for i in items)
    assert {"regulasi", "praktik", "informal", "typo", "english", "pasal"} <= set(kinds)


def test_every_fact_is_in_the_corpus(items, corpus):
    _, text = corpus
    for item in items:
        for alternatives in item.facts:
            found = any(re.sub(r"\s+", " ", a.lower()) in text for a in alternatives)
            # English items may list only English renderings besides the Indonesian one.
            assert found or item.category == "english", f"{item.id}: {alternatives}"


def test_every_reference_names_a_citation_in_the_corpus(items, corpus):
    citations, _ = corpus
    for item in items:
        for reference in item.references:
            assert any(
                c == reference or c.startswith((reference + " ", reference + ","))
                for c in citations
            ), f"{item.id}: {reference}"
