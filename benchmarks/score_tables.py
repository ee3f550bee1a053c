"""Run ``framing score`` on a few corpora and save or compare its articles, mentions and statements.

Usage::

    python benchmarks/score_tables.py --synthetic /tmp/syn2000.jsonl --save /tmp/before
    python benchmarks/score_tables.py --synthetic /tmp/syn2000.jsonl --check /tmp/before

Corpora: ``bundled`` (``corpus/articles.jsonl`` with ``corpus/outlets.yml``),
``synthetic`` (the file given with ``--synthetic``, from ``benchmarks/synthetic.py``;
skipped without it) and ``basil`` (``basil/basil_train.jsonl`` under ``FRAMING_DATA_DIR``
or ``../shared/data``,
``--format basil``; skipped when absent). Each is scored with ``framing score --jobs 1``
(default scorer, stance on) into a temporary folder, by the ``framing`` package on
``PYTHONPATH``. The part files of ``articles/``, ``mentions/`` (with the stance columns)
and ``statements/`` are read in file-name order into one table each; ``--save DIR`` writes
them as ``DIR/<corpus>.<table>.parquet``, ``--check DIR`` compares them with such a saved
run (:func:`pandas.testing.assert_frame_equal`, exact; all columns but ``source_file``)
and exits 1 on any difference. Takes about 20 s of CPU time with 2,000 synthetic articles.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from framing.paths import shared_data_dir

REPO = Path(__file__).resolve().parents[1]
BASIL = (shared_data_dir() or Path("/nonexistent")) / "basil" / "basil_train.jsonl"
TABLES = ("articles", "mentions", "statements")


def corpora(synthetic: Path | None, basil: Path) -> dict[str, list[str]]:
    """The ``framing score`` arguments of each corpus that is present."""
    out = {
        "bundled": [str(REPO / "corpus" / "articles.jsonl"),
                    "--outlets", str(REPO / "corpus" / "outlets.yml")],
    }
    if synthetic is not None:
        out["synthetic"] = [str(synthetic)]
    if basil.is_file():
        out["basil"] = [str(basil), "--format", "basil"]
    else:
        print(f"BASIL not found at {basil}: skipped", file=sys.stderr)
    return out


def score_tables(args: list[str]) -> dict[str, pd.DataFrame]:
    """Articles, mentions and statements tables of ``framing score ARGS`` (one job, no progress)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scored"
        subprocess.run(
            [sys.executable, "-c", "from framing.cli import main; main()", "score", *args,
             "--out", str(out), "--jobs", "1", "--no-progress"],
            check=True, capture_output=True,
        )
        tables = {}
        for table in TABLES:
            parts = sorted((out / table).rglob("*.parquet"))
            df = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
            # part files are named by chunk key, and chunk boundaries follow the automatic
            # chunk size: compare rows article by article, each article's rows in order
            df = df.sort_values("article_id", kind="stable", ignore_index=True)
            tables[table] = df.drop(columns=["source_file"], errors="ignore")
    return tables


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=Path, help="synthetic corpus (benchmarks/synthetic.py)")
    parser.add_argument("--basil", type=Path, default=BASIL)
    parser.add_argument("--save", type=Path, help="write the tables to this folder")
    parser.add_argument("--check", type=Path, help="compare the tables with this saved run")
    args = parser.parse_args(argv)
    n_bad = 0
    for name, score_args in corpora(args.synthetic, args.basil).items():
        for table, df in score_tables(score_args).items():
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                df.to_parquet(args.save / f"{name}.{table}.parquet")
                print(f"{name}.{table}: {len(df)} rows saved")
            if args.check:
                if not (args.check / f"{name}.{table}.parquet").is_file():
                    print(f"{name}.{table}: not in {args.check}: not compared")
                    continue
                want = pd.read_parquet(args.check / f"{name}.{table}.parquet")
                try:
                    pd.testing.assert_frame_equal(df, want, check_exact=True)
                    print(f"{name}.{table}: {len(df)} rows, identical")
                except AssertionError as err:
                    n_bad += 1
                    print(f"{name}.{table}: differs: {str(err)[:800]}")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
