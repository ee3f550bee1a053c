"""Score large corpora: streaming in chunks, a resumable cache, processes or Dask.

:func:`score_corpus` reads a corpus in chunks of records (bounded memory), finds
the actor mentions, scores them and finds statements and stance chunk by chunk
(in this process, in ``jobs`` worker processes, or on a Dask cluster), and
writes a Parquet dataset (one file per chunk and table). A SQLite manifest
records every finished chunk, so a rerun on an unchanged corpus scores nothing,
appended articles are scored alone, and a killed run resumes where it stopped.
:func:`read_mentions`, :func:`read_articles` and :func:`read_statements` read the
tables back in corpus order; :func:`aggregate_dataset` computes the group table
of :func:`framing.aggregate.aggregate_scores` out of core with DuckDB.

One concern per module, meeting through the public functions named in each
module's ``__all__``:

================  ==============================================================
``records``       reading a corpus in chunks (the only user of corpus internals)
``worker``        the work on one chunk, in whichever process runs it
``engines``       this process, a process pool, or Dask
``manifest``      the chunk manifest (``_manifest.sqlite``), commit and cleanup
``layout``        folder and part-file names, Parquet writing, option checks
``score``         :func:`score_corpus` and the automatic chunk size
``read``          reading tables back
``query``         DuckDB aggregation
================  ==============================================================

>>> from framing.scale import score_corpus, read_mentions, aggregate_dataset
>>> result = score_corpus("big.jsonl", "scores/", jobs=2)  # doctest: +SKIP
>>> table = aggregate_dataset("scores/", by=("outlet", "actor_id"))  # doctest: +SKIP

Names are imported on first use, so ``from framing.scale import ENGINES`` (the
command line's ``--help``) stays light.
"""

_PUBLIC = {
    "CHUNKS_PER_WORKER": "framing.scale.score",
    "MAX_CHUNK_SIZE": "framing.scale.score",
    "MIN_CHUNK_SIZE": "framing.scale.score",
    "ScoreResult": "framing.scale.score",
    "auto_chunk_size": "framing.scale.score",
    "score_corpus": "framing.scale.score",
    "ENGINES": "framing.scale.engines",
    "TABLES": "framing.scale.layout",
    "check_dataset": "framing.scale.layout",
    "dataset_counts": "framing.scale.read",
    "estimate_records": "framing.scale.records",
    "read_articles": "framing.scale.read",
    "read_mentions": "framing.scale.read",
    "read_statements": "framing.scale.read",
    "table_columns": "framing.scale.read",
    "aggregate_dataset": "framing.scale.query",
}

__all__ = [
    "CHUNKS_PER_WORKER",
    "ENGINES",
    "MAX_CHUNK_SIZE",
    "MIN_CHUNK_SIZE",
    "TABLES",
    "ScoreResult",
    "aggregate_dataset",
    "auto_chunk_size",
    "check_dataset",
    "dataset_counts",
    "estimate_records",
    "read_articles",
    "read_mentions",
    "read_statements",
    "score_corpus",
    "table_columns",
]


def __getattr__(name):
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'framing.scale' has no attribute {name!r}")


def __dir__():
    return __all__
