"""On-disk layout of a scores dataset: folders, part files, Parquet writing.

A dataset folder holds one part file per chunk and table --
``articles/part-<key>.parquet``, ``mentions/part-<key>.parquet`` (the scored mentions) and
``statements/part-<key>.parquet`` -- plus ``_manifest.sqlite`` (see :mod:`framing.scale.manifest`), ``load_report.json`` and
``rejections.csv``. Everything that names or writes those files is here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "ARTICLES_DIR",
    "MANIFEST",
    "MENTIONS_DIR",
    "PLAIN_COLUMNS",
    "REJECTIONS",
    "REPORT",
    "SCHEMA_VERSION",
    "STATEMENTS_DIR",
    "TABLES",
    "atomic_write_text",
    "check_dataset",
    "check_option",
    "check_positive_int",
    "file_rank",
    "parquet_glob",
    "part_files",
    "part_name",
    "string_array",
    "to_arrow",
    "write_table",
]

#: Tables of a dataset (see :func:`table_columns`).
TABLES = ("articles", "mentions", "statements")


MANIFEST = "_manifest.sqlite"


ARTICLES_DIR = "articles"


MENTIONS_DIR = "mentions"


STATEMENTS_DIR = "statements"


REPORT = "load_report.json"


REJECTIONS = "rejections.csv"


SCHEMA_VERSION = "4"  # 2: stance columns and statements/; 3: date_source, crawled, language_confidence, language_source, near_duplicate_group; 4: mentions/ holds one file per chunk (was one per chunk, outlet and month: 72 files per chunk for 6 outlets over a year, and 3.2 s to open the 1,152 files of a 10,000-article dataset)


_KEY_CHARS = 24  # hex chars of a chunk key used in part file names


# Free-text, id and line-number columns: values rarely repeat, so they are written
# without dictionary pages or statistics (see _write_table).
PLAIN_COLUMNS = frozenset(
    {"article_id", "title", "text", "url", "sentence", "surface", "duplicate_group", "source_line",
     "statement_id", "stance_cues", "content", "speaker_text"}
)


def check_option(value, options, name):
    """Raise ValueError naming `name` unless `value` is one of `options`."""
    if value not in options:
        raise ValueError(
            f"The {name!r} parameter of score_corpus must be one of {options!r}. "
            f"Got {value!r} instead."
        )


def check_positive_int(value, name):
    """Return `value` as int; raise ValueError naming `name` unless it is an int >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(
            f"The {name!r} parameter of score_corpus must be an int >= 1. Got {value!r} instead."
        )
    return int(value)


def part_name(key: str) -> str:
    """File name of a chunk's part: ``part-<first 24 hex chars of its key>.parquet``."""
    return f"part-{key[:_KEY_CHARS]}.parquet"


def to_arrow(df: pd.DataFrame):
    """A pyarrow Table of `df` without its index; all-missing columns typed as string."""
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    for i, field in enumerate(table.schema):  # an all-missing column: store as string
        if pa.types.is_null(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.string()))
    return table


def write_table(table, path: Path) -> None:
    """Write one part file: zstd for the text columns, dictionary pages for the others.

    Free-text, id and line-number columns (:data:`_PLAIN_COLUMNS`, most of the
    bytes) are compressed with zstd level 1 and get neither dictionary encoding
    (their values rarely repeat, so the encoder only falls back after trying) nor
    min/max statistics (never useful for pruning). The other columns are dictionary
    encoded, keep their statistics (so DuckDB can still skip files by date or
    score) and are compressed with snappy: zstd sets up a context per column chunk
    (about 70 µs), which for the twenty-odd small columns of a part file took
    half its write time (6.3 -> 3.3 ms per file of ~850 mentions; files ~10 % larger).
    """
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    names = table.column_names
    plain = [c for c in names if c in PLAIN_COLUMNS]
    encoded = [c for c in names if c not in PLAIN_COLUMNS]
    pq.write_table(table, path,
                   compression={c: "zstd" if c in PLAIN_COLUMNS else "snappy" for c in names},
                   compression_level={c: 1 for c in plain} or None,
                   use_dictionary=encoded, write_statistics=encoded)


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 `text` to `path` through a temporary file and a rename (never half-written)."""
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def part_files(dataset_dir: Path, what: str) -> list[Path]:
    """Sorted part files of one table (``'articles'``, ``'mentions'`` or ``'statements'``)."""
    return sorted((dataset_dir / what).glob("part-*.parquet"))


def parquet_glob(dataset_dir: Path, what: str) -> str:
    """Glob pattern (POSIX path) of one table's part files, for DuckDB's ``read_parquet``."""
    return (dataset_dir / what / "part-*.parquet").as_posix()


def check_dataset(dataset_dir, func: str = "check_dataset") -> Path:
    """Check that a folder is a :func:`score_corpus` dataset.

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The folder to check.
    func : str, default='check_dataset'
        Name of the calling function, used in the message.

    Returns
    -------
    dataset_dir : pathlib.Path

    Raises
    ------
    FileNotFoundError
        If the folder holds no ``_manifest.sqlite``; the message says what to pass.
    ValueError
        If the dataset was written in another layout (its ``load_report.json`` records
        another :data:`SCHEMA_VERSION`); the message says how to rescore it.
    """
    dataset_dir = Path(dataset_dir)
    if not (dataset_dir / MANIFEST).is_file():
        raise FileNotFoundError(
            f"{str(dataset_dir)!r} is not a framing scores dataset (no {MANIFEST}); the "
            f"'dataset_dir' parameter of {func}() must be an out_dir written by score_corpus "
            "or `framing score`."
        )
    report = dataset_dir / REPORT
    if report.is_file():
        schema = json.loads(report.read_text(encoding="utf-8")).get("settings", {}).get("schema")
        if schema is not None and str(schema) != SCHEMA_VERSION:
            raise ValueError(
                f"Dataset {str(dataset_dir)!r} was written in layout version {schema} and this "
                f"framing reads version {SCHEMA_VERSION}; {func}() cannot read it. Score the "
                "corpus again into the same folder (`framing score CORPUS --out "
                f"{dataset_dir}`): every chunk is rescored and the old files are removed."
            )
    return dataset_dir


def string_array(values):
    """A sorted pyarrow string array of `values` (for ``is_in`` filters)."""
    import pyarrow as pa

    return pa.array(sorted(values), type=pa.string())


def file_rank(dataset_dir: Path) -> dict:
    """Corpus file -> its position in the reading order recorded in ``load_report.json``."""
    report = dataset_dir / REPORT
    files = json.loads(report.read_text(encoding="utf-8")).get("files", []) if (
        report.is_file()) else []
    return {f: i for i, f in enumerate(files)}

