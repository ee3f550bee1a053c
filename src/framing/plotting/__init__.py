"""Figures: the paper style, figure sizes, ``plot_*`` functions and the one figure saver.

Every ``plot_*`` function takes a ready-made tidy table (from :mod:`framing.aggregate` or
:mod:`framing.voice`), draws on `ax` (a new constrained-layout figure at a journal width
when `ax` is None) and returns the Axes or Figure; none computes statistics, shows or
saves. :func:`save_figure` writes PDF + PNG + the CSV behind the figure, byte-identical on
rerun.

Each figure follows a layout rule that holds from 2 to 30+ outlets, 1 to 25+ actors and
one week to several years (``tests/test_figure_layout.py`` checks that no two labels
overlap, nothing lies outside the figure, the width is a journal width and the height at
most :data:`PAGE_HEIGHT_IN`). The rules are described in the modules:
:mod:`~framing.plotting.heatmaps` (sentiment, salience, stance matrix),
:mod:`~framing.plotting.dots` (means with CIs), :mod:`~framing.plotting.time`
(sentiment over time), :mod:`~framing.plotting.counts` (articles, voice shares) and
:mod:`~framing.plotting.networks`.

>>> from framing import plotting
>>> plotting.use_style()  # doctest: +SKIP
>>> ax = plotting.plot_outlet_dots(table, actor_id="zelensky")  # doctest: +SKIP
>>> plotting.save_figure(ax.figure, "fig03_outlet_dots", data=table, out_dir="figures")  # doctest: +SKIP
"""

from framing.plotting.counts import plot_articles_by_outlet, plot_voice_share
from framing.plotting.dots import plot_agreement, plot_outlet_dots, plot_outlet_dots_grid
from framing.plotting.heatmaps import (
    ORDERS,
    plot_salience,
    plot_sentiment_heatmap,
    plot_stance_matrix,
)
from framing.plotting.networks import plot_stance_network, plot_stance_network_grid
from framing.plotting.save import WARNINGS_FILE, save_figure
from framing.plotting.style import (
    ASPECT,
    DOUBLE_COLUMN_IN,
    JOURNAL_WIDTHS_IN,
    OKABE_ITO,
    ONE_AND_HALF_COLUMN_IN,
    OTHER_LABEL,
    OUTLET_HATCHES,
    OUTLET_LINESTYLES,
    OUTLET_MARKERS,
    PAGE_HEIGHT_IN,
    PALETTE,
    SENTIMENT_CMAP,
    SINGLE_COLUMN_IN,
    STYLE,
    outlet_styles,
    use_style,
)
from framing.plotting.time import FACETS, plot_sentiment_over_time, plot_sentiment_over_time_grid

__all__ = [
    "ASPECT",
    "DOUBLE_COLUMN_IN",
    "FACETS",
    "JOURNAL_WIDTHS_IN",
    "OKABE_ITO",
    "ONE_AND_HALF_COLUMN_IN",
    "ORDERS",
    "OTHER_LABEL",
    "OUTLET_HATCHES",
    "OUTLET_LINESTYLES",
    "OUTLET_MARKERS",
    "PAGE_HEIGHT_IN",
    "PALETTE",
    "SENTIMENT_CMAP",
    "SINGLE_COLUMN_IN",
    "STYLE",
    "WARNINGS_FILE",
    "outlet_styles",
    "plot_agreement",
    "plot_articles_by_outlet",
    "plot_outlet_dots",
    "plot_outlet_dots_grid",
    "plot_salience",
    "plot_sentiment_heatmap",
    "plot_sentiment_over_time",
    "plot_sentiment_over_time_grid",
    "plot_stance_matrix",
    "plot_stance_network",
    "plot_stance_network_grid",
    "plot_voice_share",
    "save_figure",
    "use_style",
]
