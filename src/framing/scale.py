"""Score large corpora: streaming in chunks, a resumable cache, processes or Dask.

:func:`score_corpus` reads a corpus in chunks of records (bounded memory), finds
the actor mentions and scores them chunk by chunk (in this process, in ``jobs``
worker processes, or on a Dask cluster), and writes a Parquet dataset partitioned
by outlet and month. A SQLite manifest records every finished chunk, so a rerun on
an unchanged corpus scores nothing, appended articles are scored alone, and a
killed run resumes where it stopped. :func:`aggregate_dataset` computes the group
table of :func:`framing.aggregate.aggregate_scores` out of core with DuckDB.

>>> from framing.scale import score_corpus, read_mentions, aggregate_dataset
>>> result = score_corpus("big.jsonl", "scores/", jobs=2)  # doctest: +SKIP
>>> table = aggregate_dataset("scores/", by=("outlet", "actor_id"))  # doctest: +SKIP
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import pickle
import sqlite3
import time
import urllib.parse
import uuid
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

import framing
from framing import corpus as _corpus
from framing.actors import ActorRegistry, find_mentions, load_actors
from framing.quotes import find_statements
from framing.stance import score_stance
from framing.scorers import DEFAULT_SCORER, get_scorer, score_mentions

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ENGINES",
    "ScoreResult",
    "aggregate_dataset",
    "check_dataset",
    "read_articles",
    "read_mentions",
    "read_statements",
    "score_corpus",
    "table_columns",
    "TABLES",
]

#: Records per chunk: the unit of work, of caching and of resumption.
DEFAULT_CHUNK_SIZE = 5000
#: Tables of a dataset (see :func:`table_columns`).
TABLES = ("articles", "mentions", "statements")
#: Execution engines of :func:`score_corpus`.
ENGINES = ("local", "dask")

_MANIFEST = "_manifest.sqlite"
_ARTICLES_DIR = "articles"
_STATEMENTS_DIR = "statements"
_REPORT = "load_report.json"
_REJECTIONS = "rejections.csv"
_SCHEMA_VERSION = "2"  # 2: stance columns and statements/
_KEY_CHARS = 24  # hex chars of a chunk key used in part file names
# Free-text, id and line-number columns: values rarely repeat, so they are written
# without dictionary pages or statistics (see _write_table).
_PLAIN_COLUMNS = frozenset(
    {"article_id", "title", "text", "url", "sentence", "surface", "duplicate_group", "source_line",
     "statement_id", "stance_cues", "content", "speaker_text"}
)

# Per-process worker state, keyed by the settings key (set once per worker).
_WORKER_STATE: dict[str, dict] = {}


# --------------------------------------------------------------------------- results


@dataclasses.dataclass
class ScoreResult:
    """What :func:`score_corpus` did.

    Attributes
    ----------
    out_dir : pathlib.Path
        The dataset folder.
    n_chunks : int
        Chunks in the corpus (live in the dataset after the run).
    n_chunks_scored : int
        Chunks scored in this run (the rest came from the cache).
    n_read, n_accepted, n_rejected : int
        Records read, accepted as articles, rejected (see ``rejections``).
    n_articles_scored : int
        Articles whose mentions were found and scored in this run.
    n_mentions : int
        Mention rows in the dataset.
    n_mentions_scored : int
        Mention rows produced in this run.
    n_chunks_removed : int
        Chunks of an earlier run no longer in the corpus (their parts were deleted).
    seconds : float
        Wall time of the run, in seconds.
    cpu_seconds : float
        CPU time of this process, its worker processes (up to their last chunk)
        and the fork server that starts them, in seconds (Dask workers not included).
    rejections : pandas.DataFrame
        ``file``, ``line``, ``reason``, ``detail``: every rejected record.
    report : dict
        The load report written to ``load_report.json``.
    """

    out_dir: Path
    n_chunks: int = 0
    n_chunks_scored: int = 0
    n_read: int = 0
    n_accepted: int = 0
    n_rejected: int = 0
    n_articles_scored: int = 0
    n_mentions: int = 0
    n_mentions_scored: int = 0
    n_chunks_removed: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    rejections: pd.DataFrame = dataclasses.field(default_factory=_corpus._empty_rejections)
    report: dict = dataclasses.field(default_factory=dict)


# --------------------------------------------------------------------------- settings


def _file_sha256(path) -> str | None:
    if path is None:
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _registry_digest(registry: ActorRegistry) -> str:
    """Hash of the registry's content (every actor's fields), independent of the file."""
    rows = registry.to_frame().astype(str).to_numpy().tolist()
    forms = [(a.id, [(x.text, x.kind) for x in a.aliases]) for a in registry]
    payload = json.dumps([rows, forms], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _check_option(value, options, name):
    if value not in options:
        raise ValueError(
            f"The {name!r} parameter of score_corpus must be one of {options!r}. "
            f"Got {value!r} instead."
        )


def _check_positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(
            f"The {name!r} parameter of score_corpus must be an int >= 1. Got {value!r} instead."
        )
    return int(value)


# --------------------------------------------------------------------------- reading


def _hash_lines(prefix: bytes, lines) -> str:
    digest = hashlib.blake2b(prefix, digest_size=20)
    for lineno, text in lines:
        digest.update(b"%d\x00" % lineno)
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _iter_jsonl_chunks(path: Path, encoding: str, chunk_size: int, known: Mapping):
    """Yield ``(first_line, last_line, lines)``; reuse a known chunk boundary when one starts here."""
    buffer, first, limit = [], None, None
    for lineno, line in _corpus._iter_lines(path, encoding):
        if first is None:
            first = lineno
            limit = known.get((str(path), lineno))
        if line.strip():
            buffer.append((lineno, line))
        full = lineno >= limit if limit is not None else len(buffer) >= chunk_size
        if full:
            yield first, lineno, buffer
            buffer, first, limit = [], None, None
    if first is not None and (buffer or limit is not None):
        yield first, lineno, buffer


def _iter_csv_chunks(path: Path, encoding: str, chunk_size: int, known: Mapping):
    """Yield ``(first_line, last_line, records, rejections)`` from a CSV file."""
    rej = _corpus._Rejections(False)
    buffer, n_read, first = [], 0, None
    for start, end, record in _corpus._iter_csv_records(path, encoding, rej):
        if first is None:
            first = start
        n_read += 1
        if record is not None:
            buffer.append(record)
        if n_read >= chunk_size:
            yield first, end, buffer, n_read, rej.rows
            buffer, n_read, first, rej.rows = [], 0, None, []
    if first is not None:
        yield first, end, buffer, n_read, rej.rows


def _iter_frame_chunks(path: Path, fmt: str, encoding: str, chunk_size: int, columns):
    """Formats without streaming support (text folder, BASIL): read whole, then chunk."""
    rej = _corpus._Rejections(False)
    df, _n_read, _files = _corpus._read_one(path, fmt, encoding, rej, None)
    records = df.to_dict("records")
    for k in range(0, max(len(records), 1), chunk_size):
        part = records[k : k + chunk_size]
        lines = [r[_corpus._PROV_LINE] for r in part] or [0]
        # rejections made while reading the whole file are reported with the first chunk
        yield min(lines), max(lines), part, len(part) + (len(rej.rows) if k == 0 else 0), (
            rej.rows if k == 0 else []
        )


def _iter_parquet_chunks(path: Path, chunk_size: int):
    import pyarrow.parquet as pq

    line = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
        records = batch.to_pandas().to_dict("records")
        for i, rec in enumerate(records):
            rec[_corpus._PROV_FILE] = str(path)
            rec[_corpus._PROV_LINE] = line + i
        yield line, line + len(records) - 1, records, len(records), []
        line += len(records)


def _plan_chunks(paths_list, fmt, encoding, chunk_size, known, prefix) -> Iterator[dict]:
    """Yield one task dict per chunk, with its content key, in corpus order."""
    for path in paths_list:
        if not path.exists():
            raise FileNotFoundError(
                f"Corpus path {str(path)!r} does not exist. Check the path (relative paths are "
                f"resolved from {os.getcwd()!r})."
            )
        kind = _corpus._detect_format(path, fmt)
        if kind == "jsonl" and not path.is_dir():
            for first, last, lines in _iter_jsonl_chunks(path, encoding, chunk_size, known):
                key = _hash_lines(prefix + str(path).encode() + b"\x00jsonl\x00", lines)
                yield {"file": str(path), "first_line": first, "last_line": last, "key": key,
                       "lines": lines, "records": None, "n_read": len(lines), "rejected": []}
            continue
        if kind == "csv" and not path.is_dir():
            chunks = _iter_csv_chunks(path, encoding, chunk_size, known)
        elif kind == "parquet" and not path.is_dir():
            chunks = _iter_parquet_chunks(path, chunk_size)
        else:
            chunks = _iter_frame_chunks(path, kind, encoding, chunk_size, None)
        for first, last, records, n_read, rejected in chunks:
            payload = pickle.dumps((records, rejected), protocol=5)
            digest = hashlib.blake2b(prefix + str(path).encode() + kind.encode(), digest_size=20)
            digest.update(payload)
            yield {"file": str(path), "first_line": first, "last_line": last,
                   "key": digest.hexdigest(), "lines": None, "records": records,
                   "n_read": n_read, "rejected": list(rejected)}


# --------------------------------------------------------------------------- worker


def _init_worker(state_key: str, state_bytes: bytes) -> None:
    """Build the registry, outlet map and fitted scorer once per worker process."""
    if state_key in _WORKER_STATE:
        return
    state = pickle.loads(state_bytes)
    scorer = get_scorer(state["scorer"], **state["scorer_params"])
    scorer.fit([])
    state["scorer_obj"] = scorer
    state["outlet_map"] = _corpus._as_outlet_map(state["outlets"])
    _WORKER_STATE[state_key] = state


def _init_pool_worker(state_key: str, state_bytes: bytes) -> None:
    """:func:`_init_worker` in a worker process of our own pool, then freeze the heap.

    :func:`gc.freeze` moves everything alive now (modules, models, registry) to the
    permanent generation: full collections stop traversing it and stop writing to
    the pages shared with the fork server. Only our own pool's workers are frozen;
    Dask workers and the caller's process are left as they are.
    """
    _init_worker(state_key, state_bytes)
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def _fewer_gc_passes():
    """Raise the collector's generation-0 threshold (700 -> 10,000) while a chunk runs.

    A chunk allocates millions of short-lived tuples and lists that reference
    counting frees. With the default thresholds the cyclic collector ran about 85
    times per 1,000 articles and took 3.3 % of the CPU time of scoring 10,000
    synthetic articles in one process (timed with :data:`gc.callbacks`); with
    these, 0.6 %. Cycles are still collected, just less often. The previous
    thresholds are restored afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _parse_jsonl(lines, path, rej):
    """Parse JSONL lines as :func:`framing.corpus.load_corpus` does (same rejections)."""
    records = []
    _corpus._parse_jsonl_lines(lines, path, rej, records)
    return records


def _part_name(key: str) -> str:
    return f"part-{key[:_KEY_CHARS]}.parquet"


def _partition_dir(outlet: str, month: str) -> str:
    return f"outlet={urllib.parse.quote(outlet, safe='')}/month={month}"


def _months(published: pd.Series) -> np.ndarray:
    """``'YYYY-MM'`` in UTC per row, ``'none'`` for NaT."""
    values = published.to_numpy(dtype="datetime64[ns]") if len(published) else np.array(
        [], dtype="datetime64[ns]")
    out = np.full(len(values), "none", dtype=object)
    ok = ~np.isnat(values)
    if ok.any():
        out[ok] = np.datetime_as_string(values[ok].astype("datetime64[M]"), unit="M")
    return out


def _to_arrow(df: pd.DataFrame):
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    for i, field in enumerate(table.schema):  # an all-missing column: store as string
        if pa.types.is_null(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.string()))
    return table


def _write_table(table, path: Path) -> None:
    """Write one part file: zstd for the text columns, dictionary pages for the others.

    Free-text, id and line-number columns (:data:`_PLAIN_COLUMNS`, most of the
    bytes) are compressed with zstd level 1 and get neither dictionary encoding
    (their values rarely repeat, so the encoder only falls back after trying) nor
    min/max statistics (never useful for pruning). The other columns are dictionary
    encoded, keep their statistics (so DuckDB can still skip files by date or
    score) and are compressed with snappy: zstd sets up a context per column chunk
    (about 70 µs), which for the twenty-odd small columns of a partition file took
    half its write time (6.3 -> 3.3 ms per file of ~850 mentions; files ~10 % larger).
    """
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    names = table.column_names
    plain = [c for c in names if c in _PLAIN_COLUMNS]
    encoded = [c for c in names if c not in _PLAIN_COLUMNS]
    pq.write_table(table, path,
                   compression={c: "zstd" if c in _PLAIN_COLUMNS else "snappy" for c in names},
                   compression_level={c: 1 for c in plain} or None,
                   use_dictionary=encoded, write_statistics=encoded)


@_fewer_gc_passes()
def _process_chunk(task: dict) -> dict:
    """Validate, find mentions, score and write one chunk to temporary files.

    Returns the chunk's metadata; the caller renames the temporary files into place.
    """
    state = _WORKER_STATE[task["state_key"]]
    rej = _corpus._Rejections(False)
    path = Path(task["file"])
    if task["lines"] is not None:
        records = _parse_jsonl(task["lines"], path, rej)
    else:
        records = task["records"]
        rej.rows.extend(task["rejected"])
    if records:
        raw = pd.DataFrame.from_records(records)
    else:
        raw = pd.DataFrame({_corpus._PROV_FILE: pd.Series([], dtype=object),
                            _corpus._PROV_LINE: pd.Series([], dtype="int64")})
    raw = _corpus._apply_column_map(raw, state["columns"], path)
    # one BLAS thread: chunks are the unit of parallelism, and idle BLAS threads spin
    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("ignore", UserWarning)
        articles, stats = _corpus._build_articles(
            raw, rej, state["default_tz"], state["outlet_map"], state["detect_language"]
        )
        mentions = find_mentions(articles, state["registry"], metonyms=state["metonyms"])
        scored = score_mentions(mentions, state["scorer_obj"])
        statements = find_statements(articles, state["registry"], mentions=mentions)
        scored = score_stance(articles, scored, statements, actors=state["registry"])

    out_dir = Path(task["out_dir"])
    tmp_tag = f".{uuid.uuid4().hex[:8]}.tmp"
    name = _part_name(task["key"])
    files = []
    if len(articles):
        target = Path(_ARTICLES_DIR) / name
        tmp = out_dir / _ARTICLES_DIR / ("." + name + tmp_tag)
        _write_table(_to_arrow(articles), tmp)
        files.append((str(tmp), str(target)))
    if len(statements):
        target = Path(_STATEMENTS_DIR) / name
        tmp = out_dir / _STATEMENTS_DIR / ("." + name + tmp_tag)
        _write_table(_to_arrow(statements), tmp)
        files.append((str(tmp), str(target)))
    if len(scored):
        months = _months(scored["published"])
        outlets = scored["outlet"].to_numpy(dtype=object)
        table = _to_arrow(scored)
        keys = pd.DataFrame({"o": outlets, "m": months})
        for (outlet, month), idx in keys.groupby(["o", "m"], sort=True).indices.items():
            sub = Path(_partition_dir(outlet, month))
            tmp = out_dir / sub / ("." + name + tmp_tag)
            _write_table(table.take(np.asarray(idx)), tmp)
            files.append((str(tmp), str(sub / name)))
    ok = scored["score_status"].to_numpy(dtype=object) == "ok" if len(scored) else np.zeros(0, bool)
    return {
        "key": task["key"],
        "file": task["file"],
        "first_line": task["first_line"],
        "last_line": task["last_line"],
        "n_read": task["n_read"],
        "article_ids": articles["article_id"].tolist(),
        "article_lines": articles["source_line"].tolist(),
        "rejections": [list(r) for r in rej.rows],
        "stats": _jsonable_stats(stats),
        "n_mentions": len(scored),
        "n_mentions_ok": int(ok.sum()),
        "files": files,
        "cpu": time.process_time(),
        "pid": os.getpid(),
    }


def _jsonable_stats(stats: dict) -> dict:
    return json.loads(json.dumps(stats, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


def _run_local_task(task):
    return _process_chunk(task)


# --------------------------------------------------------------------------- manifest


def _open_manifest(out_dir: Path) -> sqlite3.Connection:
    db = sqlite3.connect(out_dir / _MANIFEST)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE IF NOT EXISTS chunks (
            key TEXT PRIMARY KEY, file TEXT, first_line INTEGER, last_line INTEGER,
            n_read INTEGER, n_articles INTEGER, n_mentions INTEGER, n_mentions_ok INTEGER,
            files TEXT, rejections TEXT, stats TEXT, ids BLOB);
        """
    )
    return db


def _commit_chunk(db, out_dir: Path, result: dict, drop_ids: set) -> dict:
    """Rename a chunk's temporary files into place and record it in the manifest."""
    ids, lines = result["article_ids"], result["article_lines"]
    if drop_ids:  # ids already used by an earlier chunk: remove those rows
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        for tmp, _final in result["files"]:
            table = pq.read_table(tmp)
            mask = pc.invert(pc.is_in(table["article_id"], value_set=_pa_strings(drop_ids)))
            _write_table(table.filter(mask), Path(tmp))
        keep = [i for i, a in enumerate(ids) if a not in drop_ids]
        ids, lines = [ids[i] for i in keep], [lines[i] for i in keep]
    finals = []
    for tmp, final in result["files"]:
        os.replace(tmp, out_dir / final)
        finals.append(final)
    db.execute(
        "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            result["key"], result["file"], result["first_line"], result["last_line"],
            result["n_read"], len(ids), result["n_mentions"], result["n_mentions_ok"],
            json.dumps(finals), json.dumps(result["rejections"]), json.dumps(result["stats"]),
            pickle.dumps((ids, lines), protocol=5),
        ),
    )
    db.commit()
    return {"ids": ids, "lines": lines}


def _pa_strings(values):
    import pyarrow as pa

    return pa.array(sorted(values), type=pa.string())


def _remove_tmp_files(out_dir: Path) -> None:
    for tmp in out_dir.rglob(".part-*.tmp"):
        tmp.unlink(missing_ok=True)


def _collect_garbage(db, out_dir: Path, live: set) -> int:
    """Delete chunks not in `live` and part files no manifest row refers to."""
    stale = [k for (k,) in db.execute("SELECT key FROM chunks") if k not in live]
    for key in stale:
        (files,) = db.execute("SELECT files FROM chunks WHERE key=?", (key,)).fetchone()
        for rel in json.loads(files):
            (out_dir / rel).unlink(missing_ok=True)
        db.execute("DELETE FROM chunks WHERE key=?", (key,))
    db.commit()
    referenced = set()
    for (files,) in db.execute("SELECT files FROM chunks"):
        referenced.update(json.loads(files))
    for part in out_dir.rglob("part-*.parquet"):
        if part.relative_to(out_dir).as_posix() not in referenced:
            part.unlink()
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    _remove_tmp_files(out_dir)
    return len(stale)


# --------------------------------------------------------------------------- engines


def _process_cpu_seconds(pid) -> float:
    """CPU time (user + system, seconds) of process `pid` so far; 0.0 when unreadable."""
    if not pid:
        return 0.0
    try:  # Linux
        with open(f"/proc/{int(pid)}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:  # pragma: no cover - other platforms
        import psutil
    except ImportError:  # pragma: no cover
        return 0.0
    try:  # pragma: no cover
        times = psutil.Process(int(pid)).cpu_times()
    except psutil.Error:  # pragma: no cover - process gone
        return 0.0
    return float(times.user + times.system)  # pragma: no cover


def _forkserver_cpu_seconds() -> float:
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    return _process_cpu_seconds(getattr(server, "_forkserver_pid", None))


class _LocalEngine:
    """In-process (jobs=1) or a process pool; results are consumed in submission order.

    Worker processes come from a fork server that has imported :mod:`framing.scale`
    (pandas, scikit-learn, pyarrow ...) and loaded the language identifier once
    (:mod:`framing._preload`; the workers share its pages), so a worker starts in milliseconds
    instead of re-importing for 2-4 s of CPU as a spawned interpreter does; the
    fork server is a fresh single-threaded process, so forking it is safe where
    forking this (possibly threaded) process would not be. Platforms without fork
    servers use spawn. :attr:`extra_cpu_seconds` is the fork server's CPU during
    the run (its imports, the first time), which worker CPU times do not include.
    """

    def __init__(self, jobs, state_key, state_bytes):
        self.jobs = jobs
        self.pool = None
        self.extra_cpu_seconds = 0.0
        if jobs == 1:
            _init_worker(state_key, state_bytes)
        else:
            import concurrent.futures
            import multiprocessing

            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["framing._preload"])
                self._server_cpu0 = _forkserver_cpu_seconds()
            else:  # pragma: no cover - Windows
                context = multiprocessing.get_context("spawn")
                self._server_cpu0 = None
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=context,
                initializer=_init_pool_worker,
                initargs=(state_key, state_bytes),
            )

    def submit(self, task):
        if self.pool is None:
            return _Done(_process_chunk(task))
        return self.pool.submit(_process_chunk, task)

    def close(self, cancel=False):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            if self._server_cpu0 is not None:
                self.extra_cpu_seconds = _forkserver_cpu_seconds() - self._server_cpu0


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _DaskEngine:
    """Submit chunks to a ``dask.distributed`` scheduler; the state ships once per worker."""

    def __init__(self, scheduler, state_key, state_bytes):
        try:
            from distributed import Client, WorkerPlugin
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError(
                "engine='dask' needs dask.distributed, which is not installed. Install it "
                "with: pip install 'framing[dask]' (or pip install 'dask[distributed]')."
            ) from err
        if scheduler is None:
            raise ValueError(
                "The 'scheduler' parameter of score_corpus is required with engine='dask': "
                "pass a scheduler address such as 'tcp://10.0.0.5:8786' or a "
                "distributed.Client. Got None."
            )

        class _Setup(WorkerPlugin):
            name = f"framing-scale-{state_key[:16]}"

            def setup(self, worker):
                _init_worker(state_key, state_bytes)

        self.own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self.own else scheduler
        self.client.register_plugin(_Setup())
        self.state_key, self.state_bytes = state_key, state_bytes

    def submit(self, task):
        return self.client.submit(_dask_task, task, self.state_key, self.state_bytes, pure=False)

    def close(self, cancel=False):
        if self.own:
            self.client.close()


def _dask_task(task, state_key, state_bytes):
    _init_worker(state_key, state_bytes)  # no-op when the plugin ran
    return _process_chunk(task)


# --------------------------------------------------------------------------- main entry


def score_corpus(
    corpus: str | os.PathLike | Sequence[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    actors: str | os.PathLike | ActorRegistry | None = None,
    outlets: str | os.PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    corpus_format: str = "auto",
    encoding: str = "utf-8",
    default_tz: str = "UTC",
    detect_language: bool = True,
    scorer: str = DEFAULT_SCORER,
    scorer_params: Mapping | None = None,
    metonyms: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    jobs: int = 1,
    engine: str = "local",
    scheduler=None,
    progress: bool = True,
) -> ScoreResult:
    """Find and score every actor mention of a large corpus into a Parquet dataset.

    The corpus is read in chunks of `chunk_size` records; each chunk is validated
    as :func:`framing.corpus.load_corpus` would (same rejections, with file and
    line), its mentions are found (:func:`framing.actors.find_mentions`) and scored
    (:func:`framing.scorers.score_mentions`), and the rows are written to
    ``out_dir`` as ``outlet=<outlet>/month=<YYYY-MM|none>/part-<key>.parquet``
    (one file per chunk and partition), with the articles in
    ``articles/part-<key>.parquet``. Chunks whose content key is already in the
    manifest are not scored again.

    Parameters
    ----------
    corpus : str, os.PathLike or list of them
        JSONL and CSV files are streamed; Parquet is read in row batches; a text
        folder or BASIL file is read whole and then chunked.
    out_dir : str or os.PathLike
        Dataset folder; created if needed, reused (and updated) if it exists.
    actors : str, os.PathLike or ActorRegistry, optional
        Actor registry. Default: ``corpus/actors.yml``.
    outlets : str or os.PathLike, optional
        Outlet map YAML (see :func:`framing.corpus.load_outlets`).
    columns : mapping of str to str, optional
        File field → canonical column, e.g. ``{"body": "text"}``.
    corpus_format : {'auto', 'jsonl', 'csv', 'parquet', 'text', 'basil'}, default='auto'
    encoding : str, default='utf-8'
    default_tz : str, default='UTC'
        Zone for timestamps without an offset.
    detect_language : bool, default=True
        As in :func:`framing.corpus.load_corpus`.
    scorer : str, default=DEFAULT_SCORER
        Any registered scorer name (:func:`framing.scorers.available_scorers`).
    scorer_params : mapping, optional
        Keyword arguments for the scorer's constructor.
    metonyms : bool, default=True
        Count metonyms as mentions.
    chunk_size : int, default=5000
        Records per chunk (unit: records). Memory per worker grows with it.
    jobs : int, default=1
        Worker processes with ``engine='local'``; 1 runs in this process.
    engine : {'local', 'dask'}, default='local'
    scheduler : str or distributed.Client, optional
        Scheduler address (``'tcp://host:8786'``) or client; required with
        ``engine='dask'``. Workers must see `out_dir` and the corpus at the same
        paths (a shared file system).
    progress : bool, default=True
        Show a progress bar (bytes read, articles/s, ETA) on stderr.

    Returns
    -------
    result : ScoreResult
        Counters (chunks scored vs. cached, records, mentions), times and rejections.
        ``load_report.json`` and ``rejections.csv`` are written to `out_dir`.

    Raises
    ------
    FileNotFoundError
        If a corpus path does not exist.
    CorpusFormatError
        If a file cannot be decoded or a CSV is malformed (names file and line).
    UnknownScorerError
        If `scorer` is not registered.
    ValueError
        If `engine`, `jobs` or `chunk_size` is invalid, or `scheduler` is missing
        with ``engine='dask'``.

    Notes
    -----
    **Cache.** A chunk's key is a BLAKE2b hash of the settings (framing version,
    registry content, outlet-map bytes, column map, format, encoding, time zone,
    language option, metonyms, scorer name, version and parameters) and the chunk's
    file name, line numbers and raw bytes. A rerun reuses every chunk whose key is in
    the manifest; chunk boundaries of the previous run are reused, so articles
    appended to a file form new chunks and only they are scored. Editing a record
    rescores its chunk; inserting lines in the middle of a file rescores the chunks
    from there on. Changing the actor registry, the outlet map or the scorer changes
    every key: **everything is rescored** (a registry change can alter any
    article's mentions, and per-actor invalidation is not implemented). Chunks of
    the previous run that are no longer in the corpus are deleted at the end.

    **Interruption.** Workers write ``.part-*.tmp`` files; the main process renames
    them into place (atomic on one file system) and then records the chunk in
    ``_manifest.sqlite`` (a transaction). A killed run leaves at most temporary
    files and unrecorded parts, which the next run deletes before resuming.

    **Duplicates across chunks.** An ``article_id`` already accepted in an earlier
    chunk is rejected (``duplicate_id``), as :func:`~framing.corpus.load_corpus`
    does. ``duplicate_group`` is computed per article, so it is the same as in
    ``load_corpus``.

    **Order.** Chunks are committed in corpus order whatever the engine, so
    ``jobs=1``, ``jobs=N`` and Dask give the same dataset.

    Examples
    --------
    >>> result = score_corpus("corpus/articles.jsonl", "/tmp/scores")  # doctest: +SKIP
    >>> result.n_chunks_scored, result.n_mentions  # doctest: +SKIP
    """
    started, cpu0 = time.perf_counter(), time.process_time()
    _check_option(engine, ENGINES, "engine")
    jobs = _check_positive_int(jobs, "jobs")
    chunk_size = _check_positive_int(chunk_size, "chunk_size")
    _check_option(corpus_format, _corpus.FORMATS, "corpus_format")
    _corpus._check_tz(default_tz)
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(
            "The 'columns' parameter of score_corpus must be a dict mapping file field names "
            f"to canonical names, e.g. {{'body': 'text'}}. Got {columns!r} instead."
        )
    registry = actors if isinstance(actors, ActorRegistry) else load_actors(actors)
    scorer_params = dict(scorer_params or {})
    probe = get_scorer(scorer, **scorer_params)  # fails early on an unknown name
    outlet_map = _corpus._as_outlet_map(outlets)  # fails early on a malformed map
    del outlet_map
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths_list = [Path(p) for p in (corpus if isinstance(corpus, list | tuple) else [corpus])]

    settings = {
        "schema": _SCHEMA_VERSION,
        "framing_version": framing.__version__,
        "registry": _registry_digest(registry),
        "outlets": _file_sha256(outlets) if outlets is not None else None,
        "columns": dict(columns or {}),
        "corpus_format": corpus_format,
        "encoding": encoding,
        "default_tz": str(default_tz),
        "detect_language": detect_language if isinstance(detect_language, bool | str)
        else sorted(detect_language),
        "metonyms": bool(metonyms),
        "scorer": probe.name,
        "scorer_version": str(getattr(probe, "version", "0")),
        "scorer_params": {k: repr(v) for k, v in sorted(scorer_params.items())},
    }
    state_key = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    state = {
        "registry": registry, "outlets": outlets, "columns": dict(columns) if columns else None,
        "default_tz": default_tz, "detect_language": detect_language,
        "metonyms": bool(metonyms), "scorer": scorer, "scorer_params": scorer_params,
    }
    state_bytes = pickle.dumps(state, protocol=5)

    db = _open_manifest(out_dir)
    _remove_tmp_files(out_dir)
    known = {}
    for file, first, last in db.execute("SELECT file, first_line, last_line FROM chunks"):
        known.setdefault((file, first), last)
    stored = {row[0] for row in db.execute("SELECT key FROM chunks")}

    result = ScoreResult(out_dir=out_dir)
    if engine == "dask":
        runner = _DaskEngine(scheduler, state_key, state_bytes)
    else:
        runner = _LocalEngine(jobs, state_key, state_bytes)
    window = 1 if jobs == 1 and engine == "local" else 2 * max(jobs, 2)
    bar = _progress_bar(paths_list, progress)
    seen: dict[str, tuple[str, int]] = {}
    live: set[str] = set()
    rejections: list = []
    stats_total: dict = {}
    worker_cpu: dict = {}
    pending: collections.deque = collections.deque()
    prefix = state_key.encode()

    def finish(item):
        task, future = item
        key = task["key"]
        if future is None:  # cached
            row = db.execute(
                "SELECT n_read, n_mentions, rejections, stats, ids FROM chunks WHERE key=?",
                (key,),
            ).fetchone()
            ids, lines = pickle.loads(row[4])
            if any(a in seen for a in ids):  # an earlier chunk now holds one of its ids
                task["key"] = key = _rekey(key, ids, seen)
                return finish((task, runner.submit(_with_state(task, state_key, out_dir))))
            meta = {"ids": ids, "lines": lines, "n_read": row[0], "n_mentions": row[1],
                    "rejections": json.loads(row[2]), "stats": json.loads(row[3])}
        else:
            res = future.result()
            if res["pid"] != os.getpid():
                worker_cpu[res["pid"]] = res["cpu"]
            dup = {a for a in res["article_ids"] if a in seen}
            kept = _commit_chunk(db, out_dir, res, dup)
            for a, line in zip(res["article_ids"], res["article_lines"]):
                if a in dup:
                    file0, line0 = seen[a]
                    res["rejections"].append([
                        res["file"], int(line), "duplicate_id",
                        f"line {line}: article_id {a!r} already used at {file0!r} line {line0}",
                    ])
            if dup:
                db.execute("UPDATE chunks SET rejections=? WHERE key=?",
                           (json.dumps(res["rejections"]), key))
                db.commit()
            meta = {"ids": kept["ids"], "lines": kept["lines"], "n_read": res["n_read"],
                    "n_mentions": res["n_mentions"], "rejections": res["rejections"],
                    "stats": res["stats"]}
            result.n_chunks_scored += 1
            result.n_articles_scored += len(kept["ids"])
            result.n_mentions_scored += res["n_mentions"]
        live.add(key)
        for a, line in zip(meta["ids"], meta["lines"]):
            seen[a] = (task["file"], line)
        result.n_chunks += 1
        result.n_read += meta["n_read"]
        result.n_accepted += len(meta["ids"])
        result.n_mentions += meta["n_mentions"]
        rejections.extend(meta["rejections"])
        _add_stats(stats_total, meta["stats"])
        if bar is not None:
            bar.update(task["n_bytes"])
            elapsed = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix(articles=result.n_accepted,
                            art_per_s=f"{result.n_accepted / elapsed:,.0f}",
                            scored=result.n_chunks_scored)

    try:
        for task in _plan_chunks(paths_list, corpus_format, encoding, chunk_size, known, prefix):
            task["n_bytes"] = _task_bytes(task)
            if task["key"] in stored and task["key"] not in live:
                # keep the records: if an earlier chunk now holds one of its ids, the
                # chunk is rescored (see finish); pending holds at most `window` tasks
                pending.append((task, None))
            else:
                pending.append((task, runner.submit(_with_state(task, state_key, out_dir))))
            while pending and (len(pending) > window or pending[0][1] is None
                               or _is_done(pending[0][1])):
                finish(pending.popleft())
        while pending:
            finish(pending.popleft())
    except BaseException:
        runner.close(cancel=True)
        if bar is not None:
            bar.close()
        db.close()
        raise
    runner.close()
    if bar is not None:
        bar.close()
    result.n_chunks_removed = _collect_garbage(db, out_dir, live)
    db.close()

    files_order = {str(p): i for i, p in enumerate(paths_list)}
    rej = pd.DataFrame(rejections, columns=["file", "line", "reason", "detail"])
    if len(rej):
        rej = rej.assign(_o=rej["file"].map(lambda f: files_order.get(f, -1)))
        rej = rej.sort_values(["_o", "line"], kind="mergesort").drop(columns="_o")
        rej = rej.reset_index(drop=True).astype(
            {"file": object, "line": "int64", "reason": object, "detail": object})
    else:
        rej = _corpus._empty_rejections()
    result.rejections = rej
    result.n_rejected = len(rej)
    report = {
        "n_read": result.n_read,
        "n_accepted": result.n_accepted,
        "n_rejected": result.n_rejected,
        "files": [str(p) for p in paths_list],
        **stats_total,
        **_dataset_stats(out_dir),
        "n_mentions": result.n_mentions,
        "n_chunks": result.n_chunks,
        "settings": settings,
    }
    result.report = report
    _atomic_write_text(out_dir / _REPORT, json.dumps(report, indent=2, sort_keys=True) + "\n")
    tmp = out_dir / f".{_REJECTIONS}.tmp"
    rej.to_csv(tmp, index=False)
    os.replace(tmp, out_dir / _REJECTIONS)
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu0 + (
        sum(worker_cpu.values()) + runner.extra_cpu_seconds if engine == "local" else 0.0)
    return result


def _rekey(key, ids, seen):
    clash = sorted(a for a in ids if a in seen)
    return hashlib.blake2b((key + "\x00dedup\x00" + "\x00".join(clash)).encode(),
                           digest_size=20).hexdigest()


def _with_state(task, state_key, out_dir):
    return {**task, "state_key": state_key, "out_dir": str(out_dir)}


def _is_done(future) -> bool:
    return isinstance(future, _Done) or future.done()


def _task_bytes(task) -> int:
    if task["lines"] is not None:
        return sum(len(t) for _, t in task["lines"])
    return 0


def _add_stats(total: dict, stats: dict) -> None:
    for name, value in stats.items():
        if name in ("n_outlets", "n_duplicate_groups", "n_articles_in_duplicates"):
            continue  # computed over the whole dataset at the end
        if isinstance(value, dict):
            counts = total.setdefault(name, {})
            for k, v in value.items():
                counts[k] = counts.get(k, 0) + v
        elif isinstance(value, int | float):
            total[name] = total.get(name, 0) + value


def _progress_bar(paths_list, progress):
    if not progress:
        return None
    from tqdm.auto import tqdm

    total = sum(p.stat().st_size for p in paths_list if p.is_file()) or None
    return tqdm(total=total, unit="B", unit_scale=True, desc="framing score",
                dynamic_ncols=True, smoothing=0.1)


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- reading back


def _duckdb():
    try:
        import duckdb
    except ImportError as err:  # pragma: no cover - duckdb is a dependency
        raise ImportError(
            "Out-of-core aggregation needs duckdb. Install it with: pip install duckdb"
        ) from err
    return duckdb.connect()


def _glob(dataset_dir: Path, what: str) -> str:
    if what == "articles":
        return (dataset_dir / _ARTICLES_DIR / "part-*.parquet").as_posix()
    return (dataset_dir / "outlet=*" / "month=*" / "part-*.parquet").as_posix()


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
    """
    dataset_dir = Path(dataset_dir)
    if not (dataset_dir / _MANIFEST).is_file():
        raise FileNotFoundError(
            f"{str(dataset_dir)!r} is not a framing scores dataset (no {_MANIFEST}); the "
            f"'dataset_dir' parameter of {func}() must be an out_dir written by score_corpus "
            "or `framing score`."
        )
    return dataset_dir


def _dataset_stats(out_dir: Path) -> dict:
    if not any((out_dir / _ARTICLES_DIR).glob("part-*.parquet")):
        return {"n_outlets": 0, "n_duplicate_groups": 0, "n_articles_in_duplicates": 0}
    con = _duckdb()
    src = f"read_parquet('{_glob(out_dir, 'articles')}', union_by_name=true)"
    n_outlets = con.execute(f"SELECT count(DISTINCT outlet) FROM {src}").fetchone()[0]
    groups, members = con.execute(
        f"SELECT count(*), coalesce(sum(c), 0) FROM (SELECT count(*) c FROM {src} "
        "GROUP BY duplicate_group HAVING count(*) >= 2)"
    ).fetchone()
    return {"n_outlets": int(n_outlets), "n_duplicate_groups": int(groups),
            "n_articles_in_duplicates": int(members)}


def _part_files(dataset_dir: Path, what: str) -> list[Path]:
    if what in (_ARTICLES_DIR, _STATEMENTS_DIR):
        return sorted((dataset_dir / what).glob("part-*.parquet"))
    return sorted(dataset_dir.glob("outlet=*/month=*/part-*.parquet"))


def _read(dataset_dir, what, columns, sort, filters=None):
    import pyarrow.dataset as ds

    dataset_dir = Path(dataset_dir)
    files = _part_files(dataset_dir, what)
    if not files:
        return pd.DataFrame(columns=list(columns) if columns else None)
    dataset = ds.dataset([str(f) for f in files], format="parquet")
    names = set(dataset.schema.names)
    wanted = [c for c in columns if c in names] if columns else None
    df = dataset.to_table(columns=wanted, filter=filters).to_pandas()
    if sort and len(df):
        order = {}
        if what == _STATEMENTS_DIR:  # corpus order of the articles, then field and offset
            arts = _read(dataset_dir, _ARTICLES_DIR, ["article_id", "source_file", "source_line"],
                         True)
            rank = pd.Series(np.arange(len(arts)), index=arts["article_id"].to_numpy())
            order["_article"] = df["article_id"].map(rank).to_numpy()
            order["_field"] = (df["field"] != "title").to_numpy()
            order["_start"] = df["start"].to_numpy()
        else:
            if "source_file" in df.columns:  # files in reading order, as in the manifest
                order["_file"] = df["source_file"].map(_file_rank(dataset_dir))
            for k in ("source_line", "field", "start", "actor_id"):
                if k in df.columns and (what != _ARTICLES_DIR or k == "source_line"):
                    order["_" + k] = (df[k] != "title") if k == "field" else df[k]
        keys = pd.DataFrame(order)
        idx = np.lexsort([keys[c].to_numpy() for c in reversed(keys.columns)])
        df = df.iloc[idx].reset_index(drop=True)
    return df


def _file_rank(dataset_dir: Path) -> dict:
    report = dataset_dir / _REPORT
    files = json.loads(report.read_text(encoding="utf-8")).get("files", []) if (
        report.is_file()) else []
    return {f: i for i, f in enumerate(files)}


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

    _check_option(table, TABLES, "table")
    dataset_dir = check_dataset(dataset_dir, "table_columns")
    files = _part_files(dataset_dir, table)
    return list(pq.read_schema(files[0]).names) if files else []


def read_mentions(dataset_dir, *, columns=None, sort=True) -> pd.DataFrame:
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
    dataset_dir = check_dataset(dataset_dir, "read_mentions")
    return _read(dataset_dir, "mentions", columns, sort)


def read_articles(dataset_dir, *, columns=None, sort=True) -> pd.DataFrame:
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
    dataset_dir = check_dataset(dataset_dir, "read_articles")
    return _read(dataset_dir, _ARTICLES_DIR, columns, sort)


def read_statements(dataset_dir, *, columns=None, sort=True) -> pd.DataFrame:
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

    dataset_dir = check_dataset(dataset_dir, "read_statements")
    return _read(dataset_dir, _STATEMENTS_DIR, columns or list(STATEMENT_COLUMNS), sort)


def _quote_ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def aggregate_dataset(
    dataset_dir,
    by=("outlet", "actor_id"),
    *,
    period=None,
    value="polarity",
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
    count_duplicates="per_outlet",
    min_mentions=1,
) -> pd.DataFrame:
    """Aggregate a scores dataset per group out of core, as :func:`aggregate_scores` does.

    DuckDB reduces the Parquet dataset to one row per group × article (sum and
    count of `value`, label counts); only that table is loaded, and the article
    bootstrap runs on it. The result has the columns, order and numbers of
    :func:`framing.aggregate.aggregate_scores` on the same mentions (up to
    floating-point summation order, ~1e-15).

    Parameters
    ----------
    dataset_dir : str or os.PathLike
        The `out_dir` of :func:`score_corpus`.
    by : sequence of str, default=('outlet', 'actor_id')
        Mention columns to group by.
    period : {'week', 'month'} or None, default=None
        Add a ``period`` column (start of the UTC week/month of ``published``).
    value : str, default='polarity'
        Numeric column to average (range of the scorer, e.g. [-1, 1]).
    n_bootstrap : int, default=1000
    ci_level : float, default=0.95
        In (0, 1).
    random_state : int or None, default=0
    count_duplicates : {'per_outlet', 'once'}, default='per_outlet'
        ``'once'`` keeps one article per ``duplicate_group`` (earliest, then id).
    min_mentions : int, default=1
        Drop groups with fewer mentions.

    Returns
    -------
    table : pandas.DataFrame of shape (n_groups, len(by) + 8 or 9)
        ``by`` columns (+ ``period``), ``n_mentions``, ``n_articles``, ``mean``,
        ``ci_low``, ``ci_high``, ``share_positive``, ``share_neutral``,
        ``share_negative``.

    Raises
    ------
    FileNotFoundError
        If `dataset_dir` is not a score_corpus dataset.
    ValueError
        For invalid options (as in :func:`~framing.aggregate.aggregate_scores`).

    Examples
    --------
    >>> aggregate_dataset("scores/", by=("actor_id",), period="month")  # doctest: +SKIP
    """
    from framing import aggregate as agg

    func = "aggregate_dataset"
    dataset_dir = check_dataset(dataset_dir, func)
    by = agg._check_by(by, func)
    agg._check_period(period, func)
    agg._check_count_duplicates(count_duplicates, func)
    ci_level = agg._check_ci_level(ci_level, func)
    n_bootstrap = agg._check_int(n_bootstrap, "n_bootstrap", func, 0)
    min_mentions = agg._check_int(min_mentions, "min_mentions", func, 1)
    if random_state is not None:
        random_state = agg._check_int(random_state, "random_state", func, 0)
    keys = list(by) + (["period"] if period is not None else [])
    if not keys:
        raise ValueError(
            f"The 'by' parameter of {func}() is empty and period is None, so there is nothing "
            f"to group by. Got by={by!r}; pass e.g. by=('actor_id',)."
        )
    if not any(dataset_dir.glob("outlet=*/month=*/part-*.parquet")):
        raise ValueError(f"Dataset {str(dataset_dir)!r} holds no mentions; nothing to aggregate.")
    con = _duckdb()
    src = f"read_parquet('{_glob(dataset_dir, 'mentions')}', union_by_name=true)"
    cols = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
    missing = [c for c in [*by, value, "article_id"] if c not in cols]
    if missing:
        from framing.exceptions import MissingColumnError

        raise MissingColumnError(
            f"Column(s) {missing!r} needed by {func}() are not in the dataset {str(dataset_dir)!r}. "
            f"Columns found: {sorted(cols)!r}."
        )
    v = _quote_ident(value)
    group_sql = [_quote_ident(c) for c in by]
    if period is not None:
        unit = "week" if period == "week" else "month"
        group_sql.append(f"date_trunc('{unit}', timezone('UTC', published)) AS period")
    where = [f"{v} IS NOT NULL", *[f"{_quote_ident(c)} IS NOT NULL" for c in by]]
    if period is not None:
        where.append("published IS NOT NULL")
    if count_duplicates == "once":
        where.append(
            "article_id IN (SELECT article_id FROM (SELECT article_id, row_number() OVER ("
            "PARTITION BY duplicate_group ORDER BY published NULLS LAST, article_id) AS r "
            f"FROM read_parquet('{_glob(dataset_dir, 'articles')}', union_by_name=true)) "
            "WHERE r = 1)"
        )
    has_label = "label" in cols
    label_sql = (
        "count(label) AS known, count(*) FILTER (WHERE label = 'positive') AS pos, "
        "count(*) FILTER (WHERE label = 'neutral') AS neu, "
        "count(*) FILTER (WHERE label = 'negative') AS neg"
        if has_label else
        f"count(*) AS known, count(*) FILTER (WHERE {v} > {agg.NEUTRAL_BAND}) AS pos, "
        f"count(*) FILTER (WHERE {v} BETWEEN -{agg.NEUTRAL_BAND} AND {agg.NEUTRAL_BAND}) AS neu, "
        f"count(*) FILTER (WHERE {v} < -{agg.NEUTRAL_BAND}) AS neg"
    )
    key_names = [_quote_ident(c) for c in keys]
    sql = (
        f"SELECT {', '.join(group_sql)}, article_id, sum({v}) AS s, count({v}) AS c, {label_sql} "
        f"FROM {src} WHERE {' AND '.join(where)} "
        f"GROUP BY ALL ORDER BY {', '.join(key_names)}, article_id"
    )
    per_article = con.execute(sql).df()
    attrs = {"value": value, "period": period, "ci_level": ci_level,
             "n_bootstrap": n_bootstrap, "random_state": random_state,
             "count_duplicates": count_duplicates,
             "ci_method": "percentile, articles resampled within group"}
    if period is not None:
        per_article["period"] = pd.to_datetime(per_article["period"]).astype("datetime64[ns]")
    if per_article.empty:
        out = pd.DataFrame(columns=[*keys, *agg.STAT_COLUMNS])
        out.attrs.update(attrs)
        return out
    grouped = per_article.groupby(keys, sort=True, observed=True)
    gcode = grouped.ngroup().to_numpy()
    key_frame = grouped.size().index.to_frame(index=False)
    order = np.argsort(gcode, kind="stable")
    per_article = per_article.iloc[order].reset_index(drop=True)
    g = gcode[order]
    art_sum = per_article["s"].to_numpy(dtype=float)
    art_cnt = per_article["c"].to_numpy(dtype=np.int64)
    grp_start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    grp_end = np.r_[grp_start[1:], g.size]
    n_groups = len(key_frame)
    n_mentions = np.add.reduceat(art_cnt, grp_start)
    n_articles = grp_end - grp_start
    mean = np.add.reduceat(art_sum, grp_start) / n_mentions
    known = np.bincount(g, weights=per_article["known"].to_numpy(float), minlength=n_groups)
    shares = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for name, col in (("positive", "pos"), ("neutral", "neu"), ("negative", "neg")):
            counts = np.bincount(g, weights=per_article[col].to_numpy(float), minlength=n_groups)
            shares[name] = np.where(known > 0, counts / known, np.nan)
    ci_low = np.full(n_groups, np.nan)
    ci_high = np.full(n_groups, np.nan)
    root = random_state if random_state is not None else np.random.SeedSequence().entropy
    keep = n_mentions >= min_mentions
    todo = np.flatnonzero(keep & (n_articles >= 2)) if n_bootstrap > 0 else np.array([], int)
    if todo.size:
        keys_list = list(key_frame.itertuples(index=False, name=None))
        boot = np.empty((todo.size, n_bootstrap))
        for row, i in enumerate(todo):
            s = slice(grp_start[i], grp_end[i])
            agg._bootstrap_means(art_sum[s], art_cnt[s], boot[row], agg._key_seed(root, keys_list[i]))
        alpha = 1.0 - ci_level
        ci_low[todo], ci_high[todo] = np.quantile(boot, [alpha / 2, 1 - alpha / 2], axis=1)
    out = key_frame.assign(
        n_mentions=n_mentions.astype(np.int64), n_articles=n_articles.astype(np.int64),
        mean=mean, ci_low=ci_low, ci_high=ci_high, share_positive=shares["positive"],
        share_neutral=shares["neutral"], share_negative=shares["negative"],
    )
    out = out[keep].reset_index(drop=True)
    out.attrs.update(attrs)
    return out

