"""Dense search that scales: exact below the threshold, IVF above it, chosen from the data file
and recorded; its recall@10 against exact search on a seeded set."""

from __future__ import annotations

import numpy as np

from asisten.indeks import dense

SCALE = """
dense:
  exact_up_to: {exact}
  ivf: {{lists_per_sqrt: 1, probe_share: 0.35, train_per_list: 50, codes: SQ8}}
  oversample: 4
ranking:
  full_sort_up_to: 100000
"""


def _clustered(count: int, dimension: int = 64, seed: int = 3) -> np.ndarray:
    """Normalised vectors around 50 centres, as chunks of a few topics are."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(50, dimension))
    vectors = centres[rng.integers(0, 50, count)] + 0.6 * rng.normal(size=(count, dimension))
    vectors = vectors.astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_small_collections_are_searched_exactly(data_file):
    data_file("skala.yaml", SCALE.format(exact=1000))
    index = dense.build(_clustered(500))
    assert index.exact and index.description == {"kind": "flat"}


def test_above_the_threshold_ivf_is_chosen_and_recorded(data_file, tmp_path):
    data_file("skala.yaml", SCALE.format(exact=1000))
    vectors = _clustered(5000)
    index = dense.build(vectors)
    assert not index.exact
    assert index.description == {"kind": "ivf", "lists": 70, "nprobe": 25, "codes": "SQ8"}
    index.save(tmp_path)
    again = dense.load(tmp_path, {"kind": "ivf", "lists": 70, "codes": "SQ8"})
    assert again.index.nprobe == 25 and again.ntotal == 5000
    query = vectors[:5]
    assert (again.search(query, 10)[1] == index.search(query, 10)[1]).all()


def test_ivf_recall_at_10_against_exact_is_at_least_095(data_file):
    data_file("skala.yaml", SCALE.format(exact=1000))
    vectors = _clustered(20_000)
    index = dense.build(vectors)
    queries = _clustered(200, seed=11)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    _, found = index.search(queries, 10)
    recall = np.mean([len(set(e) & set(f)) / 10 for e, f in zip(exact, found, strict=True)])
    assert recall >= 0.95


def test_the_probed_share_is_read_when_a_version_opens(data_file, tmp_path):
    data_file("skala.yaml", SCALE.format(exact=1000))
    index = dense.build(_clustered(5000))
    index.save(tmp_path)
    data_file("skala.yaml", SCALE.format(exact=1000).replace("0.35", "1.0"))
    assert dense.load(tmp_path, index.description).index.nprobe == 70
