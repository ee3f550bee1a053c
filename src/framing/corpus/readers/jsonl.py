"""JSON lines: one JSON object per line (``.jsonl``, ``.ndjson``, optionally ``.gz``)."""

from __future__ import annotations

import json
from functools import lru_cache

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.lines import iter_lines
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, raw_frame, shorten

__all__ = ["parse_jsonl_lines", "read_jsonl"]


def read_jsonl(path, *, encoding="utf-8", rejections):
    """Read a JSON-lines file: one raw record per object line.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives ``invalid_json`` and ``not_an_object`` lines.

    Returns
    -------
    batch : RawBatch
        ``n_read`` counts non-blank lines.
    """
    records, n_read = parse_jsonl_lines(iter_lines(path, encoding), path, rejections)
    return RawBatch(raw_frame(records), n_read, [str(path)])


def parse_jsonl_lines(lines, path, rejections):
    """Parse ``(line_number, text)`` pairs of a JSON-lines file into raw records.

    Used by :func:`read_jsonl` and by the chunked reader of :mod:`framing.scale`, so
    both give the same records and rejections. orjson is tried first when installed
    (faster); any line it refuses is parsed again with :mod:`json`, so the accepted
    values and the rejection messages are exactly those of :func:`json.loads`.

    Parameters
    ----------
    lines : iterable of (int, str)
        As yielded by :func:`~framing.corpus.readers.lines.iter_lines`.
    path : str or pathlib.Path
        File name recorded as provenance and in rejections.
    rejections : framing.corpus.schema.Rejections
        Receives ``invalid_json`` and ``not_an_object`` lines.

    Returns
    -------
    records : list of dict
        One per JSON object, with the provenance keys.
    n_read : int
        Non-blank lines (records read, including the rejected ones).
    """
    n_read = 0
    records = []
    loads = json.loads
    fast = _fast_json_loads()
    for lineno, line in lines:
        if not line.strip():
            continue
        n_read += 1
        try:
            obj = fast(line)
        except ValueError:  # orjson is stricter (NaN, big ints, surrogates): use json
            try:
                obj = loads(line)
            except ValueError as err:  # JSONDecodeError, or bad surrogates
                why = f"{err.msg} at column {err.colno}" if hasattr(err, "colno") else str(err)
                rejections.add(
                    path, lineno, "invalid_json", f"line {lineno}: invalid JSON ({why})"
                )
                continue
        if not isinstance(obj, dict):
            rejections.add(
                path,
                lineno,
                "not_an_object",
                f"line {lineno}: expected a JSON object, got {type(obj).__name__} "
                f"{shorten(obj)!r}",
            )
            continue
        obj[PROVENANCE_FILE] = str(path)
        obj[PROVENANCE_LINE] = lineno
        records.append(obj)
    return records, n_read


@lru_cache(maxsize=1)
def _fast_json_loads():
    try:
        import orjson
    except ImportError:  # pragma: no cover - optional speed-up
        return json.loads
    return orjson.loads
