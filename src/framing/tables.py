"""Publication tables: every result table as CSV and as a LaTeX booktabs table, byte-stable.

>>> save_table(contrasts, "tab02_outlet_contrasts", out_dir="figures",
...            caption="Pairwise outlet contrasts", label="tab:contrasts")  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["save_table", "to_latex"]

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "\u2212": r"\ensuremath{-}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(k) for k in _LATEX_SPECIAL))
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _escape(text):
    return _SPECIAL_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], str(text))


def _format(value, digits):
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(int(value)).replace("-", r"\ensuremath{-}")
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        text = f"{float(value):.{digits}f}"
        if text.startswith("-") and float(text) == 0:
            text = text[1:]
        return text.replace("-", r"\ensuremath{-}")
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return _escape(value)


def to_latex(df, *, caption, label, digits=3):
    """Return `df` as a LaTeX ``table`` with booktabs rules (no jinja2 needed).

    Parameters
    ----------
    df : pandas.DataFrame of shape (n_rows, n_columns)
        The table; the index is not written.
    caption : str
        Caption text (LaTeX-escaped).
    label : str
        ``\\label`` key, e.g. ``'tab:contrasts'`` (letters, digits, ``:_.-`` only).
    digits : int, default=3
        Decimals for float columns. NaN is written as an empty cell; negative numbers with a
        true minus (``\\ensuremath{-}``).

    Returns
    -------
    latex : str
        Ends with a newline. Numeric columns are right-aligned, others left-aligned. Needs
        ``\\usepackage{booktabs}``; non-ASCII text (e.g. Cyrillic) needs a Unicode-aware
        engine (XeLaTeX/LuaLaTeX) or the matching inputenc/fontenc setup.

    Raises
    ------
    ValueError
        If `label` contains characters other than letters, digits and ``:_.-``.
    """
    if not re.fullmatch(r"[A-Za-z0-9:_.\-]+", str(label)):
        raise ValueError(
            f"The 'label' parameter of to_latex() must contain only letters, digits and ':_.-'. "
            f"Got {label!r} instead, e.g. use 'tab:contrasts'."
        )
    align = "".join(
        "r" if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
        else "l" for c in df.columns
    )
    lines = [
        r"\begin{table}[htbp]",
        r"\centering",
        rf"\caption{{{_escape(caption)}}}",
        rf"\label{{{label}}}",
        rf"\begin{{tabular}}{{{align}}}",
        r"\toprule",
        " & ".join(_escape(c) for c in df.columns) + r" \\",
        r"\midrule",
    ]
    for row in df.itertuples(index=False):
        lines.append(" & ".join(_format(v, digits) for v in row) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}"]
    return "\n".join(lines) + "\n"


def save_table(df, name, *, out_dir, caption, label, digits=3):
    """Write a table as ``<name>.csv`` and ``<name>.tex`` (booktabs), byte-identical on rerun.

    Parameters
    ----------
    df : pandas.DataFrame
        The table; the index is not written.
    name : str
        File stem, e.g. ``'tab02_outlet_contrasts'`` (letters, digits, ``_.-``; no folder,
        no extension).
    out_dir : str or os.PathLike
        Folder to write into; created when missing.
    caption, label : str
        LaTeX caption and ``\\label`` key.
    digits : int, default=3
        Decimals of floats in the LaTeX file; the CSV keeps 10 significant digits.

    Returns
    -------
    paths : dict of str to pathlib.Path
        ``{"csv": …, "tex": …}``.

    Raises
    ------
    TypeError
        If `df` is not a DataFrame.
    ValueError
        If `name` or `label` is not valid.

    Examples
    --------
    >>> paths = save_table(pd.DataFrame({"a": [1.5]}), "tab01_demo", out_dir="/tmp",
    ...                    caption="Demo", label="tab:demo")  # doctest: +SKIP
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"The 'df' parameter of save_table() must be a pandas DataFrame. "
            f"Got {type(df).__name__} instead."
        )
    if not isinstance(name, str) or not _NAME_RE.match(name) or name.endswith((".csv", ".tex")):
        raise ValueError(
            f"The 'name' parameter of save_table() must be a plain file stem such as "
            f"'tab02_outlet_contrasts' (no folder, no extension). Got {name!r} instead."
        )
    latex = to_latex(df, caption=caption, label=label, digits=digits)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"csv": out_dir / f"{name}.csv", "tex": out_dir / f"{name}.tex"}
    df.to_csv(paths["csv"], index=False, float_format="%.10g", lineterminator="\n",
              encoding="utf-8")
    paths["tex"].write_text(latex, encoding="utf-8", newline="\n")
    return paths
