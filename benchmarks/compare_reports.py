"""Compare the CSV outputs (figures, tables, data) of two report folders.

Usage: ``python benchmarks/compare_reports.py BEFORE AFTER [--atol 1e-12]``

Every ``*.csv`` under BEFORE (figures ``fig*.csv``, tables ``tab*.csv``,
``data/*.csv``, ``validation/*.csv``) must exist under AFTER with the same
columns and rows; numbers may differ by at most ``--atol`` (absolute). Prints one
line per file and exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def compare(before: Path, after: Path, atol: float = 1e-12) -> list[str]:
    """Return one problem line per differing CSV (empty when all are equal)."""
    problems = []
    files = sorted(p.relative_to(before) for p in before.rglob("*.csv")
                   if "notebooks" not in p.parts)
    for rel in files:
        a, b = before / rel, after / rel
        if not b.is_file():
            problems.append(f"{rel}: missing in {after}")
            continue
        x, y = pd.read_csv(a), pd.read_csv(b)
        if list(x.columns) != list(y.columns) or x.shape != y.shape:
            problems.append(f"{rel}: shape/columns differ {x.shape} vs {y.shape}")
            continue
        for col in x.columns:
            u, v = x[col], y[col]
            if pd.api.types.is_numeric_dtype(u) and pd.api.types.is_numeric_dtype(v):
                if not np.allclose(u.to_numpy(float), v.to_numpy(float), atol=atol, rtol=0,
                                   equal_nan=True):
                    diff = np.nanmax(np.abs(u.to_numpy(float) - v.to_numpy(float)))
                    problems.append(f"{rel}: column {col!r} differs by up to {diff:.3g}")
            elif not u.astype(str).equals(v.astype(str)):
                problems.append(f"{rel}: column {col!r} differs")
        print(f"{rel}: {'ok' if not problems or not problems[-1].startswith(str(rel)) else 'DIFF'}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--atol", type=float, default=1e-12)
    args = parser.parse_args(argv)
    problems = compare(args.before, args.after, args.atol)
    for line in problems:
        print(line)
    print(f"{'identical' if not problems else 'DIFFERENT'}: "
          f"{len(list(args.before.rglob('*.csv')))} CSV files compared (atol={args.atol})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
