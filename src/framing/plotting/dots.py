"""Dot-and-CI figures: each group's mean with its CI, per actor; Krippendorff's alpha.

Layout rule: one row per group, at least :data:`ROW_IN` tall, groups in the same order
in every panel (n-weighted mean over the shown actors, highest first) with their labels
on the left column only; ``n=…`` to the right of each row; groups below `min_mentions`
as grey open markers without CI. Panels (actors) fill three columns and as many rows as
fit a page; the actors left out are counted under the figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from framing.plotting import layout as L
from framing.plotting.heatmaps import order_labels
from framing.plotting.style import (
    DOUBLE_COLUMN_IN,
    OTHER_COLOUR,
    PAGE_HEIGHT_IN,
    PALETTE,
    SENTIMENT_LABEL,
    SINGLE_COLUMN_IN,
    outlet_styles,
)

#: Height of one group's row in a dot plot. Unit: inches.
ROW_IN = 0.12
_PANEL_EXTRA_IN = 0.4  # panel title, x ticks and padding


def _select_actor(table, actor_id, func):
    if "actor_id" not in table.columns:
        return table, actor_id
    known = sorted(map(str, table["actor_id"].dropna().unique()))
    if actor_id is None:
        if len(known) > 1:
            raise ValueError(
                f"The table passed to {func}() holds several actors {known!r}; pass "
                f"actor_id=... to choose one."
            )
        return table, known[0] if known else None
    sub = table[table["actor_id"] == actor_id]
    if sub.empty:
        raise ValueError(
            f"The 'actor_id' parameter of {func}() must be one of the actors in the table "
            f"{known!r}. Got {actor_id!r} instead."
        )
    return sub, actor_id


def _group_order(table, group, min_mentions):
    """Group values in drawing order (top first): n-weighted mean, highest first."""
    ok = table[table["n_mentions"] >= min_mentions]
    w = ok.assign(_w=ok["mean"] * ok["n_mentions"]).groupby(group)[["_w", "n_mentions"]].sum()
    means = (w["_w"] / w["n_mentions"]).reindex(sorted(table[group].astype(str).unique()))
    values = means.to_numpy(float)[:, None]
    counts = w["n_mentions"].reindex(means.index).fillna(0).to_numpy(float)[:, None]
    order = order_labels(values, counts, list(means.index), "mean", "plot_outlet_dots")
    return [means.index[i] for i in order]


def plot_outlet_dots(
    table, actor_id=None, *, ax=None, group="outlet", ci_level=None, actor_labels=None,
    styles=None, groups=None, min_mentions=1, show_n=True,
):
    """Draw each group's mean sentiment toward one actor as a dot with its CI bar.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_groups, 10+)
        As returned by :func:`framing.aggregate.aggregate_scores` with ``by=(group,
        'actor_id')`` (or ``(group,)``): columns `group`, ``mean`` (in [-1, 1]),
        ``ci_low``, ``ci_high``, ``n_mentions``.
    actor_id : str, optional
        Actor to show; required when the table holds several actors.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new single-column figure (height from the number of groups)
        is created when None.
    group : str, default='outlet'
        Column on the y axis: ``outlet`` or a group column from the outlet map.
    ci_level : float, optional
        Level of the CIs, for the legend; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id (used in the legend title).
    styles : dict, optional
        Colour/marker per group value, as from :func:`outlet_styles`; default computed
        from this table (pass one mapping to keep colours equal across panels).
    groups : sequence of str, optional
        Group values top to bottom (use one list across panels); default: sorted by name.
    min_mentions : int, default=1
        Groups with fewer scored mentions are drawn as grey open markers without a CI.
    show_n : bool, default=True
        Write ``n=…`` (scored mentions) to the right of each row.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Groups on y (first at the top), one marker line per group, one CI line collection,
        a dashed line at 0 and an ``n=…`` text per group; the legend (title: the actor)
        names the CI level.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `actor_id` is missing or unknown, the table has several periods or several rows
        per group, or the CI level is unknown.
    """
    func = "plot_outlet_dots"
    L.require_columns(table, [group, "mean", "ci_low", "ci_high", "n_mentions"], func)
    level = L.ci_level_of(table, ci_level, func)
    min_mentions = L.check_int(min_mentions, "min_mentions", func, 0)
    sub, actor_id = _select_actor(table, actor_id, func)
    if "period" in sub.columns and sub["period"].nunique(dropna=True) > 1:
        raise ValueError(
            f"The table passed to {func}() has several values in 'period'; filter one period "
            f"or aggregate without 'period'."
        )
    if sub[group].duplicated().any():
        raise ValueError(
            f"The table passed to {func}() has several rows per {group}; aggregate with "
            f"by=({group!r}, 'actor_id') and no period."
        )
    groups = list(groups) if groups is not None else sorted(sub[group].astype(str).unique())
    rows = sub.assign(_g=sub[group].astype(str)).set_index("_g")
    if ax is None:
        labels = L.fit_labels(groups, L.MAX_LABEL_IN, max_lines=1)
        ax = L.new_axes(None, SINGLE_COLUMN_IN, 0.9 + max(len(groups), 3) * 0.16)
    else:
        labels = list(groups)
    styles = styles or outlet_styles(groups)
    y = np.arange(len(groups))[::-1]
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    segments, colours = [], []
    for yi, g in zip(y, groups):
        if g not in rows.index:
            continue
        row = rows.loc[g]
        small = row["n_mentions"] < min_mentions
        st = styles.get(g, {"color": "0.3", "marker": "o"})
        colour = OTHER_COLOUR if small else st["color"]
        if not small and not pd.isna(row["ci_low"]):
            segments.append([(row["ci_low"], yi), (row["ci_high"], yi)])
            colours.append(colour)
        ax.plot([row["mean"]], [yi], linestyle="none", marker=st["marker"], markersize=4,
                color=colour, markerfacecolor="none" if small else colour)
        if show_n:
            n_text = f"n={int(row['n_mentions']):,}"
            if not small and pd.isna(row["ci_low"]):
                n_text += ", no CI"
            ax.text(1.02, yi, n_text, transform=trans, va="center", ha="left",
                    fontsize=L.SMALL_PT)
    from matplotlib.collections import LineCollection

    ax.add_collection(LineCollection(segments, colors=colours, linewidths=1.2))
    ax.axvline(0, color="0.5", linewidth=0.6, linestyle="--", zorder=0)
    ax.set_yticks(y, labels)
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.set_xlabel(SENTIMENT_LABEL)
    ax.set_ylabel(group.replace("_", " ").capitalize())
    ax.autoscale_view(scalex=True, scaley=False)
    handles = [
        Line2D([], [], color="0.3", marker="o", linestyle="none", label="Mean"),
        Line2D([], [], color="0.3", linewidth=1.2, label=f"{L.pct(level)} CI (articles resampled)"),
    ]
    ax.legend(
        handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=2, borderaxespad=0,
        alignment="left", title=None if actor_id is None else L.label_of(actor_labels, actor_id),
    )
    return ax


def plot_outlet_dots_grid(
    table, *, group="outlet", actors=None, ncols=3, width=DOUBLE_COLUMN_IN, ci_level=None,
    actor_labels=None, min_mentions=1, max_panels=None,
):
    """Draw :func:`plot_outlet_dots` for several actors, one panel each (small multiples).

    Parameters
    ----------
    table : pandas.DataFrame
        As for :func:`plot_outlet_dots`, with several actors (column ``actor_id``).
    group : str, default='outlet'
        Column on each panel's y axis.
    actors : sequence of str, optional
        Actor ids to show, in panel order; default all, most scored mentions first.
    ncols : int, default=3
        Panels per row.
    width : float, default=DOUBLE_COLUMN_IN
        Figure width. Unit: inches; the height follows from the groups and panel rows,
        at most :data:`PAGE_HEIGHT_IN`.
    ci_level : float, optional
        Level of the CIs; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id.
    min_mentions : int, default=1
        Groups with fewer mentions are grey open markers without a CI.
    max_panels : int, optional
        Most panels drawn; default as many as fit a page. Actors left out, and actors
        with fewer than `min_mentions` mentions in every group, are counted in the
        figure's footnote (all are in the CSV).

    Returns
    -------
    fig : matplotlib.figure.Figure
        One panel per actor (titled with the actor) sharing both axes.

    Raises
    ------
    MissingColumnError, ValueError
        As :func:`plot_outlet_dots`; ``ValueError`` also when no actor is left to draw.
    """
    func = "plot_outlet_dots_grid"
    L.require_columns(table, ["actor_id", group, "mean", "ci_low", "ci_high", "n_mentions"], func)
    level = L.ci_level_of(table, ci_level, func)
    totals = table.groupby("actor_id")["n_mentions"].sum().sort_values(ascending=False,
                                                                      kind="stable")
    present = [str(a) for a in totals.index]
    chosen = [a for a in actors if a in present] if actors else present
    if not chosen:
        raise ValueError(f"{func}() has no actor to draw: the table is empty.")
    # an actor with no group reaching min_mentions would be a panel of grey markers only
    enough = set(table.loc[table["n_mentions"] >= max(min_mentions, 1), "actor_id"].astype(str))
    sparse = [a for a in chosen if a not in enough]
    chosen = [a for a in chosen if a in enough] or chosen[:1]
    sub = table[table["actor_id"].astype(str).isin(chosen)]
    groups = _group_order(sub, group, max(min_mentions, 1))
    panel_h = len(groups) * ROW_IN + _PANEL_EXTRA_IN
    ncols = max(1, min(ncols, len(chosen)))
    fit_rows = max(1, int((PAGE_HEIGHT_IN - 0.5) // panel_h))
    cap = fit_rows * ncols if max_panels is None else L.check_int(max_panels, "max_panels", func, 1)
    left_out = chosen[cap:]
    chosen = chosen[:cap]
    if len(chosen) == 1:
        width = SINGLE_COLUMN_IN
    fig, axes, _, ncols = L.panel_grid(len(chosen), ncols, width, panel_h, sharex=True,
                                       sharey=True)
    fig.set_figheight(L.clamp_height(-(-len(chosen) // ncols) * panel_h + 0.5))
    labels = L.fit_labels(groups, L.MAX_LABEL_IN, max_lines=1)
    shown = sub[sub["actor_id"].astype(str).isin(chosen)]
    lo = float(np.nanmin(shown[["ci_low", "mean"]].to_numpy(float)))
    hi = float(np.nanmax(shown[["ci_high", "mean"]].to_numpy(float)))
    pad = 0.05 * max(hi - lo, 0.1)
    styles = outlet_styles(table[group])
    if len(groups) > len(PALETTE):  # colour would repeat: the row already names the group
        styles = {g: {"color": "#222222", "marker": "o"} for g in styles}
    for ax, actor in zip(axes, chosen):
        plot_outlet_dots(table, actor, ax=ax, group=group, ci_level=level, styles=styles,
                         groups=groups, min_mentions=min_mentions)
        ax.set_yticks(ax.get_yticks(), labels)
        ax.get_legend().remove()
        usable = (width - L.MAX_LABEL_IN) / ncols - 0.5
        ax.set_title(L.fit_label(L.label_of(actor_labels, actor), usable, L.TICK_PT,
                                 max_lines=1), loc="left", fontsize=L.TICK_PT)
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_ylabel("")
        ax.set_xlabel("")
        ax.tick_params(axis="y", labelleft=ax.get_subplotspec().is_first_col())
    note = f"{SENTIMENT_LABEL}; dots: mean, bars: {L.pct(level)} CI (articles resampled)"
    if min_mentions > 1:
        note += f"; open grey: fewer than {min_mentions} mentions"
    if sparse and min_mentions > 1:
        note += f"; {len(sparse)} actors below {min_mentions} mentions in every group not shown"
    if left_out:
        note += f"; {len(left_out)} more actors in the CSV"
    fig.supxlabel(L.wrap_note(note, width - 0.3, 8.0), fontsize="medium")
    return fig


def plot_agreement(alphas, *, ax=None, thresholds=(0.667, 0.8)):
    """Draw Krippendorff's alpha with its bootstrap CI, one row per comparison and level.

    Parameters
    ----------
    alphas : pandas.DataFrame
        ``AgreementResult.alphas`` from :func:`framing.validation.agreement`: columns
        ``comparison``, ``level``, ``alpha``, ``ci_low``, ``ci_high`` (floats in
        [-1, 1]) and ``n_items`` (int).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new single-column figure.
    thresholds : tuple of float, default=(0.667, 0.8)
        Reference lines: Krippendorff's (2004) bounds for tentative (dotted) and
        reliable (dashed) conclusions.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Points with horizontal 95 % CI bars; x from min(0, lowest CI bound) to 1;
        the x label gives the number of items.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If the table is empty.
    """
    func = "plot_agreement"
    L.require_columns(alphas, ["comparison", "level", "alpha", "ci_low", "ci_high", "n_items"], func)
    if alphas.empty:
        raise ValueError(f"{func}() has nothing to draw: the alphas table is empty.")
    ax = L.new_axes(ax, SINGLE_COLUMN_IN, 0.9 + 0.2 * len(alphas))
    y = np.arange(len(alphas))
    err = [alphas["alpha"] - alphas["ci_low"], alphas["ci_high"] - alphas["alpha"]]
    ax.errorbar(alphas["alpha"], y, xerr=err, fmt="o", color="black", capsize=2)
    for x, ls in zip(sorted(thresholds), (":", "--")):
        ax.axvline(x, ls=ls, lw=0.6, color="0.5")
    labels = L.fit_labels(
        [f"{r.comparison.replace('_', ' ')}, {r.level}" for r in alphas.itertuples()],
        L.MAX_LABEL_IN, max_lines=1,
    )
    ax.set(yticks=y, yticklabels=labels, xlim=(min(0.0, float(alphas["ci_low"].min())), 1.0))
    ax.invert_yaxis()
    ax.set_xlabel(f"Krippendorff's \u03b1 (95% CI; {int(alphas['n_items'].max())} items)")
    return ax


__all__ = ["ROW_IN", "plot_agreement", "plot_outlet_dots", "plot_outlet_dots_grid"]
