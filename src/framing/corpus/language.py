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
    "CONFIDENT_LANGUAGE",
    "DEFAULT_LANGUAGES",
    "LANGUAGE_SOURCES",
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


#: Posterior probability from which a detected article counts as confident: it then
#: shapes its outlet's prior, and below it ``language_source`` says ``"uncertain"``.
CONFIDENT_LANGUAGE = 0.9
#: Values of the ``language_source`` column.
LANGUAGE_SOURCES = ("given", "detected", "outlet_prior", "uncertain", "none")


def _language_set(detect_language):
    if detect_language is True:
        return DEFAULT_LANGUAGES
    if detect_language == "all":
        return None
    if isinstance(detect_language, Iterable) and not isinstance(detect_language, str):
        return frozenset(detect_language)
    raise ValueError(
        "The 'detect_language' parameter of load_corpus must be True, False, 'all' or a "
        f"collection of ISO 639-1 codes. Got {detect_language!r} instead."
    )


def _softmax_rows(raw: np.ndarray, n_bytes: np.ndarray) -> np.ndarray:
    """py3langid's calibrated probabilities: softmax of raw scores / sqrt(bytes)."""
    z = raw.astype(np.float64) / np.sqrt(np.maximum(n_bytes, 1))[:, None]
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


def detect_languages(titles, texts, empty, detect_language=True, *, outlets=None, given=None,
                     return_details=False):
    """Return an ISO 639-1 language code per article (``"und"`` when undetermined).

    Each article's title and the first :data:`LANGUAGE_PREFIX_CHARS` characters of its
    text are classified by py3langid; its scores become probabilities with py3langid's
    length calibration (softmax of the naive-Bayes log scores divided by the square
    root of the sample's UTF-8 length). Short texts (headlines, one-sentence briefs)
    give flat probabilities: when `outlets` are given, an article whose best language
    has probability below :data:`CONFIDENT_LANGUAGE` gets the argmax of probability ×
    prior. The prior counts the same outlet's confident articles per language, plus k
    pseudo-articles (k = number of candidate languages) spread like the confident
    articles of the whole batch (itself Laplace-smoothed): an outlet with many
    confident English articles pulls its briefs strongly towards English, an outlet
    with none borrows the batch's mix, and a few confident articles shift little.
    Confident articles keep their label. A language given in the input (`given`) is kept as it is.

    Parameters
    ----------
    titles, texts : pandas.Series of str, shape (n,)
    empty : numpy.ndarray of bool, shape (n,)
        True for articles without text: they get ``"und"`` (unless given).
    detect_language : bool, 'all' or collection of str, default=True
        True: restricted to :data:`DEFAULT_LANGUAGES`; ``'all'``: every label of
        the bundled model; a collection: those codes; False: ``"und"`` everywhere
        (given languages are still kept).
    outlets : pandas.Series of str, shape (n,), optional
        Outlet of each article, for the outlet prior. None: no prior.
    given : pandas.Series, shape (n,), optional
        Languages stated in the input (a ``language`` field, or a code chosen by the
        user); missing or empty values are detected.
    return_details : bool, default=False
        Also return the confidence and the source of each label.

    Returns
    -------
    languages : numpy.ndarray of str, shape (n,)
    confidence : numpy.ndarray of float, shape (n,)
        Only with `return_details`: posterior probability of the label in [0, 1]
        (1.0 when given, NaN when undetermined).
    source : numpy.ndarray of str, shape (n,)
        Only with `return_details`: one of :data:`LANGUAGE_SOURCES` — ``"given"``,
        ``"detected"`` (confident, the prior did not change it), ``"outlet_prior"``
        (the outlet prior changed the label), ``"uncertain"`` (probability below
        :data:`CONFIDENT_LANGUAGE` even with the prior), ``"none"`` (empty text or no
        features).

    Raises
    ------
    ValueError
        If `detect_language` is not one of the options.

    Notes
    -----
    py3langid: Lui & Baldwin (2012), langid.py, ACL demo session; model bundled with
    the py3langid wheel (BSD). The outlet prior is ours; measured on short English
    briefs in tests/test_language.py.
    """
    n = len(texts)
    out = np.full(n, "und", dtype=object)
    confidence = np.full(n, np.nan)
    source = np.full(n, "none", dtype=object)
    if given is not None:
        g = pd.Series(given).reset_index(drop=True).astype(object)
        has = g.map(lambda v: isinstance(v, str) and v.strip() != "").to_numpy(dtype=bool)
        out[has] = [v.strip().lower() for v in g[has]]
        confidence[has], source[has] = 1.0, "given"
    else:
        has = np.zeros(n, dtype=bool)
    if detect_language is False or n == 0:
        return (out, confidence, source) if return_details else out
    languages = _language_set(detect_language)
    identifier = _language_identifier(languages)
    from py3langid.langid import RAW_FLOOR

    samples: dict[str, list[int]] = {}  # unique sample -> rows
    for i, (title, text, is_empty, known) in enumerate(
        zip(titles.tolist(), texts.tolist(), empty.tolist(), has.tolist(), strict=True)
    ):
        if not is_empty and not known:
            samples.setdefault(f"{title}\n{text[:LANGUAGE_PREFIX_CHARS]}", []).append(i)
    if not samples:
        return (out, confidence, source) if return_details else out
    keys = list(samples)
    encoded = [identifier._encode(k) for k in keys]  # py3langid's bytes, encoded once
    raw = np.vstack(_score_vectors(identifier, keys, languages, encoded=encoded))
    classes = np.asarray(identifier.nb_classes, dtype=object)
    featureless = raw.max(axis=1) <= RAW_FLOOR  # digits, symbols
    n_bytes = np.fromiter(map(len, encoded), np.int64, len(keys))
    probs = _softmax_rows(raw, n_bytes)
    probs[:, raw.max(axis=0) <= RAW_FLOOR] = 0.0  # masked alias columns
    rows = [r[0] for r in samples.values()]  # a representative row per sample
    best = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    confident = (conf >= CONFIDENT_LANGUAGE) & ~featureless
    label = best
    if outlets is not None and not confident.all():
        # prior per outlet from its confident articles, Laplace-smoothed over the labels
        k = probs.shape[1]
        outlet_of = pd.Series(outlets).reset_index(drop=True).astype(str).to_numpy()[rows]
        codes, uniques = pd.factorize(outlet_of)
        batch = np.bincount(best[confident], minlength=k) + 1.0  # Laplace-smoothed batch
        prior = np.zeros((len(uniques), k))
        np.add.at(prior, (codes[confident], best[confident]), 1.0)
        prior += k * batch / batch.sum()  # k pseudo-articles spread like the batch
        prior /= prior.sum(axis=1, keepdims=True)
        post = probs * prior[codes]
        post /= np.maximum(post.sum(axis=1, keepdims=True), 1e-300)
        label = np.where(confident, best, post.argmax(axis=1))
        conf = np.where(confident, conf, post[np.arange(len(keys)), label])
    src = np.where(label != best, "outlet_prior",
                   np.where(conf >= CONFIDENT_LANGUAGE, "detected", "uncertain"))
    for s_i, r in enumerate(samples.values()):
        if featureless[s_i]:
            continue
        out[r], confidence[r], source[r] = classes[label[s_i]], conf[s_i], src[s_i]
    return (out, confidence, source) if return_details else out


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
    classes = identifier.nb_classes
    return [
        (classes[k := int(scores.argmax())], float(scores[k]))
        for scores in _score_vectors(identifier, samples, languages, block)
    ]


def _score_vectors(identifier, samples, languages, block=512, encoded=None):
    """py3langid's raw naive-Bayes score vector per sample (aliases folded), shape (n, k).

    The batched DFA walk of :func:`_classify_samples`; row ``i`` is the vector whose
    argmax and maximum ``identifier.classify(samples[i])`` returns. `encoded`, when
    given, holds ``identifier._encode(sample)`` of each sample (computed once by the caller).
    """
    tables = _dfa_tables(languages)
    if tables is None or identifier._norm_probs or identifier.min_confidence is not None:
        return [_rank_vector(identifier, s) for s in samples]  # pragma: no cover
    from py3langid.langid import RAW_FLOOR

    next_move, row_base, output, table = tables
    prior, classes, aliases = identifier.nb_pc, identifier.nb_classes, identifier._alias_pairs
    results: list = [None] * len(samples)
    if encoded is None:
        encoded = [identifier._encode(s) for s in samples]
    # a block is as wide as its longest text: texts far above the usual sample (a huge
    # title) go through py3langid one by one, so a block's arrays stay small
    short = []
    for i, raw in enumerate(encoded):
        if len(raw) > _MAX_BATCH_BYTES:
            results[i] = _rank_vector(identifier, raw)
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
        # order, and within a text the order of py3langid's Counter; as int32 where
        # they fit (always, for blocks of a few thousand texts) they hash twice as fast
        key_type = np.int32 if len(part) * len(table) < 2**31 else np.int64
        text_of = np.repeat(np.arange(len(part), dtype=key_type), valid.sum(axis=1))
        codes, pairs = pd.factorize(text_of * key_type(len(table)) + feats[valid])
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
            results[rows_in_block[r]] = scores
    return results


def _rank_vector(identifier, sample):
    """The score vector of one sample through py3langid's public ``rank``."""
    from py3langid.langid import RAW_FLOOR

    ranked = dict(identifier.rank(sample))
    seen = set()
    out = np.full(len(identifier.nb_classes), RAW_FLOOR, dtype=np.float32)
    for k, lang in enumerate(identifier.nb_classes):
        if lang not in seen:  # an aliased label keeps its first column, as in classify
            out[k] = ranked[lang]
            seen.add(lang)
    return out




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
