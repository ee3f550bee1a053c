"""Delimited text: CSV (``.csv``) and tab-separated (``.tsv``) files with a header row."""

from __future__ import annotations

import csv

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.lines import iter_lines
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, raw_frame
from framing.exceptions import CorpusFormatError

__all__ = ["iter_csv_records", "read_csv"]

_CSV_FIELD_LIMIT = 64 * 1024 * 1024


def read_csv(path, *, encoding="utf-8", rejections):
    """Read a CSV (or ``.tsv``) file; ``source_line`` is where each record starts.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives ``field_count`` records.

    Returns
    -------
    batch : RawBatch

    Raises
    ------
    CorpusFormatError
        If the header names a column twice or the quoting is malformed.
    """
    records, n_read = [], 0
    for _start, _end, record in iter_csv_records(path, encoding, rejections):
        n_read += 1
        if record is not None:
            records.append(record)
    return RawBatch(raw_frame(records), n_read, [str(path)])


def iter_csv_records(path, encoding, rejections):
    """Yield one raw record per CSV record, streaming.

    Parameters
    ----------
    path : pathlib.Path
        ``.tsv`` (optionally ``.gz``) is read tab-separated, anything else comma-separated.
    encoding : str
    rejections : framing.corpus.schema.Rejections
        Receives ``field_count`` records (more or fewer fields than the header).

    Yields
    ------
    start_line, end_line : int
        1-based physical lines where the record starts and ends.
    record : dict or None
        The record with provenance keys; None for a rejected record.

    Raises
    ------
    CorpusFormatError
        If the header names a column twice or is empty, or the quoting is malformed
        (names the line where the failing record starts).
    """
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    delimiter = "\t" if path.name.removesuffix(".gz").endswith(".tsv") else ","
    lines = (line for _, line in iter_lines(path, encoding))
    # strict: a stray or unterminated quote raises instead of silently swallowing the
    # following records into one field.
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header, prev = None, 0
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            if header is None:
                header = [h.replace("\ufeff", "").strip() for h in row]
                dupes = sorted({h for h in header if header.count(h) > 1})
                if dupes or "" in header:
                    raise CorpusFormatError(
                        f"Corpus file {str(path)!r} line {start}: the header must name each "
                        f"column once. Got duplicate or empty names {dupes or ['']!r} in "
                        f"{header!r}. Rename the columns.",
                        path=path,
                        line=start,
                    )
                continue
            if len(row) != len(header):
                rejections.add(
                    path,
                    start,
                    "field_count",
                    f"line {start}: expected {len(header)} fields as in the header, "
                    f"got {len(row)} (check quoting and delimiters)",
                )
                yield start, prev, None
                continue
            record = dict(zip(header, row, strict=True))
            record[PROVENANCE_FILE] = str(path)
            record[PROVENANCE_LINE] = start
            yield start, prev, record
    except csv.Error as err:
        line = prev + 1  # where the record that failed starts
        raise CorpusFormatError(
            f"Corpus file {str(path)!r} line {line}: malformed CSV ({err}; the parser was at "
            f"line {reader.line_num}). Check the quoting of the record starting there: fields "
            'with commas, quotes or newlines must be enclosed in ", with inner quotes doubled.',
            path=path,
            line=line,
        ) from err


