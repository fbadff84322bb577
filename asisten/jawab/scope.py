"""Whether a question speaks about the product's own domain: regional innovation.

Every out-of-scope question in the evaluation set (leave, pensions, procurement, village funds,
elections, recipes) lacks these words, while most in-scope questions use one. A question that
does is answered from the closest passages even when its wording is far from the corpus (chat
spelling, English, long stories), because "tidak ditemukan" to an innovation question from
an innovation assistant is the worse failure. The words are data: asisten/data/scope.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from asisten.indeks.lexicon import LexiconError, line_of, yaml_data

SCOPE_FILE = "scope.yaml"


@dataclass(frozen=True)
class ScopeTerms:
    # Stems that name the domain by themselves, also inside a form the stemmer leaves whole.
    stems: tuple[str, ...]
    # Pairs of stems that do so together.
    pairs: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def scope_terms() -> ScopeTerms:
    data = yaml_data(SCOPE_FILE)
    if not isinstance(data, dict) or set(data) != {"stems", "pairs"}:
        raise LexiconError(f"data/{SCOPE_FILE}: expected the keys 'stems' and 'pairs'")
    stems, pairs = data["stems"], data["pairs"]
    if not isinstance(stems, list) or not all(isinstance(s, str) and s for s in stems):
        raise LexiconError(f"data/{SCOPE_FILE}:{line_of(data, 'stems')}: stems are words")
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in pairs
    ):
        raise LexiconError(f"data/{SCOPE_FILE}:{line_of(data, 'pairs')}: pairs are [a, b]")
    return ScopeTerms(tuple(stems), tuple((a, b) for a, b in pairs))


def __getattr__(name: str):
    """`SCOPE_STEMS` and `SCOPE_PAIRS`, loaded on first use (PEP 562)."""
    if name == "SCOPE_STEMS":
        return scope_terms().stems
    if name == "SCOPE_PAIRS":
        return scope_terms().pairs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def mentions_scope(stems: list[str]) -> bool:
    terms = scope_terms()
    present = set(stems)
    if any(root in stem for stem in present for root in terms.stems):
        return True
    return any(a in present and b in present for a, b in terms.pairs)
