"""Tests for framing.inference: planted effects, clustered SEs, Holm, relative tone, periods."""

import numpy as np
import pandas as pd
import pytest

from framing.exceptions import MissingColumnError
from framing.inference import before_after, compare_groups, linear_trend, pairwise_contrasts

OUTLETS = ("A", "B", "C")
ACTORS = ("x", "y")


def _synthetic(
    *, effects=None, n_articles=60, per_article=4, article_sd=0.3, noise_sd=0.2, seed=0,
    start="2025-02-01", slope_per_week=0.0,
):
    """Mentions with a per-article random effect; `effects[(outlet, actor)]` is the true mean."""
    effects = effects or {}
    rng = np.random.default_rng(seed)
    rows = []
    t0 = pd.Timestamp(start, tz="UTC")
    for outlet in OUTLETS:
        for a in range(n_articles):
            art = f"{outlet}-{a}"
            shared = rng.normal(0, article_sd)
            published = t0 + pd.Timedelta(days=int(rng.integers(0, 120)))
            weeks = (published - t0) / pd.Timedelta(days=7)
            for k in range(per_article):
                actor = ACTORS[k % len(ACTORS)]
                truth = effects.get((outlet, actor), 0.0) + slope_per_week * weeks
                rows.append({
                    "article_id": art, "outlet": outlet, "actor_id": actor,
                    "published": published,
                    "polarity": truth + shared + rng.normal(0, noise_sd),
                })
    return pd.DataFrame(rows)


def test_compare_groups_recovers_planted_means():
    effects = {("B", "x"): 0.4, ("C", "y"): -0.3}
    scored = _synthetic(effects=effects)
    table = compare_groups(scored)
    assert list(table.columns[:4]) == ["outlet", "actor_id", "n_mentions", "n_articles"]
    assert len(table) == len(OUTLETS) * len(ACTORS)
    for row in table.itertuples():
        truth = effects.get((row.outlet, row.actor_id), 0.0)
        assert abs(row.mean - truth) < 3 * row.se, row  # within 3 clustered SEs
        assert row.ci_low < row.mean < row.ci_high
        assert row.n_mentions == 120 and row.n_articles == 60
    # saturated model: the estimate is the plain cell mean
    np.testing.assert_allclose(table["mean"], table["raw_mean"])


def test_pairwise_contrasts_find_planted_difference_and_no_other():
    scored = _synthetic(effects={("B", "x"): 0.4}, seed=1)
    c = pairwise_contrasts(scored)
    assert len(c) == 2 * 3  # 3 pairs per actor
    ab_x = c[(c.actor_id == "x") & (c.group_a == "A") & (c.group_b == "B")].iloc[0]
    assert abs(ab_x["diff"] + 0.4) < 3 * ab_x["se"]
    assert ab_x["p_holm"] < 0.001
    assert ab_x["cohens_d"] < -0.8  # a large effect in pooled-SD units
    ac_y = c[(c.actor_id == "y") & (c.group_a == "A") & (c.group_b == "C")].iloc[0]
    assert abs(ac_y["diff"]) < 3 * ac_y["se"]
    assert (c["p_holm"] >= c["p_value"]).all()


def test_clustered_se_wider_than_naive_when_mentions_correlate():
    # strong article effect, tiny mention noise: mentions in one article are near-copies
    scored = _synthetic(article_sd=0.5, noise_sd=0.05, per_article=8, seed=2)
    table = compare_groups(scored)
    naive = table["sd"] / np.sqrt(table["n_mentions"])
    assert (table["se"] > 1.8 * naive).all()
    # and with independent mentions, the two agree within a factor of ~1.3
    independent = _synthetic(article_sd=0.0, noise_sd=0.3, per_article=8, seed=3)
    t2 = compare_groups(independent)
    ratio = t2["se"] / (t2["sd"] / np.sqrt(t2["n_mentions"]))
    assert ratio.between(0.75, 1.3).all()


def test_clustered_se_matches_sandwich_formula_by_hand():
    scored = _synthetic(n_articles=12, per_article=3, seed=4)
    table = compare_groups(scored)
    n_total, n_cells = len(scored), len(table)
    n_clusters = scored["article_id"].nunique()
    factor = n_clusters / (n_clusters - 1) * (n_total - 1) / (n_total - n_cells)
    resid = scored["polarity"] - scored.groupby(["outlet", "actor_id"])["polarity"].transform("mean")
    for row in table.itertuples():
        mask = (scored.outlet == row.outlet) & (scored.actor_id == row.actor_id)
        per_article = resid[mask].groupby(scored.loc[mask, "article_id"]).sum()
        var = factor * (per_article**2).sum() / mask.sum() ** 2
        assert row.se == pytest.approx(np.sqrt(var), rel=1e-9)


def test_holm_matches_hand_computation():
    scored = _synthetic(effects={("B", "x"): 0.15, ("C", "x"): 0.3}, n_articles=25, seed=5)
    c = pairwise_contrasts(scored)
    for actor, part in c.groupby("actor_id"):
        p = part["p_value"].to_numpy()
        order = np.argsort(p)
        m = len(p)
        expected = np.empty(m)
        running = 0.0
        for rank, i in enumerate(order):
            running = max(running, min(1.0, (m - rank) * p[i]))
            expected[i] = running
        np.testing.assert_allclose(part["p_holm"].to_numpy(), expected, rtol=1e-12)


def test_holm_family_all_corrects_across_actors():
    scored = _synthetic(effects={("B", "x"): 0.15}, n_articles=25, seed=6)
    per_actor = pairwise_contrasts(scored, family="actor")
    overall = pairwise_contrasts(scored, family="all")
    assert (overall["p_holm"] >= per_actor["p_holm"] - 1e-15).all()
    assert overall.attrs["family"] == "all"


def test_cohens_d_uses_pooled_sd():
    scored = _synthetic(seed=7)
    c = pairwise_contrasts(scored)
    row = c.iloc[0]
    a = scored[(scored.outlet == row.group_a) & (scored.actor_id == row.actor_id)]["polarity"]
    b = scored[(scored.outlet == row.group_b) & (scored.actor_id == row.actor_id)]["polarity"]
    pooled = np.sqrt(((len(a) - 1) * a.var() + (len(b) - 1) * b.var()) / (len(a) + len(b) - 2))
    assert row.cohens_d == pytest.approx((a.mean() - b.mean()) / pooled)


def test_relative_tone_removes_a_gloomy_outlet():
    # outlet C is 0.3 gloomier toward everyone: raw contrasts differ, relative ones do not
    effects = {("A", "x"): 0.2, ("B", "x"): 0.2, ("C", "x"): 0.2 - 0.3, ("C", "y"): -0.3}
    scored = _synthetic(effects=effects, noise_sd=0.05, article_sd=0.05, seed=8)
    raw = pairwise_contrasts(scored)
    rel = pairwise_contrasts(scored, relative=True)
    ac_y_raw = raw[(raw.actor_id == "y") & (raw.group_a == "A") & (raw.group_b == "C")].iloc[0]
    ac_y_rel = rel[(rel.actor_id == "y") & (rel.group_a == "A") & (rel.group_b == "C")].iloc[0]
    assert ac_y_raw["diff"] == pytest.approx(0.3, abs=0.05)
    assert abs(ac_y_rel["diff"]) < 3 * ac_y_rel["se"]
    assert abs(ac_y_rel["diff"]) < 0.05
    table = compare_groups(scored, relative=True)
    # baseline = unweighted mean of the outlet's actor means (both actors are common)
    for outlet, part in table.groupby("outlet"):
        assert part["baseline"].iloc[0] == pytest.approx(part["raw_mean"].mean())
        assert part["mean"].sum() == pytest.approx(0.0, abs=1e-12)
    assert table.attrs["relative"] is True


def test_relative_baseline_uses_only_actors_every_group_mentions():
    scored = _synthetic(seed=9)
    extra = scored[scored.outlet == "A"].head(8).assign(actor_id="z", polarity=-0.9)
    table = compare_groups(pd.concat([scored, extra], ignore_index=True), relative=True)
    a = table[table.outlet == "A"].set_index("actor_id")
    assert a.loc["x", "baseline"] == pytest.approx(a.loc[["x", "y"], "raw_mean"].mean())
    assert a.loc["z", "mean"] == pytest.approx(a.loc["z", "raw_mean"] - a.loc["x", "baseline"])


def test_single_article_cells_get_no_ci():
    scored = _synthetic(n_articles=5, seed=10)
    lonely = pd.DataFrame({"article_id": ["solo", "solo"], "outlet": ["D", "D"],
                           "actor_id": ["x", "x"], "published": scored.published.iloc[0],
                           "polarity": [0.1, 0.3]})
    table = compare_groups(pd.concat([scored, lonely], ignore_index=True))
    row = table[table.outlet == "D"].iloc[0]
    assert row["mean"] == pytest.approx(0.2)
    assert np.isnan(row["se"]) and np.isnan(row["ci_low"])
    assert row["n_articles"] == 1


def test_before_after_recovers_a_jump_and_counts_event_day_as_after():
    scored = _synthetic(seed=11, article_sd=0.1)
    event = pd.Timestamp("2025-03-15", tz="UTC")
    jump = (scored.outlet == "A") & (scored.actor_id == "x") & (scored.published >= event)
    scored.loc[jump, "polarity"] += 0.5
    shift = before_after(scored, "2025-03-15")
    row = shift[(shift.outlet == "A") & (shift.actor_id == "x")].iloc[0]
    assert abs(row["diff"] - 0.5) < 3 * row["se"] and row["p_holm"] < 0.001
    other = shift[(shift.outlet == "B") & (shift.actor_id == "y")].iloc[0]
    assert abs(other["diff"]) < 3 * other["se"]
    n_after = ((scored.outlet == "A") & (scored.actor_id == "x") & (scored.published >= event)).sum()
    assert row["n_after"] == n_after
    assert shift["event_date"].iloc[0] == event


def test_before_after_window_and_errors():
    scored = _synthetic(seed=12)
    narrow = before_after(scored, "2025-03-15", window_days=14)
    wide = before_after(scored, "2025-03-15")
    assert (narrow["n_before"] + narrow["n_after"] < wide["n_before"] + wide["n_after"]).all()
    with pytest.raises(ValueError, match="both sides"):
        before_after(scored, "2030-01-01")
    with pytest.raises(ValueError, match="'event_date'"):
        before_after(scored, "28/02/2025x")
    with pytest.raises(ValueError, match="'window_days'"):
        before_after(scored, "2025-03-15", window_days=0)


def test_linear_trend_recovers_slope():
    scored = _synthetic(seed=13, slope_per_week=0.03, article_sd=0.1)
    trends = linear_trend(scored)
    assert len(trends) == 6
    assert ((trends["slope_per_week"] - 0.03).abs() < 3 * trends["se"]).all()
    assert (trends["p_value"] < 0.001).all()
    flat = linear_trend(_synthetic(seed=14, article_sd=0.1))
    assert (flat["slope_per_week"].abs() < 3 * flat["se"]).all()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"ci_level": 95}, ValueError, "'ci_level'"),
        ({"value": "stance"}, MissingColumnError, "stance"),
        ({"group": "leaning"}, MissingColumnError, "leaning"),
        ({"periods": "fortnight"}, MissingColumnError, "fortnight"),
        ({"group": "actor_id"}, ValueError, "must differ"),
    ],
    ids=["ci_level", "value", "group", "periods", "same-columns"],
)
def test_compare_groups_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        compare_groups(_synthetic(n_articles=3), **kwargs)


def test_pairwise_contrasts_family_error():
    with pytest.raises(ValueError, match="'family'"):
        pairwise_contrasts(_synthetic(n_articles=3), family="outlet")


def test_compare_groups_by_month():
    table = compare_groups(_synthetic(seed=15), periods="month")
    assert "period" in table.columns
    assert table["n_mentions"].sum() == 3 * 60 * 4


def test_min_articles_blanks_cis_of_thin_cells():
    scored = _synthetic(n_articles=4, seed=16)  # 4 articles per cell
    assert compare_groups(scored)["se"].isna().all()
    assert compare_groups(scored, min_articles=3)["se"].notna().all()
    c = pairwise_contrasts(scored)
    assert c["p_value"].isna().all() and c["p_holm"].isna().all()
    with pytest.raises(ValueError, match="'min_articles'"):
        compare_groups(scored, min_articles=1)
