"""Layout rules shared by the plot modules (text measuring, label fitting, sizes, checks).

Text is measured with the fonts of the current style (``TextToPath``), so a label is
shortened, wrapped, turned or left out *before* it could collide: the rules hold from
2 to 30+ outlets and 1 to 25+ actors. Figures use constrained layout at a journal width
(:data:`~framing.plotting.style.JOURNAL_WIDTHS_IN`) and are at most
:data:`~framing.plotting.style.PAGE_HEIGHT_IN` tall.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from framing.aggregate import check_int, require_columns  # noqa: F401  (re-exported for the figure modules)
from framing.plotting.style import (
    ASPECT,
    DOUBLE_COLUMN_IN,
    ONE_AND_HALF_COLUMN_IN,
    PAGE_HEIGHT_IN,
    SINGLE_COLUMN_IN,
)

MINUS = "\u2212"
ELLIPSIS = "\u2026"
#: Size of tick labels (as in the style sheet). Unit: points.
TICK_PT = 7.0
#: Size of in-cell and annotation text. Unit: points.
SMALL_PT = 6.0
#: Smallest row of a heatmap or dot plot: a 7 pt label and a little air. Unit: inches.
MIN_ROW_IN = 0.15
#: Longest label on a category axis before it is wrapped or shortened. Unit: inches.
MAX_LABEL_IN = 1.5
_T2P = TextToPath()
_WIDTH_CACHE: dict = {}


def text_width_pt(text, size=TICK_PT):
    """Width of `text` (longest line) in the current sans-serif font. Unit: points."""
    family = tuple(plt.rcParams["font.sans-serif"])
    key = (text, float(size), family)
    if key not in _WIDTH_CACHE:
        prop = FontProperties(size=size)
        widths = [
            _T2P.get_text_width_height_descent(line, prop, ismath=False)[0] if line else 0.0
            for line in str(text).split("\n")
        ]
        _WIDTH_CACHE[key] = max(widths) if widths else 0.0
    return _WIDTH_CACHE[key]


def line_height_pt(size=TICK_PT, n_lines=1):
    """Height of `n_lines` lines of text at `size` (1.2 line spacing). Unit: points."""
    return 1.2 * size * n_lines


def fit_label(text, width_in, size=TICK_PT, max_lines=2):
    """Wrap `text` at spaces into at most `max_lines` lines of `width_in`, then shorten with '…'.

    The same rule everywhere: a label that fits stays; a long one breaks at spaces; what
    still does not fit is cut at a character and ends in an ellipsis.
    """
    text = str(text)
    limit = width_in * 72.0
    if text_width_pt(text, size) <= limit:
        return text
    lines = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width_pt(f"{line} {words[0]}", size) <= limit:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    for k, line in enumerate(lines):
        if text_width_pt(line, size) > limit or (k == len(lines) - 1 and words):
            cut = line
            while cut and text_width_pt(cut + ELLIPSIS, size) > limit:
                cut = cut[:-1]
            lines[k] = cut.rstrip() + ELLIPSIS
            lines = lines[: k + 1]
            break
    return "\n".join(lines)


def fit_labels(texts, width_in, size=TICK_PT, max_lines=2):
    """Apply :func:`fit_label` to each text; returns a list of str."""
    return [fit_label(t, width_in, size, max_lines) for t in texts]


def labels_width_in(texts, size=TICK_PT):
    """Widest of `texts` (longest line). Unit: inches."""
    return max((text_width_pt(t, size) for t in texts), default=0.0) / 72.0


def n_lines(texts):
    """Most lines in any of `texts`."""
    return max((str(t).count("\n") + 1 for t in texts), default=1)


def figure_width(n_columns, *, wide_above=8, narrow_below=0):
    """Journal width for a figure with `n_columns` categories across (inches)."""
    if n_columns <= narrow_below:
        return SINGLE_COLUMN_IN
    return ONE_AND_HALF_COLUMN_IN if n_columns <= wide_above else DOUBLE_COLUMN_IN


def clamp_height(height_in):
    """Height in [1.2, PAGE_HEIGHT_IN]. Unit: inches."""
    return float(min(max(height_in, 1.2), PAGE_HEIGHT_IN))


def new_axes(ax, width=SINGLE_COLUMN_IN, height=None):
    """Return `ax`, or the Axes of a new constrained-layout figure `width` × `height` inches."""
    if ax is None:
        height = width * ASPECT if height is None else clamp_height(height)
        _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return ax


def axes_size_in(ax):
    """Width and height of `ax` after the figure's layout is run. Unit: inches."""
    fig = ax.figure
    fig.draw_without_rendering()
    bbox = ax.get_window_extent()
    return bbox.width / fig.dpi, bbox.height / fig.dpi


def panel_grid(n_panels, ncols, width, panel_height, *, sharex=False, sharey=False):
    """A constrained-layout grid of `n_panels` Axes, `ncols` wide, height capped at a page."""
    ncols = max(1, min(ncols, n_panels))
    nrows = max(1, -(-n_panels // ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(width, clamp_height(nrows * panel_height)), squeeze=False,
        layout="constrained", sharex=sharex, sharey=sharey,
    )
    flat = list(axes.ravel())
    for ax in flat[n_panels:]:
        ax.set_axis_off()
    return fig, flat[:n_panels], nrows, ncols


def signed(x, digits=2):
    """Format a number with an explicit sign and the Unicode minus ('n/a' for NaN)."""
    if pd.isna(x):
        return "n/a"
    return f"{x:+.{digits}f}".replace("-", MINUS)


def pct(level):
    """0.95 -> '95%'."""
    return f"{100 * level:g}%"


def label_of(actor_labels, actor_id):
    """Display name of an actor id (the id itself without a mapping)."""
    if actor_labels is None:
        return str(actor_id)
    return str(actor_labels.get(actor_id, actor_id))


def ci_level_of(table, ci_level, func):
    """The CI level: `ci_level`, else ``table.attrs['ci_level']``; ValueError if unknown."""
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


def check_choice(value, name, func, choices):
    """Raise ValueError unless `value` is one of `choices`."""
    if value not in choices:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be one of {tuple(choices)!r}. "
            f"Got {value!r} instead."
        )
    return value


def text_colour(rgba):
    """Black or white, whichever reads better on `rgba`."""
    r, g, b = rgba[:3]
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "black"


def staggered_levels(positions_pt, widths_pt, gap_pt=2.0):
    """Assign each label (centre x, width) the lowest level where it overlaps no other.

    Returns a list of int levels (0 = first row), in the input order; labels are placed
    left to right.
    """
    order = np.argsort(positions_pt, kind="stable")
    right_edge: list[float] = []
    levels = [0] * len(positions_pt)
    for i in order:
        left = positions_pt[i] - widths_pt[i] / 2
        for level, edge in enumerate(right_edge):
            if left >= edge + gap_pt:
                right_edge[level] = positions_pt[i] + widths_pt[i] / 2
                levels[i] = level
                break
        else:
            right_edge.append(positions_pt[i] + widths_pt[i] / 2)
            levels[i] = len(right_edge) - 1
    return levels


def ceil_div(a, b):
    """Integer ceiling of a / b."""
    return -(-int(a) // int(b))


def wrap_note(text, width_in, size=SMALL_PT):
    """Wrap a sentence to lines no wider than `width_in` at `size` points."""
    chars = max(20, int(width_in * 72.0 / (0.55 * size)))
    lines = textwrap.wrap(text, chars)
    while lines and max(text_width_pt(x, size) for x in lines) > width_in * 72.0 and chars > 20:
        chars -= 4
        lines = textwrap.wrap(text, chars)
    return "\n".join(lines)
