"""Publication dates: parsing to UTC and a ``date_status`` per article.

>>> import pandas as pd
>>> from framing.corpus.dates import parse_published
>>> published, status, n_date_only = parse_published(pd.Series(["2024-02-24T05:30:00+02:00"]), "UTC")
>>> status.tolist()
['ok']
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

import numpy as np
import pandas as pd

__all__ = ["check_time_zone", "parse_published"]

_TZ_SUFFIX = r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?|\s*(?:UTC|GMT))$"
_HAS_TIME = r"(?:T\d{2}:?\d{2}|(?:^|\s)\d{1,2}:\d{2})"
_AWARE_RE = _HAS_TIME + r".*" + _TZ_SUFFIX


def parse_published(values, default_tz="UTC"):
    """Parse dates to ``datetime64[ns, UTC]`` and a ``date_status`` per row.

    Parameters
    ----------
    values : pandas.Series of shape (n,)
        Strings (ISO 8601 with any offset, ``Z`` or a trailing ``UTC``/``GMT``;
        RFC 2822 as in RSS feeds), datetimes (with or without a zone), or missing.
    default_tz : str or tzinfo, default="UTC"
        Zone for values without an offset (and for date-only values: midnight).

    Returns
    -------
    published : pandas.Series of datetime64[ns, UTC], shape (n,)
        NaT where missing or unparseable (including values outside 1677-2262).
    date_status : numpy.ndarray of str, shape (n,)
        ``"ok"``, ``"naive"`` (a time without offset: `default_tz` applied),
        ``"missing"`` or ``"unparseable"``.
    n_date_only : int
        Values that were a date without a time of day (status ``"ok"``).
    """
    n = len(values)
    status = np.full(n, "ok", dtype=object)
    values = values.reset_index(drop=True)
    missing = values.isna().to_numpy()
    if isinstance(values.dtype, pd.DatetimeTZDtype):  # e.g. Parquet timestamps with a zone
        out = _to_ns(values.dt.tz_convert("UTC"))
        naive = has_time = np.zeros(n, dtype=bool)
    elif pd.api.types.is_datetime64_dtype(values.dtype):  # Parquet timestamps without a zone
        out = _to_ns(_localize(values, default_tz))
        naive = has_time = ~missing
    else:
        if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) not in (
            "string",
            "empty",
        ):
            values = values.map(_date_text)
        text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
        missing = (text == "").to_numpy()
        aware = np.array(text.str.contains(_AWARE_RE, regex=True), dtype=bool)
        has_time = np.array(text.str.contains(_HAS_TIME, regex=True), dtype=bool)
        iso = text.str.replace(r"\s*(?:UTC|GMT)$", "+00:00", regex=True)
        iso = iso.astype(object).where(~missing, None)
        # utc=True reads naive values as UTC wall time; they are re-localised below.
        out = _to_ns(pd.to_datetime(iso, utc=True, format="ISO8601", errors="coerce"))
        # Fallback for RFC 2822 dates as found in RSS feeds ("Thu, 24 Feb 2022 05:30:00 +0200").
        for i in np.flatnonzero(out.isna().to_numpy() & ~missing):
            value = _parse_rfc2822(text.iat[i])
            if value is not None:
                stamp = pd.Timestamp(value)
                aware[i] = stamp.tzinfo is not None
                has_time[i] = True
                stamp = stamp.tz_convert("UTC") if aware[i] else stamp.tz_localize("UTC")
                if (
                    pd.Timestamp.min.tz_localize("UTC")
                    <= stamp
                    <= pd.Timestamp.max.tz_localize("UTC")
                ):
                    out.iat[i] = stamp
        naive = ~aware & out.notna().to_numpy()
        if naive.any() and str(default_tz) != "UTC":
            wall = out[naive].dt.tz_convert(None)
            out[naive] = _localize(wall, default_tz).astype("datetime64[ns, UTC]")
    unparseable = ~missing & out.isna().to_numpy()
    status[naive & has_time] = "naive"
    status[missing] = "missing"
    status[unparseable] = "unparseable"
    n_date_only = int((naive & ~has_time & ~unparseable).sum())
    return out, status, n_date_only


def _date_text(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _parse_rfc2822(text):
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _localize(naive, default_tz):
    # Ambiguous wall times (DST fall-back) take the first (DST) occurrence;
    # non-existent ones (spring-forward gap) move forward to the first valid time.
    return naive.dt.tz_localize(
        default_tz, ambiguous=np.ones(len(naive), dtype=bool), nonexistent="shift_forward"
    ).dt.tz_convert("UTC")


def _to_ns(series):
    """Cast to datetime64[ns, UTC], turning values outside the ns range into NaT."""
    series = series.reset_index(drop=True)
    if series.dt.unit != "ns":
        lo, hi = pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC")
        series = series.where(series.isna() | ((series >= lo) & (series <= hi)))
    return series.astype("datetime64[ns, UTC]")


def check_time_zone(default_tz, *, caller="load_corpus"):
    """Check that `default_tz` names a time zone.

    Parameters
    ----------
    default_tz : str or tzinfo
    caller : str, default="load_corpus"
        Function named in the error message.

    Raises
    ------
    ValueError
        If pandas cannot localise a timestamp to `default_tz`.
    """
    try:
        pd.Timestamp("2000-01-01").tz_localize(default_tz)
    except Exception as err:  # pytz/zoneinfo raise different types
        raise ValueError(
            f"The 'default_tz' parameter of {caller} must be a time zone such as 'UTC' or "
            f"'Europe/Kyiv'. Got {default_tz!r} instead."
        ) from err


