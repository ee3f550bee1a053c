"""Saved web pages: main text, title, date, site name and canonical URL via trafilatura.

The article text is what trafilatura (Barbaresi, 2021, ACL demo) keeps as the main
content: menus, related-link lists, cookie banners and footers are left out. The
publication date is searched in this order, and where it was found is recorded in
``date_source``: the page's metadata (``article:published_time`` and similar
``<meta>`` tags, JSON-LD ``datePublished``) → ``"html_meta"``; the URL path
(``/2024/02/24/``) → ``"url"``; htmldate's markup rules without text search
(``<time>`` elements, ...) → ``"html_meta"``; dates in the visible text (htmldate's
extensive search) → ``"text"``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from framing.corpus.readers.base import RawBatch
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, raw_frame

__all__ = [
    "DATE_SOURCE_KEY",
    "HTML_SUFFIXES",
    "date_from_url",
    "extract_html",
    "read_html",
    "read_html_document",
]

#: File suffixes read as saved web pages (matched case-insensitively).
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Raw-record key naming where a reader found ``published`` (see :mod:`framing.corpus.dates`).
DATE_SOURCE_KEY = "\x00date_source"

_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_META_RE = re.compile(r"<meta\b[^>]*>", re.IGNORECASE | re.DOTALL)
_ATTR_RE = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.DOTALL)
_JSONLD_RE = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
# /2024/02/24/, /2024-02-24/, /20240224/ in a URL path
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)"
)


def date_from_url(url):
    """Return the ``YYYY-MM-DD`` date in a URL path, or None.

    Parameters
    ----------
    url : str

    Returns
    -------
    date : str or None
        From the first ``/YYYY/MM/DD/``, ``/YYYY-MM-DD`` or ``/YYYYMMDD`` in the path.

    Examples
    --------
    >>> date_from_url("https://kyivledger.example/news/2024/02/24/talks")
    '2024-02-24'
    """
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.\-]*://[^/]*", "", str(url), flags=re.IGNORECASE)
    m = _URL_DATE_RE.search(path.split("?")[0])
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _meta_date(html):
    """A full timestamp from ``<meta>`` tags or JSON-LD, or None."""
    found = {}
    for tag in _META_RE.findall(html[:500_000]):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTR_RE.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _META_DATE_KEYS and attrs.get("content", "").strip():
            found.setdefault(key, attrs["content"].strip())
    for key in _META_DATE_KEYS:
        if key in found:
            return found[key]
    for block in _JSONLD_RE.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str) and value.strip():
                    return value.strip()
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def _decode(data):
    if isinstance(data, str):
        return data
    from trafilatura.utils import decode_file

    return decode_file(data)


def extract_html(data, *, url=None):
    """Extract the article from one web page.

    Parameters
    ----------
    data : bytes or str
        The page; bytes are decoded from the charset the page declares (else
        detected), as trafilatura does.
    url : str, optional
        The address the page was fetched from (a WARC record's target URI); used
        when the page names no canonical URL.

    Returns
    -------
    fields : dict
        ``title``, ``text`` (paragraphs separated by a blank line; a first
        paragraph repeating the title is dropped), ``url`` (canonical URL, else
        `url`), ``outlet`` (``og:site_name`` or the site name trafilatura finds,
        else ``""``: the loader then takes the URL host), ``published`` (str or
        None), ``author`` and ``description`` (str, ``""`` when absent), and the
        date source under :data:`DATE_SOURCE_KEY` (``"html_meta"``, ``"url"``,
        ``"text"`` or ``""``).

    Notes
    -----
    trafilatura and htmldate (Barbaresi, 2020) work offline; nothing is fetched.
    """
    import htmldate
    import trafilatura

    html = _decode(data)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    title = (getattr(doc, "title", None) or "").strip() if doc is not None else ""
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    canonical = (getattr(doc, "url", None) or url or "") if doc is not None else (url or "")
    published, source = _meta_date(html), "html_meta"
    if published is None:
        published, source = date_from_url(canonical) or date_from_url(url), "url"
    if published is None:  # <time> elements and other markup rules, no text search
        published = htmldate.find_date(html, extensive_search=False, original_date=True)
        source = "html_meta"
    if published is None:
        published, source = htmldate.find_date(html, extensive_search=True, original_date=True), "text"
    return {
        "title": title,
        "text": "\n\n".join(paragraphs),
        "url": canonical,
        "outlet": ((getattr(doc, "sitename", None) or "") if doc is not None else "").strip(),
        "published": published,
        "author": ((getattr(doc, "author", None) or "") if doc is not None else "").strip(),
        "description": (
            (getattr(doc, "description", None) or "") if doc is not None else ""
        ).strip(),
        DATE_SOURCE_KEY: source if published else "",
    }


def read_html_document(data, *, source, article_id, encoding="utf-8", rejections, line=1,
                       url=None, extra=None):
    """Read one saved web page into a raw record.

    Parameters
    ----------
    data : bytes
        The page.
    source : str
        File (or archive member) recorded as provenance.
    article_id : str
        Default ``article_id`` (the path without suffix; a WARC reader passes
        its own).
    encoding : str, default="utf-8"
        Unused: pages declare their charset (same signature as the other readers).
    rejections : framing.corpus.schema.Rejections
        Unused: a page without main text is kept, with ``status="empty_text"``.
    line : int, default=1
        Line (record number in an archive) recorded as provenance.
    url : str, optional
        Fetch address, see :func:`extract_html`.
    extra : dict, optional
        More fields for the record (e.g. the crawl time).

    Returns
    -------
    records : list of dict
        One record.
    """
    record = {"article_id": article_id, **extract_html(data, url=url), **(extra or {})}
    record[PROVENANCE_FILE] = source
    record[PROVENANCE_LINE] = line
    return [record]


def read_html(path, *, encoding="utf-8", rejections):
    """Read one saved web page (``.html``, ``.htm``, ...) into a :class:`RawBatch`.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
        Unused (pages declare their charset).
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
        One record; ``article_id`` is the file name without suffix.
    """
    path = Path(path)
    records = read_html_document(
        path.read_bytes(), source=str(path), article_id=path.name.split(".")[0],
        encoding=encoding, rejections=rejections,
    )
    return RawBatch(raw_frame(records), len(records), [str(path)])
