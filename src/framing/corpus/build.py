"""Raw records → the articles table: validation, coercion, outlets, dates, duplicates, language.

:func:`build_articles` is the one place where raw records become articles; both
:func:`framing.corpus.load_corpus` (a whole corpus) and :mod:`framing.scale` (chunk
by chunk) call it, so both accept and reject the same records.
"""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from framing.corpus.dates import DATE_FALLBACKS, DATE_FLOOR, resolve_dates
from framing.corpus.duplicates import duplicate_groups, near_duplicate_groups
from framing.corpus.hygiene import collapse_repeated_paragraphs, join_paragraph_list, to_nfc
from framing.corpus.language import detect_languages
from framing.corpus.readers.exports import NEEDS_TEXT_KEY
from framing.corpus.readers.html import DATE_SOURCE_KEY
from framing.corpus.schema import (
    ARTICLE_COLUMNS,
    DERIVED_COLUMNS,
    PROVENANCE_FILE,
    PROVENANCE_LINE,
    STRING_COLUMNS,
    as_text,
    non_scalar_mask,
    shorten,
    url_hosts,
)
from framing.exceptions import CorpusFormatError

__all__ = ["build_articles"]

_GIVEN_LANGUAGE = "\x00given_language"  # a language stated in the records, while rows are filtered


def build_articles(
    df,
    rejections,
    *,
    default_tz="UTC",
    outlet_map=None,
    detect_language=True,
    language=None,
    date_floor=DATE_FLOOR,
    date_fallbacks=DATE_FALLBACKS,
    near_duplicate_threshold=None,
    load_time=None,
):
    """Validate and coerce a raw frame into the articles table, with report counters.

    Values that cannot be text are rejected (``invalid_field``), text columns
    become ``str``, a missing ``article_id`` becomes ``"<file stem>:<line>"``, a
    missing outlet is taken from the URL host (else ``missing_outlet``), later
    repeats of an id are rejected (``duplicate_id``), outlets are mapped, and
    dates, duplicate groups and languages are computed. Every row of `df` ends up
    either in `articles` or in `rejections`.

    Parameters
    ----------
    df : pandas.DataFrame of shape (n_records, n_fields)
        A raw frame with provenance columns (:attr:`RawBatch.frame` after
        :func:`~framing.corpus.readers.apply_column_map`, or
        :func:`~framing.corpus.schema.raw_frame`).
    rejections : framing.corpus.schema.Rejections
        Receives the rejected rows.
    default_tz : str or tzinfo, default="UTC"
        See :func:`framing.corpus.load_corpus`.
    outlet_map : OutletMap or None, default=None
        See :func:`framing.corpus.as_outlet_map`.
    detect_language : bool, 'all' or collection of str, default=True
        See :func:`framing.corpus.language.detect_languages`.
    language : str, optional
        ISO 639-1 code that every article is in (``language_source`` ``"given"``);
        default: a ``language`` field of the records where present, else detection.
    date_floor, date_fallbacks
        See :func:`framing.corpus.dates.resolve_dates`.
    near_duplicate_threshold : float in (0, 1] or None, default=None
        See :func:`framing.corpus.duplicates.near_duplicate_groups`. None leaves
        ``near_duplicate_group`` empty (``""``): a chunk of a larger corpus cannot
        see the near-duplicates in other chunks.
    load_time : pandas.Timestamp, optional
        "Now" for the future-date check; default: the current time.

    Returns
    -------
    articles : pandas.DataFrame
        The articles table, columns as in :func:`framing.corpus.load_corpus`.
    stats : dict
        Counters for :class:`~framing.corpus.LoadReport` (``n_empty_text``,
        ``n_dates_*``, ``languages``, ``n_duplicate_groups``, ...).

    Raises
    ------
    CorpusFormatError
        If the outlets map adds group columns the corpus already has.

    Warns
    -----
    UserWarning
        When fields named like computed columns are replaced.
    """
    df = df.reset_index(drop=True)
    for col in ("article_id", "outlet", "title", "text", "url", "published"):
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), dtype=object)
    if PROVENANCE_FILE not in df.columns:
        df[PROVENANCE_FILE] = pd.Series([], dtype=object)
        df[PROVENANCE_LINE] = pd.Series([], dtype="int64")
    # outlet_raw may come from an adapter (BASIL keeps the case found); crawled from
    # a web archive, news-please or an export.
    adapter_raw = df.pop("outlet_raw") if "outlet_raw" in df.columns else None
    crawled_in = df.pop("crawled") if "crawled" in df.columns else None
    # a language stated in the records (or by the user) is kept, not detected
    if language is not None:
        df[_GIVEN_LANGUAGE] = pd.Series([language] * len(df), index=df.index, dtype=object)
    elif "language" in df.columns:
        df[_GIVEN_LANGUAGE] = df.pop("language")
    computed = [c for c in DERIVED_COLUMNS if c in df.columns]
    if computed:
        warnings.warn(
            f"Corpus fields {computed!r} are computed by load_corpus; the values in the file "
            "were replaced. Rename them with columns= to keep them.",
            UserWarning,
            stacklevel=3,
        )
        df = df.drop(columns=computed)

    # 1. values that cannot be text; a list of paragraphs is joined (with a warning)
    n_text_joined = 0
    if len(df) and non_scalar_mask(df["text"]).any():
        text = df["text"].astype(object)
        lists = text.map(lambda v: isinstance(v, list | tuple | np.ndarray)).to_numpy(bool)
        joined = text[lists].map(join_paragraph_list)
        ok = joined.notna().to_numpy()
        text[np.flatnonzero(lists)[ok]] = joined[ok].to_numpy()
        df["text"] = text
        n_text_joined = int(ok.sum())
        if n_text_joined:
            warnings.warn(
                f"{n_text_joined} records have a list of paragraphs as 'text'; the items "
                "were joined with blank lines (report.n_text_joined).",
                UserWarning,
                stacklevel=3,
            )
    bad = np.zeros(len(df), dtype=bool)
    bad_field = np.full(len(df), "", dtype=object)
    for col in (*STRING_COLUMNS, "published"):
        mask = non_scalar_mask(df[col]) & ~bad
        bad_field[mask] = col
        bad |= mask
    rejections.add_mask(
        df,
        bad,
        "invalid_field",
        lambda i, line: (
            f"line {line}: field {bad_field[i]!r} must be a string (or, for 'text', a list "
            "of strings), got "
            f"{type(df[bad_field[i]].iat[i]).__name__} {shorten(df[bad_field[i]].iat[i])!r}"
        ),
    )
    df = df.loc[~bad].reset_index(drop=True)
    if crawled_in is not None:
        crawled_in = crawled_in.loc[~bad].reset_index(drop=True)

    # 2. text columns (NFC, repeated paragraphs collapsed), ids, outlets
    for col in STRING_COLUMNS:
        df[col] = as_text(df[col]).str.strip() if col != "text" else as_text(df[col])
    n_nfc = 0
    for col in ("title", "text", "author"):
        if col in df.columns:
            df[col], n = to_nfc(df[col])
            n_nfc += n
    collapsed = df["text"].map(collapse_repeated_paragraphs)
    df["text"] = collapsed.str[0] if len(df) else df["text"]
    n_collapsed = collapsed.str[1].to_numpy(dtype="int64") if len(df) else np.zeros(0, "int64")
    lines = df[PROVENANCE_LINE].astype("int64")
    stems = df[PROVENANCE_FILE].map({f: Path(f).name.split(".")[0] for f in df[PROVENANCE_FILE].unique()})
    no_id = (df["article_id"] == "").to_numpy()
    if no_id.any():
        df.loc[no_id, "article_id"] = (stems[no_id] + ":" + lines[no_id].astype(str)).astype(str)
    hosts = url_hosts(df["url"]) if len(df) else df["url"]
    outlet_raw = df["outlet"].copy()
    if adapter_raw is not None:
        adapter_raw = adapter_raw.loc[~bad].reset_index(drop=True)
        has_adapter = adapter_raw.notna().to_numpy()
        outlet_raw[has_adapter] = adapter_raw[has_adapter].astype(str)
    from_url = (df["outlet"] == "").to_numpy() & (hosts != "").to_numpy()
    df.loc[from_url, "outlet"] = hosts[from_url]
    outlet_raw[from_url] = hosts[from_url]
    df["outlet_raw"] = outlet_raw.astype(str)
    df["outlet"], n = to_nfc(df["outlet"])
    n_nfc += n
    no_outlet = (df["outlet"] == "").to_numpy()
    rejections.add_mask(
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
        rejections.add_mask(
            df,
            later,
            "duplicate_id",
            lambda i, line: (
                f"line {line}: article_id {df['article_id'].iat[i]!r} already used at "
                f"{firsts.at[df['article_id'].iat[i], PROVENANCE_FILE]!r} line "
                f"{firsts.at[df['article_id'].iat[i], PROVENANCE_LINE]}"
            ),
        )
        keep &= ~later
    from_url = from_url[keep]
    n_collapsed = n_collapsed[keep]
    if crawled_in is not None:
        crawled_in = crawled_in.loc[keep].reset_index(drop=True)
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
    if NEEDS_TEXT_KEY in df.columns:
        no_text = df.pop(NEEDS_TEXT_KEY).fillna(False).astype(bool).to_numpy() & empty
        status[no_text] = "no_text"
    date_source_in = df.pop(DATE_SOURCE_KEY) if DATE_SOURCE_KEY in df.columns else None
    dates = resolve_dates(
        df["published"],
        url=df["url"],
        crawled=crawled_in,
        date_source=date_source_in,
        default_tz=default_tz,
        date_floor=date_floor,
        date_fallbacks=date_fallbacks,
        load_time=load_time,
    )
    published, date_status = dates["published"], dates["date_status"]
    n_date_only = dates["n_date_only"]
    groups = duplicate_groups(df["text"], df["article_id"], empty)
    if near_duplicate_threshold is None:
        near_groups = np.full(len(df), "", dtype=object)
    else:
        near_groups = near_duplicate_groups(
            df["text"], groups, empty, threshold=near_duplicate_threshold
        )
    given_language = df.pop(_GIVEN_LANGUAGE) if _GIVEN_LANGUAGE in df.columns else None
    languages, language_confidence, language_source = detect_languages(
        df["title"], df["text"], empty, detect_language, outlets=df["outlet"],
        given=given_language, return_details=True,
    )

    extra = [
        c
        for c in df.columns
        if c not in ARTICLE_COLUMNS and not str(c).startswith("\x00") and c not in group_values
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
            "date_source": pd.Series(dates["date_source"], dtype=object).astype(str),
            "published_raw": pd.Series(dates["published_raw"], dtype=object).astype(str),
            "crawled": dates["crawled"],
            "language": pd.Series(languages, dtype=object).astype(str),
            "language_confidence": pd.Series(language_confidence, dtype="float64"),
            "language_source": pd.Series(language_source, dtype=object).astype(str),
            "duplicate_group": pd.Series(groups, dtype=object).astype(str),
            "near_duplicate_group": pd.Series(near_groups, dtype=object).astype(str),
            "source_file": df[PROVENANCE_FILE].astype(object).astype(str),
            "source_line": df[PROVENANCE_LINE].astype("int64"),
            **{c: pd.Series(v, dtype=object) for c, v in group_values.items()},
            **{c: df[c] for c in extra},
        }
    )
    sizes = out["duplicate_group"].value_counts()
    near_sizes = out.loc[out["near_duplicate_group"] != "", "near_duplicate_group"].value_counts()
    ds = Counter(date_status.tolist())
    stats = {
        "n_empty_text": int((status == "empty_text").sum()),
        "n_no_text": int((status == "no_text").sum()),
        "n_text_joined": n_text_joined,
        "n_nfc_normalised": n_nfc,
        "n_paragraphs_collapsed": int(n_collapsed.sum()),
        "n_articles_with_collapsed_paragraphs": int((n_collapsed > 0).sum()),
        "n_dates_missing": ds.get("missing", 0),
        "n_dates_unparseable": ds.get("unparseable", 0),
        "n_dates_naive": ds.get("naive", 0),
        "n_dates_date_only": n_date_only,
        "n_dates_after_crawl": ds.get("after_crawl", 0),
        "n_dates_future": ds.get("future", 0),
        "n_dates_before_floor": ds.get("before_floor", 0),
        "date_sources": dict(Counter(dates["date_source"].tolist()).most_common()),
        "languages": dict(Counter(languages.tolist()).most_common()),
        "n_duplicate_groups": int((sizes >= 2).sum()),
        "n_articles_in_duplicates": int(sizes[sizes >= 2].sum()),
        "n_near_duplicate_groups": int((near_sizes >= 2).sum()),
        "n_articles_in_near_duplicates": int(near_sizes[near_sizes >= 2].sum()),
        "n_outlets": int(out["outlet"].nunique()),
        "n_outlet_from_url": int(from_url.sum()),
        "unmapped_outlets": unmapped,
    }
    return out, stats


