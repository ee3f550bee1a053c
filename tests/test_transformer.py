"""Tests for the optional transformer scorer (skipped when torch is not installed)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

pytest.importorskip(
    "torch", reason='optional extra not installed: pip install "framing[transformer]"'
)
pytest.importorskip(
    "transformers", reason='optional extra not installed: pip install "framing[transformer]"'
)

from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.scorers import LABELS, available_scorers, get_scorer
from framing.scorers import transformer as transformer_module
from framing.scorers.transformer import (
    PACKAGED_MODEL_DIR,
    TARGET_CLOSE,
    TARGET_OPEN,
    TransformerSentimentScorer,
    mark_targets,
)


def targets(*rows):
    """Build a targets table from ``(text, target_substring)`` pairs (first occurrence)."""
    out = []
    for text, target in rows:
        start = text.index(target)
        out.append((text, start, start + len(target)))
    return pd.DataFrame(out, columns=["text", "start", "end"])


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A private FRAMING_CACHE_DIR for the exported ONNX models of this module."""
    with pytest.MonkeyPatch.context() as mp:
        path = tmp_path_factory.mktemp("framing-cache")
        mp.setenv("FRAMING_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="module")
def scorer(cache):
    return TransformerSentimentScorer().fit([])


@pytest.fixture(scope="module")
def torch_scorer():
    return TransformerSentimentScorer(runtime="torch", n_jobs=1).fit([])


# --- import hygiene and the optional dependency ------------------------------------------------


def test_importing_framing_and_the_module_does_not_import_torch():
    code = (
        "import sys, framing, framing.scorers, framing.scorers.transformer, "
        "framing.train_transformer; assert 'torch' not in sys.modules, 'torch imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_missing_torch_gives_install_hint(monkeypatch):
    real = transformer_module.importlib.util.find_spec
    monkeypatch.setattr(
        transformer_module.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "torch" else real(name, *a),
    )
    assert not transformer_module.transformer_available()
    with pytest.raises(ImportError, match=r'pip install "framing\[transformer\]"'):
        TransformerSentimentScorer().fit([])


def test_registered_under_its_name():
    assert "transformer" in available_scorers()
    assert isinstance(get_scorer("transformer", batch_size=8), TransformerSentimentScorer)


# --- contract ------------------------------------------------------------------------------------


def test_init_only_stores_params_and_clone_round_trips():
    s = TransformerSentimentScorer(batch_size=8, window_chars=None, runtime="torch")
    c = clone(s)
    assert type(c) is TransformerSentimentScorer
    assert c.get_params() == s.get_params()
    assert not [k for k in vars(s) if k.endswith("_")]
    assert TransformerSentimentScorer.kind == "discrete"
    assert TransformerSentimentScorer.supported_languages == frozenset({"en"})


def test_score_before_fit_raises():
    with pytest.raises(NotFittedError):
        TransformerSentimentScorer().score(["Kyiv welcomed the vote."])


def test_single_str_raises_type_error(scorer):
    with pytest.raises(TypeError, match="single str"):
        TransformerSentimentScorer().fit("Kyiv welcomed the vote.")
    with pytest.raises(TypeError, match="single str"):
        scorer.score("Kyiv welcomed the vote.")


def test_fit_returns_self_and_checks_params():
    s = TransformerSentimentScorer(batch_size=4)
    assert s.fit(["Kyiv."], ["neutral"]) is s
    with pytest.raises(ValueError, match="one label per target"):
        TransformerSentimentScorer().fit(["a", "b"], ["neutral"])
    with pytest.raises(ValueError, match="'batch_size'.*positive int.*0"):
        TransformerSentimentScorer(batch_size=0).fit([])
    with pytest.raises(ValueError, match="'max_length'.*'auto'.*'long'"):
        TransformerSentimentScorer(max_length="long").fit([])
    with pytest.raises(ValueError, match="'runtime'.*'onnx'.*'tf'"):
        TransformerSentimentScorer(runtime="tf").fit([])


def test_auto_window_and_length_come_from_the_model(scorer):
    trained = scorer.meta_["settings"]
    assert scorer.max_length_ == trained["max_length"]
    assert scorer.window_chars_ == trained["window_chars"]
    s = TransformerSentimentScorer(runtime="torch", max_length=40, window_chars=None).fit([])
    assert (s.max_length_, s.window_chars_) == (40, None)


def test_missing_model_folder_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="head.safetensors"):
        TransformerSentimentScorer(model=tmp_path).fit([])


def test_output_shape_range_determinism_and_blank_texts(scorer):
    X = targets(
        ("Washington praised Kyiv's resolve.", "Kyiv"),
        ("Officials blamed Moscow for the awful attack.", "Moscow"),
        ("The EU published its report on minerals.", "EU"),
    )
    extra = pd.DataFrame(
        {"text": ["", "   ", "Kyiv!!! \U0001f600" * 3], "start": [0, 1, 0], "end": [0, 2, 4]}
    )
    inputs = pd.concat([X, extra], ignore_index=True)
    first = scorer.score(inputs)
    assert list(first.columns) == ["polarity", "label", "p_negative", "p_neutral", "p_positive"]
    assert list(first.index) == list(range(len(inputs)))
    ok = first["polarity"].notna().to_numpy()
    assert ok.tolist() == [True, True, True, False, False, True]
    assert first["label"][~ok].isna().all()
    assert set(first["label"][ok]) <= set(LABELS)
    p = first.loc[ok, ["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-6)
    np.testing.assert_allclose(first.loc[ok, "polarity"], p[:, 2] - p[:, 0])
    pd.testing.assert_frame_equal(first, scorer.score(inputs))
    # each mention is scored alone: order and company do not change its score at all
    reverse = clone(scorer).set_params(n_jobs=1).fit([]).score(inputs.iloc[::-1])
    pd.testing.assert_frame_equal(reverse.iloc[::-1].reset_index(drop=True), first)
    for i in range(len(inputs)):
        alone = scorer.score(inputs.iloc[[i]])
        pd.testing.assert_frame_equal(alone, first.iloc[[i]].reset_index(drop=True))
    assert len(scorer.score([])) == 0
    assert len(scorer.score(list(X["text"]))) == 3


def test_the_three_runtimes_agree(scorer, torch_scorer):
    X = targets(
        ("Washington praised Kyiv's resolve.", "Kyiv"),
        ("Officials blamed Moscow for the awful attack.", "Moscow"),
        ("The EU published its report on minerals.", "EU"),
        ("Zelenskyy rejected the deal as a betrayal of Ukraine's sovereignty.", "Zelenskyy"),
    )
    full = torch_scorer.score(X)
    small = clone(torch_scorer).set_params(batch_size=2).fit([]).score(X.iloc[::-1])
    np.testing.assert_allclose(
        small.iloc[::-1]["polarity"].to_numpy(), full["polarity"].to_numpy(), atol=1e-4
    )
    onnx = scorer.score(X)
    np.testing.assert_allclose(onnx["polarity"], full["polarity"], atol=1e-4)
    int8 = TransformerSentimentScorer(runtime="onnx-int8").fit([]).score(X)
    assert int8["label"].tolist() == full["label"].tolist()
    assert np.abs(int8["polarity"] - full["polarity"]).mean() < 0.1  # int8 rounding only


def test_onnx_export_is_cached_and_reused(scorer, cache):
    [path] = [p for p in (cache / "transformer").glob("*.onnx") if ".int8" not in p.name]
    stamp = path.stat().st_mtime_ns
    before = sorted(p.name for p in (cache / "transformer").iterdir())
    TransformerSentimentScorer().fit([])
    assert sorted(p.name for p in (cache / "transformer").iterdir()) == before
    assert path.stat().st_mtime_ns == stamp


# --- marking ---------------------------------------------------------------------------------


def test_mark_targets_wraps_span_and_normalises_quotes():
    t = targets(("Kyiv\u2019s plan isn\u2019t good.", "Kyiv"))
    assert mark_targets(t) == [f"{TARGET_OPEN} Kyiv {TARGET_CLOSE}'s plan isn't good."]


def test_mark_targets_keeps_a_window_around_the_target():
    text = "word " * 200 + "Kyiv acted. " + "more " * 200
    [marked] = mark_targets(targets((text, "Kyiv")), window_chars=50)
    assert f"{TARGET_OPEN} Kyiv {TARGET_CLOSE}" in marked
    assert len(marked) <= 2 * 50 + len("Kyiv") + 16
    [full] = mark_targets(targets((text, "Kyiv")), window_chars=None)
    assert len(full) == len(text) + len(TARGET_OPEN) + len(TARGET_CLOSE) + 2


# --- behaviour of the packaged model --------------------------------------------------------


def test_packaged_model_ships_with_card_and_loads_offline(tmp_path):
    assert (PACKAGED_MODEL_DIR / "MODEL_CARD.md").is_file()
    size_mb = sum(f.stat().st_size for f in PACKAGED_MODEL_DIR.iterdir()) / 1e6
    assert size_mb <= 60
    code = (
        "from framing.scorers.transformer import TransformerSentimentScorer as T; "
        "print(T().fit([]).score(['Kyiv praised the deal.'])['label'][0])"
    )
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HOME": os.devnull + "/nonexistent",
        "FRAMING_CACHE_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] in LABELS


def test_praise_and_condemn_in_one_sentence_have_opposite_signs(scorer):
    text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    scores = scorer.score(targets((text, "Kyiv"), (text, "Moscow")))
    kyiv, moscow = scores["polarity"]
    assert kyiv > 0 > moscow
    assert scores["label"].tolist() == ["positive", "negative"]


def test_curly_apostrophes_and_contractions_get_the_same_label(scorer):
    scores = scorer.score(
        targets(
            ("Kyiv\u2019s plan isn\u2019t a good idea.", "Kyiv"),
            ("Kyiv's plan is not a good idea.", "Kyiv"),
        )
    )
    assert scores["label"].iloc[0] == scores["label"].iloc[1]


@pytest.mark.shared_data
def test_dev_rw_macro_f1_at_least_082(shared_data, scorer):
    from sklearn.metrics import f1_score

    from framing.datasets import load_gold

    gold = load_gold(shared_data / "newsmtsc" / "dev_rw.jsonl", format="newsmtsc")
    pred = scorer.score(gold[["text", "start", "end"]])["label"]
    f1 = f1_score(gold["label"], pred, labels=list(LABELS), average="macro")
    assert f1 >= 0.82, f"dev-rw macro-F1 {f1:.3f} < 0.82 on {len(gold)} targets"


def test_fine_tune_checkpoints_the_best_epoch_with_class_weights(tmp_path):
    """A two-epoch run on six marked texts: the selected epoch is saved and reloadable."""
    from framing.scorers.transformer import build_classifier, load_model
    from framing.train_transformer import fine_tune, load_base_encoder, seed_torch

    torch = seed_torch(0, 1)
    tokenizer, encoder = load_base_encoder(((TARGET_OPEN, "["), (TARGET_CLOSE, "]")))
    model = build_classifier(encoder)
    marked = [f"{TARGET_OPEN} Kyiv {TARGET_CLOSE} {w} the deal." for w in
              ("praised", "welcomed", "rejected", "condemned", "discussed", "signed")]
    y = torch.tensor([2, 2, 0, 0, 1, 1])
    scores = iter([0.6, 0.4])  # epoch 1 is the better one: it must be restored

    def evaluate(m):
        assert not m.training
        return {"dev_score": next(scores)}

    settings = {"epochs": 2, "batch_size": 4, "lr": 1e-4, "max_length": 16, "warmup": 0.1,
                "weight_decay": 0.01, "random_state": 0}
    report = fine_tune(model, tokenizer, marked, y, evaluate, tmp_path / "m", settings,
                       select_key="dev_score", selected_on="dev score", log=lambda line: None,
                       class_weight=[2.0, 1.0, 1.0])
    assert report["best_epoch"] == 1
    assert [row["dev_score"] for row in report["history"]] == [0.6, 0.4]
    assert report["complete"] and report["dev_metrics"] == {"dev_score": 0.6}
    assert all(np.isfinite(row["train_loss"]) for row in report["history"])
    reloaded, _, meta = load_model(tmp_path / "m")
    assert meta["best_epoch"] == 1 and meta["selected_on"] == "dev score"
    saved = reloaded.state_dict()  # the selected weights, stored as float16
    for name, value in model.state_dict().items():
        assert torch.equal(saved[name], value.half().float()), name
