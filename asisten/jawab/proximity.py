"""Whether a passage says the question's words together, not merely somewhere.

Word coverage counts a question's words anywhere in a passage: "tunjangan keluarga PNS" is
covered by a passage that names a "tunjangan" in one ayat and a "keluarga" in another. Once
admins add long official texts, most everyday civil-service words occur somewhere, so coverage
alone makes unrelated questions look answered. A passage that answers usually says the
question's phrases as phrases ("paling sedikit memuat", "dokumen usulan").
"""

from __future__ import annotations

from asisten.indeks import text

# Two question words count as said together when at most this many words stand between them.
PHRASE_GAP = 1


def phrase_share(stems: tuple[str, ...], passage: str, weights: dict[str, float]) -> float:
    """The IDF-weighted share of the question's neighbouring word pairs (`stems`, in order)
    that the passage says together: in order, at most PHRASE_GAP words apart."""
    pairs = [(a, b) for a, b in zip(stems, stems[1:], strict=False) if a != b]
    if not pairs:
        return 0.0
    places: dict[str, list[int]] = {}
    for position, token in enumerate(text.tokens(passage)):
        places.setdefault(token, []).append(position)
    total = found = 0.0
    for a, b in pairs:
        weight = weights.get(a, 0.0) + weights.get(b, 0.0)
        total += weight
        after = places.get(b, [])
        if any(0 < j - i <= PHRASE_GAP + 1 for i in places.get(a, []) for j in after):
            found += weight
    return found / total if total else 0.0
