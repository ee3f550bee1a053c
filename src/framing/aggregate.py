"""Tidy group tables from scored mentions: means, article-level bootstrap CIs, shares, salience.

This module owns grouping, de-duplication of syndicated stories and uncertainty. It reads no
files and draws nothing; every function takes a table and returns a new tidy table.

>>> table = aggregate_scores(scored, by=("outlet", "actor_id"), period="week")  # doctest: +SKIP
>>> table[["outlet", "actor_id", "period", "mean", "ci_low", "ci_high"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import os
from statistics import NormalDist

import numpy as np
import pandas as pd

from framing.exceptions import MissingColumnError

__all__ = [
    "ARTICLE_DOCVARS",
    "NEUTRAL_BAND",
    "OTHER",
    "PERIODS",
    "add_period",
    "aggregate_scores",
    "article_sentiment",
    "bootstrap_group_cis",
    "check_ci_level",
    "check_group_options",
    "check_int",
    "count_articles",
    "default_period",
    "require_columns",
    "rolling_scores",
    "salience",
    "study_window",
    "summarise_articles",
]

#: Actor id of the pooled bucket in top-k tables (``salience(..., top_actors=k)``).
OTHER = "other"
#: Valid values of the ``period`` parameter (``None`` means no time grouping).
PERIODS = ("week", "month")
#: Half-width of the neutral band used when shares are derived from the sign of the value
#: (no ``label`` column): ``|value| <= NEUTRAL_BAND`` counts as neutral. Unit: polarity points.
NEUTRAL_BAND = 0.05
#: Article-level columns carried into :func:`summarise_articles` output when present.
ARTICLE_DOCVARS = ("outlet", "published", "duplicate_group", "language")
#: Columns of :func:`aggregate_scores` output after the group keys.
STAT_COLUMNS = (
    "n_mentions",
    "n_articles",
    "mean",
    "ci_low",
    "ci_high",
    "share_positive",
    "share_neutral",
    "share_negative",
)
_COUNT_DUPLICATES = ("per_outlet", "once")
# Upper bound on the number of bootstrap indices drawn at once for one group (memory ≈ 4 bytes
# each). Depends only on the group size, so results do not depend on the machine.
_CHUNK_ELEMS = 1 << 20
#: Bootstrap draws (articles x resamples, all groups) from which the groups are resampled
#: on one thread per CPU; below it, thread start-up costs more than it saves.
_THREADED_DRAWS = 1 << 24


def _cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- validation helpers


def require_columns(df, columns, func, what="table"):
    """Check that `df` is a DataFrame holding `columns`; the error names the caller.

    Parameters
    ----------
    df : object
        The table to check.
    columns : iterable of str
        Required column names.
    func : str
        Name of the calling function, quoted in the message.
    what : str, default="table"
        What the table is called in the message (e.g. ``"mentions table"``).

    Raises
    ------
    TypeError
        If `df` is not a pandas DataFrame.
    MissingColumnError
        If columns are missing; the message lists them and the columns found.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"The {what} passed to {func}() must be a pandas DataFrame. "
            f"Got {type(df).__name__} instead."
        )
    missing = [c for c in dict.fromkeys(columns) if c not in df.columns]
    if missing:
        raise MissingColumnError(
            f"The {what} passed to {func}() lacks column(s) {missing!r}. "
            f"Got columns {list(df.columns)!r}; add the missing columns (e.g. keep the "
            f"docvars from framing.actors.find_mentions) or change the parameters that need them."
        )


def _check_by(by, func, param="by"):
    if isinstance(by, str):
        by = (by,)
    try:
        by = list(by)
    except TypeError:
        raise TypeError(
            f"The {param!r} parameter of {func}() must be a column name or a sequence of column "
            f"names. Got {by!r} instead."
        ) from None
    if not all(isinstance(c, str) for c in by):
        raise TypeError(
            f"The {param!r} parameter of {func}() must contain column names (str). Got {by!r}."
        )
    if len(set(by)) != len(by):
        raise ValueError(f"The {param!r} parameter of {func}() repeats a column. Got {by!r}.")
    return by


def _check_period(period, func, *, allow_none=True):
    valid = (None, *PERIODS) if allow_none else PERIODS
    if period not in valid:
        raise ValueError(
            f"The 'period' parameter of {func}() must be one of {valid!r}. Got {period!r} instead."
        )


def _check_count_duplicates(count_duplicates, func):
    if count_duplicates not in _COUNT_DUPLICATES:
        raise ValueError(
            f"The 'count_duplicates' parameter of {func}() must be one of "
            f"{_COUNT_DUPLICATES!r}. Got {count_duplicates!r} instead."
        )


def check_ci_level(ci_level, func):
    """Return `ci_level` as a float in (0, 1), else raise ValueError naming `func`."""
    if (
        isinstance(ci_level, bool)
        or not isinstance(ci_level, (int, float, np.floating))
        or not 0 < ci_level < 1
    ):
        raise ValueError(
            f"The 'ci_level' parameter of {func}() must be a float in the open interval (0, 1), "
            f"e.g. 0.95 for a 95% interval. Got {ci_level!r} instead."
        )
    return float(ci_level)


def check_int(x, name, func, minimum):
    """Return `x` as an int >= `minimum`, else raise ValueError naming `name` and `func`."""
    if isinstance(x, bool) or not isinstance(x, (int, np.integer)) or x < minimum:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be an int >= {minimum}. Got {x!r} instead."
        )
    return int(x)


def _to_utc_naive(series, column, func):
    """Return `series` as tz-naive datetime64 in UTC (naive input is taken to be UTC)."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return series.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(series.dtype):
        return series
    try:
        return pd.to_datetime(series, utc=True, format="ISO8601").dt.tz_localize(None)
    except (ValueError, TypeError) as err:
        raise TypeError(
            f"Column {column!r} passed to {func}() must hold datetimes (datetime64[ns, UTC] as "
            f"returned by framing.corpus.load_corpus) or ISO-8601 strings. Got dtype "
            f"{series.dtype!s} ({err})."
        ) from err


def _period_start(ts, period):
    """Floor tz-naive datetimes to the Monday of their ISO week or the 1st of their month."""
    day = ts.dt.normalize()
    if period == "week":
        offset = day.dt.day_of_week
    else:
        offset = day.dt.day - 1
    start = day - pd.to_timedelta(offset, unit="D")
    return start.astype("datetime64[ns]")


def _drop_duplicate_articles(df, func, *, reference=None):
    """Keep the rows of one article per ``duplicate_group`` (earliest published, then article_id).

    The kept article is chosen from `reference` (default: `df` itself) so that it does not
    depend on which rows have a score. Rows whose ``duplicate_group`` is missing are kept.
    """
    ref = df if reference is None else reference
    arts = ref[["article_id", "duplicate_group", "published"]].drop_duplicates("article_id")
    arts = arts.assign(
        _pub=_to_utc_naive(arts["published"], "published", func),
        _aid=arts["article_id"].astype(str),
    )
    grouped = arts[arts["duplicate_group"].notna()]
    grouped = grouped.sort_values(
        ["duplicate_group", "_pub", "_aid"], na_position="last", kind="mergesort"
    )
    dropped = grouped["article_id"][grouped.duplicated("duplicate_group", keep="first")]
    return df[~df["article_id"].isin(dropped)]


def _group_article_value_order(gcode, acode, values):
    """``np.lexsort((values, acode, gcode))`` in one integer sort instead of three passes.

    The key ``(gcode * n_articles + acode) * n + rank(values)`` (the rank from a stable
    sort, so equal values keep their row order) orders the rows exactly as the lexsort
    does; lexsort remains where the key would not fit in 64 bits.
    """
    n = values.size
    n_articles = int(acode.max()) + 1 if n else 1
    n_groups = int(gcode.max()) + 1 if n else 1
    if n == 0 or n_groups * n_articles * n >= 2**62:
        return np.lexsort((values, acode, gcode))
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(values, kind="stable")] = np.arange(n, dtype=np.int64)
    key = (gcode.astype(np.int64) * n_articles + acode) * n + rank
    return np.argsort(key)  # keys are unique: any sort gives the lexsort's order


def _decoded(frame):
    """`frame` with categorical columns as plain values: group keys do not depend on the
    input's dtypes (:func:`framing.study.open_study` reads text as categoricals)."""
    cats = {c: frame[c].cat.categories.dtype for c in frame.columns
            if isinstance(frame[c].dtype, pd.CategoricalDtype)}
    return frame.astype(cats) if cats else frame


def _key_seed(root_entropy, key):
    """Seed sequence for one group: the root entropy plus a stable hash of the group key."""
    parts = []
    for v in key:
        if isinstance(v, (pd.Timestamp, np.datetime64)):
            v = pd.Timestamp(v).isoformat()
        elif isinstance(v, np.generic):
            v = v.item()
        parts.append(repr(v))
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).digest()
    spawn_key = tuple(int(w) for w in np.frombuffer(digest, dtype="<u4"))
    return np.random.SeedSequence(root_entropy, spawn_key=spawn_key)


def _bootstrap_means(art_sum, art_cnt, means, seed):
    """Fill `means` with sum(values)/count(values) of articles resampled with replacement."""
    k = art_sum.size
    n_bootstrap = means.size
    rng = np.random.default_rng(seed)
    block = max(1, _CHUNK_ELEMS // k)
    equal_counts = bool(np.all(art_cnt == art_cnt[0]))
    for start in range(0, n_bootstrap, block):
        b = min(block, n_bootstrap - start)
        idx = rng.integers(0, k, size=(b, k), dtype=np.int32)
        sums = np.take(art_sum, idx).sum(axis=1)  # np.take: 2x faster than art_sum[idx]
        if equal_counts:
            means[start : start + b] = sums / (art_cnt[0] * k)
        else:
            means[start : start + b] = sums / np.take(art_cnt, idx).sum(axis=1)


def check_group_options(func, *, by, period, count_duplicates, ci_level, n_bootstrap,
                        min_mentions, random_state):
    """Validate the options shared by :func:`aggregate_scores` and its out-of-core twin.

    Parameters
    ----------
    func : str
        Name of the calling function, used in error messages.
    by, period, count_duplicates, ci_level, n_bootstrap, min_mentions, random_state
        As in :func:`aggregate_scores`.

    Returns
    -------
    by : list of str
    ci_level : float
    n_bootstrap, min_mentions : int
    random_state : int or None

    Raises
    ------
    ValueError
        For an invalid option; the message names `func` and the parameter.
    """
    by = _check_by(by, func)
    _check_period(period, func)
    _check_count_duplicates(count_duplicates, func)
    ci_level = check_ci_level(ci_level, func)
    n_bootstrap = check_int(n_bootstrap, "n_bootstrap", func, 0)
    min_mentions = check_int(min_mentions, "min_mentions", func, 1)
    if random_state is not None:
        random_state = check_int(random_state, "random_state", func, 0)
    return by, ci_level, n_bootstrap, min_mentions, random_state


def bootstrap_group_cis(art_sum, art_cnt, grp_start, key_frame, keep, *, n_bootstrap,
                        ci_level, random_state):
    """Percentile CIs of each group's mention mean from an article-resampling bootstrap.

    Parameters
    ----------
    art_sum, art_cnt : numpy.ndarray of shape (n_group_articles,)
        Sum of the value and number of mentions of each article in each group, sorted by
        group (all rows of one group together, groups in `key_frame` order).
    grp_start : numpy.ndarray of shape (n_groups,)
        Index of each group's first row in `art_sum`.
    key_frame : pandas.DataFrame of shape (n_groups, n_keys)
        The group keys; each group's random stream is seeded from `random_state` and a
        hash of its key, so results do not depend on the other groups.
    keep : numpy.ndarray of bool, shape (n_groups,)
        Groups to compute (others get NaN).
    n_bootstrap : int
        Resamples (>= 0; 0 gives NaN everywhere).
    ci_level : float
        In (0, 1).
    random_state : int or None
        Root seed; None draws fresh entropy.

    Returns
    -------
    ci_low, ci_high : numpy.ndarray of shape (n_groups,)
        NaN for groups not kept or with fewer than two articles.
    """
    n_groups = len(key_frame)
    grp_end = np.r_[grp_start[1:], len(art_sum)]
    n_articles = grp_end - grp_start
    ci_low = np.full(n_groups, np.nan)
    ci_high = np.full(n_groups, np.nan)
    root = random_state if random_state is not None else np.random.SeedSequence().entropy
    todo = np.flatnonzero(keep & (n_articles >= 2)) if n_bootstrap > 0 else np.array([], int)
    if todo.size:
        keys_list = list(key_frame.itertuples(index=False, name=None))
        boot = np.empty((todo.size, n_bootstrap))

        def resample(row):
            i = todo[row]
            s = slice(grp_start[i], grp_end[i])
            _bootstrap_means(art_sum[s], art_cnt[s], boot[row], _key_seed(root, keys_list[i]))

        # Groups draw from their own seeded streams into their own rows of `boot`, and
        # NumPy's draws and gathers release the GIL: threads give the same numbers.
        threads = min(_cpu_count(), todo.size)
        if threads > 1 and n_articles[todo].sum() * n_bootstrap >= _THREADED_DRAWS:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=threads) as pool:
                list(pool.map(resample, range(todo.size)))
        else:
            for row in range(todo.size):
                resample(row)
        alpha = 1.0 - ci_level
        ci_low[todo], ci_high[todo] = np.quantile(boot, [alpha / 2, 1 - alpha / 2], axis=1)
    return ci_low, ci_high


def _empty_result(scored, keys):
    cols = {
        k: scored[k].iloc[:0] if k in scored.columns else pd.Series([], dtype="datetime64[ns]")
        for k in keys
    }
    out = pd.DataFrame({k: v.to_numpy() for k, v in cols.items()})
    for k in keys:
        out[k] = out[k].astype(cols[k].dtype)
    for c in STAT_COLUMNS:
        out[c] = pd.Series([], dtype="int64" if c.startswith("n_") else "float64")
    return out


# --------------------------------------------------------------------------- public functions


def add_period(df, period, *, column="published"):
    """Add a ``period`` column: the start of each row's ISO week or calendar month.

    Timestamps are converted to UTC first, then floored to Monday 00:00 (``"week"``) or to the
    first day of the month 00:00 (``"month"``) and stored tz-naive. Missing timestamps (NaT)
    stay NaT.

    Parameters
    ----------
    df : pandas.DataFrame of shape (n_rows, n_columns)
        Any table with a datetime column, e.g. articles or scored mentions.
    period : {'week', 'month'}
        Length of the period.
    column : str, default='published'
        Datetime column to floor. ``datetime64[ns, UTC]`` (as loaded by
        :func:`framing.corpus.load_corpus`), another time zone (converted to UTC), tz-naive
        (taken to be UTC) or ISO-8601 strings.

    Returns
    -------
    out : pandas.DataFrame of shape (n_rows, n_columns + 1)
        A copy of `df` with a ``period`` column of dtype ``datetime64[ns]`` (tz-naive, UTC).
        An existing ``period`` column is replaced.

    Raises
    ------
    ValueError
        If `period` is not ``'week'`` or ``'month'``.
    MissingColumnError
        If `column` is absent.
    TypeError
        If `column` cannot be read as datetimes.

    Examples
    --------
    >>> df = pd.DataFrame({"published": pd.to_datetime(["2025-03-02T23:30:00-05:00"])})
    >>> add_period(df, "week")["period"].iloc[0]
    Timestamp('2025-03-03 00:00:00')
    """
    func = "add_period"
    _check_period(period, func, allow_none=False)
    require_columns(df, [column], func)
    ts = _to_utc_naive(df[column], column, func)
    return df.assign(period=_period_start(ts, period))  # copy-on-write: no copy of the rest


def aggregate_scores(
    scored,
    by=("outlet", "actor_id"),
    *,
    period=None,
    value="polarity",
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
    count_duplicates="per_outlet",
    min_mentions=1,
    neutral_band=NEUTRAL_BAND,
):
    """Summarise scored mentions per group: mean, article-level bootstrap CI and label shares.

    Rows with a missing `value` are dropped; with a `period`, rows with a missing
    ``published`` are dropped too; rows with a missing group key are dropped. Each remaining
    group (one combination of the `by` columns and, optionally, the period) gets the mean of
    `value` over its mentions, a percentile confidence interval from a cluster bootstrap that
    resamples *articles* (all mentions of a drawn article come along), and the shares of
    positive, neutral and negative mentions.

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        One row per mention, as returned by :func:`framing.scorers.score_mentions`. Required
        columns: the `by` columns, `value`, ``article_id``; ``published`` when `period` is set
        or ``count_duplicates='once'``; ``duplicate_group`` when ``count_duplicates='once'``.
        Optional: ``label`` (str in {'negative', 'neutral', 'positive'}).
    by : str or sequence of str, default=('outlet', 'actor_id')
        Grouping columns. Must not be empty unless `period` is set.
    period : {'week', 'month'} or None, default=None
        Also group by the start of the ISO week (Monday) or the month of ``published`` in UTC
        (see :func:`add_period`).
    value : str, default='polarity'
        Numeric column to average, e.g. ``polarity`` in [-1, 1].
    n_bootstrap : int, default=1000
        Number of bootstrap resamples (>= 0). With 0 the CI columns are NaN.
    ci_level : float, default=0.95
        Confidence level of the interval, in (0, 1).
    random_state : int or None, default=0
        Root seed. Each group draws from its own stream, seeded from `random_state` and a
        hash of the group key, so results do not depend on row order or on the other groups.
        None gives fresh, non-reproducible entropy.
    count_duplicates : {'per_outlet', 'once'}, default='per_outlet'
        ``'per_outlet'`` keeps every copy of a syndicated story (one per outlet that ran it);
        ``'once'`` keeps only the earliest published article of each ``duplicate_group``
        (ties broken by ``article_id``), chosen before rows with a missing value are dropped.
    min_mentions : int, default=1
        Groups with fewer scored mentions are left out of the result.
    neutral_band : float, default=NEUTRAL_BAND (0.05)
        Used only when `scored` has no ``label`` column: a mention is neutral when
        ``|value| <= neutral_band``, positive above, negative below. Unit: units of `value`.

    Returns
    -------
    table : pandas.DataFrame of shape (n_groups, len(by) + [1] + 8)
        One row per group, sorted by the group keys, index ``0..n_groups-1``. Columns: the `by`
        columns, ``period`` (``datetime64[ns]``, only when `period` is set), ``n_mentions``
        (int, scored mentions), ``n_articles`` (int, distinct articles), ``mean`` (float, mean
        of `value` over mentions), ``ci_low``, ``ci_high`` (float; NaN when the group has a
        single article or `n_bootstrap` is 0), ``share_positive``, ``share_neutral``,
        ``share_negative`` (float in [0, 1], over mentions with a label; NaN when none).
        ``table.attrs`` records ``value``, ``period``, ``ci_level``, ``n_bootstrap``,
        ``random_state``, ``count_duplicates`` and ``ci_method``.

    Raises
    ------
    MissingColumnError
        If a required column is absent; the message lists the missing columns.
    ValueError
        If `period`, `count_duplicates`, `ci_level`, `n_bootstrap` or `min_mentions` is invalid,
        or if there is nothing to group by.
    TypeError
        If `value` is not numeric, or ``published`` is not datetime-like.

    See Also
    --------
    summarise_articles : One mean per article and actor (article-weighted analyses).
    salience : How often each actor is mentioned, per group.

    Notes
    -----
    The point estimate is the mention-level mean, ``sum(value) / n_mentions``. Mentions of the
    same article are not independent (same author, same framing), so the interval comes from a
    cluster (article) bootstrap: for each of `n_bootstrap` resamples, ``n_articles`` articles
    are drawn with replacement and the ratio of their summed values to their summed mention
    counts is computed; the interval is the ``(1 - ci_level) / 2`` and ``(1 + ci_level) / 2``
    percentiles of these ratios (Efron & Tibshirani, 1993, ch. 13; Field & Welsh, 2007,
    "Bootstrapping clustered data", JRSS-B 69(3)). With a single article in a group the
    bootstrap has nothing to resample between articles, so the CI is NaN and ``n_articles``
    shows why. The percentile interval contains the point estimate in practice but not by
    construction for very small, skewed groups.

    Examples
    --------
    >>> scored = pd.DataFrame({
    ...     "article_id": ["a1", "a1", "a2", "a3"], "outlet": ["X", "X", "X", "Y"],
    ...     "actor_id": ["zelensky"] * 4, "polarity": [0.5, 0.1, -0.2, 0.0]})
    >>> t = aggregate_scores(scored, n_bootstrap=200)
    >>> t[["outlet", "n_mentions", "n_articles", "mean"]].round(3).to_dict("list")
    {'outlet': ['X', 'Y'], 'n_mentions': [3, 1], 'n_articles': [2, 1], 'mean': [0.133, 0.0]}
    """
    func = "aggregate_scores"
    by, ci_level, n_bootstrap, min_mentions, random_state = check_group_options(
        func, by=by, period=period, count_duplicates=count_duplicates, ci_level=ci_level,
        n_bootstrap=n_bootstrap, min_mentions=min_mentions, random_state=random_state,
    )
    if period is not None and "period" in by:
        raise ValueError(
            f"The 'by' parameter of {func}() contains 'period' while period={period!r} adds a "
            f"'period' column. Remove 'period' from 'by' or set period=None."
        )
    keys = by + (["period"] if period is not None else [])
    if not keys:
        raise ValueError(
            f"The 'by' parameter of {func}() is empty and period is None, so there is nothing "
            f"to group by. Got by={by!r}; pass e.g. by=('actor_id',)."
        )
    once = count_duplicates == "once"
    required = [*by, value, "article_id"]
    if period is not None or once:
        required.append("published")
    if once:
        required.append("duplicate_group")
    require_columns(scored, required, func, what="scored mentions table")
    if not pd.api.types.is_numeric_dtype(scored[value]) or pd.api.types.is_bool_dtype(
        scored[value]
    ):
        raise TypeError(
            f"Column {value!r} (the 'value' parameter of {func}()) must be numeric. Got dtype "
            f"{scored[value].dtype!s}; pass the name of a numeric score column such as 'polarity'."
        )

    has_label = "label" in scored.columns
    cols = list(dict.fromkeys(required + (["label"] if has_label else [])))
    df = scored[cols]
    if once:
        df = _drop_duplicate_articles(df, func)
    df = df[df[value].notna()]
    if period is not None:
        df = add_period(df, period)
        df = df[df["period"].notna()]
    df = df.dropna(subset=keys)

    attrs = {
        "value": value,
        "period": period,
        "ci_level": ci_level,
        "n_bootstrap": n_bootstrap,
        "random_state": random_state,
        "count_duplicates": count_duplicates,
        "ci_method": "percentile, articles resampled within group",
    }
    if df.empty:
        out = _empty_result(scored, keys)
        out.attrs.update(attrs)
        return out

    grouped = df.groupby(keys, sort=True, observed=True)
    gcode = grouped.ngroup().to_numpy(dtype=np.int64)
    key_frame = _decoded(grouped.size().index.to_frame(index=False))
    acode, _ = pd.factorize(df["article_id"], sort=True)
    values = df[value].to_numpy(dtype=float)

    # Sort by group, article, value so every sum below is independent of the input row order.
    order = _group_article_value_order(gcode, acode, values)
    g, a, v = gcode[order], acode[order], values[order]
    new_article = np.r_[True, (g[1:] != g[:-1]) | (a[1:] != a[:-1])]
    art_start = np.flatnonzero(new_article)
    art_sum = np.add.reduceat(v, art_start)
    art_cnt = np.diff(np.r_[art_start, v.size])
    art_group = g[art_start]
    grp_start = np.flatnonzero(np.r_[True, art_group[1:] != art_group[:-1]])
    grp_end = np.r_[grp_start[1:], art_group.size]

    n_mentions = np.add.reduceat(art_cnt, grp_start)
    n_articles = grp_end - grp_start
    mean = np.add.reduceat(art_sum, grp_start) / n_mentions

    n_groups = len(key_frame)
    if has_label:  # codes, not strings: one pass over the column, categoricals for free
        codes, names = pd.factorize(df["label"])
        codes = codes[order]
        known = codes >= 0
        code_of = {name: i for i, name in enumerate(names)}
        pos, neu, neg = (codes == code_of.get(c, -2) for c in ("positive", "neutral", "negative"))
    else:
        known = np.ones(v.size, dtype=bool)
        pos, neg = v > neutral_band, v < -neutral_band
        neu = ~pos & ~neg
    denom = np.bincount(g, weights=known, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = {
            name: np.where(denom > 0, np.bincount(g, weights=m, minlength=n_groups) / denom, np.nan)
            for name, m in (("positive", pos), ("neutral", neu), ("negative", neg))
        }

    keep = n_mentions >= min_mentions
    ci_low, ci_high = bootstrap_group_cis(
        art_sum, art_cnt, grp_start, key_frame, keep, n_bootstrap=n_bootstrap,
        ci_level=ci_level, random_state=random_state,
    )

    out = key_frame.assign(
        n_mentions=n_mentions.astype(np.int64),
        n_articles=n_articles.astype(np.int64),
        mean=mean,
        ci_low=ci_low,
        ci_high=ci_high,
        share_positive=shares["positive"],
        share_neutral=shares["neutral"],
        share_negative=shares["negative"],
    )
    out = out[keep].reset_index(drop=True)
    out.attrs.update(attrs)
    return out


def summarise_articles(scored, *, value="polarity", docvars=ARTICLE_DOCVARS):
    """Average the scores of each actor within each article (article-level sentiment).

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        One row per mention with columns ``article_id``, ``actor_id`` and `value`.
    value : str, default='polarity'
        Numeric score column to average, e.g. ``polarity`` in [-1, 1].
    docvars : sequence of str, default=ARTICLE_DOCVARS
        Article-level columns to carry over (first non-missing value per article); names that
        are absent from `scored` are skipped.

    Returns
    -------
    articles : pandas.DataFrame of shape (n_article_actor_pairs, 2 + n_docvars + 3)
        One row per (``article_id``, ``actor_id``), sorted by both. Columns: ``article_id``,
        ``actor_id``, the docvars present, ``n_mentions`` (int, all mentions, scored or not),
        ``n_scored`` (int, mentions with a non-missing value) and ``mean`` (float, mean of
        `value` over the scored mentions; NaN when there are none).

    Raises
    ------
    MissingColumnError
        If ``article_id``, ``actor_id`` or `value` is absent.
    TypeError
        If `value` is not numeric.

    Notes
    -----
    Pass the result to :func:`aggregate_scores` with ``value='mean'`` to weight every article
    equally instead of every mention.

    Examples
    --------
    >>> scored = pd.DataFrame({"article_id": ["a1", "a1", "a2"], "actor_id": ["z", "z", "z"],
    ...                        "polarity": [0.4, np.nan, -0.2]})
    >>> summarise_articles(scored)[["article_id", "n_mentions", "n_scored", "mean"]].values.tolist()
    [['a1', 2, 1, 0.4], ['a2', 1, 1, -0.2]]
    """
    func = "summarise_articles"
    require_columns(scored, ["article_id", "actor_id", value], func, what="scored mentions table")
    if not pd.api.types.is_numeric_dtype(scored[value]):
        raise TypeError(
            f"Column {value!r} (the 'value' parameter of {func}()) must be numeric. "
            f"Got dtype {scored[value].dtype!s}."
        )
    docvars = [c for c in _check_by(docvars, func, "docvars") if c in scored.columns]
    docvars = [c for c in docvars if c not in ("article_id", "actor_id", value)]
    keys = ["article_id", "actor_id"]
    # Sorting by value first makes the float sums independent of the input row order.
    df = scored[keys + docvars + [value]].sort_values(keys + [value], kind="mergesort")
    grouped = df.groupby(keys, sort=True, observed=True)
    out = grouped[value].agg(["size", "count", "sum"])
    out.columns = ["n_mentions", "n_scored", "_sum"]
    out["mean"] = np.where(out["n_scored"] > 0, out["_sum"] / out["n_scored"].clip(lower=1), np.nan)
    if docvars:
        firsts = df.groupby("article_id", sort=True)[docvars].first()
        out = out.join(firsts, on="article_id")
    out = out.reset_index()
    out["n_mentions"] = out["n_mentions"].astype(np.int64)
    out["n_scored"] = out["n_scored"].astype(np.int64)
    return out[keys + docvars + ["n_mentions", "n_scored", "mean"]]


def article_sentiment(articles, scored, *, value="polarity"):
    """Give every article its mean sentiment over all scored actor mentions.

    Unlike :func:`summarise_articles`, the result has one row per article of the
    corpus, including articles with no mention, an empty text or an unsupported
    language: their sentiment is NaN (missing), never 0.0, so they drop out of any mean.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        The articles table of :func:`framing.corpus.load_corpus`; needs ``article_id``.
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        Scored mentions with ``article_id`` and `value`.
    value : str, default='polarity'
        Score column, e.g. ``polarity`` in [-1, 1].

    Returns
    -------
    table : pandas.DataFrame of shape (n_articles, n_article_columns + 3)
        `articles` (without ``title`` and ``text``) in its order plus ``n_mentions`` (int),
        ``n_scored`` (int, mentions with a score) and ``mean`` (float in [-1, 1], NaN when
        ``n_scored == 0``).

    Raises
    ------
    MissingColumnError
        If ``article_id`` or `value` is absent.
    """
    func = "article_sentiment"
    require_columns(articles, ["article_id"], func, what="articles table")
    require_columns(scored, ["article_id", value], func, what="scored mentions table")
    stats = scored.groupby("article_id", sort=True)[value].agg(["size", "count", "sum"])
    out = articles.drop(columns=[c for c in ("title", "text") if c in articles.columns])
    out = out.join(stats, on="article_id")
    out["n_mentions"] = out["size"].fillna(0).astype(np.int64)
    out["n_scored"] = out["count"].fillna(0).astype(np.int64)
    out["mean"] = np.where(out["n_scored"] > 0, out["sum"] / out["n_scored"].clip(lower=1), np.nan)
    return out.drop(columns=["size", "count", "sum"]).reset_index(drop=True)


def _article_units(frame, by, period, count_duplicates, func, what, reference=None):
    """Validate and prepare a table for counting: de-duplicate and add the period."""
    required = [*by, "article_id"]
    if period is not None or count_duplicates == "once":
        required.append("published")
    if count_duplicates == "once":
        required.append("duplicate_group")
    require_columns(frame, required, func, what=what)
    df = frame
    if count_duplicates == "once":
        df = _drop_duplicate_articles(df, func, reference=reference)
    if period is not None:
        df = add_period(df, period)
        df = df[df["period"].notna()]
    return df


def count_articles(articles, by=("outlet",), *, period="month", count_duplicates="per_outlet"):
    """Count distinct articles per group and period (input of ``plot_articles_by_outlet``).

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        Articles (or any table with one or more rows per article) with ``article_id``, the
        `by` columns and ``published``.
    by : str or sequence of str, default=('outlet',)
        Grouping columns.
    period : {'week', 'month'} or None, default='month'
        Period of ``published`` (UTC); articles with a missing date are left out.
    count_duplicates : {'per_outlet', 'once'}, default='per_outlet'
        As in :func:`aggregate_scores`.

    Returns
    -------
    counts : pandas.DataFrame of shape (n_groups * n_periods, len(by) + [1] + 1)
        The `by` columns, ``period`` (``datetime64[ns]``) and ``n_articles`` (int >= 0). Every
        observed combination of the `by` values appears in every observed period (zeros
        filled), sorted by the keys. ``counts.attrs['period']`` records `period`.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `period` or `count_duplicates` is invalid.
    """
    func = "count_articles"
    by = _check_by(by, func)
    _check_period(period, func)
    _check_count_duplicates(count_duplicates, func)
    keys = by + (["period"] if period is not None else [])
    if not keys:
        raise ValueError(f"{func}() needs 'by' columns or a 'period'. Got by={by!r}, period=None.")
    df = _article_units(articles, by, period, count_duplicates, func, "articles table")
    df = df.dropna(subset=keys)
    counts = df.groupby(keys, sort=True, observed=True)["article_id"].nunique()
    if period is not None and by:
        groups = counts.index.droplevel("period").unique()
        periods = counts.index.get_level_values("period").unique().sort_values()
        full = pd.MultiIndex.from_tuples(
            [(*(g if isinstance(g, tuple) else (g,)), p) for g in groups for p in periods],
            names=keys,
        )
        counts = counts.reindex(full, fill_value=0).sort_index()
    out = _decoded(counts.rename("n_articles").reset_index())
    out["n_articles"] = out["n_articles"].astype(np.int64)
    out.attrs["period"] = period
    return out


def salience(
    mentions,
    by=("outlet",),
    *,
    articles=None,
    period=None,
    count_duplicates="per_outlet",
    ci_level=0.95,
    top_actors=None,
):
    """Measure how prominent each actor is per group: mentions, share of articles, rates.

    Parameters
    ----------
    mentions : pandas.DataFrame of shape (n_mentions, n_columns)
        One row per mention (scored or not) with ``article_id``, ``actor_id`` and the `by`
        columns (plus ``published`` / ``duplicate_group`` as `period` and
        `count_duplicates` require).
    by : str or sequence of str, default=('outlet',)
        Grouping columns (``actor_id`` is always added as the innermost key).
    articles : pandas.DataFrame, optional
        The full articles table (``article_id`` + the `by` columns). When given, the
        denominator is every article in the group, including those that mention no actor;
        otherwise it is the articles with at least one mention in `mentions`.
    period : {'week', 'month'} or None, default=None
        Also group by period of ``published`` (see :func:`add_period`).
    count_duplicates : {'per_outlet', 'once'}, default='per_outlet'
        As in :func:`aggregate_scores`; applied to numerator and denominator alike.
    ci_level : float, default=0.95
        Level of the Wilson score interval for ``share_articles``.
    top_actors : int, optional
        Keep the `top_actors` actors with most mentions overall (ties by id) and pool the
        others into one actor :data:`OTHER` (``'other'``): its ``n_articles`` counts the
        articles that mention any of them. None keeps every actor.

    Returns
    -------
    table : pandas.DataFrame of shape (n_groups * n_actors, len(by) + [1] + 8)
        One row per group and actor (every actor seen in `mentions` × every group, zeros
        filled), sorted by the keys. Columns: the `by` columns, ``period`` (when set),
        ``actor_id``, ``n_mentions`` (int), ``n_articles`` (int, articles mentioning the actor),
        ``n_articles_total`` (int, denominator), ``share_articles`` (float in [0, 1]),
        ``share_ci_low``, ``share_ci_high`` (Wilson interval at `ci_level`) and
        ``mentions_per_1000_articles`` (float >= 0). ``table.attrs['ci_level']`` is set.

    Raises
    ------
    MissingColumnError
        If a required column is absent from `mentions` or `articles`.
    ValueError
        If `period`, `count_duplicates` or `ci_level` is invalid, or `by` contains ``actor_id``.

    Notes
    -----
    The Wilson score interval (Wilson, 1927, JASA 22(158)) treats articles as independent
    trials; it is reported for reading off uncertainty, not for clustered designs.
    """
    func = "salience"
    by = _check_by(by, func)
    _check_period(period, func)
    _check_count_duplicates(count_duplicates, func)
    ci_level = check_ci_level(ci_level, func)
    if "actor_id" in by:
        raise ValueError(
            f"The 'by' parameter of {func}() must not contain 'actor_id' (it is always added). "
            f"Got {by!r}."
        )
    keys = by + (["period"] if period is not None else [])
    require_columns(mentions, ["actor_id"], func, what="mentions table")
    if top_actors is not None:
        check_int(top_actors, "top_actors", func, 1)
        ids = mentions["actor_id"]
        counts = ids.value_counts()  # categoricals: on their codes, without making strings
        counts = counts[counts > 0]
        ranked = pd.DataFrame({"actor_id": counts.index.astype(str), "count": counts.to_numpy()})
        ranked = ranked.groupby("actor_id", as_index=False)["count"].sum()  # 1 and "1" alike
        ranked = ranked.sort_values(["count", "actor_id"], ascending=[False, True])
        keep = set(ranked["actor_id"].iloc[:top_actors])
        if len(ranked) > top_actors:
            if isinstance(ids.dtype, pd.CategoricalDtype):  # pool on the categories
                pooled = [n if n in keep else OTHER for n in ids.cat.categories.astype(str)]
                merged = sorted(set(pooled))  # sorted categories: groups sort as strings
                code_of = {name: i for i, name in enumerate(merged)}
                lookup = np.array([code_of[n] for n in pooled] + [-1])  # code -1: missing
                mentions = mentions.assign(actor_id=pd.Categorical.from_codes(
                    lookup[ids.cat.codes.to_numpy()], categories=merged))
            else:
                ids = ids.astype(str)
                mentions = mentions.assign(
                    actor_id=ids.where(ids.isin(keep) | mentions["actor_id"].isna(), OTHER)
                )
    if articles is not None:
        arts = _article_units(articles, by, period, count_duplicates, func, "articles table")
        ment = _article_units(mentions, by, period, "per_outlet", func, "mentions table")
        ment = ment[ment["article_id"].isin(arts["article_id"])]
    else:
        ment = _article_units(mentions, by, period, count_duplicates, func, "mentions table")
        arts = ment
    arts = arts.dropna(subset=keys) if keys else arts
    ment = ment.dropna(subset=[*keys, "actor_id"])

    if keys:
        totals = arts.groupby(keys, sort=True, observed=True)["article_id"].nunique()
    else:
        totals = pd.Series([arts["article_id"].nunique()], index=pd.Index([0], name="_all"))
        ment = ment.assign(_all=0)
        keys = ["_all"]
    inner = [*keys, "actor_id"]
    grouped = ment.groupby(inner, sort=True, observed=True)
    counts = pd.DataFrame(
        {"n_mentions": grouped.size(), "n_articles": grouped["article_id"].nunique()}
    )
    actors = np.sort(ment["actor_id"].unique())
    group_tuples = [g if isinstance(g, tuple) else (g,) for g in totals.index]
    full = pd.MultiIndex.from_tuples([(*g, a) for g in group_tuples for a in actors], names=inner)
    table = counts.reindex(full, fill_value=0)
    table["n_articles_total"] = totals.reindex(table.index.droplevel("actor_id")).to_numpy()
    table = _decoded(table.reset_index())
    if "_all" in table.columns:
        table = table.drop(columns="_all")
    n = table["n_articles_total"].to_numpy(dtype=float)
    x = table["n_articles"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / n
        z = NormalDist().inv_cdf(0.5 + ci_level / 2)
        centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
        table["share_articles"] = p
        table["share_ci_low"] = np.clip(centre - half, 0, 1)
        table["share_ci_high"] = np.clip(centre + half, 0, 1)
        table["mentions_per_1000_articles"] = 1000 * table["n_mentions"] / n
    for c in ("n_mentions", "n_articles", "n_articles_total"):
        table[c] = table[c].astype(np.int64)
    table.attrs["ci_level"] = ci_level
    return table


def default_period(published, *, max_weeks: int = 52) -> str:
    """The time bin for over-time views when none is chosen: week, or month for long spans.

    Parameters
    ----------
    published : pandas.Series of datetime64[ns, UTC]
        Publication times (NaT ignored).
    max_weeks : int, default=52
        Longest span, in weeks, still shown per week.

    Returns
    -------
    period : {'week', 'month'}
        ``"week"`` when the dated articles span at most `max_weeks` weeks (or none are
        dated), else ``"month"``: a weekly series over years is mostly gaps.
    """
    dates = pd.to_datetime(pd.Series(published), utc=True).dropna()
    if dates.empty:
        return "week"
    return "week" if (dates.max() - dates.min()) <= pd.Timedelta(weeks=max_weeks) else "month"


def study_window(scored, *, period="week", start=None, end=None, trim=True, min_share=0.1):
    """Choose the time window of a time figure and count what falls outside it.

    Without `start`/`end`, the window runs from the first to the last period, minus sparse
    tails when `trim` is True: leading and trailing periods with fewer rows than
    ``min_share`` × the median of the non-empty periods are dropped (a few stray articles
    years before the coverage starts no longer stretch the axis). Gaps inside the window
    are kept.

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_rows, n_columns)
        Rows with a ``published`` column (mentions or articles); undated rows are ignored.
    period : {'week', 'month'}, default='week'
        Period used to find the sparse tails (as :func:`add_period`).
    start, end : str or pandas.Timestamp, optional
        Fixed window bounds (UTC dates, inclusive); given bounds are not trimmed.
    trim : bool, default=True
        Trim sparse tails where a bound is not given.
    min_share : float, default=0.1
        Threshold of a sparse period, relative to the median non-empty period (0–1).

    Returns
    -------
    rows : pandas.DataFrame
        The dated rows of `scored` inside the window.
    window : dict
        ``window_start``, ``window_end`` (ISO dates, inclusive, UTC), ``n_before_window``
        and ``n_after_window`` (int, dated rows left out before and after). Assign them to
        the figure's table (``series.assign(**window)``) so the CSV records the window.

    Raises
    ------
    MissingColumnError
        If ``published`` is absent.
    ValueError
        If `period` or `min_share` is invalid, or `start` is after `end`.
    """
    func = "study_window"
    _check_period(period, func, allow_none=False)
    if not 0 <= float(min_share) <= 1:
        raise ValueError(
            f"The 'min_share' parameter of {func}() must be in [0, 1]. Got {min_share!r} instead."
        )
    df = add_period(scored[["published"]], period)  # not a copy of every column
    df = df[df["period"].notna()]
    day = _to_utc_naive(df["published"], "published", func).dt.normalize()
    lo = pd.Timestamp(start).tz_localize(None).normalize() if start else None
    hi = pd.Timestamp(end).tz_localize(None).normalize() if end else None
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"{func}(): start {start!r} is after end {end!r}.")
    if len(df) and trim and (lo is None or hi is None):
        counts = df.groupby("period").size()
        threshold = float(min_share) * float(counts.median())
        dense = counts[counts >= threshold].index
        if lo is None:
            lo = dense.min()
        if hi is None:
            last = dense.max()
            hi = (last + pd.offsets.MonthEnd(1)) if period == "month" else last + pd.Timedelta(days=6)
    if len(df):
        lo = day.min() if lo is None else lo
        hi = day.max() if hi is None else hi
    before = day < lo if lo is not None else pd.Series(False, index=df.index)
    after = day > hi if hi is not None else pd.Series(False, index=df.index)
    window = {
        "window_start": None if lo is None else lo.date().isoformat(),
        "window_end": None if hi is None else hi.date().isoformat(),
        "n_before_window": int(before.sum()),
        "n_after_window": int(after.sum()),
    }
    keep = df.index[~(before | after)]
    # nothing cut: the table itself (copy-on-write keeps it safe), not a copy of every column
    rows = scored if len(keep) == len(scored) else scored.loc[keep]
    return rows, window


def rolling_scores(scored, by=("outlet", "actor_id"), *, period="week", window_periods=None,
                   **kwargs):
    """Mean and article-bootstrap CI per group over a centred rolling window of periods.

    Each period's row summarises the mentions of the `window_periods` periods around it
    (for an even window, one more after than before), so the line is smoothed and its CI
    is the bootstrap CI of that windowed mean (articles resampled), not a smoothed CI.
    With ``window_periods=1`` this is :func:`aggregate_scores` with `period`.

    Parameters
    ----------
    scored : pandas.DataFrame
        As for :func:`aggregate_scores`, with ``published``.
    by : str or sequence of str, default=('outlet', 'actor_id')
    period : {'week', 'month'}, default='week'
    window_periods : int, optional
        Periods per window (>= 1). None: about one window per 40th of the span,
        ``max(1, round(n_periods / 40))`` (1 up to 60 periods, 4 for three years of weeks).
    **kwargs
        Passed to :func:`aggregate_scores` (``value``, ``n_bootstrap``, ``ci_level``,
        ``random_state``, ``count_duplicates``, ``min_mentions``: applied to the window).

    Returns
    -------
    table : pandas.DataFrame
        As :func:`aggregate_scores` with `period` (``n_mentions`` etc. count the window),
        plus ``n_mentions_period`` (int, mentions in the period itself). Only periods
        between the first and the last observed period appear. ``attrs['period']`` and
        ``attrs['smooth_periods']`` record the settings.

    Raises
    ------
    MissingColumnError, ValueError
        As :func:`aggregate_scores`; ValueError also if `window_periods` < 1.
    """
    func = "rolling_scores"
    _check_period(period, func, allow_none=False)
    by = _check_by(by, func)
    df = add_period(scored, period)
    df = df[df["period"].notna()]
    if window_periods is None:
        span = len(pd.period_range(df["period"].min(), df["period"].max(),
                                   freq="W" if period == "week" else "M")) if len(df) else 1
        window_periods = max(1, round(span / 40))
    k = check_int(window_periods, "window_periods", func, 1)
    offsets = range(-(k // 2) + (1 - k % 2), k - k // 2 + (1 - k % 2)) if k > 1 else [0]
    step = (lambda o: pd.DateOffset(months=o)) if period == "month" else (
        lambda o: pd.Timedelta(weeks=o))
    lo, hi = (df["period"].min(), df["period"].max()) if len(df) else (None, None)
    parts = [df.assign(period=df["period"] - step(o)) for o in offsets]
    wide = pd.concat(parts, ignore_index=True) if parts else df
    if lo is not None:
        wide = wide[(wide["period"] >= lo) & (wide["period"] <= hi)]
    table = aggregate_scores(wide, by=(*by, "period"), **kwargs)
    own = df.groupby([*by, "period"], observed=True).size().rename("n_mentions_period")
    table = table.merge(own.reset_index(), on=[*by, "period"], how="left")
    table["n_mentions_period"] = table["n_mentions_period"].fillna(0).astype(np.int64)
    table.attrs.update({"period": period, "smooth_periods": k,
                        "ci_level": kwargs.get("ci_level", 0.95)})
    return table
