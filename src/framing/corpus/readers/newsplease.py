"""news-please output (Hamborg et al., 2017): one JSON article per file, a list, or JSON lines.

Field mapping: ``maintext`` → ``text``; ``title``; ``url``; ``source_domain``
(``www.`` removed) → ``outlet``; ``date_publish`` → ``published``;
``date_download`` → ``crawled``; ``authors`` (list) → ``author`` joined with
``"; "``; ``language`` → ``language_declared`` (``language`` is computed);
``filename`` without ``.json`` → ``article_id`` when present. Other scalar fields
(``description``, ``date_modify``, ``title_page``, ``title_rss``, ``image_url``,
``localpath``) are kept under their names.
"""

from __future__ import annotations

import json

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.jsonl import parse_jsonl_lines
from framing.corpus.readers.lines import decode_error, is_utf8, iter_lines
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, raw_frame, shorten

__all__ = [
    "NEWSPLEASE_KEYS",
    "from_newsplease",
    "looks_like_newsplease",
    "read_newsplease",
    "read_newsplease_document",
]

#: Keys that identify a news-please article (two or more must be present).
NEWSPLEASE_KEYS = frozenset({"maintext", "date_publish", "date_download", "source_domain"})


def looks_like_newsplease(obj):
    """Return True when `obj` is a dict with two or more of :data:`NEWSPLEASE_KEYS`.

    Parameters
    ----------
    obj : object
        A parsed JSON value.

    Returns
    -------
    looks_like : bool
    """
    return isinstance(obj, dict) and len(NEWSPLEASE_KEYS & set(obj)) >= 2


def from_newsplease(obj):
    """Map one news-please article (dict) to raw-record fields.

    Parameters
    ----------
    obj : dict

    Returns
    -------
    record : dict
        Canonical fields plus the kept scalar fields (see the module docstring).
    """
    obj = dict(obj)
    domain = obj.pop("source_domain", None)
    authors = obj.pop("authors", None)
    record = {
        "title": obj.pop("title", None),
        "text": obj.pop("maintext", None),
        "url": obj.pop("url", None),
        "outlet": domain.removeprefix("www.") if isinstance(domain, str) else domain,
        "published": obj.pop("date_publish", None),
        "crawled": obj.pop("date_download", None),
        "author": "; ".join(a for a in authors if isinstance(a, str))
        if isinstance(authors, list)
        else authors,
        "language_declared": obj.pop("language", None),
    }
    filename = obj.get("filename")
    if isinstance(filename, str) and filename.strip():
        record["article_id"] = filename.strip().removesuffix(".json")
    for key, value in obj.items():
        if not isinstance(value, list | dict) and key not in record:
            record[key] = value
    return record


def read_newsplease_document(data, *, source, article_id, encoding="utf-8", rejections):
    """Read one news-please ``.json`` file (an object, or a list of objects).

    Parameters
    ----------
    data : bytes
    source : str
        File (or archive member) recorded as provenance.
    article_id : str
        Default id (``filename`` in the JSON wins); list items get ``<id>:<n>``.
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives ``invalid_json`` files and ``not_an_object`` items.

    Returns
    -------
    records : list of dict
    """
    codec = "utf-8-sig" if is_utf8(encoding) else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise decode_error(source, data.count(b"\n", 0, err.start) + 1, 0, err, encoding) from err
    try:
        obj = json.loads(text)
    except ValueError as err:
        line = getattr(err, "lineno", 1)
        rejections.add(source, line, "invalid_json", f"line {line}: invalid JSON ({err})")
        return []
    items = obj if isinstance(obj, list) else [obj]
    records = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rejections.add(
                source, n, "not_an_object",
                f"item {n}: expected a JSON object, got {type(item).__name__} {shorten(item)!r}",
            )
            continue
        record = {"article_id": article_id if len(items) == 1 else f"{article_id}:{n}"}
        record.update(from_newsplease(item))
        record[PROVENANCE_FILE] = source
        record[PROVENANCE_LINE] = n
        records.append(record)
    return records


def read_newsplease(path, *, encoding="utf-8", rejections):
    """Read a news-please ``.json`` file, or JSON lines of news-please articles.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
    """
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        objects, n_read = parse_jsonl_lines(iter_lines(path, encoding), path, rejections)
        records = []
        for obj in objects:
            prov = {k: obj.pop(k) for k in (PROVENANCE_FILE, PROVENANCE_LINE)}
            records.append({**from_newsplease(obj), **prov})
        return RawBatch(raw_frame(records), n_read, [str(path)])
    n_before = len(rejections)
    records = read_newsplease_document(
        path.read_bytes(), source=str(path), article_id=path.name.split(".")[0],
        encoding=encoding, rejections=rejections,
    )
    return RawBatch(raw_frame(records), len(records) + len(rejections) - n_before, [str(path)])
