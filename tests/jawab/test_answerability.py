"""The fitted answerability model: loaded from data, applied to a search's signals."""

from __future__ import annotations

import pytest

from asisten.jawab.logistic import LogisticModel, load_model


def _model(threshold: float = 0.5) -> LogisticModel:
    return LogisticModel(
        names=("coverage", "unknown_share"),
        means=(0.3, 0.1),
        scales=(0.1, 0.1),
        coefficients=(2.0, -1.0),
        intercept=0.0,
        threshold=threshold,
    )


def test_probability_follows_the_coefficients():
    model = _model()
    assert model.probability({"coverage": 0.3, "unknown_share": 0.1}) == pytest.approx(0.5)
    covered = model.probability({"coverage": 0.5, "unknown_share": 0.1})
    unknown = model.probability({"coverage": 0.3, "unknown_share": 0.4})
    assert covered > 0.9 and unknown < 0.1
    assert model.accepts({"coverage": 0.5, "unknown_share": 0.1})
    assert not _model(threshold=0.99).accepts({"coverage": 0.35, "unknown_share": 0.1})


def test_shipped_model_file_is_complete_and_unknown_models_have_none():
    model = load_model("keputusan", "multilingual-e5-small")
    assert model is not None and 0 < model.threshold < 1
    assert len(model.names) == len(model.coefficients) == len(model.means) == len(model.scales)
    assert load_model("keputusan", "hashing-384") is None


@pytest.mark.model
def test_the_trace_names_the_model_and_its_probability(real_engine):
    answer = real_engine.answer("Siapa saja yang boleh mengusulkan inovasi daerah?")
    decision = answer.trace["decision"]
    assert answer.found and decision["rule"].startswith("model (")
    assert decision["scores"]["p_answerable"] >= decision["scores"]["threshold"]
    declined = real_engine.answer("Berapa lama cuti melahirkan bagi PNS?")
    scores = declined.trace["decision"]["scores"]
    assert not declined.found and scores["p_answerable"] < scores["threshold"]
    # The kind of value asked is read from the question and its signal is in the trace.
    assert declined.trace["query"]["expects"] == "waktu" and "value_unsaid" in scores
