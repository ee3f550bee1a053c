"""The scorer protocol: sklearn-style estimators that score a target inside a text.

A *target* is a character span inside a text (the mention of an actor inside its
sentence). Every scorer takes a table of targets and returns one row of scores per
target, with ``polarity`` in [-1, 1] and a ``label`` in {'negative', 'neutral', 'positive'}.

>>> from framing.scorers.base import as_targets
>>> as_targets(["Kyiv welcomed the vote."]).iloc[0].tolist()
['Kyiv welcomed the vote.', 0, 23]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from framing.exceptions import MissingColumnError

#: Sentiment classes, in the order used for probability columns and confusion matrices.
LABELS = ("negative", "neutral", "positive")
#: Columns every scorer's output has.
SCORE_COLUMNS = ("polarity", "label")
#: Columns of a targets table.
TARGET_COLUMNS = ("text", "start", "end")


def as_targets(X) -> pd.DataFrame:
    """Normalise scorer input to a targets table.

    Parameters
    ----------
    X : pandas.DataFrame or iterable of str
        Either a table with columns ``text`` (str), ``start`` and ``end`` (int,
        character offsets of the target inside ``text``, ``0 <= start <= end <=
        len(text)``), or an iterable of texts, each of which is then its own
        target (``start=0``, ``end=len(text)``).

    Returns
    -------
    targets : pandas.DataFrame of shape (n_targets, 3)
        Columns ``text`` (str), ``start`` (int64), ``end`` (int64); index ``0..n-1``.

    Raises
    ------
    TypeError
        If `X` is a single ``str`` (wrap it in a list) or contains a non-str text.
    MissingColumnError
        If `X` is a DataFrame without the ``text``, ``start`` and ``end`` columns.
    ValueError
        If a span lies outside its text.
    """
    if isinstance(X, str):
        raise TypeError("Expected an iterable of texts, got a single str; wrap it in a list.")
    if isinstance(X, pd.DataFrame):
        missing = [c for c in TARGET_COLUMNS if c not in X.columns]
        if missing:
            raise MissingColumnError(
                f"Targets table lacks column(s) {missing!r}; it needs 'text', 'start' and "
                f"'end' (offsets of the target in the text). Got columns {list(X.columns)!r}."
            )
        texts = X["text"].tolist()
        start = np.asarray(X["start"], dtype=np.int64)
        end = np.asarray(X["end"], dtype=np.int64)
    elif isinstance(X, Iterable):
        texts = list(X)
        start = np.zeros(len(texts), dtype=np.int64)
        end = np.fromiter((len(t) if isinstance(t, str) else 0 for t in texts), np.int64, len(texts))
    else:
        raise TypeError(
            f"Expected a DataFrame of targets or an iterable of texts, got {type(X).__name__}."
        )
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"Text {i} must be a str, got {type(t).__name__} ({t!r}).")
    lengths = np.fromiter((len(t) for t in texts), np.int64, len(texts))
    bad = np.flatnonzero((start < 0) | (end < start) | (end > lengths))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            f"Target span {i} ({int(start[i])}, {int(end[i])}) lies outside its text of "
            f"length {int(lengths[i])}; spans must satisfy 0 <= start <= end <= len(text)."
        )
    return pd.DataFrame({"text": pd.Series(texts, dtype=object), "start": start, "end": end})


def polarity_to_label(polarity, neutral_band: float) -> np.ndarray:
    """Map continuous polarity to {'negative', 'neutral', 'positive'}.

    Parameters
    ----------
    polarity : array-like of shape (n,)
        Values in [-1, 1]; NaN allowed.
    neutral_band : float
        Half-width of the neutral interval: ``|polarity| <= neutral_band`` is neutral.

    Returns
    -------
    labels : numpy.ndarray of object, shape (n,)
        Label strings; None where polarity is NaN.
    """
    p = np.asarray(polarity, dtype=float)
    out = np.full(p.shape, None, dtype=object)
    ok = ~np.isnan(p)
    out[ok & (p > neutral_band)] = "positive"
    out[ok & (p < -neutral_band)] = "negative"
    out[ok & (np.abs(p) <= neutral_band)] = "neutral"
    return out


def scores_from_proba(proba) -> pd.DataFrame:
    """Turn class probabilities into the score table of a discrete scorer.

    Parameters
    ----------
    proba : array-like of shape (n_targets, 3)
        Probabilities in ``LABELS`` order (negative, neutral, positive); a row of NaN
        marks a target that could not be scored.

    Returns
    -------
    scores : pandas.DataFrame of shape (n_targets, 5)
        ``polarity`` (``p_positive - p_negative``, float in [-1, 1]), ``label`` (the most
        probable class; None for NaN rows), ``p_negative``, ``p_neutral``, ``p_positive``.
        Index ``0..n-1``.
    """
    proba = np.asarray(proba, dtype=float).reshape(-1, len(LABELS))
    ok = ~np.isnan(proba).any(axis=1)
    label = np.full(len(proba), None, dtype=object)
    label[ok] = np.asarray(LABELS, dtype=object)[proba[ok].argmax(axis=1)]
    return pd.DataFrame(
        {
            "polarity": np.clip(proba[:, 2] - proba[:, 0], -1.0, 1.0),
            "label": pd.Series(label, dtype=object),
            "p_negative": proba[:, 0],
            "p_neutral": proba[:, 1],
            "p_positive": proba[:, 2],
        }
    )


class BaseScorer(BaseEstimator):
    """Base class for target-dependent scorers (scikit-learn conventions).

    Subclasses store constructor arguments unchanged in ``__init__``, learn
    state in attributes ending in ``_`` during :meth:`fit`, and implement
    :meth:`score`. Class attributes describe the scorer.

    Attributes
    ----------
    name : str
        Registry name used by :func:`framing.scorers.get_scorer`.
    kind : {'continuous', 'discrete'}
        Whether ``polarity`` is a continuous score or derived from class probabilities.
    supported_languages : frozenset of str
        ISO 639-1 codes of the languages the scorer was built for; articles in
        other languages are left unscored (NaN), never scored as neutral.
    version : str
        Version of the scorer's lexicon or model, recorded in run manifests.
    requires_fit : bool
        Whether :meth:`score` raises ``sklearn.exceptions.NotFittedError`` before
        :meth:`fit`. True for every scorer unless it sets it to False (a scorer with
        no parameters to check may); the contract test in ``tests/test_scorers.py``
        reads it.
    reads_language : bool
        Whether :meth:`score` reads a ``language`` column of the targets (a routing
        scorer does); :func:`framing.scorers.score_mentions` passes the mentions'
        language only to such scorers.
    """

    name = "base"
    kind = "continuous"
    supported_languages = frozenset({"en"})
    version = "0"
    requires_fit = True
    reads_language = False

    def fit(self, X, y=None):
        """Fit the scorer; return self (subclasses override)."""
        as_targets(X)
        self.is_fitted_ = True
        return self

    def score(self, X) -> pd.DataFrame:  # pragma: no cover - abstract
        """Score each target; see :func:`as_targets` for `X`."""
        raise NotImplementedError


def load_artefact(path, expected_format: int, rebuild: str) -> tuple[dict, dict]:
    """Read a shipped model artefact (``.npz``) whole: its arrays and its JSON metadata.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.npz`` file, with a ``format`` integer and a ``metadata`` JSON string.
    expected_format : int
        The artefact format this version of framing reads.
    rebuild : str
        How to rebuild the artefact, quoted in the error messages.

    Returns
    -------
    arrays : dict of str to numpy.ndarray
        Every array of the file, loaded (no pickles).
    metadata : dict
        The parsed ``metadata``.

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    ValueError
        If the artefact has another format.
    """
    import json
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"Model artefact {str(path)!r} does not exist. Reinstall framing to restore the "
            f"shipped model, or {rebuild}."
        )
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    fmt = int(arrays["format"])
    if fmt != expected_format:
        raise ValueError(
            f"Model artefact {str(path)!r} has format {fmt!r}; this version of framing reads "
            f"format {expected_format}. Retrain it: {rebuild}."
        )
    return arrays, json.loads(str(arrays["metadata"]))
