"""Evaluate scorers against gold-labelled targets: macro-F1, F1_PN, accuracy, confusion, CIs.

A continuous scorer's polarity is mapped to labels by its ``neutral_band``, which
:func:`fit_thresholds` tunes on a development split only.

>>> from framing.evaluate import evaluate
>>> result = evaluate(scorer, gold)  # doctest: +SKIP
>>> round(result.macro_f1, 3), result.ci_low <= result.macro_f1 <= result.ci_high  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from framing.exceptions import MissingColumnError
from framing.scorers.base import LABELS, polarity_to_label

#: Columns a gold table must have for :func:`evaluate`.
GOLD_REQUIRED = ("text", "start", "end", "label")


@dataclass(frozen=True)
class EvaluationResult:
    """Named result of :func:`evaluate`.

    Attributes
    ----------
    scorer : str
        The scorer's registry name.
    n : int
        Number of gold targets evaluated.
    macro_f1 : float
        Unweighted mean of the per-class F1 over ``LABELS``, in [0, 1].
    accuracy : float
        Share of targets whose predicted label equals the gold label, in [0, 1].
    ci_low, ci_high : float
        Percentile bootstrap 95% CI of `macro_f1` (resampling targets), in [0, 1];
        NaN when ``n_bootstrap=0``.
    f1_pn : float
        Macro-F1 over the positive and negative classes only (the mean of their two
        F1 values; neutral predictions still count as misses), in [0, 1]: the official
        metric of RuSentNE-2023 (Golubev et al., Dialogue 2023).
    f1_pn_ci_low, f1_pn_ci_high : float
        Percentile bootstrap 95% CI of `f1_pn` from the same resamples; NaN when
        ``n_bootstrap=0``.
    per_class : pandas.DataFrame of shape (3, 4)
        Index ``LABELS``; columns ``precision``, ``recall``, ``f1`` (in [0, 1]) and
        ``support`` (int, gold count).
    confusion : pandas.DataFrame of shape (3, 3)
        Counts; rows are gold labels, columns predicted labels, both in ``LABELS`` order.
    n_unscored : int
        Targets the scorer returned no label for (NaN polarity); counted as wrong
        (predicted label ``'unscored'``).
    n_bootstrap : int
        Bootstrap resamples used for the CI.
    params : dict
        The scorer's ``get_params()`` (as strings when not JSON-serialisable).
    """

    scorer: str
    n: int
    macro_f1: float
    accuracy: float
    ci_low: float
    ci_high: float
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    n_unscored: int = 0
    n_bootstrap: int = 0
    params: dict = field(default_factory=dict)
    f1_pn: float = float("nan")
    f1_pn_ci_low: float = float("nan")
    f1_pn_ci_high: float = float("nan")

    def to_dict(self):
        """Return a JSON-serialisable dict.

        Returns
        -------
        result : dict
            Keys ``scorer``, ``n``, ``macro_f1``, ``accuracy``, ``ci_low``, ``ci_high``,
            ``f1_pn``, ``f1_pn_ci_low``, ``f1_pn_ci_high`` (floats; None for NaN),
            ``ci_level`` (0.95), ``n_bootstrap``, ``n_unscored``,
            ``labels`` (list of str), ``per_class`` ({label: {precision, recall, f1,
            support}}), ``confusion`` (list of lists of int, rows = gold), ``params``.
        """

        def num(x):
            x = float(x)
            return None if np.isnan(x) else x

        return {
            "scorer": self.scorer,
            "n": int(self.n),
            "macro_f1": num(self.macro_f1),
            "accuracy": num(self.accuracy),
            "ci_low": num(self.ci_low),
            "ci_high": num(self.ci_high),
            "f1_pn": num(self.f1_pn),
            "f1_pn_ci_low": num(self.f1_pn_ci_low),
            "f1_pn_ci_high": num(self.f1_pn_ci_high),
            "ci_level": 0.95,
            "n_bootstrap": int(self.n_bootstrap),
            "n_unscored": int(self.n_unscored),
            "labels": list(LABELS),
            "per_class": {
                label: {
                    "precision": num(row.precision),
                    "recall": num(row.recall),
                    "f1": num(row.f1),
                    "support": int(row.support),
                }
                for label, row in self.per_class.iterrows()
            },
            "confusion": self.confusion.to_numpy().astype(int).tolist(),
            "params": {k: _json_value(v) for k, v in self.params.items()},
        }

    def summary(self, *, f1_pn=False):
        """Return a one-line human-readable summary (percent, 1 decimal).

        Parameters
        ----------
        f1_pn : bool, default=False
            Lead with F1_PN and its CI (the RuSentNE metric) before macro-F1.
        """
        pn = (
            f"F1_PN {100 * self.f1_pn:.1f} [{100 * self.f1_pn_ci_low:.1f}, "
            f"{100 * self.f1_pn_ci_high:.1f}] "
            if f1_pn
            else ""
        )
        return (
            f"{self.scorer}: {pn}macro-F1 {100 * self.macro_f1:.1f} "
            f"[{100 * self.ci_low:.1f}, {100 * self.ci_high:.1f}] "
            f"accuracy {100 * self.accuracy:.1f} (n={self.n})"
        )


def _json_value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def _check_gold(gold, caller):
    if not isinstance(gold, pd.DataFrame):
        raise TypeError(
            f"The 'gold' parameter of {caller} must be a DataFrame (see "
            f"framing.datasets.load_gold). Got {type(gold).__name__} instead."
        )
    missing = [c for c in GOLD_REQUIRED if c not in gold.columns]
    if missing:
        raise MissingColumnError(
            f"Gold table passed to {caller} lacks column(s) {missing!r}; it needs "
            f"{list(GOLD_REQUIRED)!r}. Got columns {list(gold.columns)!r}."
        )
    bad = sorted({repr(v) for v in gold["label"] if v not in LABELS})
    if bad:
        raise ValueError(
            f"Gold labels passed to {caller} must be one of {LABELS!r}. Got {', '.join(bad[:5])}; "
            "read the data with framing.datasets.load_gold, which maps dataset labels."
        )


def predict_labels(scorer, gold):
    """Return the scorer's predicted label for each gold target.

    Parameters
    ----------
    scorer : BaseScorer
        A fitted scorer.
    gold : pandas.DataFrame of shape (n, >= 4)
        Gold table with ``text``, ``start``, ``end``; a ``language`` column (ISO 639-1),
        when present, is passed on to the scorer (a routing scorer reads it).

    Returns
    -------
    labels : numpy.ndarray of object, shape (n,)
        Labels in ``LABELS``; ``'unscored'`` where the scorer gave no label.
    """
    columns = ["text", "start", "end"] + (["language"] if "language" in gold.columns else [])
    scores = scorer.score(gold[columns].reset_index(drop=True))
    labels = np.asarray(scores["label"], dtype=object)
    return np.where(pd.isna(labels), "unscored", labels).astype(object)


def _macro_f1(y_true, y_pred):
    return f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0)


#: Classes averaged by F1_PN (the RuSentNE-2023 metric).
PN_LABELS = ("negative", "positive")


def f1_pn_score(y_true, y_pred):
    """Return F1_PN: the macro-F1 over the negative and positive classes only.

    Neutral still matters: a polar target predicted neutral is a false negative of
    its class, and a neutral target predicted polar a false positive. This is the
    official metric of RuSentNE-2023 (Golubev, Rusnachenko & Loukachevitch,
    Dialogue 2023).

    Parameters
    ----------
    y_true, y_pred : array-like of str, shape (n,)
        Gold and predicted labels (predictions may include ``'unscored'``).

    Returns
    -------
    f1_pn : float
        In [0, 1]; 0 for a class with no gold and no predicted targets.

    Examples
    --------
    >>> f1_pn_score(["positive", "negative", "neutral"], ["positive", "neutral", "neutral"])
    0.5
    """
    return float(
        f1_score(y_true, y_pred, labels=list(PN_LABELS), average="macro", zero_division=0)
    )


def evaluate(scorer, gold, *, n_bootstrap=1000, random_state=0):
    """Compare a scorer's labels with gold labels.

    Scores every gold target, then computes macro-F1 over the three classes,
    F1_PN (macro-F1 over positive and negative, :func:`f1_pn_score`), accuracy,
    per-class precision/recall/F1, the confusion matrix, and percentile bootstrap
    95% CIs for macro-F1 and F1_PN (targets resampled with replacement).

    Parameters
    ----------
    scorer : BaseScorer
        A fitted scorer. Continuous scorers label by their own ``neutral_band``;
        tune it first with :func:`fit_thresholds` on a development split.
    gold : pandas.DataFrame of shape (n, >= 4)
        Gold table from :func:`framing.datasets.load_gold`: ``text``, ``start``,
        ``end`` and ``label`` in {'negative', 'neutral', 'positive'}.
    n_bootstrap : int, default=1000
        Bootstrap resamples for the CI; 0 skips the CI (NaN bounds).
    random_state : int, default=0
        Seed of the bootstrap.

    Returns
    -------
    result : EvaluationResult
        ``macro_f1`` and ``accuracy`` are fractions in [0, 1]; see
        :class:`EvaluationResult` and its ``to_dict()``.

    Raises
    ------
    TypeError
        If `gold` is not a DataFrame.
    MissingColumnError
        If `gold` lacks a required column.
    ValueError
        If `gold` is empty, has a label outside ``LABELS``, or `n_bootstrap` is negative.
    sklearn.exceptions.NotFittedError
        If `scorer` has not been fitted.

    Notes
    -----
    Metrics come from :mod:`sklearn.metrics` with ``labels=LABELS`` and
    ``zero_division=0``. A target the scorer leaves unscored counts as an error.
    """
    _check_gold(gold, "evaluate")
    if len(gold) == 0:
        raise ValueError(
            "The gold table passed to evaluate is empty; it needs at least one target."
        )
    if not isinstance(n_bootstrap, (int, np.integer)) or n_bootstrap < 0:
        raise ValueError(
            f"The 'n_bootstrap' parameter of evaluate must be an int >= 0. Got {n_bootstrap!r} instead."
        )
    y_true = np.asarray(gold["label"], dtype=object)
    y_pred = predict_labels(scorer, gold)
    labels = list(LABELS)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    per_class = pd.DataFrame(
        {"precision": p, "recall": r, "f1": f, "support": s.astype(int)},
        index=pd.Index(labels, name="label"),
    )
    confusion = pd.DataFrame(
        confusion_matrix(y_true, y_pred, labels=labels),
        index=pd.Index(labels, name="gold"),
        columns=pd.Index(labels, name="predicted"),
    )
    macro = _macro_f1(y_true, y_pred)
    ci_low = ci_high = pn_low = pn_high = float("nan")
    if n_bootstrap:
        rng = np.random.default_rng(random_state)
        n = len(y_true)
        stats = np.empty((n_bootstrap, 2))
        for b in range(n_bootstrap):
            idx = rng.integers(0, n, n)
            stats[b] = _macro_f1(y_true[idx], y_pred[idx]), f1_pn_score(y_true[idx], y_pred[idx])
        ci_low, ci_high = (float(v) for v in np.percentile(stats[:, 0], [2.5, 97.5]))
        pn_low, pn_high = (float(v) for v in np.percentile(stats[:, 1], [2.5, 97.5]))
    params = {}
    try:
        params = scorer.get_params()
    except AttributeError:
        pass
    return EvaluationResult(
        scorer=getattr(scorer, "name", type(scorer).__name__),
        n=len(y_true),
        macro_f1=float(macro),
        accuracy=float(accuracy_score(y_true, y_pred)),
        ci_low=ci_low,
        ci_high=ci_high,
        per_class=per_class,
        confusion=confusion,
        n_unscored=int((y_pred == "unscored").sum()),
        n_bootstrap=int(n_bootstrap),
        params=params,
        f1_pn=f1_pn_score(y_true, y_pred),
        f1_pn_ci_low=pn_low,
        f1_pn_ci_high=pn_high,
    )


def fit_thresholds(scorer, dev_gold, *, grid=None):
    """Tune a continuous scorer's ``neutral_band`` on a development split.

    The scorer's polarity is computed once for the development targets; each
    candidate band maps it to labels (``|polarity| <= band`` is neutral) and the band
    with the highest macro-F1 (ties: the smallest band) is stored on the scorer
    with ``set_params(neutral_band=...)``. Never pass a test split.

    Parameters
    ----------
    scorer : BaseScorer
        A fitted continuous scorer with a ``neutral_band`` parameter.
    dev_gold : pandas.DataFrame of shape (n, >= 4)
        Development gold table (``text``, ``start``, ``end``, ``label``).
    grid : array-like of float or None, default=None
        Candidate bands in [0, 1]; default ``0, 0.01, …, 0.5``.

    Returns
    -------
    scorer : BaseScorer
        The same object, with the tuned ``neutral_band``.

    Raises
    ------
    ValueError
        If the scorer has no ``neutral_band`` parameter, or `dev_gold` is empty or
        has unknown labels.
    MissingColumnError
        If `dev_gold` lacks a required column.
    """
    if "neutral_band" not in scorer.get_params():
        raise ValueError(
            f"fit_thresholds needs a scorer with a 'neutral_band' parameter; "
            f"{getattr(scorer, 'name', type(scorer).__name__)!r} has parameters "
            f"{sorted(scorer.get_params())!r}. Discrete scorers need no thresholds."
        )
    _check_gold(dev_gold, "fit_thresholds")
    if len(dev_gold) == 0:
        raise ValueError("The development gold table passed to fit_thresholds is empty.")
    grid = np.round(np.arange(0.0, 0.501, 0.01), 2) if grid is None else np.asarray(grid, float)
    polarity = np.asarray(
        scorer.score(dev_gold[["text", "start", "end"]].reset_index(drop=True))["polarity"],
        dtype=float,
    )
    y_true = np.asarray(dev_gold["label"], dtype=object)
    best_band, best_f1 = None, -1.0
    for band in grid:
        pred = polarity_to_label(polarity, float(band))
        pred = np.where(pd.isna(pred), "unscored", pred).astype(object)
        f1 = _macro_f1(y_true, pred)
        if f1 > best_f1 + 1e-12:
            best_band, best_f1 = float(band), f1
    scorer.set_params(neutral_band=best_band)
    return scorer


__all__ = [
    "PN_LABELS",
    "EvaluationResult",
    "evaluate",
    "f1_pn_score",
    "fit_thresholds",
    "predict_labels",
]
