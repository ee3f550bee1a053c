"""Voice views: who gets quoted, how each voice sounds, and who is for or against whom.

Builds tidy tables from the statements table (:func:`framing.quotes.find_statements`)
and the stance table (:func:`framing.stance.score_stance`): voice shares per outlet and
period, journalist-voice vs quoted-voice sentiment per actor, and the holder → target
stance network. Reads no files and draws nothing.

>>> shares = voice_share(statements, articles, by=("outlet",))  # doctest: +SKIP
>>> edges = stance_network(stance, by=("outlet",), min_n=2)  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.aggregate import PERIODS, require_columns, add_period, aggregate_scores
from framing.exceptions import MissingColumnError

#: Values of the ``voice`` column added by :func:`voice_sentiment`.
VOICES = ("journalist", "quoted")
#: Holder id of the outlet's own voice (as in :data:`framing.stance.JOURNALIST`).
JOURNALIST = "journalist"
#: Holder id of a statement whose speaker maps to no actor (:data:`framing.quotes.UNKNOWN_HOLDER`).
UNKNOWN = "unknown"
#: Columns of :func:`voice_share` output after the group keys and ``holder_id``.
SHARE_COLUMNS = (
    "n_statements",
    "n_direct",
    "n_reported",
    "n_articles",
    "n_group",
    "share",
    "share_direct",
    "share_reported",
)
#: Columns of :func:`stance_network` output after the group keys.
EDGE_COLUMNS = (
    "holder_id",
    "target_id",
    "n",
    "n_articles",
    "mean",
    "ci_low",
    "ci_high",
    "share_favor",
    "share_none",
    "share_against",
)
_STANCE_TO_LABEL = {"favor": "positive", "none": "neutral", "against": "negative"}
_MENTION_KEY = ("article_id", "field", "start", "end", "actor_id")


def _require(table, columns, func, name):
    require_columns(table, columns, func, what=f"{name!r} table")


def _as_by(by, func):
    if isinstance(by, str):
        by = (by,)
    by = tuple(by)
    if not all(isinstance(b, str) and b for b in by):
        raise ValueError(
            f"The 'by' parameter of {func}() must be a str or a sequence of column names. "
            f"Got {by!r} instead."
        )
    return by


def _check_period(period, func):
    if period is not None and period not in PERIODS:
        raise ValueError(
            f"The 'period' parameter of {func}() must be one of {PERIODS!r} or None. "
            f"Got {period!r} instead."
        )


def _with_docvars(table, articles, needed, func):
    """Join article columns (outlet, published, group columns) that `table` lacks."""
    missing = [c for c in needed if c not in table.columns]
    if not missing:
        return table
    if articles is None:
        raise MissingColumnError(
            f"{func}() needs column(s) {missing!r}, which the table lacks; pass the "
            f"'articles' table (from load_corpus) so they can be joined by 'article_id'."
        )
    _require(articles, ["article_id", *missing], func, "articles")
    docvars = articles[["article_id", *missing]].drop_duplicates("article_id")
    return table.merge(docvars, on="article_id", how="left", validate="many_to_one")


def _same_values(a, b):
    """Row-wise ``a == b`` as text, also for categoricals with different categories (on
    their codes: no strings are made). Missing values are equal to nothing."""
    if isinstance(a.dtype, pd.CategoricalDtype) and isinstance(b.dtype, pd.CategoricalDtype):
        to_b = b.cat.categories.get_indexer(a.cat.categories.astype(str))
        codes_a, codes_b = a.cat.codes.to_numpy(), b.cat.codes.to_numpy()
        mapped = np.where(codes_a >= 0, to_b[codes_a], -1)
        return pd.Series((mapped == codes_b) & (codes_b >= 0), index=a.index)
    return (a.astype(str) == b.astype(str)) & a.notna() & b.notna()


def voice_share(statements, articles=None, *, by=("outlet",), period=None, include_unknown=True):
    """Share of the attributed statements that each holder gets, per group.

    Counts the statements of every holder (the quoted or paraphrased actor) in
    each group of `by` (and period), split into direct quotes and reported speech,
    and divides by the group's total, so the shares of a group sum to 1.

    Parameters
    ----------
    statements : pandas.DataFrame of shape (n_statements, 15)
        From :func:`framing.quotes.find_statements`. Required columns ``article_id``,
        ``holder_id``, ``kind`` ({'direct', 'reported'}); ``published`` when `period`
        is set; the `by` columns unless `articles` supplies them.
    articles : pandas.DataFrame, optional
        From :func:`framing.corpus.load_corpus`; used to join `by` columns the
        statements lack (e.g. ``leaning`` from the outlet map).
    by : str or sequence of str, default=('outlet',)
        Group columns; may be empty (one group: the whole corpus).
    period : {'week', 'month'} or None, default=None
        Also group by the start of the week or month of ``published`` (UTC);
        statements of undated articles are then left out.
    include_unknown : bool, default=True
        Keep statements whose speaker maps to no actor (holder ``'unknown'``). With
        False they are dropped before the shares are computed.

    Returns
    -------
    table : pandas.DataFrame of shape (n_groups * n_holders, len(by) + [1] + 9)
        One row per group and holder with at least one statement, sorted by group and
        descending ``n_statements``: the `by` columns, ``period`` (when set),
        ``holder_id``, ``n_statements``, ``n_direct``, ``n_reported`` (int),
        ``n_articles`` (int, articles in which the holder is quoted), ``n_group`` (int,
        statements in the group), ``share`` = ``n_statements / n_group``,
        ``share_direct``, ``share_reported`` (float in [0, 1]; ``share_direct +
        share_reported == share``; ``share`` sums to 1 per group).

    Raises
    ------
    MissingColumnError
        If a required column is absent from `statements` (or `articles`).
    ValueError
        If `by` or `period` is invalid.
    TypeError
        If `statements` is not a DataFrame.

    Examples
    --------
    >>> st = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["X", "X", "X"],
    ...                    "holder_id": ["russia", "usa", "russia"],
    ...                    "kind": ["direct", "reported", "reported"]})
    >>> voice_share(st)[["holder_id", "n_statements", "share"]].round(3).values.tolist()
    [['russia', 2, 0.667], ['usa', 1, 0.333]]
    """
    func = "voice_share"
    by = _as_by(by, func)
    _check_period(period, func)
    _require(statements, ["article_id", "holder_id", "kind"], func, "statements")
    df = _with_docvars(statements, articles, [*by, *(("published",) if period else ())], func)
    if not include_unknown:
        df = df[df["holder_id"] != UNKNOWN]
    keys = list(by)
    if period is not None:
        df = add_period(df, period).dropna(subset=["period"])
        keys.append("period")
    df = df.dropna(subset=[*keys, "holder_id"])
    df = df.assign(
        _direct=(df["kind"] == "direct").astype(np.int64),
        _reported=(df["kind"] != "direct").astype(np.int64),
    )
    cols = [*keys, "holder_id", *SHARE_COLUMNS]
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    grouped = df.groupby([*keys, "holder_id"], sort=True, observed=True, dropna=True)
    out = grouped.agg(
        n_statements=("kind", "size"),
        n_direct=("_direct", "sum"),
        n_reported=("_reported", "sum"),
        n_articles=("article_id", "nunique"),
    ).reset_index()
    if keys:
        out["n_group"] = out.groupby(keys, observed=True)["n_statements"].transform("sum")
    else:
        out["n_group"] = out["n_statements"].sum()
    for c in ("n_statements", "n_direct", "n_reported", "n_articles", "n_group"):
        out[c] = out[c].astype(np.int64)
    out["share"] = out["n_statements"] / out["n_group"]
    out["share_direct"] = out["n_direct"] / out["n_group"]
    out["share_reported"] = out["n_reported"] / out["n_group"]
    out = out.sort_values(
        [*keys, "n_statements", "holder_id"],
        ascending=[True] * len(keys) + [False, True],
        ignore_index=True,
    )
    out.attrs.update({"period": period, "include_unknown": bool(include_unknown)})
    return out[cols]


def add_voice(stance_table, scored_mentions=None, *, value="polarity"):
    """Add a ``voice`` column (journalist or quoted) and, if needed, the sentiment value.

    Parameters
    ----------
    stance_table : pandas.DataFrame of shape (n_mentions, n_columns)
        From :func:`framing.stance.score_stance`; needs ``holder_id``.
    scored_mentions : pandas.DataFrame, optional
        From :func:`framing.scorers.score_mentions`; joined on ``article_id``,
        ``field``, ``start``, ``end``, ``actor_id`` when `stance_table` lacks `value`.
    value : str, default='polarity'
        The sentiment column (in [-1, 1]).

    Returns
    -------
    table : pandas.DataFrame of shape (n_mentions, n_columns + 1 or 2)
        `stance_table` with ``voice`` ∈ {'journalist', 'quoted'}: ``'journalist'`` when
        ``holder_id == 'journalist'`` (the outlet's own voice), else ``'quoted'`` (a
        quoted or reported speaker, or the subject of an attitude verb).

    Raises
    ------
    MissingColumnError
        If `value` is in neither table, or a join key is missing.
    """
    func = "add_voice"
    _require(stance_table, ["holder_id"], func, "stance_table")
    df = stance_table
    if value not in df.columns:
        if scored_mentions is None:
            raise MissingColumnError(
                f"{func}() found no {value!r} column in 'stance_table'; pass "
                f"'scored_mentions' (from score_mentions) or run score_stance on scored mentions."
            )
        _require(df, _MENTION_KEY, func, "stance_table")
        _require(scored_mentions, [*_MENTION_KEY, value], func, "scored_mentions")
        right = scored_mentions[[*_MENTION_KEY, value]].drop_duplicates(list(_MENTION_KEY))
        df = df.merge(right, on=list(_MENTION_KEY), how="left", validate="many_to_one")
    voice = np.where((df["holder_id"] == JOURNALIST).to_numpy(dtype=bool), VOICES[0], VOICES[1])
    return df.assign(voice=voice)


def voice_sentiment(
    stance_table,
    scored_mentions=None,
    *,
    by=("outlet", "actor_id"),
    value="polarity",
    period=None,
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
    min_mentions=1,
):
    """Mean sentiment toward each actor in the journalist's voice and in quoted voices.

    Every mention is put in the journalist's voice (holder ``'journalist'``) or a
    quoted voice (any other holder) by :func:`add_voice`; the mentions are then
    summarised by :func:`framing.aggregate.aggregate_scores` grouped by `by` and
    ``voice``, so each actor gets two rows per group with their own bootstrap CIs.

    Parameters
    ----------
    stance_table : pandas.DataFrame of shape (n_mentions, n_columns)
        From :func:`framing.stance.score_stance`.
    scored_mentions : pandas.DataFrame, optional
        From :func:`framing.scorers.score_mentions`, when `stance_table` was built
        from unscored mentions (joined by mention span).
    by : str or sequence of str, default=('outlet', 'actor_id')
        Group columns (``voice`` is added).
    value : str, default='polarity'
        Column to average: sentiment (``polarity`` in [-1, 1]) or ``stance_score``.
    period : {'week', 'month'} or None, default=None
    n_bootstrap : int, default=1000
        Bootstrap resamples of articles for the CIs.
    ci_level : float, default=0.95
    random_state : int or None, default=0
    min_mentions : int, default=1
        Groups (actor × voice) with fewer scored mentions are left out.

    Returns
    -------
    table : pandas.DataFrame
        As :func:`framing.aggregate.aggregate_scores` with ``voice`` after the `by`
        columns: ``n_mentions``, ``n_articles``, ``mean``, ``ci_low``, ``ci_high``,
        ``share_positive``, ``share_neutral``, ``share_negative``.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If a parameter is invalid (see :func:`aggregate_scores`).

    Notes
    -----
    The journalist/quoted split follows the voice distinction of framing research
    (e.g. BASIL's quote vs non-quote spans, Fan et al., 2019). The sentiment of a
    quoted mention is the tone of its context, which the quoted speaker wrote.
    """
    by = _as_by(by, "voice_sentiment")
    df = add_voice(stance_table, scored_mentions, value=value)
    return aggregate_scores(
        df,
        by=(*by, "voice"),
        period=period,
        value=value,
        n_bootstrap=n_bootstrap,
        ci_level=ci_level,
        random_state=random_state,
        min_mentions=min_mentions,
    )


def stance_network(
    stance_table,
    *,
    by=("outlet",),
    period=None,
    min_n=1,
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
    include_journalist=False,
    include_unknown=False,
    self_loops=False,
):
    """Holder → target stance edges: how often and how favourably each holder speaks of each actor.

    Every mention with a holder becomes an observation of the directed pair
    (holder, mentioned actor); pairs are summarised per group with the mean stance
    score and an article-level bootstrap CI.

    Parameters
    ----------
    stance_table : pandas.DataFrame of shape (n_mentions, n_columns)
        From :func:`framing.stance.score_stance`; columns ``article_id``,
        ``holder_id``, ``actor_id``, ``stance`` ({'favor', 'against', 'none'}),
        ``stance_score`` (float in [-1, 1]), the `by` columns and ``published``
        when `period` is set.
    by : str or sequence of str, default=('outlet',)
        Group columns (one network per group); may be empty.
    period : {'week', 'month'} or None, default=None
    min_n : int, default=1
        Edges with fewer mentions are left out (>= 1).
    n_bootstrap : int, default=1000
    ci_level : float, default=0.95
    random_state : int or None, default=0
    include_journalist : bool, default=False
        Keep the outlet's own voice as a holder node ``'journalist'``.
    include_unknown : bool, default=False
        Keep holders that map to no actor (``'unknown'``).
    self_loops : bool, default=False
        Keep mentions of the holder itself (``holder_id == actor_id``).

    Returns
    -------
    edges : pandas.DataFrame of shape (n_edges, len(by) + [1] + 10)
        One row per group and directed pair: the `by` columns, ``period`` (when set),
        ``holder_id``, ``target_id`` (str), ``n`` (int >= `min_n`, mentions),
        ``n_articles`` (int), ``mean`` (float in [-1, 1], mean ``stance_score``),
        ``ci_low``, ``ci_high`` (float; NaN with a single article), ``share_favor``,
        ``share_none``, ``share_against`` (float in [0, 1]). ``edges.attrs`` carries
        ``ci_level`` and the other settings.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If `min_n` < 1 or another parameter is invalid.

    Examples
    --------
    >>> st = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"],
    ...                    "holder_id": ["usa", "usa"], "actor_id": ["ukraine"] * 2,
    ...                    "stance": ["favor", "none"], "stance_score": [0.8, 0.0]})
    >>> stance_network(st, n_bootstrap=0)[["holder_id", "target_id", "n", "mean"]].values.tolist()
    [['usa', 'ukraine', 2, 0.4]]
    """
    func = "stance_network"
    by = _as_by(by, func)
    _check_period(period, func)
    if isinstance(min_n, bool) or not isinstance(min_n, int | np.integer) or min_n < 1:
        raise ValueError(
            f"The 'min_n' parameter of {func}() must be an int >= 1. Got {min_n!r} instead."
        )
    _require(
        stance_table,
        [
            "article_id",
            "holder_id",
            "actor_id",
            "stance",
            "stance_score",
            *by,
            *(("published",) if period else ()),
        ],
        func,
        "stance_table",
    )
    df = stance_table
    keep = pd.Series(True, index=df.index)
    if not include_journalist:
        keep &= df["holder_id"] != JOURNALIST
    if not include_unknown:
        keep &= df["holder_id"] != UNKNOWN
    if not self_loops:
        keep &= ~_same_values(df["holder_id"], df["actor_id"])
    cols = [*by, "period", "holder_id", "target_id", *EDGE_COLUMNS[2:]]
    drop = [c for c in ("label", "target_id") if c in df.columns]
    df = df.loc[keep].drop(columns=drop).assign(label=lambda d: d["stance"].map(_STANCE_TO_LABEL))
    if df.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in cols if period or c != "period"})
        empty.attrs.update({"ci_level": ci_level, "value": "stance_score", "period": period})
        return empty
    table = aggregate_scores(
        df,
        by=(*by, "holder_id", "actor_id"),
        period=period,
        value="stance_score",
        n_bootstrap=n_bootstrap,
        ci_level=ci_level,
        random_state=random_state,
        min_mentions=min_n,
    )
    table = table.rename(
        columns={
            "actor_id": "target_id",
            "n_mentions": "n",
            "share_positive": "share_favor",
            "share_neutral": "share_none",
            "share_negative": "share_against",
        }
    )
    keys = [*by, *(("period",) if period else ())]
    out = table[[*keys, *EDGE_COLUMNS]].reset_index(drop=True)
    out.attrs.update(table.attrs)
    out.attrs.update({"min_n": int(min_n), "include_journalist": bool(include_journalist)})
    return out


__all__ = [
    "EDGE_COLUMNS",
    "SHARE_COLUMNS",
    "VOICES",
    "add_voice",
    "stance_network",
    "voice_sentiment",
    "voice_share",
]
