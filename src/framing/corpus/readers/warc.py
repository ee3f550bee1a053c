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
    archive = ArchiveIterator(stream)
    iterator = iter(archive)
    while True:
        try:  # warcio's own errors, and its AttributeError on a truncated record
            record = next(iterator)
            number += 1
            kind = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            reason, detail, data = None, "", None
            if kind not in ("response", "resource"):
                reason, detail = "not_a_page", f"not a response ({record.format} record)"
            else:
                headers = record.http_headers
                status = headers.get_statuscode() if headers is not None else "200"
                ctype = (
                    (headers.get_header("Content-Type") if headers is not None else None)
                    or record.rec_headers.get_header("Content-Type")
                    or ""
                ).split(";")[0].strip().lower()
                if not str(status).startswith("2"):
                    reason, detail = "http_status", f"HTTP status {status}"
                elif ctype not in _HTML_TYPES:
                    reason, detail = "not_html", f"content type {ctype!r}"
                else:
                    data = record.content_stream().read()
            # the offset is known once the record is read (warcio reads to its end)
            offset = archive.get_record_offset()
        except StopIteration:
            break
        except (ArchiveLoadFailed, AttributeError, ValueError, EOFError, OSError) as err:
            raise CorpusFormatError(
                f"Corpus file {source!r} is not a valid WARC at record {number} (after byte "
                f"offset {offset}): {type(err).__name__}: {err}. Check that the file is "
                "complete, or pass another format=.",
                path=source,
                line=number,
            ) from err
        if reason is not None:
            where = f"WARC {kind} record at byte offset {offset}" + (f" for {uri}" if uri else "")
            skipped.append((source, number, reason, f"{where}: {detail}"))
            continue
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
    return records, skipped
