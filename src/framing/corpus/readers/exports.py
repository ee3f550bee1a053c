"""News-database exports that carry URLs and metadata but no text: Media Cloud and GDELT.

Each export row becomes a raw record without text, marked with :data:`NEEDS_TEXT_KEY`;
:func:`framing.corpus.join_pages` fills in the text from saved pages or web-archive
records with the same URL. A row for which no page is found stays an article with
``status="no_text"``.

Field names, matched case-insensitively (a field not listed is kept as found):

* Media Cloud (search.mediacloud.org CSV: ``id, indexed_date, language,
  media_name, media_url, publish_date, title, url``; legacy API v2 story lists:
  ``stories_id, media_name, publish_date, collect_date, ...``): ``id``/``stories_id``
  → ``article_id``, ``media_name`` → ``outlet``, ``publish_date`` → ``published``,
  ``indexed_date``/``collect_date`` → ``crawled``, ``language`` →
  ``language_declared``.
* GDELT DOC 2.0 API article lists (JSON ``{"articles": [...]}`` or a table with
  ``url, url_mobile, title, seendate, socialimage, domain, language,
  sourcecountry``): ``domain`` → ``outlet``, ``seendate`` (``20240224T053000Z``,
  when GDELT saw the page) → ``crawled``; and GDELT GKG 2.1 tables with a header
  (``GKGRECORDID, DATE, SourceCommonName, DocumentIdentifier, ...``):
  ``GKGRECORDID`` → ``article_id``, ``DocumentIdentifier`` → ``url``,
  ``SourceCommonName`` → ``outlet``, ``DATE`` (``YYYYMMDDHHMMSS``) → ``crawled``.
  GDELT gives no publication date: it comes from the joined page, else stays missing.
"""

from __future__ import annotations

import json
import re

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.delimited import read_csv
from framing.corpus.readers.jsonl import read_jsonl
from framing.corpus.readers.lines import decode_error, is_utf8
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, raw_frame, shorten

__all__ = ["GDELT_FIELDS", "MEDIACLOUD_FIELDS", "NEEDS_TEXT_KEY", "read_gdelt", "read_mediacloud"]

#: Raw-record key: True for a metadata-only record whose text comes from a joined page.
NEEDS_TEXT_KEY = "\x00needs_text"

#: Media Cloud field (lower case) → canonical or derived field.
MEDIACLOUD_FIELDS = {
    "id": "article_id",
    "stories_id": "article_id",
    "media_name": "outlet",
    "publish_date": "published",
    "indexed_date": "crawled",
    "collect_date": "crawled",
    "language": "language_declared",
    "title": "title",
    "url": "url",
}
#: GDELT field (lower case) → canonical or derived field.
GDELT_FIELDS = {
    "gkgrecordid": "article_id",
    "documentidentifier": "url",
    "sourcecommonname": "outlet",
    "date": "crawled",
    "url": "url",
    "title": "title",
    "domain": "outlet",
    "seendate": "crawled",
    "language": "language_declared",
}
_GDELT_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})T?(\d{2})(\d{2})(\d{2})Z?$")


def _read_table(path, encoding, rejections, list_key):
    """Records of a CSV/TSV, JSON lines, or JSON (a list, or ``{list_key: [...]}``) file."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv")):
        return read_csv(path, encoding=encoding, rejections=rejections)
    if name.endswith((".jsonl", ".ndjson")):
        return read_jsonl(path, encoding=encoding, rejections=rejections)
    data = path.read_bytes()
    try:
        obj = json.loads(data.decode("utf-8-sig" if is_utf8(encoding) else encoding))
    except UnicodeDecodeError as err:
        raise decode_error(path, data.count(b"\n", 0, err.start) + 1, 0, err, encoding) from err
    except ValueError as err:
        line = getattr(err, "lineno", 1)
        rejections.add(path, line, "invalid_json", f"line {line}: invalid JSON ({err})")
        return RawBatch(raw_frame([]), 1, [str(path)])
    if isinstance(obj, dict) and isinstance(obj.get(list_key), list):
        obj = obj[list_key]
    items = obj if isinstance(obj, list) else [obj]
    records = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rejections.add(path, n, "not_an_object",
                           f"item {n}: expected a JSON object, got {shorten(item)!r}")
            continue
        records.append({**item, PROVENANCE_FILE: str(path), PROVENANCE_LINE: n})
    return RawBatch(raw_frame(records), len(items), [str(path)])


def _map_fields(batch, fields, convert=None):
    frame = batch.frame
    rename, seen = {}, set()
    for column in frame.columns:
        target = fields.get(str(column).strip().lower())
        if target is not None and target not in seen:  # the first of two synonyms wins
            rename[column] = target
            seen.add(target)
    frame = frame.rename(columns=rename)
    if convert is not None:
        for column, fn in convert.items():
            if column in frame.columns:
                frame[column] = frame[column].map(fn)
    frame[NEEDS_TEXT_KEY] = True
    if "text" not in frame.columns:
        frame["text"] = ""
    batch.frame = frame
    return batch


def read_mediacloud(path, *, encoding="utf-8", rejections):
    """Read a Media Cloud story export (CSV/TSV, JSON lines, or JSON list).

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
        Records without text, marked for :func:`framing.corpus.join_pages`.
    """
    return _map_fields(_read_table(path, encoding, rejections, "stories"), MEDIACLOUD_FIELDS)


def _gdelt_stamp(value):
    if not isinstance(value, str | int):
        return value
    m = _GDELT_STAMP.match(str(value).strip())
    if not m:
        return value
    return "{}-{}-{}T{}:{}:{}Z".format(*m.groups())


def read_gdelt(path, *, encoding="utf-8", rejections):
    """Read a GDELT DOC 2.0 article list or a GKG 2.1 table with a header.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
        Records without text, marked for :func:`framing.corpus.join_pages`;
        GDELT time stamps become ISO 8601 in UTC.
    """
    batch = _read_table(path, encoding, rejections, "articles")
    return _map_fields(batch, GDELT_FIELDS, convert={"crawled": _gdelt_stamp})
