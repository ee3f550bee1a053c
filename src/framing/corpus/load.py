"""``load_corpus``: read corpus files into the validated articles table, with a report."""

from __future__ import annotations

import logging
import time
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.corpus.build import build_articles
from framing.corpus.dates import DATE_FALLBACKS, DATE_FLOOR, check_time_zone
from framing.corpus.duplicates import NEAR_DUPLICATE_THRESHOLD
from framing.corpus.join import join_pages
from framing.corpus.outlets import as_outlet_map
from framing.corpus.readers import FORMATS, apply_column_map, detect_format, read_raw
from framing.corpus.report import LoadReport
from framing.corpus.schema import Rejections, skipped_frame
from framing.exceptions import CorpusFormatError

__all__ = ["load_corpus"]

logger = logging.getLogger("framing")


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
    language=None,
    pages=None,
    date_floor=DATE_FLOOR,
    date_fallbacks=DATE_FALLBACKS,
    near_duplicate_threshold=NEAR_DUPLICATE_THRESHOLD,
    require_articles=False,
    return_report=False,
):
    """Load news articles into the articles table, one validated row per article.

    Reads the file(s), renames fields with `columns`, then coerces each
    canonical column: ids are made unique (later duplicates rejected), a missing
    outlet is taken from the URL host, dates are parsed to UTC, text fields
    become ``str`` (``""`` when absent). Raw outlet values are mapped to
    canonical outlets with `outlets`; each article gets a language code and a
    ``duplicate_group`` id shared by copies of the same story (and a
    ``near_duplicate_group`` shared by copies with small edits). Text, titles and
    outlets are normalised to Unicode NFC, and paragraphs repeated inside one
    article are collapsed (counted in the report). Records that
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
    format : {'auto', 'jsonl', 'csv', 'parquet', 'folder', 'basil'}, default='auto'
        One of :data:`FORMATS`. ``'auto'`` decides from the suffix (a folder means
        ``'folder'``). ``'folder'``: every file is read by the reader for its
        suffix or listed in ``report.skipped``; a ``.txt``/``.md`` file is ``---\\noutlet: ...\\npublished: ...\\ntitle: ...\\nurl: ...\\n---\\nbody``
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
        False: skip detection (``language="und"`` everywhere). Short texts are
        helped by a prior from the outlet's other articles
        (:func:`framing.corpus.language.detect_languages`).
    language : str, optional
        ISO 639-1 code of every article: skips detection. Without it, a ``language``
        field in the records is kept where it has a value (``language_source``
        ``"given"``), and the other articles are detected.
    pages : str, os.PathLike or list of them, default=None
        For the metadata-only formats (``'mediacloud'``, ``'gdelt'``): saved pages
        (a folder, ``.zip``/``.tar``, ``.warc``/``.warc.gz`` or ``.html`` file)
        whose text is joined to the export rows by URL (see
        :func:`framing.corpus.join_pages`). Rows without a page are kept with
        ``status="no_text"``; pages no row asks for are listed in ``report.skipped``.
    date_floor : str, pandas.Timestamp or None, default='1900-01-01'
        Dates before this are flagged ``date_status="before_floor"``.
    date_fallbacks : sequence of {'url', 'crawl'}, default=('url',)
        Where to look for a date when a record has none: the URL path
        (``/2024/02/24/``), then, if listed, the crawl time.
    near_duplicate_threshold : float in (0, 1] or None, default=0.7
        Jaccard similarity (5-word shingles, MinHash/LSH) at which two stories
        share a ``near_duplicate_group``; None skips near-duplicate grouping
        (the column is then ``""``).
    require_articles : bool, default=False
        Raise :class:`CorpusFormatError` when no record is accepted (a JSONL/CSV/Parquet
        table whose fields are named otherwise), naming the fields found and the column
        map that likely fixes it; by default this is a warning and the empty table and
        the report with every rejection are returned.
    return_report : bool, default=False
        Also return the :class:`LoadReport`.

    Returns
    -------
    articles : pandas.DataFrame of shape (n_accepted, 17 + n_extra)
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
        status          str                    ``"ok"``, ``"empty_text"``, or ``"no_text"``
                                               (an export row with no page)
        date_status     str                    ``"ok"``, ``"naive"``, ``"missing"``,
                                               ``"unparseable"``, or a flag that sets
                                               ``published`` to NaT: ``"after_crawl"``,
                                               ``"future"``, ``"before_floor"``
        date_source     str                    where the date came from: ``"field"``,
                                               ``"html_meta"`` (meta tags, JSON-LD),
                                               ``"url"``, ``"text"``, ``"crawl"``;
                                               ``""`` when missing
        published_raw   str                    the date value as found (``""`` if none)
        crawled         datetime64[ns, UTC]    crawl time (WARC, news-please,
                                               exports); NaT when unknown
        language        str                    ISO 639-1 code; ``"und"`` for empty text
        language_confidence float              probability of that language in [0, 1]
                                               (1 when given; NaN when ``"und"``)
        language_source str                    ``"given"``, ``"detected"``,
                                               ``"outlet_prior"`` (a short text labelled
                                               with its outlet's prior), ``"uncertain"``
                                               (below 0.9), ``"none"``
        duplicate_group str                    ``"dup-<16 hex>"``, shared by copies of a
                                               story
        near_duplicate_ str                    ``"near-<16 hex>"``, shared by copies
        group                                  with small edits (``""`` when skipped)
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
        offset), a CSV is malformed, the format cannot be inferred, with
        ``strict=True`` a record would be rejected (names file and line), or a
        JSONL/CSV/Parquet corpus of at least 5 articles has (almost) no text: at
        least :data:`MISREAD_SHARE` empty, with no field mapped to ``text`` (the
        message lists the fields found and the ``columns=`` that likely fixes it).
    MissingColumnError
        If a field named in `columns` is not in the file; the message lists the
        fields found.

    Warns
    -----
    UserWarning
        When at least :data:`MISREAD_SHARE` of a JSONL/CSV/Parquet corpus has no date,
        naming a field that looks like one.
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
    are skipped, not counted. A ``text`` field holding a list of strings (a
    scraper's paragraphs) is joined with blank lines, with a UserWarning.

    Skipped (``report.skipped``; files and archive records that are not corpus
    records): ``hidden``, ``unsupported_suffix`` (in a folder or archive),
    ``not_a_page``, ``http_status``, ``not_html`` (WARC records),
    ``not_in_export``, ``duplicate_page`` and ``page_<rejection reason>`` (pages
    given with `pages`).

    Web pages (``format="html"``, in folders and archives, and WARC records): the
    main text, title, date, site name (``og:site_name``) and canonical URL come
    from trafilatura (Barbaresi, 2021), offline. ``outlet`` is the site name,
    else the URL host, then mapped through `outlets`. news-please, Media Cloud
    and GDELT field mappings are in :mod:`framing.corpus.readers.newsplease` and
    :mod:`framing.corpus.readers.exports`.

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
    check_time_zone(default_tz)
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(
            "The 'columns' parameter of load_corpus must be a dict mapping file field names "
            f"to canonical names, e.g. {{'body': 'text'}}. Got {columns!r} instead."
        )
    outlet_map = as_outlet_map(outlets)
    path_list = list(path) if isinstance(path, list | tuple) else [path]
    rej = Rejections(strict)
    frames, n_read, files, skipped = [], 0, [], []  # files: every file read, in order
    for one in path_list:
        batch = read_raw(Path(one), format=format, encoding=encoding, rejections=rej)
        frames.append(apply_column_map(batch.frame, columns, one))
        n_read += batch.n_read
        files += batch.files
        skipped += batch.skipped
    raw = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True, sort=False)
    formats = {detect_format(Path(one), format) for one in path_list}

    n_pages = n_pages_joined = 0
    if pages is not None:
        page_list = list(pages) if isinstance(pages, list | tuple) else [pages]
        page_rejections = Rejections(strict=False)
        page_frames = []
        for one in page_list:
            batch = read_raw(Path(one), encoding=encoding, rejections=page_rejections)
            page_frames.append(batch.frame)
            skipped += batch.skipped
        skipped += [(f, line, f"page_{reason}", detail)
                    for f, line, reason, detail in page_rejections.rows]
        page_frame = pd.concat(page_frames, ignore_index=True, sort=False)
        raw = join_pages(raw, page_frame, skipped)
        n_pages = len(page_frame)
        n_pages_joined = int(raw.loc[raw["page_source"] != "", "page_source"].nunique())
    articles, stats = build_articles(
        raw,
        rej,
        default_tz=default_tz,
        outlet_map=outlet_map,
        detect_language=detect_language,
        date_floor=date_floor,
        date_fallbacks=date_fallbacks,
        near_duplicate_threshold=near_duplicate_threshold,
        language=language,
    )
    rejections = rej.frame(files)
    report = LoadReport(
        n_read=n_read,
        n_accepted=len(articles),
        n_rejected=len(rejections),
        rejections=rejections,
        n_skipped=len(skipped),
        skipped=skipped_frame(skipped),
        skipped_by_reason=dict(Counter(item[2] for item in skipped).most_common()),
        n_pages=n_pages,
        n_pages_joined=n_pages_joined,
        files=[str(p) for p in path_list],
        files_read=files,
        **stats,
    )
    if report.n_accepted + report.n_rejected != report.n_read:  # pragma: no cover - invariant
        raise RuntimeError(
            f"load_corpus lost records: read {report.n_read}, accepted {report.n_accepted}, "
            f"rejected {report.n_rejected}. Please report this bug with the input file."
        )
    report.seconds = time.perf_counter() - started
    logger.info(report.summary())
    _check_not_misread(articles, raw, formats, path_list, columns, rejections, require_articles)
    if report.n_rejected:
        first = rejections.iloc[0]
        warnings.warn(
            f"{report.n_rejected} of {report.n_read} corpus records were rejected; first: "
            f"{first['file']!r} line {first['line']} ({first['reason']}): {first['detail']}. "
            "See the 'rejections' table of the load report (return_report=True).",
            UserWarning,
            stacklevel=2,
        )
    n_flagged = report.n_dates_after_crawl + report.n_dates_future + report.n_dates_before_floor
    if n_flagged:
        warnings.warn(
            f"{n_flagged} of {report.n_accepted} articles have an impossible date "
            f"({report.n_dates_after_crawl} after the crawl, {report.n_dates_future} in the "
            f"future, {report.n_dates_before_floor} before {date_floor!r}); their 'published' "
            "is NaT (the value is kept in 'published_raw') and 'date_status' says why.",
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


#: Share of accepted articles that, empty or undated, means a table was probably misread.
MISREAD_SHARE = 0.9
#: Formats where an unmapped field is the usual cause of empty texts or missing dates.
_TABULAR = frozenset({"jsonl", "csv", "parquet"})
_TEXT_HINTS = ("body", "content", "article", "maintext", "full_text", "story", "body-paragraphs")
_DATE_HINTS = ("date", "time", "publish", "created", "timestamp")


def _column_hint(field: str, column: str) -> str:
    """The same column map in the three places a user writes it."""
    return (f"--column {field}={column} on the command line, `columns: {{{field}: {column}}}` in "
            f"a study file, columns={{{field!r}: {column!r}}} in Python")


_OUTLET_HINTS = ("source", "publisher", "site", "media", "outlet", "domain", "newspaper", "paper")


def _check_not_misread(articles, raw, formats, path_list, columns, rejections=None,
                       require_articles=False) -> None:
    """Stop a load of a table whose texts are (almost) all empty; warn when dates are.

    A JSONL/CSV/Parquet file whose text lives under another field name (``body``,
    ``content``...) would otherwise give a corpus of empty articles that fails much later
    with an empty figure. Formats that carry no text by design (exports joined to pages)
    are not checked.
    """
    n = len(articles)
    where = ", ".join(repr(str(p)) for p in path_list[:2]) + (" ..." if len(path_list) > 2 else "")
    fields = [c for c in raw.columns if not str(c).startswith("\x00")]
    if n == 0 and rejections is not None and len(rejections) and formats <= _TABULAR:
        first = rejections.iloc[0]
        reasons = rejections["reason"].value_counts()
        hint = ""
        if reasons.index[0] == "missing_outlet":
            likely = [f for f in fields if any(h in str(f).lower() for h in _OUTLET_HINTS)]
            hint = (f" Map the field that names the outlet: {_column_hint(likely[0], 'outlet')}."
                    if likely else " Map the field that names the outlet with --column "
                    "FIELD=outlet, or add a url field.")
        message = (
            f"None of the {len(rejections)} records read from {where} was accepted "
            f"({', '.join(f'{k}: {v}' for k, v in reasons.items())}); first: line "
            f"{first['line']}: {first['detail']}. Fields found: {fields!r}.{hint}"
        )
        if require_articles:
            raise CorpusFormatError(message)
        warnings.warn(message, UserWarning, stacklevel=3)
        return
    if n < 5 or not formats <= _TABULAR:
        return
    empty = int((articles["status"] == "empty_text").sum())
    if empty >= MISREAD_SHARE * n and not (columns and "text" in columns.values()):
        likely = [f for f in fields if any(h in str(f).lower() for h in _TEXT_HINTS)]
        fix = (f"map it: {_column_hint(likely[0], 'text')}" if likely else
               "map the field that holds the text with --column FIELD=text (study file: "
               "`columns: {FIELD: text}`)")
        raise CorpusFormatError(
            f"{empty} of {n} articles read from {where} have no text: the text is probably "
            f"under another field name. Fields found: {fields!r}; {fix}, or choose the "
            f"format (one of {FORMATS[1:]!r})."
        )
    undated = int((articles["date_status"] == "missing").sum())
    if undated >= MISREAD_SHARE * n and not (columns and "published" in columns.values()):
        likely = [f for f in fields if f != "published"
                  and any(h in str(f).lower() for h in _DATE_HINTS)]
        warnings.warn(
            f"{undated} of {n} articles read from {where} have no publication date, so "
            "they are left out of every time view. "
            + (f"The field {likely[0]!r} looks like a date: map it ("
               f"{_column_hint(likely[0], 'published')})."
               if likely else "Map the date field with --column FIELD=published."),
            UserWarning,
            stacklevel=3,
        )
