"""Tests for framing.scale: streaming scoring, cache, resumption, engines, DuckDB aggregation."""

import gc
import json
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing import scale
from framing.aggregate import aggregate_scores
from framing.scale import aggregate_dataset, read_articles, read_mentions, score_corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.synthetic import write_corpus

CHUNK = 7


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory):
    """30 synthetic articles (about 200 words each) in JSONL."""
    return write_corpus(tmp_path_factory.mktemp("c") / "c.jsonl", 30, n_words=200, n_mentions=5)


@pytest.fixture(scope="module")
def reference(corpus_path, tmp_path_factory):
    """An uninterrupted jobs=1 run: (out_dir, result, sorted mentions)."""
    out = tmp_path_factory.mktemp("ref") / "scores"
    result = score_corpus(corpus_path, out, chunk_size=CHUNK, progress=False)
    return out, result, read_mentions(out)


def _same(a: pd.DataFrame, b: pd.DataFrame, **kwargs):
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), **kwargs)


def _same_dataset(a, b):
    """Every table a notebook reads (articles, mentions, statements) and the load report."""
    for read in (read_articles, read_mentions, scale.read_statements):
        _same(read(a), read(b))
    report = [json.loads((d / "load_report.json").read_text(encoding="utf-8")) for d in (a, b)]
    assert {k: v for k, v in report[0].items() if k != "settings"} == {
        k: v for k, v in report[1].items() if k != "settings"}


def test_matches_in_memory_pipeline(corpus_path, reference):
    from framing.actors import find_mentions, load_actors
    from framing.corpus import load_corpus
    from framing.quotes import find_statements
    from framing.scorers import DEFAULT_SCORER, get_scorer, score_mentions
    from framing.stance import score_stance

    # score_corpus works chunk by chunk and cannot see near-duplicates across chunks
    articles = load_corpus(corpus_path, near_duplicate_threshold=None)
    registry = load_actors()
    mentions = find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    expected = score_stance(articles, score_mentions(mentions, get_scorer(DEFAULT_SCORER).fit([])),
                            statements, actors=registry)
    out, result, got = reference
    assert result.n_chunks == 5 and result.n_chunks_scored == 5
    assert result.n_accepted == 30 and result.n_mentions == len(expected) > 100
    assert list(got.columns) == list(expected.columns)
    # Parquet reads text columns back as pandas' str dtype (None as missing); values must be equal.
    import io

    _same(got, pd.read_parquet(io.BytesIO(expected.reset_index(drop=True).to_parquet())),
          check_dtype=False)
    _same(scale.read_statements(out), statements, check_dtype=False)
    arts = read_articles(out)
    assert arts["article_id"].tolist() == articles["article_id"].tolist()
    parts = sorted(out.glob("*/part-*.parquet"))  # one file per chunk and table
    assert {p.parent.name for p in parts} == {"articles", "mentions", "statements"}
    assert len([p for p in parts if p.parent.name == "mentions"]) == result.n_chunks


def test_rerun_scores_nothing(corpus_path, reference, tmp_path):
    out, _, before = reference
    result = score_corpus(corpus_path, out, chunk_size=CHUNK, progress=False)
    assert result.n_chunks_scored == 0 and result.n_articles_scored == 0
    assert result.n_chunks == 5 and result.n_mentions == len(before)
    _same(read_mentions(out), before)
    # a finished run leaves the manifest as one file, and readers add none beside it
    assert sorted(p.name for p in out.glob("_manifest*")) == ["_manifest.sqlite"]


def test_appended_articles_are_scored_alone(tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", 10, n_words=150, n_mentions=4)
    out = tmp_path / "scores"
    first = score_corpus(path, out, chunk_size=4, progress=False)
    assert (first.n_chunks, first.n_articles_scored) == (3, 10)
    write_corpus(path, 3, n_words=150, n_mentions=4, start=10, append=True)
    second = score_corpus(path, out, chunk_size=4, progress=False)
    assert second.n_articles_scored == 3 and second.n_accepted == 13
    fresh = score_corpus(path, tmp_path / "fresh", chunk_size=4, progress=False)
    _same(read_mentions(out), read_mentions(tmp_path / "fresh"))
    assert fresh.n_mentions == second.n_mentions


def test_changed_registry_rescores_everything(tmp_path, corpus_path):
    from framing.actors import load_actors

    out = tmp_path / "scores"
    score_corpus(corpus_path, out, chunk_size=CHUNK, progress=False)
    smaller = load_actors().select(["trump", "putin", "ukraine"])
    result = score_corpus(corpus_path, out, actors=smaller, chunk_size=CHUNK, progress=False)
    assert result.n_chunks_scored == result.n_chunks == 5
    assert set(read_mentions(out)["actor_id"]) <= {"trump", "putin", "ukraine"}
    assert result.n_chunks_removed == 5


def test_jobs_2_identical(corpus_path, reference, tmp_path):
    result = score_corpus(corpus_path, tmp_path / "j2", chunk_size=CHUNK, jobs=2, progress=False)
    assert result.n_chunks_scored == 5
    _same(read_mentions(tmp_path / "j2"), reference[2])
    _same_dataset(tmp_path / "j2", reference[0])
    assert result.cpu_seconds > 0


def test_in_process_run_leaves_the_collector_settings_alone(corpus_path, tmp_path):
    # chunks run with a raised GC threshold (framing.scale.worker.fewer_gc_passes); the
    # caller's settings come back, and only pool workers freeze their heap
    gc.set_threshold(500, 7, 9)
    try:
        frozen = gc.get_freeze_count()
        score_corpus(corpus_path, tmp_path / "s", chunk_size=CHUNK, progress=False)
        assert gc.get_threshold() == (500, 7, 9)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.set_threshold(700, 10, 10)


def test_dask_identical(corpus_path, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                 dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = score_corpus(corpus_path, tmp_path / "dask", chunk_size=CHUNK,
                              engine="dask", scheduler=client, progress=False)
    assert result.n_chunks_scored == 5
    _same(read_mentions(tmp_path / "dask"), reference[2])
    _same_dataset(tmp_path / "dask", reference[0])


def test_dask_needs_scheduler(corpus_path, tmp_path):
    pytest.importorskip("distributed")
    with pytest.raises(ValueError, match="'scheduler' parameter"):
        score_corpus(corpus_path, tmp_path / "x", engine="dask", progress=False)


def test_interrupted_run_resumes(corpus_path, reference, tmp_path, monkeypatch):
    out = tmp_path / "scores"
    from framing.scale import worker

    real = worker.process_chunk
    calls = []

    def failing(task):
        calls.append(task["key"])
        if len(calls) == 3:
            raise RuntimeError("simulated crash")
        return real(task)

    monkeypatch.setattr(worker, "process_chunk", failing)
    with pytest.raises(RuntimeError, match="simulated crash"):
        score_corpus(corpus_path, out, chunk_size=CHUNK, progress=False)
    monkeypatch.setattr(worker, "process_chunk", real)
    with sqlite3.connect(out / "_manifest.sqlite") as db:
        assert db.execute("SELECT count(*) FROM chunks").fetchone()[0] == 2
    result = score_corpus(corpus_path, out, chunk_size=CHUNK, progress=False)
    assert result.n_chunks_scored == 3
    _same(read_mentions(out), reference[2])


def test_killed_process_resumes(corpus_path, reference, tmp_path):
    out = tmp_path / "scores"
    code = (
        "import sys; from framing.scale import score_corpus; "
        f"score_corpus({str(corpus_path)!r}, {str(out)!r}, chunk_size=2, progress=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    manifest = out / "_manifest.sqlite"
    deadline = time.time() + 120
    n_done = 0
    while time.time() < deadline and proc.poll() is None:
        if manifest.is_file():
            try:
                with sqlite3.connect(manifest) as db:
                    n_done = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
            except sqlite3.OperationalError:
                n_done = 0
            if n_done >= 2:
                break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    if n_done < 2 or n_done >= 15:
        pytest.skip(f"could not kill the run midway (chunks done: {n_done})")
    result = score_corpus(corpus_path, out, chunk_size=2, progress=False)
    assert 0 < result.n_chunks_scored < 15
    assert not list(out.rglob("*.tmp"))
    _same(read_mentions(out), reference[2])


def test_malformed_record_in_the_middle(tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", 12, n_words=120, n_mentions=3)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(6, '{"article_id": "broken", "text": "unterminated\n')
    lines.insert(9, json.dumps({"article_id": "syn-00000001", "outlet": "X", "text": "dup"}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "scores"
    result = score_corpus(path, out, chunk_size=4, progress=False)
    assert result.n_read == 14 and result.n_accepted == 12 and result.n_rejected == 2
    rej = result.rejections
    assert rej["line"].tolist() == [7, 10]
    assert rej["reason"].tolist() == ["invalid_json", "duplicate_id"]
    assert (rej["file"] == str(path)).all()
    assert "already used at" in rej["detail"].iloc[1] and "line 2" in rej["detail"].iloc[1]
    assert set(read_articles(out)["article_id"]) == {f"syn-{i:08d}" for i in range(12)}
    saved = pd.read_csv(out / "rejections.csv")
    assert saved["line"].tolist() == [7, 10]
    report = json.loads((out / "load_report.json").read_text())
    assert report["n_rejected"] == 2 and report["n_accepted"] == 12
    # Same rows and rejections as the in-memory loader.
    from framing.corpus import load_corpus

    with pytest.warns(UserWarning):
        _, expected = load_corpus(path, return_report=True)
    pd.testing.assert_frame_equal(rej, expected.rejections)
    # a rerun replays the rejections from the manifest
    again = score_corpus(path, out, chunk_size=4, progress=False)
    assert again.n_chunks_scored == 0
    pd.testing.assert_frame_equal(again.rejections, rej)


def test_csv_corpus(tmp_path, corpus_path):
    df = pd.read_json(corpus_path, lines=True, dtype=False)
    df.to_csv(tmp_path / "c.csv", index=False)
    result = score_corpus(tmp_path / "c.csv", tmp_path / "scores", chunk_size=CHUNK,
                          progress=False)
    assert result.n_accepted == 30 and result.n_chunks == 5
    got = read_mentions(tmp_path / "scores")
    assert len(got) == result.n_mentions > 0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"engine": "spark"}, "'engine' parameter"),
        ({"jobs": 0}, "'jobs' parameter"),
        ({"chunk_size": -1}, "'chunk_size' parameter"),
    ],
    ids=["engine", "jobs", "chunk_size"],
)
def test_invalid_options(corpus_path, tmp_path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        score_corpus(corpus_path, tmp_path / "x", progress=False, **kwargs)


@pytest.mark.parametrize("period", [None, "month"], ids=["no-period", "month"])
@pytest.mark.parametrize("count_duplicates", ["per_outlet", "once"])
def test_aggregate_dataset_matches_in_memory(reference, period, count_duplicates):
    out, _, mentions = reference
    got = aggregate_dataset(out, by=("outlet", "actor_id"), period=period, n_bootstrap=200,
                            count_duplicates=count_duplicates)
    expected = aggregate_scores(mentions, by=("outlet", "actor_id"), period=period,
                                n_bootstrap=200, count_duplicates=count_duplicates)
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected) > 10
    for col in expected.columns:
        if pd.api.types.is_float_dtype(expected[col]):
            np.testing.assert_allclose(got[col], expected[col], rtol=1e-9, equal_nan=True)
        else:
            assert got[col].tolist() == expected[col].tolist(), col


def test_aggregate_dataset_not_a_dataset(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a framing scores dataset"):
        aggregate_dataset(tmp_path)


def test_dataset_of_an_older_layout_is_refused_then_rescored(corpus_path, reference, tmp_path):
    """A dataset written in another layout is never read as empty: it says how to rescore."""
    import shutil

    old = tmp_path / "old"
    shutil.copytree(reference[0], old)
    report_path = old / "load_report.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    report["settings"]["schema"] = "3"
    report_path.write_text(json.dumps(report), encoding="utf-8")
    (old / "outlet=X" / "month=2025-01").mkdir(parents=True)  # a part file of the old layout
    (old / "outlet=X" / "month=2025-01" / "part-0.parquet").write_bytes(b"")
    with pytest.raises(ValueError, match="layout version 3.*Score the corpus again"):
        read_mentions(old)
    score_corpus(corpus_path, old, chunk_size=CHUNK, progress=False)
    _same(read_mentions(old), reference[2])
    assert not (old / "outlet=X").exists()


def test_score_command(corpus_path, tmp_path):
    from click.testing import CliRunner

    from framing.commands.score import score

    out = tmp_path / "cli"
    res = CliRunner().invoke(score, [str(corpus_path), "--out", str(out), "--chunk-size", "10",
                                     "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "30 articles" in res.output and "3 chunks scored" in res.output
    res = CliRunner().invoke(score, [str(corpus_path), "--out", str(out), "--chunk-size", "10",
                                     "--no-progress"])
    assert "0 chunks scored" in res.output
    res = CliRunner().invoke(score, [str(corpus_path), "--out", str(out), "--scorer", "textblb"])
    assert res.exit_code == 2 and "error:" in res.output and "textblob" in res.output


def test_edit_that_reuses_an_id_of_a_cached_chunk_loses_nothing(tmp_path):
    """An earlier chunk is edited to hold the id of an article in a later, unchanged chunk.

    The later chunk's cache entry cannot be reused as it is: it is rescored with that
    article rejected as a duplicate id, and its other articles are kept, exactly as in a
    fresh run.
    """
    path = write_corpus(tmp_path / "c.jsonl", 8, n_words=120, n_mentions=3)
    out = tmp_path / "scores"
    score_corpus(path, out, chunk_size=4, progress=False)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    first["article_id"] = json.loads(lines[6])["article_id"]  # an id of the second chunk
    lines[0] = json.dumps(first) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = score_corpus(path, out, chunk_size=4, progress=False)
    fresh = score_corpus(path, tmp_path / "fresh", chunk_size=4, progress=False)
    assert result.n_accepted == fresh.n_accepted == 7
    assert result.rejections[["line", "reason"]].values.tolist() == [[7, "duplicate_id"]]
    _same(read_articles(out), read_articles(tmp_path / "fresh"))
    _same(read_mentions(out), read_mentions(tmp_path / "fresh"))


def test_auto_chunk_size_keeps_every_worker_busy():
    from framing.scale import CHUNKS_PER_WORKER, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE, auto_chunk_size

    assert auto_chunk_size(10_000, 2) == 1250  # 8 chunks: 4 per worker
    assert auto_chunk_size(20_000, 2) == MAX_CHUNK_SIZE  # 8 chunks (was 4 of 5,000)
    assert auto_chunk_size(1_000_000, 2) == MAX_CHUNK_SIZE
    assert auto_chunk_size(0, 2) == auto_chunk_size(50, 1) == MIN_CHUNK_SIZE
    for n in (1_000, 20_000, 100_000, 3_000_000):
        for workers in (1, 2, 4, 16):
            size = auto_chunk_size(n, workers)
            assert MIN_CHUNK_SIZE <= size <= MAX_CHUNK_SIZE
            n_chunks = -(-n // size)
            if MIN_CHUNK_SIZE < size < MAX_CHUNK_SIZE:
                assert n_chunks >= CHUNKS_PER_WORKER * workers - 1


def test_estimate_records(tmp_path, corpus_path):
    from framing.scale import estimate_records

    assert estimate_records([corpus_path]) == 30  # small file: counted exactly
    big = write_corpus(tmp_path / "big.jsonl", 1500, n_words=200, n_mentions=3)
    assert big.stat().st_size > 1 << 18
    assert abs(estimate_records([big]) - 1500) <= 150  # sampled: within 10 %
    pd.read_json(corpus_path, lines=True).to_parquet(tmp_path / "c.parquet")
    assert estimate_records([tmp_path / "c.parquet", corpus_path]) == 60
    assert estimate_records([tmp_path / "missing.jsonl"]) == 0


def test_default_chunk_size_and_progress_in_articles(corpus_path, tmp_path, capsys):
    result = score_corpus(corpus_path, tmp_path / "auto", progress=True)
    assert result.chunk_size == 250 and result.n_chunks == 1
    err = capsys.readouterr().err
    assert re.search(r"100%.*30(\.0)?/30(\.0)? \[.*articles/s", err), err


def test_without_stance(corpus_path, reference, tmp_path):
    from framing.runner import run_report

    result = score_corpus(corpus_path, tmp_path / "ns", chunk_size=CHUNK, stance=False,
                          progress=False)
    got = read_mentions(tmp_path / "ns")
    assert "stance" not in got.columns and len(scale.read_statements(tmp_path / "ns")) == 0
    _same(got, reference[2][got.columns])
    assert result.report["settings"]["stance"] is False
    with pytest.raises(ValueError, match="without stance"):
        run_report(dataset=tmp_path / "ns", out_dir=tmp_path / "r")


def test_workers_start_early_only_for_a_pool_on_a_sizeable_corpus(tmp_path, monkeypatch):
    from framing.commands import start_workers_early
    from framing.scale import engines

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("x" * 1000, encoding="utf-8")
    started = []
    monkeypatch.setattr(engines, "start_fork_server", lambda: started.append(1) or True)
    assert not start_workers_early(str(corpus), 2, "local")  # one chunk: no pool
    monkeypatch.setattr(engines, "EARLY_START_BYTES", 500)
    assert not start_workers_early(str(corpus), 1, "local")
    assert not start_workers_early(str(corpus), 2, "dask")
    assert not start_workers_early(None, 2, "local")  # the bundled corpus
    assert start_workers_early([str(tmp_path)], 2, "local") and started == [1]


def test_command_line_starts_without_pandas():
    # the commands start the fork server before they import the scoring code; that only
    # helps while importing the command line (--format choices included) stays light
    import subprocess
    import sys

    code = "import sys, framing.cli\nprint(sorted({'pandas', 'numpy', 'framing.corpus'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_fork_server_preload_imports_the_worker_code():
    # framing.scale imports its modules lazily: the preload must name the worker module,
    # or every forked worker imports the scoring code again (about 0.9 s of CPU each)
    import subprocess
    import sys

    code = (
        "import gc, sys, threading, framing._preload\n"
        "need = ('framing.scale.worker', 'framing.scorers', 'framing.quotes', 'framing.stance',"
        " 'framing.actors', 'sklearn')\n"
        "print(sorted(m for m in need if m not in sys.modules))\n"
        "from framing.corpus import language\n"
        "print(language._dfa_tables.cache_info().currsize, threading.active_count(),"
        " gc.get_freeze_count() > 100_000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # the language model is loaded, its loading thread has ended (a fork server must be
    # single-threaded when it forks) and the loaded heap is frozen
    assert out.stdout.split("\n")[:2] == ["[]", "1 1 True"]


def test_news_text_benchmark_corpus_is_made_of_real_sentences(shared_data, tmp_path):
    """benchmarks/synthetic.py text='news': bodies are real news sentences, ~12 mentions."""
    from benchmarks.synthetic import iter_articles, news_sentences

    from framing.actors import find_mentions, load_actors
    from framing.corpus import load_corpus
    from framing.text import split_sentences

    pool = set(news_sentences(shared_data))
    articles = list(iter_articles(60, text="news", data_dir=shared_data, random_state=3))
    assert articles == list(iter_articles(60, text="news", data_dir=shared_data, random_state=3))
    in_pool = n_sentences = 0
    for article in articles:
        for paragraph in article["text"].split("\n\n"):
            for a, b in split_sentences(paragraph):
                n_sentences += 1
                in_pool += paragraph[a:b].strip() in pool
    assert in_pool / n_sentences > 0.8  # the rest: sentences the splitter cuts otherwise
    path = write_corpus(tmp_path / "news.jsonl", 60, text="news", data_dir=shared_data,
                        random_state=3)
    corpus = load_corpus(path)
    assert corpus["article_id"].tolist() == [a["article_id"] for a in articles]
    assert 9 <= len(find_mentions(corpus, load_actors())) / len(corpus) <= 15
    assert 450 <= corpus["text"].str.split().str.len().mean() <= 750
    with pytest.raises(ValueError, match="made-up"):
        next(iter_articles(1, text="tweets"))
