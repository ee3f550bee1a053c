"""The articles table's columns, the provenance keys of raw records, and rejections.

Every reader yields raw records (dicts) carrying :data:`PROVENANCE_FILE` and
:data:`PROVENANCE_LINE`; :func:`framing.corpus.build_articles` turns them into the
articles table and files every record it cannot use with a :class:`Rejections`
collector, so nothing is dropped silently.

>>> from framing.corpus.schema import Rejections
>>> rejections = Rejections(strict=False)
>>> rejections.add("a.jsonl", 3, "invalid_json", "line 3: invalid JSON")
>>> len(rejections.frame(["a.jsonl"]))
1
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.exceptions import CorpusFormatError

__all__ = [
    "ARTICLE_COLUMNS",
    "CANONICAL_COLUMNS",
    "DERIVED_COLUMNS",
    "PROVENANCE_FILE",
    "PROVENANCE_LINE",
    "REJECTION_COLUMNS",
    "Rejections",
    "empty_rejections",
    "raw_frame",
    "skipped_frame",
]

#: Columns every corpus is mapped onto (``columns=`` renames file fields to these).
CANONICAL_COLUMNS = ("article_id", "outlet", "published", "title", "text", "url")
#: Columns computed by :func:`framing.corpus.load_corpus`, in output order after the
#: canonical ones.
DERIVED_COLUMNS = (
    "outlet_raw",
    "status",
    "date_status",
    "date_source",
    "published_raw",
    "crawled",
    "language",
    "language_confidence",
    "language_source",
    "duplicate_group",
    "near_duplicate_group",
    "source_file",
    "source_line",
)
#: Every fixed column of the articles table, in output order.
ARTICLE_COLUMNS = CANONICAL_COLUMNS + DERIVED_COLUMNS
#: Canonical columns holding text (``""`` when absent, never NaN).
STRING_COLUMNS = ("article_id", "outlet", "title", "text", "url")
#: Key of a raw record holding the file it came from (str); renamed ``source_file``.
PROVENANCE_FILE = "\x00source_file"
#: Key of a raw record holding its 1-based line (int); renamed ``source_line``.
PROVENANCE_LINE = "\x00source_line"
#: Columns of a rejections table.
REJECTION_COLUMNS = ("file", "line", "reason", "detail")


def empty_rejections() -> pd.DataFrame:
    """Return an empty rejections table with the right dtypes.

    Returns
    -------
    rejections : pandas.DataFrame of shape (0, 4)
        Columns ``file`` (object), ``line`` (int64), ``reason`` (object),
        ``detail`` (object).
    """
    return pd.DataFrame(
        {
            "file": pd.Series([], dtype=object),
            "line": pd.Series([], dtype="int64"),
            "reason": pd.Series([], dtype=object),
            "detail": pd.Series([], dtype=object),
        }
    )


class Rejections:
    """Collect rejected records, or raise on the first one when `strict`.

    Parameters
    ----------
    strict : bool, default=False
        Raise :class:`~framing.exceptions.CorpusFormatError` at the first
        rejection instead of collecting it.

    Attributes
    ----------
    rows : list of tuple
        ``(file, line, reason, detail)`` per rejected record, in the order added.
        Readers that work chunk by chunk may read and reset it.
    """

    def __init__(self, strict=False):
        self.strict = strict
        self.rows = []

    def __len__(self):
        return len(self.rows)

    def add(self, file, line, reason, detail):
        """Record one rejected record.

        Parameters
        ----------
        file : str or os.PathLike
            File the record came from.
        line : int
            1-based line (or record number) of the record.
        reason : str
            Short machine-readable reason, e.g. ``"invalid_json"``.
        detail : str
            Human-readable explanation.

        Raises
        ------
        CorpusFormatError
            If the collector is strict; names the file and line.
        """
        if self.strict:
            raise CorpusFormatError(
                f"Corpus file {str(file)!r} line {line}: {detail}. Fix the record, or "
                "pass strict=False to skip it and list it in the load report.",
                path=file,
                line=line,
            )
        self.rows.append((str(file), int(line), reason, detail))

    def add_mask(self, df, mask, reason, detail_fn):
        """Reject the rows of a raw frame where `mask` is True.

        Parameters
        ----------
        df : pandas.DataFrame
            A raw frame with the :data:`PROVENANCE_FILE` and :data:`PROVENANCE_LINE`
            columns.
        mask : numpy.ndarray of bool, shape (len(df),)
        reason : str
        detail_fn : callable
            ``detail_fn(row_position, line) -> str``.
        """
        for i in np.flatnonzero(mask):
            line = int(df[PROVENANCE_LINE].iat[i])
            self.add(df[PROVENANCE_FILE].iat[i], line, reason, detail_fn(i, line))

    def frame(self, files=()):
        """Return the rejections sorted by file (in `files` order) and line.

        Parameters
        ----------
        files : sequence of str, default=()
            Files in reading order; files not listed sort first.

        Returns
        -------
        rejections : pandas.DataFrame of shape (n_rejected, 4)
            See :func:`empty_rejections`.
        """
        if not self.rows:
            return empty_rejections()
        out = pd.DataFrame(self.rows, columns=list(REJECTION_COLUMNS))
        rank = {f: k for k, f in enumerate(files)}
        order = sorted(
            range(len(out)), key=lambda k: (rank.get(self.rows[k][0], -1), self.rows[k][1])
        )
        out = out.iloc[order].reset_index(drop=True)
        return out.astype({"file": object, "line": "int64", "reason": object, "detail": object})


def skipped_frame(items=()):
    """Return the table of skipped files and archive records.

    Parameters
    ----------
    items : iterable of tuple, default=()
        ``(file, line, reason, detail)``; line 0 for a whole file.

    Returns
    -------
    skipped : pandas.DataFrame of shape (n_skipped, 4)
        Columns ``file`` (object), ``line`` (int64), ``reason`` (object),
        ``detail`` (object), in the order given.
    """
    items = list(items)
    if not items:
        return empty_rejections()
    out = pd.DataFrame(items, columns=list(REJECTION_COLUMNS))
    return out.astype({"file": object, "line": "int64", "reason": object, "detail": object})


def raw_frame(records) -> pd.DataFrame:
    """Turn raw records (dicts with provenance keys) into a raw frame.

    Parameters
    ----------
    records : list of dict
        As yielded by the readers of :mod:`framing.corpus.readers`.

    Returns
    -------
    raw : pandas.DataFrame of shape (len(records), n_fields)
        One column per field found; always has the :data:`PROVENANCE_FILE` and
        :data:`PROVENANCE_LINE` columns (also when `records` is empty).
    """
    if records:
        return pd.DataFrame.from_records(records)
    return pd.DataFrame(
        {
            PROVENANCE_FILE: pd.Series([], dtype=object),
            PROVENANCE_LINE: pd.Series([], dtype="int64"),
        }
    )


# --------------------------------------------------------------------------- values


def non_scalar_mask(series):
    """Return True where a value is a list, array, dict or set (it cannot be text).

    Parameters
    ----------
    series : pandas.Series

    Returns
    -------
    mask : numpy.ndarray of bool, shape (len(series),)
    """
    if series.dtype != object:
        return np.zeros(len(series), dtype=bool)
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("string", "empty", "integer", "floating", "boolean", "mixed-integer-float"):
        return np.zeros(len(series), dtype=bool)
    return series.map(lambda v: isinstance(v, list | dict | tuple | set | np.ndarray)).to_numpy(
        dtype=bool
    )


def as_text(series):
    """Coerce to str with ``""`` for missing (never NaN); pandas 2.2 and 3.x.

    Parameters
    ----------
    series : pandas.Series of scalars

    Returns
    -------
    text : pandas.Series of str
        Whole floats lose their ``.0`` (``3.0`` → ``"3"``).
    """
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return series.fillna("") if series.hasnans else series  # pandas 3 'str' dtype
    if series.dtype == object:
        kind = pd.api.types.infer_dtype(series, skipna=True)
        if kind not in ("string", "empty"):
            series = series.map(_scalar_text)
    out = series.astype(object).where(series.notna(), "")
    return out.astype(str)


def _scalar_text(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_HOST_RE = r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//(?:[^@/?#\s]*@)?([^:/?#\s]+)"


def url_hosts(url):
    """Return the lower-cased URL host without ``www.`` (``""`` when there is none).

    Parameters
    ----------
    url : pandas.Series of str

    Returns
    -------
    hosts : pandas.Series of str
    """
    host = url.str.extract(_HOST_RE, expand=False)
    host = host.astype(object).where(host.notna(), "")
    host = host.astype(str).str.lower().str.replace(r"^www\.", "", regex=True)
    return host.str.rstrip(".")


def shorten(value, n=60):
    """Return `value` (its repr when not a str) cut to `n` characters with ``...``."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= n else text[: n - 3] + "..."
