"""Loaded by the fork server of :func:`framing.scale.score_corpus` before it forks workers.

Importing this module imports the chunk worker (:mod:`framing.scale.worker`: pandas,
pyarrow, scikit-learn, the scorers, quotes and stance), reads the default stance lexicon
and loads the language identifier of the default language set (py3langid's model and
its numpy tables, about 110 MB). Workers forked afterwards share those pages
copy-on-write instead of each loading a private copy: less memory and a faster worker
start. Nothing else is loaded, and importing it anywhere else is harmless (the loads
are cached).

:mod:`framing.scale` imports its modules on first use, so the worker module is named
here explicitly: importing :mod:`framing.scale` alone left every worker to import the
scoring code itself (about 0.9 s of CPU per worker).
"""

from framing import corpus as _corpus
from framing.scale import worker  # noqa: F401  (the chunk code and its heavy imports)
from framing.stance import load_stance_lexicon as _load_stance_lexicon

_corpus.preload_language_model(_corpus.DEFAULT_LANGUAGES)
_load_stance_lexicon()
