"""Stance networks: holder → target arrows per group, or a matrix when too dense.

Layout rule: each panel keeps its `top_k` strongest edges (most mentions; edges below
``min_n`` were dropped upstream). Nodes sit on one circle in the same order in every
panel, labels outside the circle aligned away from it (wrapped, then shortened). When a
drawing would be a hairball (more than :data:`MAX_NODES` nodes or
:data:`MAX_NETWORK_PANELS` panels), :func:`~framing.plotting.plot_stance_matrix` replaces
it: holder × target (one group) or holder → target pair × group.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize

from framing.plotting import layout as L
from framing.plotting.heatmaps import plot_stance_matrix
from framing.plotting.style import (
    DOUBLE_COLUMN_IN,
    SENTIMENT_CMAP,
    SINGLE_COLUMN_IN,
    STANCE_LABEL,
)

#: Most nodes drawn as a network; above, the matrix view is used.
MAX_NODES = 10
#: Most panels drawn as networks; above, the matrix view (pairs × groups) is used.
MAX_NETWORK_PANELS = 6
#: Views of :func:`plot_stance_network_grid`.
NETWORK_VIEWS = ("auto", "network", "matrix")
# The circle has radius 1 and the axes run to ±_X_LIM across: a label beside a node at
# the far left or right has _SIDE_ROOM of room to the edge (the `label_in` of
# plot_stance_network), one beside a node nearer the middle more; a centred label
# above or below the circle gets _CENTRED_ROOM.
_X_LIM = 1.9
_SIDE_ROOM = _X_LIM - 1.0
_CENTRED_ROOM = 1.1


def _top_edges(edges, top_k):
    """The `top_k` edges with most mentions (ties: holder, target)."""
    order = edges.assign(_h=edges["holder_id"].astype(str), _t=edges["target_id"].astype(str))
    order = order.sort_values(["n", "_h", "_t"], ascending=[False, True, True], kind="stable")
    return order.head(top_k).drop(columns=["_h", "_t"])


def plot_stance_network(edges, *, ax=None, actor_labels=None, nodes=None, vmax=1.0,
                        max_width=5.0, colorbar=True, title=None, top_k=12, n_max=None,
                        label_in=0.6):
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
        sorted holders and targets of the drawn edges.
    vmax : float, default=1.0
        Colour limits ``[-vmax, vmax]`` of the diverging map, centred on 0.
    max_width : float, default=5.0
        Line width of the edge with the largest n. Unit: points; width ∝ n.
    colorbar : bool, default=True
        Add a colorbar "Mean stance (−1 against to 1 favour)".
    title : str, optional
        Panel title; n (mentions, edges) is appended.
    top_k : int, default=12
        Edges drawn: the `top_k` with most mentions (the title counts the others).
    n_max : int, optional
        The n drawn `max_width` wide (pass one value across panels); default the largest
        n of `edges`.
    label_in : float, default=0.6
        Width available to the label of a node at the far left or right of the circle
        (wrapped on two lines, then shortened). Unit: inches; the axes run from -1.9 to
        1.9 across, so with a panel ``w`` inches wide such labels fit within
        ``0.8 * w / 3.8``. A label runs from its node towards the panel edge, so a node
        at ``|x| < 1`` gets ``label_in * (1.9 - |x|) / 0.9``; a label centred above or
        below the top or bottom node gets ``label_in * 1.1 / 0.9`` (it must clear the
        labels of the nodes beside it).

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
    ValueError
        If `top_k` < 1.
    """
    from matplotlib import patheffects
    from matplotlib.patches import FancyArrowPatch

    func = "plot_stance_network"
    L.require_columns(edges, ["holder_id", "target_id", "n", "mean"], func)
    top_k = L.check_int(top_k, "top_k", func, 1)
    n_all, n_edges_all = (int(edges["n"].sum()) if len(edges) else 0), len(edges)
    edges = _top_edges(edges, top_k)
    if ax is None:
        _, ax = plt.subplots(figsize=(SINGLE_COLUMN_IN, SINGLE_COLUMN_IN), layout="constrained")
    if nodes is None:
        nodes = sorted(set(edges["holder_id"].astype(str)) | set(edges["target_id"].astype(str)))
    nodes = list(nodes)
    angle = np.pi / 2 - 2 * np.pi * np.arange(len(nodes)) / max(len(nodes), 1)
    pos = {n: (np.cos(a), np.sin(a)) for n, a in zip(nodes, angle)}
    cmap = plt.get_cmap(SENTIMENT_CMAP)
    norm = Normalize(vmin=-vmax, vmax=vmax)
    if n_max is None:
        n_max = float(edges["n"].max()) if len(edges) else 1.0
    n_max = float(max(n_max, 1))
    for h, t, n, m in zip(edges["holder_id"].astype(str), edges["target_id"].astype(str),
                          edges["n"], edges["mean"]):
        if h == t or h not in pos or t not in pos:
            continue
        arrow = FancyArrowPatch(
            pos[h], pos[t], arrowstyle="-|>", mutation_scale=7,
            connectionstyle="arc3,rad=0.18", shrinkA=6, shrinkB=6,
            linewidth=max(0.6, max_width * float(n) / n_max), color=cmap(norm(float(m))),
            alpha=0.9, zorder=1,
        )
        lw = arrow.get_linewidth()
        arrow.set_path_effects([patheffects.withStroke(linewidth=lw + 0.8, foreground="0.55")])
        ax.add_patch(arrow)
    xy = np.array([pos[n] for n in nodes]) if nodes else np.zeros((0, 2))
    ax.scatter(xy[:, 0], xy[:, 1], s=16, color="0.25", zorder=2)
    for node, (x, y) in pos.items():
        side = "left" if x > 0.1 else ("right" if x < -0.1 else "center")
        room = label_in * (_CENTRED_ROOM if side == "center" else _X_LIM - abs(x)) / _SIDE_ROOM
        text = L.fit_label(L.label_of(actor_labels, node), room, L.SMALL_PT, max_lines=2)
        label = ax.annotate(text, (x, y), xytext=(3 * x, 3 * y), textcoords="offset points",
                            ha=side, va="bottom" if y >= 0 else "top", fontsize=L.SMALL_PT,
                            linespacing=1.0)
        # Labels fit inside the wide limits below; out of the layout, they do not make
        # constrained layout shrink the circle.
        label.set_in_layout(False)
    ax.set_xlim(-_X_LIM, _X_LIM)
    ax.set_ylim(-1.4, 1.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
    label = f"n={n_all:,}, {len(edges)} of {n_edges_all} edges"
    ax.set_title(f"{title}\n{label}" if title else label, fontsize=L.SMALL_PT, pad=2)
    if colorbar:
        sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        cb = ax.figure.colorbar(sm, ax=ax, shrink=0.7, pad=0.02)
        cb.set_label(STANCE_LABEL)
    return ax


def plot_stance_network_grid(edges, *, group="outlet", groups=None, ncols=3,
                             width=DOUBLE_COLUMN_IN, actor_labels=None, vmax=1.0, top_k=12,
                             view="auto", min_mentions=3):
    """Draw the stance network per group value (small multiples), or the matrix view.

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
    top_k : int, default=12
        Edges per panel (most mentions first); in the matrix view, the pairs shown are
        the ``3 * top_k`` with most mentions overall.
    view : {'auto', 'network', 'matrix'}, default='auto'
        ``'auto'`` draws networks when the strongest edges connect at most
        :data:`MAX_NODES` nodes in at most :data:`MAX_NETWORK_PANELS` panels, and the
        matrix (:func:`~framing.plotting.plot_stance_matrix`) otherwise.
    min_mentions : int, default=3
        In the matrix view, cells with fewer mentions are grey (their n is still printed).

    Returns
    -------
    fig : matplotlib.figure.Figure
        One panel per group with the same node order and one shared colorbar, or the
        matrix figure.

    Raises
    ------
    MissingColumnError
        If a required column is missing.
    ValueError
        If there is no edge to draw or `view` is invalid.
    """
    func = "plot_stance_network_grid"
    L.require_columns(edges, [group, "holder_id", "target_id", "n", "mean"], func)
    L.check_choice(view, "view", func, NETWORK_VIEWS)
    top_k = L.check_int(top_k, "top_k", func, 1)
    present = sorted(edges[group].astype(str).unique())
    chosen = [g for g in groups if g in present] if groups else present
    if not chosen:
        raise ValueError(
            "plot_stance_network_grid() has no edge to draw: the table is empty (lower min_n, "
            "or check that the corpus has attributed statements)."
        )
    edges = edges[edges[group].astype(str).isin(chosen)]
    kept = [_top_edges(edges[edges[group].astype(str) == g], top_k) for g in chosen]
    nodes = sorted(set().union(*(set(k["holder_id"].astype(str)) | set(k["target_id"].astype(str))
                                 for k in kept)))
    if view == "auto":
        view = ("network" if len(nodes) <= MAX_NODES and len(chosen) <= MAX_NETWORK_PANELS
                else "matrix")
    if view == "matrix":
        ax = plot_stance_matrix(edges, group=group, actor_labels=actor_labels, vmax=vmax,
                                top_k=3 * top_k, min_n=min_mentions)
        return ax.figure
    ncols = max(1, min(ncols, len(chosen)))
    nrows = L.ceil_div(len(chosen), ncols)
    width = width if ncols > 1 else SINGLE_COLUMN_IN + 0.5
    panel = (width - 0.7) / ncols
    panel_h = panel * 2.8 / 3.8 + 0.3
    fig, axes, _, _ = L.panel_grid(len(chosen), ncols, width, panel_h)
    fig.set_figheight(L.clamp_height(nrows * panel_h + 0.4))
    for ax, g in zip(axes, chosen):
        plot_stance_network(edges[edges[group].astype(str) == g], ax=ax, nodes=nodes,
                            actor_labels=actor_labels, vmax=vmax, colorbar=False,
                            title=L.fit_label(g, panel - 0.1, L.SMALL_PT, 1), top_k=top_k,
                            n_max=float(edges["n"].max()), label_in=0.8 * panel / 3.8 - 0.03)
    sm = mpl.cm.ScalarMappable(norm=Normalize(vmin=-vmax, vmax=vmax),
                               cmap=plt.get_cmap(SENTIMENT_CMAP))
    cb = fig.colorbar(sm, ax=axes, shrink=0.6, location="right")
    cb.set_label(STANCE_LABEL)
    fig.supxlabel(L.wrap_note(
        f"Arrows: holder \u2192 target; width \u221d n (mentions, same scale in every panel); "
        f"the {top_k} strongest edges per panel", width - 0.3, L.SMALL_PT), fontsize=L.SMALL_PT)
    return fig


__all__ = ["MAX_NETWORK_PANELS", "MAX_NODES", "NETWORK_VIEWS", "plot_stance_network",
           "plot_stance_network_grid"]
