"""``score_corpus``: the streaming, cached, resumable scoring run."""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import os
import pickle
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

import framing
from framing import paths
from framing.actors import ActorRegistry, load_actors
from framing.scale import engines, layout, manifest, read, records
from framing.scorers import DEFAULT_SCORER, get_scorer

__all__ = [
    "CHUNKS_PER_WORKER",
    "MAX_CHUNK_SIZE",
    "MIN_CHUNK_SIZE",
    "ScoreResult",
    "auto_chunk_size",
    "score_corpus",
]

#: Most records per chunk (the unit of work, of caching and of resumption); memory
#: per worker grows with it. 2,500 since statements and stance are scored with the
#: mentions: on 100,000 synthetic articles with 2 workers, peak PSS 1,372 MB against
#: 1,957 MB with 5,000, at the same speed (``benchmarks/scale.py --chunk-size``).
MAX_CHUNK_SIZE = 2500


#: Fewest records per chunk chosen automatically (below it, per-chunk overhead shows).
MIN_CHUNK_SIZE = 250


#: Chunks per worker the automatic chunk size aims at: enough that every worker stays
#: busy to the end and the first results come early, few enough that the per-chunk
#: cost stays small: a chunk has fixed work (table set-up, three Parquet writes), and
#: identical mention contexts are scored once per chunk, not once per corpus. The same
#: 2,500 real-news-sentence articles took 5.1 s of CPU as ten chunks of 250 and 4.0 s
#: as one chunk (one process, warm); about half of that difference (by cProfile) is
#: contexts scored again, which that benchmark corpus (a few thousand distinct
#: mention sentences, drawn again and again) holds far more of than real news, where
#: the gain is smaller. On 20,000 articles of real news sentences
#: with 2 workers, 4 (chunks of 2,500) took 21.1 s against 22.3 s with 8 (chunks of
#: 1,250), mean of four runs alternated with ``--jobs 1`` (``benchmarks/report.py
#: --score-speedup``; see the README). From 40,000 articles on 2 workers the chunks
#: are :data:`MAX_CHUNK_SIZE` either way.
CHUNKS_PER_WORKER = 4


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
    chunk_size : int
        Records per new chunk in this run (chunk boundaries already in the manifest
        are reused for JSONL and CSV files).
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
    chunk_size: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    rejections: pd.DataFrame = dataclasses.field(default_factory=records.empty_rejections)
    report: dict = dataclasses.field(default_factory=dict)


def _registry_digest(registry: ActorRegistry) -> str:
    """Hash of the registry's content (every actor's fields), independent of the file."""
    rows = registry.to_frame().astype(str).to_numpy().tolist()
    forms = [(a.id, [(x.text, x.kind) for x in a.aliases]) for a in registry]
    payload = json.dumps([rows, forms], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def auto_chunk_size(n_records: int, workers: int) -> int:
    """Records per chunk for a corpus of `n_records` on `workers` workers.

    Aims at :data:`CHUNKS_PER_WORKER` chunks per worker, so every worker stays busy
    to the end and the first results come early, within
    [:data:`MIN_CHUNK_SIZE`, :data:`MAX_CHUNK_SIZE`].

    Parameters
    ----------
    n_records : int
        Records in the corpus (an estimate is fine, see :func:`estimate_records`); >= 0.
    workers : int
        Worker processes (or Dask worker threads); >= 1.

    Returns
    -------
    chunk_size : int
        ``clip(ceil(n_records / (CHUNKS_PER_WORKER * workers)), MIN_CHUNK_SIZE, MAX_CHUNK_SIZE)``.

    Examples
    --------
    >>> auto_chunk_size(10_000, 2), auto_chunk_size(1_000_000, 2), auto_chunk_size(122, 2)
    (1250, 2500, 250)
    """
    target = -(-int(n_records) // (CHUNKS_PER_WORKER * max(int(workers), 1)))
    return int(min(max(target, MIN_CHUNK_SIZE), MAX_CHUNK_SIZE))


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
    language: str | None = None,
    scorer: str = DEFAULT_SCORER,
    scorer_params: Mapping | None = None,
    metonyms: bool = True,
    stance: bool = True,
    chunk_size: int | None = None,
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
    ``out_dir`` as ``mentions/part-<key>.parquet`` (one file per chunk), with the
    articles in ``articles/part-<key>.parquet`` and the statements in
    ``statements/part-<key>.parquet``. Chunks whose content key is already in the
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
    corpus_format : str, default='auto'
        One of :data:`framing.corpus.FORMATS`.
    encoding : str, default='utf-8'
    default_tz : str, default='UTC'
        Zone for timestamps without an offset.
    detect_language : bool, default=True
        As in :func:`framing.corpus.load_corpus`.
    language : str, optional
        ISO 639-1 code of every article (no detection), as in
        :func:`framing.corpus.load_corpus`.
    scorer : str, default=DEFAULT_SCORER
        Any registered scorer name (:func:`framing.scorers.available_scorers`).
    scorer_params : mapping, optional
        Keyword arguments for the scorer's constructor.
    metonyms : bool, default=True
        Count metonyms as mentions.
    stance : bool, default=True
        Also find attributed statements (:func:`framing.quotes.find_statements`,
        written to ``statements/``) and each mention's holder and stance
        (:func:`framing.stance.score_stance`, six more mention columns). Notebook 04
        needs them. They more than double the CPU time of scoring: on 1,500
        synthetic articles (benchmarks/synthetic.py), statements and stance took
        4.1 s of CPU, finding and scoring the mentions 1.7 s (shared machine).
    chunk_size : int, optional
        Records per chunk (unit: records). Memory per worker grows with it.
        Default: :func:`auto_chunk_size` of the estimated corpus size and the
        number of workers (250 to 2,500).
    jobs : int, default=1
        Worker processes with ``engine='local'``; 1 runs in this process. Never
        more than the estimated number of chunks (a one-chunk corpus runs in this
        process: starting workers would cost more than it saves).
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
    layout.check_option(engine, engines.ENGINES, "engine")
    jobs = layout.check_positive_int(jobs, "jobs")
    if chunk_size is not None:
        chunk_size = layout.check_positive_int(chunk_size, "chunk_size")
    layout.check_option(corpus_format, records.FORMATS, "corpus_format")
    records.check_tz(default_tz)
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(
            "The 'columns' parameter of score_corpus must be a dict mapping file field names "
            f"to canonical names, e.g. {{'body': 'text'}}. Got {columns!r} instead."
        )
    registry = actors if isinstance(actors, ActorRegistry) else load_actors(actors)
    scorer_params = dict(scorer_params or {})
    probe = get_scorer(scorer, **scorer_params)  # fails early on an unknown name
    records.outlet_map(outlets)  # fails early on a malformed map
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths_list = [Path(p) for p in (corpus if isinstance(corpus, list | tuple) else [corpus])]

    settings = {
        "schema": layout.SCHEMA_VERSION,
        "framing_version": framing.__version__,
        "registry": _registry_digest(registry),
        "outlets": paths.file_sha256(outlets) if outlets is not None else None,
        "columns": dict(columns or {}),
        "corpus_format": corpus_format,
        "encoding": encoding,
        "default_tz": str(default_tz),
        "detect_language": detect_language if isinstance(detect_language, bool | str)
        else sorted(detect_language),
        "language": language,
        "metonyms": bool(metonyms),
        "stance": bool(stance),
        "scorer": probe.name,
        "scorer_version": str(getattr(probe, "version", "0")),
        "scorer_params": {k: repr(v) for k, v in sorted(scorer_params.items())},
    }
    state_key = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    state = {
        "registry": registry, "outlets": outlets, "columns": dict(columns) if columns else None,
        "default_tz": default_tz, "detect_language": detect_language, "language": language,
        "metonyms": bool(metonyms), "scorer": scorer, "scorer_params": scorer_params,
        "stance": bool(stance),
    }
    state_bytes = pickle.dumps(state, protocol=5)

    db = manifest.open_manifest(out_dir)
    manifest.remove_tmp_files(out_dir)
    known = {}
    for file, first, last in db.execute("SELECT file, first_line, last_line FROM chunks"):
        known.setdefault((file, first), last)
    stored = {row[0] for row in db.execute("SELECT key FROM chunks")}

    result = ScoreResult(out_dir=out_dir)
    n_estimated = records.estimate_records(paths_list, corpus_format)
    if engine == "dask":
        runner = engines.DaskEngine(scheduler, state_key, state_bytes)
        chunk_size = chunk_size or auto_chunk_size(n_estimated, engines.dask_workers(runner))
    else:
        chunk_size = chunk_size or auto_chunk_size(n_estimated, jobs)
        # no more worker processes than chunks: a corpus of one chunk runs in this process
        jobs = max(1, min(jobs, -(-n_estimated // chunk_size)))
        runner = engines.LocalEngine(jobs, state_key, state_bytes)
    window = 1 if jobs == 1 and engine == "local" else 2 * max(jobs, 2)
    result.chunk_size = chunk_size
    bar = _progress_bar(n_estimated, progress)
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
            kept = manifest.commit_chunk(db, out_dir, res, dup)
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
            if bar.total is not None and result.n_read > bar.total:
                bar.total = result.n_read  # the estimate was low
            bar.update(meta["n_read"])
            bar.set_postfix(scored=result.n_chunks_scored,
                            cached=result.n_chunks - result.n_chunks_scored, refresh=False)

    try:
        for task in records.plan_chunks(paths_list, corpus_format, encoding, chunk_size, known, prefix):
            if task["key"] in stored and task["key"] not in live:
                # keep the records: if an earlier chunk now holds one of its ids, the
                # chunk is rescored (see finish); pending holds at most `window` tasks
                pending.append((task, None))
            else:
                pending.append((task, runner.submit(_with_state(task, state_key, out_dir))))
            while pending and (len(pending) > window or pending[0][1] is None
                               or engines.is_done(pending[0][1])):
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
    result.n_chunks_removed = manifest.collect_garbage(db, out_dir, live)
    manifest.close_manifest(db)

    files_order = {str(p): i for i, p in enumerate(paths_list)}
    rej = pd.DataFrame(rejections, columns=["file", "line", "reason", "detail"])
    if len(rej):
        rej = rej.assign(_o=rej["file"].map(lambda f: files_order.get(f, -1)))
        rej = rej.sort_values(["_o", "line"], kind="mergesort").drop(columns="_o")
        rej = rej.reset_index(drop=True).astype(
            {"file": object, "line": "int64", "reason": object, "detail": object})
    else:
        rej = records.empty_rejections()
    result.rejections = rej
    result.n_rejected = len(rej)
    report = {
        "n_read": result.n_read,
        "n_accepted": result.n_accepted,
        "n_rejected": result.n_rejected,
        "files": [str(p) for p in paths_list],
        **stats_total,
        **read.dataset_stats(out_dir),
        "n_mentions": result.n_mentions,
        "n_chunks": result.n_chunks,
        "settings": settings,
    }
    result.report = report
    layout.atomic_write_text(out_dir / layout.REPORT, json.dumps(report, indent=2, sort_keys=True) + "\n")
    tmp = out_dir / f".{layout.REJECTIONS}.tmp"
    rej.to_csv(tmp, index=False)
    os.replace(tmp, out_dir / layout.REJECTIONS)
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


def _progress_bar(n_records, progress):
    """A bar over records read (estimated total), with articles/s and the ETA."""
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=n_records or None, unit=" articles", unit_scale=True,
                desc="framing score", dynamic_ncols=True, smoothing=0.3, mininterval=0.5)

