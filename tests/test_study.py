"""Tests for framing.study (one scored dataset for notebooks and reports) and framing.pipeline."""

import io

import numpy as np
import pandas as pd
import pytest

from framing.aggregate import article_sentiment
from framing.pipeline import load_events, select_rows
from framing.study import (
    MENTION_COLUMNS_SKIPPED,
    MENTION_TEXT_COLUMNS,
    STATEMENT_COLUMNS_SKIPPED,
    open_study,
    prepare_dataset,
)


def decoded(df):
    """`df` with its categorical columns as plain values (the study reads text as categoricals)."""
    return df.astype({c: df[c].cat.categories.dtype for c in df.columns
                      if isinstance(df[c].dtype, pd.CategoricalDtype)})


@pytest.fixture
def prepared(tmp_path, tiny_corpus_path):
    return open_study(prepare_dataset(tiny_corpus_path, tmp_path / "data"))


def test_prepare_writes_dataset_and_reuses_it(tmp_path, tiny_corpus_path, prepared):
    for name in ("_manifest.sqlite", "load_report.json", "rejections.csv", "articles"):
        assert (tmp_path / "data" / name).exists()
    parts = sorted((tmp_path / "data").rglob("part-*.parquet"))
    stamps = {p: p.stat().st_mtime_ns for p in parts}
    again = open_study(prepare_dataset(tiny_corpus_path, tmp_path / "data"))
    pd.testing.assert_frame_equal(again.mentions, prepared.mentions)
    assert {p: p.stat().st_mtime_ns for p in parts} == stamps  # nothing rescored
    assert again.report["n_accepted"] == prepared.report["n_accepted"] == 8
    assert "text" not in prepared.articles.columns  # texts stay on disk
    assert not prepared.bundled


def test_changed_input_invalidates_cache(tmp_path, tiny_corpus_path, prepared):
    copy = tmp_path / "copy.jsonl"
    lines = tiny_corpus_path.read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    smaller = open_study(prepare_dataset(copy, tmp_path / "data"))
    assert smaller.report["n_accepted"] == 3


def test_study_matches_in_memory_tables(tmp_path, tiny_corpus_path, prepared):
    """The dataset road gives the tables the in-memory road gives (mentions, stance, statements)."""
    from framing.actors import find_mentions, load_actors
    from framing.corpus import load_corpus
    from framing.quotes import find_statements
    from framing.scorers import DEFAULT_SCORER, get_scorer, score_mentions
    from framing.stance import score_stance

    articles = load_corpus(tiny_corpus_path, near_duplicate_threshold=None)  # as in chunks
    registry = load_actors()
    mentions = find_mentions(articles, registry)
    scored = score_mentions(mentions, get_scorer(DEFAULT_SCORER).fit([]))
    statements = find_statements(articles, registry, mentions=mentions)
    stance = score_stance(articles, scored, statements, actors=registry)
    def stored(df):  # as read back from Parquet (None -> missing, str dtype)
        return pd.read_parquet(io.BytesIO(df.reset_index(drop=True).to_parquet()))

    kept = stance.drop(columns=list(MENTION_COLUMNS_SKIPPED))  # left on disk by open_study
    pd.testing.assert_frame_equal(decoded(prepared.read_mentions()), stored(kept),
                                  check_dtype=False)
    lean = kept.drop(columns=list(MENTION_TEXT_COLUMNS))  # read with mention_text=True
    pd.testing.assert_frame_equal(decoded(prepared.mentions), stored(lean), check_dtype=False)
    kept = statements.drop(columns=list(STATEMENT_COLUMNS_SKIPPED))  # read_statements() has them
    pd.testing.assert_frame_equal(decoded(prepared.statements), stored(kept), check_dtype=False)
    pd.testing.assert_frame_equal(decoded(prepared.read_statements()), stored(statements),
                                  check_dtype=False)
    pd.testing.assert_frame_equal(decoded(prepared.articles),
                                  stored(articles.drop(columns="text")), check_dtype=False)


def test_study_tables_are_categorical_with_sorted_categories(tmp_path, tiny_corpus_path, prepared):
    """Text columns come as categoricals whose category order is the strings' order."""
    m = prepared.mentions
    for column in ("outlet", "actor_id", "article_id", "label", "holder_id"):
        assert isinstance(m[column].dtype, pd.CategoricalDtype), column
        cats = list(m[column].cat.categories)
        assert cats == sorted(cats), column
    assert not set(MENTION_TEXT_COLUMNS) & set(m.columns)
    full = open_study(tmp_path / "data", mention_text=True).mentions
    assert set(MENTION_TEXT_COLUMNS) <= set(full.columns)
    pd.testing.assert_frame_equal(full[m.columns], m)
    # codes order is the strings' order: grouping on codes groups as on strings
    by_codes = m.groupby("actor_id", observed=True).size()
    by_text = m.assign(actor_id=m["actor_id"].astype(str)).groupby("actor_id").size()
    assert list(by_codes.index.astype(str)) == list(by_text.index)


def test_add_mention_text_reads_the_sentences_of_some_mentions(tmp_path, prepared):
    offsets = ("field", "start", "end")
    lean = open_study(tmp_path / "data", mention_text=offsets).mentions
    assert "sentence" not in lean.columns and set(offsets) <= set(lean.columns)
    some = lean.iloc[[0, 3, 7, 20]]
    added = prepared.add_mention_text(some)
    full = open_study(tmp_path / "data", mention_text=True).mentions
    assert list(added.index) == list(some.index)
    for column in ("sentence", "surface", "sentence_start"):
        assert added[column].astype(str).tolist() == full.loc[some.index, column].astype(str).tolist()
    from framing.exceptions import MissingColumnError

    with pytest.raises(MissingColumnError, match="start"):
        prepared.add_mention_text(prepared.mentions.head())


def test_study_selection(prepared):
    study = open_study(prepared.dataset_dir, outlets=["Harbour Post"], start="2025-01-01")
    assert set(study.mentions["outlet"]) == {"Harbour Post"}
    assert set(study.statements["outlet"]) <= {"Harbour Post"}
    assert study.articles["published"].notna().all()
    with pytest.raises(ValueError, match="Unknown outlet"):
        open_study(prepared.dataset_dir, outlets=["No Such Outlet"])
    with pytest.raises(FileNotFoundError, match="not a framing scores dataset"):
        open_study(prepared.dataset_dir / "articles")


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


@pytest.mark.parametrize(("by", "options"), [
    (("outlet", "actor_id"), {}),
    (("outlet", "actor_id"), {"period": "month", "count_duplicates": "once"}),
    (("actor_id",), {"min_mentions": 2}),
])
@pytest.mark.parametrize("selection", [
    {},
    {"outlets": ["Harbour Post", "Prairie Ledger"], "start": "2025-02-01"},
    {"actors": ["ukraine"], "end": "2025-03-31"},
])
def test_study_aggregate_out_of_core_equals_in_memory(prepared, by, options, selection):
    from framing.aggregate import aggregate_scores

    study = open_study(prepared.dataset_dir, **selection)
    got = study.aggregate(by, n_bootstrap=200, **options)
    expected = aggregate_scores(study.mentions, by, n_bootstrap=200, **options)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=0, atol=1e-12)
