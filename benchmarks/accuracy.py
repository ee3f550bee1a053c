"""Print macro-F1 and accuracy of every registered scorer on the labelled dev data.

Usage: ``python benchmarks/accuracy.py [--data DIR] [--n-bootstrap 1000]``.
Datasets: NewsMTSC dev-rw and dev-mt (Hamborg & Donnay, 2021) and BASIL phrase-level
spans (Fan et al., 2019; positive/negative only, target = entity mention or, when
not found, the annotated phrase). Continuous scorers get their ``neutral_band``
tuned on dev-mt before dev-rw is scored and on dev-rw before dev-mt is scored
(never on the split being reported); BASIL uses the dev-rw band.
Throughput (mentions/s, wall-clock) is measured on one thread over the dev-rw targets.
BASIL spans have no neutral gold class, so their macro-F1 (over all three classes, with
neutral F1 = 0 whenever a scorer predicts neutral) is a lower bound: read accuracy there.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import time
import warnings
from pathlib import Path

from framing.datasets import load_gold
from framing.evaluate import evaluate, fit_thresholds
from framing.paths import shared_data_dir
from framing.scorers import available_scorers, get_scorer


def load_benchmarks(data_dir):
    """Return ``{name: gold table}`` for the benchmark datasets found in `data_dir`."""
    data_dir = Path(data_dir)
    files = {
        "dev-rw": (data_dir / "newsmtsc" / "dev_rw.jsonl", "newsmtsc"),
        "dev-mt": (data_dir / "newsmtsc" / "dev_mt.jsonl", "newsmtsc"),
        "basil-spans": (data_dir / "basil" / "basil_train.jsonl", "basil"),
    }
    out = {}
    for name, (path, fmt) in files.items():
        if path.is_file():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[name] = load_gold(path, format=fmt)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="labelled data folder (default: shared)")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    args = parser.parse_args(argv)
    data_dir = Path(args.data) if args.data else shared_data_dir()
    if data_dir is None:
        raise SystemExit("error: no labelled data; set FRAMING_DATA_DIR or pass --data.")
    sets = load_benchmarks(data_dir)
    header = f"{'scorer':<18} {'dataset':<12} {'n':>5} {'macro-F1':>9} {'95% CI':>15} {'acc':>6}"
    print(header)
    print("-" * len(header))
    tune_on = {"dev-rw": "dev-mt", "dev-mt": "dev-rw", "basil-spans": "dev-rw"}
    for name in available_scorers():
        scorer = get_scorer(name)
        if "n_jobs" in scorer.get_params():
            scorer.set_params(n_jobs=1)  # throughput below is per thread
        scorer.fit(sets["dev-rw"].head(0) if "dev-rw" in sets else [])
        for set_name, gold in sets.items():
            band = ""
            if scorer.kind == "continuous" and "neutral_band" in scorer.get_params():
                dev = sets.get(tune_on[set_name])
                if dev is not None:
                    fit_thresholds(scorer, dev)
                    band = (
                        f"  (neutral_band={scorer.neutral_band:.2f}, tuned on {tune_on[set_name]})"
                    )
            r = evaluate(scorer, gold, n_bootstrap=args.n_bootstrap, random_state=0)
            print(
                f"{name:<18} {set_name:<12} {r.n:>5} {100 * r.macro_f1:>9.1f} "
                f"[{100 * r.ci_low:5.1f}, {100 * r.ci_high:5.1f}] {100 * r.accuracy:>6.1f}{band}"
            )
        if "dev-rw" in sets:
            X = sets["dev-rw"][["text", "start", "end"]]
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                scorer.score(X)
                best = min(best, time.perf_counter() - t0)
            print(f"{name:<18} {'throughput':<12} {len(X) / best:>,.0f} mentions/s (1 thread)")


if __name__ == "__main__":
    main()
