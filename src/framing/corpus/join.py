"""Join metadata-only export rows (Media Cloud, GDELT) to the pages that hold their text.

>>> from framing.corpus import load_corpus
>>> articles = load_corpus("stories.csv", format="mediacloud", pages="pages/")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
import pandas as pd

from framing.corpus.readers.exports import NEEDS_TEXT_KEY
from framing.corpus.readers.html import DATE_SOURCE_KEY
from framing.corpus.readers.warc import FETCH_URL_KEY
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE

__all__ = ["join_pages", "url_key"]

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)
#: Fields a page fills in when the export row has none.
_FILL = ("title", "published", "outlet", "crawled", "author", "description", DATE_SOURCE_KEY)


def url_key(url):
    """Return the key two URLs of the same page share, or ``""``.

    Scheme, ``www.``, letter case of the host, a trailing slash, the fragment and
    tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) are ignored; the
    remaining query parameters are sorted.

    Parameters
    ----------
    url : str

    Returns
    -------
    key : str

    Examples
    --------
    >>> url_key("https://www.Example.org/news/a/?utm_source=x#top")
    'example.org/news/a'
    """
    if not isinstance(url, str) or not url.strip():
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    key = host + parts.path.rstrip("/")
    return key + ("?" + urlencode(query) if query else "")


def join_pages(raw, pages, skipped):
    """Fill the text of metadata-only rows from the pages with the same URL.

    Rows marked with :data:`~framing.corpus.readers.exports.NEEDS_TEXT_KEY` (export
    rows) get the ``text`` of the page whose URL (canonical, or the address it was
    fetched from) has the same :func:`url_key`; empty fields of the row (title,
    date and its source, outlet, crawl time, author, description) are filled from
    the page. The row keeps its own id and provenance; the page's file and line go
    to ``page_source``. Rows with no page keep the mark, and
    :func:`~framing.corpus.build_articles` gives them ``status="no_text"``.

    Parameters
    ----------
    raw : pandas.DataFrame
        Raw frame of the corpus (export rows and possibly others).
    pages : pandas.DataFrame
        Raw frame of the pages (:func:`~framing.corpus.read_raw` of a folder,
        archive or WARC).
    skipped : list
        Receives ``(page file, line, "not_in_export", detail)`` for each page no
        row asked for, and ``"duplicate_page"`` for a second page with a URL
        already joined.

    Returns
    -------
    joined : pandas.DataFrame
        `raw` with ``text`` (and empty fields) filled and a ``page_source`` column.
    """
    raw = raw.copy()
    if NEEDS_TEXT_KEY not in raw.columns:
        raw[NEEDS_TEXT_KEY] = False
    needs = raw[NEEDS_TEXT_KEY].fillna(False).astype(bool).to_numpy()
    raw[NEEDS_TEXT_KEY] = needs
    raw["page_source"] = ""
    by_key = {}
    for i in range(len(pages)):
        keys = {url_key(pages["url"].iat[i]) if "url" in pages.columns else ""}
        if FETCH_URL_KEY in pages.columns:
            keys.add(url_key(pages[FETCH_URL_KEY].iat[i]))
        for key in keys - {""}:
            by_key.setdefault(key, i)
    wanted = {}
    if "url" in raw.columns:
        for row in np.flatnonzero(needs):
            key = url_key(raw["url"].iat[row])
            if key in by_key:
                wanted.setdefault(by_key[key], []).append(row)
    for column in ("text", *_FILL):
        if column in pages.columns and column not in raw.columns:
            raw[column] = None
    raw = raw.astype({c: object for c in ("text", *_FILL) if c in raw.columns})
    used = set()
    for page, rows in wanted.items():
        used.add(page)
        source = f"{pages[PROVENANCE_FILE].iat[page]}:{pages[PROVENANCE_LINE].iat[page]}"
        for row in rows:
            raw.iat[row, raw.columns.get_loc("text")] = pages["text"].iat[page]
            own_date = "published" in raw.columns and not _blank(raw["published"].iat[row])
            if own_date and DATE_SOURCE_KEY in raw.columns and _blank(raw[DATE_SOURCE_KEY].iat[row]):
                raw.iat[row, raw.columns.get_loc(DATE_SOURCE_KEY)] = "field"  # the row's own
            for column in _FILL:
                if column in pages.columns and _blank(raw[column].iat[row]):
                    raw.iat[row, raw.columns.get_loc(column)] = pages[column].iat[page]
            raw.iat[row, raw.columns.get_loc("page_source")] = source
            raw.iat[row, raw.columns.get_loc(NEEDS_TEXT_KEY)] = False
    for i in range(len(pages)):
        if i in used:
            continue
        url = pages["url"].iat[i] if "url" in pages.columns else ""
        key = url_key(url)
        reason, detail = "not_in_export", f"no export row has this page's URL {url!r}"
        if key and by_key.get(key) != i:
            reason, detail = "duplicate_page", f"another page has the same URL {url!r}"
        skipped.append((str(pages[PROVENANCE_FILE].iat[i]), int(pages[PROVENANCE_LINE].iat[i]),
                        reason, detail))
    return raw


def _blank(value):
    return (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and np.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )
