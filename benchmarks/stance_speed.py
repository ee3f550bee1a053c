"""Time find_statements and score_stance, and check their output against a saved run.

Usage::

    python benchmarks/stance_speed.py --synthetic /tmp/syn2000.jsonl --save /tmp/before
    python benchmarks/stance_speed.py --synthetic /tmp/syn2000.jsonl --check /tmp/before

Datasets (each loaded with :func:`framing.corpus.load_corpus`, then
``find_mentions`` and ``score_mentions`` with the ``newsmtsc-linear`` scorer, as the
chunk worker of ``framing score`` does):

- ``bundled``: ``corpus/articles.jsonl`` with ``corpus/outlets.yml``;
- ``synthetic``: the file given with ``--synthetic`` (``benchmarks/synthetic.py``);
- ``basil``: ``basil/basil_train.jsonl`` under ``FRAMING_DATA_DIR`` or ``../shared/data``
  (``format='basil'``),
  skipped when absent (``--basil`` changes the path);
- ``tests``: every string literal of 15 or more characters in ``tests/test_quotes*.py``,
  ``tests/test_stance*.py`` (but ``test_stance_speed.py``) and
  ``tests/test_multilingual*.py`` (the English, Russian and Ukrainian sentences
  written for those tests), each used as the title and the text of one article.

For each dataset the CPU seconds (``time.process_time``, one BLAS thread) of
``find_statements(articles, registry, mentions=mentions)`` and
``score_stance(articles, scored, statements, actors=registry)`` are printed (with
``--repeat R``, the least of R runs of each step); where
:func:`framing.quotes.field_layouts` exists, both get ``layouts=`` as in
``framing.scale.worker.process_chunk``, and its time is counted in ``find_statements``.
``--save DIR`` writes the statements and stance tables as Parquet
(``DIR/<dataset>.statements.parquet``, ``DIR/<dataset>.stance.parquet``);
``--check DIR`` compares them row by row and cell by cell with such a saved run
(floats exactly, NaN equal to NaN; all columns but ``source_file``, the
name of the temporary file of the test texts) and exits 1 on any difference, printing the
first differing rows.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
from threadpoolctl import threadpool_limits

from framing.paths import shared_data_dir

REPO = Path(__file__).resolve().parents[1]
BASIL = (shared_data_dir() or Path("/nonexistent")) / "basil" / "basil_train.jsonl"
TEST_GLOBS = ("test_quotes*.py", "test_stance*.py", "test_multilingual*.py")
SCORER = "newsmtsc-linear"


def test_texts(tests_dir: Path = REPO / "tests") -> list[str]:
    """String literals (>= 15 characters, with a letter) of the quote/stance/multilingual tests."""
    texts: list[str] = []
    for pattern in TEST_GLOBS:
        for path in sorted(tests_dir.glob(pattern)):
            if path.name == "test_stance_speed.py":
                continue  # random pieces, not sentences (and it is this benchmark's own test)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and len(node.value) >= 15
                    and any(c.isalpha() for c in node.value)
                    and node.value not in texts
                ):
                    texts.append(node.value)
    return texts


def load_datasets(synthetic: Path | None, basil: Path) -> dict[str, pd.DataFrame]:
    """The articles tables of the datasets named in the module docstring."""
    from framing.corpus import load_corpus

    data = {
        "bundled": load_corpus(REPO / "corpus" / "articles.jsonl",
                               outlets=REPO / "corpus" / "outlets.yml"),
    }
    if synthetic is not None:
        data["synthetic"] = load_corpus(synthetic)
    if basil.is_file():
        data["basil"] = load_corpus(basil, format="basil")
    else:
        print(f"BASIL not found at {basil}: skipped", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "test_texts.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(
                json.dumps({"id": f"t{k}", "outlet": "tests", "published": "2025-01-01",
                            "title": t, "text": t}, ensure_ascii=False) + "\n"
                for k, t in enumerate(test_texts())
            )
        data["tests"] = load_corpus(path)
    return data


def run(articles: pd.DataFrame, registry, scorer) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Mentions, scores, statements and stance of `articles`; CPU seconds per step."""
    from framing import quotes
    from framing.actors import find_mentions
    from framing.quotes import find_statements
    from framing.scorers import score_mentions
    from framing.stance import score_stance

    cpu: dict[str, float] = {}

    def timed(name, func, *args, **kw):
        c0 = time.process_time()
        out = func(*args, **kw)
        cpu[name] = time.process_time() - c0
        return out

    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("ignore", UserWarning)
        mentions = timed("find_mentions", find_mentions, articles, registry)
        scored = timed("score_mentions", score_mentions, mentions, scorer)
        if hasattr(quotes, "field_layouts"):  # shared quotes and sentences (as the worker does)
            c0 = time.process_time()
            layouts = quotes.field_layouts(articles)
            statements = find_statements(articles, registry, mentions=mentions, layouts=layouts)
            cpu["find_statements"] = time.process_time() - c0  # layouts counted here
            stance = timed("score_stance", score_stance, articles, scored, statements,
                           actors=registry, layouts=layouts)
        else:  # the code before the layouts were shared
            statements = timed("find_statements", find_statements, articles, registry,
                               mentions=mentions)
            stance = timed("score_stance", score_stance, articles, scored, statements,
                           actors=registry)
    return statements, stance, cpu


def compare(name: str, got: pd.DataFrame, want: pd.DataFrame) -> int:
    """Number of differing rows (0 when identical); prints the first few."""
    # the test texts are read from a temporary file whose name changes from run to run
    got = got.drop(columns=["source_file"], errors="ignore").reset_index(drop=True)
    want = want.drop(columns=["source_file"], errors="ignore").reset_index(drop=True)
    if list(got.columns) != list(want.columns):
        print(f"  {name}: columns differ: {list(got.columns)} vs {list(want.columns)}")
        return max(len(got), len(want), 1)
    if len(got) != len(want):
        print(f"  {name}: {len(got)} rows, saved run has {len(want)}")
    n = min(len(got), len(want))
    bad = pd.Series(False, index=range(n))
    for c in got.columns:
        a, b = got[c].iloc[:n], want[c].iloc[:n]
        same = (a == b) | (a.isna() & b.isna())
        bad |= ~same.to_numpy(dtype=bool)
    n_bad = int(bad.sum()) + abs(len(got) - len(want))
    for i in bad[bad].index[:5]:
        diff = {c: (got.at[i, c], want.at[i, c]) for c in got.columns
                if not (got.at[i, c] == want.at[i, c]
                        or (pd.isna(got.at[i, c]) and pd.isna(want.at[i, c])))}
        print(f"  {name} row {i}: (now, saved) {diff}")
    return n_bad


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=Path, help="synthetic corpus (benchmarks/synthetic.py)")
    parser.add_argument("--basil", type=Path, default=BASIL)
    parser.add_argument("--save", type=Path, help="write the tables to this folder")
    parser.add_argument("--check", type=Path, help="compare the tables with this saved run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each dataset this many times; report the least CPU time")
    args = parser.parse_args(argv)

    from framing.scale.score import load_actors
    from framing.scorers import get_scorer

    registry = load_actors(None)
    scorer = get_scorer(SCORER).fit([])
    datasets = load_datasets(args.synthetic, args.basil)
    run(datasets["tests"].head(3), registry, scorer)  # warm-up: compiled patterns, lexicon
    print(f"{'dataset':10} {'articles':>8} {'mentions':>8} {'stmts':>6} "
          f"{'find_mentions':>13} {'score_mentions':>14} {'find_statements':>15} "
          f"{'score_stance':>12}   (CPU s)")
    n_bad = 0
    total = {}
    for name, articles in datasets.items():
        runs = [run(articles, registry, scorer) for _ in range(args.repeat)]
        statements, stance, _ = runs[-1]
        cpu = {k: min(r[2][k] for r in runs) for k in runs[0][2]}  # least disturbed run
        for k, v in cpu.items():
            total[k] = total.get(k, 0.0) + v
        print(f"{name:10} {len(articles):>8} {len(stance):>8} {len(statements):>6} "
              f"{cpu['find_mentions']:>13.2f} {cpu['score_mentions']:>14.2f} "
              f"{cpu['find_statements']:>15.2f} {cpu['score_stance']:>12.2f}", flush=True)
        for table, df in (("statements", statements), ("stance", stance)):
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                df.to_parquet(args.save / f"{name}.{table}.parquet")
            if args.check:
                want = pd.read_parquet(args.check / f"{name}.{table}.parquet")
                # round-trip through Parquet so both sides have the same dtypes
                with tempfile.TemporaryDirectory() as tmp:
                    df.to_parquet(Path(tmp) / "t.parquet")
                    got = pd.read_parquet(Path(tmp) / "t.parquet")
                bad = compare(f"{name}.{table}", got, want)
                print(f"  check {name}.{table}: {len(got)} rows, {bad} differing")
                n_bad += bad
    print(f"{'total':10} {'':>8} {'':>8} {'':>6} {total['find_mentions']:>13.2f} "
          f"{total['score_mentions']:>14.2f} {total['find_statements']:>15.2f} "
          f"{total['score_stance']:>12.2f}")
    if args.check:
        print(f"identity check: {n_bad} differing rows in all")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
