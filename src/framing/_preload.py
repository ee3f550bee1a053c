"""Loaded by the fork server of :func:`framing.scale.score_corpus` before it forks workers.

Importing this module imports :mod:`framing.scale` (pandas, pyarrow, scikit-learn ...)
and loads the language identifier of the default language set (py3langid's model and its
numpy tables, about 110 MB). Workers forked afterwards share those pages copy-on-write
instead of each loading a private copy: less memory and a faster worker start.
Nothing else is loaded, and importing it anywhere else is harmless (the loads are cached).
"""

from framing import corpus as _corpus
from framing import scale  # noqa: F401  (the worker code and its heavy imports)

_corpus.preload_language_model(_corpus.DEFAULT_LANGUAGES)
