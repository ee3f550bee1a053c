"""The corpus formats framing reads: each name, its file suffixes and a one-line summary.

Only the table, without the readers, so that the command line can offer its
``--format`` choices (and start its worker processes) before pandas is imported:
importing this module imports nothing of framing's. :mod:`framing.corpus.readers`
gives each format its reader function (:class:`framing.corpus.CorpusFormat`) and
re-exports :data:`FORMATS` (``framing.corpus.FORMATS`` is the same tuple).

>>> from framing.formats import FORMATS
>>> FORMATS[:4]
('auto', 'jsonl', 'csv', 'parquet')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "FORMAT_SPECS", "FormatSpec"]


@dataclass(frozen=True)
class FormatSpec:
    """One corpus format, as the format table states it.

    Attributes
    ----------
    name : str
        The value of ``format=`` (and of the CLI's ``--format``).
    reader : str
        Name of its reader function in :mod:`framing.corpus.readers`.
    suffixes : tuple of str
        Lower-case file suffixes that mean this format under ``format="auto"``
        (a trailing ``.gz`` is ignored); empty when it must be named.
    folder : bool
        True when the format reads a folder (or an archive of files).
    summary : str
        One line for help texts.
    needs_pages : bool
        True for metadata-only exports whose text comes from pages joined by URL.
    """

    name: str
    reader: str
    suffixes: tuple = ()
    folder: bool = False
    summary: str = ""
    needs_pages: bool = False


#: Every format, in the order ``format="auto"`` tries their suffixes.
FORMAT_SPECS = (
    FormatSpec("jsonl", "read_jsonl", (".jsonl", ".ndjson"), summary="one JSON object per line"),
    FormatSpec("csv", "read_csv", (".csv", ".tsv"), summary="CSV/TSV with a header row"),
    FormatSpec("parquet", "read_parquet", (".parquet", ".pq"),
               summary="Parquet, one row per record"),
    FormatSpec(
        "folder", "read_folder", (".zip", ".tar", ".tgz"), folder=True,
        summary="a folder, .zip or .tar of documents (.txt, .md, .html, news-please .json, .warc)",
    ),
    FormatSpec("html", "read_html", (".html", ".htm", ".xhtml", ".shtml"),
               summary="one saved web page"),
    FormatSpec("warc", "read_warc", (".warc",), summary="a web archive (.warc, .warc.gz)"),
    FormatSpec("newsplease", "read_newsplease", (".json",), summary="news-please JSON output"),
    FormatSpec("mediacloud", "read_mediacloud", summary="a Media Cloud story export (no text)",
               needs_pages=True),
    FormatSpec("gdelt", "read_gdelt",
               summary="a GDELT DOC 2.0 article list or GKG table (no text)", needs_pages=True),
    FormatSpec("basil", "read_basil", summary="the BASIL jsonl (Fan et al., 2019)"),
)

#: Names accepted by ``load_corpus(format=...)`` and the CLI's ``--format``:
#: ``"auto"``, then every format of :data:`FORMAT_SPECS` (derive choice lists from this).
FORMATS = ("auto", *(spec.name for spec in FORMAT_SPECS))
