"""Language of each article: py3langid on the title and the start of the text.

Uses py3langid (Lui & Baldwin, 2012, langid.py; bundled model, no download), with
the byte-level walk batched in numpy (results identical to ``identifier.classify``).

>>> import numpy as np, pandas as pd
>>> from framing.corpus.language import detect_languages
>>> detect_languages(pd.Series(["Title"]), pd.Series(["The war goes on."]), np.array([False]), True)  # doctest: +SKIP
array(['en'], dtype=object)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = [
    "DEFAULT_LANGUAGES",
    "LANGUAGE_PREFIX_CHARS",
    "detect_languages",
    "preload_language_model",
]

#: Languages py3langid chooses among by default (ISO 639-1 codes of languages with
#: sizeable news output). The restriction keeps the output to ISO 639-1 codes and avoids
#: rare labels on short texts; it barely changes speed, which is dominated by the
#: byte-by-byte feature walk (∝ LANGUAGE_PREFIX_CHARS). ``detect_language="all"``
#: uses all 140 labels of the bundled model.
DEFAULT_LANGUAGES = frozenset(
    [
        "af",
        "ar",
        "az",
        "be",
        "bg",
        "bn",
        "bs",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "eu",
        "fa",
        "fi",
        "fr",
        "ga",
        "gl",
        "he",
        "hi",
        "hr",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ja",
        "ka",
        "kk",
        "ko",
        "lt",
        "lv",
        "mk",
        "ms",
        "mt",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sq",
        "sr",
        "sv",
        "sw",
        "th",
        "tl",
        "tr",
        "uk",
        "ur",
        "vi",
        "zh",
    ]
)
#: Characters of text (after the title) given to the language identifier.
LANGUAGE_PREFIX_CHARS = 1000


@lru_cache(maxsize=4)
def _language_identifier(languages):
    """Build the py3langid identifier once per process and language set."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    if languages is not None:
        identifier.set_languages(sorted(languages))
    return identifier


def detect_languages(titles, texts, empty, detect_language=True):
    """Return an ISO 639-1 language code per article (``"und"`` when undetermined).

    Parameters
    ----------
    titles, texts : pandas.Series of str, shape (n,)
    empty : numpy.ndarray of bool, shape (n,)
        True for articles without text: they get ``"und"``.
    detect_language : bool, 'all' or collection of str, default=True
        True: restricted to :data:`DEFAULT_LANGUAGES`; ``'all'``: every label of
        the bundled model; a collection: those codes; False: ``"und"`` everywhere.

    Returns
    -------
    languages : numpy.ndarray of str, shape (n,)

    Raises
    ------
    ValueError
        If `detect_language` is not one of the options.
    """
    n = len(texts)
    out = np.full(n, "und", dtype=object)
    if detect_language is False or n == 0:
        return out
    if detect_language is True:
        languages = DEFAULT_LANGUAGES
    elif detect_language == "all":
        languages = None
    elif isinstance(detect_language, Iterable) and not isinstance(detect_language, str):
        languages = frozenset(detect_language)
    else:
        raise ValueError(
            "The 'detect_language' parameter of load_corpus must be True, False, 'all' or a "
            f"collection of ISO 639-1 codes. Got {detect_language!r} instead."
        )
    identifier = _language_identifier(languages)
    from py3langid.langid import RAW_FLOOR

    samples: dict[str, list[int]] = {}  # unique sample -> rows
    for i, (title, text, is_empty) in enumerate(
        zip(titles.tolist(), texts.tolist(), empty.tolist(), strict=True)
    ):
        if not is_empty:
            samples.setdefault(f"{title}\n{text[:LANGUAGE_PREFIX_CHARS]}", []).append(i)
    results = _classify_samples(identifier, list(samples), languages)
    for (lang, score), rows in zip(results, samples.values(), strict=True):
        out[rows] = "und" if score <= RAW_FLOOR else lang  # no features: digits, symbols
    return out


#: Samples longer than this (UTF-8 bytes) skip the batched language walk.
_MAX_BATCH_BYTES = 8 * LANGUAGE_PREFIX_CHARS


@lru_cache(maxsize=4)
def _dfa_tables(languages):
    """py3langid's model as numpy arrays, or None when they cannot be read.

    Returns ``(next_move, row_base, output, class_table)``: the byte DFA (next state
    per row base + byte, row base per state, feature emitted per state or -1) and
    the naive-Bayes feature × class table as float32 (py3langid stores float16 and
    converts on every call; converting once gives bitwise the same scores). None
    when the installed py3langid lacks these attributes (another version): callers
    then fall back to ``identifier.classify``.
    """
    identifier = _language_identifier(languages)
    try:
        moves = identifier.tk_nextmove  # array.array: shared, not copied
        next_move = np.frombuffer(moves, dtype=f"u{moves.itemsize}")
        row_base = np.asarray(identifier._rowbase, dtype=np.int64)
        output = np.asarray(identifier.tk_output, dtype=np.int32)
        # C order: a text's feature rows are gathered from contiguous memory
        table = np.ascontiguousarray(identifier.nb_ptc, dtype=np.float32)
        identifier._encode, identifier._alias_pairs, identifier._norm_probs  # noqa: B018
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - other py3langid
        return None
    if next_move.ndim != 1 or len(row_base) != len(output) or table.ndim != 2:
        return None  # pragma: no cover - other py3langid
    return next_move, row_base, output, table


def _classify_samples(identifier, samples, languages, block=512):
    """Return ``identifier.classify(s)`` for every sample, walking the DFA in numpy.

    py3langid walks a byte-level finite-state machine over each text in a Python
    loop (about 1 µs per byte). The walk is sequential within a text but
    independent across texts, so here it advances a block of texts by one byte per
    numpy step, and counts the features of the whole block in one hash pass
    (:func:`pandas.factorize`). The features found, their order (first occurrence,
    as py3langid's ``Counter``) and the scoring (``log1p(counts) @ table + prior``, alias folding,
    argmax) are py3langid's own, so the results are identical to calling
    ``identifier.classify`` on each sample (checked in tests/test_speed_equivalence.py).
    `block` texts are walked at once; their temporary arrays take roughly 60 bytes per
    sample byte (about 35 MB for 512 samples of 1,000 characters).
    """
    if not samples:
        return []
    tables = _dfa_tables(languages)
    if tables is None or identifier._norm_probs or identifier.min_confidence is not None:
        return [identifier.classify(s) for s in samples]  # pragma: no cover
    from py3langid.langid import RAW_FLOOR

    next_move, row_base, output, table = tables
    prior, classes, aliases = identifier.nb_pc, identifier.nb_classes, identifier._alias_pairs
    results: list = [None] * len(samples)
    encoded = [identifier._encode(s) for s in samples]
    # a block is as wide as its longest text: texts far above the usual sample (a huge
    # title) go through py3langid one by one, so a block's arrays stay small
    short = []
    for i, raw in enumerate(encoded):
        if len(raw) > _MAX_BATCH_BYTES:
            results[i] = identifier.classify(raw)
        else:
            short.append(i)
    for b0 in range(0, len(short), block):
        rows_in_block = short[b0 : b0 + block]
        part = [encoded[i] for i in rows_in_block]
        lengths = [len(raw) for raw in part]
        width = max(lengths)
        columns = np.zeros((width, len(part)), dtype=np.uint8)  # byte t of text r
        for r, raw in enumerate(part):
            columns[: len(raw), r] = np.frombuffer(raw, dtype=np.uint8)
        feats = np.empty((width, len(part)), dtype=np.int32)
        state = np.zeros(len(part), dtype=np.int64)
        for t in range(width):
            state = next_move[row_base[state] + columns[t]]
            feats[t] = output[state]
        feats = np.ascontiguousarray(feats.T)  # row r: text r's features in byte order
        valid = (feats >= 0) & (np.arange(width) < np.asarray(lengths)[:, None])
        # number the (text, feature) pairs in order of first occurrence: texts in
        # order, and within a text the order of py3langid's Counter
        text_of = np.repeat(np.arange(len(part), dtype=np.int64), valid.sum(axis=1))
        codes, pairs = pd.factorize(text_of * len(table) + feats[valid])
        log_counts = np.log1p(np.bincount(codes).astype(np.float32))
        pair_text = pairs // len(table)
        pair_feat = pairs - pair_text * len(table)
        bounds = np.searchsorted(pair_text, np.arange(len(part) + 1))
        for r in range(len(part)):
            a, b = bounds[r], bounds[r + 1]
            if a < b:
                scores = log_counts[a:b] @ table[pair_feat[a:b]] + prior
            else:
                scores = np.full(len(classes), RAW_FLOOR, dtype=np.float32)
            for i, j in aliases:
                scores[i] = max(scores[i], scores[j])
                scores[j] = RAW_FLOOR
            k = int(scores.argmax())
            results[rows_in_block[r]] = (classes[k], float(scores[k]))
    return results




def preload_language_model(languages=DEFAULT_LANGUAGES):
    """Load the language identifier and its numpy tables for a language set now.

    Called by a fork server before it forks workers, so that they share the
    pages (about 110 MB) copy-on-write. Later calls return the cached objects.

    Parameters
    ----------
    languages : frozenset of str or None, default=DEFAULT_LANGUAGES
        ISO 639-1 codes; None means every label of the bundled model.
    """
    _dfa_tables(None if languages is None else frozenset(languages))
