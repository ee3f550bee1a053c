"""framing: actor-level sentiment and stance for media-framing research.

Load a corpus of news articles, find mentions of actors, score the sentiment
toward each actor per mention, and compare outlets and periods with bootstrap CIs.

>>> from framing import load_corpus, load_actors, find_mentions, get_scorer, score_mentions
>>> articles = load_corpus("corpus/articles.jsonl")  # doctest: +SKIP
>>> mentions = find_mentions(articles, load_actors())  # doctest: +SKIP
>>> scored = score_mentions(mentions, get_scorer("textblob").fit([]))  # doctest: +SKIP

The names below are imported on first use, so ``import framing`` stays light.
"""

__version__ = "0.1.0"

_PUBLIC = {
    "load_corpus": "framing.corpus",
    "load_actors": "framing.actors",
    "find_mentions": "framing.actors",
    "ActorRegistry": "framing.actors",
    "get_scorer": "framing.scorers",
    "score_mentions": "framing.scorers",
    "aggregate_scores": "framing.aggregate",
    "open_study": "framing.study",
    "prepare_dataset": "framing.study",
    "save_figure": "framing.plotting",
    "run_notebook": "framing.runner",
}

__all__ = sorted(_PUBLIC) + ["__version__"]


def __getattr__(name):
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__():
    return __all__
