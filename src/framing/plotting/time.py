"""Sentiment over time: one line with its CI band per series, events as numbered markers.

Layout rule: at most about six series share a panel. With up to
:data:`MAX_SERIES_PER_PANEL` groups the panels are actors and the lines groups; with
more, the panels are the groups (small multiples, shared axes) and the lines the
`max_lines` most-mentioned actors. Lines join periods with data across short gaps only;
the CI bands break at periods without data. Events are
dotted vertical lines with a number above the panel (numbers staggered so none overlap);
the numbers are explained in the legend. Date ticks come from
:class:`matplotlib.dates.AutoDateLocator`, as many as the panel width allows.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from framing.exceptions import MissingColumnError
from framing.plotting import layout as L
from framing.plotting.style import (
    DOUBLE_COLUMN_IN,
    PALETTE,
    SENTIMENT_LABEL,
    outlet_styles,
)

#: More series than this in one panel is a tangle: the grid then facets by group.
MAX_SERIES_PER_PANEL = 6
#: Ways to split the time figure into panels.
FACETS = ("auto", "actor", "group")
_NEEDED = ("actor_id", "period", "mean", "ci_low", "ci_high", "n_mentions")


def events_frame(events, func="events_frame"):
    """Normalise events to a table ``date`` (datetime64, UTC-naive), ``label`` (str)."""
    if events is None:
        return pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]"), "label": []})
    if isinstance(events, pd.DataFrame):
        if not {"date", "label"} <= set(events.columns):
            raise MissingColumnError(
                f"The 'events' table passed to {func}() needs columns 'date' and 'label'. "
                f"Got {list(events.columns)!r}."
            )
        frame = events[["date", "label"]]
    else:
        try:
            frame = pd.DataFrame([(d, lab) for d, lab in events], columns=["date", "label"])
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"The 'events' parameter of {func}() must be a DataFrame with 'date' and "
                f"'label' columns or a list of (date, label) pairs. Got {events!r}."
            ) from err
    dates = pd.to_datetime(frame["date"], utc=True)
    out = pd.DataFrame({"date": dates.dt.tz_localize(None).to_numpy(),
                        "label": frame["label"].astype(str).to_numpy()})
    return out.sort_values(["date", "label"], kind="stable").reset_index(drop=True)


def _span(table):
    """First and last day covered by the table's periods (period end included)."""
    periods = pd.to_datetime(table["period"]).dropna()
    if periods.empty:
        return None, None
    lo, hi = periods.min(), periods.max()
    unit = table.attrs.get("period")
    if unit == "month":
        hi = hi + pd.offsets.MonthEnd(1)
    else:
        hi = hi + pd.Timedelta(days=6)
    return lo, hi


def _events_in(ev, lo, hi):
    if lo is None or ev.empty:
        return ev.iloc[:0]
    return ev[(ev["date"] >= lo) & (ev["date"] <= hi)]


def _event_key(ev):
    return [f"{k + 1}: {lab} ({d:%Y-%m-%d})" for k, (d, lab) in enumerate(zip(ev["date"],
                                                                             ev["label"]))]


def _mark_events(ax, ev, numbers=True):
    """Dotted lines at the events; staggered numbers above the axes (no overlap)."""
    for date in ev["date"]:
        ax.axvline(date, color="0.35", linewidth=0.6, linestyle=":", zorder=0)
    if not numbers or ev.empty:
        return
    L.axes_size_in(ax)  # run the layout so data -> points is final
    dpi = ax.figure.dpi
    xs = [ax.transData.transform((mdates.date2num(d), 0))[0] * 72 / dpi for d in ev["date"]]
    labels = [str(k + 1) for k in range(len(ev))]
    widths = [L.text_width_pt(t, L.SMALL_PT) + 1 for t in labels]
    levels = L.staggered_levels(xs, widths)
    title = ax.get_title(loc="left")
    if title:  # lift the panel title above the numbers
        ax.set_title(title, loc="left", fontsize=L.TICK_PT,
                     pad=3 + (max(levels) + 1) * L.line_height_pt(L.SMALL_PT))
    for date, text, level in zip(ev["date"], labels, levels):
        ax.annotate(text, (mdates.date2num(date), 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 1.5 + level * L.line_height_pt(L.SMALL_PT)),
                    textcoords="offset points", ha="center", va="bottom",
                    fontsize=L.SMALL_PT, color="0.25")


def _date_axis(ax, width_in):
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max(3, int(width_in / 0.55)))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _axis_label(table):
    unit = table.attrs.get("period") or "week"
    smooth = int(table.attrs.get("smooth_periods", 1) or 1)
    base = "Week starting (UTC)" if unit == "week" else "Month (UTC)"
    return base if smooth <= 1 else f"{base}; centred {smooth}-{unit} window"


def _draw_series(ax, table, column, values, styles, label_fn, all_periods):
    """One line + CI band per value of `column`.

    The line joins periods with data up to ``max(2, smooth_periods)`` periods apart and
    breaks at longer gaps (a line must not bridge years without data); points with no
    neighbour get a marker. The band breaks at every period without data.
    """
    unit = table.attrs.get("period") or "week"
    period_days = 30.44 if unit == "month" else 7.0
    max_gap = max(2, int(table.attrs.get("smooth_periods", 1) or 1)) * period_days + 1
    handles = []
    for value in values:
        rows = table[table[column].astype(str) == value].set_index("period").sort_index()
        rows = rows[~rows.index.duplicated()].reindex(all_periods)
        x = all_periods.to_numpy()
        st = styles[value]
        ax.fill_between(x, rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float),
                        color=st["color"], alpha=0.18, linewidth=0)
        y = rows["mean"].to_numpy(float)
        seen = np.isfinite(y)
        xs, ys = x[seen], y[seen]
        days = np.diff(xs).astype("timedelta64[s]").astype(float) / 86400
        cut = np.flatnonzero(days > max_gap) + 1
        alone = np.ones(len(xs), dtype=bool)
        if len(xs) > 1:
            joined = days <= max_gap
            alone[1:] &= ~joined
            alone[:-1] &= ~joined
        x_line = np.insert(xs, cut, xs[cut - 1] + np.timedelta64(1, "D")) if len(cut) else xs
        y_line = np.insert(ys, cut, np.nan) if len(cut) else ys
        many = len(xs) > 40
        (line,) = ax.plot(x_line, y_line, color=st["color"],
                          marker="" if many else st["marker"], linestyle=st["linestyle"],
                          markersize=2.2, linewidth=1.0, label=label_fn(value, rows))
        if many and alone.any():
            ax.plot(xs[alone], ys[alone], linestyle="none", marker=st["marker"],
                    markersize=2.2, color=st["color"])
        handles.append(line)
    ax.axhline(0, color="0.5", linewidth=0.6, linestyle="--", zorder=0)
    return handles


def plot_sentiment_over_time(
    table, actor_id, *, ax=None, group="outlet", events=None, ci_level=None, actor_labels=None,
    styles=None, event_labels=True,
):
    """Draw one actor's mean sentiment per period, one line with a CI band per group.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_rows, 11+)
        As returned by :func:`framing.aggregate.aggregate_scores` with ``by=(group,
        'actor_id')`` and ``period='week'`` or ``'month'`` (or by
        :func:`framing.aggregate.rolling_scores`): columns `group`, ``actor_id``,
        ``period`` (datetime64), ``mean`` (in [-1, 1]), ``ci_low``, ``ci_high``,
        ``n_mentions``.
    actor_id : str
        Actor to show.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new single-column figure is created when None.
    group : str, default='outlet'
        One line per value of this column: ``outlet`` or an outlet-map group column.
    events : pandas.DataFrame or list of (date, str), optional
        Key events: dotted vertical lines, numbered above the axes; the legend explains
        the numbers. Dates are read as UTC; events outside the plotted periods are skipped.
    ci_level : float, optional
        Level of the CIs, for the legend; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id (the legend title).
    styles : dict, optional
        Colour/marker/line style per group value, as from :func:`outlet_styles`.
    event_labels : bool, default=True
        Number the events above the axes (lines are always drawn).

    Returns
    -------
    ax : matplotlib.axes.Axes
        One line per group (legend right of the axes: group and total n mentions, the CI
        level, the numbered events), one CI band per group, a line at 0, one vertical line
        per event.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `actor_id` is not in the table or the CI level is unknown.
    """
    func = "plot_sentiment_over_time"
    L.require_columns(table, [group, *_NEEDED], func)
    level = L.ci_level_of(table, ci_level, func)
    known = sorted(map(str, table["actor_id"].dropna().unique()))
    if actor_id not in known:
        raise ValueError(
            f"The 'actor_id' parameter of {func}() must be one of the actors in the table "
            f"{known!r}. Got {actor_id!r} instead."
        )
    sub = table[table["actor_id"].astype(str) == actor_id]
    ev = events_frame(events, func)
    lo, hi = _span(table)
    ev = _events_in(ev, lo, hi)
    ax = L.new_axes(ax, DOUBLE_COLUMN_IN, 2.6)
    groups = sorted(set(sub[group].dropna().astype(str)))
    styles = styles or outlet_styles(groups)
    periods = pd.DatetimeIndex(sorted(pd.to_datetime(table["period"]).dropna().unique()))
    n_col = "n_mentions_period" if "n_mentions_period" in sub.columns else "n_mentions"
    handles = _draw_series(
        ax, sub, group, groups, styles,
        lambda g, rows: f"{g} (n={int(rows[n_col].sum()):,})", periods,
    )
    if lo is not None:
        ax.set_xlim(lo - pd.Timedelta(days=1), hi)
    _date_axis(ax, L.axes_size_in(ax)[0])
    ax.set_xlabel(_axis_label(table))
    ax.set_ylabel(SENTIMENT_LABEL)
    _mark_events(ax, ev, numbers=event_labels)
    handles.append(Patch(color="0.6", alpha=0.4, label=f"{L.pct(level)} CI (articles resampled)"))
    key = _event_key(ev) if event_labels else []
    handles += [Line2D([], [], linestyle="none", label=L.fit_label(k, 2.2, L.SMALL_PT, 2))
                for k in key]
    fig_h = ax.figure.get_figheight() * 72
    per_col = max(1, int((fig_h - 24) // (L.line_height_pt(L.SMALL_PT) + 2.5)))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              title=L.label_of(actor_labels, actor_id), fontsize=L.SMALL_PT,
              handlelength=1.4, ncols=L.ceil_div(len(handles), per_col))
    return ax


def plot_sentiment_over_time_grid(
    table, *, group="outlet", actors=None, events=None, ncols=None, width=DOUBLE_COLUMN_IN,
    ci_level=None, actor_labels=None, facet="auto", max_lines=4,
):
    """Draw sentiment over time as small multiples: panels by actor or by group.

    Parameters
    ----------
    table : pandas.DataFrame
        As for :func:`plot_sentiment_over_time`, with several actors.
    group : str, default='outlet'
        The group column (outlet or an outlet-map column).
    actors : sequence of str, optional
        Actor ids to show, in order; default all, most mentioned first.
    events : pandas.DataFrame or list of (date, str), optional
        Key events, drawn in every panel and numbered above the top row.
    ncols : int, optional
        Panels per row; default 2 for actor panels, 5 for group panels (3 when there are
        at most 9).
    width : float, default=DOUBLE_COLUMN_IN
        Figure width. Unit: inches; the height follows from the panel rows, at most a page.
    ci_level : float, optional
        Level of the CIs; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id.
    facet : {'auto', 'actor', 'group'}, default='auto'
        ``'actor'``: one panel per actor, one line per group; ``'group'``: one panel per
        group value, one line per actor (the `max_lines` most mentioned of `actors`);
        ``'auto'``: ``'actor'`` with at most :data:`MAX_SERIES_PER_PANEL` groups, else
        ``'group'``.
    max_lines : int, default=4
        Actors drawn per panel when faceting by group (at most 8, the palette's size).

    Returns
    -------
    fig : matplotlib.figure.Figure
        Panels with shared x and y ranges, one colour per series in every panel, event
        numbers in the top row, one legend for the figure (series with total n, the CI
        level, the numbered events).

    Raises
    ------
    MissingColumnError, ValueError
        As :func:`plot_sentiment_over_time`; ``ValueError`` also when the table is empty
        or `facet` or `max_lines` is invalid.
    """
    func = "plot_sentiment_over_time_grid"
    L.require_columns(table, [group, *_NEEDED], func)
    L.check_choice(facet, "facet", func, FACETS)
    max_lines = L.check_int(max_lines, "max_lines", func, 1)
    level = L.ci_level_of(table, ci_level, func)
    totals = table.groupby("actor_id")["n_mentions"].sum().sort_values(ascending=False,
                                                                      kind="stable")
    present = [str(a) for a in totals.index]
    chosen = [a for a in actors if a in present] if actors else present
    if not chosen:
        raise ValueError(f"{func}() has no actor to draw: the table is empty.")
    groups = sorted(set(table[group].dropna().astype(str)))
    if facet == "auto":
        facet = "actor" if len(groups) <= MAX_SERIES_PER_PANEL else "group"
    if facet == "actor":
        panels, lines, column, line_col = chosen, groups, "actor_id", group
        styles = outlet_styles(groups)
        line_label = lambda v: v
        panel_label = lambda v: L.label_of(actor_labels, v)
        ncols = ncols or 2
    else:
        lines = chosen[: min(max_lines, len(PALETTE))]
        panels, column, line_col = groups, group, "actor_id"
        styles = {a: {"color": PALETTE[i], "marker": "o", "linestyle": "-"}
                  for i, a in enumerate(lines)}
        line_label = lambda v: L.label_of(actor_labels, v)
        panel_label = lambda v: v
        ncols = ncols or (3 if len(panels) <= 9 else 5)
    sub = table[table["actor_id"].astype(str).isin(chosen if facet == "actor" else lines)]
    ncols = max(1, min(ncols, len(panels)))
    panel_h = max(1.05, 0.55 * width / ncols)
    fig, axes, nrows, ncols = L.panel_grid(len(panels), ncols, width, panel_h, sharex=True,
                                           sharey=True)
    fig.set_figheight(L.clamp_height(nrows * panel_h + 0.9))
    ev = events_frame(events, func)
    lo, hi = _span(table)
    ev = _events_in(ev, lo, hi)
    periods = pd.DatetimeIndex(sorted(pd.to_datetime(table["period"]).dropna().unique()))
    values = sub[["ci_low", "ci_high", "mean"]].to_numpy(float)
    y_lo, y_hi = (float(np.nanmin(values)), float(np.nanmax(values))) if np.isfinite(
        values).any() else (-1.0, 1.0)
    pad = 0.05 * max(y_hi - y_lo, 0.1)
    n_col = "n_mentions_period" if "n_mentions_period" in sub.columns else "n_mentions"
    n_by_line = sub.groupby(sub[line_col].astype(str))[n_col].sum()
    for k, (ax, panel) in enumerate(zip(axes, panels)):
        rows = sub[sub[column].astype(str) == panel]
        _draw_series(ax, rows, line_col, [v for v in lines], styles, lambda v, r: v, periods)
        ax.set_ylim(y_lo - pad, y_hi + pad)
        if lo is not None:
            ax.set_xlim(lo - pd.Timedelta(days=1), hi)
        n_col = "n_mentions_period" if "n_mentions_period" in rows.columns else "n_mentions"
        n_text = f" (n={int(rows[n_col].sum()):,})"
        room = width / ncols - 0.3 - L.text_width_pt(n_text) / 72
        ax.set_title(L.fit_label(panel_label(panel), room, L.TICK_PT, 1) + n_text, loc="left",
                     fontsize=L.TICK_PT)
    for ax in axes:
        _date_axis(ax, width / ncols)
    for k, ax in enumerate(axes):
        _mark_events(ax, ev, numbers=k < ncols)
    handles = [Line2D([], [], color=styles[v]["color"], marker=styles[v]["marker"],
                      linestyle=styles[v]["linestyle"], markersize=2.5,
                      label=f"{line_label(v)} (n={int(n_by_line.get(v, 0)):,})") for v in lines]
    handles.append(Patch(color="0.6", alpha=0.4, label=f"{L.pct(level)} CI (articles resampled)"))
    key = _event_key(ev)
    handles += [Line2D([], [], linestyle="none", label=L.fit_label(t, width / 3 - 0.3,
                                                                   L.SMALL_PT, 1)) for t in key]
    fig.supylabel(SENTIMENT_LABEL, fontsize=L.TICK_PT)
    fig.supxlabel(_axis_label(table), fontsize=L.TICK_PT)
    fig.legend(handles=handles, loc="outside upper center", ncols=3, fontsize=L.SMALL_PT,
               handlelength=1.4)
    return fig


__all__ = ["FACETS", "MAX_SERIES_PER_PANEL", "events_frame", "plot_sentiment_over_time",
           "plot_sentiment_over_time_grid"]
