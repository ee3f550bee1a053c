"""Reading a corpus in chunks of records, with the content key of each chunk.

The module of :mod:`framing.scale` that talks to :mod:`framing.corpus`, through its
public readers (:func:`framing.corpus.iter_record_chunks`, :func:`~framing.corpus.iter_lines`,
:func:`~framing.corpus.parse_jsonl_lines`, :func:`~framing.corpus.build_articles`, …), so
that ``framing score`` and :func:`framing.corpus.load_corpus` accept and reject the same
records.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd

from framing import corpus as _corpus

__all__ = [
    "FORMATS", "build_articles", "check_tz", "detect_format", "empty_rejections",
    "estimate_records", "new_rejections", "outlet_map", "parse_jsonl", "plan_chunks",
    "raw_frame", "rejection_rows",
]

#: Corpus formats (``corpus_format`` values), as :func:`framing.corpus.load_corpus` names them.
FORMATS = _corpus.FORMATS


def new_rejections():
    """An empty collector of rejected records (``.rows``: ``[file, line, reason, detail]`` lists)."""
    return _corpus.Rejections(strict=False)


def rejection_rows(rejections) -> list:
    """The ``[file, line, reason, detail]`` rows collected so far (a list, appendable)."""
    return rejections.rows


def empty_rejections() -> pd.DataFrame:
    """The rejections table with no rows: ``file``, ``line``, ``reason``, ``detail``."""
    return _corpus.empty_rejections()


def check_tz(default_tz: str) -> None:
    """Raise ValueError if `default_tz` is not a known time zone name."""
    _corpus.check_time_zone(default_tz, caller="score_corpus")


def outlet_map(outlets):
    """Read an outlet map YAML (or None) as :func:`framing.corpus.load_corpus` does.

    Raises
    ------
    RegistryFormatError
        If the file is malformed.
    """
    return _corpus.as_outlet_map(outlets, caller="score_corpus")


def detect_format(path: Path, corpus_format: str) -> str:
    """The format of one corpus path: `corpus_format`, or the one its name implies for 'auto'."""
    return _corpus.detect_format(path, corpus_format, caller="score_corpus")


def raw_frame(rows) -> pd.DataFrame:
    """Raw records (dicts with provenance keys) as a frame (provenance columns when empty)."""
    return _corpus.raw_frame(rows)


def build_articles(raw: pd.DataFrame, columns, path: Path, rejections, default_tz: str,
                   outlets, detect_language, language=None):
    """Validate raw records into the articles table of :func:`framing.corpus.load_corpus`.

    Applies the column map, then the checks, dates, outlet map, language and
    duplicate groups of ``load_corpus`` (near-duplicate groups are left empty: a chunk
    cannot see the other chunks); rejected records go to `rejections`.

    Returns
    -------
    articles : pandas.DataFrame
        The articles table (columns as in ``docs/architecture.md``).
    stats : dict
        Load-report counters of these records.
    """
    raw = _corpus.apply_column_map(raw, columns, path)
    return _corpus.build_articles(raw, rejections, default_tz=default_tz, outlet_map=outlets,
                                  detect_language=detect_language, language=language)


def _hash_lines(prefix: bytes, lines) -> str:
    digest = hashlib.blake2b(prefix, digest_size=20)
    for lineno, text in lines:
        digest.update(b"%d\x00" % lineno)
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _iter_jsonl_chunks(path: Path, encoding: str, chunk_size: int, known: Mapping):
    """Yield ``(first_line, last_line, lines)``; reuse a known chunk boundary when one starts here."""
    buffer, first, limit = [], None, None
    for lineno, line in _corpus.iter_lines(path, encoding):
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


def _iter_other_chunks(path: Path, fmt: str, encoding: str, chunk_size: int):
    """Yield ``(first_line, last_line, records, n_read, rejections)`` for non-JSONL formats.

    CSV and Parquet are streamed; other formats are read whole and then cut
    (:func:`framing.corpus.iter_record_chunks`). Files or archive records the reader
    skipped are not in the dataset's report yet, so they are named in a warning.
    """
    for chunk in _corpus.iter_record_chunks(path, format=fmt, encoding=encoding,
                                            chunk_size=chunk_size):
        if chunk.skipped:
            file, line, reason, detail = chunk.skipped[0]
            warnings.warn(
                f"{len(chunk.skipped)} files or records under {str(path)!r} were skipped "
                f"(first: {file!r} line {line}, {reason}: {detail}); load_corpus lists them "
                "all in report.skipped.", UserWarning, stacklevel=3)
        yield chunk.first_line, chunk.last_line, chunk.records, chunk.n_read, chunk.rejected


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
        kind = detect_format(path, fmt)
        if kind == "jsonl" and not path.is_dir():
            for first, last, lines in _iter_jsonl_chunks(path, encoding, chunk_size, known):
                key = _hash_lines(prefix + str(path).encode() + b"\x00jsonl\x00", lines)
                yield {"file": str(path), "first_line": first, "last_line": last, "key": key,
                       "lines": lines, "records": None, "n_read": len(lines), "rejected": []}
            continue
        chunks = _iter_other_chunks(path, kind, encoding, chunk_size)
        for first, last, records, n_read, rejected in chunks:
            payload = pickle.dumps((records, rejected), protocol=5)
            digest = hashlib.blake2b(prefix + str(path).encode() + kind.encode(), digest_size=20)
            digest.update(payload)
            yield {"file": str(path), "first_line": first, "last_line": last,
                   "key": digest.hexdigest(), "lines": None, "records": records,
                   "n_read": n_read, "rejected": list(rejected)}


def parse_jsonl(lines, path, rej):
    """Parse JSONL lines as :func:`framing.corpus.load_corpus` does (same rejections)."""
    records, _n_read = _corpus.parse_jsonl_lines(lines, path, rej)
    return records

