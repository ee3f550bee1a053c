"""A folder, ``.zip`` or ``.tar`` of documents: each file read by its suffix, or reported.

Files are visited in sorted order (recursively in a folder). Each is read by the
document reader for its suffix (case-insensitive): text and Markdown
(:data:`~framing.corpus.readers.text.TEXT_SUFFIXES`), saved web pages
(:data:`~framing.corpus.readers.html.HTML_SUFFIXES`), news-please ``.json`` and
web archives (``.warc``, ``.warc.gz``). A hidden file, or one with no reader, is
listed in the batch's ``skipped`` items with the reason, never ignored. Members of
an archive are named ``<archive>!/<member>``.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import PurePosixPath

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.html import HTML_SUFFIXES, read_html_document
from framing.corpus.readers.newsplease import read_newsplease_document
from framing.corpus.readers.text import TEXT_SUFFIXES, read_text_document
from framing.corpus.readers.warc import read_warc_stream
from framing.corpus.schema import raw_frame
from framing.exceptions import CorpusFormatError

__all__ = ["ARCHIVE_SUFFIXES", "DOCUMENT_READERS", "document_reader", "is_archive", "read_folder"]

#: Suffix (lower case, with the dot) → document reader
#: ``reader(data, *, source, article_id, encoding, rejections) -> list of dict``.
DOCUMENT_READERS = {
    **{suffix: read_text_document for suffix in TEXT_SUFFIXES},
    **{suffix: read_html_document for suffix in HTML_SUFFIXES},
    ".json": read_newsplease_document,
}
#: Suffixes of archives read like a folder.
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
_WARC_SUFFIXES = (".warc", ".warc.gz")
_RECORD_FILE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq")


def document_reader(name):
    """Return the document reader for a file name (by its suffix), or None.

    Parameters
    ----------
    name : str
        A file name or path; the suffix is matched case-insensitively.

    Returns
    -------
    reader : callable or None
    """
    return DOCUMENT_READERS.get(PurePosixPath(name).suffix.lower())


def is_archive(path):
    """Return True when `path` names a ``.zip``, ``.tar``, ``.tar.gz`` or ``.tgz`` file."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def _members(path):
    """Yield ``(relative name, source name, read_bytes)`` per file, sorted; or skipped tuples."""
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            yield file.relative_to(path).as_posix(), str(file), file.read_bytes
        return
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                for info in sorted(archive.infolist(), key=lambda i: i.filename):
                    if not info.is_dir():
                        yield info.filename, f"{path}!/{info.filename}", (
                            lambda info=info: archive.read(info)
                        )
            return
        with tarfile.open(path) as archive:
            for info in sorted(archive.getmembers(), key=lambda i: i.name):
                if info.isfile():
                    yield info.name, f"{path}!/{info.name}", (
                        lambda info=info: archive.extractfile(info).read()
                    )
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as err:
        raise CorpusFormatError(
            f"Corpus archive {str(path)!r} cannot be read ({err}). Check that the file is a "
            "complete .zip or .tar archive.",
            path=path,
        ) from err


def read_folder(path, *, encoding="utf-8", rejections):
    """Read every document in a folder or archive, in sorted order.

    Parameters
    ----------
    path : pathlib.Path
        A folder (read recursively), or a ``.zip``/``.tar``/``.tar.gz``/``.tgz``
        file. A document's default ``article_id`` is its path relative to the
        folder (or in the archive), without the suffix.
    encoding : str, default="utf-8"
        Encoding of text documents (web pages declare their own).
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
        ``n_read`` counts the records the documents yielded plus those rejected;
        ``skipped`` lists hidden files (``hidden``), files with no reader
        (``unsupported_suffix``; line 0) and the WARC records that are not pages.

    Raises
    ------
    CorpusFormatError
        If an archive cannot be opened, or a document cannot be decoded.
    """
    records, files, skipped = [], [], []
    n_before = len(rejections)
    for relative, source, read_bytes in _members(path):
        if any(part.startswith(".") for part in PurePosixPath(relative).parts):
            skipped.append((source, 0, "hidden", "hidden file or folder (name starts with '.')"))
            continue
        lower = relative.lower()
        if lower.endswith(_WARC_SUFFIXES):
            files.append(source)
            found, warc_skipped = read_warc_stream(
                io.BytesIO(read_bytes()), source, rejections=rejections
            )
            records += found
            skipped += warc_skipped
            continue
        reader = document_reader(relative)
        if reader is None:
            known = ", ".join(sorted([*DOCUMENT_READERS, *_WARC_SUFFIXES]))
            suffix = PurePosixPath(relative).suffix
            detail = f"no reader for suffix {suffix!r} in a corpus folder (read: {known})"
            if lower.removesuffix(".gz").endswith(_RECORD_FILE_SUFFIXES):
                detail = (
                    f"a file of records ({suffix!r}) inside a corpus folder is not read; pass "
                    "it, or a list of such files, as the corpus"
                )
            skipped.append((source, 0, "unsupported_suffix", detail))
            continue
        files.append(source)
        records += reader(
            read_bytes(),
            source=source,
            article_id=str(PurePosixPath(relative).with_suffix("")),
            encoding=encoding,
            rejections=rejections,
        )
    n_read = len(records) + len(rejections) - n_before
    return RawBatch(raw_frame(records), n_read, files, skipped)

