"""Figures: the paper style, figure sizes, ``plot_*`` functions and the one figure saver.

Every ``plot_*`` function takes a ready-made tidy table (from :mod:`framing.aggregate`),
draws on `ax` (a new figure at the default size when `ax` is None) and returns the Axes; none
computes statistics, shows or saves. :func:`save_figure` writes PDF + PNG + the CSV behind the
figure, byte-identical on rerun.

>>> from framing import plotting
>>> plotting.use_style()  # doctest: +SKIP
>>> ax = plotting.plot_outlet_dots(table, actor_id="zelensky")  # doctest: +SKIP
>>> plotting.save_figure(ax.figure, "fig03_outlet_dots", data=table, out_dir="figures")  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import blended_transform_factory

from framing.aggregate import _require_columns
from framing.exceptions import MissingColumnError

__all__ = [
    "ASPECT",
    "DOUBLE_COLUMN_IN",
    "OKABE_ITO",
    "ONE_AND_HALF_COLUMN_IN",
    "OUTLET_HATCHES",
    "OUTLET_LINESTYLES",
    "OUTLET_MARKERS",
    "PALETTE",
    "SENTIMENT_CMAP",
    "SINGLE_COLUMN_IN",
    "STYLE",
    "outlet_styles",
    "plot_agreement",
    "plot_articles_by_outlet",
    "plot_outlet_dots",
    "plot_outlet_dots_grid",
    "plot_salience",
    "plot_sentiment_heatmap",
    "plot_sentiment_over_time",
    "plot_sentiment_over_time_grid",
    "plot_stance_network",
    "plot_stance_network_grid",
    "plot_voice_share",
    "save_figure",
    "use_style",
]

#: Width of a single-column figure. Unit: inches.
SINGLE_COLUMN_IN = 3.5
#: Width of a one-and-a-half-column figure. Unit: inches.
ONE_AND_HALF_COLUMN_IN = 5.0
#: Width of a double-column (full-page-width) figure. Unit: inches.
DOUBLE_COLUMN_IN = 7.2
#: Default height / width ratio.
ASPECT = 0.68
#: Name of the style sheet for ``plt.style.use`` / ``plt.style.context``.
STYLE = "framing.styles.paper"

#: Okabe & Ito (2008) colour-blind-safe palette, "Color Universal Design",
#: https://jfly.uni-koeln.de/color/ (hex, in the order used for outlets).
OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "black": "#000000",
    "yellow": "#F0E442",
}
#: Categorical colours, in assignment order.
PALETTE = tuple(OKABE_ITO.values())
#: Markers: the second (grayscale-safe) encoding of outlets. Seven markers against eight
#: colours, so colour + marker pairs stay unique for up to 56 outlets.
OUTLET_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: Line styles for outlets in time series (third encoding).
OUTLET_LINESTYLES = ("-", "--", ":", "-.")
#: Hatches for outlets in bar charts (grayscale encoding of bars).
OUTLET_HATCHES = ("", "//////", "......", "xxxxxx", "\\\\\\\\\\\\", "++++++", "oo")
#: Diverging colormap for sentiment, centred on 0 with symmetric limits (red negative, blue positive).
SENTIMENT_CMAP = "RdBu"
#: Sequential colormap for salience shares.
SALIENCE_CMAP = "Blues"

SENTIMENT_LABEL = "Mean sentiment (\u22121 to 1)"
_MINUS = "\u2212"
_MISSING_FILL = "0.92"


# --------------------------------------------------------------------------- style


def use_style():
    """Apply the paper style (``framing.styles.paper``) to the current matplotlib session.

    Sets font sizes (8 pt), DejaVu Sans (covers Cyrillic and the Unicode minus), TrueType
    font embedding in PDF/PS, the Okabe–Ito colour cycle with line styles, and a
    3.5 × 2.4 in default figure. Use ``plt.style.context(STYLE)`` for a scoped change.
    """
    plt.style.use(STYLE)


def outlet_styles(outlets):
    """Assign a stable colour, marker, line style and hatch to each outlet.

    Outlets are sorted, so the same set of outlets always gets the same styles, whatever the
    order in which they are given.

    Parameters
    ----------
    outlets : iterable of str
        Outlet names; duplicates and missing values are ignored.

    Returns
    -------
    styles : dict of str to dict
        ``{outlet: {"color": hex str, "marker": str, "linestyle": str, "hatch": str}}``.

    Examples
    --------
    >>> outlet_styles(["Reuters", "BBC"])["BBC"]["color"]
    '#0072B2'
    """
    names = sorted({str(o) for o in outlets if not pd.isna(o)})
    return {
        name: {
            "color": PALETTE[i % len(PALETTE)],
            "marker": OUTLET_MARKERS[i % len(OUTLET_MARKERS)],
            "linestyle": OUTLET_LINESTYLES[i % len(OUTLET_LINESTYLES)],
            "hatch": OUTLET_HATCHES[i % len(OUTLET_HATCHES)],
        }
        for i, name in enumerate(names)
    }


# --------------------------------------------------------------------------- helpers


def _require(table, columns, func):
    _require_columns(table, columns, func)


def _new_axes(ax, width=SINGLE_COLUMN_IN, aspect=ASPECT):
    if ax is None:
        _, ax = plt.subplots(figsize=(width, width * aspect))
    return ax


def _signed(x, digits=2):
    """Format a number with an explicit sign and the Unicode minus."""
    if pd.isna(x):
        return "n/a"
    return f"{x:+.{digits}f}".replace("-", _MINUS)


def _ci_level(table, ci_level, func):
    level = ci_level if ci_level is not None else table.attrs.get("ci_level")
    if level is None:
        raise ValueError(
            f"{func}() cannot tell the confidence level of the table's CIs: "
            f"table.attrs has no 'ci_level' (it is lost when a table is saved and reloaded). "
            f"Pass ci_level=0.95 (or the level used in aggregate_scores)."
        )
    if not 0 < float(level) < 1:
        raise ValueError(
            f"The 'ci_level' parameter of {func}() must be in (0, 1). Got {level!r} instead."
        )
    return float(level)


def _pct(level):
    return f"{100 * level:g}%"


def _label(actor_labels, actor_id):
    if actor_labels is None:
        return str(actor_id)
    return str(actor_labels.get(actor_id, actor_id))


def _single_value(table, column, func, hint):
    if column in table.columns and table[column].nunique(dropna=True) > 1:
        values = sorted(map(str, table[column].dropna().unique()))
        raise ValueError(
            f"The table passed to {func}() has several values in {column!r} "
            f"({values[:5]!r}{' …' if len(values) > 5 else ''}); {hint}"
        )


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


def _period_unit(table, periods):
    unit = table.attrs.get("period")
    if unit is None:
        p = pd.DatetimeIndex(periods)
        unit = "month" if len(p) and bool((p.day == 1).all()) and len(p) > 1 else "week"
        if len(p) and bool((p.day_of_week == 0).all()) and not bool((p.day == 1).all()):
            unit = "week"
    return unit


def _period_axis_label(unit):
    return "Week starting (UTC)" if unit == "week" else "Month (UTC)"


def _pivot(table, value, func, index="actor_id", columns="outlet"):
    if table.duplicated([index, columns]).any():
        raise ValueError(
            f"The table passed to {func}() has more than one row per ({index!r}, {columns!r}); "
            f"aggregate without 'period' or filter one period first."
        )
    return table.pivot(index=index, columns=columns, values=value)


def _text_colour(rgba):
    r, g, b = rgba[:3]
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "black"


def _heatmap(ax, matrix, cmap, norm):
    cm = mpl.colormaps[cmap].with_extremes(bad=_MISSING_FILL)
    image = ax.imshow(np.ma.masked_invalid(matrix), cmap=cm, norm=norm, aspect="auto")
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    return image, cm


# --------------------------------------------------------------------------- plot functions


def plot_articles_by_outlet(counts, *, ax=None, stacked=True):
    """Draw the number of articles per outlet and period as stacked or grouped bars.

    Parameters
    ----------
    counts : pandas.DataFrame of shape (n_rows, 3+)
        Tidy counts, as returned by :func:`framing.aggregate.count_articles`: columns
        ``outlet`` (str), ``period`` (datetime64, period start) and ``n_articles`` (int >= 0).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new single-column figure is created when None.
    stacked : bool, default=True
        Stack the outlets' bars (True) or place them side by side (False).

    Returns
    -------
    ax : matplotlib.axes.Axes
        One bar container per outlet; the legend gives each outlet's total n.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    """
    func = "plot_articles_by_outlet"
    _require(counts, ["outlet", "period", "n_articles"], func)
    ax = _new_axes(ax)
    wide = counts.pivot_table(
        index="period", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0
    ).sort_index()
    styles = outlet_styles(wide.columns)
    x = np.arange(len(wide.index))
    n_out = max(len(wide.columns), 1)
    width = 0.8 if stacked else 0.8 / n_out
    bottom = np.zeros(len(x))
    for j, outlet in enumerate(sorted(wide.columns, key=str)):
        h = wide[outlet].to_numpy(dtype=float)
        st = styles[str(outlet)]
        offset = 0.0 if stacked else (j - (n_out - 1) / 2) * width
        ax.bar(
            x + offset,
            h,
            width=width,
            bottom=bottom if stacked else None,
            color=st["color"],
            hatch=st["hatch"],
            edgecolor="white",
            linewidth=0.3,
            label=f"{outlet} (n={int(h.sum()):,})",
        )
        if stacked:
            bottom = bottom + h
    unit = _period_unit(counts, wide.index)
    fmt = "%Y-%m" if unit == "month" else "%Y-%m-%d"
    ax.set_xticks(x, [pd.Timestamp(p).strftime(fmt) for p in wide.index])
    if len(x) > 4:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
    ax.set_xlabel(_period_axis_label(unit))
    ax.set_ylabel("Articles (count)")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(3, n_out), borderaxespad=0.2)
    return ax


def plot_salience(table, *, ax=None, value="share_articles", actor_labels=None, show_ci=True):
    """Draw actor salience per outlet as an annotated heatmap (actors × outlets).

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_outlets * n_actors, 9+)
        As returned by :func:`framing.aggregate.salience` with ``by=('outlet',)`` and no
        period: columns ``outlet``, ``actor_id``, `value`, ``n_articles``,
        ``n_articles_total`` (and ``share_ci_low``/``share_ci_high`` for `show_ci`).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new one-and-a-half-column figure is created when None.
    value : {'share_articles', 'mentions_per_1000_articles'}, default='share_articles'
        What the colour shows: the share of the outlet's articles that mention the actor
        (0–1, shown in %), or mentions per 1,000 articles.
    actor_labels : mapping of str to str, optional
        Display names by actor id (e.g. ``{"zelensky": "Зеленський"}``).
    show_ci : bool, default=True
        Add the share's CI (Wilson, at ``table.attrs['ci_level']``) under each cell value.

    Returns
    -------
    ax : matplotlib.axes.Axes
        With one image, a colorbar and one text per cell; x tick labels give each outlet's
        number of articles (n).

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `value` is not a known column, or the table has more than one row per outlet and
        actor (e.g. several periods).
    """
    func = "plot_salience"
    valid = ("share_articles", "mentions_per_1000_articles")
    if value not in valid:
        raise ValueError(
            f"The 'value' parameter of {func}() must be one of {valid!r}. Got {value!r} instead."
        )
    _require(table, ["outlet", "actor_id", value, "n_articles", "n_articles_total"], func)
    show_ci = (
        show_ci
        and value == "share_articles"
        and {"share_ci_low", "share_ci_high"} <= set(table.columns)
    )
    wide = _pivot(table, value, func).sort_index()
    # Each cell holds up to three lines of small text: give every row about 0.3 in.
    height = max(ONE_AND_HALF_COLUMN_IN * ASPECT, 0.6 + (0.32 if show_ci else 0.22) * len(wide))
    ax = _new_axes(ax, ONE_AND_HALF_COLUMN_IN, aspect=height / ONE_AND_HALF_COLUMN_IN)
    outlets = sorted(wide.columns, key=str)
    wide = wide[outlets]
    n_art = _pivot(table, "n_articles", func).reindex(index=wide.index, columns=outlets)
    totals = table.drop_duplicates("outlet").set_index("outlet")["n_articles_total"]
    vmax = float(np.nanmax(wide.to_numpy(dtype=float))) if wide.size else 1.0
    vmax = vmax if np.isfinite(vmax) and vmax > 0 else 1.0
    norm = Normalize(vmin=0, vmax=vmax)
    image, cm = _heatmap(ax, wide.to_numpy(dtype=float), SALIENCE_CMAP, norm)
    if show_ci:
        lo = _pivot(table, "share_ci_low", func).reindex(index=wide.index, columns=outlets)
        hi = _pivot(table, "share_ci_high", func).reindex(index=wide.index, columns=outlets)
        level = table.attrs.get("ci_level")
    for i, actor in enumerate(wide.index):
        for j, outlet in enumerate(outlets):
            v = wide.iat[i, j]
            if pd.isna(v):
                continue
            text = f"{100 * v:.0f}%" if value == "share_articles" else f"{v:.0f}"
            text += f"\nn={int(n_art.iat[i, j]):,}"
            if show_ci:
                text += f"\n{100 * lo.iat[i, j]:.0f}–{100 * hi.iat[i, j]:.0f}%"
            ax.text(
                j, i, text, ha="center", va="center", fontsize=5.5, color=_text_colour(cm(norm(v)))
            )
    ax.set_xticks(range(len(outlets)), [f"{o}\n(n={int(totals.get(o, 0)):,})" for o in outlets],
                  rotation=30, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(wide.index)), [_label(actor_labels, a) for a in wide.index])
    ax.set_xlabel("Outlet (n = articles)")
    ax.set_ylabel("Actor")
    cbar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    if value == "share_articles":
        cbar.ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        cbar.set_label("Articles mentioning actor (% of outlet's articles)")
        note = "Cells: share of articles, n articles mentioning the actor"
        if show_ci:
            note += f", {_pct(level)} Wilson CI" if level else ", Wilson CI"
        ax.set_title(note, loc="left", fontsize="small")
    else:
        cbar.set_label("Mentions per 1,000 articles")
        ax.set_title(
            "Cells: mentions per 1,000 articles, n articles mentioning the actor",
            loc="left",
            fontsize="small",
        )
    return ax


def plot_sentiment_heatmap(
    table, *, ax=None, group="outlet", actor_labels=None, vmax=None, show_ci=True, ci_level=None
):
    """Draw mean sentiment per outlet × actor as a diverging heatmap centred on 0.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_outlets * n_actors, 10+)
        As returned by :func:`framing.aggregate.aggregate_scores` with
        ``by=('outlet', 'actor_id')`` and no period: columns ``outlet``, ``actor_id``,
        ``mean`` (in [-1, 1]), ``n_mentions`` and, for `show_ci`, ``ci_low``, ``ci_high``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new one-and-a-half-column figure is created when None.
    group : str, default='outlet'
        Column compared on the x axis: ``outlet`` or a group column from the outlet map.
    actor_labels : mapping of str to str, optional
        Display names by actor id.
    vmax : float, optional
        Colour limit: the scale runs from ``-vmax`` to ``vmax``. Default: the largest
        ``|mean|`` in the table (so small differences stay visible; read values off the cells).
    show_ci : bool, default=True
        Add the CI under each cell value.
    ci_level : float, optional
        Level of the CIs, for the note; default ``table.attrs['ci_level']``.

    Returns
    -------
    ax : matplotlib.axes.Axes
        With one image (symmetric limits, colormap :data:`SENTIMENT_CMAP`), a colorbar
        labelled "Mean sentiment (−1 to 1)" and one text per non-empty cell (mean, n, CI).

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If the table has more than one row per outlet and actor, or the CI level is unknown
        while `show_ci` is True.
    """
    func = "plot_sentiment_heatmap"
    need = [group, "actor_id", "mean", "n_mentions"] + (["ci_low", "ci_high"] if show_ci else [])
    _require(table, need, func)
    level = _ci_level(table, ci_level, func) if show_ci else None
    wide = _pivot(table, "mean", func, columns=group).sort_index()
    # Each cell holds up to three lines of 5.5 pt text: give every row about 0.3 in.
    height = max(ONE_AND_HALF_COLUMN_IN * ASPECT, 0.6 + (0.32 if show_ci else 0.22) * len(wide))
    ax = _new_axes(ax, ONE_AND_HALF_COLUMN_IN, aspect=height / ONE_AND_HALF_COLUMN_IN)
    outlets = sorted(wide.columns, key=str)
    wide = wide[outlets]
    n = _pivot(table, "n_mentions", func, columns=group).reindex(index=wide.index, columns=outlets)
    values = wide.to_numpy(dtype=float)
    if vmax is None:
        vmax = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 1.0
        vmax = vmax if vmax > 0 else 1.0
    norm = Normalize(vmin=-vmax, vmax=vmax)
    image, cm = _heatmap(ax, values, SENTIMENT_CMAP, norm)
    if show_ci:
        lo = _pivot(table, "ci_low", func, columns=group).reindex(index=wide.index, columns=outlets)
        hi = _pivot(table, "ci_high", func, columns=group).reindex(index=wide.index, columns=outlets)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if np.isnan(v):
                continue
            text = f"{_signed(v)}\nn={int(n.iat[i, j]):,}"
            if show_ci:
                text += f"\n[{_signed(lo.iat[i, j])}, {_signed(hi.iat[i, j])}]"
            ax.text(
                j, i, text, ha="center", va="center", fontsize=5.5, color=_text_colour(cm(norm(v)))
            )
    ax.set_xticks(range(len(outlets)), [str(o) for o in outlets], rotation=30, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(wide.index)), [_label(actor_labels, a) for a in wide.index])
    ax.set_xlabel(group.replace("_", " ").capitalize())
    ax.set_ylabel("Actor")
    cbar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    cbar.set_label(SENTIMENT_LABEL)
    note = "Cells: mean, n mentions"
    if show_ci:
        note += f", [{_pct(level)} CI] (articles resampled)"
    ax.set_title(note, loc="left", fontsize="small")
    return ax


def plot_outlet_dots(
    table, actor_id=None, *, ax=None, group="outlet", ci_level=None, actor_labels=None,
    styles=None,
):
    """Draw each outlet's mean sentiment toward one actor as a dot with its CI bar.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_groups, 10+)
        As returned by :func:`framing.aggregate.aggregate_scores` with ``by=('outlet',
        'actor_id')`` (or ``('outlet',)``): columns ``outlet``, ``mean`` (in [-1, 1]),
        ``ci_low``, ``ci_high``, ``n_mentions`` (``n_articles`` optional).
    actor_id : str, optional
        Actor to show; required when the table holds several actors.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new single-column figure is created when None.
    group : str, default='outlet'
        Column on the y axis: ``outlet`` or a group column from the outlet map.
    styles : dict, optional
        Colour/marker per group value, as from :func:`outlet_styles`; default computed
        from this table (pass one mapping to keep colours equal across panels).
    ci_level : float, optional
        Level of the CIs, for the legend; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id (used in the title).

    Returns
    -------
    ax : matplotlib.axes.Axes
        Outlets on y (sorted, first at the top), one marker line per outlet, one CI line
        collection, a dashed line at 0 and an ``n=…`` text per outlet; the legend (title: the
        actor) names the CI level.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `actor_id` is missing or unknown, the table has several periods or several rows
        per outlet, or the CI level is unknown.
    """
    func = "plot_outlet_dots"
    _require(table, [group, "mean", "ci_low", "ci_high", "n_mentions"], func)
    level = _ci_level(table, ci_level, func)
    sub, actor_id = _select_actor(table, actor_id, func)
    _single_value(sub, "period", func, "filter one period or aggregate without 'period'.")
    if sub[group].duplicated().any():
        raise ValueError(
            f"The table passed to {func}() has several rows per outlet; aggregate with "
            f"by=('outlet', 'actor_id') and no period."
        )
    sub = sub.sort_values(group, key=lambda s: s.astype(str))
    ax = _new_axes(ax)
    styles = styles or outlet_styles(sub[group])
    n_rows = len(sub)
    y = np.arange(n_rows)[::-1]
    ax.hlines(
        y,
        sub["ci_low"],
        sub["ci_high"],
        color=[styles[str(o)]["color"] for o in sub[group]],
        linewidth=1.2,
    )
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    for yi, (_, row) in zip(y, sub.iterrows()):
        st = styles[str(row[group])]
        ax.plot(
            [row["mean"]],
            [yi],
            linestyle="none",
            marker=st["marker"],
            color=st["color"],
            markersize=4.5,
        )
        n_text = f"n={int(row['n_mentions']):,}"
        if "n_articles" in sub.columns:
            n_text += f" ({int(row['n_articles']):,} art.)"
        if pd.isna(row["ci_low"]):
            n_text += ", no CI"
        ax.text(1.02, yi, n_text, transform=trans, va="center", ha="left", fontsize="x-small")
    ax.axvline(0, color="0.5", linewidth=0.6, linestyle="--", zorder=0)
    ax.set_yticks(y, [str(o) for o in sub[group]])
    ax.set_ylim(-0.6, n_rows - 0.4)
    ax.set_xlabel(SENTIMENT_LABEL)
    ax.set_ylabel(group.replace("_", " ").capitalize())
    handles = [
        Line2D([], [], color="0.3", marker="o", linestyle="none", label="Mean"),
        Line2D([], [], color="0.3", linewidth=1.2, label=f"{_pct(level)} CI (articles resampled)"),
    ]
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncols=2,
        borderaxespad=0,
        alignment="left",
        title=None if actor_id is None else _label(actor_labels, actor_id),
    )
    return ax


def _events_frame(events, func):
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
    return pd.DataFrame(
        {
            "date": dates.dt.tz_localize(None).to_numpy(),
            "label": frame["label"].astype(str).to_numpy(),
        }
    )


def plot_sentiment_over_time(
    table, actor_id, *, ax=None, group="outlet", events=None, ci_level=None, actor_labels=None,
    styles=None, event_labels=True,
):
    """Draw one actor's mean sentiment per period, one line with a CI band per outlet.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_groups, 11+)
        As returned by :func:`framing.aggregate.aggregate_scores` with ``by=('outlet',
        'actor_id')`` and ``period='week'`` or ``'month'``: columns ``outlet``, ``actor_id``,
        ``period`` (datetime64), ``mean`` (in [-1, 1]), ``ci_low``, ``ci_high``, ``n_mentions``.
    actor_id : str
        Actor to show.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new single-column figure is created when None.
    group : str, default='outlet'
        One line per value of this column: ``outlet`` or an outlet-map group column.
    styles : dict, optional
        Colour/marker/line style per group value, as from :func:`outlet_styles`; default
        computed from this table.
    event_labels : bool, default=True
        Write each event's label beside its line (lines are always drawn).
    events : pandas.DataFrame or list of (date, str), optional
        Key events drawn as labelled vertical dotted lines: a table with columns ``date`` and
        ``label`` or (date, label) pairs; dates are read as UTC. Events outside the plotted
        periods are skipped.
    ci_level : float, optional
        Level of the CIs, for the legend; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id (used in the title).

    Returns
    -------
    ax : matplotlib.axes.Axes
        One line per outlet (legend, titled with the actor: outlet and total n mentions, CI
        level), one filled CI band per outlet (gaps where a period has a single article), a
        line at 0, one vertical line and text per event.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `actor_id` is not in the table or the CI level is unknown.
    """
    func = "plot_sentiment_over_time"
    _require(
        table, [group, "actor_id", "period", "mean", "ci_low", "ci_high", "n_mentions"], func
    )
    level = _ci_level(table, ci_level, func)
    sub, actor_id = _select_actor(table, actor_id, func)
    ev = _events_frame(events, func)
    ax = _new_axes(ax)
    styles = styles or outlet_styles(sub[group])
    for outlet in sorted(set(sub[group].dropna().astype(str))):
        rows = sub[sub[group].astype(str) == outlet].sort_values("period")
        x = pd.to_datetime(rows["period"]).to_numpy()
        st = styles[outlet]
        ax.fill_between(
            x,
            rows["ci_low"].to_numpy(float),
            rows["ci_high"].to_numpy(float),
            color=st["color"],
            alpha=0.2,
            linewidth=0,
        )
        ax.plot(
            x,
            rows["mean"].to_numpy(float),
            color=st["color"],
            marker=st["marker"],
            linestyle=st["linestyle"],
            markersize=3,
            label=f"{outlet} (n={int(rows['n_mentions'].sum()):,})",
        )
    ax.axhline(0, color="0.5", linewidth=0.6, linestyle="--", zorder=0)
    periods = pd.to_datetime(sub["period"])
    if len(periods) and len(ev):
        lo, hi = periods.min(), periods.max()
        if table.attrs.get("period") == "month":
            hi = hi + pd.offsets.MonthEnd(1)
        elif table.attrs.get("period") == "week":
            hi = hi + pd.Timedelta(days=6)
        trans = blended_transform_factory(ax.transData, ax.transAxes)
        for date, label in zip(ev["date"], ev["label"]):
            if pd.isna(date) or not lo <= date <= hi:
                continue
            ax.axvline(date, color="0.35", linewidth=0.6, linestyle=":", zorder=0)
            if not event_labels:
                continue
            ax.text(
                date,
                0.98,
                f" {label}",
                transform=trans,
                rotation=90,
                va="top",
                ha="right",
                fontsize=5.5,
                color="0.25",
            )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel(_period_axis_label(_period_unit(sub, periods.unique())))
    ax.set_ylabel(SENTIMENT_LABEL)
    handles, _ = ax.get_legend_handles_labels()
    handles.append(Patch(color="0.6", alpha=0.4, label=f"{_pct(level)} CI (articles resampled)"))
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncols=2,
        borderaxespad=0,
        alignment="left",
        title=_label(actor_labels, actor_id),
    )
    return ax


# --------------------------------------------------------------------------- small multiples


def _panel_grid(n_panels, ncols, width, panel_aspect):
    ncols = max(1, min(ncols, n_panels))
    nrows = max(1, -(-n_panels // ncols))
    panel_w = width / ncols
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(width, nrows * panel_w * panel_aspect), squeeze=False,
        layout="constrained",
    )
    flat = list(axes.ravel())
    for ax in flat[n_panels:]:
        ax.set_axis_off()
    return fig, flat[:n_panels]


def _actors_in(table, actors):
    present = sorted(map(str, table["actor_id"].dropna().unique()))
    return [a for a in actors if a in present] if actors else present


def plot_outlet_dots_grid(
    table, *, group="outlet", actors=None, ncols=3, width=DOUBLE_COLUMN_IN, ci_level=None,
    actor_labels=None,
):
    """Draw :func:`plot_outlet_dots` for several actors, one panel each (small multiples).

    Parameters
    ----------
    table : pandas.DataFrame
        As for :func:`plot_outlet_dots`, with several actors (column ``actor_id``).
    group : str, default='outlet'
        Column on each panel's y axis.
    actors : sequence of str, optional
        Actor ids to show, in panel order; default all, sorted.
    ncols : int, default=3
        Panels per row.
    width : float, default=DOUBLE_COLUMN_IN
        Figure width. Unit: inches; the height follows from the number of rows.
    ci_level : float, optional
        Level of the CIs; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id.

    Returns
    -------
    fig : matplotlib.figure.Figure
        One panel per actor (titled with the actor) sharing the x axis range.

    Raises
    ------
    MissingColumnError, ValueError
        As :func:`plot_outlet_dots`; ``ValueError`` also when no actor is left to draw.
    """
    _require(table, ["actor_id"], "plot_outlet_dots_grid")
    chosen = _actors_in(table, actors)
    if not chosen:
        raise ValueError("plot_outlet_dots_grid() has no actor to draw: the table is empty.")
    fig, axes = _panel_grid(len(chosen), ncols, width, 0.75)
    lo = float(np.nanmin(table[["ci_low", "mean"]].to_numpy(float)))
    hi = float(np.nanmax(table[["ci_high", "mean"]].to_numpy(float)))
    pad = 0.05 * max(hi - lo, 0.1)
    styles = outlet_styles(table[group])
    for ax, actor in zip(axes, chosen):
        plot_outlet_dots(
            table, actor, ax=ax, group=group, ci_level=ci_level, actor_labels=actor_labels,
            styles=styles,
        )
        ax.get_legend().remove()
        ax.set_title(_label(actor_labels, actor), loc="left", fontsize="medium")
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_ylabel("")
        ax.set_xlabel("")
    level = _ci_level(table, ci_level, "plot_outlet_dots_grid")
    fig.supxlabel(f"{SENTIMENT_LABEL}; dots: mean, bars: {_pct(level)} CI (articles resampled)",
                  fontsize="medium")
    return fig


def plot_sentiment_over_time_grid(
    table, *, group="outlet", actors=None, events=None, ncols=2, width=DOUBLE_COLUMN_IN,
    ci_level=None, actor_labels=None,
):
    """Draw :func:`plot_sentiment_over_time` for several actors, one panel each.

    Parameters
    ----------
    table : pandas.DataFrame
        As for :func:`plot_sentiment_over_time`, with several actors.
    group : str, default='outlet'
        One line per value of this column.
    actors : sequence of str, optional
        Actor ids to show, in panel order; default all, sorted.
    events : pandas.DataFrame or list of (date, str), optional
        Key events, drawn in every panel.
    ncols : int, default=2
        Panels per row.
    width : float, default=DOUBLE_COLUMN_IN
        Figure width. Unit: inches.
    ci_level : float, optional
        Level of the CIs; default ``table.attrs['ci_level']``.
    actor_labels : mapping of str to str, optional
        Display names by actor id.

    Returns
    -------
    fig : matplotlib.figure.Figure
        One panel per actor with shared x and y ranges, one colour per group value in
        every panel, event labels in the top row only, and one legend for the figure.

    Raises
    ------
    MissingColumnError, ValueError
        As :func:`plot_sentiment_over_time`; ``ValueError`` also when the table is empty.
    """
    _require(table, ["actor_id"], "plot_sentiment_over_time_grid")
    chosen = _actors_in(table, actors)
    if not chosen:
        raise ValueError("plot_sentiment_over_time_grid() has no actor to draw: the table is empty.")
    fig, axes = _panel_grid(len(chosen), ncols, width, 0.62)
    lo = float(np.nanmin(table[["ci_low", "mean"]].to_numpy(float)))
    hi = float(np.nanmax(table[["ci_high", "mean"]].to_numpy(float)))
    pad = 0.05 * max(hi - lo, 0.1)
    handles = {}
    styles = outlet_styles(table[group])
    periods = pd.to_datetime(table["period"]).dropna()
    span = (periods.min() - pd.Timedelta(days=3), periods.max() + pd.Timedelta(days=3))
    for i, (ax, actor) in enumerate(zip(axes, chosen)):
        plot_sentiment_over_time(
            table, actor, ax=ax, group=group, events=events, ci_level=ci_level,
            actor_labels=actor_labels, styles=styles, event_labels=i < ncols,
        )
        if len(periods):
            ax.set_xlim(*span)
        legend = ax.get_legend()
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            label = text.get_text().split(" (n=")[0]
            handles.setdefault(label, handle)
        legend.remove()
        ax.set_title(_label(actor_labels, actor), loc="left", fontsize="medium")
        ax.set_ylim(lo - pad, hi + pad)
        ax.set_ylabel("")
    fig.supylabel(SENTIMENT_LABEL, fontsize="medium")
    fig.legend(list(handles.values()), list(handles), loc="outside lower center",
               ncols=min(4, len(handles)), fontsize="small")
    return fig


# --------------------------------------------------------------------------- saving

_FORMATS = ("pdf", "png", "svg")
_METADATA_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator")


def _check_name(name):
    if not isinstance(name, str) or not name or name in (".", ".."):
        raise ValueError(
            f"The 'name' parameter of save_figure() must be a non-empty file stem such as "
            f"'fig03_outlet_dots'. Got {name!r} instead."
        )
    if Path(name).name != name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(
            f"The 'name' parameter of save_figure() must be a plain file stem without folders "
            f"(files are written only inside 'out_dir'). Got {name!r}; pass the folder as out_dir."
        )
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in (*_FORMATS, "csv"):
        raise ValueError(
            f"The 'name' parameter of save_figure() must not include an extension; the "
            f"'formats' parameter chooses them. Got {name!r}; use {name.rsplit('.', 1)[0]!r}."
        )


def save_figure(fig, name, *, data=None, out_dir, metadata=None, formats=("pdf", "png")):
    """Write a figure as PDF and PNG plus the CSV of the numbers behind it, byte-stable.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure (e.g. ``ax.figure`` from a ``plot_*`` function).
    name : str
        File stem, e.g. ``'fig03_outlet_dots'``; no folders, no extension.
    data : pandas.DataFrame, optional
        The table behind the figure, written as ``<name>.csv`` (UTF-8, ``index=False``,
        floats as ``%.10g``, ``\\n`` line ends). Without it no CSV is written and a
        ``UserWarning`` says so.
    out_dir : str or os.PathLike
        Folder to write into; created (with parents) when missing. Nothing is written
        outside it.
    metadata : mapping of str to str, optional
        Document metadata: ``Subject`` (e.g. notebook and parameters), ``Keywords`` (e.g. git
        commit), ``Author``, ``Creator``; ``Title`` defaults to `name`. In PNG files
        ``Subject`` is stored as ``Description``.
    formats : sequence of {'pdf', 'png', 'svg'}, default=('pdf', 'png')
        Image formats. PNG (and SVG rasters) at 300 dpi.

    Returns
    -------
    paths : dict of str to pathlib.Path
        ``{"pdf": …, "png": …, "csv": …}`` for the files written.

    Raises
    ------
    ValueError
        If `name`, `formats` or a `metadata` key is invalid.
    TypeError
        If `data` is not a DataFrame or a metadata value is not a str.

    Notes
    -----
    Creation and modification dates are left out (PDF ``CreationDate``/``ModDate`` set to
    None, SVG ``Date`` None, no PNG date chunk) and fonts are embedded as TrueType
    (``pdf.fonttype`` 42, never Type 3), so rendering the same figure twice with the same
    matplotlib gives identical bytes.
    """
    _check_name(name)
    formats = tuple(formats)
    bad = [f for f in formats if f not in _FORMATS]
    if bad or not formats:
        raise ValueError(
            f"The 'formats' parameter of save_figure() must be a non-empty sequence drawn from "
            f"{_FORMATS!r}. Got {formats!r} instead."
        )
    metadata = dict(metadata or {})
    for key, val in metadata.items():
        if key not in _METADATA_KEYS:
            raise ValueError(
                f"The 'metadata' parameter of save_figure() accepts the keys {_METADATA_KEYS!r}. "
                f"Got {key!r}; put notebook and parameters in 'Subject', the commit in 'Keywords'."
            )
        if not isinstance(val, str):
            raise TypeError(
                f"Metadata value {key!r} passed to save_figure() must be a str. Got "
                f"{type(val).__name__} ({val!r}); format it first, e.g. with str() or json.dumps()."
            )
    if data is not None and not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"The 'data' parameter of save_figure() must be a pandas DataFrame (the numbers "
            f"shown). Got {type(data).__name__} instead."
        )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    title = metadata.pop("Title", name)

    def target(ext):
        path = out_dir / f"{name}.{ext}"
        if path.resolve().parent != root:  # pragma: no cover - guarded by _check_name
            raise ValueError(f"Refusing to write {str(path)!r} outside out_dir {str(root)!r}.")
        return path

    per_format = {
        "pdf": {"Title": title, "CreationDate": None, "ModDate": None, **metadata},
        "png": {
            "Title": title,
            **{("Description" if k == "Subject" else k): v for k, v in metadata.items()},
        },
        "svg": {
            "Title": title,
            "Date": None,
            **{("Description" if k == "Subject" else k): v for k, v in metadata.items()},
        },
    }
    paths = {}
    rc = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "none", "svg.hashsalt": name}
    with mpl.rc_context(rc):
        for fmt in formats:
            path = target(fmt)
            fig.savefig(
                path,
                format=fmt,
                dpi=300,
                metadata=per_format[fmt],
                bbox_inches="tight",
                pad_inches=0.02,
            )
            paths[fmt] = path
    if data is not None:
        path = target("csv")
        data.to_csv(path, index=False, float_format="%.10g", lineterminator="\n", encoding="utf-8")
        paths["csv"] = path
    else:
        warnings.warn(
            f"save_figure() wrote {name!r} without data; pass data=<the table shown> so the "
            f"numbers behind the figure are saved as {name}.csv.",
            UserWarning,
            stacklevel=2,
        )
    return paths


# --------------------------------------------------------------------------- voice and stance
# Appended for issue #4 (framing.voice): voice shares and the holder -> target network.


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
    _require(alphas, ["comparison", "level", "alpha", "ci_low", "ci_high", "n_items"], func)
    if alphas.empty:
        raise ValueError(f"{func}() has nothing to draw: the alphas table is empty.")
    ax = _new_axes(ax, SINGLE_COLUMN_IN, 0.2 + 0.1 * len(alphas))
    y = np.arange(len(alphas))
    err = [alphas["alpha"] - alphas["ci_low"], alphas["ci_high"] - alphas["alpha"]]
    ax.errorbar(alphas["alpha"], y, xerr=err, fmt="o", color="black", capsize=2)
    for x, ls in zip(sorted(thresholds), (":", "--")):
        ax.axvline(x, ls=ls, lw=0.6, color="0.5")
    labels = [f"{r.comparison.replace('_', ' ')}, {r.level}" for r in alphas.itertuples()]
    ax.set(yticks=y, yticklabels=labels, xlim=(min(0.0, float(alphas["ci_low"].min())), 1.0))
    ax.invert_yaxis()
    ax.set_xlabel(f"Krippendorff's alpha (95% CI; n = {int(alphas['n_items'].max())} items)")
    return ax


def plot_voice_share(table, *, ax=None, group="outlet", top_n=8, actor_labels=None):
    """Draw who gets quoted: each holder's share of the statements, direct vs reported.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`framing.voice.voice_share`; columns `group`, ``holder_id``,
        ``share_direct``, ``share_reported``, ``n_group``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new 1.5-column figure.
    group : str, default='outlet'
        Column whose values get one bar per holder (colour, hatch for grayscale).
    top_n : int, default=8
        Holders shown: the `top_n` with most statements overall (others are left out).
    actor_labels : mapping of str to str, optional
        Display names by actor id.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Horizontal bars, one row per holder, one bar per group value; the solid part is
        the share of direct quotes, the light part reported speech. The legend gives n
        (statements) per group.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If the table is empty.
    """
    func = "plot_voice_share"
    _require(table, [group, "holder_id", "share_direct", "share_reported", "n_statements",
                     "n_group"], func)
    if table.empty:
        raise ValueError(f"{func}() has nothing to draw: the voice-share table is empty.")
    totals = table.groupby("holder_id")["n_statements"].sum().sort_values(ascending=False)
    holders = sorted(totals.index[:top_n], key=lambda h: (-totals[h], str(h)))
    groups = sorted(table[group].astype(str).unique())
    styles = outlet_styles(groups)
    ax = _new_axes(ax, ONE_AND_HALF_COLUMN_IN, 0.2 + 0.09 * len(holders))
    height = 0.8 / len(groups)
    for k, g in enumerate(groups):
        sub = table[table[group].astype(str) == g].set_index("holder_id")
        y = np.arange(len(holders)) + (k - (len(groups) - 1) / 2) * height
        direct = np.array([float(sub["share_direct"].get(h, 0.0)) for h in holders])
        reported = np.array([float(sub["share_reported"].get(h, 0.0)) for h in holders])
        n = int(sub["n_group"].iloc[0])
        colour, hatch = styles[g]["color"], styles[g]["hatch"]
        ax.barh(y, direct, height=height, color=colour, hatch=hatch, edgecolor="white",
                linewidth=0.3, label=f"{g} (n={n})")
        ax.barh(y, reported, left=direct, height=height, color=colour, alpha=0.45,
                hatch=hatch, edgecolor="white", linewidth=0.3)
    ax.set_yticks(np.arange(len(holders)), [_label(actor_labels, h) for h in holders])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Share of attributed statements (solid: direct quotes, light: reported)")
    ax.set_ylabel("Quoted holder")
    ax.legend(title=f"{group} (n statements)", loc="lower right", fontsize="small")
    return ax


def plot_stance_network(edges, *, ax=None, actor_labels=None, nodes=None, vmax=1.0,
                        max_width=6.0, colorbar=True, title=None):
    """Draw a holder → target stance network: circular layout, arrows holder → target.

    Parameters
    ----------
    edges : pandas.DataFrame
        One network's edges (filter one outlet/period first), from
        :func:`framing.voice.stance_network`: columns ``holder_id``, ``target_id``,
        ``n`` (int), ``mean`` (float in [-1, 1]).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new single-column square figure.
    actor_labels : mapping of str to str, optional
        Display names by actor id.
    nodes : sequence of str, optional
        Node ids in circle order (use the same list across panels); default the
        sorted holders and targets of `edges`.
    vmax : float, default=1.0
        Colour limits ``[-vmax, vmax]`` of the diverging map, centred on 0.
    max_width : float, default=6.0
        Line width of the edge with the largest n. Unit: points; width ∝ n.
    colorbar : bool, default=True
        Add a colorbar "Mean stance (−1 against to 1 favour)".
    title : str, optional
        Panel title; n (mentions, edges) is appended.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Nodes as labelled points on a circle, one curved arrow per edge (width ∝ n,
        colour = mean stance on ``SENTIMENT_CMAP``); ``ax.collections``/``ax.patches``
        hold the drawn items.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    """
    from matplotlib import patheffects
    from matplotlib.patches import FancyArrowPatch

    _require(edges, ["holder_id", "target_id", "n", "mean"], "plot_stance_network")
    if ax is None:
        _, ax = plt.subplots(figsize=(SINGLE_COLUMN_IN, SINGLE_COLUMN_IN))
    if nodes is None:
        nodes = sorted(set(edges["holder_id"].astype(str)) | set(edges["target_id"].astype(str)))
    nodes = list(nodes)
    angle = np.pi / 2 - 2 * np.pi * np.arange(len(nodes)) / max(len(nodes), 1)
    pos = {n: (np.cos(a), np.sin(a)) for n, a in zip(nodes, angle)}
    cmap = plt.get_cmap(SENTIMENT_CMAP)
    norm = Normalize(vmin=-vmax, vmax=vmax)
    n_max = float(edges["n"].max()) if len(edges) else 1.0
    for h, t, n, m in zip(edges["holder_id"].astype(str), edges["target_id"].astype(str),
                          edges["n"], edges["mean"]):
        if h == t or h not in pos or t not in pos:
            continue
        arrow = FancyArrowPatch(
            pos[h], pos[t], arrowstyle="-|>", mutation_scale=8,
            connectionstyle="arc3,rad=0.18", shrinkA=9, shrinkB=9,
            linewidth=max(0.6, max_width * float(n) / n_max), color=cmap(norm(float(m))),
            alpha=0.9, zorder=1,
        )
        lw = arrow.get_linewidth()
        arrow.set_path_effects([patheffects.withStroke(linewidth=lw + 0.8, foreground="0.55")])
        ax.add_patch(arrow)
    xy = np.array([pos[n] for n in nodes]) if nodes else np.zeros((0, 2))
    ax.scatter(xy[:, 0], xy[:, 1], s=30, color="0.25", zorder=2)
    for node, (x, y) in pos.items():
        text = ax.annotate(_label(actor_labels, node), (x, y), xytext=(4 * x, 4 * y),
                           textcoords="offset points", ha="left" if x > 0.1 else
                           ("right" if x < -0.1 else "center"), va="bottom" if y >= 0 else "top",
                           fontsize="x-small")
        # Labels stay inside the wide limits below; keeping them out of the layout stops
        # constrained layout from shrinking the circle to make room for them.
        text.set_in_layout(False)
    ax.set_xlim(-2.4, 2.4)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.set_axis_off()
    n_total = int(edges["n"].sum()) if len(edges) else 0
    label = f"n={n_total}, {len(edges)} edges, max n={int(n_max)}"
    ax.set_title(f"{title}\n{label}" if title else label, fontsize="small")
    if colorbar:
        sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        cb = ax.figure.colorbar(sm, ax=ax, shrink=0.7, pad=0.02)
        cb.set_label(f"Mean stance ({_MINUS}1 against to 1 favour)")
    return ax


def plot_stance_network_grid(edges, *, group="outlet", groups=None, ncols=3,
                             width=DOUBLE_COLUMN_IN, actor_labels=None, vmax=1.0):
    """Draw :func:`plot_stance_network` once per group value (small multiples).

    Parameters
    ----------
    edges : pandas.DataFrame
        From :func:`framing.voice.stance_network` with a `group` column.
    group : str, default='outlet'
        One panel per value of this column.
    groups : sequence of str, optional
        Values to draw, in panel order; default all, sorted.
    ncols : int, default=3
    width : float, default=DOUBLE_COLUMN_IN
        Figure width. Unit: inches.
    actor_labels : mapping of str to str, optional
    vmax : float, default=1.0
        Shared colour limits ``[-vmax, vmax]``.

    Returns
    -------
    fig : matplotlib.figure.Figure
        One panel per group with the same node order, and one shared colorbar.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If there is no edge to draw.
    """
    _require(edges, [group, "holder_id", "target_id", "n", "mean"], "plot_stance_network_grid")
    present = sorted(edges[group].astype(str).unique())
    chosen = [g for g in groups if g in present] if groups else present
    if not chosen:
        raise ValueError(
            "plot_stance_network_grid() has no edge to draw: the table is empty (lower min_n, "
            "or check that the corpus has attributed statements)."
        )
    nodes = sorted(set(edges["holder_id"].astype(str)) | set(edges["target_id"].astype(str)))
    fig, axes = _panel_grid(len(chosen), ncols, width, 1.0)
    for ax, g in zip(axes, chosen):
        plot_stance_network(edges[edges[group].astype(str) == g], ax=ax, nodes=nodes,
                            actor_labels=actor_labels, vmax=vmax, colorbar=False, title=g)
    sm = mpl.cm.ScalarMappable(norm=Normalize(vmin=-vmax, vmax=vmax),
                               cmap=plt.get_cmap(SENTIMENT_CMAP))
    cb = fig.colorbar(sm, ax=axes, shrink=0.6, location="right")
    cb.set_label(f"Mean stance ({_MINUS}1 against to 1 favour)")
    fig.supxlabel("Arrows: holder \u2192 target; width \u221d n (mentions); n per panel",
                  fontsize="small")
    return fig
