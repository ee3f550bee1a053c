"""Multilingual target-dependent sentiment (en, ru, uk) from hashed n-grams, numpy speed.

:class:`MultilingualLinearScorer` ("multilingual-linear") marks the target inside its
sentence, hashes word n-grams, side-marked window words and character n-grams (which
carry Russian and Ukrainian inflection), adds one indicator per training language, and
applies a multinomial logistic regression trained jointly on RuSentNE-2023 (Russian)
and NewsMTSC (English). Probabilities are calibrated per language on out-of-fold
predictions, so that ``p_positive = 0.3`` means the same in every training language.

:class:`RoutedScorer` ("routed") sends English targets to the fast English model and
the others to the multilingual one.

>>> from framing.scorers.multilingual import MultilingualLinearScorer
>>> scorer = MultilingualLinearScorer().fit([])  # loads the shipped model  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils.validation import check_is_fitted

from framing.paths import PACKAGE_DIR
from framing.scorers import register_scorer
from framing.scorers.base import LABELS, BaseScorer, as_targets, load_artefact

#: The shipped multilingual model (``.npz`` of numpy arrays, see :meth:`MultilingualLinearScorer.save`).
DEFAULT_MULTILINGUAL_MODEL_PATH = PACKAGE_DIR / "models" / "multilingual_linear.npz"
#: Version of the artefact layout written by :meth:`MultilingualLinearScorer.save`.
MULTILINGUAL_ARTEFACT_FORMAT = 1
#: Languages the shipped model was validated on (see its model card): en and ru by
#: cross-validation / dev sets, uk on a small hand-written set only.
MULTILINGUAL_LANGUAGES = frozenset({"en", "ru", "uk"})

_WORD_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
#: Fewest training targets for which :meth:`MultilingualLinearScorer.fit` calibrates
#: (fewer: identity calibration), and fewest per language for a language's own calibration.
_MIN_CALIBRATION = 100
#: Marker that replaces the target in the marked sentence.
_TARGET = "\u2038"  # CARET, a character that never appears in news text


def _normalise(text):
    """Lower-case, NFC, ``ё`` → ``е`` and straight apostrophes (Ukrainian ʼ/’ → ')."""
    text = unicodedata.normalize("NFC", text).lower()
    return text.replace("ё", "е").replace("\u2019", "'").replace("\u02bc", "'")


def script_language(text):
    """Guess a language group from the script alone: ``'cyrl'`` or ``'latn'``.

    Used only when a targets table has no ``language`` column.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    group : {'cyrl', 'latn'}
        ``'cyrl'`` when the text holds a Cyrillic letter, else ``'latn'``.
    """
    return "cyrl" if _CYRILLIC_RE.search(text) else "latn"


def target_languages(X, n):
    """Return the ``language`` column of a targets table, or None values.

    Parameters
    ----------
    X : pandas.DataFrame or iterable of str
        Scorer input (see :func:`framing.scorers.as_targets`).
    n : int
        Number of targets.

    Returns
    -------
    languages : numpy.ndarray of object, shape (n,)
        ISO 639-1 codes as given (str), None where the column is absent or missing.
    """
    if isinstance(X, pd.DataFrame) and "language" in X.columns:
        values = X["language"].astype(object).to_numpy()
        return np.array([v if isinstance(v, str) and v else None for v in values], dtype=object)
    return np.full(n, None, dtype=object)


def target_features(text, start, end, *, word_ngram_max=2, window_tokens=3, char_min=2,
                    char_max=5):
    """Turn one target into word-level and character-level feature strings.

    Parameters
    ----------
    text : str
        The sentence (or window) holding the target.
    start, end : int
        Character span of the target in `text`.
    word_ngram_max : int, default=2
        Longest word n-gram of the marked sentence. Unit: tokens.
    window_tokens : int, default=3
        Tokens on each side of the target kept as side-marked window features. Unit: tokens.
    char_min, char_max : int, default=2, 5
        Character n-gram lengths, taken inside each word of the target's window
        (padded with spaces, as scikit-learn's ``char_wb``).

    Returns
    -------
    words : list of str
        ``w:`` n-grams of the marked sentence (target replaced by one marker token),
        ``L1:``/``R1:`` … side- and distance-marked window words, ``T:`` target words.
    chars : list of str
        Character n-grams of the window words (``l``/``r`` prefix for the side) and of
        the marked sentence with the target as one marker character.
    """
    norm = _normalise(text)
    left = _WORD_RE.findall(norm[:start])
    target = _WORD_RE.findall(norm[start:end])
    right = _WORD_RE.findall(norm[end:])
    marked = left + [_TARGET] + right
    words = []
    for n in range(1, word_ngram_max + 1):
        words += ["w:" + " ".join(marked[i : i + n]) for i in range(len(marked) - n + 1)]
    lw = left[::-1][:window_tokens]
    rw = right[:window_tokens]
    words += [f"L{i + 1}:{w}" for i, w in enumerate(lw)]
    words += [f"R{i + 1}:{w}" for i, w in enumerate(rw)]
    words += ["T:" + w for w in target]
    chars = []
    for side, seq in (("l", lw), ("r", rw)):
        for w in seq:
            padded = f" {w} "
            chars += [
                side + padded[i : i + n]
                for n in range(char_min, char_max + 1)
                for i in range(len(padded) - n + 1)
            ]
    for w in marked:
        if len(w) < 3:
            continue
        padded = f" {w} "
        chars += [
            padded[i : i + n]
            for n in range(max(char_min, 3), char_max + 1)
            for i in range(len(padded) - n + 1)
        ]
    return words, chars


def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_vector_scaling(logits, y):
    """Fit a temperature and class biases that minimise the log loss of `logits`.

    Parameters
    ----------
    logits : numpy.ndarray of shape (n, 3)
        Out-of-fold decision values in ``LABELS`` order.
    y : numpy.ndarray of int, shape (n,)
        Gold class indices into ``LABELS``.

    Returns
    -------
    params : numpy.ndarray of shape (4,)
        ``[temperature, bias_negative, bias_neutral, bias_positive]``; calibrated
        probabilities are ``softmax(logits / temperature + bias)`` (neutral bias 0).
    """
    from scipy.optimize import minimize

    y = np.asarray(y, dtype=int)

    def loss(theta):
        t, bn, bp = np.exp(theta[0]), theta[1], theta[2]
        z = logits / t + np.array([bn, 0.0, bp])
        z = z - z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean())

    res = minimize(loss, np.zeros(3), method="Nelder-Mead", options={"xatol": 1e-4,
                                                                      "fatol": 1e-7})
    t, bn, bp = res.x
    return np.array([np.exp(t), bn, 0.0, bp])


@register_scorer
class MultilingualLinearScorer(BaseScorer):
    """Target-dependent sentiment in English, Russian and Ukrainian from a linear model.

    Each target (a character span inside a text) becomes (1) word 1–2-grams of the
    sentence with the target replaced by one marker token, the words left and right of
    the target marked by side and distance, and the target's own words; (2) character
    2–5-grams of the window words and 3–5-grams of every word of the sentence (they
    match inflected forms: ``Киев``/``Киева``, ``Україна``/``України``); both blocks are
    hashed (no vocabulary to store), weighted by smoothed idf, L2-normalised; (3) one
    indicator per training language, so each language has its own intercepts (RuSentNE
    is 72% neutral, NewsMTSC 35%). A multinomial logistic regression with balanced class
    weights (balanced within each language) maps them to three classes; probabilities are then calibrated per language
    (temperature and class biases fitted on out-of-fold predictions).

    Parameters
    ----------
    model : {'default'} or str or os.PathLike or None, default='default'
        What :meth:`fit` does with ``y=None``: ``'default'`` loads the shipped model
        (:data:`DEFAULT_MULTILINGUAL_MODEL_PATH`), a path loads that artefact, None makes
        ``y`` required.
    word_ngram_max : int, default=2
        Longest word n-gram. Unit: tokens.
    window_tokens : int, default=3
        Side-marked window on each side of the target. Unit: tokens.
    char_ngram_max : int, default=5
        Longest character n-gram (the shortest is 2 in the window, 3 elsewhere).
    n_features : int, default=2**18
        Hash buckets per block (word, char).
    char_weight : float, default=1.0
        Weight of the character block relative to the word block.
    language_weight : float, default=1.0
        Value of the language indicator features (larger = weaker regularisation of
        the per-language intercepts); 0 drops them.
    C : float, default=2.0
        Inverse regularisation strength of the logistic regression.
    class_weight : {'balanced'} or None, default='balanced'
        ``'balanced'`` weights each training target by ``n_language / (3 *
        n_language_class)``, so that the three classes weigh the same *within each
        language* (a pooled weighting would leave RuSentNE's neutral majority intact).
    calibrate : bool, default=True
        Fit per-language calibration on ``calibration_folds``-fold out-of-fold predictions
        (skipped, i.e. identity, with fewer than 100 training targets; a language with
        fewer than 100 targets uses the pooled calibration).
    calibration_folds : int, default=3
        Folds of the internal cross-validation used for calibration.
    decision : {'balanced', 'argmax'}, default='balanced'
        How ``label`` follows from the calibrated probabilities: ``'argmax'`` takes the
        most probable class; ``'balanced'`` divides each probability by the class's
        share among the language's training targets first (the Bayes rule for balanced
        errors, which macro-F1 and F1_PN reward; languages not seen in training use
        the pooled shares ``'*'``).
    random_state : int, default=0
        Seed of the solver and the calibration folds.

    Attributes
    ----------
    coef_ : numpy.ndarray of shape (3, n_columns), float32
    intercept_ : numpy.ndarray of shape (3,)
    idf_ : numpy.ndarray of shape (2 * n_features,), float32
        Smoothed idf per hash bucket (word block, then char block).
    languages_ : tuple of str
        Training languages, in the order of the indicator columns.
    calibration_ : dict of str to numpy.ndarray of shape (4,)
        Per training language: temperature and class biases (see
        :func:`fit_vector_scaling`); key ``'*'`` for all other languages.
    priors_ : dict of str to numpy.ndarray of shape (3,)
        Per training language (and ``'*'``): class shares of its training targets.
    metadata_ : dict
        Parameters, training data and metrics recorded in the artefact.

    See Also
    --------
    RoutedScorer : English targets to ``newsmtsc-linear``, the rest to this scorer.
    framing.train.train_multilingual_scorer : Reproduce the shipped model.

    Notes
    -----
    Trained on RuSentNE-2023 train (Golubev, Rusnachenko & Loukachevitch, Dialogue 2023;
    MIT) and NewsMTSC train (Hamborg & Donnay, EACL 2021). A targets table may carry a
    ``language`` column (ISO 639-1); without it the language intercepts and calibration
    of ``ru`` apply to Cyrillic text and those of ``en`` to other text. Languages not
    seen in training (``uk``) get no indicator and the pooled calibration ``'*'``.
    See ``src/framing/models/MULTILINGUAL_MODEL_CARD.md``.

    Examples
    --------
    >>> import pandas as pd
    >>> scorer = MultilingualLinearScorer().fit([])  # doctest: +SKIP
    >>> s = "Кремль осудил Киев за сделку с Вашингтоном."
    >>> X = pd.DataFrame({"text": [s], "start": [14], "end": [18], "language": ["ru"]})
    >>> scorer.score(X)["label"].tolist()  # doctest: +SKIP
    ['negative']
    """

    name = "multilingual-linear"
    kind = "discrete"
    supported_languages = MULTILINGUAL_LANGUAGES
    version = "1"

    def __init__(
        self,
        *,
        model="default",
        word_ngram_max=2,
        window_tokens=3,
        char_ngram_max=5,
        n_features=2**18,
        char_weight=1.0,
        language_weight=1.0,
        C=2.0,
        class_weight="balanced",
        calibrate=True,
        calibration_folds=3,
        decision="balanced",
        random_state=0,
    ):
        self.model = model
        self.word_ngram_max = word_ngram_max
        self.window_tokens = window_tokens
        self.char_ngram_max = char_ngram_max
        self.n_features = n_features
        self.char_weight = char_weight
        self.language_weight = language_weight
        self.C = C
        self.class_weight = class_weight
        self.calibrate = calibrate
        self.calibration_folds = calibration_folds
        self.decision = decision
        self.random_state = random_state

    # ------------------------------------------------------------------ public API

    @classmethod
    def load(cls, path=DEFAULT_MULTILINGUAL_MODEL_PATH):
        """Load a scorer saved with :meth:`save` (default: the shipped model).

        Parameters
        ----------
        path : str or os.PathLike
            An ``.npz`` artefact.

        Returns
        -------
        scorer : MultilingualLinearScorer
            Fitted, with the parameters it was trained with.

        Raises
        ------
        FileNotFoundError
            If `path` does not exist.
        ValueError
            If the artefact has an unknown format version.
        """
        scorer = cls()
        scorer._load_state(path)
        params = {k: v for k, v in scorer.metadata_["params"].items() if k in scorer.get_params()}
        params["model"] = str(path)
        return scorer.set_params(**params)

    def fit(self, X, y=None):
        """Train on labelled targets, or load the model named by `model` when `y` is None.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets (see :func:`framing.scorers.as_targets`), optionally with a
            ``language`` column (ISO 639-1). Only checked when `y` is None.
        y : array-like of str of shape (n_targets,) or None, default=None
            Labels in {'negative', 'neutral', 'positive'}.

        Returns
        -------
        self : MultilingualLinearScorer

        Raises
        ------
        TypeError
            If `X` is a single str.
        ValueError
            If `y` has the wrong length or an unknown label, or is None while
            ``model=None``.
        FileNotFoundError
            If `model` names a missing file.
        """
        targets = as_targets(X)
        if y is None:
            if self.model is None:
                raise ValueError(
                    "MultilingualLinearScorer.fit needs labels 'y' when model=None. Pass y, "
                    "or set model='default' to load the shipped model."
                )
            path = (
                DEFAULT_MULTILINGUAL_MODEL_PATH if str(self.model) == "default" else Path(self.model)
            )
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
        yi = np.array([LABELS.index(v) for v in y])
        lang = self._languages(X, targets)
        self.languages_ = tuple(sorted({v for v in lang if v is not None}))
        counts = self._hashed(targets)
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        self.idf_ = (np.log((1 + len(targets)) / (1 + df)) + 1).astype(np.float32)
        features = self._weighted(counts, lang)
        coef, intercept = self._fit_lr(features, yi, lang)
        self.coef_, self.intercept_ = coef, intercept
        self.priors_ = {"*": np.bincount(yi, minlength=3) / len(yi)}
        for lg in self.languages_:
            self.priors_[lg] = np.bincount(yi[lang == lg], minlength=3) / max((lang == lg).sum(), 1)
        identity = np.array([1.0, 0.0, 0.0, 0.0])
        self.calibration_ = {"*": identity, **{lg: identity for lg in self.languages_}}
        if self.calibrate and len(yi) >= _MIN_CALIBRATION:
            oof = self._out_of_fold_logits(features, yi, lang)
            self.calibration_["*"] = fit_vector_scaling(oof, yi)
            for lg in self.languages_:
                mask = lang == lg
                if mask.sum() >= _MIN_CALIBRATION:
                    self.calibration_[lg] = fit_vector_scaling(oof[mask], yi[mask])
        self.metadata_ = {"params": _jsonable(self.get_params()), "n_train": len(yi),
                          "n_train_by_language": {lg: int((lang == lg).sum())
                                                  for lg in self.languages_}}
        return self

    def score(self, X) -> pd.DataFrame:
        """Score the sentiment expressed toward each target.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, see :func:`framing.scorers.as_targets`; an optional ``language``
            column selects the language intercepts and calibration.

        Returns
        -------
        scores : pandas.DataFrame of shape (n_targets, 5)
            ``polarity`` (float in [-1, 1], ``p_positive - p_negative``), ``label`` (str
            in {'negative', 'neutral', 'positive'}, see the `decision` parameter),
            ``p_negative``, ``p_neutral``, ``p_positive`` (calibrated, summing to 1).
            Index ``0..n-1``.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        TypeError
            If `X` is a single str.
        """
        check_is_fitted(self, "coef_")
        targets = as_targets(X)
        lang = self._languages(X, targets)
        proba = self._calibrated(self.decision_function(X), lang)
        pick = self._decide(proba, lang)
        label = np.asarray(LABELS, dtype=object)[pick] if len(pick) else np.array([], object)
        return pd.DataFrame(
            {
                "polarity": np.clip(proba[:, 2] - proba[:, 0], -1.0, 1.0),
                "label": pd.Series(label, dtype=object),
                "p_negative": proba[:, 0],
                "p_neutral": proba[:, 1],
                "p_positive": proba[:, 2],
            }
        )

    def decision_function(self, X):
        """Return the uncalibrated logits of the logistic regression.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, with an optional ``language`` column.

        Returns
        -------
        logits : numpy.ndarray of shape (n_targets, 3)
            In ``LABELS`` order.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        """
        check_is_fitted(self, "coef_")
        targets = as_targets(X)
        lang = self._languages(X, targets)
        features = self._weighted(self._hashed(targets), lang)
        return np.asarray(features @ self.coef_.T.astype(np.float64)) + self.intercept_

    def save(self, path):
        """Write the fitted scorer to one ``.npz`` of numpy arrays (no pickles).

        Arrays: ``format`` (int), ``metadata`` (JSON: parameters, languages,
        calibration, priors, training data, metrics), ``idf`` (float16), ``coef``
        (float16, shape (3, n_columns)), ``intercept`` (float64).

        Parameters
        ----------
        path : str or os.PathLike
            Output file (``.npz``).

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
        meta = dict(self.metadata_)
        meta.update(
            {
                "params": _jsonable(self.get_params()),
                "languages": list(self.languages_),
                "calibration": {k: v.tolist() for k, v in self.calibration_.items()},
                "priors": {k: v.tolist() for k, v in self.priors_.items()},
                "scorer_version": self.version,
            }
        )
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            format=np.array(MULTILINGUAL_ARTEFACT_FORMAT),
            metadata=np.array(json.dumps(meta, sort_keys=True)),
            idf=self.idf_.astype(np.float16),
            coef=self.coef_.astype(np.float16),
            intercept=self.intercept_.astype(np.float64),
        )
        return path if path.suffix == ".npz" else path.with_suffix(path.suffix + ".npz")

    # ------------------------------------------------------------------ internals

    def _load_state(self, path):
        z, meta = load_artefact(path, MULTILINGUAL_ARTEFACT_FORMAT,
                                "run 'framing train --model multilingual-linear --out DIR'")
        self.idf_ = z["idf"].astype(np.float32)
        self.coef_ = z["coef"].astype(np.float32)
        self.intercept_ = z["intercept"].astype(np.float64)
        self.languages_ = tuple(meta["languages"])
        self.calibration_ = {k: np.asarray(v) for k, v in meta["calibration"].items()}
        self.priors_ = {k: np.asarray(v) for k, v in meta["priors"].items()}
        self.metadata_ = meta
        params = meta["params"]
        # featurisation must follow the artefact, whatever this object was built with
        for key in ("word_ngram_max", "window_tokens", "char_ngram_max", "n_features",
                    "char_weight", "language_weight", "decision"):
            setattr(self, key, params[key])

    def _languages(self, X, targets):
        lang = target_languages(X, len(targets))
        missing = np.array([v is None for v in lang], dtype=bool)
        if missing.any():
            for i in np.flatnonzero(missing):
                lang[i] = "ru" if script_language(targets["text"].iat[i]) == "cyrl" else "en"
        return lang

    def _hashed(self, targets):
        if len(targets) == 0:
            return sp.csr_matrix((0, 2 * self.n_features))
        words, chars = [], []
        for text, start, end in targets.itertuples(index=False):
            w, c = target_features(
                text, int(start), int(end), word_ngram_max=self.word_ngram_max,
                window_tokens=self.window_tokens, char_max=self.char_ngram_max,
            )
            words.append(w)
            chars.append(c)
        hasher = FeatureHasher(self.n_features, input_type="string", alternate_sign=False)
        return sp.hstack([hasher.transform(words), hasher.transform(chars)], format="csr")

    def _weighted(self, counts, lang):
        x = counts.astype(np.float64)
        x.data = 1.0 + np.log(x.data)  # sublinear tf
        x = x @ sp.diags(self.idf_.astype(np.float64))
        x = sp.csr_matrix(x)
        n = self.n_features
        blocks = []
        for lo, hi, weight in ((0, n, 1.0), (n, 2 * n, self.char_weight)):
            b = x[:, lo:hi]
            norms = np.sqrt(np.asarray(b.multiply(b).sum(axis=1)).ravel())
            b = sp.diags(weight / np.maximum(norms, 1e-12)) @ b
            blocks.append(b)
        languages = getattr(self, "languages_", ())
        ind = np.zeros((x.shape[0], len(languages)))
        for j, lg in enumerate(languages):
            ind[:, j] = (lang == lg) * self.language_weight
        blocks.append(sp.csr_matrix(ind))
        return sp.hstack(blocks, format="csr")

    def _fit_lr(self, features, yi, lang):
        from sklearn.linear_model import LogisticRegression

        weight = np.ones(len(yi))
        if self.class_weight == "balanced":  # balanced within each language
            for lg in set(lang.tolist()):
                in_lang = lang == lg
                for c in range(3):
                    mask = in_lang & (yi == c)
                    if mask.any():
                        weight[mask] = in_lang.sum() / (3 * mask.sum())
        clf = LogisticRegression(C=self.C, max_iter=3000, random_state=self.random_state)
        clf.fit(features, yi, sample_weight=weight)
        order = [list(clf.classes_).index(c) for c in range(3)]
        return clf.coef_[order].astype(np.float32), clf.intercept_[order].astype(np.float64)

    def _out_of_fold_logits(self, features, yi, lang):
        from sklearn.model_selection import StratifiedKFold

        strata = np.array([f"{lg}:{c}" for lg, c in zip(lang, yi)])
        oof = np.zeros((len(yi), 3))
        folds = StratifiedKFold(self.calibration_folds, shuffle=True,
                                random_state=self.random_state)
        for tr, te in folds.split(features, strata):
            coef, intercept = self._fit_lr(features[tr], yi[tr], lang[tr])
            oof[te] = np.asarray(features[te] @ coef.T.astype(np.float64)) + intercept
        return oof

    def _decide(self, proba, lang):
        """Class index per row from calibrated probabilities (see the `decision` parameter)."""
        if len(lang) == 0:
            return np.zeros(0, dtype=int)
        if self.decision == "argmax":
            return proba.argmax(axis=1)
        priors = np.stack([self.priors_.get(v, self.priors_["*"]) for v in lang])
        return (proba / np.maximum(priors, 1e-6)).argmax(axis=1)

    def _calibrated(self, logits, lang):
        proba = np.empty_like(logits)
        for lg in set(lang.tolist()) | {"*"}:
            mask = lang == lg
            if not mask.any():
                continue
            t, *bias = self.calibration_.get(lg, self.calibration_["*"])
            proba[mask] = _softmax(logits[mask] / t + np.asarray(bias))
        return proba


def _jsonable(params):
    return {k: (v if v is None or isinstance(v, (bool, int, float, str)) else str(v))
            for k, v in params.items()}


@register_scorer
class RoutedScorer(BaseScorer):
    """Route each target by language: English to a fast English model, others to a multilingual one.

    Parameters
    ----------
    english : str, default='newsmtsc-linear'
        Registry name of the scorer for ``language == 'en'``.
    multilingual : str, default='multilingual-linear'
        Registry name of the scorer for the other supported languages.

    Attributes
    ----------
    english_scorer_, multilingual_scorer_ : BaseScorer
        The two fitted scorers.

    Notes
    -----
    The language comes from the targets table's ``language`` column (ISO 639-1; the
    mentions table carries it from the corpus, and :func:`framing.scorers.score_mentions`
    passes it on). Without that column, Cyrillic text goes to the multilingual scorer
    and other text to the English one. ``supported_languages`` is the union of both
    scorers' languages. Output columns: ``polarity``, ``label``, ``p_negative``,
    ``p_neutral``, ``p_positive`` (both defaults are discrete scorers with these
    columns), plus ``routed_to`` (the name of the scorer that scored the row).
    ``fit(X, y)`` with labels trains both scorers on the same data; ``fit(X)`` loads
    their shipped models.
    """

    name = "routed"
    kind = "discrete"
    supported_languages = frozenset({"en"}) | MULTILINGUAL_LANGUAGES
    version = "1"
    reads_language = True

    def __init__(self, *, english="newsmtsc-linear", multilingual="multilingual-linear"):
        self.english = english
        self.multilingual = multilingual

    def fit(self, X, y=None):
        """Fit (or load) both scorers.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets; only checked when `y` is None.
        y : array-like of str or None, default=None
            Labels; None loads both shipped models.

        Returns
        -------
        self : RoutedScorer

        Raises
        ------
        TypeError
            If `X` is a single str.
        UnknownScorerError
            If `english` or `multilingual` is not a registered scorer name.
        """
        from framing.scorers import get_scorer

        as_targets(X)
        self.english_scorer_ = get_scorer(self.english).fit(X, y)
        self.multilingual_scorer_ = get_scorer(self.multilingual).fit(X, y)
        return self

    def score(self, X) -> pd.DataFrame:
        """Score each target with the scorer for its language.

        Parameters
        ----------
        X : pandas.DataFrame or iterable of str
            Targets, with an optional ``language`` column.

        Returns
        -------
        scores : pandas.DataFrame of shape (n_targets, 6)
            ``polarity``, ``label``, ``p_negative``, ``p_neutral``, ``p_positive`` and
            ``routed_to`` (str). Index ``0..n-1``.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        TypeError
            If `X` is a single str.
        """
        check_is_fitted(self, "english_scorer_")
        targets = as_targets(X)
        lang = target_languages(X, len(targets))
        english = np.array(
            [lg == "en" if lg is not None else script_language(t) == "latn"
             for lg, t in zip(lang, targets["text"])],
            dtype=bool,
        )
        columns = ["polarity", "label", "p_negative", "p_neutral", "p_positive"]
        out = pd.DataFrame({c: np.full(len(targets), np.nan) for c in columns})
        out["label"] = pd.Series(np.full(len(targets), None, dtype=object), dtype=object)
        routed = np.where(english, self.english, self.multilingual).astype(object)
        with_lang = targets.assign(language=lang)
        for mask, scorer in ((english, self.english_scorer_), (~english, self.multilingual_scorer_)):
            if not mask.any():
                continue
            part = scorer.score(with_lang[mask].reset_index(drop=True))
            for c in columns:
                if c in part.columns:
                    out.loc[mask, c] = part[c].to_numpy()
        out["routed_to"] = pd.Series(routed, dtype=object)
        return out


__all__ = [
    "DEFAULT_MULTILINGUAL_MODEL_PATH",
    "MULTILINGUAL_LANGUAGES",
    "MultilingualLinearScorer",
    "RoutedScorer",
    "fit_vector_scaling",
    "script_language",
    "target_features",
    "target_languages",
]
