"""Tests for framing.aggregate: periods, group tables, the article bootstrap, salience."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.aggregate import (
    NEUTRAL_BAND,
    add_period,
    aggregate_scores,
    count_articles,
    salience,
    summarise_articles,
)
from framing.exceptions import MissingColumnError


def make_scored(rows):
    """Build a scored-mentions table from (article_id, outlet, actor_id, published, polarity, label)."""
    df = pd.DataFrame(
        rows, columns=["article_id", "outlet", "actor_id", "published", "polarity", "label"]
    )
    df["published"] = pd.to_datetime(df["published"], utc=True)
    df["polarity"] = df["polarity"].astype(float)
    return df


@pytest.fixture
def scored():
    return make_scored(
        [
            ("a1", "BBC", "zelensky", "2025-03-03T10:00Z", 0.5, "positive"),
            ("a1", "BBC", "zelensky", "2025-03-03T10:00Z", 0.1, "positive"),
            ("a1", "BBC", "trump", "2025-03-03T10:00Z", -0.4, "negative"),
            ("a2", "BBC", "zelensky", "2025-03-10T08:00Z", -0.2, "negative"),
            ("a2", "BBC", "zelensky", "2025-03-10T08:00Z", np.nan, None),
            ("a3", "RT", "zelensky", "2025-03-04T09:00Z", 0.0, "neutral"),
            ("a4", "RT", "zelensky", None, -0.6, "negative"),
        ]
    )


def random_scored(n_mentions, n_articles, n_groups, seed=0):
    rng = np.random.default_rng(seed)
    art = rng.integers(0, n_articles, n_mentions)
    outlet_of_article = rng.integers(0, n_groups, n_articles)
    return pd.DataFrame(
        {
            "article_id": [f"art{i:05d}" for i in art],
            "outlet": [f"outlet{o}" for o in outlet_of_article[art]],
            "actor_id": "zelensky",
            "polarity": rng.normal(0.0, 0.3, n_mentions).clip(-1, 1),
        }
    )


# --------------------------------------------------------------------------- add_period


@pytest.mark.parametrize(
    ("published", "period", "expected"),
    [
        ("2025-03-02T23:30:00+00:00", "week", "2025-02-24"),  # Sunday in UTC → previous Monday
        ("2025-03-02T23:30:00-05:00", "week", "2025-03-03"),  # Monday 04:30 in UTC
        ("2025-03-03T00:00:00+00:00", "week", "2025-03-03"),
        ("2025-03-31T23:59:00-02:00", "month", "2025-04-01"),  # April in UTC
        ("2025-03-31T23:59:00+00:00", "month", "2025-03-01"),
        ("2024-12-31T12:00:00+00:00", "week", "2024-12-30"),  # ISO week crossing the year
    ],
    ids=[
        "sunday-utc",
        "sunday-est-is-monday-utc",
        "monday-midnight",
        "month-shift-utc",
        "month-end",
        "year-boundary",
    ],
)
def test_add_period_floors_to_week_or_month_start_in_utc(published, period, expected):
    df = pd.DataFrame({"published": [pd.Timestamp(published)]})
    out = add_period(df, period)
    assert out["period"].iloc[0] == pd.Timestamp(expected)
    assert out["period"].dt.tz is None
    assert "period" not in df.columns  # input not modified


def test_add_period_keeps_nat_and_converts_tz_aware_columns():
    published = pd.to_datetime(["2025-03-05T12:00Z", None], utc=True).tz_convert("Europe/Kyiv")
    out = add_period(pd.DataFrame({"published": published}), "month")
    assert out["period"].iloc[0] == pd.Timestamp("2025-03-01")
    assert pd.isna(out["period"].iloc[1])
    assert str(out["period"].dtype) == "datetime64[ns]"


def test_add_period_rejects_unknown_period():
    with pytest.raises(ValueError, match=r"'period' parameter of add_period\(\).*'week'.*'day'"):
        add_period(pd.DataFrame({"published": []}), "day")


# --------------------------------------------------------------------------- aggregate_scores


def test_aggregate_scores_counts_means_and_label_shares(scored):
    table = aggregate_scores(scored, n_bootstrap=200)
    assert list(table.columns) == [
        "outlet",
        "actor_id",
        "n_mentions",
        "n_articles",
        "mean",
        "ci_low",
        "ci_high",
        "share_positive",
        "share_neutral",
        "share_negative",
    ]
    bbc_z = table[(table.outlet == "BBC") & (table.actor_id == "zelensky")].iloc[0]
    assert bbc_z.n_mentions == 3  # the NaN mention is excluded
    assert bbc_z.n_articles == 2
    assert bbc_z["mean"] == pytest.approx((0.5 + 0.1 - 0.2) / 3)
    assert bbc_z.share_positive == pytest.approx(2 / 3)
    assert bbc_z.share_negative == pytest.approx(1 / 3)
    assert bbc_z.share_neutral == 0
    rt = table[table.outlet == "RT"].iloc[0]
    assert (rt.n_mentions, rt.n_articles) == (2, 2)  # NaT published kept without period
    assert table["n_mentions"].dtype == np.int64


def test_aggregate_scores_shares_from_sign_with_neutral_band_without_label(scored):
    no_label = scored.drop(columns="label")
    no_label.loc[5, "polarity"] = NEUTRAL_BAND / 2  # inside the band → neutral
    table = aggregate_scores(no_label, by="outlet", n_bootstrap=0)
    rt = table.set_index("outlet").loc["RT"]
    assert (rt.share_positive, rt.share_neutral, rt.share_negative) == (0.0, 0.5, 0.5)


def test_aggregate_scores_single_article_group_has_nan_ci(scored):
    table = aggregate_scores(scored, n_bootstrap=100)
    trump = table[table.actor_id == "trump"].iloc[0]
    assert trump.n_articles == 1
    assert np.isnan(trump.ci_low) and np.isnan(trump.ci_high)
    assert trump["mean"] == pytest.approx(-0.4)


def test_aggregate_scores_period_view_drops_nat_and_groups_by_week(scored):
    table = aggregate_scores(scored, by=("outlet", "actor_id"), period="week", n_bootstrap=0)
    assert list(table.columns[:3]) == ["outlet", "actor_id", "period"]
    rt = table[table.outlet == "RT"]
    assert rt["n_mentions"].tolist() == [1]  # a4 has no date
    bbc_z = table[(table.outlet == "BBC") & (table.actor_id == "zelensky")]
    assert bbc_z["period"].tolist() == [pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-10")]
    assert table.attrs["period"] == "week"


def test_aggregate_scores_records_settings_in_attrs(scored):
    table = aggregate_scores(scored, n_bootstrap=50, ci_level=0.9, random_state=7)
    assert table.attrs["ci_level"] == 0.9
    assert table.attrs["n_bootstrap"] == 50
    assert table.attrs["random_state"] == 7


def test_aggregate_scores_min_mentions_drops_small_groups(scored):
    table = aggregate_scores(scored, n_bootstrap=0, min_mentions=3)
    assert table[["outlet", "actor_id"]].values.tolist() == [["BBC", "zelensky"]]


def test_aggregate_scores_count_duplicates_once_keeps_earliest_copy():
    df = make_scored(
        [
            ("wire-b", "BBC", "zelensky", "2025-03-03T12:00Z", 0.4, "positive"),
            ("wire-a", "RT", "zelensky", "2025-03-03T09:00Z", -0.4, "negative"),  # earliest
            ("tie-2", "RT", "trump", "2025-03-04T09:00Z", 0.2, "positive"),
            ("tie-1", "BBC", "trump", "2025-03-04T09:00Z", -0.2, "negative"),  # tie → id order
            ("solo", "BBC", "trump", "2025-03-05T09:00Z", 0.0, "neutral"),
        ]
    )
    df["duplicate_group"] = ["g1", "g1", "g2", "g2", None]
    per_outlet = aggregate_scores(df, n_bootstrap=0)
    once = aggregate_scores(df, n_bootstrap=0, count_duplicates="once")
    assert per_outlet["n_mentions"].sum() == 5
    kept = once[["outlet", "actor_id", "n_mentions"]].values.tolist()
    assert kept == [["BBC", "trump", 2], ["RT", "zelensky", 1]]


def test_aggregate_scores_ci_is_wider_for_clustered_mentions():
    # Repeating every mention inside its own article adds no information about articles:
    # the article bootstrap gives the same interval (a mention bootstrap would shrink it).
    base = random_scored(300, 300, 1, seed=3).drop_duplicates("article_id")
    repeated = pd.concat([base] * 5, ignore_index=True)
    t1 = aggregate_scores(base, n_bootstrap=500)
    t5 = aggregate_scores(repeated, n_bootstrap=500)
    assert t5["n_mentions"].iloc[0] == 5 * t1["n_mentions"].iloc[0]
    np.testing.assert_allclose(t5[["mean", "ci_low", "ci_high"]], t1[["mean", "ci_low", "ci_high"]])


def test_aggregate_scores_ci_width_matches_normal_theory_for_independent_articles():
    df = random_scored(2000, 2000, 1, seed=4).drop_duplicates("article_id")
    table = aggregate_scores(df, n_bootstrap=2000, ci_level=0.95)
    sd = df["polarity"].std(ddof=1)
    expected = 2 * 1.959964 * sd / np.sqrt(len(df))
    width = table["ci_high"].iloc[0] - table["ci_low"].iloc[0]
    assert width == pytest.approx(expected, rel=0.12)


def test_aggregate_scores_is_seeded_and_independent_of_other_groups():
    df = random_scored(3000, 600, 5, seed=1)
    a = aggregate_scores(df, n_bootstrap=300, random_state=11)
    b = aggregate_scores(df, n_bootstrap=300, random_state=11)
    pd.testing.assert_frame_equal(a, b)
    c = aggregate_scores(df, n_bootstrap=300, random_state=12)
    assert not np.allclose(a["ci_low"], c["ci_low"])
    only_one = aggregate_scores(df[df.outlet == "outlet2"], n_bootstrap=300, random_state=11)
    pd.testing.assert_frame_equal(
        only_one, a[a.outlet == "outlet2"].reset_index(drop=True), check_exact=True
    )


def test_aggregate_scores_returns_empty_table_with_schema_when_nothing_is_scored(scored):
    scored = scored.assign(polarity=np.nan)
    table = aggregate_scores(scored, period="month")
    assert table.empty
    assert list(table.columns) == [
        "outlet",
        "actor_id",
        "period",
        "n_mentions",
        "n_articles",
        "mean",
        "ci_low",
        "ci_high",
        "share_positive",
        "share_neutral",
        "share_negative",
    ]


def test_aggregate_scores_missing_columns_are_listed(scored):
    with pytest.raises(MissingColumnError, match=r"\['article_id'\]"):
        aggregate_scores(scored.drop(columns="article_id"))
    with pytest.raises(MissingColumnError, match="duplicate_group"):
        aggregate_scores(scored, count_duplicates="once")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"period": "quarter"}, r"'period' parameter of aggregate_scores\(\).*'week', 'month'"),
        ({"ci_level": 1.0}, r"'ci_level' parameter of aggregate_scores\(\).*\(0, 1\).*1\.0"),
        ({"ci_level": 0}, r"'ci_level' parameter"),
        ({"ci_level": 95}, r"Got 95 instead"),
        ({"count_duplicates": "never"}, r"'count_duplicates'.*'per_outlet', 'once'.*'never'"),
        ({"n_bootstrap": -1}, r"'n_bootstrap' parameter of aggregate_scores\(\)"),
        ({"min_mentions": 0}, r"'min_mentions'"),
        ({"by": (), "period": None}, r"nothing to group by"),
    ],
    ids=[
        "period",
        "ci-1",
        "ci-0",
        "ci-percent",
        "duplicates",
        "n-bootstrap",
        "min-mentions",
        "no-keys",
    ],
)
def test_aggregate_scores_rejects_bad_parameters(scored, kwargs, match):
    with pytest.raises(ValueError, match=match):
        aggregate_scores(scored, **kwargs)


def test_aggregate_scores_rejects_non_numeric_value(scored):
    with pytest.raises(TypeError, match="'label'.*must be numeric"):
        aggregate_scores(scored, value="label")


# --------------------------------------------------------------------------- properties


def mention_rows(min_size=1, max_size=60):
    """Rows (article number, actor id, polarity or NaN); outlet and date follow the article."""
    return st.lists(
        st.tuples(
            st.integers(0, 19),
            st.sampled_from(["zelensky", "trump"]),
            st.one_of(st.floats(-1, 1, allow_nan=False), st.just(float("nan"))),
        ),
        min_size=min_size,
        max_size=max_size,
    )


def rows_to_frame(rows):
    return pd.DataFrame(
        {
            "article_id": [f"a{r[0]}" for r in rows],
            # outlet is a property of the article, as in real data
            "outlet": [["BBC", "RT", "Kyiv Independent"][r[0] % 3] for r in rows],
            "actor_id": [r[1] for r in rows],
            "polarity": [r[2] for r in rows],
            "published": pd.Timestamp("2025-02-20", tz="UTC")
            + pd.to_timedelta([r[0] * 2 for r in rows], unit="D"),
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=mention_rows(min_size=30, max_size=90),  # big enough groups for the CIs to react
    seed=st.integers(0, 2**31 - 1),
    period=st.sampled_from([None, "week"]),
)
def test_aggregate_scores_does_not_depend_on_row_order(rows, seed, period):
    df = rows_to_frame(rows)
    shuffled = df.sample(frac=1, random_state=seed).reset_index(drop=True)
    # ci_level=0.5: inner percentiles react to any change in the resampling streams
    a = aggregate_scores(df, period=period, n_bootstrap=50, ci_level=0.5)
    b = aggregate_scores(shuffled, period=period, n_bootstrap=50, ci_level=0.5)
    pd.testing.assert_frame_equal(a, b, check_exact=True)


@settings(max_examples=40, deadline=None)
@given(rows=mention_rows(), ci_level=st.sampled_from([0.5, 0.9, 0.95]))
def test_bootstrap_ci_contains_point_estimate(rows, ci_level):
    table = aggregate_scores(rows_to_frame(rows), n_bootstrap=200, ci_level=ci_level)
    with_ci = table[table["n_articles"] >= 2]
    assert with_ci["ci_low"].notna().all()
    eps = 1e-12
    assert (with_ci["ci_low"] <= with_ci["mean"] + eps).all()
    assert (with_ci["mean"] <= with_ci["ci_high"] + eps).all()
    assert table[table["n_articles"] < 2]["ci_low"].isna().all()
    assert ((table["mean"] >= -1) & (table["mean"] <= 1)).all()


# --------------------------------------------------------------------------- other tables


def test_summarise_articles_averages_within_article_and_keeps_docvars(scored):
    out = summarise_articles(scored)
    assert list(out.columns) == [
        "article_id",
        "actor_id",
        "outlet",
        "published",
        "n_mentions",
        "n_scored",
        "mean",
    ]
    a1 = out[(out.article_id == "a1") & (out.actor_id == "zelensky")].iloc[0]
    assert (a1.n_mentions, a1.n_scored, a1["mean"]) == (2, 2, pytest.approx(0.3))
    a2 = out[out.article_id == "a2"].iloc[0]
    assert (a2.n_mentions, a2.n_scored, a2["mean"]) == (2, 1, pytest.approx(-0.2))
    all_nan = summarise_articles(scored.assign(polarity=np.nan))
    assert all_nan["mean"].isna().all() and (all_nan["n_scored"] == 0).all()


def test_salience_uses_all_articles_as_denominator_and_fills_zeros(scored):
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
            "outlet": ["BBC", "BBC", "RT", "RT", "RT", "BBC"],
        }
    )
    table = salience(scored, articles=articles)
    row = table.set_index(["outlet", "actor_id"])
    assert row.loc[("BBC", "zelensky"), "n_mentions"] == 4
    assert row.loc[("BBC", "zelensky"), "n_articles"] == 2
    assert row.loc[("BBC", "zelensky"), "n_articles_total"] == 3
    assert row.loc[("BBC", "zelensky"), "share_articles"] == pytest.approx(2 / 3)
    assert row.loc[("BBC", "zelensky"), "mentions_per_1000_articles"] == pytest.approx(4000 / 3)
    assert row.loc[("RT", "trump"), "n_mentions"] == 0  # zero filled
    assert row.loc[("RT", "trump"), "share_articles"] == 0
    assert (table["share_ci_low"] <= table["share_articles"]).all()
    assert (table["share_articles"] <= table["share_ci_high"]).all()
    without = salience(scored).set_index(["outlet", "actor_id"])
    assert without.loc[("BBC", "zelensky"), "n_articles_total"] == 2  # only articles with mentions


def test_salience_rejects_actor_id_in_by(scored):
    with pytest.raises(ValueError, match="must not contain 'actor_id'"):
        salience(scored, by=("outlet", "actor_id"))


def test_count_articles_fills_missing_months_with_zero(scored):
    counts = count_articles(scored, period="month")
    assert counts.columns.tolist() == ["outlet", "period", "n_articles"]
    assert counts["n_articles"].tolist() == [2, 1]  # a4 (RT) has no date
    weekly = count_articles(scored, period="week")
    assert len(weekly) == 4  # 2 outlets × 2 weeks, one zero-filled
    assert weekly["n_articles"].sum() == 3


def test_default_period_is_month_for_spans_over_a_year():
    from framing.aggregate import default_period

    short = pd.Series(pd.to_datetime(["2025-02-01", "2025-06-30", None], utc=True))
    long = pd.Series(pd.to_datetime(["2010-01-01", "2019-03-01"], utc=True))
    assert default_period(short) == "week" and default_period(long) == "month"
    assert default_period(pd.Series([], dtype="datetime64[ns, UTC]")) == "week"


def test_bootstrap_on_threads_gives_the_serial_numbers(monkeypatch):
    """Groups are resampled on one thread per CPU for large tables: same CIs as serially."""
    from framing import aggregate as agg

    rng = np.random.default_rng(4)
    n = 6000
    big = pd.DataFrame({
        "article_id": [f"a{i}" for i in rng.integers(0, 1500, size=n)],
        "outlet": rng.choice(["X", "Y", "Z"], size=n),
        "actor_id": rng.choice(["p", "q"], size=n),
        "polarity": rng.normal(size=n),
    })
    monkeypatch.setattr(agg, "_THREADED_DRAWS", 1 << 62)  # serial
    serial = aggregate_scores(big, n_bootstrap=300)
    monkeypatch.setattr(agg, "_THREADED_DRAWS", 0)  # threads for any size
    monkeypatch.setattr(agg, "_cpu_count", lambda: 3)
    threaded = aggregate_scores(big, n_bootstrap=300)
    pd.testing.assert_frame_equal(threaded, serial, check_exact=True)


def test_salience_pools_categorical_actors_as_strings():
    """framing.open_study gives categoricals: the same table, "other" pooled in place."""
    rng = np.random.default_rng(1)
    n = 400
    plain = pd.DataFrame({
        "article_id": [f"a{i}" for i in rng.integers(0, 90, size=n)],
        "outlet": rng.choice(["X", "Y"], size=n),
        "actor_id": rng.choice(["kyiv", "nato", "putin", "trump", "zelenskyy"], size=n),
    })
    cats = plain.astype("category")
    for top in (None, 2, 4):
        pd.testing.assert_frame_equal(salience(cats, top_actors=top),
                                      salience(plain, top_actors=top), check_dtype=False)


def test_one_key_sort_orders_rows_as_the_three_key_lexsort():
    from framing.aggregate import _group_article_value_order

    rng = np.random.default_rng(7)
    for n in (0, 1, 50, 20_000):
        g = rng.integers(0, 9, n)
        a = rng.integers(0, max(1, n // 5), n)
        v = np.round(rng.normal(size=n), 1)  # many ties: they keep their row order
        v[::7] = -0.0
        assert np.array_equal(_group_article_value_order(g, a, v), np.lexsort((v, a, g)))
