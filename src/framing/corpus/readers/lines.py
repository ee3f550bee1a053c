"""Decoding corpus files line by line, with the line and byte offset of any bad byte."""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Iterator

from framing.exceptions import CorpusFormatError

__all__ = ["decode_error", "is_utf8", "iter_lines", "open_binary"]


def is_utf8(encoding):
    """Return True when `encoding` names UTF-8 (with or without BOM)."""
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def open_binary(path):
    """Open `path` for reading bytes, through gzip when it ends in ``.gz``."""
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def decode_error(path, lineno, offset, err, encoding):
    """Return the :class:`CorpusFormatError` for an undecodable byte (file, line, offset)."""
    bad = err.object[err.start : err.start + 1]
    return CorpusFormatError(
        f"Corpus file {str(path)!r} line {lineno} (byte offset {offset + err.start}): "
        f"byte {bad!r} cannot be decoded as {encoding!r} ({err.reason}). Pass the file's "
        "encoding, e.g. encoding='cp1252' for files saved by Windows tools.",
        path=path,
        line=lineno,
    )


def iter_lines(path, encoding="utf-8") -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each physical line of a file, decoded.

    Parameters
    ----------
    path : pathlib.Path
        The file; read through gzip when its suffix is ``.gz``.
    encoding : str, default="utf-8"
        UTF-8 is read with ``utf-8-sig`` semantics (a leading BOM is dropped).

    Yields
    ------
    line_number : int
        1-based.
    text : str
        The line with its line break.

    Raises
    ------
    CorpusFormatError
        If a byte cannot be decoded; names the file, line and byte offset.
    """
    utf8 = is_utf8(encoding)
    if not utf8 and "\n".encode(encoding) != b"\n":  # e.g. UTF-16: decode whole file
        with open_binary(path) as f:
            raw = f.read()
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as err:
            lineno = raw.count(b"\n", 0, err.start) + 1
            raise decode_error(path, lineno, 0, err, encoding) from err
        for lineno, line in enumerate(text.splitlines(keepends=True), start=1):
            yield lineno, line
        return
    codec = "utf-8" if utf8 else encoding
    offset = 0
    with open_binary(path) as f:
        for lineno, raw in enumerate(f, start=1):
            if lineno == 1 and utf8 and raw.startswith(codecs.BOM_UTF8):
                offset += 3
                raw = raw[3:]
            try:
                line = raw.decode(codec)
            except UnicodeDecodeError as err:
                raise decode_error(path, lineno, offset, err, encoding) from err
            offset += len(raw)
            yield lineno, line


