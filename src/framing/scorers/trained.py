"""A trained target-dependent sentiment scorer that runs at numpy speed (no torch).

:class:`TrainedSentimentScorer` ("newsmtsc-linear") turns each target mention into
target-marked n-grams with negation scope, pooled static word vectors distilled
from all-MiniLM-L6-v2, and lexicon scores, and applies a multinomial logistic
regression trained on NewsMTSC. The shipped model loads offline:

>>> from framing.scorers.trained import TrainedSentimentScorer
>>> scorer = TrainedSentimentScorer.load_default()
>>> scorer.score(["Washington praised Kyiv."])["label"].tolist()  # doctest: +SKIP
['positive']
"""

from __future__ import annotations

import hashlib
import json
import re
from itertools import chain, pairwise, repeat
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.utils.validation import check_is_fitted

from framing.paths import PACKAGE_DIR
from framing.scorers import register_scorer
from framing.scorers.base import (
    LABELS,
    BaseScorer,
    as_targets,
    load_artefact,
    scores_from_proba,
)
from framing.text import straighten_curly_quotes

#: Folder of the shipped model artefacts.
MODELS_DIR = PACKAGE_DIR / "models"
#: The shipped classifier (``.npz``, see :meth:`TrainedSentimentScorer.save`).
DEFAULT_MODEL_PATH = MODELS_DIR / "newsmtsc_linear.npz"
#: The shipped static word vectors distilled from all-MiniLM-L6-v2 (``.npz``).
DEFAULT_WORD_VECTORS_PATH = MODELS_DIR / "minilm_word_vectors.npz"
#: Version of the artefact format written by :meth:`TrainedSentimentScorer.save`.
ARTEFACT_FORMAT = 1

# Tokens other than the n't of a contraction and the word before it.
_PLAIN_TOKENS = r"'[a-z]+|[a-z]+|\d+(?:[.,]\d+)*|[^\w\s]"
_TOKEN_RE = re.compile(r"[a-z]+(?=n't)|n't|" + _PLAIN_TOKENS, re.IGNORECASE)
# _TOKEN_RE without IGNORECASE, for text that is already lower-cased: about twice as
# fast, and the same tokens unless the text holds one of the four non-ASCII letters
# that an IGNORECASE [a-z] also matches (re docs); _mark_tokens checks for them.
_TOKEN_RE_LOWER = re.compile(_TOKEN_RE.pattern)
# _TOKEN_RE_LOWER less its two n't alternatives, for text without "n't": there they
# never match, so the tokens are the same, about a third faster (no lookahead tried
# at every letter of every word).
_TOKEN_RE_LOWER_PLAIN = re.compile(_PLAIN_TOKENS)
_IGNORECASE_EXTRA = re.compile("[\u0130\u0131\u017f\u212a]")
_DIGIT = re.compile(r"\d")  # a token starting with a digit is a \d+ number token
#: Tokens that open a negation scope; they are always kept as features.
NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "n't",
        "nor",
        "without",
        "neither",
        "nobody",
        "nothing",
        "none",
        "cannot",
        "hardly",
        "barely",
    }
)
# Tokens that close a negation scope (clause punctuation and contrast words).
_SCOPE_END = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "—", "–", '"', "but", "however"})
# Tokens that delimit the clause around the target (its local context).
_CLAUSE_END = frozenset(
    {
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "(",
        ")",
        "—",
        "–",
        "but",
        "however",
        "while",
        "whereas",
        "although",
        "though",
        "yet",
    }
)


#: Segments pooled per target: target, left, right, window, sentence, clause.
_N_SEGMENTS = 6
#: Segments whose word vectors are pooled: target, left, right, window, clause.
_N_EMBEDDED = 5
#: Targets featurised at once in predict_proba (~16 KB of dense features each).
_BLOCK_ROWS = 2048
#: Lexicon columns: (positive sum, negative sum, subjectivity sum) per segment.
_N_LEXICON = 3 * _N_SEGMENTS


def _clause(words, t0, t1):
    """Return (cs, ce): the clause around the target is ``words[cs:ce]``."""
    cs = t0
    while cs > 0 and words[cs - 1] not in _CLAUSE_END:
        cs -= 1
    ce = max(t1, t0 - 1) + 1
    while ce < len(words) and words[ce] not in _CLAUSE_END:
        ce += 1
    return cs, ce


def _target_rows(targets):
    """``(text, start, end)`` tuples of str and int of a table from :func:`as_targets`.

    The values that ``targets.itertuples(index=False)`` gives (Python str and int),
    from three column lists instead of a named tuple per row.
    """
    return list(zip(targets["text"].tolist(), targets["start"].tolist(),
                    targets["end"].tolist()))


def tokenize(text):
    """Split text into lowercase word and punctuation tokens with character offsets.

    Curly quotes and apostrophes are normalised first; contractions are split so that
    ``n't`` is its own token (``doesn't`` → ``does``, ``n't``), and possessive ``'s``
    is separated from the name (``Kyiv's`` → ``kyiv``, ``'s``).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    tokens : list of tuple (str, int, int)
        ``(token, start, end)`` with character offsets into `text`.
    """
    text = straighten_curly_quotes(text).lower()
    return [(m.group(), *m.span()) for m in _TOKEN_RE.finditer(text)]


def _mark_tokens(text, start, end):
    """Parse one target: marked tokens, words, target token range, negation flags.

    The text left of the span, the span and the text right of it are tokenised
    separately (so the target's tokens are exactly those of ``text[start:end]``).

    Returns ``(marked, words, t0, t1, tm, negated)``: `marked` is the token list with
    the target tokens replaced by one ``<t>``, numbers by ``<num>`` and tokens in a
    negation scope prefixed ``neg_``; `words` the plain tokens; ``words[t0:t1 + 1]``
    the target tokens (``t1 = t0 - 1`` when the span holds no token); `tm` the index
    of ``<t>`` in `marked` (equal to `t0`); `negated` a list of bool per word.
    """
    if text.isascii():  # nothing to normalise, and no letter that IGNORECASE adds
        norm, pattern = text.lower(), None
    else:
        norm = straighten_curly_quotes(text).lower()
        pattern = _TOKEN_RE if _IGNORECASE_EXTRA.search(norm) else None
    if pattern is None:
        pattern = _TOKEN_RE_LOWER if "n't" in norm else _TOKEN_RE_LOWER_PLAIN
    findall = pattern.findall
    left, target, right = findall(norm[:start]), findall(norm[start:end]), findall(norm[end:])
    words = left + target + right
    t0 = len(left)
    t1 = t0 + len(target) - 1
    n_words = len(words)
    negated = [False] * n_words
    if not NEGATORS.isdisjoint(words):
        # a negator opens a scope that runs to the next _SCOPE_END token; the tokens
        # in it, except negators, are negated
        j = 0
        for i, w in enumerate(words):
            if i < j or w not in NEGATORS or t0 <= i <= t1:  # target tokens open no scope
                continue
            j = i + 1
            while j < n_words and words[j] not in _SCOPE_END:
                if words[j] not in NEGATORS:
                    negated[j] = True
                j += 1
        marked = [
            ("neg_" if negated[i] else "") + ("<num>" if w[0].isdigit() else w)
            for i, w in enumerate(left)
        ]
        marked.append("<t>")
        base = t0 + len(target)
        marked += [
            ("neg_" if negated[base + i] else "") + ("<num>" if w[0].isdigit() else w)
            for i, w in enumerate(right)
        ]
        return marked, words, t0, t1, t0, negated
    if _DIGIT.search(norm) is None:  # no token starts with a digit (see _TOKEN_RE)
        return left + ["<t>"] + right, words, t0, t1, t0, negated
    marked = (
        ["<num>" if w[0].isdigit() else w for w in left]
        + ["<t>"]
        + ["<num>" if w[0].isdigit() else w for w in right]
    )
    return marked, words, t0, t1, t0, negated


@register_scorer
class TrainedSentimentScorer(BaseScorer):
    """Target-dependent sentiment from a linear model over n-grams and static embeddings.

    Each target (a character span inside a text) is featurised as (1) TF-IDF weighted
    n-grams of the sentence with the target replaced by ``<t>``, the tokens inside a
    negation scope prefixed ``neg_`` (negators such as ``not``, ``no``, ``never`` and
    ``n't`` are never dropped), and the tokens just left and right of the target
    marked by side; (2) mean-pooled static word vectors of the target, its left and
    right context, a window around it and the whole sentence; (3) pattern-lexicon
    (TextBlob) polarity and subjectivity sums over the same segments, with polarity
    flipped inside negation scopes. A multinomial logistic regression maps the
    features to probabilities of negative, neutral and positive.

    Parameters
    ----------
    model : {'default'} or str or os.PathLike or None, default='default'
        What :meth:`fit` does when called with ``y=None``: ``'default'`` loads the
        shipped model (:data:`DEFAULT_MODEL_PATH`), a path loads that artefact, and
        None makes ``y`` required.
    word_vectors : {'default'} or str or os.PathLike or None, default='default'
        Static word vectors used when training (``.npz`` with ``words`` and
        ``vectors``); None trains without embedding features.
    ngram_max : int, default=2
        Longest n-gram of the sentence tokens. Unit: tokens.
    window_tokens : int, default=4
        Tokens on each side of the target that form the window features. Unit: tokens.
    min_df : int, default=2
        Minimum number of training targets an n-gram must occur in.
    embedding_weight : float, default=0.03
        Multiplier on the standardised pooled word vectors, relative to the
        L2-normalised TF-IDF block (a smaller weight means stronger regularisation).
    lexicon_weight : float, default=1.0
        Multiplier on the standardised lexicon features.
    C : float, default=1.0
        Inverse regularisation strength of the logistic regression.
    class_weight : {'balanced'} or None, default='balanced'
        Passed to :class:`sklearn.linear_model.LogisticRegression`.
    random_state : int, default=0
        Seed of the logistic regression solver.

    Attributes
    ----------
    classes_ : numpy.ndarray of str, shape (3,)
        ``('negative', 'neutral', 'positive')``.
    vocabulary_ : dict of str to int
        N-gram feature → column.
    idf_ : numpy.ndarray of shape (n_ngrams,)
        Inverse document frequencies (smoothed, as in scikit-learn).
    word_index_ : dict of str to int
        Word → row of ``word_vectors_``.
    word_vectors_ : numpy.ndarray of shape (n_words, n_dims), float32
        Static word vectors (empty with ``word_vectors=None``).
    lexicon_ : dict of str to tuple (float, float)
        Word → (polarity in [-1, 1], subjectivity in [0, 1]).
    dense_mean_, dense_scale_ : numpy.ndarray of shape (n_dense,)
        Standardisation of the dense block.
    coef_ : numpy.ndarray of shape (3, n_features)
    intercept_ : numpy.ndarray of shape (3,)
    metadata_ : dict
        Training data, metrics and versions recorded in the artefact.

    See Also
    --------
    framing.train.train_default_scorer : Reproduce the shipped model.
    framing.evaluate.evaluate : Macro-F1 with bootstrap CI on a gold table.

    Notes
    -----
    Trained on NewsMTSC (Hamborg & Donnay, EACL 2021). Word vectors are distilled
    from all-MiniLM-L6-v2 (Reimers & Gurevych, EMNLP 2019; Wang et al., 2020) by
    averaging each word's contextual output over a news corpus; the lexicon is the
    pattern lexicon shipped with TextBlob (De Smedt & Daelemans, 2012). See
    ``src/framing/models/MODEL_CARD.md`` for data, metrics and throughput.

    ``polarity`` is ``p_positive - p_negative`` ∈ [-1, 1]; ``label`` is the most
    probable class. Scoring needs only numpy, scipy and the stored arrays.

    Examples
    --------
    >>> scorer = TrainedSentimentScorer()  # doctest: +SKIP
    >>> scorer.fit([])  # y=None: loads the shipped model  # doctest: +SKIP
    """

    name = "newsmtsc-linear"
    kind = "discrete"
    supported_languages = frozenset({"en"})
    version = "1"

    def __init__(
        self,
        *,
        model="default",
        word_vectors="default",
        ngram_max=2,
        window_tokens=4,
        min_df=2,
        embedding_weight=0.03,
        lexicon_weight=1.0,
        C=1.0,
        class_weight="balanced",
        random_state=0,
    ):
        self.model = model
        self.word_vectors = word_vectors
        self.ngram_max = ngram_max
        self.window_tokens = window_tokens
        self.min_df = min_df
        self.embedding_weight = embedding_weight
        self.lexicon_weight = lexicon_weight
        self.C = C
        self.class_weight = class_weight
        self.random_state = random_state

    # ------------------------------------------------------------------ public API

    @classmethod
    def load_default(cls):
        """Return the shipped model, fitted and ready to score (offline).

        Returns
        -------
        scorer : TrainedSentimentScorer
            Fitted from :data:`DEFAULT_MODEL_PATH`.

        Raises
        ------
        FileNotFoundError
            If the artefact is missing from the installed package.
        """
        return cls.load(DEFAULT_MODEL_PATH)

    @classmethod
    def load(cls, path):
        """Load a scorer saved with :meth:`save`.

        Parameters
        ----------
        path : str or os.PathLike
            An ``.npz`` artefact.

        Returns
        -------
        scorer : TrainedSentimentScorer
            A fitted scorer whose parameters are those it was trained with.

        Raises
        ------
        FileNotFoundError
            If `path` does not exist.
        ValueError
            If the artefact has an unknown format version.
        """
        scorer = cls()
        scorer._load_state(path)
        params = {
            k: v for k, v in scorer.metadata_.get("params", {}).items() if k in scorer.get_params()
        }
        params["model"] = str(path)
        scorer.set_params(**params)
        return scorer

    def fit(self, X, y=None):
        """Train on labelled targets, or load the model named by `model` when `y` is None.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`. Ignored (only checked)
            when `y` is None.
        y : array-like of str of shape (n_targets,) or None, default=None
            Labels in {'negative', 'neutral', 'positive'}.

        Returns
        -------
        self : TrainedSentimentScorer

        Raises
        ------
        TypeError
            If `X` is a single str.
        ValueError
            If `y` has a different length from `X`, contains an unknown label, or is
            None while ``model=None``.
        FileNotFoundError
            If `model` or `word_vectors` names a missing file.
        """
        targets = as_targets(X)
        if y is None:
            if self.model is None:
                raise ValueError(
                    "TrainedSentimentScorer.fit needs labels 'y' when model=None. Pass y, or "
                    "set model='default' to load the shipped model."
                )
            path = DEFAULT_MODEL_PATH if str(self.model) == "default" else Path(self.model)
            self._load_state(path)
            return self
        y = np.asarray(list(y), dtype=object)
        if len(y) != len(targets):
            raise ValueError(
                f"'y' must have one label per target: got {len(y)} labels for "
                f"{len(targets)} targets."
            )
        bad = sorted({str(v) for v in y if v not in LABELS})
        if bad:
            raise ValueError(
                f"Labels in 'y' must be one of {LABELS!r}. Got {bad[:5]!r}; map them first "
                "(e.g. with framing.datasets.load_gold)."
            )
        from sklearn.linear_model import LogisticRegression

        self._init_resources()
        parsed = [_mark_tokens(t, s, e) for t, s, e in _target_rows(targets)]
        grams = [self._ngrams(p) for p in parsed]
        df = {}
        for g in grams:
            for k in set(g):
                df[k] = df.get(k, 0) + 1
        kept = sorted(k for k, v in df.items() if v >= self.min_df)
        self.vocabulary_ = {k: i for i, k in enumerate(kept)}
        self._grams = None
        n = len(grams)
        self.idf_ = np.log((1 + n) / (1 + np.array([df[k] for k in kept], dtype=float))) + 1
        dense = self._dense(parsed)
        self.dense_mean_ = dense.mean(axis=0)
        scale = dense.std(axis=0)
        self.dense_scale_ = np.where(scale > 1e-9, scale, 1.0)
        features = sp.hstack([self._tfidf(grams), sp.csr_matrix(self._scale(dense))], format="csr")
        clf = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=2000,
            random_state=self.random_state,
        )
        clf.fit(features, y)
        order = [list(clf.classes_).index(c) for c in LABELS]
        self.classes_ = np.array(LABELS, dtype=object)
        self.coef_ = clf.coef_[order].astype(np.float32)
        self.intercept_ = clf.intercept_[order].astype(np.float32)
        self.metadata_ = {"params": _jsonable(self.get_params()), "n_train": int(n)}
        return self

    def score(self, X) -> pd.DataFrame:
        """Score the sentiment expressed toward each target.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`.

        Returns
        -------
        scores : pandas.DataFrame of shape (n_targets, 5)
            ``polarity`` (float in [-1, 1], ``p_positive - p_negative``), ``label``
            (str in {'negative', 'neutral', 'positive'}), ``p_negative``,
            ``p_neutral``, ``p_positive`` (floats in [0, 1] summing to 1). Index ``0..n-1``.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        TypeError
            If `X` is a single str.
        """
        check_is_fitted(self, "coef_")
        return scores_from_proba(self.predict_proba(X))

    def predict_proba(self, X):
        """Return class probabilities for each target.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`.

        Returns
        -------
        proba : numpy.ndarray of shape (n_targets, 3)
            Probabilities in ``LABELS`` order (negative, neutral, positive).

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        """
        check_is_fitted(self, "coef_")
        rows = _target_rows(as_targets(X))  # checked once, featurised in blocks
        coef = self.coef_.astype(np.float64)
        n_sparse = len(self.vocabulary_)
        logits = np.empty((len(rows), coef.shape[0]))
        for s in range(0, len(rows), _BLOCK_ROWS):  # bounds the dense block's memory
            tfidf, dense = self._featurize(rows[s : s + _BLOCK_ROWS])
            logits[s : s + _BLOCK_ROWS] = (
                np.asarray(tfidf @ coef[:, :n_sparse].T) + dense @ coef[:, n_sparse:].T
            )
        logits += self.intercept_
        logits -= logits.max(axis=1, keepdims=True)
        proba = np.exp(logits)
        proba /= proba.sum(axis=1, keepdims=True)
        return proba

    def transform(self, X):
        """Return the feature matrix of the targets (for inspection and tests).

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`.

        Returns
        -------
        features : scipy.sparse.csr_matrix of shape (n_targets, n_features)
            The L2-normalised TF-IDF n-gram block followed by the standardised
            dense block (embeddings and lexicon), weighted by `embedding_weight` and
            `lexicon_weight`.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        """
        check_is_fitted(self, "vocabulary_")
        tfidf, dense = self._features(X)
        return sp.hstack([tfidf, sp.csr_matrix(dense)], format="csr")

    def _features(self, X):
        """Return (TF-IDF csr matrix, scaled dense ndarray) for the targets."""
        return self._featurize(_target_rows(as_targets(X)))

    def _featurize(self, rows):
        """:meth:`_features` of checked ``(text, start, end)`` rows (:func:`_target_rows`)."""
        parsed = [_mark_tokens(t, s, e) for t, s, e in rows]
        clauses = [_clause(p[1], p[2], p[3]) for p in parsed]  # shared by both blocks
        counts = self._ngram_counts(parsed, clauses)
        return self._weight(counts), self._scale(self._dense(parsed, clauses))

    def save(self, path):
        """Write the fitted scorer to a single ``.npz`` file (no pickles).

        The file holds numpy arrays only: ``format`` (int, :data:`ARTEFACT_FORMAT`),
        ``metadata`` (JSON string with parameters, versions and metrics), ``ngrams``
        (str array) and ``idf``, ``lexicon_words`` and ``lexicon_values`` (float32,
        shape (n, 2)), ``dense_mean``, ``dense_scale``, ``coef`` and ``intercept``.
        Word vectors are *referenced* (by file name and SHA-256 in ``metadata``) when
        they are the shipped :data:`DEFAULT_WORD_VECTORS_PATH`, else embedded as
        ``words`` and ``word_vectors`` (float16). It loads with
        ``numpy.load(path, allow_pickle=False)``.

        Parameters
        ----------
        path : str or os.PathLike
            Output file; ``.npz`` is appended by numpy when missing.

        Returns
        -------
        path : pathlib.Path
            The file written.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        """
        check_is_fitted(self, "coef_")
        path = Path(path)
        ngrams = sorted(self.vocabulary_, key=self.vocabulary_.get)
        words = sorted(self.word_index_, key=self.word_index_.get)
        lex_words = sorted(self.lexicon_)
        meta = dict(self.metadata_)
        meta["params"] = _jsonable(self.get_params())
        meta["scorer_version"] = self.version
        meta["word_vectors"] = dict(self.word_vectors_ref_)
        if self.word_vectors_ref_.get("file") == "default":
            vectors = {}
        else:
            vectors = {
                "words": np.array(words, dtype=str),
                "word_vectors": self.word_vectors_.astype(np.float16),
            }
        np.savez_compressed(
            path,
            format=np.array(ARTEFACT_FORMAT),
            metadata=np.array(json.dumps(meta, sort_keys=True)),
            ngrams=np.array(ngrams, dtype=str),
            idf=self.idf_.astype(np.float32),
            **vectors,
            lexicon_words=np.array(lex_words, dtype=str),
            lexicon_values=np.array([self.lexicon_[w] for w in lex_words], np.float32).reshape(
                -1, 2
            ),
            dense_mean=self.dense_mean_.astype(np.float32),
            dense_scale=self.dense_scale_.astype(np.float32),
            coef=self.coef_.astype(np.float32),
            intercept=self.intercept_.astype(np.float32),
        )
        return path if path.suffix == ".npz" else path.with_suffix(path.suffix + ".npz")

    # ------------------------------------------------------------------ internals

    def _load_state(self, path):
        z, self.metadata_ = load_artefact(path, ARTEFACT_FORMAT,
                                          "run framing.train.train_default_scorer")
        self.vocabulary_ = {k: i for i, k in enumerate(z["ngrams"].tolist())}
        self._grams = None
        self.idf_ = z["idf"].astype(np.float64)
        if "words" in z:
            self.word_index_ = {k: i for i, k in enumerate(z["words"].tolist())}
            self.word_vectors_ = z["word_vectors"].astype(np.float32)
            self.word_vectors_ref_ = {"file": "embedded"}
        else:
            self._read_word_vectors("default", expected=self.metadata_.get("word_vectors"))
        self.lexicon_ = {
            w: (float(p), float(s))
            for w, (p, s) in zip(z["lexicon_words"].tolist(), z["lexicon_values"].tolist())
        }
        self.dense_mean_ = z["dense_mean"].astype(np.float64)
        self.dense_scale_ = z["dense_scale"].astype(np.float64)
        self.coef_ = z["coef"].astype(np.float32)
        self.intercept_ = z["intercept"].astype(np.float32)
        self.classes_ = np.array(LABELS, dtype=object)
        params = self.metadata_.get("params", {})
        # Featurisation parameters must match the artefact, not the constructor.
        self._ngram_max = int(params.get("ngram_max", self.ngram_max))
        self._window_tokens = int(params.get("window_tokens", self.window_tokens))
        self._weights = (
            float(params.get("embedding_weight", self.embedding_weight)),
            float(params.get("lexicon_weight", self.lexicon_weight)),
        )

    def _init_resources(self):
        self._ngram_max = int(self.ngram_max)
        self._window_tokens = int(self.window_tokens)
        self._weights = (float(self.embedding_weight), float(self.lexicon_weight))
        self.lexicon_ = load_lexicon()
        self._read_word_vectors(self.word_vectors)

    def _read_word_vectors(self, source, expected=None):
        """Set word_index_, word_vectors_ and word_vectors_ref_ from a vectors file."""
        if source is None:
            self.word_index_, self.word_vectors_ = {}, np.zeros((0, 0), np.float32)
            self.word_vectors_ref_ = {"file": "none"}
            return
        default = str(source) == "default"
        wv = DEFAULT_WORD_VECTORS_PATH if default else Path(source)
        if not wv.is_file():
            raise FileNotFoundError(
                f"Word-vector file {str(wv)!r} does not exist. Reinstall framing to restore "
                "the shipped vectors, pass word_vectors=None to train without embeddings, or "
                "build a file with framing.train.distill_word_vectors."
            )
        digest = hashlib.sha256(wv.read_bytes()).hexdigest()
        if expected and expected.get("sha256") not in (None, digest):
            raise ValueError(
                f"Word-vector file {str(wv)!r} has SHA-256 {digest[:12]!r}, but the model was "
                f"trained with {expected['sha256'][:12]!r}. Reinstall framing or retrain the "
                "model with framing.train.train_default_scorer."
            )
        with np.load(wv, allow_pickle=False) as z:
            self.word_index_ = {k: i for i, k in enumerate(z["words"].tolist())}
            self.word_vectors_ = z["vectors"].astype(np.float32)
        self.word_vectors_ref_ = {"file": "default" if default else str(wv), "sha256": digest}

    def _ngrams(self, parsed, clause=None):
        marked, words, t0, t1, tm, _ = parsed
        w = self._window_tokens
        # tokens outside the target's clause are prefixed "o:", so that sentiment
        # words about another actor ("... but condemned Moscow") count separately
        cs, ce = _clause(words, t0, t1) if clause is None else clause
        n_right = ce - (max(t1, t0 - 1) + 1)
        end = tm + 1 + n_right
        marked = ["o:" + x for x in marked[:cs]] + marked[cs:end] + ["o:" + x for x in marked[end:]]
        feats = list(marked)
        if self._ngram_max >= 2:
            feats += [a + " " + b for a, b in pairwise(marked)]
        for n in range(3, self._ngram_max + 1):
            feats += [" ".join(marked[i : i + n]) for i in range(len(marked) - n + 1)]
        feats += ["L:" + x for x in marked[max(0, tm - w) : tm]]
        feats += ["R:" + x for x in marked[tm + 1 : tm + 1 + w]]
        if tm + 1 < len(marked):
            feats.append("R1:" + marked[tm + 1])
        if tm > 0:
            feats.append("L1:" + marked[tm - 1])
        feats += ["T:" + x for x in words[t0 : t1 + 1]]
        if tm == 0:
            feats.append("<t_first>")
        if marked[:tm].count('"') % 2:
            feats.append("<t_in_quote>")
        return feats

    def _dense(self, parsed, clauses=None):
        """Pooled word vectors and lexicon sums for 5 segments per target.

        Segments: target, left context, right context, window (`window_tokens` on
        each side, target excluded), whole sentence, and the clause around the
        target (delimited by punctuation and contrast words such as "but"), target
        excluded. Word vectors are pooled over all but the sentence; lexicon sums
        over all six. Returns an array of shape (n_targets, 5 * n_dims + 18).

        The tokens of all targets are laid end to end and each segment is a boolean
        mask over them, so the work is a few numpy passes rather than Python loops
        per target. Sums are accumulated in token order within each target (the
        pooling matrix stores a segment's tokens in order, ``np.add.at`` applies
        the lexicon hits in order), so the values are bitwise those of a loop.
        """
        n_seg, w = _N_SEGMENTS, self._window_tokens
        n = len(parsed)
        d = self.word_vectors_.shape[1] if self.word_vectors_.size else 0
        lex = np.zeros((n, n_seg * 3))
        words_flat = list(chain.from_iterable(p[1] for p in parsed))
        # dictionary lookups once per distinct word, not per token
        codes, uniques = pd.factorize(np.array(words_flat, dtype=object))
        uniques = uniques.tolist()
        lengths = np.fromiter((len(p[1]) for p in parsed), np.int64, n)
        t0 = np.fromiter((p[2] for p in parsed), np.int64, n)
        t1c = np.maximum(np.fromiter((p[3] for p in parsed), np.int64, n), t0 - 1)
        if clauses is None:
            clauses = [_clause(p[1], p[2], p[3]) for p in parsed]
        cs = np.fromiter((c[0] for c in clauses), np.int64, n)
        ce = np.fromiter((c[1] for c in clauses), np.int64, n)
        row = np.repeat(np.arange(n), lengths)
        pos = np.arange(len(words_flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        p_t0, p_t1, p_cs, p_ce = t0[row], t1c[row], cs[row], ce[row]
        in_target = (pos >= p_t0) & (pos <= p_t1)
        left, right = pos < p_t0, pos > p_t1
        window = (left & (pos >= p_t0 - w)) | (right & (pos <= p_t1 + w))
        clause = (pos >= p_cs) & (pos < p_ce)

        lexicon_get = self.lexicon_.get
        entries = [lexicon_get(x) for x in uniques]
        in_lexicon = np.fromiter((e is not None for e in entries), bool, len(entries))
        hits = np.flatnonzero(in_lexicon[codes]) if len(codes) else np.zeros(0, np.int64)
        if hits.size:
            table = np.array([e if e is not None else (0.0, 0.0) for e in entries], np.float64)
            values = table[codes[hits]]
            negated = np.array(list(chain.from_iterable(p[5] for p in parsed)), dtype=bool)
            pol = values[:, 0] * np.where(negated[hits], -0.5, 1.0)
            subj = values[:, 1]
            h_row = row[hits]
            cells, adds = [], []
            everywhere = np.ones(hits.size, dtype=bool)
            lex_segments = (in_target, left, right, window, None, clause)
            for k, mask in enumerate(lex_segments):
                m = everywhere if mask is None else mask[hits]
                r, pk = h_row[m], pol[m]
                pos_hit, neg_hit = pk > 0, pk < 0
                cells += [r[pos_hit] * (n_seg * 3) + k * 3, r[neg_hit] * (n_seg * 3) + k * 3 + 1,
                          r * (n_seg * 3) + k * 3 + 2]
                adds += [pk[pos_hit], -pk[neg_hit], subj[m]]
            # np.add.at applies repeated cells in order: hits are in token order
            np.add.at(lex.reshape(-1), np.concatenate(cells), np.concatenate(adds))
        if not d:
            return lex
        index_get = self.word_index_.get
        ids = np.fromiter((index_get(x, -1) for x in uniques), np.int64, len(uniques))
        ids = ids[codes] if len(codes) else np.zeros(0, np.int64)
        valid = ids >= 0
        emb_segments = (in_target, left, right, window, clause & ~in_target)
        tokens = [np.flatnonzero(mask & valid) for mask in emb_segments]
        pool_row = np.concatenate(
            [row[j] * _N_EMBEDDED + k for k, j in enumerate(tokens)]
        )
        tokens = np.concatenate(tokens)
        order = np.argsort(pool_row, kind="stable")  # each pooled row: its tokens in order
        pool_row, tokens = pool_row[order], tokens[order]
        counts = np.bincount(pool_row, minlength=n * _N_EMBEDDED)
        indptr = np.concatenate([[0], np.cumsum(counts)])
        pool = sp.csr_matrix(
            (1.0 / counts[pool_row], ids[tokens].astype(np.int32), indptr),
            shape=(n * _N_EMBEDDED, self.word_vectors_.shape[0]),
        )
        out = np.empty((n, _N_EMBEDDED * d + lex.shape[1]))  # float64, as np.hstack gave
        emb = np.asarray(pool @ self.word_vectors_)
        out[:, : _N_EMBEDDED * d] = emb.reshape(n, _N_EMBEDDED * d)
        out[:, _N_EMBEDDED * d :] = lex
        return out

    def _scale(self, dense):
        weights = np.full(dense.shape[1], self._weights[1])
        weights[: dense.shape[1] - _N_LEXICON] = self._weights[0]  # last columns: lexicon
        out = dense - self.dense_mean_  # in place from here: same operations, less memory
        out /= self.dense_scale_
        out *= weights
        return out

    def _tfidf(self, grams):
        """L2-normalised TF-IDF rows of n-gram lists (the training path)."""
        get = self.vocabulary_.get
        indptr, indices = [0], []
        for g in grams:
            ids = [j for j in map(get, g) if j is not None]
            indices.extend(ids)
            indptr.append(len(indices))
        counts = sp.csr_matrix(
            (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(grams), len(self.vocabulary_)),
        )
        return self._weight(counts)

    def _weight(self, counts):
        """Turn a csr matrix of n-gram counts into L2-normalised TF-IDF rows (in place)."""
        tfidf = counts
        tfidf.sum_duplicates()
        tfidf.data *= self.idf_[tfidf.indices]
        n = tfidf.shape[0]
        norms = np.sqrt(
            np.bincount(
                np.repeat(np.arange(n), np.diff(tfidf.indptr)),
                weights=tfidf.data**2,
                minlength=n,
            )
        )
        tfidf.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(tfidf.indptr))
        return tfidf

    def _ngram_counts(self, parsed, clauses):
        """Count the vocabulary n-grams of every target on flat token arrays.

        Gives the counts of ``_tfidf([self._ngrams(p, c) ...])`` before weighting,
        as a csr matrix of shape (n_targets, n_ngrams), without building a string
        per feature: the marked tokens of all targets are laid end to end, each is
        looked up once in a table of the vocabulary columns of all its forms (plain,
        ``o:``, ``L:`` ..., :func:`_form_table`), and n-grams are looked up as chains
        of token numbers in sorted tables (:func:`_gram_tables`).
        """
        n, w, vocab = len(parsed), self._window_tokens, self.vocabulary_
        get = vocab.get
        if getattr(self, "_grams", None) is None:  # reset by fit and load
            part_id, n_parts, levels = _gram_tables(vocab)
            self._grams = (n_parts, levels, *_form_table(vocab, part_id))
        n_parts, levels, form_row, form_cols = self._grams
        unknown = len(form_row)  # the last row of form_cols: -1 everywhere
        # marked tokens: row, position m, the target's index tm and the "o:" flag
        len_m = np.fromiter((len(p[0]) for p in parsed), np.int64, n)
        tm_of = np.fromiter((p[4] for p in parsed), np.int64, n)
        form = np.fromiter(map(form_row.get, chain.from_iterable(p[0] for p in parsed),
                               repeat(unknown)), np.int64, int(len_m.sum()))
        row = np.repeat(np.arange(n), len_m)
        pos = np.arange(len(form)) - np.repeat(np.cumsum(len_m) - len_m, len_m)
        tm = tm_of[row]
        t1c = np.fromiter((max(p[3], p[2] - 1) for p in parsed), np.int64, n)
        cs = np.fromiter((c[0] for c in clauses), np.int64, n)
        end = tm_of + 1 + np.fromiter((c[1] for c in clauses), np.int64, n) - (t1c + 1)
        outside = (pos < cs[row]) | (pos >= end[row])  # prefixed "o:"
        o = outside.astype(np.intp)  # column k + o: prefix _FORM_KEYS[k], then its "o:" form

        rows, cols = [row], [form_cols[form, o]]
        windows = ((2, (pos >= tm - w) & (pos < tm)), (4, (pos > tm) & (pos <= tm + w)),
                   (6, pos == tm + 1), (8, pos == tm - 1))  # L:, R:, R1:, L1:
        for k, mask in windows:
            rows.append(row[mask])
            cols.append(form_cols[form[mask], k + o[mask]])
        # n-grams: chains of part numbers through the tables of each length
        part = form_cols[form, len(_FORM_KEYS) + o]
        prefix_id, last = part, len(part)
        for k, (keys, next_id, col) in enumerate(levels, start=2):
            last -= 1  # n-grams of length k start at flat positions with k - 1 tokens after them
            same_row = pos[:last] + (k - 1) < len_m[row[:last]]
            nxt = part[k - 1 :]
            query = prefix_id[:last] * n_parts + nxt[:last]
            ok = same_row & (prefix_id[:last] >= 0) & (nxt[:last] >= 0)
            at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
            ok &= keys[at] == query
            rows.append(row[:last][ok])
            cols.append(col[at[ok]])
            prefix_id = np.where(ok, next_id[at], -1)
        # target words, first-position and inside-quotes flags
        n_target = np.fromiter((max(p[3] - p[2] + 1, 0) for p in parsed), np.int64, n)
        words = chain.from_iterable(p[1][p[2] : p[3] + 1] for p in parsed)
        rows.append(np.repeat(np.arange(n), n_target))
        cols.append(form_cols[np.fromiter(map(form_row.get, words, repeat(unknown)), np.int64,
                                          int(n_target.sum())), _FORM_KEYS.index("T:")])
        is_first = np.flatnonzero(tm_of == 0)
        rows.append(is_first)
        cols.append(np.full(len(is_first), get("<t_first>", -1)))
        is_quote = form == form_row['"']  # _form_table always holds '"'
        quotes = np.bincount(row[is_quote & ~outside & (pos < tm)], minlength=n)
        in_quote = np.flatnonzero(quotes % 2 == 1)
        rows.append(in_quote)
        cols.append(np.full(len(in_quote), get("<t_in_quote>", -1)))
        rows, cols = np.concatenate(rows), np.concatenate(cols)
        keep = cols >= 0
        return sp.csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])),
                             shape=(n, len(vocab)))


def _gram_tables(vocabulary):
    """Index the multi-token n-grams of a vocabulary for :meth:`_ngram_counts`.

    Returns ``(part_id, n_parts, levels)``: `part_id` numbers every token form that
    occurs in an n-gram; ``levels[k - 2]`` is ``(keys, next_id, col)`` for the
    n-gram prefixes of length k, sorted by ``key = id of the first k - 1 tokens *
    n_parts + part id of token k``, with the prefix's own id and its vocabulary
    column (-1 when the prefix is not itself a feature).
    """
    grams = [(key.split(" "), col) for key, col in vocabulary.items() if " " in key]
    part_id: dict[str, int] = {}
    for parts, _ in grams:
        for x in parts:
            part_id.setdefault(x, len(part_id))
    n_parts = max(len(part_id), 1)
    cols = {tuple(parts): col for parts, col in grams}
    ids = {(x,): i for x, i in part_id.items()}
    levels = []
    for k in range(2, max((len(parts) for parts, _ in grams), default=1) + 1):
        prefixes: dict[tuple, int] = {}
        for parts, _ in grams:
            if len(parts) >= k:
                prefixes.setdefault(tuple(parts[:k]), len(prefixes))
        keys = np.array([ids[t[:-1]] * n_parts + part_id[t[-1]] for t in prefixes], np.int64)
        next_id = np.fromiter(prefixes.values(), np.int64, len(prefixes))
        col = np.array([cols.get(t, -1) for t in prefixes], np.int64)
        order = np.argsort(keys)
        levels.append((keys[order], next_id[order], col[order]))
        ids = prefixes
    return part_id, n_parts, levels


#: Prefixes of the one-token features that :meth:`_ngram_counts` looks up: the plain
#: token and its window forms (``L:``, ``R:``, ``R1:``, ``L1:``), each without and
#: with the ``o:`` of a token outside the target's clause, then target words (``T:``).
_FORM_KEYS = ("", "o:", "L:", "L:o:", "R:", "R:o:", "R1:", "R1:o:", "L1:", "L1:o:", "T:")


def _form_table(vocabulary, part_id):
    """Index the vocabulary columns of every form of a token, for :meth:`_ngram_counts`.

    Returns ``(form_row, form_cols)``: for a token ``f`` without whitespace (as
    every token of :func:`_mark_tokens` is) in `form_row`, ``form_cols[form_row[f]]``
    holds ``vocabulary.get(prefix + f, -1)`` for each prefix of :data:`_FORM_KEYS`,
    then ``part_id.get(f, -1)`` and ``part_id.get("o:" + f, -1)`` (`part_id` from
    :func:`_gram_tables`). The last row is -1 everywhere: it is the row of every
    token missing from `form_row`, and exactly so, since a key ``prefix + f`` of
    either dict puts ``f`` (the key less the prefix) into `form_row`. Keys holding
    a space (n-grams) are left out: no token reaches them, since the alternatives
    of the token pattern match no whitespace and the marks (``<t>``, ``<num>``,
    ``neg_``) hold none. One dict lookup per token then replaces a string and a
    lookup per prefix. `form_row` always holds ``'"'``.
    """
    form_row = {'"': 0}
    cells = []  # (row, column, value): each key fills the cell of each prefix it starts with
    for first, keys, prefixes in ((0, vocabulary, _FORM_KEYS),
                                  (len(_FORM_KEYS), part_id, ("", "o:"))):
        for key, value in keys.items():
            if " " in key:
                continue
            cells.append((form_row.setdefault(key, len(form_row)), first, value))
            if ":" in key[:5]:  # every other prefix holds a ":" in its first 5 characters
                for k, prefix in enumerate(prefixes[1:], start=first + 1):
                    if key.startswith(prefix):
                        f = key[len(prefix) :]
                        cells.append((form_row.setdefault(f, len(form_row)), k, value))
    form_cols = np.full((len(form_row) + 1, len(_FORM_KEYS) + 2), -1, dtype=np.int64)
    rows, cols, values = np.array(cells, dtype=np.int64).reshape(-1, 3).T
    form_cols[rows, cols] = values  # one key per (form, prefix): no cell is set twice
    return form_row, form_cols


def load_lexicon():
    """Return TextBlob's pattern lexicon as ``word -> (polarity, subjectivity)``.

    Returns
    -------
    lexicon : dict of str to tuple (float, float)
        Polarity in [-1, 1], subjectivity in [0, 1], for ~2,900 English words
        (De Smedt & Daelemans, 2012), lowercased.
    """
    from textblob.en import sentiment

    out = {}
    for word in sentiment:
        entry = sentiment[word].get(None)
        if entry and " " not in word:
            out[word.lower()] = (float(entry[0]), float(entry[1]))
    return out


def _jsonable(params):
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in params.items()}


__all__ = ["DEFAULT_MODEL_PATH", "NEGATORS", "TrainedSentimentScorer", "load_lexicon", "tokenize"]
