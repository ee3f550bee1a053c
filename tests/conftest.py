"""Shared fixtures: the tiny hand-written corpus, the registries, the pyplot guard.

Nothing is trained, downloaded or computed at import time.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def tiny_corpus_path():
    """Path of tests/data/articles_tiny.jsonl (8 hand-written articles, 3 outlets)."""
    return DATA / "articles_tiny.jsonl"


@pytest.fixture(scope="session")
def shared_data():
    """The labelled-datasets folder (../shared/data or $FRAMING_DATA_DIR), else skip."""
    from framing.paths import shared_data_dir

    found = shared_data_dir()
    if found is None:
        pytest.skip("labelled datasets not available: set FRAMING_DATA_DIR or provide ../shared/data")
    return found


@pytest.fixture
def pyplot():
    """matplotlib.pyplot with every figure closed before and after the test (sklearn's pattern)."""
    plt = pytest.importorskip("matplotlib.pyplot")
    plt.close("all")
    yield plt
    plt.close("all")
