"""Reading a corpus in chunks of records, with the content key of each chunk.

The only module of :mod:`framing.scale` that uses :mod:`framing.corpus` internals;
each use sits behind a small function here (:func:`new_rejections`,
:func:`build_articles`, …), so they can be swapped for public corpus readers in one place.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd

from framing import corpus as _corpus

#: Corpus formats (``corpus_format`` values), as :func:`framing.corpus.load_corpus` names them.
FORMATS = _corpus.FORMATS


def new_rejections():
    """An empty collector of rejected records (``.rows``: ``[file, line, reason, detail]`` lists)."""
    return _corpus._Rejections(False)


def rejection_rows(rejections) -> list:
    """The ``[file, line, reason, detail]`` rows collected so far (a list, appendable)."""
    return rejections.rows


def empty_rejections() -> pd.DataFrame:
    """The rejections table with no rows: ``file``, ``line``, ``reason``, ``detail``."""
    return _corpus._empty_rejections()


def check_tz(default_tz: str) -> None:
    """Raise ValueError if `default_tz` is not a known time zone name."""
    _corpus._check_tz(default_tz)


def outlet_map(outlets):
    """Read an outlet map YAML (or None) as :func:`framing.corpus.load_corpus` does.

    Raises
    ------
    RegistryFormatError
        If the file is malformed.
    """
    return _corpus._as_outlet_map(outlets)


def detect_format(path: Path, corpus_format: str) -> str:
    """The format of one corpus path: `corpus_format`, or the one its name implies for 'auto'."""
    return _corpus._detect_format(path, corpus_format)


def empty_raw() -> pd.DataFrame:
    """A raw-records table with no rows (provenance columns only)."""
    return pd.DataFrame({_corpus._PROV_FILE: pd.Series([], dtype=object),
                         _corpus._PROV_LINE: pd.Series([], dtype="int64")})


def build_articles(raw: pd.DataFrame, columns, path: Path, rejections, default_tz: str,
                   outlets, detect_language):
    """Validate raw records into the articles table of :func:`framing.corpus.load_corpus`.

    Applies the column map, then the checks, dates, outlet map, language and
    duplicate groups of ``load_corpus``; rejected records go to `rejections`.

    Returns
    -------
    articles : pandas.DataFrame
        The articles table (columns as in ``docs/architecture.md``).
    stats : dict
        Load-report counters of these records.
    """
    raw = _corpus._apply_column_map(raw, columns, path)
    return _corpus._build_articles(raw, rejections, default_tz, outlets, detect_language)


def _hash_lines(prefix: bytes, lines) -> str:
    digest = hashlib.blake2b(prefix, digest_size=20)
    for lineno, text in lines:
        digest.update(b"%d\x00" % lineno)
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _iter_jsonl_chunks(path: Path, encoding: str, chunk_size: int, known: Mapping):
    """Yield ``(first_line, last_line, lines)``; reuse a known chunk boundary when one starts here."""
    buffer, first, limit = [], None, None
    for lineno, line in _corpus._iter_lines(path, encoding):
        if first is None:
            first = lineno
            limit = known.get((str(path), lineno))
        if line.strip():
            buffer.append((lineno, line))
        full = lineno >= limit if limit is not None else len(buffer) >= chunk_size
        if full:
            yield first, lineno, buffer
            buffer, first, limit = [], None, None
    if first is not None and (buffer or limit is not None):
        yield first, lineno, buffer


def _iter_csv_chunks(path: Path, encoding: str, chunk_size: int, known: Mapping):
    """Yield ``(first_line, last_line, records, rejections)`` from a CSV file."""
    rej = _corpus._Rejections(False)
    buffer, n_read, first = [], 0, None
    for start, end, record in _corpus._iter_csv_records(path, encoding, rej):
        if first is None:
            first = start
        n_read += 1
        if record is not None:
            buffer.append(record)
        if n_read >= chunk_size:
            yield first, end, buffer, n_read, rej.rows
            buffer, n_read, first, rej.rows = [], 0, None, []
    if first is not None:
        yield first, end, buffer, n_read, rej.rows


def _iter_frame_chunks(path: Path, fmt: str, encoding: str, chunk_size: int, columns):
    """Formats without streaming support (text folder, BASIL): read whole, then chunk."""
    rej = _corpus._Rejections(False)
    df, _n_read, _files = _corpus._read_one(path, fmt, encoding, rej, None)
    records = df.to_dict("records")
    for k in range(0, max(len(records), 1), chunk_size):
        part = records[k : k + chunk_size]
        lines = [r[_corpus._PROV_LINE] for r in part] or [0]
        # rejections made while reading the whole file are reported with the first chunk
        yield min(lines), max(lines), part, len(part) + (len(rej.rows) if k == 0 else 0), (
            rej.rows if k == 0 else []
        )


def _iter_parquet_chunks(path: Path, chunk_size: int):
    import pyarrow.parquet as pq

    line = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
        records = batch.to_pandas().to_dict("records")
        for i, rec in enumerate(records):
            rec[_corpus._PROV_FILE] = str(path)
            rec[_corpus._PROV_LINE] = line + i
        yield line, line + len(records) - 1, records, len(records), []
        line += len(records)


def estimate_records(paths_list, corpus_format: str = "auto") -> int:
    """Estimate the number of records in corpus files without reading them whole.

    Parquet: the row count from the file footer (exact). Folders: the number of
    files. JSONL, CSV and BASIL: file size divided by the mean line length of the
    first 256 KiB (exact for files up to that size; CSV fields spanning lines
    make it an over-estimate).

    Parameters
    ----------
    paths_list : sequence of str or os.PathLike
        Corpus files or folders.
    corpus_format : str, default='auto'
        One of :data:`framing.corpus.FORMATS`.

    Returns
    -------
    n_records : int
        >= 0; 0 for paths that do not exist (their error comes later, when read).
    """
    import pyarrow.parquet as pq

    total = 0
    for path in map(Path, paths_list):
        if not path.exists():
            continue
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file())
            continue
        if detect_format(path, corpus_format) == "parquet":
            total += pq.ParquetFile(path).metadata.num_rows
            continue
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(1 << 18)
        lines = head.count(b"\n") + (0 if head.endswith(b"\n") or not head else 1)
        total += lines if len(head) >= size else int(size / max(len(head) / max(lines, 1), 1))
    return total


def plan_chunks(paths_list, fmt, encoding, chunk_size, known, prefix) -> Iterator[dict]:
    """Yield one task dict per chunk, with its content key, in corpus order."""
    for path in paths_list:
        if not path.exists():
            raise FileNotFoundError(
                f"Corpus path {str(path)!r} does not exist. Check the path (relative paths are "
                f"resolved from {os.getcwd()!r})."
            )
        kind = _corpus._detect_format(path, fmt)
        if kind == "jsonl" and not path.is_dir():
            for first, last, lines in _iter_jsonl_chunks(path, encoding, chunk_size, known):
                key = _hash_lines(prefix + str(path).encode() + b"\x00jsonl\x00", lines)
                yield {"file": str(path), "first_line": first, "last_line": last, "key": key,
                       "lines": lines, "records": None, "n_read": len(lines), "rejected": []}
            continue
        if kind == "csv" and not path.is_dir():
            chunks = _iter_csv_chunks(path, encoding, chunk_size, known)
        elif kind == "parquet" and not path.is_dir():
            chunks = _iter_parquet_chunks(path, chunk_size)
        else:
            chunks = _iter_frame_chunks(path, kind, encoding, chunk_size, None)
        for first, last, records, n_read, rejected in chunks:
            payload = pickle.dumps((records, rejected), protocol=5)
            digest = hashlib.blake2b(prefix + str(path).encode() + kind.encode(), digest_size=20)
            digest.update(payload)
            yield {"file": str(path), "first_line": first, "last_line": last,
                   "key": digest.hexdigest(), "lines": None, "records": records,
                   "n_read": n_read, "rejected": list(rejected)}


def parse_jsonl(lines, path, rej):
    """Parse JSONL lines as :func:`framing.corpus.load_corpus` does (same rejections)."""
    records = []
    _corpus._parse_jsonl_lines(lines, path, rej, records)
    return records

