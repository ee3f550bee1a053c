"""``framing evaluate-stance``: score the directed (holder → target) model on labelled pairs.

framing evaluate-stance ../shared/data/dse_directed_sentiment/valid.txt --format dse
framing evaluate-stance ../shared/data/basil/basil_train.jsonl --format basil --json
"""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("evaluate-stance")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["dse", "basil"]),
    default="dse",
    show_default=True,
    help="dse: DSE TSV pairs; basil: BASIL quoted-speaker spans.",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A directed model .npz (default: the shipped model).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate_stance(path, fmt, model_path, as_json):
    """Evaluate the holder → target classifier on PATH (macro-F1, accuracy, n)."""
    from framing import directed

    pairs = directed.load_dse(path) if fmt == "dse" else directed.load_basil_pairs(path)
    if pairs.empty:
        raise click.ClickException(f"No labelled pairs found in {str(path)!r} (format {fmt!r}).")
    model = (
        directed.DirectedSentimentClassifier.load(model_path)
        if model_path
        else directed.DirectedSentimentClassifier.load_default()
    )
    scores = directed.evaluate_directed(pairs, model)
    if fmt == "basil":  # only p -> q labels exist: the 5-class score adds nothing
        scores.pop("macro_f1_5class"), scores.pop("accuracy_5class")
    scores = {"format": fmt, "path": str(path), **scores}
    if as_json:
        click.echo(json.dumps(scores, sort_keys=True))
        return
    for key in ("macro_f1", "accuracy", "macro_f1_5class", "accuracy_5class", "n", "seconds"):
        if key in scores:
            val = scores[key]
            click.echo(f"{key:16s} {val:.4f}" if isinstance(val, float) else f"{key:16s} {val}")
