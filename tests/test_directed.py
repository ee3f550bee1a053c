"""Tests for framing.directed (DSE/BASIL readers, holder -> target classifier) and its command."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.commands.evaluate_stance import evaluate_stance
from framing.directed import (
    COLLAPSED,
    DEFAULT_DIRECTED_MODEL_PATH,
    PAIR_COLUMNS,
    DirectedSentimentClassifier,
    directed_scores,
    load_basil_pairs,
    load_dse,
)
from framing.exceptions import CorpusFormatError

DSE_LINES = [
    "[Trump] praised [Putin] after the meeting.\tTrump\tPutin\t1",
    "Critics say [Kasich’]s plan was attacked by [Trump].\tKasich’\tTrump\t4",
    "[Congre]ss passed the bill before [Bush] signed it.\tCongre\tBush\t0",
]


def write(tmp_path, lines, name="pairs.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- readers
def test_load_dse_spans_and_labels(tmp_path):
    pairs = load_dse(write(tmp_path, DSE_LINES))
    assert list(pairs.columns) == list(PAIR_COLUMNS)
    assert pairs["label"].tolist() == [1, 4, 0]
    assert pairs["label3"].tolist() == ["positive", "negative", "neutral"]
    for r in pairs.itertuples():
        assert "[" not in r.sentence
        assert r.sentence[r.p_start : r.p_end] == r.p
        assert r.sentence[r.q_start : r.q_end] == r.q
    assert pairs.loc[1, "sentence"].startswith("Critics say Kasich’s plan")
    assert pairs["source_line"].tolist() == [1, 2, 3]


@pytest.mark.parametrize(
    ("bad_line", "match"),
    [
        ("[A] likes [B].\tA\tB", "4 tab-separated fields"),
        ("[A] likes [B].\tA\tB\t7", "integer in 0-4"),
        ("[A] likes [B].\tA\tB\tpositive", "integer in 0-4"),
        ("[A] likes B.\tA\tB\t1", "exactly two entities"),
        ("[A] likes [B] and [C].\tA\tB\t1", "exactly two entities"),
    ],
    ids=["three-fields", "label-out-of-range", "label-not-int", "one-entity", "three-entities"],
)
def test_load_dse_rejects_malformed_line_with_line_number(tmp_path, bad_line, match):
    path = write(tmp_path, [*DSE_LINES[:2], bad_line])
    with pytest.raises(CorpusFormatError, match=match) as info:
        load_dse(path)
    assert "line 3" in str(info.value) and str(path) in str(info.value)


def test_load_basil_pairs_keeps_named_quoted_speakers(tmp_path):
    art = {
        "body-paragraphs": [
            ["Obama said Trump was \u201cunfit\u201d for office.", "Aides praised Obama."]
        ],
        "phrase-level-annotations": [
            {
                "id": "p0",
                "quote": "yes",
                "speaker": "Barack_Obama",
                "target": "Donald_Trump",
                "polarity": "neg",
                "txt": "unfit",
            },
            {
                "id": "p1",
                "quote": "yes",
                "speaker": "other_pro",
                "target": "Barack_Obama",
                "polarity": "pos",
                "txt": "praised",
            },
            {
                "id": "p1",
                "quote": "no",
                "speaker": "",
                "target": "Barack_Obama",
                "polarity": "pos",
                "txt": "praised",
            },
        ],
    }
    pairs = load_basil_pairs(write(tmp_path, [json.dumps(art)], "b.jsonl"))
    assert len(pairs) == 1
    r = pairs.iloc[0]
    assert (r.p, r.q, r.label, r.label3) == ("Obama", "Trump", 3, "negative")
    with pytest.raises(CorpusFormatError, match="line 2"):
        load_basil_pairs(write(tmp_path, [json.dumps(art), "{not json"], "c.jsonl"))


# --------------------------------------------------------------------------- classifier
def synthetic_pairs(n=40):
    rows = []
    for i in range(n):
        a, b = f"Alpha{i % 5}", f"Beta{i % 7}"
        for tpl, label in (
            ("{p} praised {q} warmly.", 1),
            ("{p} condemned {q} harshly.", 3),
            ("{p} met {q} on Monday.", 0),
        ):
            s = tpl.format(p=a, q=b)
            rows.append((s, a, b, 0, len(a), s.index(b), s.index(b) + len(b), label))
            # the same sentence with p and q swapped in the columns: the direction flips
            flip = {1: 2, 3: 4, 0: 0}[label]
            rows.append((s, b, a, s.index(b), s.index(b) + len(b), 0, len(a), flip))
    return pd.DataFrame(
        rows, columns=["sentence", "p", "q", "p_start", "p_end", "q_start", "q_end", "label"]
    )


def test_classifier_learns_direction(tmp_path):
    pairs = synthetic_pairs()
    model = DirectedSentimentClassifier(min_df=1, C=10.0).fit(pairs)
    proba = model.predict_proba(pairs)
    assert proba.shape == (len(pairs), 5)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (model.predict(pairs) == pairs["label"].to_numpy()).mean() == 1.0
    # a new pair of names: direction follows position, not the names
    s = "Gamma praised Delta warmly."
    new = pd.DataFrame(
        {
            "sentence": [s, s],
            "p_start": [0, 14],
            "p_end": [5, 19],
            "q_start": [14, 0],
            "q_end": [19, 5],
        }
    )
    assert model.predict(new).tolist() == [1, 2]
    assert model.predict_collapsed(new).tolist() == ["positive", "positive"]
    # save / load round trip (plain arrays, no pickle)
    path = model.save(tmp_path / "m.npz")
    with np.load(path, allow_pickle=False) as z:
        assert "coef" in z
    loaded = DirectedSentimentClassifier.load(path)
    np.testing.assert_allclose(loaded.predict_proba(pairs), proba, atol=1e-5)


def test_classifier_contract():
    model = DirectedSentimentClassifier(C=2.0)
    assert clone(model).get_params() == model.get_params()
    with pytest.raises(NotFittedError):
        model.predict(synthetic_pairs(2))
    with pytest.raises(TypeError, match="pairs DataFrame"):
        DirectedSentimentClassifier(min_df=1).fit(synthetic_pairs(5)).predict("A likes B")
    with pytest.raises(ValueError, match="labels in 0-4"):
        DirectedSentimentClassifier(min_df=1).fit(synthetic_pairs(5), np.full(30, 7))
    with pytest.raises(FileNotFoundError, match="train_directed_model"):
        DirectedSentimentClassifier.load("/nonexistent/model.npz")


def test_word_vectors_pool_positional_segments():
    from framing.directed import SEGMENTS, _pooled_vectors

    index = {"praised": 0, "warmly": 1, "alpha": 2, "beta": 3}
    vectors = np.eye(4, dtype=np.float32)
    s = "Alpha praised Beta warmly"
    pairs = pd.DataFrame(
        {
            "sentence": [s, s],
            "p_start": [0, 14],
            "p_end": [5, 18],
            "q_start": [14, 0],
            "q_end": [18, 5],
        }
    )
    pooled = _pooled_vectors(pairs, np.array([False, True]), index, vectors)
    assert pooled.shape == (2, len(SEGMENTS) * 4)
    # positional: both rows are the same (earlier entity = Alpha), whatever p and q are
    np.testing.assert_array_equal(pooled[0], pooled[1])
    seg = {name: pooled[0, 4 * k : 4 * k + 4] for k, name in enumerate(SEGMENTS)}
    np.testing.assert_array_equal(seg["entity_a"], [0, 0, 1, 0])
    np.testing.assert_array_equal(seg["between"], [1, 0, 0, 0])
    np.testing.assert_array_equal(seg["entity_b"], [0, 0, 0, 1])
    np.testing.assert_array_equal(seg["right"], [0, 1, 0, 0])
    np.testing.assert_array_equal(seg["left"], [0, 0, 0, 0])  # empty segment pools to zeros


@pytest.mark.parametrize("classifier", ["svm", "logreg"])
def test_classifier_with_word_vectors_round_trip(tmp_path, classifier):
    pairs = synthetic_pairs(10)
    model = DirectedSentimentClassifier(min_df=1, C=10.0, classifier=classifier).fit(pairs)
    assert model.dense_mean_.size > 0
    assert model.coef_.shape[1] == len(model.vocabulary_) + model.dense_mean_.size
    assert (model.predict(pairs) == pairs["label"].to_numpy()).mean() == 1.0
    off = DirectedSentimentClassifier(min_df=1, C=10.0, embedding_weight=0.0).fit(pairs)
    assert off.dense_mean_.size == 0 and off.coef_.shape[1] == len(off.vocabulary_)
    loaded = DirectedSentimentClassifier.load(model.save(tmp_path / "m.npz"))
    assert loaded.classifier == classifier and loaded.metadata_["word_vectors"]["sha256"]
    np.testing.assert_allclose(loaded.predict_proba(pairs), model.predict_proba(pairs), atol=1e-4)


def test_classifier_rejects_unknown_classifier_and_missing_vectors(tmp_path):
    with pytest.raises(ValueError, match="'svm' or 'logreg'"):
        DirectedSentimentClassifier(classifier="mlp").fit(synthetic_pairs(2))
    with pytest.raises(FileNotFoundError, match="word_vectors=None"):
        DirectedSentimentClassifier(word_vectors=tmp_path / "none.npz").fit(synthetic_pairs(2))


def test_directed_scores_collapse_direction():
    scores = directed_scores([1, 2, 3, 4, 0], [2, 1, 4, 3, 0])
    assert scores["macro_f1"] == 1.0 and scores["accuracy"] == 1.0
    assert scores["macro_f1_5class"] < 0.5
    assert set(COLLAPSED.values()) == {"neutral", "positive", "negative"}


# --------------------------------------------------------------------------- shipped model
def test_shipped_model_loads_offline():
    model = DirectedSentimentClassifier.load_default()
    assert DEFAULT_DIRECTED_MODEL_PATH.is_file()
    s = "Washington praised Kyiv but condemned Moscow."
    pairs = pd.DataFrame(
        {
            "sentence": [s] * 2,
            "p_start": [0, 0],
            "p_end": [10, 10],
            "q_start": [19, 38],
            "q_end": [23, 44],
        }
    )
    assert model.predict_proba(pairs).shape == (2, 5)
    assert "valid_scores" in model.metadata_
    assert model.classifier == "svm" and model.dense_mean_.size > 0
    with np.load(DEFAULT_DIRECTED_MODEL_PATH, allow_pickle=False) as z:
        assert int(z["format"]) == 2


def test_evaluate_stance_command(tmp_path):
    path = write(tmp_path, DSE_LINES)
    result = CliRunner().invoke(evaluate_stance, [str(path), "--format", "dse", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["n"] == 3 and 0 <= scores["macro_f1"] <= 1
    assert {"accuracy", "macro_f1_5class"} <= set(scores)
    text = CliRunner().invoke(evaluate_stance, [str(path)])
    assert text.exit_code == 0 and "macro_f1" in text.output
    bad = write(tmp_path, ["no tabs here"], "bad.txt")
    result = CliRunner().invoke(evaluate_stance, [str(bad)])
    assert result.exit_code != 0 and "line 1" in str(result.exception)


@pytest.mark.shared_data
@pytest.mark.slow
def test_shipped_model_beats_tfidf_baseline_on_dse_valid(shared_data):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    dse = shared_data / "dse_directed_sentiment"
    train, valid = load_dse(dse / "train.txt"), load_dse(dse / "valid.txt")
    assert len(valid) == 1461
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    lr = LogisticRegression(max_iter=3000, class_weight="balanced")
    lr.fit(vec.fit_transform(train["sentence"]), train["label"])
    base = directed_scores(valid["label"], lr.predict(vec.transform(valid["sentence"])))
    ours = directed_scores(
        valid["label"], DirectedSentimentClassifier.load_default().predict(valid)
    )
    assert ours["macro_f1"] > base["macro_f1"]
    assert ours["macro_f1_5class"] > base["macro_f1_5class"]
    # the word-vector + linear SVM model (0.761 collapsed / 0.671 5-class when shipped)
    assert ours["macro_f1"] >= 0.75 and ours["macro_f1_5class"] >= 0.65
    stored = DirectedSentimentClassifier.load_default().metadata_["valid_scores"]
    assert ours == pytest.approx(stored)


@pytest.mark.shared_data
def test_basil_pairs_from_shared_data(shared_data):
    pairs = load_basil_pairs(shared_data / "basil" / "basil_train.jsonl")
    assert len(pairs) > 20
    assert set(pairs["label"]) <= {1, 3}
    for r in pairs.head(50).itertuples():
        assert r.sentence[r.p_start : r.p_end] == r.p and r.sentence[r.q_start : r.q_end] == r.q
