"""Time the table functions that report notebooks 01–05 call, on a scored dataset.

Usage: ``python benchmarks/notebook_tables.py DATASET [--repeat K] [--only NAME ...]
[--skip NAME ...] [--n-bootstrap 1000] [--max-gb G]``.

DATASET is a folder written by ``framing score`` (read with
:func:`framing.study.open_study`). With ``--repeat K`` the articles, mentions and
statements are replicated K times, each copy with new article ids (``ID~rK``; also
``statement_id`` and the duplicate groups), so ``--repeat 10`` turns a 10,000-article
dataset (~120k mentions) into 100,000 articles (~1.2M mentions) with the same outlets,
actors and dates. Then every call of notebooks 01–05 that computes a table runs once, in
notebook order, with the notebooks' default parameters (notebook 03's event date becomes
the median publication day when 2025-02-28 lies outside the data), and one line per call
prints wall seconds, the peak RSS of this process during the call (sampled every 10 ms
by a thread) and the peak-RSS growth over the RSS before the call. The two CSVs that
notebook 04 writes (``statements.csv``, ``stance.csv``: every statement and mention) are
written to a temporary folder and timed too. ``--max-gb`` caps the address space
(``RLIMIT_AS``) so that a call that would need more memory fails with MemoryError
(reported as such) instead of taking the machine down. The load average at the start is
printed: on a shared machine the times are upper bounds.

The copies share the Arrow buffers of the string columns they do not change (pandas'
concat), so the RSS after loading is below that of a real dataset of the same size; the
growth during a call is what a call costs.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

from framing import aggregate, evidence, inference, validation, voice
from framing.study import open_study

_PROC = psutil.Process()


class _Peak:
    """Peak RSS of this process while the block runs (a sampling thread, every 10 ms)."""

    def __enter__(self):
        self.start = self.peak = _PROC.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, _PROC.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _PROC.memory_info().rss)
        return False


def replicate(study, repeat: int):
    """Articles, mentions and statements of `study`, each copied `repeat` times (new ids)."""
    if repeat == 1:
        return study.articles, study.mentions, study.statements

    def copies(table, id_columns):
        out = pd.concat([table] * repeat, ignore_index=True)
        copy_no = np.repeat(np.arange(repeat), len(table))
        suffix = pd.Series(np.where(copy_no > 0, np.char.add("~r", copy_no.astype(str)), ""),
                           index=out.index)
        for col in id_columns:
            if col in out.columns:
                out[col] = out[col] + suffix  # missing values stay missing
        return out

    ids = ["article_id", "statement_id", "duplicate_group", "near_duplicate_group"]
    return (copies(study.articles, ids), copies(study.mentions, ids),
            copies(study.statements, ids))


def calls(articles, mentions, statements, *, n_bootstrap, tmp):
    """(name, thunk) for each table a notebook computes, in notebook order."""
    boot = {"n_bootstrap": n_bootstrap, "random_state": 0}
    group = "outlet"
    period01 = "month"
    period03 = aggregate.default_period(articles["published"])
    top_outlet = mentions[group].value_counts().index[0]
    top_actor = mentions["actor_id"].value_counts().index[0]
    # notebook 03's default event (2025-02-28) may fall outside a synthetic dataset's
    # dates: then the median publication day, so that both phases have mentions
    published = mentions["published"].dropna()
    event = "2025-02-28"
    if not published.min() < pd.Timestamp(event, tz="UTC") <= published.max():
        event = published.median().strftime("%Y-%m-%d")
    print(f"periods: notebook 01 {period01}, notebook 03 {period03}; before/after event {event}")
    state = {}

    def window():
        state["dated"], state["window"] = aggregate.study_window(
            mentions, period=period03, start="", end="", trim=True)

    return [
        ("01 count_articles", lambda: aggregate.count_articles(articles, period=period01)),
        ("01 salience", lambda: aggregate.salience(
            mentions, by=(group,), articles=articles, top_actors=15)),
        ("02 aggregate_scores", lambda: aggregate.aggregate_scores(
            mentions, by=(group, "actor_id"), count_duplicates="per_outlet", **boot)),
        ("02 compare_groups", lambda: inference.compare_groups(mentions, group=group)),
        ("02 pairwise_contrasts", lambda: inference.pairwise_contrasts(mentions, group=group)),
        ("02 pairwise_contrasts relative", lambda: inference.pairwise_contrasts(
            mentions, group=group, relative=True)),
        ("02 find_evidence", lambda: evidence.find_evidence(
            mentions, outlet=top_outlet, actor=top_actor, group=group)),
        ("03 study_window", window),
        ("03 rolling_scores", lambda: aggregate.rolling_scores(
            state["dated"], by=(group, "actor_id"), period=period03, window_periods=None,
            count_duplicates="per_outlet", min_mentions=2, **boot)),
        ("03 before_after", lambda: inference.before_after(mentions, event, group=group)),
        ("03 linear_trend", lambda: inference.linear_trend(mentions, group=group)),
        ("04 statements.csv", lambda: statements.to_csv(Path(tmp) / "s.csv", index=False)),
        ("04 stance.csv", lambda: mentions.to_csv(Path(tmp) / "stance.csv", index=False)),
        ("04 voice_share", lambda: voice.voice_share(
            statements, articles, by=(group,), include_unknown=True)),
        ("04 voice_sentiment", lambda: voice.voice_sentiment(
            mentions, by=(group, "actor_id"), min_mentions=2, **boot)),
        ("04 stance_network", lambda: voice.stance_network(
            mentions, by=(group,), min_n=1, **boot)),
        ("05 draw_sample", lambda: validation.draw_sample(
            mentions, n_per_stratum=2, random_state=0)),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    parser.add_argument("--only", nargs="*", default=None, help="run calls whose name contains one of these")
    parser.add_argument("--skip", nargs="*", default=[], help="skip calls whose name contains one of these")
    parser.add_argument("--max-gb", type=float, default=None)
    args = parser.parse_args(argv)
    if args.max_gb:
        limit = int(args.max_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    warnings.simplefilter("ignore")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
          f"dataset {args.dataset} x{args.repeat}")
    with _Peak() as peak:
        t0 = time.perf_counter()
        study = open_study(args.dataset)
        articles, mentions, statements = replicate(study, args.repeat)
        del study
        wall = time.perf_counter() - t0
    print(f"{len(articles)} articles, {len(mentions)} mentions, {len(statements)} statements")
    print(f"{'call':34s} {'wall_s':>8s} {'peak_rss_MB':>12s} {'growth_MB':>10s}")
    print(f"{'open_study + replicate':34s} {wall:8.2f} {peak.peak / 2**20:12.0f} "
          f"{(peak.peak - peak.start) / 2**20:10.0f}")
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, thunk in calls(articles, mentions, statements,
                                 n_bootstrap=args.n_bootstrap, tmp=tmp):
            if args.only and not any(o in name for o in args.only):
                continue
            if any(s in name for s in args.skip):
                print(f"{name:34s} {'skipped':>8s}")
                continue
            with _Peak() as peak:
                t0 = time.perf_counter()
                try:
                    thunk()
                    status = ""
                except (MemoryError, ValueError) as err:
                    status = f"  {type(err).__name__}: {str(err)[:60]}"
                wall = time.perf_counter() - t0
            total += wall
            print(f"{name:34s} {wall:8.2f} {peak.peak / 2**20:12.0f} "
                  f"{(peak.peak - peak.start) / 2**20:10.0f}{status}", flush=True)
    print(f"{'total of the calls':34s} {total:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
