"""The paper style: figure sizes, colours, markers and the style sheet.

Each choice is defined here once; the ``plot_*`` modules only read these names.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

#: Width of a single-column figure. Unit: inches.
SINGLE_COLUMN_IN = 3.5
#: Width of a one-and-a-half-column figure. Unit: inches.
ONE_AND_HALF_COLUMN_IN = 5.0
#: Width of a double-column (full-page-width) figure. Unit: inches.
DOUBLE_COLUMN_IN = 7.2
#: The journal widths a figure may have, narrowest first. Unit: inches.
JOURNAL_WIDTHS_IN = (SINGLE_COLUMN_IN, ONE_AND_HALF_COLUMN_IN, DOUBLE_COLUMN_IN)
#: Tallest figure: the text block of a journal page with room for a two-line caption
#: (Elsevier: 240 mm; Nature: 247 mm; IEEE: 9.5 in text height). Unit: inches.
PAGE_HEIGHT_IN = 8.6
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
#: Colour of an "other" bucket (pooled outlets, actors or holders) and of greyed-out cells.
OTHER_COLOUR = "#BBBBBB"
#: Label of the pooled bucket in top-k views (top outlets, actors or holders + "other").
OTHER_LABEL = "other"
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
#: Axis and colorbar label of mean sentiment.
SENTIMENT_LABEL = "Mean sentiment (\u22121 to 1)"
#: Axis and colorbar label of mean stance.
STANCE_LABEL = "Mean stance (\u22121 against to 1 favour)"


def use_style():
    """Apply the paper style (``framing.styles.paper``) to the current matplotlib session.

    Sets font sizes (8 pt), DejaVu Sans (covers Latin, Greek, Cyrillic and the Unicode
    minus) with fallback fonts for other scripts when they are installed (Noto Sans CJK,
    Source Han Sans, WenQuanYi, Noto Sans Arabic/Hebrew/Devanagari), TrueType font
    embedding in PDF/PS, the Okabe–Ito colour cycle with line styles, and a 3.5 × 2.4 in
    default figure. Use ``plt.style.context(STYLE)`` for a scoped change.
    """
    plt.style.use(STYLE)


def outlet_styles(outlets):
    """Assign a stable colour, marker, line style and hatch to each outlet.

    Outlets are sorted, so the same set of outlets always gets the same styles, whatever the
    order in which they are given. The pooled bucket :data:`OTHER_LABEL` always gets
    :data:`OTHER_COLOUR`.

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
    names = sorted({str(o) for o in outlets if not pd.isna(o)} - {OTHER_LABEL})
    styles = {
        name: {
            "color": PALETTE[i % len(PALETTE)],
            "marker": OUTLET_MARKERS[i % len(OUTLET_MARKERS)],
            "linestyle": OUTLET_LINESTYLES[i % len(OUTLET_LINESTYLES)],
            "hatch": OUTLET_HATCHES[i % len(OUTLET_HATCHES)],
        }
        for i, name in enumerate(names)
    }
    if OTHER_LABEL in {str(o) for o in outlets if not pd.isna(o)}:
        styles[OTHER_LABEL] = {"color": OTHER_COLOUR, "marker": ".", "linestyle": "-",
                               "hatch": ""}
    return styles
