"""How far apart the questions of one gap may be, per embedding model: asisten/data/celah.yaml.

Each model has its own cosine scale (e5 puts nearly every pair of Indonesian questions above
0.8), so the number is per model; a model without one (the hashing fake, a local path) gets
`default`. How the numbers were fitted: benchmarks/celah.py and the README.
"""

from __future__ import annotations

from functools import cache

from asisten.indeks.lexicon import LexiconError, line_of, yaml_data

GAPS_FILE = "celah.yaml"


@cache
def _distances() -> tuple[dict[str, float], float]:
    data = yaml_data(GAPS_FILE)
    if not isinstance(data, dict) or set(data) != {"models", "default"}:
        raise LexiconError(f"data/{GAPS_FILE}: expected the keys ['default', 'models']")
    models = data["models"]
    if not isinstance(models, dict):
        raise LexiconError(f"data/{GAPS_FILE}:{line_of(data, 'models')}: not a mapping")
    return {name: _distance(models, name) for name in models}, _distance(data, "default")


def _distance(parent: dict, key: str) -> float:
    entry = parent[key]
    value = entry.get("max_distance") if isinstance(entry, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 2:
        raise LexiconError(
            f"data/{GAPS_FILE}:{line_of(parent, key)}: {key!r} needs a max_distance in (0, 2)"
        )
    return float(value)


def max_distance_for(model: str) -> float:
    models, default = _distances()
    return models.get(model, default)
