"""Counts and shares: articles per outlet and period; whose statements each group reports.

Layout rules: bars stand on a date axis (ticks thinned by
:class:`matplotlib.dates.AutoDateLocator`) and the y limit leaves room above the tallest
stack; more than `top_k` outlets are pooled into an "other" bucket (the CSV keeps every
outlet). Voice shares are one 100 % bar per group, segments for the `top_n` holders and
"other".
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from framing.plotting import layout as L
from framing.plotting.style import (
    DOUBLE_COLUMN_IN,
    ONE_AND_HALF_COLUMN_IN,
    OTHER_COLOUR,
    OTHER_LABEL,
    PALETTE,
    outlet_styles,
)


def _legend_above(ax, handles, width_in, ncols_max=4):
    labels = [h.get_label() for h in handles]
    ncols = max(1, min(ncols_max, len(handles)))
    while ncols > 1 and (L.labels_width_in(labels, L.SMALL_PT) + 0.35) * ncols > width_in:
        ncols -= 1
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.01), ncols=ncols,
              borderaxespad=0, fontsize=L.SMALL_PT, handlelength=1.2, columnspacing=1.0)


def plot_articles_by_outlet(counts, *, ax=None, stacked=True, top_k=7, group="outlet"):
    """Draw the number of articles per outlet and period as stacked or grouped bars.

    Parameters
    ----------
    counts : pandas.DataFrame of shape (n_rows, 3+)
        Tidy counts, as returned by :func:`framing.aggregate.count_articles`: columns
        `group` (str), ``period`` (datetime64, period start) and ``n_articles`` (int >= 0).
        ``counts.attrs['period']`` ('week' or 'month') sets the bar width.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new 1.5-column figure (2 columns above 36 periods) is created
        when None.
    stacked : bool, default=True
        Stack the outlets' bars (True) or place them side by side (False).
    top_k : int, default=7
        Outlets drawn on their own (most articles first); with more outlets, the rest are
        pooled into one grey ``other (k outlets)`` bar segment.
    group : str, default='outlet'
        Column that names the bars' segments.

    Returns
    -------
    ax : matplotlib.axes.Axes
        One bar container per shown outlet (and "other"); the legend above the axes
        gives each one's total n; the y axis ends 5 % above the tallest bar.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `top_k` < 1.
    """
    func = "plot_articles_by_outlet"
    L.require_columns(counts, [group, "period", "n_articles"], func)
    top_k = L.check_int(top_k, "top_k", func, 1)
    wide = counts.pivot_table(index="period", columns=group, values="n_articles",
                              aggfunc="sum", fill_value=0).sort_index()
    wide.columns = [str(c) for c in wide.columns]
    totals = wide.sum().sort_values(ascending=False, kind="stable")
    other_label = None
    if len(totals) > top_k + 1:
        rest = list(totals.index[top_k:])
        keep = sorted(totals.index[:top_k])
        other_label = f"{OTHER_LABEL} ({len(rest)} {group.replace('_', ' ')}s)"
        wide = wide[keep].assign(**{other_label: wide[rest].sum(axis=1)})
    else:
        wide = wide[sorted(wide.columns)]
    unit = counts.attrs.get("period") or "month"
    days = 30.4 if unit == "month" else 7.0
    x = pd.to_datetime(wide.index)
    width_in = DOUBLE_COLUMN_IN if len(x) > 36 else ONE_AND_HALF_COLUMN_IN
    ax = L.new_axes(ax, width_in, 2.6 + 0.12 * L.ceil_div(wide.shape[1], 3))
    styles = outlet_styles([c for c in wide.columns if c != other_label])
    n_out = max(wide.shape[1], 1)
    bar_w = 0.8 * days if stacked else 0.8 * days / n_out
    bottom = np.zeros(len(x))
    handles = []
    for j, name in enumerate(wide.columns):
        h = wide[name].to_numpy(dtype=float)
        st = styles.get(name, {"color": OTHER_COLOUR, "hatch": ""})
        offset = pd.Timedelta(days=0 if stacked else (j - (n_out - 1) / 2) * bar_w)
        left = x + pd.Timedelta(days=days / 2 if unit == "month" else 3.5) + offset
        bars = ax.bar(left, h, width=bar_w, bottom=bottom if stacked else None,
                      color=st["color"], hatch=st["hatch"], edgecolor="white", linewidth=0.3,
                      label=L.fit_label(f"{name} (n={int(h.sum()):,})", 2.2, L.SMALL_PT, 1))
        handles.append(bars)
        if stacked:
            bottom = bottom + h
    top = float(bottom.max() if stacked else wide.to_numpy().max(initial=0))
    ax.set_ylim(0, max(top, 1) * 1.05)
    if len(x):
        ax.set_xlim(x.min() - pd.Timedelta(days=days * 0.2),
                    x.max() + pd.Timedelta(days=days * 0.95))
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max(3, int(width_in / 0.6)))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("Week (UTC)" if unit == "week" else "Month (UTC)")
    ax.set_ylabel("Articles (count)")
    _legend_above(ax, handles, width_in - 0.5)
    return ax


def plot_voice_share(table, *, ax=None, group="outlet", top_n=7, actor_labels=None):
    """Draw whose statements each group reports: one 100 % bar per group, direct vs reported.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`framing.voice.voice_share`; columns `group`, ``holder_id``,
        ``n_statements``, ``share_direct``, ``share_reported``, ``n_group``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new 1.5-column figure as tall as the groups need.
    group : str, default='outlet'
        Column whose values get one bar each.
    top_n : int, default=7
        Holders drawn on their own (most statements overall, at most 8); the others
        are pooled into a grey "other" segment.
    actor_labels : mapping of str to str, optional
        Display names by actor id.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Horizontal bars, one row per group (label with n statements), one segment per
        holder (colour) whose solid part is direct quotes and hatched part reported speech.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If the table is empty or `top_n` is not in 1–8.
    """
    func = "plot_voice_share"
    L.require_columns(table, [group, "holder_id", "share_direct", "share_reported", "n_statements",
                      "n_group"], func)
    if table.empty:
        raise ValueError(f"{func}() has nothing to draw: the voice-share table is empty.")
    top_n = L.check_int(top_n, "top_n", func, 1)
    if top_n > len(PALETTE):
        raise ValueError(
            f"The 'top_n' parameter of {func}() must be at most {len(PALETTE)} (one colour "
            f"per holder; the rest are pooled as 'other'). Got {top_n!r} instead."
        )
    df = table.assign(_g=table[group].astype(str), _h=table["holder_id"].astype(str))
    totals = df.groupby("_h")["n_statements"].sum().sort_values(ascending=False, kind="stable")
    holders = [h for h in totals.index[:top_n]]
    if len(totals) > top_n:
        df = df.assign(_h=df["_h"].where(df["_h"].isin(holders), OTHER_LABEL))
        holders.append(OTHER_LABEL)
    shares = df.groupby(["_g", "_h"])[["share_direct", "share_reported"]].sum()
    n_group = df.groupby("_g")["n_group"].first()
    groups = sorted(n_group.index)
    labels = []
    for g in groups:  # shorten the name, never the n
        n_text = f" (n={int(n_group[g]):,})"
        room = L.MAX_LABEL_IN - L.text_width_pt(n_text) / 72
        labels.append(L.fit_label(g, room, max_lines=1) + n_text)
    ax = L.new_axes(ax, ONE_AND_HALF_COLUMN_IN, 1.3 + 0.2 * len(groups))
    y = np.arange(len(groups))
    left = np.zeros(len(groups))
    handles = []
    for k, h in enumerate(holders):
        colour = OTHER_COLOUR if h == OTHER_LABEL else PALETTE[k % len(PALETTE)]
        direct = np.array([shares["share_direct"].get((g, h), 0.0) for g in groups])
        reported = np.array([shares["share_reported"].get((g, h), 0.0) for g in groups])
        ax.barh(y, direct, left=left, height=0.7, color=colour, edgecolor="white",
                linewidth=0.3)
        ax.barh(y, reported, left=left + direct, height=0.7, color=colour, alpha=0.55,
                hatch="//////", edgecolor="white", linewidth=0.3)
        left = left + direct + reported
        name = {OTHER_LABEL: "other holders", "unknown": "unknown speaker"}.get(
            h, L.label_of(actor_labels, h))
        handles.append(Patch(color=colour, label=L.fit_label(name, 1.4, L.SMALL_PT, 1)))
    ax.set_yticks(y, labels)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Share of statements\n(solid: direct quotes; hatched: reported speech)")
    ax.set_ylabel(f"{group.replace('_', ' ').capitalize()} (n statements)")
    _legend_above(ax, handles, ONE_AND_HALF_COLUMN_IN - 0.5)
    return ax


__all__ = ["plot_articles_by_outlet", "plot_voice_share"]
