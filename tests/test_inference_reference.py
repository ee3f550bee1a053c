"""framing.inference equals statsmodels' dense cluster-robust OLS (the reference fit).

The functions fit their models from per-(article, cell) sums; here every estimate, SE, CI,
t and p value is recomputed from a dense design matrix with
``statsmodels OLS(...).fit(cov_type="cluster")`` and compared at rtol 1e-9.
"""

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from framing.aggregate import add_period
from framing.inference import before_after, compare_groups, linear_trend, pairwise_contrasts

RTOL = 1e-9
EVENT = pd.Timestamp("2025-03-01", tz="UTC")


def _messy(seed=0):
    """Uneven mentions: 4 outlets, 5 actors, 2-7 mentions per article in 1-4 actors, a few
    single-article cells, one actor only some outlets mention, NaN scores, a phase column."""
    rng = np.random.default_rng(seed)
    rows = []
    t0 = pd.Timestamp("2025-01-01", tz="UTC")
    outlets, actors = ["A", "B", "C", "D"], ["p", "q", "r", "s"]
    for outlet_i, outlet in enumerate(outlets):
        tone = rng.normal(0, 0.2)
        for a in range(int(rng.integers(25, 45))):
            published = t0 + pd.Timedelta(hours=int(rng.integers(0, 24 * 120)))
            shared = rng.normal(0, 0.3)
            cast = rng.choice(actors, size=int(rng.integers(1, 5)), replace=False)
            for _ in range(int(rng.integers(2, 8))):
                rows.append({
                    "article_id": f"{outlet}{a}", "outlet": outlet,
                    "actor_id": str(rng.choice(cast)), "published": published,
                    "polarity": float(np.clip(tone + shared + rng.normal(0, 0.4), -1, 1)),
                })
        # actor 'z': mentioned by two outlets only; in D by a single article
        if outlet_i in (0, 3):
            for a in range(1 if outlet == "D" else 6):
                published = t0 + pd.Timedelta(days=int(rng.integers(0, 120)))
                for _ in range(int(rng.integers(1, 4))):
                    rows.append({"article_id": f"{outlet}z{a}", "outlet": outlet,
                                 "actor_id": "z", "published": published,
                                 "polarity": float(rng.uniform(-1, 1))})
    scored = pd.DataFrame(rows)
    scored.loc[rng.choice(len(scored), 5, replace=False), "polarity"] = np.nan
    scored["phase"] = np.where(scored["published"] >= EVENT, "late", "early")
    return scored


def _reference_fit(rows, keys, extra=None):
    """statsmodels' dense fit: {cell key: column}, params, clustered cov, df = G − 1."""
    rows = rows.dropna(subset=[*keys, "polarity"]).reset_index(drop=True)
    cell_keys = list(rows.groupby(keys).groups)
    column = {k if isinstance(k, tuple) else (k,): i for i, k in enumerate(cell_keys)}
    codes = np.array([column[tuple(r)] for r in rows[keys].itertuples(index=False)])
    n_cells = len(column)
    x = np.zeros((len(rows), n_cells if extra is None else 2 * n_cells))
    x[np.arange(len(rows)), codes] = 1.0
    if extra is not None:
        x[np.arange(len(rows)), n_cells + codes] = rows[extra]
    groups = pd.factorize(rows["article_id"])[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.OLS(rows["polarity"].to_numpy(), x).fit(
            cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    return column, res.params, res.cov_params(), res.df_resid_inference


def _contrast(fit, weights, ci_level=0.95):
    """est, se, ci_low, ci_high, t, p of sum(w * beta[col]) for weights {cell key: w}."""
    column, params, cov, df = fit
    vec = np.zeros(len(params))
    for key, w in weights.items():
        vec[column[key]] += w
    est, se = vec @ params, np.sqrt(vec @ cov @ vec)
    q = stats.t.ppf(0.5 + ci_level / 2, df)
    with np.errstate(divide="ignore", invalid="ignore"):  # SE 0 in single-article cells
        t = est / se
    return est, se, est - q * se, est + q * se, t, 2 * stats.t.sf(abs(t), df)


def _relative_weights(fit, key, group_pos, actor_pos):
    """Cell minus its group's baseline: the mean over actors every group mentions (per slice)."""
    column = fit[0]
    others = [i for i in range(len(key)) if i not in (group_pos, actor_pos)]
    same_slice = [k for k in column if all(k[i] == key[i] for i in others)]
    groups = {k[group_pos] for k in same_slice}
    actors = sorted(a for a in {k[actor_pos] for k in same_slice}
                    if all(any(k[actor_pos] == a and k[group_pos] == g for k in same_slice)
                           for g in groups))
    weights = {key: 1.0}
    for a in actors:
        other = tuple(a if i == actor_pos else key[i] for i in range(len(key)))
        weights[other] = weights.get(other, 0.0) - 1.0 / len(actors)
    return weights


def _close(actual, expected):
    np.testing.assert_allclose(np.asarray(actual, float), np.asarray(expected, float),
                               rtol=RTOL, atol=0)


@pytest.mark.parametrize("periods", [None, "month", "phase"])
@pytest.mark.parametrize("relative", [False, True])
def test_compare_groups_equals_statsmodels(periods, relative):
    scored = _messy(seed=1)
    table = compare_groups(scored, periods=periods, relative=relative, min_articles=2)
    period_col = {"month": "period", "phase": "phase"}.get(periods)
    keys = ["outlet", "actor_id"] + ([period_col] if period_col else [])
    rows = scored
    if periods == "month":
        rows = add_period(scored, "month")  # the period labels compare_groups documents
    fit = _reference_fit(rows, keys)
    assert len(table) == len(fit[0])
    checked = 0
    for rec in table.to_dict("records"):
        key = tuple(rec[k] for k in keys)
        weights = _relative_weights(fit, key, 0, 1) if relative else {key: 1.0}
        est, se, low, high, _, _ = _contrast(fit, weights)
        _close(rec["mean"], est)
        if rec["n_articles"] >= 2:
            _close([rec["se"], rec["ci_low"], rec["ci_high"]], [se, low, high])
            checked += 1
        else:
            assert np.isnan(rec["se"]) and np.isnan(rec["ci_low"])
    assert checked >= 0.8 * len(table)
    assert table.attrs["n_clusters"] == scored.dropna(subset=["polarity"])["article_id"].nunique()


@pytest.mark.parametrize("relative", [False, True])
def test_pairwise_contrasts_equal_statsmodels(relative):
    scored = _messy(seed=2)
    c = pairwise_contrasts(scored, relative=relative, min_articles=2)
    fit = _reference_fit(scored, ["outlet", "actor_id"])
    assert len(c) > 20
    for rec in c.to_dict("records"):
        a, b = (rec["group_a"], rec["actor_id"]), (rec["group_b"], rec["actor_id"])
        wa = _relative_weights(fit, a, 0, 1) if relative else {a: 1.0}
        wb = _relative_weights(fit, b, 0, 1) if relative else {b: 1.0}
        weights = dict(wa)
        for k, w in wb.items():
            weights[k] = weights.get(k, 0.0) - w
        expected = _contrast(fit, weights)
        _close([rec["mean_a"], rec["mean_b"]], [_contrast(fit, wa)[0], _contrast(fit, wb)[0]])
        if min(rec["n_articles_a"], rec["n_articles_b"]) >= 2:
            _close([rec[c_] for c_ in ("diff", "se", "ci_low", "ci_high", "t", "p_value")],
                   expected)
        else:
            _close(rec["diff"], expected[0])
            assert np.isnan(rec["p_value"])


@pytest.mark.parametrize("relative", [False, True])
@pytest.mark.parametrize("window_days", [None, 40])
def test_before_after_equals_statsmodels(relative, window_days):
    scored = _messy(seed=3)
    shift = before_after(scored, EVENT, relative=relative, window_days=window_days,
                         min_articles=2)
    rows = scored
    if window_days is not None:
        span = pd.Timedelta(days=window_days)
        rows = rows[(rows.published >= EVENT - span) & (rows.published < EVENT + span)]
    rows = rows.assign(phase=np.where(rows.published >= EVENT, "after", "before"))
    fit = _reference_fit(rows, ["outlet", "actor_id", "phase"])
    assert len(shift) > 10
    for rec in shift.to_dict("records"):
        after = (rec["outlet"], rec["actor_id"], "after")
        before = (rec["outlet"], rec["actor_id"], "before")
        wa = _relative_weights(fit, after, 0, 1) if relative else {after: 1.0}
        wb = _relative_weights(fit, before, 0, 1) if relative else {before: 1.0}
        weights = dict(wa)
        for k, w in wb.items():
            weights[k] = weights.get(k, 0.0) - w
        expected = _contrast(fit, weights)
        if min(rec["n_articles_after"], rec["n_articles_before"]) >= 2:
            _close([rec[c_] for c_ in ("diff", "se", "ci_low", "ci_high", "t", "p_value")],
                   expected)
        else:
            _close(rec["diff"], expected[0])


def test_linear_trend_equals_statsmodels():
    scored = _messy(seed=4)
    trends = linear_trend(scored, min_articles=3)
    keys = ["outlet", "actor_id"]
    rows = scored.dropna(subset=["polarity"])
    rows = rows.assign(weeks=(rows.published - pd.Timestamp("1970-01-01", tz="UTC"))
                       .dt.total_seconds() / (7 * 24 * 3600.0))
    cell = rows.groupby(keys)
    ok = (cell["article_id"].transform("nunique") >= 3) & (cell["weeks"].transform("std") > 0)
    rows = rows[ok]
    rows = rows.assign(centred=rows.weeks - rows.groupby(keys)["weeks"].transform("mean"))
    fit = _reference_fit(rows, keys, extra="centred")
    column, params, cov, df = fit
    n_cells = len(column)
    fitted = trends.dropna(subset=["slope_per_week"])
    assert len(fitted) == n_cells and trends["slope_per_week"].isna().any()
    q = stats.t.ppf(0.975, df)
    for rec in fitted.to_dict("records"):
        j = n_cells + column[(rec["outlet"], rec["actor_id"])]
        est, se = params[j], np.sqrt(cov[j, j])
        _close([rec["slope_per_week"], rec["se"], rec["ci_low"], rec["ci_high"], rec["t"],
                rec["p_value"]],
               [est, se, est - q * se, est + q * se, est / se, 2 * stats.t.sf(abs(est / se), df)])


def test_holm_equals_statsmodels_multipletests():
    from statsmodels.stats.multitest import multipletests

    from framing.inference import _holm

    rng = np.random.default_rng(5)
    p = rng.uniform(0, 0.2, 60) ** 2
    p[[3, 7, 11]] = p[5]  # ties
    p[[0, 20, 41]] = np.nan  # left out of their family
    families = np.repeat(["a", "b", "c", "d"], 15)
    got = _holm(p, families)
    for fam in "abcd":
        idx = np.flatnonzero((families == fam) & ~np.isnan(p))
        np.testing.assert_array_equal(got[idx], multipletests(p[idx], method="holm")[1])
    assert np.isnan(got[[0, 20, 41]]).all()
