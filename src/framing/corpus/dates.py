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

__all__ = [
    "DATE_FALLBACKS",
    "DATE_FLOOR",
    "DATE_SOURCES",
    "DATE_TOLERANCE",
    "check_time_zone",
    "parse_published",
    "resolve_dates",
]

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




#: Dates before this are flagged ``"before_floor"`` (configurable: ``date_floor=``).
DATE_FLOOR = "1900-01-01"
#: Sources tried, in order, for a record without a date (``date_fallbacks=``):
#: ``"url"`` (a ``/YYYY/MM/DD/`` path) and ``"crawl"`` (the crawl time: opt-in,
#: since a crawl can come long after publication).
DATE_FALLBACKS = ("url",)
#: Slack for the after-crawl and future checks: a date-only value or a wrong zone
#: can put a correct date up to a day ahead.
DATE_TOLERANCE = pd.Timedelta(days=1)
#: Values of ``date_source``.
DATE_SOURCES = ("field", "html_meta", "url", "text", "crawl", "")


def resolve_dates(
    published,
    *,
    url=None,
    crawled=None,
    date_source=None,
    default_tz="UTC",
    date_floor=DATE_FLOOR,
    date_fallbacks=DATE_FALLBACKS,
    load_time=None,
):
    """Parse publication dates, record where each came from, and flag impossible ones.

    A record's own date (a file field, or what a page reader found) comes first;
    where it is missing, `date_fallbacks` are tried in order. Dates after the
    crawl time, after `load_time` or before `date_floor` (each beyond
    :data:`DATE_TOLERANCE` for the first two) are flagged in ``date_status``, set
    to NaT in ``published`` (so time views leave them out like missing ones) and
    kept as found in ``published_raw``.

    Parameters
    ----------
    published : pandas.Series of shape (n,)
        Raw date values (strings, datetimes or missing).
    url : pandas.Series of str, shape (n,), optional
        For the ``"url"`` fallback.
    crawled : pandas.Series of shape (n,), optional
        Crawl times (WARC-Date, news-please ``date_download``, ...); naive ones are UTC.
    date_source : pandas.Series of str, shape (n,), optional
        Where a reader found `published` (``"html_meta"``, ``"url"``, ``"text"``);
        a non-missing value without one is ``"field"``.
    default_tz : str or tzinfo, default="UTC"
        See :func:`parse_published`.
    date_floor : str, pandas.Timestamp or None, default=DATE_FLOOR
        Earliest plausible date (UTC); None: no floor.
    date_fallbacks : sequence of {'url', 'crawl'}, default=DATE_FALLBACKS
        Fallback sources for records without a date.
    load_time : pandas.Timestamp, optional
        "Now"; default: the current time.

    Returns
    -------
    dates : dict
        ``published`` (Series of datetime64[ns, UTC]), ``date_status`` (ndarray of
        str: ``"ok"``, ``"naive"``, ``"missing"``, ``"unparseable"``,
        ``"after_crawl"``, ``"future"``, ``"before_floor"``), ``date_source``
        (ndarray of str, one of :data:`DATE_SOURCES`; ``""`` when missing),
        ``published_raw`` (ndarray of str: the value used, as found), ``crawled``
        (Series of datetime64[ns, UTC], NaT when unknown) and ``n_date_only`` (int).

    Raises
    ------
    ValueError
        If `date_fallbacks` names an unknown source or `date_floor` is not a date.
    """
    from framing.corpus.readers.html import date_from_url

    unknown = [f for f in date_fallbacks if f not in ("url", "crawl")]
    if isinstance(date_fallbacks, str) or unknown:
        raise ValueError(
            "The 'date_fallbacks' parameter must be a sequence of 'url' and/or 'crawl'. "
            f"Got {date_fallbacks!r} instead."
        )
    try:
        floor = None if date_floor is None else pd.Timestamp(date_floor)
    except (TypeError, ValueError) as err:
        raise ValueError(
            "The 'date_floor' parameter must be a date such as '1900-01-01', or None. "
            f"Got {date_floor!r} instead."
        ) from err
    if floor is not None:
        floor = floor.tz_localize("UTC") if floor.tzinfo is None else floor.tz_convert("UTC")
    now = pd.Timestamp.now(tz="UTC") if load_time is None else pd.Timestamp(load_time)
    now = now.tz_localize("UTC") if now.tzinfo is None else now
    n = len(published)
    published = published.reset_index(drop=True)
    blank = published.isna().to_numpy() | published.map(
        lambda v: isinstance(v, str) and not v.strip()
    ).to_numpy(dtype=bool)
    source = np.where(blank, "", "field").astype(object)
    if date_source is not None:
        given = date_source.reset_index(drop=True).astype(object)
        has = given.map(lambda v: isinstance(v, str) and bool(v)).to_numpy(dtype=bool) & ~blank
        source[has] = given[has].to_numpy()
    if crawled is not None:
        crawl_times, _status, _ = parse_published(crawled.reset_index(drop=True), "UTC")
    else:
        crawl_times = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns, UTC]")
    for fallback in date_fallbacks:
        todo = np.flatnonzero(source == "")
        if not len(todo):
            break
        if fallback == "url" and url is not None:
            found = {i: date_from_url(url.iat[i]) for i in todo}
            found = {i: d for i, d in found.items() if d}
        elif fallback == "crawl":
            found = {i: crawl_times.iat[i].isoformat() for i in todo if crawl_times.iat[i] is not pd.NaT}
        else:
            found = {}
        if found:
            published = published.astype(object)
            rows = list(found)
            published.iloc[rows] = list(found.values())
            source[rows] = fallback
    raw_text = published.map(_date_text).astype(object)
    raw_text = raw_text.where(raw_text.notna(), "").astype(str).to_numpy(dtype=object)
    parsed, status, n_date_only = parse_published(published, default_tz)
    known = parsed.notna().to_numpy()
    after_crawl = known & crawl_times.notna().to_numpy()
    after_crawl[after_crawl] = (
        parsed[after_crawl] > crawl_times[after_crawl] + DATE_TOLERANCE
    ).to_numpy(dtype=bool)
    future = known & ~after_crawl & (parsed > now + DATE_TOLERANCE).to_numpy()
    early = known & (parsed < floor).to_numpy() if floor is not None else np.zeros(n, bool)
    status[after_crawl] = "after_crawl"
    status[future] = "future"
    status[early] = "before_floor"
    flagged = after_crawl | future | early
    if flagged.any():
        parsed = parsed.copy()
        parsed[flagged] = pd.NaT
    return {
        "published": parsed,
        "date_status": status,
        "date_source": source,
        "published_raw": raw_text,
        "crawled": crawl_times.reset_index(drop=True),
        "n_date_only": n_date_only,
    }
