"""Loaded by the fork server of :func:`framing.scale.score_corpus` before it forks workers.

Importing this module imports the chunk worker (:mod:`framing.scale.worker`: pandas,
pyarrow, scikit-learn, the scorers, quotes and stance), reads the default stance lexicon
and loads the language identifier of the default language set (py3langid's model and
its numpy tables, about 110 MB). Workers forked afterwards share those pages
copy-on-write instead of each loading a private copy: less memory and a faster worker
start. Nothing else is loaded. It is meant for the fork server only: imported anywhere
else it also freezes that process's heap (see below).

The language model is read in a second thread while the rest is imported (mostly
scikit-learn): most of its 0.6 s is LZMA decompression, which releases the GIL. The
thread imports nothing (its modules are imported first: two threads importing modules
that import each other could see a partly initialised module), and it has ended before
the server forks anything. Then everything loaded is moved to the collector's permanent
generation (:func:`gc.freeze`), so a worker's collections neither traverse it nor write
to the pages it shares with the server.

:mod:`framing.scale` imports its modules on first use, so the worker module is named
here explicitly: importing :mod:`framing.scale` alone left every worker to import the
scoring code itself (about 0.9 s of CPU per worker).
"""

import encodings.cp437  # noqa: F401  (imported by zipfile on first use; see above)
import gc as _gc
import threading as _threading
import zipfile  # noqa: F401  (imported by numpy's .npz loader on first use)

from py3langid import langid as _langid  # noqa: F401

from framing.corpus import language as _language

_language_thread = _threading.Thread(
    target=_language.preload_language_model, args=(_language.DEFAULT_LANGUAGES,),
    name="framing-preload",
)
_language_thread.start()
try:
    from framing.scale import worker  # noqa: F401  (the chunk code and its heavy imports)
    from framing.stance import load_stance_lexicon as _load_stance_lexicon

    _load_stance_lexicon()
finally:
    _language_thread.join()
_gc.collect()
_gc.freeze()
