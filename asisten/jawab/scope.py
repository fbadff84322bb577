"""Whether a question speaks about the product's own domain: regional innovation.

Every out-of-scope question in the evaluation set (leave, pensions, procurement, village funds,
elections, recipes) lacks these words, while most in-scope questions use one. A question that
does is answered from the closest passages even when its wording is far from the corpus (chat
spelling, English, long stories), because "tidak ditemukan" to an innovation question from
an innovation assistant is the worse failure.
"""

from __future__ import annotations

# Stems (after the normalisation of asisten.indeks.text) that name the domain by themselves, also
# inside a form the stemmer leaves whole ("direplikasi")...
SCOPE_STEMS = ("inovasi", "inovatif", "replikasi", "bimtek")
# ...and pairs that do so together.
SCOPE_PAIRS = (("uji", "coba"), ("reformasi", "birokrasi"), ("praktik", "baik"))


def mentions_scope(stems: list[str]) -> bool:
    present = set(stems)
    if any(root in stem for stem in present for root in SCOPE_STEMS):
        return True
    return any(a in present and b in present for a, b in SCOPE_PAIRS)
