"""Web archives (WARC, ISO 28500; ``.warc`` or ``.warc.gz``) read with warcio.

Every HTML ``response`` (or ``resource``) record with a 2xx status becomes one raw
record, read by :func:`~framing.corpus.readers.html.read_html_document`; its
``source_line`` is the record's 1-based number in the file. Every other record
(``warcinfo``, ``request``, ``metadata``, ``revisit``, non-HTML payloads, redirects
and errors) is listed as skipped with its type, byte offset and reason.
"""

from __future__ import annotations

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.html import read_html_document
from framing.corpus.schema import raw_frame
from framing.exceptions import CorpusFormatError

__all__ = ["CRAWLED_KEY", "FETCH_URL_KEY", "read_warc", "read_warc_stream"]

#: Raw-record field holding the crawl time (WARC-Date, news-please ``date_download``, ...).
CRAWLED_KEY = "crawled"
#: Raw-record key holding the address a page was fetched from (joins by URL use it too).
FETCH_URL_KEY = "\x00fetch_url"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path, *, encoding="utf-8", rejections):
    """Read the HTML pages of a WARC file.

    Parameters
    ----------
    path : pathlib.Path
        ``.warc`` or ``.warc.gz`` (record-compressed or not; warcio detects it).
    encoding : str, default="utf-8"
        Unused (pages declare their charset).
    rejections : framing.corpus.schema.Rejections
        Unused: a page without main text is kept as ``empty_text``.

    Returns
    -------
    batch : RawBatch
        ``n_read`` counts the HTML pages; ``skipped`` lists every other record.

    Raises
    ------
    CorpusFormatError
        If the file is not a valid WARC; names the file and the byte offset.
    """
    with open(path, "rb") as stream:
        records, skipped = read_warc_stream(stream, str(path), rejections=rejections)
    return RawBatch(raw_frame(records), len(records), [str(path)], skipped)


def read_warc_stream(stream, source, *, rejections):
    """Read the HTML pages of a WARC from a binary stream.

    Parameters
    ----------
    stream : binary file object
    source : str
        Name recorded as provenance.
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    records : list of dict
        One raw record per HTML page: the fields of
        :func:`~framing.corpus.readers.html.extract_html`, ``crawled`` (the
        WARC-Date), ``article_id`` ``"<file stem>:<record number>"``.
    skipped : list of tuple
        ``(source, record number, reason, detail)`` for the other records.

    Raises
    ------
    CorpusFormatError
        If the stream is not a valid WARC.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stem = source.rsplit("/", 1)[-1].split("!")[-1].split(".")[0]
    records, skipped, number, offset = [], [], 0, 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            number += 1
            offset = iterator.get_record_offset()
            kind = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"WARC {kind} record at byte offset {offset}" + (f" for {uri}" if uri else "")
            if kind not in ("response", "resource"):
                skipped.append((source, number, "not_a_page", f"{where}: not a response"))
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            ctype = (
                (record.http_headers.get_header("Content-Type") if record.http_headers else None)
                or record.rec_headers.get_header("Content-Type")
                or ""
            ).split(";")[0].strip().lower()
            if not str(status).startswith("2"):
                skipped.append((source, number, "http_status", f"{where}: HTTP status {status}"))
                continue
            if ctype not in _HTML_TYPES:
                skipped.append((source, number, "not_html", f"{where}: content type {ctype!r}"))
                continue
            data = record.content_stream().read()
            records += read_html_document(
                data,
                source=source,
                article_id=f"{stem}:{number}",
                rejections=rejections,
                line=number,
                url=uri or None,
                extra={
                    CRAWLED_KEY: record.rec_headers.get_header("WARC-Date") or None,
                    FETCH_URL_KEY: uri,
                },
            )
    except ArchiveLoadFailed as err:
        raise CorpusFormatError(
            f"Corpus file {source!r} is not a valid WARC after record {number} (byte offset "
            f"{offset}): {err}. Check that the file is complete, or pass another format=.",
            path=source,
            line=number,
        ) from err
    return records, skipped
