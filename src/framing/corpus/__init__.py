"""Load a news corpus into the articles table: one validated row per article.

This package owns reading raw corpus files, coercing types, mapping raw outlet
names to canonical outlets, tagging language and grouping duplicate stories.
Nothing is dropped silently: every record read is either an article or a row of
``report.rejections``, and every file found is read or listed in ``report.skipped``.

One concern per module: :mod:`~framing.corpus.schema` (columns, provenance keys,
rejections), :mod:`~framing.corpus.readers` (one module per format, and the format
registry), :mod:`~framing.corpus.outlets`, :mod:`~framing.corpus.dates`,
:mod:`~framing.corpus.duplicates` (exact and near-duplicate groups),
:mod:`~framing.corpus.hygiene` (NFC, repeated paragraphs, list-typed text),
:mod:`~framing.corpus.join` (export rows ↔ pages by URL), :mod:`~framing.corpus.language`,
:mod:`~framing.corpus.build` (raw records → articles), :mod:`~framing.corpus.report`
and :mod:`~framing.corpus.load` (:func:`load_corpus`).

The streaming path (:mod:`framing.scale`) uses the same public functions:
:func:`detect_format`, :func:`iter_record_chunks` (or :func:`iter_lines` +
:func:`parse_jsonl_lines` for JSONL), :func:`apply_column_map`,
:func:`raw_frame`, :func:`build_articles` with a :class:`Rejections` collector,
:func:`as_outlet_map`, :func:`check_time_zone` and :func:`empty_rejections`.

>>> from framing.corpus import load_corpus
>>> articles, report = load_corpus("corpus/articles.jsonl", return_report=True)  # doctest: +SKIP
>>> print(report.summary())  # doctest: +SKIP
"""

from framing.corpus.build import build_articles
from framing.corpus.dates import (
    DATE_FALLBACKS,
    DATE_FLOOR,
    check_time_zone,
    parse_published,
    resolve_dates,
)
from framing.corpus.duplicates import (
    DUPLICATE_ID_HEX,
    MIN_DUPLICATE_CHARS,
    NEAR_DUPLICATE_THRESHOLD,
    drop_duplicate_stories,
    duplicate_groups,
    near_duplicate_groups,
    normalise_body,
)
from framing.corpus.hygiene import collapse_repeated_paragraphs, join_paragraph_list, to_nfc
from framing.corpus.join import join_pages, url_key
from framing.corpus.language import (
    DEFAULT_LANGUAGES,
    LANGUAGE_PREFIX_CHARS,
    detect_languages,
    preload_language_model,
)
from framing.corpus.load import load_corpus
from framing.corpus.outlets import OutletMap, as_outlet_map, load_outlets
from framing.corpus.readers import (
    FORMATS,
    CorpusFormat,
    RawBatch,
    RecordChunk,
    apply_column_map,
    detect_format,
    get_format,
    iter_csv_records,
    iter_lines,
    iter_parquet_records,
    iter_record_chunks,
    parse_jsonl_lines,
    read_raw,
)
from framing.corpus.report import LoadReport
from framing.corpus.schema import (
    ARTICLE_COLUMNS,
    CANONICAL_COLUMNS,
    DERIVED_COLUMNS,
    PROVENANCE_FILE,
    PROVENANCE_LINE,
    Rejections,
    empty_rejections,
    raw_frame,
    skipped_frame,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "CANONICAL_COLUMNS",
    "DATE_FALLBACKS",
    "DATE_FLOOR",
    "DEFAULT_LANGUAGES",
    "DERIVED_COLUMNS",
    "DUPLICATE_ID_HEX",
    "FORMATS",
    "LANGUAGE_PREFIX_CHARS",
    "MIN_DUPLICATE_CHARS",
    "NEAR_DUPLICATE_THRESHOLD",
    "PROVENANCE_FILE",
    "PROVENANCE_LINE",
    "CorpusFormat",
    "LoadReport",
    "OutletMap",
    "RawBatch",
    "RecordChunk",
    "Rejections",
    "apply_column_map",
    "as_outlet_map",
    "build_articles",
    "check_time_zone",
    "collapse_repeated_paragraphs",
    "detect_format",
    "detect_languages",
    "drop_duplicate_stories",
    "duplicate_groups",
    "empty_rejections",
    "get_format",
    "iter_csv_records",
    "iter_lines",
    "iter_parquet_records",
    "iter_record_chunks",
    "join_pages",
    "join_paragraph_list",
    "load_corpus",
    "load_outlets",
    "near_duplicate_groups",
    "normalise_body",
    "parse_jsonl_lines",
    "parse_published",
    "preload_language_model",
    "raw_frame",
    "read_raw",
    "resolve_dates",
    "skipped_frame",
    "to_nfc",
    "url_key",
]
