"""Out-of-core aggregation of a scores dataset with DuckDB."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.scale import layout, read

__all__ = [
    "aggregate_dataset",
]


def _selection_sql(outlets, actors, start, end) -> tuple[list[str], list]:
    """SQL conditions with ``?`` placeholders, and their values, for a row selection."""
    import datetime as dt

    conditions, params = [], []
    for column, wanted in (("outlet", outlets), ("actor_id", actors)):
        if wanted:
            conditions.append(f"{column} IN ({', '.join('?' * len(wanted))})")
            params += [str(w) for w in wanted]
    if start:
        conditions.append("published >= ?")
        params.append(pd.Timestamp(start, tz="UTC").to_pydatetime())
    if end:
        conditions.append("published < ?")
        params.append((pd.Timestamp(end, tz="UTC") + dt.timedelta(days=1)).to_pydatetime())
    return conditions, params


def _quote_ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def aggregate_dataset(
    dataset_dir,
    by=("outlet", "actor_id"),
    *,
    period=None,
    value="polarity",
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
    count_duplicates="per_outlet",
    min_mentions=1,
    outlets=None,
    actors=None,
    start=None,
    end=None,
) -> pd.DataFrame:
    """Aggregate a scores dataset per group out of core, as :func:`aggregate_scores` does.

    DuckDB reduces the Parquet dataset to one row per group × article (sum and
    count of `value`, label counts); only that table is loaded, and the article
    bootstrap runs on it. The result has the columns, order and numbers of
    :func:`framing.aggregate.aggregate_scores` on the same mentions (up to
    floating-point summation order, ~1e-15).

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.
    by : sequence of str, default=('outlet', 'actor_id')
        Mention columns to group by.
    period : {'week', 'month'} or None, default=None
        Add a ``period`` column (start of the UTC week/month of ``published``).
    value : str, default='polarity'
        Numeric column to average (range of the scorer, e.g. [-1, 1]).
    n_bootstrap : int, default=1000
    ci_level : float, default=0.95
        In (0, 1).
    random_state : int or None, default=0
    count_duplicates : {'per_outlet', 'once'}, default='per_outlet'
        ``'once'`` keeps one article per ``duplicate_group`` (earliest, then id).
    min_mentions : int, default=1
        Drop groups with fewer mentions.
    outlets, actors : sequence of str, optional
        Use only mentions of these outlets / actor ids (empty or None: all), as
        :func:`framing.pipeline.select_rows` keeps them.
    start, end : str, optional
        ISO-8601 dates, inclusive (`end` covers its whole day, UTC); with either,
        undated mentions are left out.

    Returns
    -------
    table : pandas.DataFrame of shape (n_groups, len(by) + 8 or 9)
        ``by`` columns (+ ``period``), ``n_mentions``, ``n_articles``, ``mean``,
        ``ci_low``, ``ci_high``, ``share_positive``, ``share_neutral``,
        ``share_negative``.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    ValueError
        For invalid options (as in :func:`~framing.aggregate.aggregate_scores`).

    Examples
    --------
    >>> aggregate_dataset("scores/", by=("actor_id",), period="month")  # doctest: +SKIP
    """
    from framing import aggregate as agg

    func = "aggregate_dataset"
    dataset_dir = layout.check_dataset(dataset_dir, func)
    by, ci_level, n_bootstrap, min_mentions, random_state = agg.check_group_options(
        func, by=by, period=period, count_duplicates=count_duplicates, ci_level=ci_level,
        n_bootstrap=n_bootstrap, min_mentions=min_mentions, random_state=random_state,
    )
    keys = list(by) + (["period"] if period is not None else [])
    if not keys:
        raise ValueError(
            f"The 'by' parameter of {func}() is empty and period is None, so there is nothing "
            f"to group by. Got by={by!r}; pass e.g. by=('actor_id',)."
        )
    if not layout.part_files(dataset_dir, layout.MENTIONS_DIR):
        raise ValueError(f"Dataset {str(dataset_dir)!r} holds no mentions; nothing to aggregate.")
    con = read.connect_duckdb()
    src = f"read_parquet('{layout.parquet_glob(dataset_dir, 'mentions')}', union_by_name=true)"
    cols = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
    missing = [c for c in [*by, value, "article_id"] if c not in cols]
    if missing:
        from framing.exceptions import MissingColumnError

        raise MissingColumnError(
            f"Column(s) {missing!r} needed by {func}() are not in the dataset {str(dataset_dir)!r}. "
            f"Columns found: {sorted(cols)!r}."
        )
    v = _quote_ident(value)
    group_sql = [_quote_ident(c) for c in by]
    if period is not None:
        unit = "week" if period == "week" else "month"
        group_sql.append(f"date_trunc('{unit}', timezone('UTC', published)) AS period")
    where = [f"{v} IS NOT NULL", *[f"{_quote_ident(c)} IS NOT NULL" for c in by]]
    if period is not None:
        where.append("published IS NOT NULL")
    selection, params = _selection_sql(outlets, actors, start, end)
    if count_duplicates == "once":
        article_sel, article_params = _selection_sql(outlets, None, start, end)
        where.append(
            "article_id IN (SELECT article_id FROM (SELECT article_id, row_number() OVER ("
            "PARTITION BY duplicate_group ORDER BY published NULLS LAST, article_id) AS r "
            f"FROM read_parquet('{layout.parquet_glob(dataset_dir, 'articles')}', "
            f"union_by_name=true) WHERE {' AND '.join(article_sel or ['TRUE'])}) WHERE r = 1)"
        )
        params = article_params + params  # the subquery's placeholders come first
    where += selection
    has_label = "label" in cols
    label_sql = (
        "count(label) AS known, count(*) FILTER (WHERE label = 'positive') AS pos, "
        "count(*) FILTER (WHERE label = 'neutral') AS neu, "
        "count(*) FILTER (WHERE label = 'negative') AS neg"
        if has_label else
        f"count(*) AS known, count(*) FILTER (WHERE {v} > {agg.NEUTRAL_BAND}) AS pos, "
        f"count(*) FILTER (WHERE {v} BETWEEN -{agg.NEUTRAL_BAND} AND {agg.NEUTRAL_BAND}) AS neu, "
        f"count(*) FILTER (WHERE {v} < -{agg.NEUTRAL_BAND}) AS neg"
    )
    key_names = [_quote_ident(c) for c in keys]
    sql = (
        f"SELECT {', '.join(group_sql)}, article_id, sum({v}) AS s, count({v}) AS c, {label_sql} "
        f"FROM {src} WHERE {' AND '.join(where)} "
        f"GROUP BY ALL ORDER BY {', '.join(key_names)}, article_id"
    )
    per_article = con.execute(sql, params).df()
    attrs = {"value": value, "period": period, "ci_level": ci_level,
             "n_bootstrap": n_bootstrap, "random_state": random_state,
             "count_duplicates": count_duplicates,
             "ci_method": "percentile, articles resampled within group"}
    if period is not None:
        per_article["period"] = pd.to_datetime(per_article["period"]).astype("datetime64[ns]")
    if per_article.empty:
        out = pd.DataFrame(columns=[*keys, *agg.STAT_COLUMNS])
        out.attrs.update(attrs)
        return out
    grouped = per_article.groupby(keys, sort=True, observed=True)
    gcode = grouped.ngroup().to_numpy()
    key_frame = grouped.size().index.to_frame(index=False)
    order = np.argsort(gcode, kind="stable")
    per_article = per_article.iloc[order].reset_index(drop=True)
    g = gcode[order]
    art_sum = per_article["s"].to_numpy(dtype=float)
    art_cnt = per_article["c"].to_numpy(dtype=np.int64)
    grp_start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    grp_end = np.r_[grp_start[1:], g.size]
    n_groups = len(key_frame)
    n_mentions = np.add.reduceat(art_cnt, grp_start)
    n_articles = grp_end - grp_start
    mean = np.add.reduceat(art_sum, grp_start) / n_mentions
    known = np.bincount(g, weights=per_article["known"].to_numpy(float), minlength=n_groups)
    shares = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for name, col in (("positive", "pos"), ("neutral", "neu"), ("negative", "neg")):
            counts = np.bincount(g, weights=per_article[col].to_numpy(float), minlength=n_groups)
            shares[name] = np.where(known > 0, counts / known, np.nan)
    keep = n_mentions >= min_mentions
    ci_low, ci_high = agg.bootstrap_group_cis(
        art_sum, art_cnt, grp_start, key_frame, keep, n_bootstrap=n_bootstrap,
        ci_level=ci_level, random_state=random_state,
    )
    out = key_frame.assign(
        n_mentions=n_mentions.astype(np.int64), n_articles=n_articles.astype(np.int64),
        mean=mean, ci_low=ci_low, ci_high=ci_high, share_positive=shares["positive"],
        share_neutral=shares["neutral"], share_negative=shares["negative"],
    )
    out = out[keep].reset_index(drop=True)
    out.attrs.update(attrs)
    return out

