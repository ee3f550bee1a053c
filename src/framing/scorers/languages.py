"""Check, before scoring, that a scorer supports the languages a corpus is in.

>>> from framing.scorers.languages import check_languages
>>> check_languages({"en": 120, "de": 2}, "newsmtsc-linear")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping

from framing.exceptions import UnsupportedLanguageError

__all__ = ["check_languages", "scorers_for_language"]

#: Codes that mean "no language": empty texts, or texts without letters.
UNDETERMINED = frozenset({"und", ""})


def scorers_for_language(language: str) -> list[str]:
    """Names of the registered scorers whose ``supported_languages`` include `language`.

    Parameters
    ----------
    language : str
        ISO 639-1 code, e.g. ``"ru"``.

    Returns
    -------
    names : list of str
        Sorted scorer names; empty when none supports it.
    """
    from framing.scorers import available_scorers, get_scorer

    return [n for n in available_scorers()
            if language in getattr(get_scorer(n), "supported_languages", frozenset())]


def check_languages(languages: Mapping[str, int], scorer) -> None:
    """Fail early when none of the corpus's languages is supported by the scorer.

    A corpus in which some articles are in an unsupported language is fine: those
    mentions are kept with ``score_status="unsupported_language"``. A corpus in which
    *no* article can be scored would otherwise run to the end and give empty
    figures, so this raises with the languages found and the scorers that support them.

    Parameters
    ----------
    languages : mapping of str to int
        Number of articles (or mentions) per ISO 639-1 code, e.g. the ``languages``
        counter of :class:`framing.corpus.LoadReport`. ``"und"`` is ignored.
    scorer : str or BaseScorer
        A registered scorer name or instance.

    Raises
    ------
    UnsupportedLanguageError
        If no language in `languages` (with a positive count) is supported.
    """
    from framing.scorers import get_scorer

    if isinstance(scorer, str):
        scorer = get_scorer(scorer)
    found = {k: int(v) for k, v in languages.items() if k not in UNDETERMINED and v > 0}
    supported = frozenset(getattr(scorer, "supported_languages", frozenset()))
    if not found or any(k in supported for k in found):
        return
    name = getattr(scorer, "name", type(scorer).__name__)
    listed = ", ".join(f"{k} ({v:,})" for k, v in sorted(found.items(), key=lambda kv: -kv[1]))
    options = "; ".join(
        f"{k}: {', '.join(repr(n) for n in scorers_for_language(k)) or 'none yet'}"
        for k in sorted(found, key=lambda k: -found[k])[:5]
    )
    raise UnsupportedLanguageError(
        f"No article of the corpus is in a language that scorer {name!r} supports "
        f"({', '.join(sorted(supported)) or 'none'}). Languages found: {listed}. Scorers "
        f"that support them: {options}. Choose one with --scorer (or the 'scorer' "
        "parameter), or state the language with --language if detection is wrong."
    )
