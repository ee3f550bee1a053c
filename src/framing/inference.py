"""Model-based comparisons of mention-level sentiment: clustered CIs, Holm-corrected contrasts.

This module owns regression inference on scored mentions: cell means of group × actor
(× period) from OLS with standard errors clustered by article, pairwise group contrasts with
Holm correction and Cohen's d, before/after contrasts around an event, and linear trends.
It reads no files and draws nothing; every function returns a tidy table.

The models are fitted from sums per article and cell, never from a design matrix of one row
per mention, so memory and time grow linearly with the number of mentions (1.2 million
mentions in 240 cells would need a dense matrix of over 2 GB). The numbers are those of
statsmodels' ``OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": article})``
(tests/test_inference_reference.py compares them at rtol 1e-9); see the Notes of
:func:`compare_groups`.

>>> means = compare_groups(scored, group="outlet")            # doctest: +SKIP
>>> contrasts = pairwise_contrasts(scored, group="outlet")    # doctest: +SKIP
>>> shift = before_after(scored, "2025-02-28")                # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import itertools
import warnings

import numpy as np
import pandas as pd
from scipy import sparse

from framing.aggregate import PERIODS, add_period, check_ci_level, check_int, require_columns

__all__ = [
    "before_after",
    "compare_groups",
    "linear_trend",
    "pairwise_contrasts",
]

#: Seconds per week, the time unit of :func:`linear_trend` slopes.
_WEEK_S = 7 * 24 * 3600.0
_FAMILIES = ("actor", "all")


# --------------------------------------------------------------------------- helpers


@dataclasses.dataclass(frozen=True)
class _CellFit:
    """A fitted cell model: coefficients and the parts of their clustered covariance.

    ``cov = factor · bread @ meat @ bread`` with ``bread = (X'X)⁻¹`` (block-diagonal,
    sparse), ``meat = S'S`` (sparse; ``S[g, k]`` is article g's sum of ``x_ik · e_i``)
    and ``factor = G/(G − 1) · (N − 1)/(N − K)``; ``df = G − 1``.
    """

    params: np.ndarray
    bread: object
    meat: object
    factor: float
    df: float


def _used_columns(scored, group, actor_col, value):
    """The columns a model reads (those present; _prepare reports the others), not a copy
    of the whole mentions table: filtering a 41-column table copies every column."""
    wanted = [c for c in (group, actor_col, value, "article_id", "published")
              if isinstance(c, str) and c in scored.columns]
    return scored[list(dict.fromkeys(wanted))]


def _prepare(scored, *, group, actor_col, value, periods, func):
    """Validate inputs and return (rows, keys): rows with a value, keys = cell columns."""
    if not isinstance(group, str) or not isinstance(actor_col, str):
        raise TypeError(
            f"The 'group' and 'actor_col' parameters of {func}() must be column names (str). "
            f"Got {group!r} and {actor_col!r} instead."
        )
    if group == actor_col:
        raise ValueError(
            f"The 'group' and 'actor_col' parameters of {func}() must differ. Got {group!r} "
            f"for both; compare outlets (group='outlet') across actors (actor_col='actor_id')."
        )
    needed = [group, actor_col, value, "article_id"]
    if periods in PERIODS:
        needed.append("published")
    elif periods is not None:
        if not isinstance(periods, str):
            raise TypeError(
                f"The 'periods' parameter of {func}() must be None, one of {PERIODS!r} or the "
                f"name of a column holding period labels. Got {periods!r} instead."
            )
        needed.append(periods)
    require_columns(scored, needed, func, what="scored mentions table")
    if not pd.api.types.is_numeric_dtype(scored[value]):
        raise TypeError(
            f"Column {value!r} passed to {func}() must be numeric (e.g. polarity in [-1, 1]). "
            f"Got dtype {scored[value].dtype!s}; choose a numeric 'value' column."
        )
    rows = scored[list(dict.fromkeys(needed))]  # only the columns used: no copy of the rest
    keys = [group, actor_col]
    if periods in PERIODS:
        rows = add_period(rows[rows["published"].notna()], periods)
        keys.append("period")
    elif periods is not None:
        keys.append(periods)
    rows = rows.dropna(subset=[*keys, value, "article_id"])
    cols = list(dict.fromkeys([*keys, value, "article_id"]))
    rows = rows[cols].reset_index(drop=True)
    return rows, keys


def _fit_cells(rows, keys, value, func, extra=None):
    """Fit the cell model from per-(article, cell) sums; see :class:`_CellFit`.

    Equal to statsmodels ``OLS(y, X).fit(cov_type="cluster")`` on the dense design X
    (coefficients, covariance, df_resid_inference = G − 1) without building X.

    The model is OLS of `value` on one indicator per cell (columns ``0..K-1``) and, when
    `extra` (one number per row) is given, one slope on `extra` per cell (columns
    ``K..2K-1``). Returns the fit, the cells table (keys, n_mentions, n_articles, sd,
    raw_mean) in the order of the parameters, and the cell code of every row.
    """
    if rows.empty:
        raise ValueError(
            f"{func}() found no rows with a value and all key columns {keys!r} set; check the "
            f"selection and that the table holds scored mentions."
        )
    by_cell = rows.groupby(keys, sort=True)
    cell_codes = by_cell.ngroup().to_numpy()
    cells = by_cell.size().reset_index()[keys]
    n_cells = len(cells)
    ids = rows["article_id"]
    # categorical ids (framing.open_study) factorize on their codes, in the same order
    clusters = pd.factorize(ids if isinstance(ids.dtype, pd.CategoricalDtype)
                            else ids.astype(str))[0]
    n_clusters = int(clusters.max()) + 1
    if n_clusters < 2:
        raise ValueError(
            f"{func}() needs mentions from at least 2 articles to cluster standard errors by "
            f"article. Got {n_clusters}; widen the selection."
        )
    y = rows[value].to_numpy(dtype=float)
    n = np.bincount(cell_codes, minlength=n_cells).astype(float)
    sum_y = np.bincount(cell_codes, weights=y, minlength=n_cells)
    if extra is None:
        # X'X = diag(n): the coefficient is the cell mean, the bread diag(1 / n)
        params = sum_y / n
        resid = y - params[cell_codes]
        bread = sparse.diags(1.0 / n)
        score_rows, score_cols, score_vals = clusters, cell_codes, resid
    else:
        # per cell the 2x2 block [[n, Σx], [Σx, Σx²]] of X'X, solved and inverted exactly
        x = np.asarray(extra, dtype=float)
        sum_x = np.bincount(cell_codes, weights=x, minlength=n_cells)
        sum_xx = np.bincount(cell_codes, weights=x * x, minlength=n_cells)
        sum_xy = np.bincount(cell_codes, weights=x * y, minlength=n_cells)
        det = n * sum_xx - sum_x**2
        inv_a, inv_b, inv_d = sum_xx / det, -sum_x / det, n / det
        intercept = inv_a * sum_y + inv_b * sum_xy
        slope = inv_b * sum_y + inv_d * sum_xy
        params = np.concatenate([intercept, slope])
        resid = y - intercept[cell_codes] - slope[cell_codes] * x
        idx = np.arange(n_cells)
        bread = sparse.coo_matrix(
            (np.concatenate([inv_a, inv_b, inv_b, inv_d]),
             (np.concatenate([idx, idx, idx + n_cells, idx + n_cells]),
              np.concatenate([idx, idx + n_cells, idx, idx + n_cells]))),
            shape=(2 * n_cells, 2 * n_cells),
        ).tocsr()
        score_rows = np.concatenate([clusters, clusters])
        score_cols = np.concatenate([cell_codes, cell_codes + n_cells])
        score_vals = np.concatenate([resid, resid * x])
    n_params = len(params)
    # S[g, k]: article g's score for parameter k (duplicates are summed)
    scores = sparse.coo_matrix(
        (score_vals, (score_rows, score_cols)), shape=(n_clusters, n_params)
    ).tocsr()
    n_obs = len(rows)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = (n_clusters / (n_clusters - 1.0)) * np.float64(n_obs - 1.0) / (n_obs - n_params)
    fit = _CellFit(params=params, bread=bread, meat=(scores.T @ scores).tocsr(),
                   factor=float(factor), df=float(n_clusters - 1))
    grouped = rows.assign(_cell=cell_codes).groupby("_cell", sort=True)
    cells["n_mentions"] = grouped.size().to_numpy().astype("int64")
    pairs = np.unique(cell_codes.astype(np.int64) * n_clusters + clusters)  # (cell, article)
    cells["n_articles"] = np.bincount(pairs // n_clusters, minlength=n_cells).astype("int64")
    cells["sd"] = grouped[value].std(ddof=1).to_numpy()
    cells["raw_mean"] = grouped[value].mean().to_numpy()
    return fit, cells, cell_codes


def _linear(fit, matrix, ci_level):
    """Estimates, SEs, CIs, t and p for the rows of a contrast matrix (clustered vcov, t(G-1)).

    `matrix` (dense or scipy.sparse, n_contrasts × n_params) holds one contrast per row;
    its variance is ``factor · l B M B l'`` without forming the dense covariance matrix.
    """
    from scipy import stats

    matrix = sparse.csr_matrix(matrix if sparse.issparse(matrix)
                               else np.atleast_2d(np.asarray(matrix, dtype=float)))
    est = matrix @ fit.params
    weights = (fit.bread @ matrix.T).tocsc()  # B l' per contrast (column)
    var = fit.factor * np.asarray(weights.multiply(fit.meat @ weights).sum(axis=0)).ravel()
    se = np.sqrt(np.clip(var, 0, None))
    q = stats.t.ppf(0.5 + ci_level / 2, fit.df)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = est / se
    p = 2 * stats.t.sf(np.abs(t), fit.df)
    return est, se, est - q * se, est + q * se, t, p


def _relative_matrix(cells, keys, group, actor_col, func):
    """Rows L such that L @ beta = cell mean − the group's baseline (see compare_groups Notes)."""
    n = len(cells)
    within = [k for k in keys if k != actor_col]  # group (+ period)
    others = [k for k in keys if k not in (group, actor_col)]  # period, if any
    # actors present in every group (per period, when periods are used)
    per_slice = cells.groupby(others, sort=False) if others else [((), cells)]
    common = {}
    for slice_key, part in per_slice:
        n_groups = part[group].nunique()
        counts = part.groupby(actor_col)[group].nunique()
        slice_key = slice_key if isinstance(slice_key, tuple) else (slice_key,)
        common[slice_key if others else ()] = set(counts.index[counts == n_groups])
    # sparse (n × n): a cell's row touches itself and the common actors of its slice
    rows, cols, vals = [], [], []
    baseline_ok = np.ones(n, dtype=bool)
    index = {tuple(r): i for i, r in enumerate(cells[keys].itertuples(index=False))}
    for i, row in enumerate(cells[keys].itertuples(index=False)):
        rec = dict(zip(keys, row))
        slice_key = tuple(rec[k] for k in others)
        actors = sorted(common.get(slice_key, set()))
        rows.append(i)
        cols.append(i)
        vals.append(1.0)
        if not actors:
            baseline_ok[i] = False
            continue
        for actor in actors:
            rows.append(i)
            cols.append(index[tuple(actor if k == actor_col else rec[k] for k in keys)])
            vals.append(-1.0 / len(actors))
    matrix = sparse.coo_matrix((vals, (rows, cols)), shape=(n, n)).tocsr()  # sums duplicates
    if not baseline_ok.all():
        warnings.warn(
            f"{func}(relative=True): no actor is mentioned by every {group!r} value"
            + (f" within some {others!r} slices" if others else "")
            + "; those cells get NaN estimates. Select actors that all groups mention.",
            UserWarning,
            stacklevel=3,
        )
    return matrix, baseline_ok, within


def _check_family(family, func):
    if family not in _FAMILIES:
        raise ValueError(
            f"The 'family' parameter of {func}() must be one of {_FAMILIES!r}. "
            f"Got {family!r} instead."
        )


def _holm(p_values, families):
    """Holm-adjusted p-values within each family label (NaN p-values are left out).

    The step-down of ``statsmodels.stats.multitest.multipletests(method="holm")``, the
    same arithmetic (sorted p × (m, m − 1, …, 1), running maximum, capped at 1; the test
    suite compares them), without its ``gc.collect()`` on every call: 40 ms each with a
    mentions table in memory, times one call per family (hundreds per table).
    """
    p_values = np.asarray(p_values, dtype=float)
    out = np.full(p_values.shape, np.nan)
    families = pd.Series(families).reset_index(drop=True)
    for idx in families.groupby(families, sort=False).groups.values():
        idx = np.asarray(idx)
        ok = idx[~np.isnan(p_values[idx])]
        if ok.size:
            order = np.argsort(p_values[ok])
            adjusted = np.maximum.accumulate(p_values[ok][order] * np.arange(ok.size, 0, -1))
            out[ok[order]] = np.minimum(adjusted, 1.0)
    return out


def _cohens_d(diff, n_a, sd_a, n_b, sd_b):
    """Difference divided by the pooled mention-level SD; NaN when it is undefined."""
    dof = n_a + n_b - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled = np.sqrt(((n_a - 1) * sd_a**2 + (n_b - 1) * sd_b**2) / dof)
        d = np.where((dof > 0) & (pooled > 0), diff / pooled, np.nan)
    return d


# --------------------------------------------------------------------------- public functions


def compare_groups(
    scored,
    *,
    group="outlet",
    actor_col="actor_id",
    value="polarity",
    periods=None,
    relative=False,
    ci_level=0.95,
    min_articles=5,
):
    """Estimate mean sentiment per group × actor (× period) with article-clustered CIs.

    Mentions with a missing `value` or key are dropped. The remaining mention-level values are
    regressed (OLS) on one indicator per cell (a saturated group × actor [× period] model, so
    each coefficient is the cell's mean) with standard errors clustered by article, because
    mentions in one article share a writer, a topic and a sentence context and are not
    independent. With ``relative=True`` each estimate becomes the cell mean minus its group's
    baseline (see Notes).

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        One row per mention, as returned by :func:`framing.scorers.score_mentions`. Required
        columns: `group`, `actor_col`, `value`, ``article_id``; ``published`` when `periods`
        is ``'week'`` or ``'month'``.
    group : str, default='outlet'
        Column to compare, e.g. ``'outlet'`` or an outlet group column such as ``'leaning'``.
    actor_col : str, default='actor_id'
        Column identifying the actor.
    value : str, default='polarity'
        Numeric mention-level score, e.g. polarity in [-1, 1].
    periods : {None, 'week', 'month'} or str, default=None
        Add a period to each cell: the ISO week or calendar month of ``published`` (as in
        :func:`framing.aggregate.add_period`), or the name of a column holding period labels
        (e.g. ``'phase'`` with values ``'before'``/``'after'``).
    relative : bool, default=False
        Express each cell relative to its group's average tone across actors (see Notes).
    ci_level : float, default=0.95
        Confidence level of the intervals, in (0, 1).
    min_articles : int, default=5
        Report SE and CI only for cells with mentions from at least this many articles
        (>= 2). A clustered SE from very few clusters is far too small (Cameron & Miller,
        2015); such cells keep their mean and n but get NaN SE/CI.

    Returns
    -------
    table : pandas.DataFrame of shape (n_cells, n_keys + 8)
        One row per cell, sorted by the keys: the key columns (`group`, `actor_col`, and
        ``period`` or the `periods` column), ``n_mentions`` (int), ``n_articles`` (int),
        ``mean`` (the estimate: cell mean, or relative tone when `relative`; unit of
        `value`), ``se``, ``ci_low``, ``ci_high`` (clustered, t with G − 1 degrees of
        freedom, G = number of articles), ``sd`` (mention-level standard deviation in the
        cell) and ``raw_mean`` (the plain cell mean). With `relative` a ``baseline`` column
        (the group's baseline) is added. ``table.attrs`` records ``ci_level``,
        ``relative``, ``n_clusters`` and ``value``. Cells whose mentions come from a single
        article get NaN ``se``/CI: a clustered SE is not defined there; so do cells with
        fewer than `min_articles` articles.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    TypeError
        If `value` is not numeric or a column parameter is not a str.
    ValueError
        If `ci_level` is outside (0, 1), no row is left, or fewer than 2 articles remain.

    See Also
    --------
    pairwise_contrasts : Differences between groups per actor, Holm-corrected.
    framing.aggregate.aggregate_scores : Bootstrap CIs for the same cells.

    Notes
    -----
    Standard errors: the Liang–Zeger cluster-robust sandwich
    ``V = c · (X'X)⁻¹ (Σ_g s_g s_g') (X'X)⁻¹`` with the small-sample factor
    c = G/(G − 1) · (N − 1)/(N − K) (N mentions, K coefficients, G articles); intervals use
    a t distribution with G − 1 degrees of freedom (Cameron & Miller, 2015, "A
    Practitioner's Guide to Cluster-Robust Inference", J. Human Resources 50(2)). These are
    the conventions of statsmodels ``OLS(...).fit(cov_type="cluster")``, and the numbers
    equal its dense fit, but they are computed from sufficient statistics: with one
    indicator per cell X'X is diagonal (the mention counts n_c), each coefficient is the
    cell mean, and article g's score s_g holds, per cell, the sum of its mentions'
    residuals there. s_g is non-zero only in the few cells the article touches, so the
    meat Σ_g s_g s_g' is built as a sparse product S'S (S: articles × cells). Time and
    memory grow with the number of mentions plus the number of (article, cell) pairs,
    not with mentions × cells.

    Relative tone: the baseline of group g (within a period, when `periods` is set) is the
    **unweighted mean of g's cell means over the actors that every group mentions** (in that
    period). Each actor weighs equally, so a frequently mentioned actor does not dominate
    the baseline, and every group's baseline covers the same actors, so a group is not made
    to look friendlier because it also covers a disliked actor that the others ignore. The
    relative estimate ``mean(g, a) − baseline(g)`` is a linear combination of the model's
    coefficients, and its clustered SE accounts for the uncertainty of the baseline too.
    Actors not mentioned by every group still get a relative estimate (against the same
    baseline). A positive value means: warmer toward this actor than this group is on
    average.

    Examples
    --------
    >>> table = compare_groups(scored, group="outlet")  # doctest: +SKIP
    >>> table[["outlet", "actor_id", "mean", "ci_low", "ci_high", "n_mentions"]]  # doctest: +SKIP
    """
    func = "compare_groups"
    ci_level = check_ci_level(ci_level, func)
    rows, keys = _prepare(
        scored, group=group, actor_col=actor_col, value=value, periods=periods, func=func
    )
    fit, cells, _ = _fit_cells(rows, keys, value, func)
    table = cells[keys].copy()
    table["n_mentions"] = cells["n_mentions"]
    table["n_articles"] = cells["n_articles"]
    if relative:
        matrix, ok, _ = _relative_matrix(cells, keys, group, actor_col, func)
    else:
        matrix, ok = sparse.identity(len(cells), format="csr"), np.ones(len(cells), dtype=bool)
    est, se, low, high, _, _ = _linear(fit, matrix, ci_level)
    min_articles = check_int(min_articles, "min_articles", func, 2)
    single = cells["n_articles"].to_numpy() < min_articles
    est = np.where(ok, est, np.nan)
    for arr in (se, low, high):
        arr[single | ~ok] = np.nan
    table["mean"] = est
    table["se"] = se
    table["ci_low"] = low
    table["ci_high"] = high
    table["sd"] = cells["sd"]
    table["raw_mean"] = cells["raw_mean"]
    if relative:
        table["baseline"] = cells["raw_mean"].to_numpy() - est
    table.attrs.update(
        ci_level=ci_level, relative=bool(relative), value=value,
        n_clusters=int(rows["article_id"].nunique()),
    )
    return table


def pairwise_contrasts(
    scored,
    *,
    group="outlet",
    actor_col="actor_id",
    value="polarity",
    periods=None,
    relative=False,
    ci_level=0.95,
    family="actor",
    min_articles=5,
):
    """Compare every pair of groups per actor: difference, clustered CI, Holm p, Cohen's d.

    Fits the model of :func:`compare_groups` once, then tests every pair of groups
    (``group_a`` < ``group_b`` in sort order) that both have mentions of the actor (in the
    same period, when `periods` is set). The difference is ``mean_a − mean_b``; its standard
    error comes from the article-clustered covariance matrix.

    Parameters
    ----------
    scored, group, actor_col, value, periods, relative, ci_level
        As in :func:`compare_groups`. With `relative`, the groups' relative tones are
        compared.
    family : {'actor', 'all'}, default='actor'
        The set of tests within which Holm's correction controls the family-wise error rate:
        all pairs for one actor (and period), or every test in the table.
    min_articles : int, default=5
        Test a pair only when both sides have mentions from at least this many articles;
        other pairs get NaN SE, CI and p values and stay out of the Holm family.

    Returns
    -------
    contrasts : pandas.DataFrame of shape (n_pairs, n_keys + 15)
        One row per actor (× period) and pair of groups: `actor_col` (and the period column),
        ``group_a``, ``group_b``, ``n_a``, ``n_b`` (mentions), ``n_articles_a``,
        ``n_articles_b``, ``mean_a``, ``mean_b``, ``diff`` (= mean_a − mean_b, unit of
        `value`), ``se``, ``ci_low``, ``ci_high`` (unadjusted, level `ci_level`), ``t``,
        ``p_value`` (two-sided, unadjusted), ``p_holm`` (Holm-adjusted within `family`) and
        ``cohens_d`` (diff / pooled mention-level SD; NaN when the pooled SD is 0 or
        undefined). ``contrasts.attrs`` records ``group``, ``ci_level``, ``family``,
        ``relative``. Pairs where a side has mentions from a single article get NaN SE, CI
        and p values and are left out of the Holm family.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `family` or `ci_level` is invalid, or no rows are left.

    Notes
    -----
    Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J.
    Statist. 6: 65–70, with the arithmetic of
    ``statsmodels.stats.multitest.multipletests(method="holm")`` (tested equal to it).
    Cohen's d uses the pooled SD of the mention-level values, ignoring clustering; read it as
    a descriptive effect size next to the clustered test.

    Examples
    --------
    >>> c = pairwise_contrasts(scored, group="outlet")  # doctest: +SKIP
    >>> c[c["p_holm"] < 0.05]  # doctest: +SKIP
    """
    func = "pairwise_contrasts"
    ci_level = check_ci_level(ci_level, func)
    _check_family(family, func)
    rows, keys = _prepare(
        scored, group=group, actor_col=actor_col, value=value, periods=periods, func=func
    )
    fit, cells, _ = _fit_cells(rows, keys, value, func)
    if relative:
        base, ok, _ = _relative_matrix(cells, keys, group, actor_col, func)
    else:
        base, ok = sparse.identity(len(cells), format="csr"), np.ones(len(cells), dtype=bool)
    slice_keys = [k for k in keys if k != group]  # actor (+ period)
    records = []
    for slice_key, part in cells.groupby(slice_keys, sort=True):
        idx = part.sort_values(group, kind="mergesort").index.to_numpy()
        for i, j in itertools.combinations(idx, 2):
            if not (ok[i] and ok[j]):
                continue
            rec = dict(zip(slice_keys, slice_key if isinstance(slice_key, tuple) else (slice_key,)))
            rec.update(
                group_a=cells.at[i, group], group_b=cells.at[j, group],
                n_a=cells.at[i, "n_mentions"], n_b=cells.at[j, "n_mentions"],
                n_articles_a=cells.at[i, "n_articles"], n_articles_b=cells.at[j, "n_articles"],
                _i=i, _j=j,
            )
            records.append(rec)
    columns = [*slice_keys, "group_a", "group_b", "n_a", "n_b", "n_articles_a",
               "n_articles_b", "mean_a", "mean_b", "diff", "se", "ci_low", "ci_high", "t",
               "p_value", "p_holm", "cohens_d"]
    if not records:
        out = pd.DataFrame(columns=columns)
        out.attrs.update(group=group, ci_level=ci_level, family=family, relative=bool(relative))
        return out
    out = pd.DataFrame.from_records(records)
    i, j = out.pop("_i").to_numpy(), out.pop("_j").to_numpy()
    means, *_ = _linear(fit, base, ci_level)
    diff, se, low, high, t, p = _linear(fit, base[i] - base[j], ci_level)
    min_articles = check_int(min_articles, "min_articles", func, 2)
    single = ((out["n_articles_a"].to_numpy() < min_articles)
              | (out["n_articles_b"].to_numpy() < min_articles))
    for arr in (se, low, high, t, p):
        arr[single] = np.nan
    out["mean_a"], out["mean_b"] = means[i], means[j]
    out["diff"], out["se"], out["ci_low"], out["ci_high"] = diff, se, low, high
    out["t"], out["p_value"] = t, p
    fam = (
        out[slice_keys].astype(str).agg("\x1f".join, axis=1) if family == "actor"
        else pd.Series("all", index=out.index)
    )
    out["p_holm"] = _holm(p, fam)
    out["cohens_d"] = _cohens_d(
        diff, cells["n_mentions"].to_numpy()[i], cells["sd"].to_numpy()[i],
        cells["n_mentions"].to_numpy()[j], cells["sd"].to_numpy()[j],
    )
    for c in ("n_a", "n_b", "n_articles_a", "n_articles_b"):
        out[c] = out[c].astype("int64")
    out = out[columns]
    out.attrs.update(group=group, ci_level=ci_level, family=family, relative=bool(relative))
    return out


def before_after(
    scored,
    event_date,
    *,
    group="outlet",
    actor_col="actor_id",
    value="polarity",
    window_days=None,
    relative=False,
    ci_level=0.95,
    min_articles=5,
):
    """Compare tone after an event with tone before it, per group × actor.

    Each mention is put in phase ``'before'`` (published before `event_date` 00:00 UTC) or
    ``'after'`` (published on or after it, so the event day counts as after); mentions
    without a date are dropped. The cell means per group × actor × phase come from the
    clustered model of :func:`compare_groups`; the table reports ``after − before``.

    Parameters
    ----------
    scored, group, actor_col, value, relative, ci_level, min_articles
        As in :func:`compare_groups`. With `relative`, the group's relative tone is compared
        (its baseline is computed within each phase). `min_articles` applies to each phase.
    event_date : str or pandas.Timestamp
        The event, e.g. ``'2025-02-28'`` (the Oval Office meeting). A date without a time
        zone is taken as UTC; the time of day is ignored.
    window_days : int, optional
        Keep only mentions published within this many days before and after the event
        (``event − window_days <= published < event + window_days``). None keeps all.

    Returns
    -------
    shift : pandas.DataFrame of shape (n_cells, 18)
        One row per group × actor with mentions in both phases: `group`, `actor_col`,
        ``n_before``, ``n_after``, ``n_articles_before``, ``n_articles_after``,
        ``mean_before``, ``mean_after``, ``diff`` (after − before), ``se``, ``ci_low``,
        ``ci_high``, ``t``, ``p_value``, ``p_holm`` (Holm within each group, across actors),
        ``cohens_d``, ``event_date`` (Timestamp, UTC) and ``window_days``.

    Raises
    ------
    MissingColumnError
        If ``published`` or another required column is absent.
    ValueError
        If `event_date` does not parse, `window_days` is not a positive int, or no mentions
        fall on both sides of the event.

    Examples
    --------
    >>> before_after(scored, "2025-02-28", window_days=28)  # doctest: +SKIP
    """
    func = "before_after"
    try:
        event = pd.Timestamp(event_date)
    except (ValueError, TypeError) as err:
        raise ValueError(
            f"The 'event_date' parameter of {func}() must be an ISO-8601 date such as "
            f"'2025-02-28'. Got {event_date!r} instead."
        ) from err
    if event is pd.NaT:
        raise ValueError(f"The 'event_date' parameter of {func}() must be a date. Got NaT.")
    event = (event.tz_localize("UTC") if event.tzinfo is None else event.tz_convert("UTC"))
    event = event.normalize()
    if window_days is not None and (
        isinstance(window_days, bool) or not isinstance(window_days, (int, np.integer))
        or window_days < 1
    ):
        raise ValueError(
            f"The 'window_days' parameter of {func}() must be None or an int >= 1. "
            f"Got {window_days!r} instead."
        )
    require_columns(scored, ["published"], func, what="scored mentions table")
    scored = _used_columns(scored, group, actor_col, value)
    published = pd.to_datetime(scored["published"], utc=True)
    keep = published.notna()
    if window_days is not None:
        span = pd.Timedelta(days=int(window_days))
        keep &= (published >= event - span) & (published < event + span)
    rows = scored.loc[keep].assign(phase=np.where(published[keep] >= event, "after", "before"))
    if rows["phase"].nunique() < 2:
        raise ValueError(
            f"{func}() needs mentions on both sides of {event.date().isoformat()!r}. Got only "
            f"{sorted(rows['phase'].unique())!r} among {len(rows)} dated mentions; choose "
            f"another event_date or a wider window_days."
        )
    if relative:
        # relative tone per phase: baseline within group × phase, then contrast the phases
        table = _before_after_relative(rows, group, actor_col, value, ci_level, min_articles)
    else:
        # phases sort as 'after' < 'before', so group_a is 'after' and diff = after − before
        table = pairwise_contrasts(
            rows, group="phase", actor_col=actor_col, value=value, periods=group,
            ci_level=ci_level, min_articles=min_articles,
        ).rename(columns={
            "n_a": "n_after", "n_b": "n_before", "n_articles_a": "n_articles_after",
            "n_articles_b": "n_articles_before", "mean_a": "mean_after",
            "mean_b": "mean_before",
        }).drop(columns=["group_a", "group_b"])
    # Holm within each group, across its actors
    table["p_holm"] = _holm(table["p_value"].to_numpy(), table[group].astype(str))
    table["event_date"] = event
    table["window_days"] = window_days
    order = [group, actor_col, "n_before", "n_after", "n_articles_before", "n_articles_after",
             "mean_before", "mean_after", "diff", "se", "ci_low", "ci_high", "t", "p_value",
             "p_holm", "cohens_d", "event_date", "window_days"]
    return table[order].sort_values([group, actor_col], kind="mergesort", ignore_index=True)


def _before_after_relative(rows, group, actor_col, value, ci_level, min_articles):
    """Contrast relative tone (baseline within group × phase) after vs before."""
    func = "before_after"
    prepared, keys = _prepare(
        rows, group=group, actor_col=actor_col, value=value, periods="phase", func=func
    )
    fit, cells, _ = _fit_cells(prepared, keys, value, func)
    base, ok, _ = _relative_matrix(cells, keys, group, actor_col, func)
    records = []
    for (g, a), part in cells.groupby([group, actor_col], sort=True):
        phases = dict(zip(part["phase"], part.index))
        if {"before", "after"} <= set(phases):
            i, j = phases["after"], phases["before"]
            if not (ok[i] and ok[j]):
                continue
            records.append({group: g, actor_col: a, "_i": i, "_j": j})
    if not records:
        raise ValueError(
            f"{func}(relative=True) found no {group} × actor cell with mentions in both phases."
        )
    out = pd.DataFrame.from_records(records)
    i, j = out.pop("_i").to_numpy(), out.pop("_j").to_numpy()
    means, *_ = _linear(fit, base, ci_level)
    diff, se, low, high, t, p = _linear(fit, base[i] - base[j], ci_level)
    n, na, sd = (cells[c].to_numpy() for c in ("n_mentions", "n_articles", "sd"))
    single = (na[i] < min_articles) | (na[j] < min_articles)
    for arr in (se, low, high, t, p):
        arr[single] = np.nan
    out = out.assign(
        n_after=n[i], n_before=n[j], n_articles_after=na[i], n_articles_before=na[j],
        mean_after=means[i], mean_before=means[j], diff=diff, se=se, ci_low=low,
        ci_high=high, t=t, p_value=p, cohens_d=_cohens_d(diff, n[i], sd[i], n[j], sd[j]),
    )
    return out


def linear_trend(
    scored,
    *,
    group="outlet",
    actor_col="actor_id",
    value="polarity",
    ci_level=0.95,
    min_articles=3,
):
    """Estimate a linear trend in tone per group × actor: slope per week with clustered CI.

    One OLS model is fitted with, for every group × actor cell, its own intercept and its
    own slope on time (weeks since the cell's mean publication time), with standard errors
    clustered by article. Mentions without a date are dropped; cells with fewer than
    `min_articles` articles, or whose articles share one timestamp, get no slope.

    Parameters
    ----------
    scored, group, actor_col, value, ci_level
        As in :func:`compare_groups`; ``published`` is required.
    min_articles : int, default=3
        Fit a slope only for cells with at least this many distinct articles.

    Returns
    -------
    trends : pandas.DataFrame of shape (n_cells, 13)
        `group`, `actor_col`, ``n_mentions``, ``n_articles``, ``first``, ``last``
        (publication Timestamps, UTC), ``slope_per_week`` (change of `value` per week),
        ``se``, ``ci_low``, ``ci_high``, ``t``, ``p_value``, ``p_holm`` (Holm within each
        group). Cells below `min_articles` keep their counts and get NaN slope.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If no cell has enough articles, or `ci_level`/`min_articles` are invalid.

    Notes
    -----
    A straight line is a summary, not a model of news cycles: read it next to the weekly
    means of :func:`framing.aggregate.aggregate_scores` with ``period='week'``.

    The model has an intercept and a slope per cell, so X'X is block-diagonal with one
    2 × 2 block per cell (mention count, sum and sum of squares of the centred weeks); each
    block is solved and inverted exactly, and article g's score holds, per cell, the sums
    of its residuals and of residual × centred week. Standard errors follow the
    conventions of :func:`compare_groups` (K = 2 × the number of fitted cells) and equal
    statsmodels' dense cluster-robust fit.

    Examples
    --------
    >>> linear_trend(scored, group="outlet")  # doctest: +SKIP
    """
    func = "linear_trend"
    ci_level = check_ci_level(ci_level, func)
    if isinstance(min_articles, bool) or not isinstance(min_articles, (int, np.integer)) or (
        min_articles < 2
    ):
        raise ValueError(
            f"The 'min_articles' parameter of {func}() must be an int >= 2. "
            f"Got {min_articles!r} instead."
        )
    require_columns(scored, ["published"], func, what="scored mentions table")
    scored = _used_columns(scored, group, actor_col, value)
    rows, keys = _prepare(
        scored.assign(_ts=pd.to_datetime(scored["published"], utc=True)),
        group=group, actor_col=actor_col, value=value, periods="_ts", func=func,
    )
    keys = [group, actor_col]
    seconds = (rows["_ts"] - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds()
    rows = rows.assign(_weeks=seconds / _WEEK_S)
    stats_ = rows.groupby(keys, sort=True).agg(
        n_mentions=(value, "size"), n_articles=("article_id", "nunique"),
        first=("_ts", "min"), last=("_ts", "max"), _spread=("_weeks", "std"),
    ).reset_index()
    fit_ok = (stats_["n_articles"] >= min_articles) & (stats_["_spread"] > 0)
    if not fit_ok.any():
        raise ValueError(
            f"{func}() found no {group} × actor cell with at least {min_articles} articles "
            f"published at different times; lower 'min_articles' or widen the selection."
        )
    good = stats_.loc[fit_ok, keys]
    fit_rows = rows.merge(good, on=keys, how="inner")
    centred = fit_rows["_weeks"] - fit_rows.groupby(keys)["_weeks"].transform("mean")
    fit, cells, _ = _fit_cells(fit_rows, keys, value, func, extra=centred.to_numpy())
    n_cells = len(cells)
    matrix = sparse.hstack([sparse.csr_matrix((n_cells, n_cells)), sparse.identity(n_cells)])
    slope, se, low, high, t, p = _linear(fit, matrix, ci_level)
    fitted = cells[keys].assign(
        slope_per_week=slope, se=se, ci_low=low, ci_high=high, t=t, p_value=p
    )
    fitted["p_holm"] = _holm(p, fitted[group].astype(str))
    out = stats_.drop(columns="_spread").merge(fitted, on=keys, how="left")
    return out.sort_values(keys, kind="mergesort", ignore_index=True)
