"""Benchmark framing.scale.score_corpus on synthetic corpora of N articles.

Usage: ``python benchmarks/scale.py --n 10000 100000 --jobs 1 2 [--chunk-size 1000]
[--workdir /tmp/framing-bench] [--scorer NAME]``. For each N a seeded synthetic
corpus (benchmarks/synthetic.py: ~600 words and ~12 actor mentions per article,
six outlets, twelve months) is generated once; for each job count the corpus is
scored into a fresh folder, then scored again unchanged (the rerun). Reported:
articles/s and mentions/s (wall), CPU seconds of the process tree, peak RSS of the
process tree (sampled every 0.2 s) and the rerun time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import write_corpus

from framing.scale import DEFAULT_CHUNK_SIZE, score_corpus
from framing.scorers import DEFAULT_SCORER


class PeakRSS:
    """Sample the summed RSS of this process and its children in a thread (bytes)."""

    def __init__(self, interval=0.2):
        self.interval, self.peak, self._stop = interval, 0, threading.Event()

    def _sample(self):
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_once(corpus, out, jobs, chunk_size, scorer):
    with PeakRSS() as rss:
        result = score_corpus(corpus, out, jobs=jobs, chunk_size=chunk_size, scorer=scorer,
                              progress=False)
    return result, rss.peak


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
    parser.add_argument("--scorer", default=DEFAULT_SCORER)
    parser.add_argument("--workdir", default="/tmp/framing-bench")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'N':>9} {'jobs':>4} {'wall s':>8} {'CPU s':>8} {'art/s':>7} {'ment/s':>8} "
          f"{'peak RSS MB':>11} {'rerun s':>8}  (scorer={args.scorer}, chunk={args.chunk_size}, "
          f"load avg {psutil.getloadavg()[0]:.1f} on {psutil.cpu_count()} cores)", flush=True)
    for n in args.n:
        corpus = work / f"synthetic_{n}_{args.seed}.jsonl"
        if not corpus.is_file():
            write_corpus(corpus.with_suffix(".tmp"), n, random_state=args.seed)
            corpus.with_suffix(".tmp").rename(corpus)
        for jobs in args.jobs:
            out = work / f"scores_{n}_j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            result, peak = run_once(corpus, out, jobs, args.chunk_size, args.scorer)
            rerun, _ = run_once(corpus, out, jobs, args.chunk_size, args.scorer)
            if rerun.n_chunks_scored:
                raise RuntimeError(f"rerun scored {rerun.n_chunks_scored} chunks; expected 0")
            print(f"{n:>9,} {jobs:>4} {result.seconds:>8.1f} {result.cpu_seconds:>8.1f} "
                  f"{result.n_accepted / result.seconds:>7,.0f} "
                  f"{result.n_mentions / result.seconds:>8,.0f} {peak / 2**20:>11,.0f} "
                  f"{rerun.seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
