"""Benchmark framing.scale.score_corpus on synthetic corpora of N articles.

Usage: ``python benchmarks/scale.py --n 10000 100000 --jobs 1 2 [--chunk-size 1000]
[--workdir /tmp/framing-bench] [--scorer NAME] [--text news] [--stages N [--stages-corpus
PATH]]``. For each N a seeded synthetic corpus (benchmarks/synthetic.py: ~600 words and
~12 actor mentions per article, six outlets, twelve months; made-up text, or with
``--text news`` real news sentences read from ``FRAMING_DATA_DIR``) is generated once;
for each job count the corpus is scored into a fresh folder, then scored again
unchanged (the rerun). Reported:
articles/s and mentions/s (wall), CPU seconds of the process tree and articles per
CPU second, peak RSS summed over the process tree (counts pages shared by the fork
server and its workers once per process, so it overstates) and peak PSS (shared
pages split between the processes sharing them: the memory actually used), sampled
by a separate process (RSS every 0.2 s, PSS every 2 s; see
:class:`PeakRSS`), the rerun time, and the sampler's own CPU seconds (not counted
in the measured CPU time, but taken from the same two cores).

``--stages N`` first prints CPU seconds per stage of the chunk pipeline (parse,
validate + language detection, find mentions + sentence splitting, score, find
statements (with the quotes and sentences shared with stance), stance, write), in
this process, on the first N articles of the largest corpus. ``--stages-corpus PATH
[--stages-format basil] [--stages-repeat R]`` profiles another corpus instead (a real
one, e.g. BASIL, whose 150 articles are best run R times) and stops there::

    python benchmarks/scale.py --stages 2000 --stages-corpus \
        ../shared/data/basil/basil_train.jsonl --stages-format basil --stages-repeat 10
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import psutil
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.report import corpus_of

from framing.scale import score_corpus
from framing.scorers import DEFAULT_SCORER

_SAMPLER = r"""
import select, sys, time
import psutil
root, me = psutil.Process(int(sys.argv[1])), psutil.Process().pid
interval, slow = float(sys.argv[2]), float(sys.argv[3])
procs, peak, peak_pss, last_slow = [], 0, 0, float("-inf")
while not select.select([sys.stdin], [], [], interval)[0]:  # until the parent closes stdin
    if time.monotonic() - last_slow >= slow:  # process list and PSS: the costly reads
        last_slow, total_pss = time.monotonic(), 0
        procs = [p for p in [root, *root.children(recursive=True)] if p.pid != me]
        for proc in procs:
            try:
                total_pss += proc.memory_full_info().pss  # walks the page tables
            except psutil.Error:
                pass
        peak_pss = max(peak_pss, total_pss)
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss  # /proc/PID/statm: cheap
        except psutil.Error:
            pass
    peak = max(peak, total)
cpu = psutil.Process().cpu_times()
print(peak, peak_pss, cpu.user + cpu.system)
"""


class PeakRSS:
    """Sample the summed RSS and PSS of this process and its children (bytes).

    RSS (``/proc/PID/statm``) is read every `interval` seconds. PSS needs a walk of
    each process's page tables (``/proc/PID/smaps_rollup``, about 6 ms per GB of
    RSS), so it and the process list are read every `slow` seconds only. The sampler
    runs in its own process, excluded from the sums and from the measured CPU time;
    :attr:`cpu_seconds` is its own CPU time. With 2 workers one PSS read of the
    process tree took about 40 ms of CPU (100k run). Reading PSS every 0.2 s, as this
    sampler first did, used 14 % of one core (10k run); every second, 5 % (1M run):
    CPU taken from the workers on a 2-core machine. A chunk takes several seconds
    per worker, so reading every 2 s still samples every phase of it.
    """

    def __init__(self, interval=0.2, slow=2.0):
        self.interval, self.slow = interval, slow
        self.peak = self.peak_pss = 0
        self.cpu_seconds = 0.0

    def __enter__(self):
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SAMPLER, str(os.getpid()), str(self.interval),
             str(self.slow)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        return self

    def __exit__(self, *exc):
        out, _ = self._proc.communicate("")  # closing stdin ends the sampling loop
        peak, peak_pss, cpu = out.split()
        self.peak, self.peak_pss, self.cpu_seconds = int(peak), int(peak_pss), float(cpu)


def run_once(corpus, out, jobs, chunk_size, scorer):
    with PeakRSS() as rss:
        result = score_corpus(corpus, out, jobs=jobs, chunk_size=chunk_size, scorer=scorer,
                              progress=False)
    return result, rss


def stage_profile(corpus, n, chunk_size, scorer_name, corpus_format="jsonl", repeat=1):
    """Print CPU (and wall) seconds per stage of the chunk pipeline on `n` articles.

    Runs the steps of ``framing.scale.worker.process_chunk`` one by one in this process
    (model loading is reported separately as start-up). A JSONL corpus is parsed as the
    workers parse it; another `corpus_format` (e.g. ``basil``) is read with
    :func:`framing.corpus.iter_record_chunks`. `repeat` runs the pipeline that many times
    over the same articles (for small real corpora); the per-article figures divide by
    all the articles processed.
    """
    from framing import corpus as _corpus
    from framing.actors import find_mentions, load_actors
    from framing.quotes import field_layouts, find_statements
    from framing.scale import layout
    from framing.scorers import get_scorer, score_mentions
    from framing.stance import load_stance_lexicon, score_stance
    from framing.text import split_sentences

    totals: dict[str, list[float]] = {}

    def timed(name, func, *args, also=None):
        """Run func(*args); add its CPU and wall seconds to stage `name` (and `also`)."""
        w0, c0 = time.perf_counter(), time.process_time()
        out = func(*args)
        for key in (name, also) if also else (name,):
            slot = totals.setdefault(key, [0.0, 0.0])
            slot[0] += time.process_time() - c0
            slot[1] += time.perf_counter() - w0
        return out

    def startup():
        registry = load_actors()
        scorer = get_scorer(scorer_name).fit([])
        _corpus.preload_language_model(_corpus.DEFAULT_LANGUAGES)
        registry._matcher(frozenset({"name", "alias", "metonym", "demonym"}))
        load_stance_lexicon()
        return registry, scorer

    registry, scorer = timed("start-up (models, registry)", startup)
    path = Path(corpus)
    parts = []  # JSONL lines, or records of other formats, in chunks
    if corpus_format == "jsonl":
        lines = []
        for lineno, line in _corpus.iter_lines(path, "utf-8"):
            lines.append((lineno, line))
            if len(lines) >= n:
                break
        parts = [lines[k : k + chunk_size] for k in range(0, len(lines), chunk_size)]
    else:
        left = n
        for chunk in _corpus.iter_record_chunks(path, format=corpus_format,
                                                chunk_size=chunk_size):
            parts.append(chunk.records[:left])
            left -= len(parts[-1])
            if left <= 0:
                break
    n_articles = sum(map(len, parts)) * repeat
    outlet_map = _corpus.as_outlet_map(None)
    n_mentions = n_statements = 0
    tmp = Path(f"/tmp/framing-stage-profile-{time.time_ns()}")

    def parse(part):
        rej = _corpus.Rejections(strict=False)
        if corpus_format == "jsonl":
            records, _ = _corpus.parse_jsonl_lines(part, path, rej)
        else:
            records = part
        raw = _corpus.apply_column_map(_corpus.raw_frame(records), None, path)
        return raw, rej

    # one BLAS thread, as in the workers (idle BLAS threads spin and inflate CPU time)
    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("ignore", UserWarning)
        for k, part in enumerate(parts * repeat):
            raw, rej = timed("parse JSON" if corpus_format == "jsonl" else "records to table",
                             parse, part)
            articles, _ = timed("validate + language", lambda r, j: _corpus.build_articles(
                r, j, default_tz="UTC", outlet_map=outlet_map, detect_language=True), raw, rej)
            timed("  of which: language detection", _corpus.detect_languages, articles["title"],
                  articles["text"], articles["text"].str.strip().eq(""), True)
            mentions = timed("find mentions", find_mentions, articles, registry)
            timed("  of which: split_sentences", lambda a: [split_sentences(t) for f in (
                "title", "text") for t in a[f]], articles)
            scored = timed("score mentions", score_mentions, mentions, scorer)
            n_mentions += len(scored)
            # as framing.scale.worker.process_chunk: quotes and sentences found once for both
            layouts = timed("find statements", field_layouts, articles,
                            also="  of which: quotes + sentences")
            statements = timed("find statements", lambda a, r, m, lay: find_statements(
                a, r, mentions=m, layouts=lay), articles, registry, mentions, layouts)
            n_statements += len(statements)
            scored = timed("stance", lambda a, s_, st, r, lay: score_stance(
                a, s_, st, actors=r, layouts=lay), articles, scored, statements, registry, layouts)

            def write(table, name):
                layout.write_table(layout.to_arrow(table), tmp / name)

            timed("write Parquet", write, scored, f"part-{k}.parquet")
    shutil.rmtree(tmp, ignore_errors=True)
    body = sum(c for name, (c, _) in totals.items()
               if not name.startswith(("start-up", "  of which")))
    print(f"stage profile: {path.name}, {n_articles:,} articles (repeat {repeat}), "
          f"{n_mentions:,} mentions, {n_statements:,} statements, chunk {chunk_size}")
    print(f"  {'stage':34} {'CPU s':>7} {'wall s':>7} {'CPU ms/article':>15}")
    for name, (cpu, wall) in totals.items():
        print(f"  {name:34} {cpu:7.2f} {wall:7.2f} {1000 * cpu / max(n_articles, 1):15.3f}")
    print(f"  {'total (without start-up)':34} {body:7.2f} {'':>7} "
          f"{1000 * body / max(n_articles, 1):15.3f}  -> {n_articles / body:,.0f} articles per "
          "CPU second", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument("--chunk-size", type=int, default=None,
                        help="records per chunk (default: automatic, by size and workers)")
    parser.add_argument("--scorer", default=DEFAULT_SCORER)
    parser.add_argument("--workdir", default="/tmp/framing-bench")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--text", choices=("made-up", "news"), default="made-up",
                        help="articles of made-up text or of real news sentences "
                             "(needs FRAMING_DATA_DIR; see benchmarks/synthetic.py)")
    parser.add_argument("--stages", type=int, default=0,
                        help="print a per-stage CPU profile on this many articles first")
    parser.add_argument("--stages-corpus", default=None, metavar="PATH",
                        help="profile this corpus instead of the largest synthetic one")
    parser.add_argument("--stages-format", default="jsonl",
                        help="format of --stages-corpus (e.g. basil)")
    parser.add_argument("--stages-repeat", type=int, default=1,
                        help="run the profile this many times over the same articles")
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    corpora = {}
    for n in args.n:
        corpora[n] = corpus_of(n, work, args.seed, args.text)
    if args.stages:
        stage_profile(args.stages_corpus or corpora[max(args.n)], args.stages,
                      args.chunk_size or 5000, args.scorer, args.stages_format,
                      args.stages_repeat)
        if args.stages_corpus:
            return 0
    print(f"{'N':>9} {'jobs':>4} {'wall s':>8} {'CPU s':>8} {'art/s':>7} {'art/CPU s':>9} "
          f"{'ment/s':>8} {'peak RSS MB':>11} {'peak PSS MB':>11} {'rerun s':>8} "
          f"{'sampler CPU s':>13}  "
          f"(scorer={args.scorer}, chunk={args.chunk_size}, text={args.text}, "
          f"load avg {psutil.getloadavg()[0]:.1f} on {psutil.cpu_count()} cores)", flush=True)
    for n, corpus in corpora.items():
        for jobs in args.jobs:
            out = work / f"scores_{n}_j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            result, peak = run_once(corpus, out, jobs, args.chunk_size, args.scorer)
            rerun, _ = run_once(corpus, out, jobs, args.chunk_size, args.scorer)
            if rerun.n_chunks_scored:
                raise RuntimeError(f"rerun scored {rerun.n_chunks_scored} chunks; expected 0")
            print(f"{n:>9,} {jobs:>4} {result.seconds:>8.1f} {result.cpu_seconds:>8.1f} "
                  f"{result.n_accepted / result.seconds:>7,.0f} "
                  f"{result.n_accepted / result.cpu_seconds:>9,.0f} "
                  f"{result.n_mentions / result.seconds:>8,.0f} {peak.peak / 2**20:>11,.0f} "
                  f"{peak.peak_pss / 2**20:>11,.0f} {rerun.seconds:>8.1f} "
                  f"{peak.cpu_seconds:>13.1f}", flush=True)


if __name__ == "__main__":
    main()
