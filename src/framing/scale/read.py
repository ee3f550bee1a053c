"""Reading a scores dataset back: tables in corpus order, column names, dataset counts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from framing.scale import layout

__all__ = [
    "connect_duckdb",
    "dataset_counts",
    "dataset_stats",
    "read_articles",
    "read_mentions",
    "read_statements",
    "table_columns",
]


def connect_duckdb():
    """An in-memory DuckDB connection (ImportError with the install command if missing)."""
    try:
        import duckdb
    except ImportError as err:  # pragma: no cover - duckdb is a dependency
        raise ImportError(
            "Out-of-core aggregation needs duckdb. Install it with: pip install duckdb"
        ) from err
    return duckdb.connect()


def dataset_stats(out_dir: Path) -> dict:
    """Counts over the whole dataset: ``n_outlets``, ``n_duplicate_groups``, ``n_articles_in_duplicates``."""
    if not any((out_dir / layout.ARTICLES_DIR).glob("part-*.parquet")):
        return {"n_outlets": 0, "n_duplicate_groups": 0, "n_articles_in_duplicates": 0}
    con = connect_duckdb()
    src = f"read_parquet('{layout.parquet_glob(out_dir, 'articles')}', union_by_name=true)"
    n_outlets = con.execute(f"SELECT count(DISTINCT outlet) FROM {src}").fetchone()[0]
    groups, members = con.execute(
        f"SELECT count(*), coalesce(sum(c), 0) FROM (SELECT count(*) c FROM {src} "
        "GROUP BY duplicate_group HAVING count(*) >= 2)"
    ).fetchone()
    return {"n_outlets": int(n_outlets), "n_duplicate_groups": int(groups),
            "n_articles_in_duplicates": int(members)}


def dataset_counts(dataset_dir) -> dict:
    """Counts for the checks of :func:`framing.study.dataset_problems`, out of core.

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.

    Returns
    -------
    counts : dict
        ``n_articles`` (accepted articles), ``n_no_text`` (status ``empty_text`` or
        ``no_text``), ``n_undated`` (``date_status`` neither ``ok`` nor ``naive``),
        ``n_mentions``, ``n_mentions_ok`` (``score_status == 'ok'``) and ``languages``
        (dict language -> articles, most frequent first; missing as ``'None'``).

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    """
    dataset_dir = layout.check_dataset(dataset_dir, "dataset_counts")
    con = connect_duckdb()
    counts = {"n_articles": 0, "n_no_text": 0, "n_undated": 0, "n_mentions": 0,
              "n_mentions_ok": 0, "languages": {}}
    if layout.part_files(dataset_dir, layout.ARTICLES_DIR):
        src = f"read_parquet('{layout.parquet_glob(dataset_dir, 'articles')}', union_by_name=true)"
        rows = con.execute(
            "SELECT language, count(*), "
            "count(*) FILTER (WHERE status IN ('empty_text', 'no_text')), "
            "count(*) FILTER (WHERE date_status IS NULL OR date_status NOT IN ('ok', 'naive')) "
            f"FROM {src} GROUP BY language ORDER BY count(*) DESC, language"
        ).fetchall()
        counts["languages"] = {str(lang): int(n) for lang, n, _, _ in rows}
        for key, i in (("n_articles", 1), ("n_no_text", 2), ("n_undated", 3)):
            counts[key] = int(sum(r[i] for r in rows))
    if layout.part_files(dataset_dir, layout.MENTIONS_DIR):
        src = f"read_parquet('{layout.parquet_glob(dataset_dir, 'mentions')}', union_by_name=true)"
        n, ok = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE score_status = 'ok') FROM {src}"
        ).fetchone()
        counts["n_mentions"], counts["n_mentions_ok"] = int(n), int(ok)
    return counts


def _files_in_corpus_order(dataset_dir: Path, what: str, rank: dict) -> list[Path]:
    """Part files of one table ordered by their chunk's corpus position (file, first line).

    Chunks are contiguous runs of records and a worker writes each table's rows in
    corpus order, so reading the files in this order gives rows in corpus order (and
    :func:`_read` does not need to sort). Files the manifest does not list come last.
    """
    import sqlite3

    files = layout.part_files(dataset_dir, what)
    db = sqlite3.connect(f"file:{dataset_dir / layout.MANIFEST}?mode=ro", uri=True)
    try:
        chunks = db.execute("SELECT key, file, first_line FROM chunks").fetchall()
    finally:
        db.close()
    position = {layout.part_name(key): (rank.get(file, len(rank)), file, first or 0)
                for key, file, first in chunks}
    last = (len(rank) + 1, "", 0)
    return sorted(files, key=lambda f: (position.get(f.name, last), f.name))


def _is_sorted(keys: list[np.ndarray]) -> bool:
    """Whether the rows are in lexicographic order of `keys` (primary key first)."""
    undecided = np.ones(max(len(keys[0]) - 1, 0), dtype=bool)
    for a in keys:
        earlier, later = a[:-1], a[1:]
        if (undecided & (earlier > later)).any():
            return False
        undecided &= ~(earlier < later)
    return True


#: Columns that give each table's corpus order (:func:`_read` checks it with them).
_ORDER_KEYS = {
    layout.ARTICLES_DIR: ("source_file", "source_line"),
    layout.MENTIONS_DIR: ("source_file", "source_line", "field", "start", "actor_id"),
    layout.STATEMENTS_DIR: ("article_id", "field", "start"),
}


def _sort_key(df, column, rank):
    """One order key as a numpy array: file reading rank, title first, category codes."""
    values = df[column]
    if column == "source_file":
        return values.map(rank).to_numpy(dtype=float)
    if column == "field":
        return (values != "title").to_numpy(dtype=bool)
    if isinstance(values.dtype, pd.CategoricalDtype):  # categories are sorted: codes order
        return values.cat.codes.to_numpy()
    return values.to_numpy()


def _sorted_dictionaries(table):
    """`table` with each dictionary column on one sorted dictionary (pandas: sorted categories).

    Sorted categories make grouping, factorizing and sorting on codes give the order of
    the strings. A column with more distinct values than half its rows (ids) is decoded
    back to strings: as a categorical it would save nothing.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    table = table.unify_dictionaries()  # one dictionary a column
    for i, field in enumerate(table.schema):
        if not pa.types.is_dictionary(field.type) or table.num_rows == 0:
            continue
        column = table.column(i).combine_chunks()  # a column at a time: low peak memory
        if len(column.dictionary) > table.num_rows // 2:
            table = table.set_column(i, field.name, column.cast(field.type.value_type))
            continue
        order = pc.array_sort_indices(column.dictionary)
        rank = np.empty(len(order), dtype=np.int32)
        rank[order.to_numpy()] = np.arange(len(order), dtype=np.int32)
        indices = pc.take(pa.array(rank), column.indices)
        table = table.set_column(i, field.name, pa.DictionaryArray.from_arrays(
            indices, column.dictionary.take(order)))
    return table


def _read(dataset_dir, what, columns, sort, filters=None, categorical=False):
    import pyarrow as pa
    import pyarrow.dataset as ds

    dataset_dir = Path(dataset_dir)
    rank = layout.file_rank(dataset_dir) if sort else {}  # corpus file -> reading position
    files = (_files_in_corpus_order(dataset_dir, what, rank) if sort
             else layout.part_files(dataset_dir, what))
    if not files:
        return pd.DataFrame(columns=list(columns) if columns else None)
    schema = ds.dataset([str(files[0])], format="parquet").schema
    text = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    fmt = (ds.ParquetFileFormat(read_options=ds.ParquetReadOptions(dictionary_columns=text))
           if categorical else "parquet")
    dataset = ds.dataset([str(f) for f in files], format=fmt)
    names = set(dataset.schema.names)
    wanted = [c for c in columns if c in names] if columns else list(dataset.schema.names)
    # the order check needs the order keys: read those not asked for, and drop them after
    keys = [k for k in _ORDER_KEYS[what] if k in names] if sort else []
    extra = [k for k in keys if k not in wanted]
    table = dataset.to_table(columns=[*wanted, *extra], filter=filters)
    if categorical:
        table = _sorted_dictionaries(table)
    df = table.to_pandas(split_blocks=True, self_destruct=True)  # frees each column converted
    del table
    pa.default_memory_pool().release_unused()  # return the Arrow buffers to the system
    if sort and len(df) and keys:
        if what == layout.STATEMENTS_DIR:  # corpus order of the articles, then field and offset
            arts = _read(dataset_dir, layout.ARTICLES_DIR, ["article_id"], True)
            order = [pd.Index(arts["article_id"]).get_indexer(df["article_id"]),
                     _sort_key(df, "field", rank), _sort_key(df, "start", rank)]
        else:
            order = [_sort_key(df, k, rank) for k in keys]
        if not _is_sorted(order):  # e.g. a chunk rewritten by hand: sort here
            idx = np.lexsort(order[::-1])
            df = df.iloc[idx].reset_index(drop=True)
    return df.drop(columns=extra) if extra else df


def table_columns(dataset_dir, table: str) -> list[str]:
    """Column names of one table of a :func:`score_corpus` dataset, in stored order.

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.
    table : {'articles', 'mentions', 'statements'}

    Returns
    -------
    columns : list of str
        Empty when the table has no part file yet.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    ValueError
        If `table` is not one of the three names.
    """
    import pyarrow.parquet as pq

    layout.check_option(table, layout.TABLES, "table")
    dataset_dir = layout.check_dataset(dataset_dir, "table_columns")
    files = layout.part_files(dataset_dir, table)
    return list(pq.read_schema(files[0]).names) if files else []


def read_mentions(dataset_dir, *, columns=None, sort=True, categorical=False,
                  articles=None) -> pd.DataFrame:
    """Read the scored mentions of a :func:`score_corpus` dataset into memory.

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.
    columns : sequence of str, optional
        Columns to read (all by default); reading few columns keeps memory low.
    sort : bool, default=True
        Sort by ``source_file``, ``source_line``, ``field``, ``start``, ``actor_id``
        (corpus order), so the result does not depend on the engine.
    categorical : bool, default=False
        Read the text columns as pandas categoricals (categories sorted), not strings:
        about a tenth of the memory for repeated values (outlet, actor, label), and
        faster grouping. Values, order and group results are the same. A column with
        more distinct values than half its rows (ids of a small table) stays strings.
    articles : sequence of str, optional
        Read only the mentions of these article ids (filtered while reading: memory
        follows the result, not the dataset).

    Returns
    -------
    mentions : pandas.DataFrame of shape (n_mentions, n_columns)
        The columns of :func:`framing.actors.find_mentions`, the scorer's
        (:func:`framing.scorers.score_mentions`) and the stance columns of
        :func:`framing.stance.score_stance`.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    """
    dataset_dir = layout.check_dataset(dataset_dir, "read_mentions")
    filters = None
    if articles is not None:
        import pyarrow.compute as pc

        filters = pc.field("article_id").isin([str(a) for a in articles])
    return _read(dataset_dir, "mentions", columns, sort, filters=filters, categorical=categorical)


def read_articles(dataset_dir, *, columns=None, sort=True, categorical=False) -> pd.DataFrame:
    """Read the articles table of a :func:`score_corpus` dataset (see :func:`read_mentions`).

    Returns
    -------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        The columns of :func:`framing.corpus.load_corpus`.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    """
    dataset_dir = layout.check_dataset(dataset_dir, "read_articles")
    return _read(dataset_dir, layout.ARTICLES_DIR, columns, sort, categorical=categorical)


def read_statements(dataset_dir, *, columns=None, sort=True, categorical=False) -> pd.DataFrame:
    """Read the attributed statements of a :func:`score_corpus` dataset.

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.
    columns : sequence of str, optional
        Columns to read (all by default).
    sort : bool, default=True
        Sort by article (corpus order), field (title first) and offset, as
        :func:`framing.quotes.find_statements` does.
    categorical : bool, default=False
        Read the text columns as pandas categoricals (categories sorted), not strings:
        about a tenth of the memory for repeated values (outlet, actor, label), and
        faster grouping. Values, order and group results are the same. A column with
        more distinct values than half its rows (ids of a small table) stays strings.

    Returns
    -------
    statements : pandas.DataFrame of shape (n_statements, 15)
        The columns of :func:`framing.quotes.find_statements`.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    """
    from framing.quotes import STATEMENT_COLUMNS

    dataset_dir = layout.check_dataset(dataset_dir, "read_statements")
    return _read(dataset_dir, layout.STATEMENTS_DIR, columns or list(STATEMENT_COLUMNS), sort,
                 categorical=categorical)

