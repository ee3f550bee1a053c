"""Project paths, derived from this file's location (no side effects on import).

Every path the package, the notebooks and the tests use is defined here once.

>>> from framing import paths
>>> paths.DEFAULT_CORPUS.name
'articles.jsonl'
"""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root (``src/framing/paths.py`` → two levels up from ``src/``).
ROOT = Path(__file__).resolve().parents[2]
#: The bundled corpus and its registries (``corpus/``).
CORPUS_DIR = ROOT / "corpus"
#: Bundled default corpus: illustrative articles on the 2025 US–Ukraine minerals deal.
DEFAULT_CORPUS = CORPUS_DIR / "articles.jsonl"
#: Default actor registry for the bundled corpus.
DEFAULT_ACTORS = CORPUS_DIR / "actors.yml"
#: Default outlet map (raw outlet names/domains → canonical outlet + group columns).
DEFAULT_OUTLETS = CORPUS_DIR / "outlets.yml"
#: Key events of the minerals-deal story, drawn on time-series figures.
DEFAULT_EVENTS = CORPUS_DIR / "events.yml"
#: Parameterised notebooks, run by papermill.
NOTEBOOKS_DIR = ROOT / "notebooks"
#: Generated figures and the CSV behind each (build products, git-ignored).
FIGURES_DIR = ROOT / "figures"
#: Package data shipped inside the wheel (style sheets, trained models).
PACKAGE_DIR = Path(__file__).resolve().parent

#: Environment variable naming the folder of labelled datasets (e.g. ``../shared/data``).
DATA_DIR_ENV = "FRAMING_DATA_DIR"


def shared_data_dir() -> Path | None:
    """Return the folder of labelled datasets, or None when it is not available.

    The folder is taken from the ``FRAMING_DATA_DIR`` environment variable, else
    ``../shared/data`` next to the repository (the layout used in CI).

    Returns
    -------
    path : pathlib.Path or None
        An existing directory, or None if neither location exists.
    """
    env = os.environ.get(DATA_DIR_ENV)
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "data")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    digest : str
        64 hexadecimal characters.

    Raises
    ------
    OSError
        If the file cannot be read.
    """
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
