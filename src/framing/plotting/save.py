"""The one figure saver: PDF + PNG (+ SVG) and the CSV behind the figure, byte-stable."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.transforms import Bbox

#: File (in the output folder) where :func:`save_figure` notes characters that no
#: installed font could draw; ``framing report`` prints its lines.
WARNINGS_FILE = "warnings.log"

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
    A figure with constrained layout (as every ``plot_*`` function makes) is saved at its
    exact size, so its width stays a journal width; other figures are cropped to their
    content (``bbox_inches='tight'``). Characters that no installed font can draw are
    reported in a ``UserWarning`` and in ``out_dir/warnings.log`` (one line per figure,
    printed by ``framing report``).

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
    # A constrained-layout figure (every plot_* figure) keeps its exact size, a journal
    # width; other figures are cropped to their content.
    # (an explicit box: bbox_inches=None would fall back to rcParams["savefig.bbox"])
    bbox = Bbox.from_bounds(0, 0, *fig.get_size_inches()) if _is_constrained(fig) else "tight"
    missing = set()
    rc = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "none", "svg.hashsalt": name}
    with mpl.rc_context(rc):
        for fmt in formats:
            path = target(fmt)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                fig.savefig(
                    path,
                    format=fmt,
                    dpi=300,
                    metadata=per_format[fmt],
                    bbox_inches=bbox,
                    pad_inches=0.02,
                )
            for w in caught:
                found = _GLYPH.search(str(w.message))
                if found:
                    missing.add(chr(int(found.group(1))))
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
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
    _note_missing_glyphs(out_dir / WARNINGS_FILE, name, missing)
    return paths


_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")


def _is_constrained(fig):
    engine = fig.get_layout_engine()
    return engine is not None and type(engine).__name__ == "ConstrainedLayoutEngine"


def _note_missing_glyphs(log_path, name, missing):
    """Keep one line per figure in `log_path` naming characters no font could draw."""
    lines = []
    if log_path.exists():
        lines = [ln for ln in log_path.read_text(encoding="utf-8").splitlines()
                 if not ln.startswith(f"{name}: ")]
    if missing:
        chars = "".join(sorted(missing))
        font = mpl.rcParams["font.sans-serif"][0]
        message = (
            f"{name}: {len(missing)} character(s) that no installed font can draw are shown "
            f"as boxes: {chars!r} (font {font!r}). Install a font with these characters "
            f"(e.g. Noto Sans CJK; the style falls back to it) or give Latin labels in the "
            f"actor registry."
        )
        lines.append(message)
        warnings.warn(message, UserWarning, stacklevel=3)
    if lines:
        log_path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    elif log_path.exists():
        log_path.unlink()


