"""Benchmark ``framing report --corpus`` end to end on N synthetic articles.

Usage: ``python benchmarks/report.py --n 10000 [--jobs 2] [--workdir /tmp/framing-bench]
[--rerun] [--score-speedup 20000 [--rounds 5]] [--text news]``.

For each N a seeded synthetic corpus (benchmarks/synthetic.py: ~600 words and ~12
actor mentions per article; made-up text, or with ``--text news`` real news sentences
read from ``FRAMING_DATA_DIR``) is generated once, then ``framing report --corpus C --out D
--jobs J`` runs in a fresh folder as a subprocess: scoring into ``D/data`` and all five
notebooks. Reported: wall seconds; CPU seconds (user + system) of the process tree (the
larger of the children's rusage and the sum of each process's CPU time as last sampled,
which misses at most 0.5 s per process); when the scoring phase ended (the time
``D/data/load_report.json`` first appeared, polled every 0.5 s); the largest peak RSS
of any single process (``VmHWM`` from ``/proc/PID/status``, read every 0.5 s for every
process of the tree, so a process shorter than that may be missed) with the command
line of that process; the summed peak RSS of the tree. ``--rerun`` also times a
second report on the unchanged corpus (into the same folder, ``--overwrite``: every
chunk comes from the cache and every notebook is up to date, so none runs), then a
third with ``--force`` (every notebook runs again on the cached dataset).
``--score-speedup N`` times ``framing score --jobs 1`` and ``--jobs 2`` on N articles
(fresh folders) and prints the throughput ratio; with ``--rounds R`` the pair runs R
times, alternated (so that a drift of the machine's speed hits both alike), and the
median and range of the R ratios are printed as well.
Linux only (reads /proc). The load average at the start is printed: on a shared
machine the numbers are upper bounds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_corpus

FRAMING = [sys.executable, "-m", "framing.cli"]


def corpus_of(n: int, work: Path, seed: int = 0, text: str = "made-up") -> Path:
    """The seeded synthetic corpus of `n` articles under `work` (written once).

    ``text="news"``: articles of real news sentences (see benchmarks/synthetic.py).
    """
    stem = "synthetic_v2" if text == "made-up" else "news_v1"
    corpus = work / f"{stem}_{n}_{seed}.jsonl"
    if not corpus.is_file():
        write_corpus(corpus.with_suffix(".tmp"), n, random_state=seed, text=text)
        corpus.with_suffix(".tmp").rename(corpus)
    return corpus


def _hwm_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], interval: float = 0.5, watch: Path | None = None) -> dict:
    """Run `cmd`; return wall and CPU seconds and per-process peak RSS of its process tree.

    `watch`: a file the command writes; ``watched`` is the wall time (s) at which it was
    first seen (polled every `interval`), None if never.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    watched = None
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root = psutil.Process(proc.pid)
    peaks: dict[int, tuple[int, str]] = {}
    cpu_seen: dict[int, float] = {}
    while proc.poll() is None:
        if watch is not None and watched is None and watch.exists():
            watched = time.perf_counter() - started
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = []
        for p in tree:
            try:
                times = p.cpu_times()
                cpu_seen[p.pid] = times.user + times.system
            except psutil.Error:
                pass
            hwm = _hwm_bytes(p.pid)
            if hwm > peaks.get(p.pid, (0, ""))[0]:
                try:
                    name = " ".join(p.cmdline()[1:4])[:80]
                except psutil.Error:
                    name = "?"
                peaks[p.pid] = (hwm, name)
        time.sleep(interval)
    output = proc.stdout.read()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{output[-3000:]}")
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # processes the report did not wait for (pool workers are children of the fork
    # server) are not in RUSAGE_CHILDREN: take the larger of both sums
    cpu = max(waited, sum(cpu_seen.values()))
    top = max(peaks.values(), default=(0, ""))
    return {"wall": wall, "cpu": cpu, "max_rss": top[0], "max_rss_proc": top[1],
            "sum_rss": sum(v[0] for v in peaks.values()), "n_procs": len(peaks),
            "watched": watched,
            "output": output.strip().splitlines()[-1] if output.strip() else ""}


def _row(label: str, n: int, m: dict) -> str:
    return (f"{label:<22} {n:>9,} {m['wall']:>8.1f} {m['cpu']:>8.1f} {n / m['wall']:>7,.0f} "
            f"{m['max_rss'] / 2**20:>10,.0f} {m['sum_rss'] / 2**20:>10,.0f} {m['n_procs']:>5}  "
            f"{m['max_rss_proc']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="*", default=[10_000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, default=2, help="scoring workers and notebooks at once")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/framing-bench"))
    parser.add_argument("--rerun", action="store_true",
                        help="also time a second report on the unchanged corpus")
    parser.add_argument("--score-speedup", type=int, default=0, metavar="N",
                        help="time framing score --jobs 1 vs --jobs 2 on N articles")
    parser.add_argument("--rounds", type=int, default=1, metavar="R",
                        help="with --score-speedup: run the pair R times, alternated")
    parser.add_argument("--text", choices=("made-up", "news"), default="made-up",
                        help="articles of made-up text or of real news sentences "
                             "(needs FRAMING_DATA_DIR; see benchmarks/synthetic.py)")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    env_note = (f"load avg {psutil.getloadavg()[0]:.1f} on {psutil.cpu_count()} cores, "
                f"{psutil.virtual_memory().total / 2**30:.0f} GiB")
    print(f"{'run':<22} {'articles':>9} {'wall s':>8} {'CPU s':>8} {'art/s':>7} "
          f"{'max RSS MB':>10} {'sum RSS MB':>10} {'procs':>5}  largest process  ({env_note}; "
          f"text={args.text})",
          flush=True)
    for n in args.n:
        corpus = corpus_of(n, args.workdir, text=args.text)
        out = args.workdir / f"report_{n}_j{args.jobs}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [*FRAMING, "report", "--corpus", str(corpus), "--out", str(out),
               "--jobs", str(args.jobs), "--no-progress"]
        m = run_measured(cmd, watch=out / "data" / "load_report.json")
        print(_row(f"report --jobs {args.jobs}", n, m), flush=True)
        print(f"    {m['output']}", flush=True)
        if m["watched"] is not None:
            print(f"    scoring done (data/load_report.json written) after {m['watched']:.1f} s; "
                  f"notebooks {m['wall'] - m['watched']:.1f} s", flush=True)
        if args.rerun:
            m = run_measured([*cmd, "--overwrite"])
            print(_row("report, unchanged", n, m), flush=True)
            print(f"    {m['output']}", flush=True)
            m = run_measured([*cmd, "--overwrite", "--force"])
            print(_row("unchanged, --force", n, m), flush=True)
    if args.score_speedup:
        n = args.score_speedup
        corpus = corpus_of(n, args.workdir, text=args.text)
        ratios = []
        for _ in range(max(args.rounds, 1)):
            rates = {}
            for jobs in (1, 2):
                out = args.workdir / f"score_{n}_j{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                m = run_measured([*FRAMING, "score", str(corpus), "--out", str(out),
                                  "--jobs", str(jobs), "--no-progress"])
                rates[jobs] = n / m["wall"]
                print(_row(f"score --jobs {jobs}", n, m), flush=True)
                print(f"    {m['output']}", flush=True)
            ratios.append(rates[2] / rates[1])
            print(f"score speed-up, jobs 2 vs 1 on {n:,} articles: {ratios[-1]:.2f}x",
                  flush=True)
        if len(ratios) > 1:
            print(f"score speed-up over {len(ratios)} rounds: median "
                  f"{statistics.median(ratios):.2f}x, range {min(ratios):.2f}-{max(ratios):.2f}x "
                  f"({', '.join(f'{r:.2f}' for r in ratios)})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
