"""Experiment: fine-tune all-MiniLM-L6-v2 on DSE pairs and compare it with the shipped linear model.

    .venv/bin/python benchmarks/directed_transformer.py --out /tmp/dse_minilm \
        [--epochs 3] [--head pq] [--class-weight sqrt] [--augment] [--limit N]

Needs ``pip install "framing[transformer]"`` and DSE under framing.paths.shared_data_dir().
Entity p is wrapped in ``[TGT]`` … ``[/TGT]`` and entity q in ``[Q]`` … ``[/Q]`` inside the
sentence; the linear head reads the hidden state of ``[TGT]`` and the mean-pooled sentence
(``--head p``), plus the hidden state of ``[Q]`` (``--head pq``). ``--class-weight sqrt``
weighs the loss by sqrt(n / (5 n_class)); ``--augment`` adds a copy of every pair with p and
q swapped (labels 1 <-> 2, 3 <-> 4). Training: AdamW, lr 5e-5, batch 32, linear warm-up
(10 %) and decay, max 96 tokens, seed 0, 2 torch threads
(:func:`framing.train_transformer.fine_tune`). After each epoch the script prints the
scores on DSE valid (macro-F1 collapsed to 3 classes and 5-class, accuracy), and those of
``w * transformer + (1 - w) * linear`` probability averages with the shipped linear
model. DSE test is never read. The results of the runs made so far are in
``src/framing/models/DIRECTED_MODEL_CARD.md``; no transformer model is shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framing.directed import (
    DSE_CLASSES,
    DirectedSentimentClassifier,
    _prepare,
    directed_scores,
    load_dse,
)
from framing.paths import shared_data_dir
from framing.scorers.transformer import TARGET_CLOSE, TARGET_OPEN, import_torch, predict_proba
from framing.train_transformer import fine_tune, load_base_encoder, seed_torch

Q_OPEN, Q_CLOSE = "[Q]", "[/Q]"
_SWAP = {0: 0, 1: 2, 2: 1, 3: 4, 4: 3}
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def mark_pairs(pairs) -> list[str]:
    """Wrap p in ``[TGT]`` … ``[/TGT]`` and q in ``[Q]`` … ``[/Q]`` (curly quotes made ASCII)."""
    pairs, _ = _prepare(pairs)
    out = []
    for s, ps, pe, qs, qe in zip(pairs["sentence"], pairs["p_start"], pairs["p_end"],
                                 pairs["q_start"], pairs["q_end"]):
        s = str(s)
        (a0, a1, ao, ac), (b0, b1, bo, bc) = sorted(
            [(int(ps), int(pe), TARGET_OPEN, TARGET_CLOSE), (int(qs), int(qe), Q_OPEN, Q_CLOSE)])
        b0 = max(b0, a1)
        out.append(f"{s[:a0]}{ao} {s[a0:a1]} {ac}{s[a1:b0]}{bo} {s[b0:b1]} {bc}{s[b1:]}"
                   .translate(_NORMALISE))
    return out


def pair_classifier(encoder, q_id: int, head: str):
    """MiniLM + a linear head on [TGT] (+ [Q] when head == 'pq') and the mean-pooled sentence."""
    torch = import_torch()
    nn = torch.nn

    class PairClassifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            width = (3 if head == "pq" else 2) * encoder.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(width, len(DSE_CLASSES))

        def forward(self, input_ids, attention_mask, marker_pos):
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            mean = (h * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            rows = torch.arange(h.shape[0])
            parts = [h[rows, marker_pos]]
            if head == "pq":
                is_q = input_ids == q_id
                q_pos = torch.where(is_q.any(1), is_q.int().argmax(1), torch.zeros_like(marker_pos))
                parts.append(h[rows, q_pos])
            return self.head(self.dropout(torch.cat([*parts, mean], dim=-1)))

    return PairClassifier()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for the best epoch's model")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--head", choices=("p", "pq"), default="pq")
    parser.add_argument("--class-weight", choices=("none", "sqrt"), default="sqrt")
    parser.add_argument("--augment", action="store_true", help="add p/q-swapped copies")
    parser.add_argument("--limit", type=int, default=None, help="first N training pairs only")
    args = parser.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("DSE not found: set FRAMING_DATA_DIR", file=sys.stderr)
        return 2
    dse = Path(data) / "dse_directed_sentiment"
    train, valid = load_dse(dse / "train.txt"), load_dse(dse / "valid.txt")
    if args.limit:
        train = train.iloc[: args.limit].reset_index(drop=True)
    if args.augment:
        swapped = train.rename(columns={"p_start": "q_start", "p_end": "q_end",
                                        "q_start": "p_start", "q_end": "p_end"})
        swapped["label"] = swapped["label"].map(_SWAP)
        train = pd.concat([train, swapped[train.columns]], ignore_index=True)

    torch = seed_torch(0, 2)
    tokenizer, encoder = load_base_encoder(
        ((TARGET_OPEN, "["), (TARGET_CLOSE, "]"), (Q_OPEN, "{"), (Q_CLOSE, "}")))
    model = pair_classifier(encoder, tokenizer.convert_tokens_to_ids(Q_OPEN), args.head)
    labels = train["label"].to_numpy(dtype=np.int64)
    weight = None
    if args.class_weight == "sqrt":
        counts = np.maximum(np.bincount(labels, minlength=len(DSE_CLASSES)), 1)
        weight = np.sqrt(len(labels) / (len(DSE_CLASSES) * counts)).tolist()
    y_valid = valid["label"].to_numpy()
    valid_marked = mark_pairs(valid)
    linear = DirectedSentimentClassifier.load_default().predict_proba(valid)

    def evaluate(m):
        proba = predict_proba(m, tokenizer, valid_marked, batch_size=64, max_length=96,
                              progress=False)
        row = {f"valid_{k}": v for k, v in directed_scores(y_valid, proba.argmax(1)).items()
               if k != "n"}
        for w in (0.3, 0.5):
            mixed = directed_scores(y_valid, (w * proba + (1 - w) * linear).argmax(1))
            row[f"mix{w}_macro_f1"] = mixed["macro_f1"]
            row[f"mix{w}_macro_f1_5class"] = mixed["macro_f1_5class"]
        return row

    settings = {"epochs": args.epochs, "batch_size": 32, "lr": 5e-5, "max_length": 96,
                "warmup": 0.1, "weight_decay": 0.01, "random_state": 0, "n_threads": 2,
                "head": args.head, "class_weight": args.class_weight, "augment": args.augment,
                "n_train_pairs": len(train), "train": "DSE train.txt (Park et al., 2021)"}
    t0 = time.perf_counter()
    report = fine_tune(model, tokenizer, mark_pairs(train), torch.tensor(labels), evaluate,
                       args.out, settings, select_key="valid_macro_f1",
                       selected_on="DSE valid collapsed macro-F1",
                       log=lambda line: print(line, flush=True), class_weight=weight)
    print(json.dumps({"linear_valid": directed_scores(y_valid, linear.argmax(1)),
                      "best_epoch": report["best_epoch"],
                      "wall_s": round(time.perf_counter() - t0, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
