"""Load a news corpus into the articles table: one validated row per article.

This module owns reading raw corpus files (JSONL, CSV, Parquet, a folder of
``.txt``/``.md`` files with front matter, the BASIL jsonl), coercing types,
mapping raw outlet names to canonical outlets, tagging language and grouping
duplicate stories. Nothing is dropped silently: every record read is either an
article or a row of ``report.rejections``.

>>> from framing.corpus import load_corpus
>>> articles, report = load_corpus("corpus/articles.jsonl", return_report=True)  # doctest: +SKIP
>>> print(report.summary())  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import json
import logging
import os
import re
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from framing import paths
from framing.exceptions import CorpusFormatError, MissingColumnError, RegistryFormatError

__all__ = [
    "ARTICLE_COLUMNS",
    "CANONICAL_COLUMNS",
    "DEFAULT_LANGUAGES",
    "LoadReport",
    "OutletMap",
    "drop_duplicate_stories",
    "load_corpus",
    "load_outlets",
]

logger = logging.getLogger("framing")

#: Columns every corpus is mapped onto (``columns=`` renames file fields to these).
CANONICAL_COLUMNS = ("article_id", "outlet", "published", "title", "text", "url")
#: Columns computed by :func:`load_corpus`, in output order after the canonical ones.
DERIVED_COLUMNS = (
    "outlet_raw",
    "status",
    "date_status",
    "language",
    "duplicate_group",
    "source_file",
    "source_line",
)
#: Every fixed column of the articles table, in output order.
ARTICLE_COLUMNS = CANONICAL_COLUMNS + DERIVED_COLUMNS
#: Formats accepted by ``load_corpus(format=...)``.
FORMATS = ("auto", "jsonl", "csv", "parquet", "text", "basil")
#: Languages py3langid chooses among by default (ISO 639-1 codes of languages with
#: sizeable news output). The restriction keeps the output to ISO 639-1 codes and avoids
#: rare labels on short texts; it barely changes speed, which is dominated by the
#: byte-by-byte feature walk (∝ LANGUAGE_PREFIX_CHARS). ``detect_language="all"``
#: uses all 140 labels of the bundled model.
DEFAULT_LANGUAGES = frozenset(
    [
        "af",
        "ar",
        "az",
        "be",
        "bg",
        "bn",
        "bs",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "eu",
        "fa",
        "fi",
        "fr",
        "ga",
        "gl",
        "he",
        "hi",
        "hr",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ja",
        "ka",
        "kk",
        "ko",
        "lt",
        "lv",
        "mk",
        "ms",
        "mt",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sq",
        "sr",
        "sv",
        "sw",
        "th",
        "tl",
        "tr",
        "uk",
        "ur",
        "vi",
        "zh",
    ]
)
#: Characters of text (after the title) given to the language identifier.
LANGUAGE_PREFIX_CHARS = 1000
#: Normalised bodies shorter than this (characters) never join a duplicate group:
#: stubs such as "Developing story." are not evidence of the same story.
MIN_DUPLICATE_CHARS = 40
#: Hex digits of the SHA-1 in ``duplicate_group`` ids (64 bits: no accidental
#: collision expected below ~10^8 articles; 10 digits would collide at ~10^6).
DUPLICATE_ID_HEX = 16

_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_TEXT_SUFFIXES = (".txt", ".md")
_PROV_FILE = "\x00source_file"  # internal provenance columns, renamed at the end
_PROV_LINE = "\x00source_line"
_STR_COLUMNS = ("article_id", "outlet", "title", "text", "url")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


# --------------------------------------------------------------------------- report


@dataclass
class LoadReport:
    """What :func:`load_corpus` read, kept and rejected, with counters.

    Invariant: ``n_accepted + n_rejected == n_read`` and
    ``len(rejections) == n_rejected``.

    Attributes
    ----------
    n_read : int
        Records read: non-blank JSONL lines, CSV records, Parquet rows, text files.
    n_accepted : int
        Rows of the returned articles table.
    n_rejected : int
        Records not in the table; each is one row of `rejections`.
    rejections : pandas.DataFrame of shape (n_rejected, 4)
        Columns ``file`` (str), ``line`` (int, 1-based line; Parquet: row number),
        ``reason`` (str: ``"invalid_json"``, ``"not_an_object"``, ``"field_count"``,
        ``"invalid_front_matter"``, ``"invalid_field"``, ``"missing_outlet"``,
        ``"duplicate_id"``) and ``detail`` (str, human-readable).
    n_empty_text : int
        Accepted articles with ``status == "empty_text"``.
    n_dates_missing, n_dates_unparseable, n_dates_naive : int
        Accepted articles by ``date_status`` (``naive``: the default zone was applied).
    n_dates_date_only : int
        Accepted articles whose date had no time of day (counted as ``"ok"``).
    languages : dict of str to int
        Articles per language code, most frequent first.
    n_duplicate_groups : int
        Duplicate groups with 2 or more articles.
    n_articles_in_duplicates : int
        Articles that belong to such a group.
    n_outlets : int
        Distinct canonical outlets among accepted articles.
    n_outlet_from_url : int
        Articles whose outlet was derived from the URL host.
    unmapped_outlets : dict of str to int
        Raw outlet values that matched no entry of the outlets map (empty when no
        map was given), with article counts.
    files : list of str
        Files read, in order.
    seconds : float
        Wall-clock load time. Unit: seconds.
    """

    n_read: int = 0
    n_accepted: int = 0
    n_rejected: int = 0
    rejections: pd.DataFrame = field(default_factory=lambda: _empty_rejections())
    n_empty_text: int = 0
    n_dates_missing: int = 0
    n_dates_unparseable: int = 0
    n_dates_naive: int = 0
    n_dates_date_only: int = 0
    languages: dict = field(default_factory=dict)
    n_duplicate_groups: int = 0
    n_articles_in_duplicates: int = 0
    n_outlets: int = 0
    n_outlet_from_url: int = 0
    unmapped_outlets: dict = field(default_factory=dict)
    files: list = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """Return a one-line summary, e.g. for a log line or a notebook cell.

        Returns
        -------
        summary : str
            Counts of accepted and rejected records (by reason), empty texts,
            date problems, languages, duplicate groups and unmapped outlets.
        """
        where = self.files[0] if len(self.files) == 1 else f"{len(self.files)} files"
        parts = [f"Loaded {self.n_accepted} of {self.n_read} records from {where!r}"]
        if self.n_rejected:
            reasons = Counter(self.rejections["reason"])
            listed = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
            parts.append(f"{self.n_rejected} rejected ({listed})")
        else:
            parts.append("0 rejected")
        parts.append(f"{self.n_outlets} outlets")
        parts.append(f"{self.n_empty_text} empty text")
        parts.append(
            f"dates: {self.n_dates_missing} missing, {self.n_dates_unparseable} unparseable, "
            f"{self.n_dates_naive} naive"
        )
        if self.languages:
            top = ", ".join(f"{k} {v}" for k, v in list(self.languages.items())[:5])
            more = ", ..." if len(self.languages) > 5 else ""
            parts.append(f"languages: {top}{more}")
        parts.append(
            f"{self.n_duplicate_groups} duplicate groups ({self.n_articles_in_duplicates} articles)"
        )
        if self.unmapped_outlets:
            parts.append(f"{len(self.unmapped_outlets)} unmapped outlets")
        return "; ".join(parts) + f" in {self.seconds:.2f} s."

    def to_frame(self) -> pd.DataFrame:
        """Return the counters as a long table, e.g. to write ``load_report.csv``.

        Returns
        -------
        counters : pandas.DataFrame of shape (n_counters, 2)
            Columns ``metric`` (str) and ``value`` (int). Languages appear as
            ``language:<code>``, unmapped outlets as ``unmapped_outlet:<value>``
            and rejections by reason as ``rejected:<reason>``. The individual
            rejections are in :attr:`rejections`.
        """
        rows = [
            ("n_read", self.n_read),
            ("n_accepted", self.n_accepted),
            ("n_rejected", self.n_rejected),
            ("n_empty_text", self.n_empty_text),
            ("n_dates_missing", self.n_dates_missing),
            ("n_dates_unparseable", self.n_dates_unparseable),
            ("n_dates_naive", self.n_dates_naive),
            ("n_dates_date_only", self.n_dates_date_only),
            ("n_duplicate_groups", self.n_duplicate_groups),
            ("n_articles_in_duplicates", self.n_articles_in_duplicates),
            ("n_outlets", self.n_outlets),
            ("n_outlet_from_url", self.n_outlet_from_url),
        ]
        for reason, n in Counter(self.rejections["reason"]).most_common():
            rows.append((f"rejected:{reason}", n))
        rows += [(f"language:{k}", v) for k, v in self.languages.items()]
        rows += [(f"unmapped_outlet:{k}", v) for k, v in self.unmapped_outlets.items()]
        return pd.DataFrame(rows, columns=["metric", "value"])


def _empty_rejections() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "file": pd.Series([], dtype=object),
            "line": pd.Series([], dtype="int64"),
            "reason": pd.Series([], dtype=object),
            "detail": pd.Series([], dtype=object),
        }
    )


class _Rejections:
    """Collects rejected records; with ``strict=True`` raises on the first one."""

    def __init__(self, strict):
        self.strict = strict
        self.rows = []

    def add(self, file, line, reason, detail):
        if self.strict:
            raise CorpusFormatError(
                f"Corpus file {str(file)!r} line {line}: {detail}. Fix the record, or "
                "pass strict=False to skip it and list it in the load report.",
                path=file,
                line=line,
            )
        self.rows.append((str(file), int(line), reason, detail))

    def add_mask(self, df, mask, reason, detail_fn):
        """Reject the rows of `df` where `mask` is True; `detail_fn(row_index, line)`."""
        for i in np.flatnonzero(mask):
            line = int(df[_PROV_LINE].iat[i])
            self.add(df[_PROV_FILE].iat[i], line, reason, detail_fn(i, line))

    def frame(self, files):
        """Rejections sorted by file (in reading order) and line."""
        if not self.rows:
            return _empty_rejections()
        out = pd.DataFrame(self.rows, columns=["file", "line", "reason", "detail"])
        rank = {f: k for k, f in enumerate(files)}
        order = sorted(
            range(len(out)), key=lambda k: (rank.get(self.rows[k][0], -1), self.rows[k][1])
        )
        out = out.iloc[order].reset_index(drop=True)
        return out.astype({"file": object, "line": "int64", "reason": object, "detail": object})


# --------------------------------------------------------------------------- outlets


@dataclass(frozen=True)
class OutletMap:
    """Map raw outlet names and URL hosts to canonical outlets and group columns.

    Build it with :func:`load_outlets` (YAML file) or :meth:`from_dict`.

    Attributes
    ----------
    entries : tuple of dict
        One dict per canonical outlet: ``{"outlet": str, <group column>: scalar, ...}``.
        Every entry has every group column (None where the YAML omits it).
    group_columns : tuple of str
        Extra keys of the entries (e.g. ``leaning``, ``country``), in first-seen order.
    keys : dict of str to int
        Normalised match key (case-folded, ``www.`` stripped) → index into `entries`.
    source : str
        Where the map came from (a path, or ``"<dict>"``).
    """

    entries: tuple
    group_columns: tuple
    keys: dict
    source: str = "<dict>"

    @classmethod
    def from_yaml(cls, path):
        """Read an outlets YAML file; see :func:`load_outlets`."""
        import yaml

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as err:
            raise FileNotFoundError(
                f"Outlets file {str(path)!r} does not exist. Pass outlets=None to keep raw "
                "outlet names, or write the file (see framing.corpus.load_outlets)."
            ) from err
        try:
            data = yaml.safe_load(text)
            root = yaml.compose(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark is not None else ""
            raise RegistryFormatError(
                f"Outlets file {str(path)!r}{where} is not valid YAML ({err}). "
                "Fix the syntax; see framing.corpus.load_outlets for the format."
            ) from err
        lines = []
        try:
            for key_node, value_node in root.value:
                if key_node.value == "outlets":
                    lines = [node.start_mark.line + 1 for node in value_node.value]
        except (AttributeError, TypeError, ValueError):
            lines = []
        return cls.from_dict(data, source=str(path), _lines=lines)

    @classmethod
    def from_dict(cls, data, *, source="<dict>", _lines=()):
        """Build the map from the parsed YAML structure ``{"outlets": [...]}``.

        Parameters
        ----------
        data : dict
            ``{"outlets": [{"outlet": str, "match": list of str, <group>: scalar}, ...]}``.
        source : str, default="<dict>"
            Name used in error messages.

        Returns
        -------
        outlet_map : OutletMap

        Raises
        ------
        RegistryFormatError
            If the structure, an entry, or a match key is invalid; names the source
            and the entry (index, name and YAML line when known).
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("outlets"), list):
            got = type(data).__name__ if not isinstance(data, Mapping) else sorted(data)
            raise RegistryFormatError(
                f"Outlets map {source!r} must be a mapping with an 'outlets' list. Got {got!r}. "
                "Write 'outlets:' followed by '- outlet: <name>' entries."
            )
        reserved = set(ARTICLE_COLUMNS) | {"match"}
        entries, keys, group_columns = [], {}, []
        for i, entry in enumerate(data["outlets"]):
            line = _lines[i] if i < len(_lines) else None
            where = f"Outlets map {source!r} entry {i + 1}" + (f" (line {line})" if line else "")
            if not isinstance(entry, Mapping):
                raise RegistryFormatError(
                    f"{where} must be a mapping with an 'outlet' key. Got {entry!r}."
                )
            name = entry.get("outlet")
            if not isinstance(name, str) or not name.strip():
                raise RegistryFormatError(
                    f"{where} needs a non-empty string 'outlet' (the canonical name). Got {name!r}."
                )
            name = name.strip()
            where += f" ({name!r})"
            match = entry.get("match", [])
            if isinstance(match, str):
                match = [match]
            if not isinstance(match, list) or not all(
                isinstance(m, str | int | float) and not isinstance(m, bool) for m in match
            ):
                raise RegistryFormatError(
                    f"{where}: 'match' must be a list of raw outlet names or URL hosts. "
                    f"Got {match!r}."
                )
            record = {"outlet": name}
            for key, value in entry.items():
                if key in ("outlet", "match"):
                    continue
                if not isinstance(key, str) or key in reserved:
                    raise RegistryFormatError(
                        f"{where}: group key {key!r} clashes with an articles column. "
                        f"Rename it (reserved: {sorted(reserved)!r})."
                    )
                if isinstance(value, list | dict | set | tuple):
                    raise RegistryFormatError(
                        f"{where}: group key {key!r} must have a single value "
                        f"(str, number, bool or null). Got {value!r}."
                    )
                record[key] = value
                if key not in group_columns:
                    group_columns.append(key)
            index = len(entries)
            for raw in [name, *match]:
                key = _outlet_key(str(raw))
                if not key:
                    raise RegistryFormatError(f"{where}: empty match value {raw!r}.")
                if key in keys and keys[key] != index:
                    other = entries[keys[key]]["outlet"]
                    raise RegistryFormatError(
                        f"{where}: match value {raw!r} also maps to {other!r}. "
                        "Each raw name or host may belong to one outlet only."
                    )
                keys[key] = index
            entries.append(record)
        entries = [{"outlet": e["outlet"], **{c: e.get(c) for c in group_columns}} for e in entries]
        return cls(tuple(entries), tuple(group_columns), keys, source)

    def lookup(self, value):
        """Return the entry for a raw outlet name, domain or URL host, or None.

        Matching is case-insensitive and ignores a leading ``www.``; a value that
        looks like a host also matches through its parent domains
        (``blogs.nytimes.com`` → ``nytimes.com``).

        Parameters
        ----------
        value : str

        Returns
        -------
        entry : dict or None
            ``{"outlet": canonical, <group column>: value, ...}``.
        """
        key = _outlet_key(value)
        if not key:
            return None
        if key in self.keys:
            return self.entries[self.keys[key]]
        if "." in key and " " not in key:
            labels = key.split(".")
            for start in range(1, len(labels) - 1):
                parent = ".".join(labels[start:])
                if parent in self.keys:
                    return self.entries[self.keys[parent]]
        return None

    def to_frame(self) -> pd.DataFrame:
        """Return one row per canonical outlet: ``outlet`` + group columns."""
        return pd.DataFrame(list(self.entries), columns=["outlet", *self.group_columns])


def _outlet_key(value):
    key = " ".join(str(value).split()).casefold()
    return key.removeprefix("www.")


def load_outlets(path=None):
    """Read an outlets map: raw outlet names / URL hosts → canonical outlet + groups.

    The YAML lists one entry per canonical outlet; ``match`` holds the raw values
    (outlet names as found in files, or URL hosts) that mean this outlet, matched
    case-insensitively. Every further key becomes a group column of the articles
    table (``leaning``, ``country``, ...)::

        outlets:
          - outlet: Kyiv Ledger
            match: [Kyiv Ledger, kyivledger.example, m.kyivledger.example]
            leaning: pro-Ukraine
            country: UA

    Parameters
    ----------
    path : str or os.PathLike, default=None
        The YAML file; None means :data:`framing.paths.DEFAULT_OUTLETS`.

    Returns
    -------
    outlet_map : OutletMap

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    RegistryFormatError
        If the YAML is invalid or an entry is malformed (no ``outlet``, a nested
        group value, a group key named like an articles column, or a match value
        claimed by two outlets). The message names the file and the entry.

    Examples
    --------
    >>> outlets = load_outlets("corpus/outlets.yml")  # doctest: +SKIP
    >>> outlets.lookup("www.kyivledger.example")["outlet"]  # doctest: +SKIP
    'Kyiv Ledger'
    """
    return OutletMap.from_yaml(paths.DEFAULT_OUTLETS if path is None else path)


def _as_outlet_map(outlets):
    if outlets is None or isinstance(outlets, OutletMap):
        return outlets
    if isinstance(outlets, str | os.PathLike):
        return load_outlets(outlets)
    if isinstance(outlets, Mapping):
        return OutletMap.from_dict(outlets)
    raise TypeError(
        "The 'outlets' parameter of load_corpus must be a path, an OutletMap or a dict "
        f"like {{'outlets': [...]}}. Got {type(outlets).__name__!r} instead."
    )


# --------------------------------------------------------------------------- reading


def _is_utf8(encoding):
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def _open_binary(path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def _decode_error(path, lineno, offset, err, encoding):
    bad = err.object[err.start : err.start + 1]
    return CorpusFormatError(
        f"Corpus file {str(path)!r} line {lineno} (byte offset {offset + err.start}): "
        f"byte {bad!r} cannot be decoded as {encoding!r} ({err.reason}). Pass the file's "
        "encoding, e.g. encoding='cp1252' for files saved by Windows tools.",
        path=path,
        line=lineno,
    )


def _iter_lines(path, encoding) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each physical line, decoded.

    UTF-8 is read with ``utf-8-sig`` semantics (a leading BOM is dropped).
    Undecodable bytes raise :class:`CorpusFormatError` with line and byte offset.
    """
    utf8 = _is_utf8(encoding)
    if not utf8 and "\n".encode(encoding) != b"\n":  # e.g. UTF-16: decode whole file
        with _open_binary(path) as f:
            raw = f.read()
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as err:
            lineno = raw.count(b"\n", 0, err.start) + 1
            raise _decode_error(path, lineno, 0, err, encoding) from err
        for lineno, line in enumerate(text.splitlines(keepends=True), start=1):
            yield lineno, line
        return
    codec = "utf-8" if utf8 else encoding
    offset = 0
    with _open_binary(path) as f:
        for lineno, raw in enumerate(f, start=1):
            if lineno == 1 and utf8 and raw.startswith(codecs.BOM_UTF8):
                offset += 3
                raw = raw[3:]
            try:
                line = raw.decode(codec)
            except UnicodeDecodeError as err:
                raise _decode_error(path, lineno, offset, err, encoding) from err
            offset += len(raw)
            yield lineno, line


def _read_jsonl(path, encoding, rej):
    """Read a JSON-lines file into a list of dicts (one per object line)."""
    records = []
    n_read = _parse_jsonl_lines(_iter_lines(path, encoding), path, rej, records)
    return records, n_read


def _parse_jsonl_lines(lines, path, rej, records):
    """Parse ``(line_number, text)`` pairs, appending objects to `records`; returns n_read.

    Used by :func:`_read_jsonl` and by the chunked reader of :mod:`framing.scale`, so
    both give the same records and rejections. orjson is tried first when installed
    (faster); any line it refuses is parsed again with :mod:`json`, so the accepted
    values and the rejection messages are exactly those of :func:`json.loads`.
    """
    n_read = 0
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
                rej.add(path, lineno, "invalid_json", f"line {lineno}: invalid JSON ({why})")
                continue
        if not isinstance(obj, dict):
            rej.add(
                path,
                lineno,
                "not_an_object",
                f"line {lineno}: expected a JSON object, got {type(obj).__name__} {_short(obj)!r}",
            )
            continue
        obj[_PROV_FILE] = str(path)
        obj[_PROV_LINE] = lineno
        records.append(obj)
    return n_read


@lru_cache(maxsize=1)
def _fast_json_loads():
    try:
        import orjson
    except ImportError:  # pragma: no cover - optional speed-up
        return json.loads
    return orjson.loads


def _read_csv(path, encoding, rej):
    """Read a CSV (or ``.tsv``) file; ``source_line`` is where each record starts."""
    records, n_read = [], 0
    for _start, _end, record in _iter_csv_records(path, encoding, rej):
        n_read += 1
        if record is not None:
            records.append(record)
    return records, n_read


def _iter_csv_records(path, encoding, rej):
    """Yield ``(start_line, end_line, record)`` per CSV record; None for a rejected one."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    delimiter = "\t" if path.name.removesuffix(".gz").endswith(".tsv") else ","
    lines = (line for _, line in _iter_lines(path, encoding))
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
                rej.add(
                    path,
                    start,
                    "field_count",
                    f"line {start}: expected {len(header)} fields as in the header, "
                    f"got {len(row)} (check quoting and delimiters)",
                )
                yield start, prev, None
                continue
            record = dict(zip(header, row, strict=True))
            record[_PROV_FILE] = str(path)
            record[_PROV_LINE] = start
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


def _read_parquet(path):
    df = pd.read_parquet(path)
    df = df.reset_index(drop=True)
    df[_PROV_FILE] = str(path)
    df[_PROV_LINE] = np.arange(1, len(df) + 1, dtype="int64")
    return df, len(df)


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s?(.*)$")


def _read_text_folder(folder, encoding, rej):
    """Read every ``.txt``/``.md`` file under `folder` (recursively, sorted)."""
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in _TEXT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    records = []
    for file in files:
        with open(file, "rb") as f:
            raw = f.read()
        codec = "utf-8-sig" if _is_utf8(encoding) else encoding
        try:
            content = raw.decode(codec)
        except UnicodeDecodeError as err:
            lineno = raw.count(b"\n", 0, err.start) + 1
            raise _decode_error(file, lineno, 0, err, encoding) from err
        content = content.replace("\r\n", "\n").replace("\r", "\n")
        record = {}
        body = content
        if content.startswith("---\n") or content.strip() == "---":
            lines = content.split("\n")
            try:
                end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
            except StopIteration:
                rej.add(
                    file,
                    1,
                    "invalid_front_matter",
                    "line 1: front matter opened with '---' is never closed; add a '---' line "
                    "after the header",
                )
                continue
            bad = None
            for i in range(1, end):
                if not lines[i].strip() or lines[i].lstrip().startswith("#"):
                    continue
                m = _FRONT_KEY.match(lines[i])
                if m is None:
                    bad = i + 1
                    break
                record[m.group(1)] = _unquote(m.group(2).strip())
            if bad is not None:
                rej.add(
                    file,
                    bad,
                    "invalid_front_matter",
                    f"line {bad}: expected 'key: value' in the front matter, got "
                    f"{_short(lines[bad - 1])!r}",
                )
                continue
            body = "\n".join(lines[end + 1 :])
        record.setdefault("text", body.strip())
        record.setdefault("article_id", file.relative_to(folder).with_suffix("").as_posix())
        record[_PROV_FILE] = str(file)
        record[_PROV_LINE] = 1
        records.append(record)
    return records, len(files), [str(f) for f in files]


def _unquote(value):
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


_BASIL_PLACEHOLDERS = ("", "empty", "none", "null")


def _read_basil(path, encoding, rej):
    """Adapt the BASIL jsonl (Fan et al., 2019) to the canonical fields.

    ``uuid`` → ``article_id`` (``article_key`` when the uuid is the placeholder
    ``"empty"`` or blank, as for three HuffPost articles); ``source``
    (fox/nyt/hpo, sometimes upper case) →
    ``outlet`` lower-cased, with ``outlet_raw`` keeping the value as found;
    ``date`` → ``published``; ``body-paragraphs`` (list of paragraphs, each a list
    of sentences) → ``text``, sentences joined with " " and paragraphs with
    "\\n\\n". Scalar fields (``main-event``, ``triplet-uuid``, ``word-count``,
    ``article_key``, ``year_folder``, ``keywords``) are kept under their names;
    nested fields (``main-entities``, ``article-level-annotations``,
    ``phrase-level-annotations``) are dropped.
    """
    records, n_read = _read_jsonl(path, encoding, rej)
    out = []
    for rec in records:
        line = rec[_PROV_LINE]
        body = rec.pop("body-paragraphs", None)
        if body is None:
            body = []
        if not isinstance(body, list) or not all(
            isinstance(p, list) and all(isinstance(s, str) for s in p) for p in body
        ):
            rej.add(
                path,
                line,
                "invalid_field",
                f"line {line}: field 'body-paragraphs' must be a list of paragraphs, each a "
                f"list of sentence strings; got {_short(body)!r}",
            )
            continue
        article_id = rec.pop("uuid", None)
        if not isinstance(article_id, str) or article_id.strip().lower() in _BASIL_PLACEHOLDERS:
            article_id = rec.get("article_key", article_id)  # 3 HuffPost articles: uuid "empty"
        new = {
            "article_id": article_id,
            "title": rec.pop("title", None),
            "text": "\n\n".join(" ".join(p) for p in body),
            "url": rec.pop("url", None),
            "published": rec.pop("date", None),
        }
        source = rec.pop("source", None)
        if isinstance(source, str) and source.strip():
            new["outlet"] = source.strip().lower()
            new["outlet_raw"] = source
        else:
            new["outlet"] = source
        for key, value in rec.items():
            if not isinstance(value, list | dict):
                new[key] = value
        out.append(new)
    return out, n_read


def _short(value, n=60):
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= n else text[: n - 3] + "..."


def _detect_format(path, fmt):
    if fmt not in FORMATS:
        raise ValueError(
            f"The 'format' parameter of load_corpus must be one of {FORMATS!r}. "
            f"Got {fmt!r} instead."
        )
    if fmt != "auto":
        return fmt
    if path.is_dir():
        return "text"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffixes[-1]]
    raise CorpusFormatError(
        f"Cannot tell the format of corpus file {str(path)!r} from its suffix "
        f"{path.suffix!r}. Pass format= one of {FORMATS[1:]!r}, or rename the file "
        "(.jsonl, .csv, .parquet, or a folder of .txt/.md files).",
        path=path,
    )


def _read_one(path, fmt, encoding, rej, columns):
    """Read one file (or text folder) into a raw frame with provenance columns."""
    if not path.exists():
        raise FileNotFoundError(
            f"Corpus path {str(path)!r} does not exist. Check the path (relative paths are "
            f"resolved from {os.getcwd()!r}); framing.paths.DEFAULT_CORPUS is the bundled corpus."
        )
    fmt = _detect_format(path, fmt)
    files = [str(path)]
    if fmt == "text":
        if not path.is_dir():
            raise CorpusFormatError(
                f"format='text' expects a folder of .txt/.md files. Got the file {str(path)!r}.",
                path=path,
            )
        records, n_read, files = _read_text_folder(path, encoding, rej)
    elif path.is_dir():
        raise CorpusFormatError(
            f"format={fmt!r} expects a file. Got the folder {str(path)!r}; use format='text' "
            "for a folder of .txt/.md files.",
            path=path,
        )
    elif fmt == "jsonl":
        records, n_read = _read_jsonl(path, encoding, rej)
    elif fmt == "csv":
        records, n_read = _read_csv(path, encoding, rej)
    elif fmt == "basil":
        records, n_read = _read_basil(path, encoding, rej)
    if fmt == "parquet":
        df, n_read = _read_parquet(path)
    else:
        df = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        if not records:
            df[_PROV_FILE] = pd.Series([], dtype=object)
            df[_PROV_LINE] = pd.Series([], dtype="int64")
    df = _apply_column_map(df, columns, path)
    return df, n_read, files


def _apply_column_map(df, columns, path):
    if not columns:
        return df
    found = [c for c in df.columns if c not in (_PROV_FILE, _PROV_LINE)]
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


# --------------------------------------------------------------------------- columns


def _bad_value_mask(series):
    """True where a value is a list, dict or other non-scalar (cannot be text)."""
    if series.dtype != object:
        return np.zeros(len(series), dtype=bool)
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("string", "empty", "integer", "floating", "boolean", "mixed-integer-float"):
        return np.zeros(len(series), dtype=bool)
    return series.map(lambda v: isinstance(v, list | dict | tuple | set)).to_numpy(dtype=bool)


def _as_text(series):
    """Coerce to str with "" for missing (never NaN); works on pandas 2.2 and 3.x."""
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return series.fillna("") if series.hasnans else series  # pandas 3 'str' dtype
    if series.dtype == object:
        kind = pd.api.types.infer_dtype(series, skipna=True)
        if kind not in ("string", "empty"):
            series = series.map(_scalar_text)
    out = series.astype(object).where(series.notna(), "")
    return out.astype(str)


def _scalar_text(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_HOST_RE = r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//(?:[^@/?#\s]*@)?([^:/?#\s]+)"


def _url_hosts(url):
    """Lower-cased URL host without ``www.`` ("" when there is none)."""
    host = url.str.extract(_HOST_RE, expand=False)
    host = host.astype(object).where(host.notna(), "")
    host = host.astype(str).str.lower().str.replace(r"^www\.", "", regex=True)
    return host.str.rstrip(".")


# --------------------------------------------------------------------------- dates

_TZ_SUFFIX = r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?|\s*(?:UTC|GMT))$"
_HAS_TIME = r"(?:T\d{2}:?\d{2}|(?:^|\s)\d{1,2}:\d{2})"
_AWARE_RE = _HAS_TIME + r".*" + _TZ_SUFFIX


def _parse_published(values, default_tz):
    """Parse `values` to ``datetime64[ns, UTC]`` and a ``date_status`` per row.

    Returns ``(published, date_status, n_date_only)``.
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


def _check_tz(default_tz):
    try:
        pd.Timestamp("2000-01-01").tz_localize(default_tz)
    except Exception as err:  # pytz/zoneinfo raise different types
        raise ValueError(
            "The 'default_tz' parameter of load_corpus must be a time zone such as 'UTC' or "
            f"'Europe/Kyiv'. Got {default_tz!r} instead."
        ) from err


# --------------------------------------------------------------------------- duplicates

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_REPLACEMENTS = tuple(
    {
        **{c: "-" for c in _DASHES},
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
        "\u2026": "...",
        "\u00ad": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
    }.items()
)
_D = "-\u2012\u2013\u2014\u2015\u2212"
# A wire dateline at the very start: "KYIV (Northwire) — ", "WASHINGTON, Feb 24 (Reuters) - ",
# "KYIV, Ukraine (AP) — ", "(Reuters) - ", "LONDON — ".
_DATELINE_RE = re.compile(
    rf"""^\s*(?:
        [A-Z][A-Z'\u2019.\- ]{{0,40}}[A-Z.]          # place in capitals
        (?:\s*,\s*[A-Za-z0-9 .,/]{{1,30}}?)?          # optional ", Feb 24" / ", Ukraine"
        \s*(?:\([^()\n]{{1,40}}\))?                   # optional (Agency)
      | \([^()\n]{{1,40}}\)                           # or just (Agency)
    )\s*[{_D}]{{1,2}}\s*""",
    re.VERBOSE,
)
# Trailing credit lines: "Reporting by ...", "Editing by ...", "© 2025 ...", "Copyright ...".
_CREDIT_LINE_RE = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|"
    r"contributing)\s+by\b.*$|^(?:\u00a9|\(c\)\s|copyright\b).*$",
    re.IGNORECASE,
)
_CREDIT_TAIL_RE = re.compile(
    r"\(\s*(?:(?:additional\s+)?reporting|writing|editing)\s+by\b[^()]*\)\s*$",
    re.IGNORECASE,
)
_DASH_RUN_RE = re.compile(r"-{2,}")


def _normalise_body(text):
    """The story body used for duplicate grouping (wire prefix/suffix removed).

    Removes a leading dateline, trailing credit lines and a trailing
    "(Reporting by ...)" note; NFKC-normalises; maps curly quotes and dashes to
    ASCII; removes soft hyphens and zero-width characters; case-folds; collapses
    whitespace. Everything else must match exactly.
    """
    lines = text.strip().splitlines()
    changed = True
    while lines and changed:
        changed = False
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and _CREDIT_LINE_RE.match(lines[-1].strip()):
            lines.pop()
            changed = True
        elif lines and lines[-1].rstrip().endswith(")"):
            last = lines[-1]
            m = _CREDIT_TAIL_RE.search(last, max(0, len(last) - 400))
            if m is not None:
                lines[-1] = last[: m.start()].rstrip()
                changed = True
    body = "\n".join(lines)
    if not unicodedata.is_normalized("NFKC", body):
        body = unicodedata.normalize("NFKC", body)
    for char, replacement in _REPLACEMENTS:  # str.replace is much faster than str.translate
        if char in body:
            body = body.replace(char, replacement)
    body = _DATELINE_RE.sub("", body, count=1)
    body = " ".join(body.split())  # collapse whitespace (faster than a regex)
    if "-" in body:
        body = body.replace(" -", "-").replace("- ", "-")
        if "--" in body:
            body = _DASH_RUN_RE.sub("-", body)
    return body.casefold()


def _duplicate_groups(texts, article_ids, empty):
    """``dup-<sha1 hex>`` per article: same id for the same normalised body."""
    out = np.empty(len(texts), dtype=object)
    cache = {}
    for i, (text, article_id, is_empty) in enumerate(
        zip(texts.tolist(), article_ids.tolist(), empty.tolist(), strict=True)
    ):
        key = None
        if not is_empty:
            key = cache.get(text)
            if key is None:
                norm = _normalise_body(text)
                key = norm if len(norm) >= MIN_DUPLICATE_CHARS else ""
                cache[text] = key
        if not key:  # empty or stub text: a group of its own
            key = "\x00solo\x00" + article_id
        out[i] = "dup-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:DUPLICATE_ID_HEX]
    return out


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=4)
def _language_identifier(languages):
    """Build the py3langid identifier once per process and language set."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    if languages is not None:
        identifier.set_languages(sorted(languages))
    return identifier


def _detect_languages(titles, texts, empty, detect_language):
    n = len(texts)
    out = np.full(n, "und", dtype=object)
    if detect_language is False or n == 0:
        return out
    if detect_language is True:
        languages = DEFAULT_LANGUAGES
    elif detect_language == "all":
        languages = None
    elif isinstance(detect_language, Iterable) and not isinstance(detect_language, str):
        languages = frozenset(detect_language)
    else:
        raise ValueError(
            "The 'detect_language' parameter of load_corpus must be True, False, 'all' or a "
            f"collection of ISO 639-1 codes. Got {detect_language!r} instead."
        )
    identifier = _language_identifier(languages)
    from py3langid.langid import RAW_FLOOR

    samples: dict[str, list[int]] = {}  # unique sample -> rows
    for i, (title, text, is_empty) in enumerate(
        zip(titles.tolist(), texts.tolist(), empty.tolist(), strict=True)
    ):
        if not is_empty:
            samples.setdefault(f"{title}\n{text[:LANGUAGE_PREFIX_CHARS]}", []).append(i)
    results = _classify_samples(identifier, list(samples), languages)
    for (lang, score), rows in zip(results, samples.values(), strict=True):
        out[rows] = "und" if score <= RAW_FLOOR else lang  # no features: digits, symbols
    return out


#: Samples longer than this (UTF-8 bytes) skip the batched language walk.
_MAX_BATCH_BYTES = 8 * LANGUAGE_PREFIX_CHARS


@lru_cache(maxsize=4)
def _dfa_tables(languages):
    """py3langid's model as numpy arrays, or None when they cannot be read.

    Returns ``(next_move, row_base, output, class_table)``: the byte DFA (next state
    per row base + byte, row base per state, feature emitted per state or -1) and
    the naive-Bayes feature × class table as float32 (py3langid stores float16 and
    converts on every call; converting once gives bitwise the same scores). None
    when the installed py3langid lacks these attributes (another version): callers
    then fall back to ``identifier.classify``.
    """
    identifier = _language_identifier(languages)
    try:
        moves = identifier.tk_nextmove  # array.array: shared, not copied
        next_move = np.frombuffer(moves, dtype=f"u{moves.itemsize}")
        row_base = np.asarray(identifier._rowbase, dtype=np.int64)
        output = np.asarray(identifier.tk_output, dtype=np.int32)
        # C order: a text's feature rows are gathered from contiguous memory
        table = np.ascontiguousarray(identifier.nb_ptc, dtype=np.float32)
        identifier._encode, identifier._alias_pairs, identifier._norm_probs  # noqa: B018
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - other py3langid
        return None
    if next_move.ndim != 1 or len(row_base) != len(output) or table.ndim != 2:
        return None  # pragma: no cover - other py3langid
    return next_move, row_base, output, table


def _classify_samples(identifier, samples, languages, block=512):
    """Return ``identifier.classify(s)`` for every sample, walking the DFA in numpy.

    py3langid walks a byte-level finite-state machine over each text in a Python
    loop (about 1 µs per byte). The walk is sequential within a text but
    independent across texts, so here it advances a block of texts by one byte per
    numpy step, and counts the features of the whole block in one hash pass
    (:func:`pandas.factorize`). The features found, their order (first occurrence,
    as py3langid's ``Counter``) and the scoring (``log1p(counts) @ table + prior``, alias folding,
    argmax) are py3langid's own, so the results are identical to calling
    ``identifier.classify`` on each sample (checked in tests/test_speed_equivalence.py).
    `block` texts are walked at once; their temporary arrays take roughly 60 bytes per
    sample byte (about 35 MB for 512 samples of 1,000 characters).
    """
    if not samples:
        return []
    tables = _dfa_tables(languages)
    if tables is None or identifier._norm_probs or identifier.min_confidence is not None:
        return [identifier.classify(s) for s in samples]  # pragma: no cover
    from py3langid.langid import RAW_FLOOR

    next_move, row_base, output, table = tables
    prior, classes, aliases = identifier.nb_pc, identifier.nb_classes, identifier._alias_pairs
    results: list = [None] * len(samples)
    encoded = [identifier._encode(s) for s in samples]
    # a block is as wide as its longest text: texts far above the usual sample (a huge
    # title) go through py3langid one by one, so a block's arrays stay small
    short = []
    for i, raw in enumerate(encoded):
        if len(raw) > _MAX_BATCH_BYTES:
            results[i] = identifier.classify(raw)
        else:
            short.append(i)
    for b0 in range(0, len(short), block):
        rows_in_block = short[b0 : b0 + block]
        part = [encoded[i] for i in rows_in_block]
        lengths = [len(raw) for raw in part]
        width = max(lengths)
        columns = np.zeros((width, len(part)), dtype=np.uint8)  # byte t of text r
        for r, raw in enumerate(part):
            columns[: len(raw), r] = np.frombuffer(raw, dtype=np.uint8)
        feats = np.empty((width, len(part)), dtype=np.int32)
        state = np.zeros(len(part), dtype=np.int64)
        for t in range(width):
            state = next_move[row_base[state] + columns[t]]
            feats[t] = output[state]
        feats = np.ascontiguousarray(feats.T)  # row r: text r's features in byte order
        valid = (feats >= 0) & (np.arange(width) < np.asarray(lengths)[:, None])
        # number the (text, feature) pairs in order of first occurrence: texts in
        # order, and within a text the order of py3langid's Counter
        text_of = np.repeat(np.arange(len(part), dtype=np.int64), valid.sum(axis=1))
        codes, pairs = pd.factorize(text_of * len(table) + feats[valid])
        log_counts = np.log1p(np.bincount(codes).astype(np.float32))
        pair_text = pairs // len(table)
        pair_feat = pairs - pair_text * len(table)
        bounds = np.searchsorted(pair_text, np.arange(len(part) + 1))
        for r in range(len(part)):
            a, b = bounds[r], bounds[r + 1]
            if a < b:
                scores = log_counts[a:b] @ table[pair_feat[a:b]] + prior
            else:
                scores = np.full(len(classes), RAW_FLOOR, dtype=np.float32)
            for i, j in aliases:
                scores[i] = max(scores[i], scores[j])
                scores[j] = RAW_FLOOR
            k = int(scores.argmax())
            results[rows_in_block[r]] = (classes[k], float(scores[k]))
    return results


# --------------------------------------------------------------------------- main


def load_corpus(
    path,
    *,
    columns=None,
    format="auto",
    encoding="utf-8",
    strict=False,
    default_tz="UTC",
    outlets=None,
    detect_language=True,
    return_report=False,
):
    """Load news articles into the articles table, one validated row per article.

    Reads the file(s), renames fields with `columns`, then coerces each
    canonical column: ids are made unique (later duplicates rejected), a missing
    outlet is taken from the URL host, dates are parsed to UTC, text fields
    become ``str`` (``""`` when absent). Raw outlet values are mapped to
    canonical outlets with `outlets`; each article gets a language code and a
    ``duplicate_group`` id shared by copies of the same story. Records that
    cannot be used are listed in the report, never dropped silently:
    ``n_accepted + n_rejected == n_read``.

    Parameters
    ----------
    path : str, os.PathLike, or list of them
        A ``.jsonl``/``.ndjson``, ``.csv``/``.tsv`` (optionally ``.gz``), or
        ``.parquet`` file; a folder of ``.txt``/``.md`` files; or a list of these
        (ids must be unique across all of them).
    columns : dict of str to str, default=None
        File field name → canonical name, e.g. ``{"source": "outlet", "body": "text"}``.
        Fields not mentioned keep their names.
    format : {'auto', 'jsonl', 'csv', 'parquet', 'text', 'basil'}, default='auto'
        ``'auto'`` decides from the suffix (a folder means ``'text'``). ``'text'``:
        each file is ``---\\noutlet: ...\\npublished: ...\\ntitle: ...\\nurl: ...\\n---\\nbody``
        (one ``key: value`` per header line, not full YAML; any key is kept as a
        column; ``article_id`` = path relative to the folder without suffix).
        ``'basil'``: the BASIL jsonl (Fan et al., 2019), see Notes.
    encoding : str, default='utf-8'
        Text encoding of JSONL/CSV/text files. UTF-8 is read with ``utf-8-sig``
        semantics (a byte-order mark is dropped). Use e.g. ``'cp1252'`` for
        files written by Windows tools.
    strict : bool, default=False
        Raise :class:`CorpusFormatError` at the first record that would be
        rejected, instead of listing it in the report.
    default_tz : str or tzinfo, default='UTC'
        Zone for timestamps without an offset (``date_status="naive"``) and for
        date-only values (midnight in this zone, ``date_status="ok"``).
    outlets : str, os.PathLike, OutletMap or dict, default=None
        Outlets map (see :func:`load_outlets`). None keeps raw outlet values.
    detect_language : bool, 'all' or collection of str, default=True
        True: py3langid restricted to :data:`DEFAULT_LANGUAGES`; ``'all'``: all
        labels of the bundled model; a collection: those ISO 639-1 codes;
        False: skip detection (``language="und"`` everywhere).
    return_report : bool, default=False
        Also return the :class:`LoadReport`.

    Returns
    -------
    articles : pandas.DataFrame of shape (n_accepted, 13 + n_extra)
        Index ``0..n_accepted-1``. Columns, in this order:

        =============== ====================== ========================================
        column          dtype                  meaning
        =============== ====================== ========================================
        article_id      str                    from the file, else ``"<file stem>:<line>"``;
                                               unique
        outlet          str                    canonical outlet (raw value when unmapped)
        published       datetime64[ns, UTC]    NaT when missing or unparseable
        title           str                    ``""`` when absent
        text            str                    ``""`` when absent
        url             str                    ``""`` when absent
        outlet_raw      str                    outlet as found, else the URL host
        status          str                    ``"ok"`` or ``"empty_text"``
        date_status     str                    ``"ok"``, ``"naive"``, ``"missing"``,
                                               ``"unparseable"``
        language        str                    ISO 639-1 code; ``"und"`` for empty text
        duplicate_group str                    ``"dup-<16 hex>"``, shared by copies of a
                                               story
        source_file     str                    file the record came from
        source_line     int64                  1-based line (CSV: where the record
                                               starts; Parquet: row number; text
                                               folder: 1)
        =============== ====================== ========================================

        then the outlet map's group columns (None for unmapped outlets), then every
        other field of the file as found.
    report : LoadReport
        Only when `return_report` is True.

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    CorpusFormatError
        If a file cannot be decoded with `encoding` (names file, line and byte
        offset), a CSV is malformed, the format cannot be inferred, or, with
        ``strict=True``, a record would be rejected (names file and line).
    MissingColumnError
        If a field named in `columns` is not in the file; the message lists the
        fields found.
    RegistryFormatError
        If the outlets map is malformed.
    ValueError
        If `format`, `default_tz` or `detect_language` is not a valid option.

    Warns
    -----
    UserWarning
        Once when records were rejected (the count, and the first reason and
        line), and once when naive timestamps got `default_tz` (the count).

    See Also
    --------
    load_outlets : Read the outlets map.
    drop_duplicate_stories : Keep one article per duplicate group.

    Notes
    -----
    Rejection reasons: ``invalid_json``, ``not_an_object`` (JSONL),
    ``field_count`` (CSV row with more or fewer fields than the header),
    ``invalid_front_matter`` (text folder), ``invalid_field`` (a list or
    object where a text field is expected), ``missing_outlet`` (no outlet and no
    URL host), ``duplicate_id`` (the first record with an id wins). Blank lines
    are skipped, not counted.

    Columns in the file named like a computed column (``status``, ``language``,
    ``duplicate_group``, ``source_line``, ...) are recomputed, with a UserWarning
    naming them; an ``outlet_raw`` field is kept as the raw outlet value (so a
    processed table can be loaded again).

    Dates: ISO 8601 (any offset, ``Z``, or a trailing ``UTC``/``GMT``) and RFC 2822
    (RSS feeds) are parsed; anything else is ``"unparseable"`` (NaT), e.g.
    ``'18/03/24'``, which is ambiguous. Values outside 1677–2262 (the range of
    ``datetime64[ns]``) are ``"unparseable"`` too.

    Duplicate stories: the body is normalised (leading wire dateline such as
    ``KYIV (Northwire) — `` or ``(Reuters) - ``, trailing ``Reporting by``/
    ``Editing by``/``©`` lines removed; NFKC; quotes and dashes unified; case
    and whitespace folded) and hashed with SHA-1. Different wording, even one
    word, gives a different group. Empty texts and normalised bodies shorter
    than :data:`MIN_DUPLICATE_CHARS` get a group of their own.

    Language: py3langid (Lui & Baldwin, 2012, langid.py; bundled model, no
    download) on the title plus the first :data:`LANGUAGE_PREFIX_CHARS`
    characters of the text. The identifier is built once per process.

    BASIL (``format="basil"``; Fan et al., 2019, "In Plain Sight", EMNLP): ``uuid``
    → ``article_id`` (``article_key`` where the uuid is the placeholder
    ``"empty"``); ``source`` lower-cased → ``outlet`` (``outlet_raw`` keeps the
    case found); ``date`` → ``published``; ``body-paragraphs`` → ``text``
    (sentences joined with " ", paragraphs with a blank line). Scalar fields
    (``main-event``, ``triplet-uuid``, ``word-count``, ...) are kept under their
    names; nested annotation fields and ``main-entities`` are dropped.

    Examples
    --------
    >>> from framing import paths
    >>> from framing.corpus import load_corpus
    >>> articles, report = load_corpus(paths.DEFAULT_CORPUS, return_report=True)  # doctest: +SKIP
    >>> articles[["article_id", "outlet", "published", "language"]].head(2)  # doctest: +SKIP
    >>> load_corpus("raw.csv", columns={"source": "outlet", "body": "text"})  # doctest: +SKIP
    """
    started = time.perf_counter()
    _check_tz(default_tz)
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(
            "The 'columns' parameter of load_corpus must be a dict mapping file field names "
            f"to canonical names, e.g. {{'body': 'text'}}. Got {columns!r} instead."
        )
    outlet_map = _as_outlet_map(outlets)
    path_list = list(path) if isinstance(path, list | tuple) else [path]
    rej = _Rejections(strict)
    frames, n_read, files = [], 0, []  # files: every file read, in order
    for one in path_list:
        df, n, found = _read_one(Path(one), format, encoding, rej, columns)
        frames.append(df)
        n_read += n
        files += found
    raw = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True, sort=False)

    articles, stats = _build_articles(raw, rej, default_tz, outlet_map, detect_language)
    rejections = rej.frame(files)
    report = LoadReport(
        n_read=n_read,
        n_accepted=len(articles),
        n_rejected=len(rejections),
        rejections=rejections,
        files=[str(p) for p in path_list],
        **stats,
    )
    if report.n_accepted + report.n_rejected != report.n_read:  # pragma: no cover - invariant
        raise RuntimeError(
            f"load_corpus lost records: read {report.n_read}, accepted {report.n_accepted}, "
            f"rejected {report.n_rejected}. Please report this bug with the input file."
        )
    report.seconds = time.perf_counter() - started
    logger.info(report.summary())
    if report.n_rejected:
        first = rejections.iloc[0]
        warnings.warn(
            f"{report.n_rejected} of {report.n_read} corpus records were rejected; first: "
            f"{first['file']!r} line {first['line']} ({first['reason']}): {first['detail']}. "
            "See the 'rejections' table of the load report (return_report=True).",
            UserWarning,
            stacklevel=2,
        )
    if report.n_dates_naive:
        warnings.warn(
            f"{report.n_dates_naive} of {report.n_accepted} articles have a timestamp without "
            f"a UTC offset; they were read as {str(default_tz)!r} (date_status='naive'). "
            "Pass default_tz= the zone the outlet publishes in if that is wrong.",
            UserWarning,
            stacklevel=2,
        )
    return (articles, report) if return_report else articles


def _build_articles(df, rej, default_tz, outlet_map, detect_language):
    """Validate and coerce the raw frame; returns ``(articles, report counters)``."""
    df = df.reset_index(drop=True)
    for col in ("article_id", "outlet", "title", "text", "url", "published"):
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), dtype=object)
    if _PROV_FILE not in df.columns:
        df[_PROV_FILE] = pd.Series([], dtype=object)
        df[_PROV_LINE] = pd.Series([], dtype="int64")
    # outlet_raw may come from an adapter (BASIL keeps the case found).
    adapter_raw = df.pop("outlet_raw") if "outlet_raw" in df.columns else None
    computed = [c for c in DERIVED_COLUMNS if c in df.columns]
    if computed:
        warnings.warn(
            f"Corpus fields {computed!r} are computed by load_corpus; the values in the file "
            "were replaced. Rename them with columns= to keep them.",
            UserWarning,
            stacklevel=3,
        )
        df = df.drop(columns=computed)

    # 1. values that cannot be text
    bad = np.zeros(len(df), dtype=bool)
    bad_field = np.full(len(df), "", dtype=object)
    for col in (*_STR_COLUMNS, "published"):
        mask = _bad_value_mask(df[col]) & ~bad
        bad_field[mask] = col
        bad |= mask
    rej.add_mask(
        df,
        bad,
        "invalid_field",
        lambda i, line: (
            f"line {line}: field {bad_field[i]!r} must be a string, got "
            f"{type(df[bad_field[i]].iat[i]).__name__} {_short(df[bad_field[i]].iat[i])!r}"
        ),
    )
    df = df.loc[~bad].reset_index(drop=True)

    # 2. text columns, ids, outlets
    for col in _STR_COLUMNS:
        df[col] = _as_text(df[col]).str.strip() if col != "text" else _as_text(df[col])
    lines = df[_PROV_LINE].astype("int64")
    stems = df[_PROV_FILE].map({f: Path(f).name.split(".")[0] for f in df[_PROV_FILE].unique()})
    no_id = (df["article_id"] == "").to_numpy()
    if no_id.any():
        df.loc[no_id, "article_id"] = (stems[no_id] + ":" + lines[no_id].astype(str)).astype(str)
    hosts = _url_hosts(df["url"]) if len(df) else df["url"]
    outlet_raw = df["outlet"].copy()
    if adapter_raw is not None:
        adapter_raw = adapter_raw.loc[~bad].reset_index(drop=True)
        has_adapter = adapter_raw.notna().to_numpy()
        outlet_raw[has_adapter] = adapter_raw[has_adapter].astype(str)
    from_url = (df["outlet"] == "").to_numpy() & (hosts != "").to_numpy()
    df.loc[from_url, "outlet"] = hosts[from_url]
    outlet_raw[from_url] = hosts[from_url]
    df["outlet_raw"] = outlet_raw.astype(str)
    no_outlet = (df["outlet"] == "").to_numpy()
    rej.add_mask(
        df,
        no_outlet,
        "missing_outlet",
        lambda i, line: (
            f"line {line}: no 'outlet' value and no URL to take the host from (use "
            "columns= to map the outlet field, or add a url)"
        ),
    )
    keep = ~no_outlet
    dup = df["article_id"].duplicated(keep=False).to_numpy() & keep
    if dup.any():
        later = df["article_id"].where(keep).duplicated(keep="first").to_numpy() & keep
        firsts = df.loc[keep].drop_duplicates("article_id").set_index("article_id")
        rej.add_mask(
            df,
            later,
            "duplicate_id",
            lambda i, line: (
                f"line {line}: article_id {df['article_id'].iat[i]!r} already used at "
                f"{firsts.at[df['article_id'].iat[i], _PROV_FILE]!r} line "
                f"{firsts.at[df['article_id'].iat[i], _PROV_LINE]}"
            ),
        )
        keep &= ~later
    from_url = from_url[keep]
    df = df.loc[keep].reset_index(drop=True)
    hosts = hosts[keep].reset_index(drop=True)

    # 3. outlets map
    group_columns = ()
    unmapped = {}
    if outlet_map is not None:
        group_columns = outlet_map.group_columns
        clash = [c for c in group_columns if c in df.columns]
        if clash:
            raise CorpusFormatError(
                f"The outlets map {outlet_map.source!r} adds group columns {clash!r}, but the "
                "corpus already has fields with those names. Rename the fields with "
                f"columns={{{clash[0]!r}: {clash[0] + '_file'!r}}} or the keys in the map."
            )
        pairs = pd.DataFrame({"raw": df["outlet"], "host": hosts}).drop_duplicates()
        resolved = {}
        for raw_value, host in pairs.itertuples(index=False):
            entry = outlet_map.lookup(raw_value) or (outlet_map.lookup(host) if host else None)
            resolved[(raw_value, host)] = entry
        entries = [resolved[k] for k in zip(df["outlet"], hosts, strict=True)]
        mapped = np.array([e is not None for e in entries], dtype=bool)
        canonical = [e["outlet"] if e is not None else r for e, r in zip(entries, df["outlet"])]
        group_values = {
            c: [e[c] if e is not None else None for e in entries] for c in group_columns
        }
        unmapped = dict(Counter(df["outlet"][~mapped]).most_common())
        df["outlet"] = pd.Series(canonical, dtype=object).astype(str)
    else:
        group_values = {}

    # 4. status, dates, duplicates, language
    empty = (df["text"].str.strip() == "").to_numpy()
    status = np.where(empty, "empty_text", "ok").astype(object)
    published, date_status, n_date_only = _parse_published(df["published"], default_tz)
    groups = _duplicate_groups(df["text"], df["article_id"], empty)
    languages = _detect_languages(df["title"], df["text"], empty, detect_language)

    extra = [
        c
        for c in df.columns
        if c not in ARTICLE_COLUMNS and c not in (_PROV_FILE, _PROV_LINE) and c not in group_values
    ]
    out = pd.DataFrame(
        {
            "article_id": df["article_id"],
            "outlet": df["outlet"],
            "published": published,
            "title": df["title"],
            "text": df["text"],
            "url": df["url"],
            "outlet_raw": df["outlet_raw"],
            "status": pd.Series(status, dtype=object).astype(str),
            "date_status": pd.Series(date_status, dtype=object).astype(str),
            "language": pd.Series(languages, dtype=object).astype(str),
            "duplicate_group": pd.Series(groups, dtype=object).astype(str),
            "source_file": df[_PROV_FILE].astype(object).astype(str),
            "source_line": df[_PROV_LINE].astype("int64"),
            **{c: pd.Series(v, dtype=object) for c, v in group_values.items()},
            **{c: df[c] for c in extra},
        }
    )
    sizes = out["duplicate_group"].value_counts()
    ds = Counter(date_status.tolist())
    stats = {
        "n_empty_text": int(empty.sum()),
        "n_dates_missing": ds.get("missing", 0),
        "n_dates_unparseable": ds.get("unparseable", 0),
        "n_dates_naive": ds.get("naive", 0),
        "n_dates_date_only": n_date_only,
        "languages": dict(Counter(languages.tolist()).most_common()),
        "n_duplicate_groups": int((sizes >= 2).sum()),
        "n_articles_in_duplicates": int(sizes[sizes >= 2].sum()),
        "n_outlets": int(out["outlet"].nunique()),
        "n_outlet_from_url": int(from_url.sum()),
        "unmapped_outlets": unmapped,
    }
    return out, stats


def drop_duplicate_stories(articles):
    """Keep one article per ``duplicate_group``: the earliest published.

    Ties (same ``published``, or both NaT) go to the smallest ``article_id``;
    NaT counts as later than any date. Rows keep their original order.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        The articles table; needs ``duplicate_group``, ``published``, ``article_id``.

    Returns
    -------
    deduplicated : pandas.DataFrame of shape (n_groups, n_columns)
        One row per duplicate group, index reset to ``0..n_groups-1``.

    Raises
    ------
    MissingColumnError
        If a required column is absent.

    Examples
    --------
    >>> articles = load_corpus(paths.DEFAULT_CORPUS)  # doctest: +SKIP
    >>> unique_stories = drop_duplicate_stories(articles)  # doctest: +SKIP
    """
    required = ["duplicate_group", "published", "article_id"]
    missing = [c for c in required if c not in articles.columns]
    if missing:
        raise MissingColumnError(
            f"drop_duplicate_stories needs columns {missing!r}, which are missing from the "
            f"table (columns: {list(articles.columns)!r}). Pass the table from load_corpus."
        )
    order = articles.reset_index(drop=True)
    ranked = pd.DataFrame(
        {
            "g": order["duplicate_group"],
            "p": order["published"],
            "a": order["article_id"].astype(str),
            "i": np.arange(len(order)),
        }
    ).sort_values(["g", "p", "a"], na_position="last", kind="mergesort")
    keep = np.sort(ranked.drop_duplicates("g", keep="first")["i"].to_numpy())
    return order.iloc[keep].reset_index(drop=True)
