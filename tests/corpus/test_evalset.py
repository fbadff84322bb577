"""The team's evaluation set stays consistent with the corpus it scores the engine on.

Items with korpus inti are checked against corpus/, items with korpus tumbuh against corpus/ plus
../shared/corpus-uji as the loaders extract it (PDFs included); those are skipped when the grown
corpus is absent.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import pytest

from asisten.config import PROJECT_ROOT
from asisten.kb import load_paths
from tests.conftest import CORPUS, CORPUS_UJI

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from evalset import Item, load_all  # noqa: E402


@pytest.fixture(scope="module")
def items():
    return load_all()


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _extract(paths) -> tuple[set[str], str, list[tuple[str, str]]]:
    """Every citation the loaders produce for these paths, their text normalised, and each
    chunk's (citation, normalised text)."""
    report = load_paths(paths, 25 * 2**20)
    chunks = [(c.citation, _normal(c.text + " " + c.context)) for d in report.documents
              for c in d.chunks]  # fmt: skip
    return {c for c, _ in chunks}, " ".join(t for _, t in chunks), chunks


@pytest.fixture(scope="module")
def corpus():
    return _extract([CORPUS])


@pytest.fixture(scope="module")
def corpus_grown(corpus):
    """corpus/ plus corpus-uji, parsed once per module (~15 s) and only if an item needs it."""
    if not CORPUS_UJI.exists():
        pytest.skip(f"{CORPUS_UJI} is absent: items with korpus tumbuh are not checked")
    citations, text, chunks = _extract([CORPUS_UJI])
    return corpus[0] | citations, corpus[1] + " " + text, corpus[2] + chunks


def _checked(request, items: list[Item], korpus: str) -> tuple[list[Item], tuple]:
    """The items of one korpus and the extracted corpus they are checked against."""
    chosen = [i for i in items if i.korpus == korpus]
    if not chosen:
        pytest.skip(f"no item with korpus {korpus}")
    return chosen, request.getfixturevalue("corpus" if korpus == "inti" else "corpus_grown")


def test_size_and_shape(items):
    assert len(items) >= 80
    duplicated = [i for i, n in Counter(i.id for i in items).items() if n > 1]
    assert not duplicated, f"ids used more than once (across all eval files): {duplicated}"
    declined = [i for i in items if i.decline]
    assert len(declined) >= 10
    assert all(not i.facts and not i.references for i in declined)
    assert all(i.facts for i in items if not i.decline)
    kinds = Counter(i.category for i in items)
    assert {"regulasi", "praktik", "informal", "typo", "english", "pasal"} <= set(kinds)


@pytest.mark.parametrize("korpus", ["inti", "tumbuh"])
def test_every_fact_is_in_its_corpus(request, items, korpus):
    chosen, (_, text, _) = _checked(request, items, korpus)
    for item in chosen:
        for alternatives in item.facts:
            found = any(re.sub(r"\s+", " ", a.lower()) in text for a in alternatives)
            # English items may list only English renderings besides the Indonesian one.
            assert found or item.category == "english", f"{item.id}: {alternatives}"


@pytest.mark.parametrize("korpus", ["inti", "tumbuh"])
def test_every_reference_names_a_citation_in_its_corpus(request, items, korpus):
    chosen, (citations, _, _) = _checked(request, items, korpus)
    for item in chosen:
        for reference in item.references:
            assert any(
                c == reference or c.startswith((reference + " ", reference + ","))
                for c in citations
            ), f"{item.id}: {reference}"


def _cites(citation: str, reference: str) -> bool:
    return citation == reference or citation.startswith((reference + " ", reference + ","))


@pytest.mark.parametrize("korpus", ["inti", "tumbuh"])
def test_the_references_name_a_passage_holding_a_fact(request, items, korpus):
    # A reference the facts are nowhere under can never be cited by a right answer: "UU 23/2014"
    # for a fact of its Lampiran, whose citations read "Lampiran UU 23/2014 angka ...".
    chosen, (_, _, chunks) = _checked(request, items, korpus)
    for item in (i for i in chosen if i.references):
        facts = [_normal(a) for alternatives in item.facts for a in alternatives]
        assert any(
            _cites(citation, reference) and any(f in text for f in facts)
            for reference in item.references
            for citation, text in chunks
        ), f"{item.id}: {item.references}"
