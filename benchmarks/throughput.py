"""Measure scorer throughput in mentions per second on one core.

Usage: ``python benchmarks/throughput.py [SCORER ...] [--n 5000] [--repeats 3]``.
Thread pools are limited to one thread before numpy is imported, so the numbers
are single-core. Texts are NewsMTSC train targets (sampled without replacement) when the
shared data is available, else synthetic news-like sentences (mean ~30 tokens).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import time

import numpy as np
import pandas as pd

from framing.paths import shared_data_dir
from framing.scorers import available_scorers, get_scorer


def benchmark_targets(n, random_state=0):
    """Return a targets table of `n` rows (text, start, end) for timing.

    Parameters
    ----------
    n : int
        Number of targets.
    random_state : int, default=0
        Seed for resampling.

    Returns
    -------
    targets : pandas.DataFrame of shape (n, 3)
    """
    rng = np.random.default_rng(random_state)
    data = shared_data_dir()
    if data is not None and (data / "newsmtsc" / "train.jsonl").is_file():
        from framing.datasets import load_gold

        pool = load_gold(data / "newsmtsc" / "train.jsonl", format="newsmtsc")
        pool = pool[["text", "start", "end"]]
    else:
        subjects = ["Washington", "The senator", "Kyiv", "The president", "Moscow", "Officials"]
        verbs = ["praised", "condemned", "did not support", "met with", "criticised", "welcomed"]
        rows = []
        for i in range(200):
            s, v = subjects[i % 6], verbs[(i // 6) % 6]
            text = f"{s} {v} the plan announced on Tuesday by {subjects[(i + 2) % 6]}, according to reports."
            rows.append((text, 0, len(s)))
        pool = pd.DataFrame(rows, columns=["text", "start", "end"])
    # without replacement while the pool lasts: mostly distinct sentences, as in a corpus
    idx = rng.permutation(len(pool))[:n] if n <= len(pool) else rng.integers(0, len(pool), n)
    return pool.iloc[idx].reset_index(drop=True)


def measure(scorer, targets, repeats=3):
    """Return best-of-`repeats` throughput of ``scorer.score`` in mentions/s.

    Returns
    -------
    wall, cpu : float
        Mentions per second of wall-clock time and of this process's CPU time
        (the CPU figure is the single-core rate even when other jobs share the core).
    """
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        scorer.score(targets)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return len(targets) / best_wall, len(targets) / best_cpu


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scorers", nargs="*", help="scorer names (default: all registered)")
    parser.add_argument("--n", type=int, default=5000, help="mentions per run")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    targets = benchmark_targets(args.n)
    print(
        f"{'scorer':<20} {'wall mentions/s':>16} {'CPU mentions/s':>15}"
        f"  (n={args.n}, 1 thread, best of {args.repeats})"
    )
    for name in args.scorers or available_scorers():
        scorer = get_scorer(name).fit(targets.head(0))
        wall, cpu = measure(scorer, targets, args.repeats)
        print(f"{name:<20} {wall:>16,.0f} {cpu:>15,.0f}")


if __name__ == "__main__":
    main()
