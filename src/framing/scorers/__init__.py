"""Scorers: turn target spans into sentiment scores, looked up by name.

>>> from framing.scorers import get_scorer
>>> scorer = get_scorer("textblob").fit([])
"""

from __future__ import annotations

import difflib

from framing.exceptions import UnknownScorerError
from framing.scorers.base import LABELS, BaseScorer, as_targets, polarity_to_label

_REGISTRY: dict[str, type[BaseScorer]] = {}

#: Name of the scorer used when none is given: the trained NewsMTSC model, which beats
#: the TextBlob scorer on both NewsMTSC development splits (see the README's table).
DEFAULT_SCORER = "newsmtsc-linear"


def register_scorer(cls: type[BaseScorer]) -> type[BaseScorer]:
    """Register a scorer class under ``cls.name`` (usable as a class decorator).

    Returns
    -------
    cls : type
        The class, unchanged.
    """
    _REGISTRY[cls.name] = cls
    return cls


def available_scorers() -> list[str]:
    """Return the registered scorer names, sorted."""
    return sorted(_REGISTRY)


def get_scorer(name: str, **params) -> BaseScorer:
    """Create a scorer by registry name.

    Parameters
    ----------
    name : str
        A name from :func:`available_scorers`, e.g. ``'textblob'``.
    **params
        Passed to the scorer's constructor.

    Returns
    -------
    scorer : BaseScorer
        An unfitted scorer; call ``fit`` before ``score``.

    Raises
    ------
    UnknownScorerError
        If `name` is not registered; the message lists the close and the available names.
    """
    try:
        cls = _REGISTRY[name]
    except KeyError:
        close = difflib.get_close_matches(str(name), _REGISTRY, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise UnknownScorerError(
            f"Unknown scorer {name!r}.{hint} Available scorers: {available_scorers()!r}."
        ) from None
    return cls(**params)


__all__ = [
    "LABELS",
    "BaseScorer",
    "DEFAULT_SCORER",
    "as_targets",
    "available_scorers",
    "get_scorer",
    "polarity_to_label",
    "register_scorer",
]

# --- built-in scorers (each engineer appends an import and a register_scorer call) ----------
from framing.scorers.mentions import score_mentions  # noqa: E402
from framing.scorers.sentiment import TextBlobSentimentScorer  # noqa: E402

register_scorer(TextBlobSentimentScorer)
__all__ += ["TextBlobSentimentScorer", "score_mentions"]
from framing.scorers import trained as _trained  # noqa: F401,E402
from framing.scorers import transformer as _transformer  # noqa: F401,E402
from framing.scorers import multilingual as _multilingual  # noqa: F401,E402
