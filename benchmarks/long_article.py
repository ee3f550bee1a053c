"""Cost of one article without sentence punctuation, as its length grows.

Scraped text sometimes arrives as one huge "sentence" (no full stops, no line breaks).
This script builds such an article from the synthetic generator (realistic mention
density: about 12 mentions per 600 words), strips every sentence mark, and scores it
through the same streaming path as ``framing score`` (load → mentions → sentiment →
quotes/stance → Parquet), one fresh process per length so that peak memory is its own::

    python benchmarks/long_article.py                       # 40k, 100k, 1M and 5M characters
    python benchmarks/long_article.py --chars 100000 5000000

Columns: characters, mentions found, wall seconds, CPU seconds (process and workers), peak RSS
of the process or its largest worker (MB),
and microseconds of CPU per character (constant when the cost is linear).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import iter_articles

_SENTENCE_MARKS = re.compile(r"[.!?;:\u201c\u201d\"\n]+")


def unpunctuated_text(n_chars: int) -> str:
    """Synthetic news text of exactly `n_chars` characters with no sentence mark or line break."""
    parts, size = [], 0
    for article in iter_articles(max(1, n_chars // 3000 + 1), random_state=7):
        piece = _SENTENCE_MARKS.sub(" ", article["text"])
        parts.append(piece)
        size += len(piece) + 1
        if size >= n_chars:
            break
    return " ".join(parts)[:n_chars]


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (scoring may run in a worker)."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _one(n_chars: int) -> dict:
    from framing.scale import score_corpus

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.jsonl"
        record = {"article_id": "long", "outlet": "Scraper", "published": "2025-02-20T10:00:00Z",
                  "title": "", "text": unpunctuated_text(n_chars), "url": ""}
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        wall, cpu = time.perf_counter(), _cpu_seconds()
        result = score_corpus([path], Path(tmp) / "out", jobs=1, progress=False)
        wall, cpu = time.perf_counter() - wall, _cpu_seconds() - cpu
    peak_mb = max(resource.getrusage(who).ru_maxrss
                  for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    return {"chars": n_chars, "mentions": result.n_mentions, "wall_s": wall, "cpu_s": cpu,
            "peak_rss_mb": peak_mb}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+",
                        default=[40_000, 100_000, 1_000_000, 5_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one)))
        return
    print(f"{'chars':>10} {'mentions':>9} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} "
          f"{'CPU us/char':>12}")
    for n in args.chars:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['chars']:>10,} {r['mentions']:>9,} {r['wall_s']:>8.1f} {r['cpu_s']:>8.1f} "
              f"{r['peak_rss_mb']:>12.0f} {1e6 * r['cpu_s'] / r['chars']:>12.2f}")


if __name__ == "__main__":
    main()
