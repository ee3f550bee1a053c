"""Tests for the multilingual scorer, the routed scorer and their shipped model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.datasets import load_gold
from framing.evaluate import evaluate
from framing.scorers import get_scorer, score_mentions
from framing.scorers.multilingual import (
    MultilingualLinearScorer,
    RoutedScorer,
    fit_vector_scaling,
    script_language,
    target_features,
)

UK_SET = Path(__file__).parent / "data" / "uk_targets.csv"


def _targets(rows, language=None):
    out = []
    for text, target in rows:
        start = text.index(target)
        out.append((text, start, start + len(target)))
    frame = pd.DataFrame(out, columns=["text", "start", "end"])
    if language is not None:
        frame["language"] = language
    return frame


@pytest.fixture(scope="module")
def shipped():
    return MultilingualLinearScorer().fit([])


def test_target_features_mark_the_target_and_its_sides():
    words, chars = target_features("Кремль осудил Киев за сделку.", 14, 18)
    assert "w:осудил \u2038" in words and "w:\u2038 за" in words
    assert "L1:осудил" in words and "R1:за" in words and "T:киев" in words
    assert not any("киев" in w for w in words if w.startswith("w:"))
    assert "l осу" in chars and " кре" in chars  # window and sentence char n-grams


def test_target_features_normalise_case_yo_and_apostrophes():
    a, _ = target_features("Її обіцянки ЗМІ підтримали.", 0, 3)
    b, _ = target_features("її обіцянки змі підтримали.", 0, 3)
    assert a == b
    c, _ = target_features("Журналист пришёл к Путину", 19, 25)
    assert "w:пришел к" in c


def test_script_language():
    assert script_language("Київ") == "cyrl"
    assert script_language("Kyiv") == "latn"


def test_vector_scaling_recovers_a_known_temperature():
    rng = np.random.default_rng(0)
    true = rng.normal(size=(4000, 3)) * 2
    p = np.exp(true / 2.0)
    p /= p.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in p])
    t, bn, b0, bp = fit_vector_scaling(true, y)
    assert t == pytest.approx(2.0, rel=0.15)
    assert b0 == 0.0 and abs(bn) < 0.2 and abs(bp) < 0.2


def test_fit_trains_per_language_intercepts_and_calibration():
    rows = [
        ("Critics condemned Moscow for the attack.", "Moscow", "negative"),
        ("Kyiv hosted the talks.", "Kyiv", "neutral"),
        ("Allies praised Kyiv for its courage.", "Kyiv", "positive"),
    ] * 20
    ru = [
        ("Критики осудили Москву за атаку.", "Москву", "negative"),
        ("Киев принял переговоры.", "Киев", "neutral"),
        ("Союзники похвалили Киев за смелость.", "Киев", "positive"),
    ] * 20
    X = pd.concat([_targets([r[:2] for r in rows], "en"), _targets([r[:2] for r in ru], "ru")],
                  ignore_index=True)
    y = [r[2] for r in rows + ru]
    scorer = MultilingualLinearScorer(model=None, n_features=2**12).fit(X, y)
    assert scorer.languages_ == ("en", "ru")
    assert set(scorer.calibration_) == {"*", "en", "ru"}
    out = scorer.score(X)
    assert (out["label"].to_numpy() == np.array(y, dtype=object)).mean() > 0.9
    probs = out[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1.0)
    # without a language column the script decides (Cyrillic -> ru)
    same = scorer.score(X[["text", "start", "end"]])
    assert np.allclose(same["polarity"], out["polarity"])


def test_fit_without_labels_needs_a_model():
    with pytest.raises(ValueError, match="needs labels"):
        MultilingualLinearScorer(model=None).fit([])
    with pytest.raises(FileNotFoundError, match="framing train"):
        MultilingualLinearScorer(model="/nonexistent/model.npz").fit([])


def test_save_and_load_round_trip(tmp_path, shipped):
    path = shipped.save(tmp_path / "m.npz")
    again = MultilingualLinearScorer.load(path)
    X = _targets([("Кремль осудил Киев за сделку с Вашингтоном.", "Киев")], "ru")
    assert np.allclose(again.score(X)["polarity"], shipped.score(X)["polarity"], atol=1e-6)


# --- must hold (issue 14), scored directly on the spans -----------------------------------
# The shipped linear model gets both wrong (Киев: positive, p = .21/.56/.23; Сполученим
# Штатам: negative). They stay as strict xfails, so that a model that gets them right
# turns them into failures to be promoted to plain tests. Never hard-code them.

_MUST_HOLD = pytest.mark.xfail(
    strict=True, reason="issue 14 must-hold not met by multilingual-linear v1 (see model card)"
)


@_MUST_HOLD
def test_kremlin_condemns_kyiv_is_negative_toward_kyiv(shipped):
    X = _targets([("Кремль осудил Киев за сделку с Вашингтоном.", "Киев")], "ru")
    assert shipped.score(X)["label"].tolist() == ["negative"]


@_MUST_HOLD
def test_ukraine_thanks_the_united_states_is_positive(shipped):
    s = "Україна подякувала Сполученим Штатам за підтримку, але розкритикувала позицію Угорщини."
    X = _targets([(s, "Сполученим Штатам")], "uk")
    assert shipped.score(X)["label"].tolist() == ["positive"]


@pytest.mark.xfail(
    strict=True,
    reason="multilingual-linear v1 scores 31% accuracy on the Ukrainian set, below the "
    "41% majority class (README, benchmarks/multilingual.py)",
)
def test_ukrainian_hand_written_set_beats_the_majority_class(shipped):
    gold = load_gold(UK_SET, format="mentions-csv")
    assert set(gold["language"]) == {"uk"} and len(gold) >= 30
    result = evaluate(shipped, gold, n_bootstrap=0)
    majority = gold["label"].value_counts(normalize=True).max()
    assert result.accuracy > majority


# --- routed scorer -------------------------------------------------------------------------


def test_routed_scorer_sends_english_to_the_english_model():
    routed = RoutedScorer().fit([])
    english = get_scorer("newsmtsc-linear").fit([])
    multi = MultilingualLinearScorer().fit([])
    X = pd.concat(
        [
            _targets([("Washington praised Kyiv for its courage.", "Kyiv")], "en"),
            _targets([("Кремль осудил Киев за сделку с Вашингтоном.", "Киев")], "ru"),
            _targets([("Угорщина заблокувала допомогу Україні.", "Угорщина")], "uk"),
        ],
        ignore_index=True,
    )
    out = routed.score(X)
    assert out["routed_to"].tolist() == ["newsmtsc-linear", "multilingual-linear",
                                         "multilingual-linear"]
    assert out["polarity"].iloc[0] == pytest.approx(english.score(X.iloc[:1])["polarity"].iloc[0])
    assert np.allclose(out["polarity"].iloc[1:], multi.score(X.iloc[1:].reset_index(drop=True))[
        "polarity"])
    # without a language column the script decides
    plain = routed.score(X[["text", "start", "end"]])
    assert plain["routed_to"].tolist() == out["routed_to"].tolist()


def test_score_mentions_passes_the_language_to_the_routed_scorer():
    s_en = "Washington praised Kyiv for its courage."
    s_ru = "Кремль осудил Киев за сделку с Вашингтоном."
    mentions = pd.DataFrame(
        {
            "sentence": [s_en, s_ru, s_ru],
            "sentence_start": [0, 0, 0],
            "start": [19, 14, 14],
            "end": [23, 18, 18],
            "language": ["en", "ru", "de"],
        }
    )
    scored = score_mentions(mentions, RoutedScorer().fit([]))
    assert scored["score_status"].tolist() == ["ok", "ok", "unsupported_language"]
    assert scored["routed_to"].tolist()[:2] == ["newsmtsc-linear", "multilingual-linear"]
    direct = MultilingualLinearScorer().fit([]).score(
        pd.DataFrame({"text": [s_ru], "start": [14], "end": [18], "language": ["ru"]})
    )
    assert scored["polarity"].iloc[1] == pytest.approx(direct["polarity"].iloc[0])
    assert np.isnan(scored["polarity"].iloc[2])


def test_train_command_refuses_to_overwrite_the_multilingual_artefact(tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    (tmp_path / "multilingual_linear.npz").write_bytes(b"keep me")
    result = CliRunner().invoke(
        main, ["train", "--model", "multilingual-linear", "--out", str(tmp_path),
               "--data-dir", str(tmp_path)],
    )
    assert result.exit_code == 2 and "--overwrite" in result.output
    assert (tmp_path / "multilingual_linear.npz").read_bytes() == b"keep me"
