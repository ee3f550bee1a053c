"""Duplicate stories: the same body across outlets, after wire boilerplate is removed.

>>> from framing.corpus import drop_duplicate_stories
>>> unique_stories = drop_duplicate_stories(articles)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import pandas as pd

from framing.exceptions import MissingColumnError

__all__ = [
    "DUPLICATE_ID_HEX",
    "MIN_DUPLICATE_CHARS",
    "NEAR_DUPLICATE_THRESHOLD",
    "drop_duplicate_stories",
    "duplicate_groups",
    "near_duplicate_groups",
    "normalise_body",
]

#: Normalised bodies shorter than this (characters) never join a duplicate group:
#: stubs such as "Developing story." are not evidence of the same story.
MIN_DUPLICATE_CHARS = 40
#: Hex digits of the SHA-1 in ``duplicate_group`` ids (64 bits: no accidental
#: collision expected below ~10^8 articles; 10 digits would collide at ~10^6).
DUPLICATE_ID_HEX = 16

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_REPLACEMENTS = tuple(
    {
        **{c: "-" for c in _DASHES},
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
        "\u2026": "...",
        "\u00ad": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
    }.items()
)
_D = "-\u2012\u2013\u2014\u2015\u2212"
# A wire dateline at the very start: "KYIV (Northwire) — ", "WASHINGTON, Feb 24 (Reuters) - ",
# "KYIV, Ukraine (AP) — ", "(Reuters) - ", "LONDON — ".
_DATELINE_RE = re.compile(
    rf"""^\s*(?:
        [A-Z][A-Z'\u2019.\- ]{{0,40}}[A-Z.]          # place in capitals
        (?:\s*,\s*[A-Za-z0-9 .,/]{{1,30}}?)?          # optional ", Feb 24" / ", Ukraine"
        \s*(?:\([^()\n]{{1,40}}\))?                   # optional (Agency)
      | \([^()\n]{{1,40}}\)                           # or just (Agency)
    )\s*[{_D}]{{1,2}}\s*""",
    re.VERBOSE,
)
# Trailing credit lines: "Reporting by ...", "Editing by ...", "© 2025 ...", "Copyright ...".
_CREDIT_LINE_RE = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|"
    r"contributing)\s+by\b.*$|^(?:\u00a9|\(c\)\s|copyright\b).*$",
    re.IGNORECASE,
)
_CREDIT_TAIL_RE = re.compile(
    r"\(\s*(?:(?:additional\s+)?reporting|writing|editing)\s+by\b[^()]*\)\s*$",
    re.IGNORECASE,
)
#: Every character ``str.split()`` splits on except the space (``str.isspace``). No
#: character above U+3000 (IDEOGRAPHIC SPACE) is whitespace (checked in the tests).
_OTHER_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
_SPACE_RUN_RE = re.compile("  +")  # a literal prefix: found fast, unlike a class


def _collapse_whitespace(text: str) -> str:
    """Return ``" ".join(text.split())``: whitespace runs as one space, ends stripped.

    Every whitespace character becomes a space, every run of two or more spaces
    becomes one (other characters are never touched) and the ends are stripped,
    which leaves exactly the words joined by single spaces. Faster than
    ``split``/``join`` (24 -> 10 µs on a made-up ASCII news body of 3,700
    characters, 34 -> 23 µs on the real-news bodies of ``benchmarks/synthetic.py``,
    mostly not ASCII): a ``str.replace`` runs only for the whitespace kinds
    present, and looking for one character is a fast scan (none at all for a
    character wider than the string's storage, e.g. U+3000 in Latin-1 text).
    """
    for ch in _OTHER_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    return _SPACE_RUN_RE.sub(" ", text).strip(" ")


def _tighten_hyphens(text: str) -> str:
    """Drop the spaces next to hyphens and make every run of hyphens one hyphen.

    Equal to ``re.sub("-{2,}", "-", text.replace(" -", "-").replace("- ", "-"))``
    for text whose whitespace is collapsed (single spaces, none at either end:
    :func:`_collapse_whitespace`), 5 times faster on news bodies: the text is split
    at its hyphens (a one-character search, where ``" -"`` is a slow two-character
    one), every piece loses the space next to a hyphen, and the empty pieces
    between two hyphens are left out. The first and last pieces stay even when
    empty, so a leading or trailing hyphen stays.
    """
    pieces = [piece.strip(" ") for piece in text.split("-")]
    last = len(pieces) - 1
    return "-".join([p for i, p in enumerate(pieces) if p or i == 0 or i == last])


def normalise_body(text):
    """The story body used for duplicate grouping (wire prefix/suffix removed).

    Removes a leading dateline, trailing credit lines and a trailing
    "(Reporting by ...)" note; NFKC-normalises; maps curly quotes and dashes to
    ASCII; removes soft hyphens and zero-width characters; case-folds; collapses
    whitespace. Everything else must match exactly.

    Parameters
    ----------
    text : str

    Returns
    -------
    body : str
    """
    lines = text.strip().splitlines()
    changed = True
    while lines and changed:
        changed = False
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and _CREDIT_LINE_RE.match(lines[-1].strip()):
            lines.pop()
            changed = True
        elif lines and lines[-1].rstrip().endswith(")"):
            last = lines[-1]
            m = _CREDIT_TAIL_RE.search(last, max(0, len(last) - 400))
            if m is not None:
                lines[-1] = last[: m.start()].rstrip()
                changed = True
    body = "\n".join(lines)
    if not unicodedata.is_normalized("NFKC", body):
        body = unicodedata.normalize("NFKC", body)
    for char, replacement in _REPLACEMENTS:  # str.replace is much faster than str.translate
        if char in body:
            body = body.replace(char, replacement)
    body = _DATELINE_RE.sub("", body, count=1)
    body = _collapse_whitespace(body)
    if "-" in body:
        body = _tighten_hyphens(body)
    return body.casefold()


def duplicate_groups(texts, article_ids, empty):
    """Return a ``dup-<hex>`` id per article: the same id for the same normalised body.

    Parameters
    ----------
    texts, article_ids : pandas.Series of str, shape (n,)
    empty : numpy.ndarray of bool, shape (n,)
        True for articles without text: each gets a group of its own.

    Returns
    -------
    groups : numpy.ndarray of str, shape (n,)
        ``"dup-"`` + the first :data:`DUPLICATE_ID_HEX` hex digits of the SHA-1 of
        :func:`normalise_body` (of the id, for empty texts and bodies shorter than
        :data:`MIN_DUPLICATE_CHARS`).
    """
    out = np.empty(len(texts), dtype=object)
    cache = {}
    for i, (text, article_id, is_empty) in enumerate(
        zip(texts.tolist(), article_ids.tolist(), empty.tolist(), strict=True)
    ):
        key = None
        if not is_empty:
            key = cache.get(text)
            if key is None:
                norm = normalise_body(text)
                key = norm if len(norm) >= MIN_DUPLICATE_CHARS else ""
                cache[text] = key
        if not key:  # empty or stub text: a group of its own
            key = "\x00solo\x00" + article_id
        out[i] = "dup-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:DUPLICATE_ID_HEX]
    return out




def drop_duplicate_stories(articles):
    """Keep one article per ``duplicate_group``: the earliest published.

    Ties (same ``published``, or both NaT) go to the smallest ``article_id``;
    NaT counts as later than any date. Rows keep their original order.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        The articles table; needs ``duplicate_group``, ``published``, ``article_id``.

    Returns
    -------
    deduplicated : pandas.DataFrame of shape (n_groups, n_columns)
        One row per duplicate group, index reset to ``0..n_groups-1``.

    Raises
    ------
    MissingColumnError
        If a required column is absent.

    Examples
    --------
    >>> articles = load_corpus(paths.DEFAULT_CORPUS)  # doctest: +SKIP
    >>> unique_stories = drop_duplicate_stories(articles)  # doctest: +SKIP
    """
    required = ["duplicate_group", "published", "article_id"]
    missing = [c for c in required if c not in articles.columns]
    if missing:
        raise MissingColumnError(
            f"drop_duplicate_stories needs columns {missing!r}, which are missing from the "
            f"table (columns: {list(articles.columns)!r}). Pass the table from load_corpus."
        )
    order = articles.reset_index(drop=True)
    ranked = pd.DataFrame(
        {
            "g": order["duplicate_group"],
            "p": order["published"],
            "a": order["article_id"].astype(str),
            "i": np.arange(len(order)),
        }
    ).sort_values(["g", "p", "a"], na_position="last", kind="mergesort")
    keep = np.sort(ranked.drop_duplicates("g", keep="first")["i"].to_numpy())
    return order.iloc[keep].reset_index(drop=True)


#: Default Jaccard similarity (of word shingles) at which two stories are near-duplicates.
NEAR_DUPLICATE_THRESHOLD = 0.7
#: Words per shingle for near-duplicate detection.
SHINGLE_WORDS = 5
#: MinHash permutations (more: a finer similarity estimate, slower).
NUM_PERM = 128


def near_duplicate_groups(
    texts,
    groups,
    empty,
    *,
    threshold=NEAR_DUPLICATE_THRESHOLD,
    num_perm=NUM_PERM,
    shingle_words=SHINGLE_WORDS,
    seed=1,
):
    """Group stories whose bodies are nearly the same (small edits, other boilerplate).

    Each body is normalised as for exact duplicates (:func:`normalise_body`) and cut
    into overlapping `shingle_words`-word shingles; MinHash signatures and an LSH
    index (datasketch) propose candidate pairs, and a pair joins when its estimated
    Jaccard similarity is at least `threshold`. Groups are the connected components
    of these pairs together with the exact `groups`, so copies of one story share a
    group even where each differs a little from the next.

    Parameters
    ----------
    texts : pandas.Series of str, shape (n,)
    groups : array-like of str, shape (n,)
        Exact duplicate groups (:func:`duplicate_groups`).
    empty : numpy.ndarray of bool, shape (n,)
        Articles without text: each keeps a group of its own.
    threshold : float in (0, 1], default=NEAR_DUPLICATE_THRESHOLD
        Jaccard similarity of shingle sets. In tests/test_corpus_hygiene.py two
        copies of a 160-word story with different header and footer lines and one
        edited sentence score 0.76; two different reports of the same event, 0.0.
    num_perm : int, default=NUM_PERM
        MinHash permutations.
    shingle_words : int, default=SHINGLE_WORDS
        Words per shingle.
    seed : int, default=1
        MinHash seed (the result is deterministic for a given seed).

    Returns
    -------
    near_groups : numpy.ndarray of str, shape (n,)
        ``"near-<16 hex>"``; articles in the same exact group always share it.

    Raises
    ------
    ValueError
        If `threshold` is not in (0, 1].

    Notes
    -----
    Cost: about 0.6 ms per distinct body (5,000 articles in 3.1 s on a shared
    2-core machine), so :func:`framing.corpus.load_corpus` does it once per load;
    the chunked path of :mod:`framing.scale` leaves it out.

    MinHash (Broder, 1997) with banded LSH (Leskovec, Rajaraman & Ullman, *Mining of
    Massive Datasets*, ch. 3), as implemented by datasketch (Zhu, 2015-).
    """
    if not (isinstance(threshold, int | float) and 0 < threshold <= 1):
        raise ValueError(
            "The 'near_duplicate_threshold' parameter must be a number in (0, 1]. "
            f"Got {threshold!r} instead."
        )
    from datasketch import MinHash, MinHashLSH

    groups = np.asarray(groups, dtype=object)
    n = len(groups)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_of_group = {}
    for i, group in enumerate(groups.tolist()):
        if group in first_of_group:
            union(first_of_group[group], i)
        else:
            first_of_group[group] = i
    # LSH only proposes candidates (its banding needs a threshold below ~0.9 for 128
    # permutations); each candidate pair is then checked against `threshold`.
    lsh = MinHashLSH(threshold=min(threshold, 0.8), num_perm=num_perm)
    signatures = {}
    for i in first_of_group.values():  # one signature per exact group
        if empty[i]:
            continue
        words = normalise_body(texts.iat[i]).split()
        if len(" ".join(words)) < MIN_DUPLICATE_CHARS or len(words) < shingle_words:
            continue
        shingles = {
            " ".join(words[k : k + shingle_words]).encode("utf-8")
            for k in range(len(words) - shingle_words + 1)
        }
        signature = MinHash(num_perm=num_perm, seed=seed)
        signature.update_batch(list(shingles))
        for j in lsh.query(signature):
            if signature.jaccard(signatures[j]) >= threshold:
                union(i, j)
        lsh.insert(i, signature)
        signatures[i] = signature
    roots = [find(i) for i in range(n)]
    return np.array(
        [
            "near-" + hashlib.sha1(str(groups[r]).encode("utf-8")).hexdigest()[:DUPLICATE_ID_HEX]
            for r in roots
        ],
        dtype=object,
    )
