"""Heatmaps: mean sentiment and salience per group × actor, and the stance matrix.

Layout rule (every heatmap): one row per actor (or holder, or holder → target pair),
one column per group; rows are at least :data:`~framing.plotting.layout.MIN_ROW_IN`
tall and the figure grows to a page (:data:`~framing.plotting.style.PAGE_HEIGHT_IN`),
then keeps the first rows in the chosen order and says how many it left out. Column
labels stay horizontal when they fit (wrapped on two lines), otherwise they turn 90°;
long labels are wrapped, then shortened with '…'. Each cell shows the value, then n,
only when the text fits the cell at 6 pt. Cells below `min_mentions` are grey and say so
in the note. CIs are not printed in cells: they are in the CSV and in the dot-and-CI
figure (:func:`~framing.plotting.plot_outlet_dots_grid`).
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.colors import Normalize
from matplotlib.ticker import PercentFormatter

from framing.plotting import layout as L
from framing.plotting.style import (
    OTHER_COLOUR,
    OTHER_LABEL,
    PAGE_HEIGHT_IN,
    SALIENCE_CMAP,
    SENTIMENT_CMAP,
    SENTIMENT_LABEL,
    STANCE_LABEL,
)

#: Ways to order heatmap rows and columns: by mean value (highest first), by number of
#: mentions (most first), by name, or by hierarchical clustering (average linkage on
#: Euclidean distances of the rows' values; :func:`scipy.cluster.hierarchy.leaves_list`).
ORDERS = ("mean", "n", "name", "cluster")
_NOTE_PT = L.SMALL_PT
_CBAR_IN = 0.75  # colorbar, its ticks and label, and the padding before it
_ROW_PAD_IN = 0.35  # between the row labels and the matrix, and the y-axis label


def _matrix_figure_width(n_cols):
    """Journal width of a :func:`draw_matrix` figure with `n_cols` columns (inches)."""
    return L.figure_width(n_cols, wide_above=8)


#: Smallest colour limit of the sentiment heatmap when none is given: mean polarity
#: ±0.25 (on the −1 to 1 scale) or more is drawn in the darkest colours.
MIN_SENTIMENT_VMAX = 0.25


def order_labels(values, counts, labels, how, func):
    """Order the rows of `values` (n_rows × n_cols): indices into `labels`, first row first.

    Parameters
    ----------
    values : ndarray of shape (n_rows, n_cols)
        Cell values (NaN where empty or greyed out).
    counts : ndarray of shape (n_rows, n_cols)
        n per cell (the weights of the row means).
    labels : sequence of str
        Row labels (for ``how='name'`` and ties).
    how : {'mean', 'n', 'name', 'cluster'}
        See :data:`ORDERS`. The bucket :data:`~framing.plotting.style.OTHER_LABEL` is
        always last.

    Returns
    -------
    order : list of int
    """
    L.check_choice(how, "order", func, ORDERS)
    labels = [str(x) for x in labels]
    n_rows = len(labels)
    w = np.where(np.isfinite(values), counts, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(np.nan_to_num(values) * w, axis=1) / w.sum(axis=1)
    total = np.nansum(counts, axis=1)
    if how == "name":
        order = sorted(range(n_rows), key=lambda i: labels[i].casefold())
    elif how == "n":
        order = sorted(range(n_rows), key=lambda i: (-total[i], labels[i]))
    elif how == "mean":
        order = sorted(
            range(n_rows), key=lambda i: (np.isnan(mean[i]), -np.nan_to_num(mean[i]), labels[i])
        )
    else:
        order = list(range(n_rows))
        if n_rows > 2:
            from scipy.cluster.hierarchy import leaves_list, linkage

            filled = np.where(np.isfinite(values), values, np.nan_to_num(mean)[:, None])
            filled = np.nan_to_num(filled)
            order = [int(i) for i in leaves_list(linkage(filled, method="average"))]
    return [i for i in order if labels[i] != OTHER_LABEL] + [
        i for i in order if labels[i] == OTHER_LABEL
    ]


def _fit_cell(candidates, cell_w_pt, cell_h_pt):
    for text in candidates:
        lines = text.count("\n") + 1
        if (
            L.text_width_pt(text, L.SMALL_PT) <= cell_w_pt - 2.0
            and L.line_height_pt(L.SMALL_PT, lines) <= cell_h_pt - 0.5
        ):
            return text
    return ""


def _column_labels(labels, col_w_in):
    """Horizontal two-line labels when every one fits its column, otherwise turned 90°."""
    flat = L.fit_labels(labels, col_w_in - 0.04, max_lines=2)
    if all(L.ELLIPSIS not in t for t in flat):
        return flat, 0
    lines = 2 if col_w_in * 72 >= L.line_height_pt(L.TICK_PT, 2) + 1 else 1
    return L.fit_labels(labels, L.MAX_LABEL_IN, max_lines=lines), 90


def draw_matrix(
    values, counts, *, row_labels, col_labels, cmap, norm, min_n, value_text, ax=None,
    xlabel="", ylabel="", note="", cbar_label="", cbar_format=None, func="draw_matrix",
    cell_n=None, n_first=False, row_label_in=None,
):
    """Draw an annotated heatmap following the module's layout rule; return the Axes.

    Parameters
    ----------
    values, counts : ndarray of shape (n_rows, n_cols)
        Cell values (NaN: no data) and n per cell (mentions).
    row_labels, col_labels : sequence of str
        Display labels, in drawing order.
    cmap : str
        Colormap name.
    norm : matplotlib.colors.Normalize
    min_n : int
        Cells with ``counts < min_n`` are grey (:data:`OTHER_COLOUR`) with no value.
    value_text : callable
        ``value -> str`` for the in-cell value.
    cell_n : ndarray of shape (n_rows, n_cols), optional
        The n printed in the cells (default `counts`).
    n_first : bool, default=False
        When only one item fits a cell, print n rather than the value.
    row_label_in : float, optional
        Widest row label before it is wrapped or shortened, in inches (default
        :data:`~framing.plotting.layout.MAX_LABEL_IN`).
    """
    values = np.asarray(values, dtype=float)
    counts = np.nan_to_num(np.asarray(counts, dtype=float))
    cell_n = counts if cell_n is None else np.nan_to_num(np.asarray(cell_n, dtype=float))
    n_rows, n_cols = values.shape
    dropped = 0
    if ax is None:
        width = _matrix_figure_width(n_cols)
        label_in = L.MAX_LABEL_IN if row_label_in is None else float(row_label_in)
        row_text = L.fit_labels(row_labels, label_in, max_lines=1)
        row_w = L.labels_width_in(row_text) + _ROW_PAD_IN
        col_w = (width - row_w - _CBAR_IN) / max(n_cols, 1)
        col_text, rotation = _column_labels(col_labels, col_w)
        col_h = (
            L.labels_width_in(col_text) if rotation
            else L.line_height_pt(L.TICK_PT, L.n_lines(col_text)) / 72
        )
        overhead = 0.55 + col_h + 0.3  # note + column labels + x label and padding
        max_rows = int((PAGE_HEIGHT_IN - overhead) // L.MIN_ROW_IN)
        if n_rows > max_rows:
            dropped = n_rows - max_rows
            values, counts = values[:max_rows], counts[:max_rows]
            cell_n = cell_n[:max_rows]
            row_text, n_rows = row_text[:max_rows], max_rows
        row_h = min(0.32, max(L.MIN_ROW_IN, (PAGE_HEIGHT_IN - overhead) / max(n_rows, 1)))
        row_h = min(row_h, max(L.MIN_ROW_IN, 3.2 / max(n_rows, 1)))
        if row_h * 72 >= L.line_height_pt(L.TICK_PT, 2) + 3:  # room for two-line labels
            row_text = L.fit_labels(row_labels[:n_rows], label_in, max_lines=2)
        # at least 2.2 in: room for the colorbar's label
        ax = L.new_axes(None, width, max(2.2, overhead + n_rows * row_h))
    else:
        row_text = list(row_labels)
        col_text, rotation = [str(c) for c in col_labels], 90
    fig = ax.figure
    shown = np.where(counts >= max(min_n, 1), values, np.nan)
    cm = mpl.colormaps[cmap].with_extremes(bad=OTHER_COLOUR)
    image = ax.imshow(np.ma.masked_invalid(shown), cmap=cm, norm=norm, aspect="auto",
                      interpolation="nearest")
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_xticks(range(n_cols), col_text, rotation=rotation, ha="center", va="top")
    ax.set_yticks(range(n_rows), row_text)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    cbar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02, aspect=30)
    cbar.set_label(cbar_label)
    if cbar_format is not None:
        cbar.ax.yaxis.set_major_formatter(cbar_format)
    cbar.ax.tick_params(labelsize=L.SMALL_PT)
    w_in, h_in = L.axes_size_in(ax)
    cell_w, cell_h = 72 * w_in / max(n_cols, 1), 72 * h_in / max(n_rows, 1)
    for i in range(n_rows):
        for j in range(n_cols):
            n = int(cell_n[i, j])
            v = shown[i, j]
            if np.isnan(v):
                small = [f"n={n:,}", f"{n:,}"] if n_first else [f"n={n:,}"]
                text = _fit_cell(small, cell_w, cell_h) if counts[i, j] > 0 else ""
                colour = "black"
            else:
                main = value_text(v)
                short = [f"n={n:,}", f"{n:,}"] if n_first else [main]
                text = _fit_cell([f"{main}\nn={n:,}", *short], cell_w, cell_h)
                colour = L.text_colour(cm(norm(v)))
            if text:
                ax.text(j, i, text, ha="center", va="center", fontsize=L.SMALL_PT,
                        color=colour)
    parts = [note] if note else []
    if min_n > 1:
        parts.append(f"grey: fewer than {min_n} mentions")
    elif (counts == 0).any():
        parts.append("grey: no mentions")
    if dropped:
        parts.append(f"{dropped} more rows in the CSV")
    if parts:
        ax.set_title(L.wrap_note("; ".join(parts), max(w_in, 1.5), _NOTE_PT), loc="left",
                     fontsize=_NOTE_PT)
    return ax


def _matrix(table, index, columns, value, func):
    if table.duplicated([index, columns]).any():
        raise ValueError(
            f"The table passed to {func}() has more than one row per ({index!r}, {columns!r}); "
            f"aggregate without 'period' or filter one period first."
        )
    return table.pivot(index=index, columns=columns, values=value)


def _ordered(table, value, count, group, func, order, index="actor_id", names=None, min_n=1):
    """Pivot to rows × columns in the chosen order; cells below `min_n` do not count."""
    wide = _matrix(table, index, group, value, func)
    n = _matrix(table, index, group, count, func).reindex_like(wide).fillna(0)
    c = n.to_numpy(float)
    v = np.where(c >= max(min_n, 1), wide.to_numpy(float), np.nan)
    row_names = [names(r) if names else str(r) for r in wide.index]
    rows = order_labels(v, c, row_names, order, func)
    cols = order_labels(v.T, c.T, wide.columns, order, func)
    wide, n = wide.iloc[rows, cols], n.iloc[rows, cols]
    return wide, n


def plot_sentiment_heatmap(
    table, *, ax=None, group="outlet", actor_labels=None, vmax=None, min_mentions=5,
    order="mean",
):
    """Draw mean sentiment per group × actor as a diverging heatmap centred on 0.

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_groups * n_actors, 10+)
        As returned by :func:`framing.aggregate.aggregate_scores` with
        ``by=(group, 'actor_id')`` and no period: columns `group`, ``actor_id``, ``mean``
        (in [-1, 1]) and ``n_mentions``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when None: 1.5 columns wide up to 8 groups,
        2 columns above; as tall as the rows need, up to a page.
    group : str, default='outlet'
        Column across: ``outlet`` or a group column from the outlet map.
    actor_labels : mapping of str to str, optional
        Display names by actor id.
    vmax : float, optional
        Colour limit: the scale runs from ``-vmax`` to ``vmax``. Default: the largest
        ``|mean|`` among cells with at least `min_mentions` mentions, but at least
        :data:`MIN_SENTIMENT_VMAX`, so that a mean near 0 is never drawn in the darkest
        colour.
    min_mentions : int, default=5
        Cells with fewer scored mentions are grey, without a value (n shown when it fits):
        a mean of 3 mentions must not look as strong as one of 3,000.
    order : {'mean', 'n', 'name', 'cluster'}, default='mean'
        Order of rows and columns (:data:`ORDERS`): by the n-weighted mean, highest first.

    Returns
    -------
    ax : matplotlib.axes.Axes
        With one image (symmetric limits, colormap :data:`SENTIMENT_CMAP`), a colorbar
        labelled "Mean sentiment (−1 to 1)" and one text per cell where it fits (mean, then
        n); the title notes the grey cells.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If the table has more than one row per group and actor, or `order` or
        `min_mentions` is invalid.
    """
    func = "plot_sentiment_heatmap"
    L.require_columns(table, [group, "actor_id", "mean", "n_mentions"], func)
    min_mentions = L.check_int(min_mentions, "min_mentions", func, 1)
    wide, n = _ordered(table, "mean", "n_mentions", group, func, order,
                       names=lambda a: L.label_of(actor_labels, a), min_n=min_mentions)
    values, counts = wide.to_numpy(float), n.to_numpy(float)
    if vmax is None:
        ok = values[(counts >= min_mentions) & np.isfinite(values)]
        vmax = max(float(np.abs(ok).max()) if ok.size else 1.0, MIN_SENTIMENT_VMAX)
    return draw_matrix(
        values, counts, ax=ax,
        row_labels=[L.label_of(actor_labels, a) for a in wide.index],
        col_labels=[str(c) for c in wide.columns],
        cmap=SENTIMENT_CMAP, norm=Normalize(vmin=-vmax, vmax=vmax), min_n=min_mentions,
        value_text=L.signed, xlabel=group.replace("_", " ").capitalize(), ylabel="Actor",
        note="Cells: mean, n mentions (CIs in the CSV)", cbar_label=SENTIMENT_LABEL, func=func,
    )


def plot_salience(
    table, *, ax=None, value="share_articles", actor_labels=None, group="outlet",
    min_mentions=1, order="mean",
):
    """Draw actor salience per group as an annotated heatmap (actors × groups).

    Parameters
    ----------
    table : pandas.DataFrame of shape (n_groups * n_actors, 9+)
        As returned by :func:`framing.aggregate.salience` with ``by=(group,)`` and no
        period (optionally with ``top_actors``, whose ``'other'`` row is drawn last):
        columns `group`, ``actor_id``, `value`, ``n_mentions``, ``n_articles``,
        ``n_articles_total``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when None (sizes as
        :func:`plot_sentiment_heatmap`).
    value : {'share_articles', 'mentions_per_1000_articles'}, default='share_articles'
        What the colour shows: the share of the group's articles that mention the actor
        (0–1, shown in %), or mentions per 1,000 articles.
    actor_labels : mapping of str to str, optional
        Display names by actor id (e.g. ``{"zelensky": "Зеленський"}``).
    group : str, default='outlet'
        Column across.
    min_mentions : int, default=1
        Cells with fewer mentions are grey.
    order : {'mean', 'n', 'name', 'cluster'}, default='mean'
        Order of rows and columns (:data:`ORDERS`).

    Returns
    -------
    ax : matplotlib.axes.Axes
        With one image, a colorbar and a text per cell where it fits (value, then n
        articles mentioning the actor); column labels give each group's n articles when
        they fit. The Wilson CIs are in the CSV (``share_ci_low``, ``share_ci_high``).

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `value` or `order` is not known, or the table has more than one row per group
        and actor (e.g. several periods).
    """
    func = "plot_salience"
    L.check_choice(value, "value", func, ("share_articles", "mentions_per_1000_articles"))
    L.require_columns(table, [group, "actor_id", value, "n_mentions", "n_articles", "n_articles_total"],
              func)
    min_mentions = L.check_int(min_mentions, "min_mentions", func, 0)
    wide, n = _ordered(table, value, "n_mentions", group, func, order,
                       names=lambda a: L.label_of(actor_labels, a), min_n=min_mentions)
    n_art = _matrix(table, "actor_id", group, "n_articles", func).reindex_like(wide).fillna(0)
    totals = table.drop_duplicates(group).set_index(group)["n_articles_total"]
    values = wide.to_numpy(float)
    vmax = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    vmax = vmax if vmax > 0 else 1.0
    share = value == "share_articles"
    counts = n.to_numpy(float)
    ax = draw_matrix(
        values, counts, cell_n=n_art.to_numpy(float), ax=ax,
        row_labels=[L.label_of(actor_labels, a) for a in wide.index],
        col_labels=[f"{c} (n={int(totals.get(c, 0)):,})" for c in wide.columns],
        cmap=SALIENCE_CMAP, norm=Normalize(vmin=0, vmax=vmax), min_n=min_mentions,
        value_text=(lambda v: f"{100 * v:.0f}%") if share else (lambda v: f"{v:.0f}"),
        xlabel=f"{group.replace('_', ' ').capitalize()} (n = articles)", ylabel="Actor",
        note=("Cells: share of articles, n articles mentioning the actor (Wilson CIs in the CSV)"
              if share else "Cells: mentions per 1,000 articles, n articles mentioning the actor"),
        cbar_label=("Articles mentioning actor (%)" if share
                    else "Mentions per 1,000 articles"),
        cbar_format=PercentFormatter(xmax=1, decimals=0) if share else None, func=func,
    )
    return ax


def plot_stance_matrix(edges, *, ax=None, group="outlet", actor_labels=None, vmax=1.0,
                       min_n=1, top_k=40, order="n"):
    """Draw holder → target stance as a matrix: colour = mean stance, text = n.

    With one group value the rows are holders and the columns targets; with several, the
    rows are the `top_k` holder → target pairs (most mentions over all groups) and the
    columns the groups. This replaces the network drawing when a network is too dense.

    Parameters
    ----------
    edges : pandas.DataFrame
        From :func:`framing.voice.stance_network`: columns `group`, ``holder_id``,
        ``target_id``, ``n`` (int) and ``mean`` (float in [-1, 1]).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when None.
    group : str, default='outlet'
    actor_labels : mapping of str to str, optional
    vmax : float, default=1.0
        Colour limits ``[-vmax, vmax]`` of :data:`SENTIMENT_CMAP`.
    min_n : int, default=1
        Cells with fewer mentions are grey.
    top_k : int, default=40
        Pairs shown when there are several groups (the rest are counted in the note).
    order : {'mean', 'n', 'name', 'cluster'}, default='n'
        Order of rows and columns.

    Returns
    -------
    ax : matplotlib.axes.Axes

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If the table is empty.
    """
    func = "plot_stance_matrix"
    L.require_columns(edges, [group, "holder_id", "target_id", "n", "mean"], func)
    if edges.empty:
        raise ValueError(f"{func}() has nothing to draw: the edge table is empty.")
    top_k = L.check_int(top_k, "top_k", func, 1)
    lab = lambda a: L.label_of(actor_labels, a)
    df = edges.assign(holder_id=edges["holder_id"].astype(str),
                      target_id=edges["target_id"].astype(str))
    note = "Colour: mean stance; cells: n mentions (and the mean where it fits)"
    if df[group].nunique() == 1:
        wide, n = _ordered(df, "mean", "n", "target_id", func, order, index="holder_id",
                           min_n=min_n)
        rows, cols = [lab(h) for h in wide.index], [lab(t) for t in wide.columns]
        xlabel, ylabel = "Target (actor mentioned)", "Holder (speaker)"
        note += f"; {df[group].iloc[0]}"
        room = None
    else:
        df = df.assign(pair=df["holder_id"] + "\u2192" + df["target_id"])
        totals = df.groupby("pair")["n"].sum().sort_values(ascending=False, kind="stable")
        keep = list(totals.index[:top_k])
        if len(totals) > top_k:
            note += f"; top {top_k} of {len(totals)} pairs by n"
        df = df[df["pair"].isin(keep)]
        wide, n = _ordered(df, "mean", "n", group, func, order, index="pair", min_n=min_n)
        room = _row_label_room(wide.shape[1], 2 * L.MAX_LABEL_IN)
        rows = [_pair_label(*(lab(p) for p in pair.split("\u2192")), room)
                for pair in wide.index]
        cols = [str(c) for c in wide.columns]
        xlabel, ylabel = group.replace("_", " ").capitalize(), "Holder \u2192 target"
    return draw_matrix(
        wide.to_numpy(float), n.to_numpy(float), ax=ax, row_labels=rows, col_labels=cols,
        cmap=SENTIMENT_CMAP, norm=Normalize(vmin=-vmax, vmax=vmax), min_n=min_n,
        value_text=L.signed, xlabel=xlabel, ylabel=ylabel, note=note,
        cbar_label=STANCE_LABEL, func=func, n_first=True, row_label_in=room,
    )


_MIN_COLUMN_IN = 0.35  # narrowest column _row_label_room leaves to each group
_MIN_MATRIX_IN = 2.0  # and the narrowest matrix (its note wraps to the matrix width)


def _row_label_room(n_cols, most_in):
    """Width the row labels of a :func:`draw_matrix` figure may take. Unit: inches.

    Up to `most_in`, as long as the matrix keeps :data:`_MIN_COLUMN_IN` per column and
    :data:`_MIN_MATRIX_IN` in all; never less than
    :data:`~framing.plotting.layout.MAX_LABEL_IN`.
    """
    spare = _matrix_figure_width(n_cols) - _ROW_PAD_IN - _CBAR_IN
    matrix = max(max(int(n_cols), 1) * _MIN_COLUMN_IN, _MIN_MATRIX_IN)
    return float(max(L.MAX_LABEL_IN, min(most_in, spare - matrix)))


def _pair_label(holder, target, room_in):
    """``"holder → target"`` within `room_in` inches: the shorter name stays whole when
    it takes at most half the room, and the other is shortened with '…'."""
    arrow = " \u2192 "
    full = f"{holder}{arrow}{target}"
    if L.text_width_pt(full) <= room_in * 72:
        return full
    avail = room_in * 72 - L.text_width_pt(arrow)
    w_h, w_t = L.text_width_pt(holder), L.text_width_pt(target)
    if w_h <= avail / 2:
        return f"{holder}{arrow}{L.fit_label(target, (avail - w_h) / 72, max_lines=1)}"
    if w_t <= avail / 2:
        return f"{L.fit_label(holder, (avail - w_t) / 72, max_lines=1)}{arrow}{target}"
    half = avail / 2 / 72
    return (f"{L.fit_label(holder, half, max_lines=1)}{arrow}"
            f"{L.fit_label(target, half, max_lines=1)}")


__all__ = ["ORDERS", "draw_matrix", "order_labels", "plot_salience", "plot_sentiment_heatmap",
           "plot_stance_matrix"]
