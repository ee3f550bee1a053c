"""Tests for framing.scorers.trained (the trained default scorer) and framing.train."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.scorers import LABELS, available_scorers, get_scorer
from framing.scorers.trained import (
    DEFAULT_MODEL_PATH,
    TrainedSentimentScorer,
    _mark_tokens,
    tokenize,
)

needs_model = pytest.mark.skipif(
    not DEFAULT_MODEL_PATH.is_file(), reason=f"shipped model {DEFAULT_MODEL_PATH} is missing"
)

_ACTORS = ["Washington", "Kyiv", "Moscow", "The senator", "Brussels", "The mayor"]
_POS = ["praised", "thanked", "welcomed the plan of", "backed"]
_NEG = ["condemned", "attacked", "blamed", "denounced"]


def _tiny_training_set():
    """Template sentences whose target is the object of a positive/negative verb."""
    rows = []
    for i, a in enumerate(_ACTORS):
        for j, b in enumerate(_ACTORS):
            if a == b:
                continue
            for verbs, label in ((_POS, "positive"), (_NEG, "negative")):
                v = verbs[(i + j) % len(verbs)]
                text = f"{a} {v} {b} on Monday."
                start = text.index(b, len(a))
                rows.append((text, start, start + len(b), label))
            text = f"{a} met {b} in the capital."
            start = text.index(b, len(a))
            rows.append((text, start, start + len(b), "neutral"))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label"])


@pytest.fixture(scope="module")
def tiny_data():
    return _tiny_training_set()


@pytest.fixture(scope="module")
def tiny_scorer(tiny_data):
    """A scorer trained on the template sentences without word vectors (fast)."""
    return TrainedSentimentScorer(model=None, word_vectors=None, min_df=1).fit(
        tiny_data, tiny_data["label"]
    )


@pytest.fixture(scope="module")
def shipped():
    if not DEFAULT_MODEL_PATH.is_file():
        pytest.skip(f"shipped model {DEFAULT_MODEL_PATH} is missing")
    return TrainedSentimentScorer.load_default()


# ---------------------------------------------------------------- scorer contract


def test_registered_under_its_name():
    assert "newsmtsc-linear" in available_scorers()
    scorer = get_scorer("newsmtsc-linear", C=0.5)
    assert isinstance(scorer, TrainedSentimentScorer) and scorer.C == 0.5
    assert scorer.kind == "discrete"


def test_init_only_stores_parameters():
    scorer = TrainedSentimentScorer(C=2.0, window_tokens=3, word_vectors=None)
    params = scorer.get_params()
    assert params["C"] == 2.0 and params["window_tokens"] == 3 and params["word_vectors"] is None
    cloned = clone(scorer)
    assert cloned.get_params() == params
    assert not any(k.endswith("_") for k in vars(scorer))


def test_score_before_fit_raises_not_fitted():
    with pytest.raises(NotFittedError):
        TrainedSentimentScorer().score(["Kyiv welcomed the vote."])


def test_fit_returns_self_and_scores_have_documented_shape(tiny_scorer, tiny_data):
    fresh = TrainedSentimentScorer(model=None, word_vectors=None, min_df=1)
    assert fresh.fit(tiny_data, tiny_data["label"]) is fresh
    out = tiny_scorer.score(tiny_data)
    assert len(out) == len(tiny_data)
    assert list(out.columns) == ["polarity", "label", "p_negative", "p_neutral", "p_positive"]
    assert out["polarity"].between(-1, 1).all()
    assert set(out["label"]) <= set(LABELS)
    probs = out[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert ((probs >= 0) & (probs <= 1)).all()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-9)
    np.testing.assert_allclose(out["polarity"], probs[:, 2] - probs[:, 0])
    # it learned the templates
    assert (out["label"] == tiny_data["label"]).mean() > 0.9


def test_single_string_raises_type_error(tiny_scorer):
    with pytest.raises(TypeError, match="single str"):
        tiny_scorer.score("Kyiv welcomed the vote.")
    with pytest.raises(TypeError, match="single str"):
        TrainedSentimentScorer(word_vectors=None).fit("Kyiv", ["positive"])


def test_empty_input_gives_empty_table(tiny_scorer):
    out = tiny_scorer.score([])
    assert len(out) == 0 and "polarity" in out.columns


def test_scoring_and_training_are_deterministic(tiny_scorer, tiny_data):
    a = tiny_scorer.score(tiny_data)
    b = tiny_scorer.score(tiny_data)
    pd.testing.assert_frame_equal(a, b)
    again = clone(tiny_scorer).fit(tiny_data, tiny_data["label"])
    np.testing.assert_array_equal(again.coef_, tiny_scorer.coef_)


@pytest.mark.parametrize(
    ("y", "match"),
    [(["positive"], "one label per target"), (None, "needs labels")],
    ids=["wrong-length", "no-labels-without-model"],
)
def test_fit_rejects_bad_labels(tiny_data, y, match):
    with pytest.raises(ValueError, match=match):
        TrainedSentimentScorer(model=None, word_vectors=None).fit(tiny_data, y)


def test_fit_rejects_unmapped_labels(tiny_data):
    with pytest.raises(ValueError, match="'pos'"):
        TrainedSentimentScorer(model=None, word_vectors=None).fit(
            tiny_data, ["pos"] * len(tiny_data)
        )


def test_save_and_load_round_trip(tiny_scorer, tiny_data, tmp_path):
    path = tiny_scorer.save(tmp_path / "tiny.npz")
    loaded = TrainedSentimentScorer.load(path)
    pd.testing.assert_frame_equal(loaded.score(tiny_data), tiny_scorer.score(tiny_data))
    assert loaded.min_df == 1
    via_fit = TrainedSentimentScorer(model=path).fit([])
    pd.testing.assert_frame_equal(via_fit.score(tiny_data), tiny_scorer.score(tiny_data))


def test_load_missing_artefact_says_how_to_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_default_scorer"):
        TrainedSentimentScorer.load(tmp_path / "nope.npz")


# ---------------------------------------------------------------- features


def test_tokenize_splits_negation_and_possessives():
    words = [w for w, _, _ in tokenize("Washington doesn’t back Kyiv’s plan.")]
    assert words == ["washington", "does", "n't", "back", "kyiv", "'s", "plan", "."]


def test_negation_scope_is_marked_and_never_dropped():
    text = "Washington does not support Kyiv's plan, officials said."
    marked, *_ = _mark_tokens(text, 0, 10)
    assert marked[:5] == ["<t>", "does", "not", "neg_support", "neg_kyiv"]
    assert "officials" in marked  # the scope ends at the comma


@pytest.mark.parametrize("negator", ["not", "never", "no longer"])
def test_negation_changes_the_feature_vector(tiny_scorer, negator):
    plain = "Washington does support Kyiv's plan."
    negated = f"Washington does {negator} support Kyiv's plan."
    X = pd.DataFrame({"text": [plain, negated], "start": [0, 0], "end": [10, 10]})
    features = tiny_scorer.transform(X).toarray()
    assert not np.allclose(features[0], features[1])


@needs_model
def test_negation_changes_shipped_features_and_polarity(shipped):
    texts = ["Washington does support Kyiv's plan.", "Washington does not support Kyiv's plan."]
    X = pd.DataFrame({"text": texts, "start": [0, 0], "end": [10, 10]})
    features = shipped.transform(X).toarray()
    assert not np.allclose(features[0], features[1])
    assert shipped.vocabulary_.get("neg_support") is not None
    assert features[1, shipped.vocabulary_["neg_support"]] > 0
    assert features[0, shipped.vocabulary_["neg_support"]] == 0


@needs_model
def test_shipped_model_separates_two_targets_in_one_sentence(shipped):
    text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    X = pd.DataFrame(
        {"text": [text, text], "start": [text.index("Kyiv"), text.index("Moscow")]}
    ).assign(end=lambda d: d.start + np.array([4, 6]))
    out = shipped.score(X)
    assert out["label"].tolist() == ["positive", "negative"]


@needs_model
def test_get_scorer_fit_without_labels_loads_the_shipped_model(shipped):
    scorer = get_scorer("newsmtsc-linear").fit([])
    texts = ["Kyiv welcomed the vote.", "Moscow was condemned."]
    pd.testing.assert_frame_equal(scorer.score(texts), shipped.score(texts))
    assert scorer.metadata_["dev_metrics"]["dev_rw"]["macro_f1"] >= 0.7


@pytest.mark.shared_data
@needs_model
def test_shipped_model_dev_rw_macro_f1(shared_data, shipped):
    from framing.datasets import load_gold
    from framing.evaluate import evaluate

    path = shared_data / "newsmtsc" / "dev_rw.jsonl"
    if not path.is_file():
        pytest.skip(f"NewsMTSC dev-rw not found under {str(shared_data)!r}")
    result = evaluate(shipped, load_gold(path), n_bootstrap=0)
    recorded = shipped.metadata_["dev_metrics"]["dev_rw"]["macro_f1"]
    assert result.macro_f1 == pytest.approx(recorded, abs=1e-6)
    assert result.macro_f1 >= 0.70
