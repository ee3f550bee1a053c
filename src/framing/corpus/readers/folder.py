"""A folder of documents: every file is read by the reader for its suffix, or reported.

Files are visited recursively in sorted order. Each is read by the document reader
registered for its suffix (case-insensitive); a file with no reader, or a hidden
one, is listed in the batch's ``skipped`` items with the reason, never ignored.
"""

from __future__ import annotations

from pathlib import Path

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.text import TEXT_SUFFIXES, read_text_document
from framing.corpus.schema import raw_frame

__all__ = ["DOCUMENT_READERS", "document_reader", "read_folder"]

#: Suffix (lower case, with the dot) → document reader
#: ``reader(data, *, source, article_id, encoding, rejections) -> list of dict``.
DOCUMENT_READERS = {suffix: read_text_document for suffix in TEXT_SUFFIXES}


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
    return DOCUMENT_READERS.get(Path(name).suffix.lower())


def read_folder(path, *, encoding="utf-8", rejections):
    """Read every document under a folder, recursively, in sorted order.

    Parameters
    ----------
    path : pathlib.Path
        The folder. A document's default ``article_id`` is its path relative to
        the folder, without the suffix.
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections

    Returns
    -------
    batch : RawBatch
        ``n_read`` counts the records the documents yielded plus those rejected;
        ``skipped`` lists hidden files (``hidden``) and files with no reader
        (``unsupported_suffix``), line 0.
    """
    records, files, skipped = [], [], []
    n_before = len(rejections)
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        relative = file.relative_to(path)
        if any(part.startswith(".") for part in relative.parts):
            skipped.append((str(file), 0, "hidden", "hidden file or folder (name starts with '.')"))
            continue
        reader = document_reader(file.name)
        if reader is None:
            known = ", ".join(sorted(DOCUMENT_READERS))
            skipped.append(
                (
                    str(file),
                    0,
                    "unsupported_suffix",
                    f"no reader for suffix {file.suffix!r} in a corpus folder (read: {known})",
                )
            )
            continue
        files.append(str(file))
        records += reader(
            file.read_bytes(),
            source=str(file),
            article_id=relative.with_suffix("").as_posix(),
            encoding=encoding,
            rejections=rejections,
        )
    n_read = len(records) + len(rejections) - n_before
    return RawBatch(raw_frame(records), n_read, files, skipped)
