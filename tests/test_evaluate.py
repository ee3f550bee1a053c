"""Tests for framing.datasets (gold readers) and framing.evaluate (metrics)."""

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.datasets import GOLD_COLUMNS, load_gold
from framing.evaluate import evaluate, f1_pn_score, fit_thresholds
from framing.exceptions import CorpusFormatError, MissingColumnError
from framing.scorers.base import LABELS, BaseScorer, as_targets, polarity_to_label


class LookupScorer(BaseScorer):
    """Discrete stub: returns a fixed label per text (for hand-computed metrics)."""

    name = "lookup"
    kind = "discrete"

    def __init__(self, labels=None):
        self.labels = labels

    def score(self, X):
        t = as_targets(X)
        labels = [self.labels[text] for text in t["text"]]
        pol = [{"negative": -1.0, "neutral": 0.0, "positive": 1.0}[x] for x in labels]
        return pd.DataFrame({"polarity": pol, "label": labels})


class PolarityScorer(BaseScorer):
    """Continuous stub: polarity looked up per text, labelled by `neutral_band`."""

    name = "polarity-stub"

    def __init__(self, polarities=None, neutral_band=0.0):
        self.polarities = polarities
        self.neutral_band = neutral_band

    def score(self, X):
        t = as_targets(X)
        pol = np.array([self.polarities[text] for text in t["text"]])
        return pd.DataFrame({"polarity": pol, "label": polarity_to_label(pol, self.neutral_band)})


def _gold(labels):
    texts = [f"Sentence {i} about Kyiv." for i in range(len(labels))]
    starts = [t.index("Kyiv") for t in texts]
    return pd.DataFrame(
        {"text": texts, "start": starts, "end": [s + 4 for s in starts], "label": labels}
    )


# ---------------------------------------------------------------- evaluate


def test_evaluate_matches_hand_computed_metrics():
    gold_labels = ["negative", "negative", "neutral", "positive", "positive", "neutral"]
    pred_labels = ["negative", "neutral", "neutral", "positive", "negative", "neutral"]
    gold = _gold(gold_labels)
    scorer = LookupScorer(labels=dict(zip(gold.text, pred_labels))).fit(gold)
    result = evaluate(scorer, gold, n_bootstrap=200, random_state=0)
    # By hand: F1 negative 1/2, neutral 4/5 (P 2/3, R 1), positive 2/3 (P 1, R 1/2).
    assert result.n == 6
    assert result.accuracy == pytest.approx(4 / 6)
    assert result.macro_f1 == pytest.approx((0.5 + 0.8 + 2 / 3) / 3)
    assert result.per_class.loc["neutral", "precision"] == pytest.approx(2 / 3)
    assert result.per_class.loc["positive", "recall"] == pytest.approx(0.5)
    assert result.per_class["support"].tolist() == [2, 2, 2]
    assert list(result.confusion.index) == list(LABELS)
    assert result.confusion.to_numpy().tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    assert result.ci_low <= result.macro_f1 <= result.ci_high
    # F1_PN averages only negative (1/2) and positive (2/3).
    assert result.f1_pn == pytest.approx((0.5 + 2 / 3) / 2)
    assert result.f1_pn_ci_low <= result.f1_pn <= result.f1_pn_ci_high


def test_f1_pn_counts_neutral_predictions_as_misses():
    # gold pos predicted neutral: positive recall 0; neutral gold predicted negative:
    # negative precision 1/2.
    y_true = ["positive", "negative", "neutral", "neutral"]
    y_pred = ["neutral", "negative", "negative", "neutral"]
    assert f1_pn_score(y_true, y_pred) == pytest.approx((2 / 3 + 0.0) / 2)
    assert f1_pn_score(["neutral"], ["neutral"]) == 0.0


def test_evaluate_to_dict_is_json_serialisable():
    gold = _gold(["negative", "neutral", "positive", "neutral"])
    scorer = LookupScorer(labels=dict(zip(gold.text, gold.label))).fit(gold)
    result = evaluate(scorer, gold, n_bootstrap=50)
    d = json.loads(json.dumps(result.to_dict()))
    assert {"f1_pn", "f1_pn_ci_low", "f1_pn_ci_high", "macro_f1", "accuracy", "n"} <= set(d)
    assert d["macro_f1"] == 1.0 and d["accuracy"] == 1.0 and d["n"] == 4
    assert d["labels"] == list(LABELS)
    assert d["confusion"] == [[1, 0, 0], [0, 2, 0], [0, 0, 1]]
    assert set(d["per_class"]) == set(LABELS)
    assert "lookup" in result.summary()


def test_evaluate_bootstrap_is_seeded_and_can_be_skipped():
    gold = _gold(["negative", "neutral", "positive"] * 10)
    preds = dict(zip(gold.text, ["negative", "neutral", "neutral"] * 10))
    scorer = LookupScorer(labels=preds).fit(gold)
    a = evaluate(scorer, gold, n_bootstrap=100, random_state=3)
    b = evaluate(scorer, gold, n_bootstrap=100, random_state=3)
    assert (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    none = evaluate(scorer, gold, n_bootstrap=0)
    assert math.isnan(none.ci_low) and none.to_dict()["ci_low"] is None


def test_evaluate_counts_unscored_targets_as_errors():
    gold = _gold(["negative", "positive"])
    scorer = PolarityScorer(polarities={gold.text[0]: -0.9, gold.text[1]: float("nan")}).fit(gold)
    result = evaluate(scorer, gold, n_bootstrap=0)
    assert result.n_unscored == 1
    assert result.accuracy == 0.5


@pytest.mark.parametrize(
    ("gold", "error", "match"),
    [
        ([1, 2], TypeError, "must be a DataFrame"),
        (pd.DataFrame({"text": ["a"], "label": ["neutral"]}), MissingColumnError, "start"),
        (
            pd.DataFrame({"text": ["a"], "start": [0], "end": [1], "label": ["pos"]}),
            ValueError,
            "'pos'",
        ),
    ],
    ids=["not-a-frame", "missing-column", "unmapped-label"],
)
def test_evaluate_rejects_bad_gold(gold, error, match):
    scorer = LookupScorer(labels={"a": "neutral"}).fit(["a"])
    with pytest.raises(error, match=match):
        evaluate(scorer, gold)


def test_fit_thresholds_picks_the_best_band_on_dev():
    pol = [-0.5, -0.05, 0.02, 0.1, 0.6]
    gold = _gold(["negative", "neutral", "neutral", "neutral", "positive"])
    scorer = PolarityScorer(polarities=dict(zip(gold.text, pol))).fit(gold)
    assert fit_thresholds(scorer, gold) is scorer
    # Every band in [0.10, 0.5) is perfect; the smallest on the 0.01 grid wins.
    assert scorer.neutral_band == pytest.approx(0.10)
    assert evaluate(scorer, gold, n_bootstrap=0).macro_f1 == 1.0


def test_fit_thresholds_refuses_a_scorer_without_neutral_band():
    gold = _gold(["neutral"])
    scorer = LookupScorer(labels={gold.text[0]: "neutral"}).fit(gold)
    with pytest.raises(ValueError, match="neutral_band"):
        fit_thresholds(scorer, gold)


# ---------------------------------------------------------------- readers


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _newsmtsc_record(sentence, mention, polarity):
    start = sentence.index(mention)
    return json.dumps(
        {
            "primary_gid": f"test_{mention}",
            "sentence_normalized": sentence,
            "targets": [
                {
                    "from": start,
                    "to": start + len(mention),
                    "mention": mention,
                    "polarity": polarity,
                }
            ],
        }
    )


def test_newsmtsc_reader_maps_labels_and_reports_bad_line(tmp_path):
    path = _write(
        tmp_path / "mini.jsonl",
        [
            _newsmtsc_record("Critics slammed Smith over the plan.", "Smith", 2.0),
            _newsmtsc_record("Jones spoke on Monday.", "Jones", 4.0),
            _newsmtsc_record("Voters cheered Brown.", "Brown", 5.0),  # bad label, line 3
            _newsmtsc_record("Lee won praise.", "Lee", 6.0),
        ],
    )
    with pytest.warns(UserWarning, match="line 3"):
        gold, rejections = load_gold(path, return_rejections=True)
    assert list(gold.columns[: len(GOLD_COLUMNS)]) == list(GOLD_COLUMNS)
    assert gold["label"].tolist() == ["negative", "neutral", "positive"]
    assert gold["target"].tolist() == ["Smith", "Jones", "Lee"]
    assert gold["source_line"].tolist() == [1, 2, 4]
    assert all(t[s:e] == m for t, s, e, m in zip(gold.text, gold.start, gold.end, gold.target))
    assert rejections[["line", "reason"]].values.tolist() == [[3, "bad_label"]]
    assert "5.0" in rejections["detail"].iloc[0]


def test_reader_raises_on_unparseable_json_with_line(tmp_path):
    path = _write(tmp_path / "broken.jsonl", [_newsmtsc_record("A B.", "A", 4.0), "{not json"])
    with pytest.raises(CorpusFormatError, match="line 2") as info:
        load_gold(path, format="newsmtsc")
    assert info.value.line == 2


def test_dse_reader_targets_the_entity_receiving_sentiment(tmp_path):
    rows = [
        "[Smith] praised [Jones] for the deal.\tSmith\tJones\t1",
        "[Smith] was attacked by [Jones] again.\tSmith\tJones\t4",
        "[Smith] met [ Jones ] in Ohio.\tSmith\tJones\t0",
        '"[Smith] said ""no"" to [Jones]."\tSmith\tJones\t3',
        "[Smith] and [Jones] talked.\tSmith\tJones\t9",
    ]
    with pytest.warns(UserWarning, match="line 5"):
        gold, rej = load_gold(_write(tmp_path / "dse.txt", rows), return_rejections=True)
    assert gold["target"].tolist() == ["Jones", "Smith", "Jones", "Jones"]
    assert gold["label"].tolist() == ["positive", "negative", "neutral", "negative"]
    assert gold["holder"].tolist() == ["Smith", "Jones", "Smith", "Smith"]
    assert gold["text"].iloc[3] == 'Smith said "no" to Jones.'
    assert "[" not in "".join(gold["text"])
    assert rej["line"].tolist() == [5]


def test_basil_reader_locates_the_entity_and_falls_back_to_the_span(tmp_path):
    record = {
        "article_key": "2016_1_fox",
        "title": "Trump rally draws crowd",
        "main-entities": ["Donald Trump", "Hillary Clinton"],
        "body-paragraphs": [["Mr. Trump mocked the reporters.", "He then left."]],
        "article-level-annotations": {
            "author_feeling_Donald_Trump": "neg",
            "author_feeling_Hillary_Clinton": "maybe",
        },
        "phrase-level-annotations": [
            {
                "id": "p0",
                "start": 10,
                "end": 16,
                "txt": "mocked",
                "target": "Donald_Trump",
                "polarity": "neg",
                "aim": "dir",
                "bias": "lex",
            },
            {
                "id": "p1",
                "start": 8,
                "end": 12,
                "txt": "left",
                "target": "Donald_Trump",
                "polarity": "pos",
                "aim": "dir",
                "bias": "inf",
            },
            {
                "id": "p1",
                "start": 0,
                "end": 2,
                "txt": "He",
                "target": "Donald_Trump",
                "polarity": "",
                "aim": "dir",
                "bias": "inf",
            },
        ],
    }
    path = _write(tmp_path / "basil.jsonl", [json.dumps(record)])
    with pytest.warns(UserWarning, match="line 1"):
        spans, rej = load_gold(path, format="basil", return_rejections=True)
    assert spans["target"].tolist() == ["Trump", "left"]
    assert spans["target_found"].tolist() == [True, False]
    assert spans["label"].tolist() == ["negative", "positive"]
    assert rej["reason"].tolist() == ["missing_label"]
    with pytest.warns(UserWarning, match=r"line 1 \(bad_label\)"):
        articles = load_gold(path, format="basil-article")
    assert articles["entity"].tolist() == ["Donald Trump"]
    assert articles["target"].tolist() == ["Trump"] and articles["label"].tolist() == ["negative"]


def test_mentions_csv_reader_accepts_spans_or_target_strings(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text(
        "text,target,label,coder\n"
        "Kyiv welcomed the vote.,Kyiv,pos,ab\n"
        "Moscow rejected it.,Moscow,-1,ab\n"
        "Paris said nothing.,Paris,,cd\n"
        "Rome met Bern.,Oslo,neutral,cd\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="rejected 2"):
        gold, rej = load_gold(path, return_rejections=True)
    assert gold["label"].tolist() == ["positive", "negative"]
    assert gold["coder"].tolist() == ["ab", "ab"]
    assert rej[["line", "reason"]].values.tolist() == [[4, "missing_label"], [5, "bad_span"]]


def test_mentions_csv_requires_its_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("sentence,label\nA.,pos\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match="'text'"):
        load_gold(path)


RUSENTNE_TINY = Path(__file__).parent / "data" / "rusentne_tiny.csv"


def test_rusentne_reader_maps_labels_spans_and_rejects_bad_rows():
    with pytest.warns(UserWarning, match="rejected 2 record"):
        gold, rejections = load_gold(RUSENTNE_TINY, return_rejections=True)  # auto-detected
    assert list(gold.columns[: len(GOLD_COLUMNS)]) == list(GOLD_COLUMNS)
    assert gold["label"].tolist() == [
        "positive", "negative", "neutral", "negative", "positive", "neutral"
    ]
    assert gold["target"].tolist()[:4] == ["волонтёров", "мэра", "Норвегии", "корпорацию «Север»"]
    assert all(t[s:e] == g for t, s, e, g in zip(gold.text, gold.start, gold.end, gold.target))
    assert gold["source_line"].tolist() == [2, 3, 4, 5, 6, 7]
    assert set(gold["language"]) == {"ru"}
    assert gold["entity_tag"].iloc[2] == "COUNTRY"
    assert rejections[["line", "reason"]].values.tolist() == [[8, "bad_label"], [9, "bad_span"]]


def test_rusentne_reader_requires_its_header(tmp_path):
    path = _write(tmp_path / "r.tsv", ["sentence\tentity\tlabel", "Кремль.\tКремль\t0"])
    with pytest.raises(MissingColumnError, match="entity_pos_start_rel"):
        load_gold(path, format="rusentne")
    path = _write(
        tmp_path / "short.csv",
        ["sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel",
         "Кремль молчит.\tКремль\tORGANIZATION\t0"],
    )
    with pytest.raises(CorpusFormatError, match="line 2"):
        load_gold(path)


def test_evaluate_command_reports_f1_pn_for_rusentne():
    from click.testing import CliRunner

    from framing.commands.evaluate import evaluate as evaluate_command

    args = [str(RUSENTNE_TINY), "--format", "rusentne", "--scorer", "textblob", "--n-bootstrap", "50"]
    result = CliRunner().invoke(evaluate_command, [*args, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output.strip().splitlines()[-1])
    assert payload["n"] == 6 and payload["n_rejected"] == 2
    for key in ("f1_pn", "f1_pn_ci_low", "f1_pn_ci_high", "macro_f1", "accuracy", "ci_low"):
        assert key in payload
    assert 0.0 <= payload["f1_pn"] <= 1.0
    text = CliRunner().invoke(evaluate_command, args)
    assert text.exit_code == 0 and "F1_PN" in text.output
    bad = CliRunner().invoke(evaluate_command, [str(RUSENTNE_TINY), "--format", "semeval"])
    assert bad.exit_code == 2 and "rusentne" in bad.output


def test_load_gold_rejects_unknown_format(tmp_path):
    path = _write(tmp_path / "x.jsonl", ["{}"])
    with pytest.raises(ValueError, match="'format' parameter of load_gold"):
        load_gold(path, format="semeval")


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("relpath", "fmt", "n_expected"),
    [
        ("newsmtsc/dev_rw.jsonl", "newsmtsc", 343),
        ("newsmtsc/dev_mt.jsonl", "newsmtsc", 442),
        ("basil/basil_train.jsonl", "basil", 886),
        ("dse_directed_sentiment/valid.txt", "dse", 1461),
        ("rusentne/train.csv", "rusentne", 6637),
    ],
    ids=["dev-rw", "dev-mt", "basil", "dse-valid", "rusentne-train"],
)
def test_readers_on_shared_data(shared_data, relpath, fmt, n_expected):
    path = shared_data / relpath
    if not path.is_file():
        pytest.skip(f"{relpath} not in the shared data folder {str(shared_data)!r}")
    gold = load_gold(path, format=fmt)
    assert len(gold) == n_expected
    assert set(gold["label"]) <= set(LABELS)
    assert all(t[s:e] == g for t, s, e, g in zip(gold.text, gold.start, gold.end, gold.target))
