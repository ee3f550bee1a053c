"""The load report: what :func:`framing.corpus.load_corpus` read, kept and rejected."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from framing.corpus.schema import empty_rejections

__all__ = ["LoadReport"]


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
    n_skipped : int
        Files and archive records found but not read as records; each is one row
        of `skipped`.
    skipped : pandas.DataFrame of shape (n_skipped, 4)
        Columns ``file``, ``line`` (0 for a whole file; the record number in an
        archive), ``reason`` (``"hidden"``, ``"unsupported_suffix"``, ...) and
        ``detail``.
    skipped_by_reason : dict of str to int
        Rows of `skipped` per reason (kept in ``load_report.json``, where tables
        are not).
    n_pages, n_pages_joined : int
        Pages read with ``pages=`` (for the metadata-only export formats), and
        those whose text went to an export row; every other page is in `skipped`
        (``not_in_export``, ``duplicate_page``).
    n_empty_text : int
        Accepted articles with ``status == "empty_text"``.
    n_no_text : int
        Accepted export rows with no page (``status == "no_text"``).
    n_text_joined : int
        Records whose ``text`` was a list of paragraphs, joined with blank lines.
    n_nfc_normalised : int
        Title, text, author and outlet values changed by NFC normalisation.
    n_paragraphs_collapsed : int
        Repeated paragraph copies removed (in ``n_articles_with_collapsed_paragraphs``
        articles).
    n_articles_with_collapsed_paragraphs : int
    n_dates_missing, n_dates_unparseable, n_dates_naive : int
        Accepted articles by ``date_status`` (``naive``: the default zone was applied).
    n_dates_date_only : int
        Accepted articles whose date had no time of day (counted as ``"ok"``).
    n_dates_after_crawl, n_dates_future, n_dates_before_floor : int
        Accepted articles whose date was flagged (``published`` set to NaT).
    date_sources : dict of str to int
        Articles per ``date_source`` (``""``: no date).
    languages : dict of str to int
        Articles per language code, most frequent first.
    n_duplicate_groups : int
        Duplicate groups with 2 or more articles.
    n_articles_in_duplicates : int
        Articles that belong to such a group.
    n_near_duplicate_groups, n_articles_in_near_duplicates : int
        The same for ``near_duplicate_group``.
    n_outlets : int
        Distinct canonical outlets among accepted articles.
    n_outlet_from_url : int
        Articles whose outlet was derived from the URL host.
    unmapped_outlets : dict of str to int
        Raw outlet values that matched no entry of the outlets map (empty when no
        map was given), with article counts.
    files : list of str
        Paths given, in order.
    files_read : list of str
        Every file read (members of folders and archives as ``<archive>!/<member>``);
        with the files in `skipped`, every file found.
    seconds : float
        Wall-clock load time. Unit: seconds.
    """

    n_read: int = 0
    n_accepted: int = 0
    n_rejected: int = 0
    rejections: pd.DataFrame = field(default_factory=lambda: empty_rejections())
    n_skipped: int = 0
    skipped: pd.DataFrame = field(default_factory=lambda: empty_rejections())
    skipped_by_reason: dict = field(default_factory=dict)
    n_pages: int = 0
    n_pages_joined: int = 0
    n_empty_text: int = 0
    n_no_text: int = 0
    n_text_joined: int = 0
    n_nfc_normalised: int = 0
    n_paragraphs_collapsed: int = 0
    n_articles_with_collapsed_paragraphs: int = 0
    n_dates_missing: int = 0
    n_dates_unparseable: int = 0
    n_dates_naive: int = 0
    n_dates_date_only: int = 0
    n_dates_after_crawl: int = 0
    n_dates_future: int = 0
    n_dates_before_floor: int = 0
    date_sources: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)
    n_duplicate_groups: int = 0
    n_articles_in_duplicates: int = 0
    n_near_duplicate_groups: int = 0
    n_articles_in_near_duplicates: int = 0
    n_outlets: int = 0
    n_outlet_from_url: int = 0
    unmapped_outlets: dict = field(default_factory=dict)
    files: list = field(default_factory=list)
    files_read: list = field(default_factory=list)
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
        if self.n_skipped:
            reasons = Counter(self.skipped["reason"])
            listed = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
            parts.append(f"{self.n_skipped} files or archive records skipped ({listed})")
        parts.append(f"{self.n_outlets} outlets")
        parts.append(f"{self.n_empty_text} empty text")
        if self.n_no_text:
            parts.append(f"{self.n_no_text} export rows without a page (no_text)")
        flagged = self.n_dates_after_crawl + self.n_dates_future + self.n_dates_before_floor
        parts.append(
            f"dates: {self.n_dates_missing} missing, {self.n_dates_unparseable} unparseable, "
            f"{self.n_dates_naive} naive" + (f", {flagged} flagged" if flagged else "")
        )
        if self.n_paragraphs_collapsed:
            parts.append(
                f"{self.n_paragraphs_collapsed} repeated paragraphs collapsed in "
                f"{self.n_articles_with_collapsed_paragraphs} articles"
            )
        if self.n_text_joined:
            parts.append(f"{self.n_text_joined} list-typed texts joined")
        if self.languages:
            top = ", ".join(f"{k} {v}" for k, v in list(self.languages.items())[:5])
            more = ", ..." if len(self.languages) > 5 else ""
            parts.append(f"languages: {top}{more}")
        parts.append(
            f"{self.n_duplicate_groups} duplicate groups ({self.n_articles_in_duplicates} articles)"
        )
        if self.n_near_duplicate_groups:
            parts.append(
                f"{self.n_near_duplicate_groups} near-duplicate groups "
                f"({self.n_articles_in_near_duplicates} articles)"
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
            ("n_skipped", self.n_skipped),
            ("n_files_read", len(self.files_read)),
            ("n_pages", self.n_pages),
            ("n_pages_joined", self.n_pages_joined),
            ("n_empty_text", self.n_empty_text),
            ("n_no_text", self.n_no_text),
            ("n_text_joined", self.n_text_joined),
            ("n_nfc_normalised", self.n_nfc_normalised),
            ("n_paragraphs_collapsed", self.n_paragraphs_collapsed),
            ("n_articles_with_collapsed_paragraphs", self.n_articles_with_collapsed_paragraphs),
            ("n_dates_missing", self.n_dates_missing),
            ("n_dates_unparseable", self.n_dates_unparseable),
            ("n_dates_naive", self.n_dates_naive),
            ("n_dates_date_only", self.n_dates_date_only),
            ("n_dates_after_crawl", self.n_dates_after_crawl),
            ("n_dates_future", self.n_dates_future),
            ("n_dates_before_floor", self.n_dates_before_floor),
            ("n_duplicate_groups", self.n_duplicate_groups),
            ("n_articles_in_duplicates", self.n_articles_in_duplicates),
            ("n_near_duplicate_groups", self.n_near_duplicate_groups),
            ("n_articles_in_near_duplicates", self.n_articles_in_near_duplicates),
            ("n_outlets", self.n_outlets),
            ("n_outlet_from_url", self.n_outlet_from_url),
        ]
        for reason, n in Counter(self.rejections["reason"]).most_common():
            rows.append((f"rejected:{reason}", n))
        for reason, n in Counter(self.skipped["reason"]).most_common():
            rows.append((f"skipped:{reason}", n))
        rows += [(f"date_source:{k or 'none'}", v) for k, v in self.date_sources.items()]
        rows += [(f"language:{k}", v) for k, v in self.languages.items()]
        rows += [(f"unmapped_outlet:{k}", v) for k, v in self.unmapped_outlets.items()]
        return pd.DataFrame(rows, columns=["metric", "value"])


