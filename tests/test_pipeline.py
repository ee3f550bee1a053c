"""Tests for framing.pipeline: one cached load → mentions → scores for notebooks and reports."""

import numpy as np
import pandas as pd
import pytest

from framing.aggregate import article_sentiment
from framing.pipeline import load_events, prepare_corpus, select_rows


@pytest.fixture
def prepared(tmp_path, tiny_corpus_path):
    return prepare_corpus(tiny_corpus_path, data_dir=tmp_path / "data")


def test_prepare_writes_tables_and_reuses_them(tmp_path, tiny_corpus_path, prepared):
    for name in ("articles.parquet", "mentions.parquet", "load_report.json", "rejections.csv"):
        assert (tmp_path / "data" / name).is_file()
    again = prepare_corpus(tiny_corpus_path, data_dir=tmp_path / "data")
    pd.testing.assert_frame_equal(again.mentions, prepared.mentions)
    assert again.report == prepared.report


def test_changed_input_invalidates_cache(tmp_path, tiny_corpus_path, prepared):
    copy = tmp_path / "copy.jsonl"
    lines = tiny_corpus_path.read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    smaller = prepare_corpus(copy, data_dir=tmp_path / "data")
    assert smaller.report["n_accepted"] == 3


def test_empty_text_article_is_kept_with_missing_sentiment(prepared):
    articles = prepared.articles.set_index("article_id")
    assert articles.loc["t7", "status"] == "empty_text"
    per_article = article_sentiment(prepared.articles, prepared.mentions).set_index("article_id")
    assert np.isnan(per_article.loc["t7", "mean"])
    assert per_article.loc["t7", "n_scored"] == 0
    assert per_article["mean"].notna().sum() >= 5


def test_undated_article_counts_for_outlets_not_for_time(prepared):
    articles = prepared.articles.set_index("article_id")
    assert articles.loc["t6", "date_status"] == "missing"
    assert "t6" in set(prepared.mentions["article_id"])
    dated = select_rows(prepared.mentions, start="2025-01-01")
    assert "t6" not in set(dated["article_id"])


def test_german_article_is_not_scored_as_neutral(prepared):
    rows = prepared.mentions[prepared.mentions["article_id"] == "t8"]
    assert len(rows) >= 1
    assert (rows["score_status"] == "unsupported_language").all()
    assert rows["polarity"].isna().all()


def test_select_rows_rejects_unknown_outlet(prepared):
    with pytest.raises(ValueError, match="Unknown outlet"):
        select_rows(prepared.mentions, outlets=["No Such Outlet"])


def test_load_events(tmp_path):
    path = tmp_path / "events.yml"
    path.write_text("events:\n  - date: 2025-02-28\n    label: Oval Office\n", encoding="utf-8")
    events = load_events(path)
    assert events["label"].tolist() == ["Oval Office"]
    assert str(events["date"].dt.tz) == "UTC"
    assert load_events("") is None
    path.write_text("events:\n  - when: 2025-02-28\n", encoding="utf-8")
    from framing.exceptions import RegistryFormatError

    with pytest.raises(RegistryFormatError, match="entry 1"):
        load_events(path)
