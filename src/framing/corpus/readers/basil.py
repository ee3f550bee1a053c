"""The BASIL corpus jsonl (Fan et al., 2019, "In Plain Sight", EMNLP) as raw records."""

from __future__ import annotations

from framing.corpus.readers.base import RawBatch
from framing.corpus.readers.jsonl import parse_jsonl_lines
from framing.corpus.readers.lines import iter_lines
from framing.corpus.schema import PROVENANCE_LINE, raw_frame, shorten

__all__ = ["read_basil"]

_BASIL_PLACEHOLDERS = ("", "empty", "none", "null")


def read_basil(path, *, encoding="utf-8", rejections):
    """Adapt the BASIL jsonl (Fan et al., 2019) to the canonical fields.

    ``uuid`` → ``article_id`` (``article_key`` when the uuid is the placeholder
    ``"empty"`` or blank, as for three HuffPost articles); ``source``
    (fox/nyt/hpo, sometimes upper case) →
    ``outlet`` lower-cased, with ``outlet_raw`` keeping the value as found;
    ``date`` → ``published``; ``body-paragraphs`` (list of paragraphs, each a list
    of sentences) → ``text``, sentences joined with " " and paragraphs with
    "\\n\\n". Scalar fields (``main-event``, ``triplet-uuid``, ``word-count``,
    ``article_key``, ``year_folder``, ``keywords``) are kept under their names;
    nested fields (``main-entities``, ``article-level-annotations``,
    ``phrase-level-annotations``) are dropped.

    Parameters
    ----------
    path : pathlib.Path
    encoding : str, default="utf-8"
    rejections : framing.corpus.schema.Rejections
        Receives JSON errors and records whose ``body-paragraphs`` is malformed
        (``invalid_field``).

    Returns
    -------
    batch : RawBatch
    """
    records, n_read = parse_jsonl_lines(iter_lines(path, encoding), path, rejections)
    out = []
    for rec in records:
        line = rec[PROVENANCE_LINE]
        body = rec.pop("body-paragraphs", None)
        if body is None:
            body = []
        if not isinstance(body, list) or not all(
            isinstance(p, list) and all(isinstance(s, str) for s in p) for p in body
        ):
            rejections.add(
                path,
                line,
                "invalid_field",
                f"line {line}: field 'body-paragraphs' must be a list of paragraphs, each a "
                f"list of sentence strings; got {shorten(body)!r}",
            )
            continue
        article_id = rec.pop("uuid", None)
        if not isinstance(article_id, str) or article_id.strip().lower() in _BASIL_PLACEHOLDERS:
            article_id = rec.get("article_key", article_id)  # 3 HuffPost articles: uuid "empty"
        new = {
            "article_id": article_id,
            "title": rec.pop("title", None),
            "text": "\n\n".join(" ".join(p) for p in body),
            "url": rec.pop("url", None),
            "published": rec.pop("date", None),
        }
        source = rec.pop("source", None)
        if isinstance(source, str) and source.strip():
            new["outlet"] = source.strip().lower()
            new["outlet_raw"] = source
        else:
            new["outlet"] = source
        for key, value in rec.items():
            if not isinstance(value, list | dict):
                new[key] = value
        out.append(new)
    return RawBatch(raw_frame(out), n_read, [str(path)])
