"""Corpus readers: one module per file format, and the registry that picks one.

Every reader turns a path into a :class:`RawBatch` (raw records with file and line
provenance, the count read, the files read and the items skipped), filing records it
cannot parse with a :class:`~framing.corpus.schema.Rejections` collector.
:func:`read_raw` reads a whole path; :func:`iter_record_chunks` yields bounded
chunks of records, streaming where the format allows (JSONL, CSV, Parquet).

>>> from framing.corpus.readers import detect_format
>>> detect_format("news.jsonl.gz")
'jsonl'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.basil import read_basil
from framing.corpus.readers.delimited import iter_csv_records, read_csv
from framing.corpus.readers.exports import read_gdelt, read_mediacloud
from framing.corpus.readers.folder import is_archive, read_folder
from framing.corpus.readers.html import read_html
from framing.corpus.readers.jsonl import parse_jsonl_lines, read_jsonl
from framing.corpus.readers.lines import iter_lines
from framing.corpus.readers.newsplease import looks_like_newsplease, read_newsplease
from framing.corpus.readers.parquet import iter_parquet_records, read_parquet
from framing.corpus.readers.warc import read_warc
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, Rejections
from framing.exceptions import CorpusFormatError, MissingColumnError
from framing.formats import FORMAT_SPECS, FORMATS, FormatSpec

__all__ = [
    "FORMATS",
    "CorpusFormat",
    "RawBatch",
    "RecordChunk",
    "apply_column_map",
    "detect_format",
    "get_format",
    "iter_csv_records",
    "iter_lines",
    "iter_parquet_records",
    "iter_record_chunks",
    "parse_jsonl_lines",
    "read_raw",
]


@dataclass(frozen=True)
class CorpusFormat(FormatSpec):
    """A corpus format of :data:`framing.formats.FORMAT_SPECS` with its reader function.

    Attributes
    ----------
    read : callable
        ``read(path, *, encoding, rejections) -> RawBatch``.
    name, reader, suffixes, folder, summary, needs_pages
        As in :class:`framing.formats.FormatSpec` (``needs_pages``: the text comes
        from ``load_corpus(..., pages=...)``).
    """

    read: Callable[..., RawBatch] = field(kw_only=True)  # required, after the defaults


_READERS = {
    f.__name__: f
    for f in (read_jsonl, read_csv, read_parquet, read_folder, read_html, read_warc,
              read_newsplease, read_mediacloud, read_gdelt, read_basil)
}
#: Every format of :data:`framing.formats.FORMAT_SPECS` with its reader function.
_REGISTRY: dict[str, CorpusFormat] = {
    spec.name: CorpusFormat(**vars(spec), read=_READERS[spec.reader]) for spec in FORMAT_SPECS
}


def get_format(name):
    """Return the registered :class:`CorpusFormat` called `name`.

    Parameters
    ----------
    name : str
        A name from :data:`FORMATS` other than ``"auto"``.

    Returns
    -------
    corpus_format : CorpusFormat

    Raises
    ------
    ValueError
        If no format has that name.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"Unknown corpus format {name!r}. Known formats: {FORMATS!r}."
        ) from None


def detect_format(path, format="auto", *, caller="load_corpus"):
    """Return the format name for a corpus path.

    Parameters
    ----------
    path : str or os.PathLike
    format : str, default="auto"
        A name from :data:`FORMATS`; ``"auto"`` decides from the path: a folder
        is ``"folder"``, a file by its suffix (``.gz`` ignored; a ``.json`` file
        must look like news-please output; a ``.jsonl`` file whose first record has
        BASIL's keys, ``body-paragraphs`` and ``triplet-uuid``, is ``"basil"``).
    caller : str, default="load_corpus"
        Function named in the error message.

    Returns
    -------
    name : str
        A registered format name (never ``"auto"``).

    Raises
    ------
    ValueError
        If `format` is not in :data:`FORMATS`.
    CorpusFormatError
        If ``format="auto"`` and the suffix is not recognised.
    """
    if format not in FORMATS:
        raise ValueError(
            f"The 'format' parameter of {caller} must be one of {FORMATS!r}. "
            f"Got {format!r} instead."
        )
    if format != "auto":
        return format
    path = Path(path)
    if path.is_dir():
        return "folder"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    for fmt in _REGISTRY.values():
        if suffixes and suffixes[-1] in fmt.suffixes:
            if fmt.name == "newsplease" and not _sniff_newsplease(path):
                raise CorpusFormatError(
                    f"Corpus file {str(path)!r} is not news-please JSON output (one object "
                    "with 'maintext', 'date_publish', 'source_domain' keys, or a list of "
                    "them). Pass format= 'jsonl' (or rename it .jsonl) for JSON lines, or "
                    "'mediacloud'/'gdelt' for those exports.",
                    path=path,
                )
            return _sniff_jsonl(path) if fmt.name == "jsonl" else fmt.name
    known = sorted(s for fmt in _REGISTRY.values() for s in fmt.suffixes)
    raise CorpusFormatError(
        f"Cannot tell the format of corpus file {str(path)!r} from its suffix "
        f"{path.suffix!r}. Pass format= one of {FORMATS[1:]!r}, or rename the file "
        f"(suffixes recognised: {', '.join(known)}; a folder is read as 'folder').",
        path=path,
    )


#: Keys that mark a JSON Lines record as BASIL's (Fan et al., 2019): its text is in
#: ``body-paragraphs``, so reading it as plain JSONL would give empty texts.
_BASIL_KEYS = frozenset({"body-paragraphs", "triplet-uuid"})


def _sniff_jsonl(path: Path) -> str:
    """'basil' when the first record of a .jsonl file has BASIL's keys, else 'jsonl'."""
    import gzip
    import json

    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    break
            else:
                return "jsonl"
    except (OSError, ValueError):
        return "jsonl"  # unreadable here: the reader reports it with file and line
    return "basil" if isinstance(record, dict) and _BASIL_KEYS <= record.keys() else "jsonl"


def _sniff_newsplease(path):
    import json

    try:
        obj = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return False  # e.g. JSON lines named .json
    if isinstance(obj, list):
        obj = obj[0] if obj else {}
    return looks_like_newsplease(obj)


def read_raw(path, *, format="auto", encoding="utf-8", rejections):
    """Read one corpus path (file or folder) whole into a :class:`RawBatch`.

    Parameters
    ----------
    path : str or os.PathLike
    format : str, default="auto"
        See :func:`detect_format`.
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives the records that cannot be parsed.

    Returns
    -------
    batch : RawBatch

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    CorpusFormatError
        If the format needs a folder and got a file (or the reverse), or the file
        cannot be decoded or parsed (names file and line).
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"Corpus path {str(path)!r} does not exist. Check the path (relative paths are "
            f"resolved from {os.getcwd()!r}); framing.paths.DEFAULT_CORPUS is the bundled corpus."
        )
    fmt = get_format(detect_format(path, format))
    if fmt.folder and not path.is_dir() and not is_archive(path):
        raise CorpusFormatError(
            f"format={fmt.name!r} expects a folder or a .zip/.tar archive. Got the file "
            f"{str(path)!r}.",
            path=path,
        )
    if not fmt.folder and path.is_dir():
        raise CorpusFormatError(
            f"format={fmt.name!r} expects a file. Got the folder {str(path)!r}; use "
            "format='folder' (or 'auto') for a folder of documents.",
            path=path,
        )
    return fmt.read(path, encoding=encoding, rejections=rejections)


@dataclass
class RecordChunk:
    """A bounded run of raw records from one file, in file order.

    Attributes
    ----------
    file : str
        The corpus path the chunk came from.
    format : str
        Its format name.
    first_line, last_line : int
        1-based lines (rows, records) the chunk spans; 0 for an empty file.
    records : list of dict
        Raw records with the provenance keys.
    n_read : int
        Records read for this chunk, including the rejected ones.
    rejected : list of tuple
        ``(file, line, reason, detail)`` per record rejected while parsing.
    skipped : list of tuple
        ``(file, line, reason, detail)`` per file or archive record not read.
    files : list of str
        Files read for this chunk (members of a folder; empty after the first
        chunk of a path read whole).
    """

    file: str
    format: str
    first_line: int
    last_line: int
    records: list
    n_read: int
    rejected: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    files: list = field(default_factory=list)


def iter_record_chunks(path, *, format="auto", encoding="utf-8", chunk_size=5000):
    """Yield the raw records of one corpus path in chunks of at most `chunk_size`.

    JSONL and CSV files are streamed line by line and Parquet in row batches, so
    memory stays bounded by `chunk_size`; other formats are read whole with
    :func:`read_raw` and then cut into chunks (their rejections, skipped items and
    files come with the first chunk). Parsing rejections are never raised: they
    travel in :attr:`RecordChunk.rejected`.

    Parameters
    ----------
    path : str or os.PathLike
    format : str, default="auto"
    encoding : str, default="utf-8"
    chunk_size : int, default=5000
        Records per chunk (unit: records read).

    Yields
    ------
    chunk : RecordChunk

    Raises
    ------
    FileNotFoundError, CorpusFormatError, ValueError
        As :func:`read_raw`; also CorpusFormatError for an export format that
        needs pages (``mediacloud``, ``gdelt``).
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"Corpus path {str(path)!r} does not exist. Check the path (relative paths are "
            f"resolved from {os.getcwd()!r})."
        )
    kind = detect_format(path, format)
    if get_format(kind).needs_pages:
        raise CorpusFormatError(
            f"Corpus file {str(path)!r} has format {kind!r}: its rows carry URLs but no text, "
            "and chunked reading cannot join them to the pages that hold the text. Load it "
            f"with load_corpus({str(path)!r}, format={kind!r}, pages=...) and save the "
            "articles (e.g. as Parquet) to stream them.",
            path=path,
        )
    if kind == "jsonl" and not path.is_dir():
        yield from _jsonl_chunks(path, encoding, chunk_size)
    elif kind == "csv" and not path.is_dir():
        yield from _csv_chunks(path, encoding, chunk_size)
    elif kind == "parquet" and not path.is_dir():
        for first, records in iter_parquet_records(path, chunk_size):
            yield RecordChunk(
                str(path), kind, first, first + len(records) - 1, records, len(records),
                files=[str(path)] if first == 1 else [],
            )
    else:
        rejections = Rejections(strict=False)
        batch = read_raw(path, format=kind, encoding=encoding, rejections=rejections)
        records = batch.frame.to_dict("records")
        for k in range(0, max(len(records), 1), chunk_size):
            part = records[k : k + chunk_size]
            lines = [r[PROVENANCE_LINE] for r in part] or [0]
            first = k == 0
            yield RecordChunk(
                str(path), kind, min(lines), max(lines), part,
                len(part) + (batch.n_read - len(records) if first else 0),
                rejected=list(rejections.rows) if first else [],
                skipped=list(batch.skipped) if first else [],
                files=list(batch.files) if first else [],
            )


def _jsonl_chunks(path, encoding, chunk_size):
    buffer, first, last = [], None, 0
    for lineno, line in iter_lines(path, encoding):
        last = lineno
        if first is None:
            first = lineno
        if line.strip():
            buffer.append((lineno, line))
        if len(buffer) >= chunk_size:
            yield _jsonl_chunk(path, first, lineno, buffer)
            buffer, first = [], None
    if first is not None or last == 0:
        yield _jsonl_chunk(path, first or 0, last, buffer)


def _jsonl_chunk(path, first, last, lines):
    rejections = Rejections(strict=False)
    records, n_read = parse_jsonl_lines(lines, path, rejections)
    return RecordChunk(str(path), "jsonl", first, last, records, n_read, list(rejections.rows),
                       files=[str(path)] if first <= 1 else [])


def _csv_chunks(path, encoding, chunk_size):
    rejections = Rejections(strict=False)
    buffer, n_read, first, end, started = [], 0, None, 0, False
    for start, end, record in iter_csv_records(path, encoding, rejections):
        if first is None:
            first = start
        n_read += 1
        if record is not None:
            buffer.append(record)
        if n_read >= chunk_size:
            yield RecordChunk(str(path), "csv", first, end, buffer, n_read, rejections.rows,
                              files=[] if started else [str(path)])
            buffer, n_read, first, started = [], 0, None, True
            rejections.rows = []
    if first is not None or not started:
        yield RecordChunk(str(path), "csv", first or 0, end, buffer, n_read, rejections.rows,
                          files=[] if started else [str(path)])


def apply_column_map(df, columns, path):
    """Rename raw fields to canonical columns (``{"file field": "canonical name"}``).

    Parameters
    ----------
    df : pandas.DataFrame
        A raw frame (:attr:`RawBatch.frame`, or :func:`~framing.corpus.schema.raw_frame`).
    columns : dict of str to str or None
        None or empty: `df` unchanged.
    path : str or os.PathLike
        Named in error messages.

    Returns
    -------
    df : pandas.DataFrame
        With the fields renamed.

    Raises
    ------
    MissingColumnError
        If a mapped field is not in a non-empty `df`; lists the fields found.
    CorpusFormatError
        If a field is mapped onto a name the file already uses.
    """
    if not columns:
        return df
    if not isinstance(columns, Mapping):
        raise TypeError(
            "The 'columns' parameter must be a dict mapping file field names to canonical "
            f"names, e.g. {{'body': 'text'}}. Got {columns!r} instead."
        )
    found = [c for c in df.columns if c not in (PROVENANCE_FILE, PROVENANCE_LINE)]
    missing = [src for src in columns if src not in df.columns]
    if missing and len(df):
        raise MissingColumnError(
            f"Field(s) {missing!r} named in columns={dict(columns)!r} are not in corpus file "
            f"{str(path)!r}. Fields found: {found!r}. Fix the mapping (file field → canonical "
            "name) or the file."
        )
    targets = {columns[src] for src in columns if src in df.columns}
    clash = [c for c in found if c in targets and c not in columns]
    if clash:
        raise CorpusFormatError(
            f"columns={dict(columns)!r} maps a field onto {clash!r}, but corpus file "
            f"{str(path)!r} already has a field with that name. Map it elsewhere too, e.g. "
            f"columns={{..., {clash[0]!r}: {clash[0] + '_orig'!r}}}.",
            path=path,
        )
    return df.rename(columns=dict(columns))
