"""Plain-text and Markdown documents with an optional ``key: value`` front matter.

A document is ``---\\noutlet: ...\\npublished: ...\\ntitle: ...\\nurl: ...\\n---\\nbody``
(one ``key: value`` per header line, not full YAML; any key becomes a field).
"""

from __future__ import annotations

import re

from framing.corpus.readers.lines import decode_error, is_utf8
from framing.corpus.schema import PROVENANCE_FILE, PROVENANCE_LINE, shorten

__all__ = ["TEXT_SUFFIXES", "read_text_document"]

#: File suffixes read as text documents (matched case-insensitively).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s?(.*)$")


def read_text_document(data, *, source, article_id, encoding="utf-8", rejections):
    """Read one text or Markdown document into a raw record.

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        File name recorded as provenance (line 1) and in rejections.
    article_id : str
        Id used when the front matter has no ``article_id``.
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives ``invalid_front_matter`` documents.

    Returns
    -------
    records : list of dict
        One record (``text`` = the body, stripped), or none when rejected.

    Raises
    ------
    CorpusFormatError
        If the bytes cannot be decoded with `encoding`.
    """
    codec = "utf-8-sig" if is_utf8(encoding) else encoding
    try:
        content = data.decode(codec)
    except UnicodeDecodeError as err:
        lineno = data.count(b"\n", 0, err.start) + 1
        raise decode_error(source, lineno, 0, err, encoding) from err
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    record = {}
    body = content
    if content.startswith("---\n") or content.strip() == "---":
        lines = content.split("\n")
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            rejections.add(
                source,
                1,
                "invalid_front_matter",
                "line 1: front matter opened with '---' is never closed; add a '---' line "
                "after the header",
            )
            return []
        bad = None
        for i in range(1, end):
            if not lines[i].strip() or lines[i].lstrip().startswith("#"):
                continue
            m = _FRONT_KEY.match(lines[i])
            if m is None:
                bad = i + 1
                break
            record[m.group(1)] = _unquote(m.group(2).strip())
        if bad is not None:
            rejections.add(
                source,
                bad,
                "invalid_front_matter",
                f"line {bad}: expected 'key: value' in the front matter, got "
                f"{shorten(lines[bad - 1])!r}",
            )
            return []
        body = "\n".join(lines[end + 1 :])
    record.setdefault("text", body.strip())
    record.setdefault("article_id", article_id)
    record[PROVENANCE_FILE] = source
    record[PROVENANCE_LINE] = 1
    return [record]


def _unquote(value):
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
