"""``framing evaluate`` and ``framing train``: accuracy against gold labels, reproducible training.

    framing evaluate ../shared/data/newsmtsc/dev_rw.jsonl --format newsmtsc --json
    framing evaluate ../shared/data/rusentne/train.csv --format rusentne --scorer multilingual-linear
    framing evaluate gold.csv --format mentions-csv --scorer textblob --tune-on dev.jsonl
    framing train --data-dir ../shared/data --out models/
    framing train --model multilingual-linear --out models/
"""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "gold_format", default="auto", show_default=True,
              help="Gold-label format: 'auto' or one of framing.datasets.GOLD_FORMATS "
                   "(newsmtsc, rusentne, mentions-csv, ...; checked when the file is read).")
@click.option("--scorer", default=None, help="Scorer name (default: the package default).")
@click.option("--tune-on", "tune_on", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Development split (same format) to tune a continuous scorer's neutral band on.")
@click.option("--n-bootstrap", default=1000, show_default=True, help="Resamples for the macro-F1 CI.")
@click.option("--seed", default=0, show_default=True, help="Seed of the bootstrap.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate(path, gold_format, scorer, tune_on, n_bootstrap, seed, as_json):
    """Score the gold targets in PATH and report macro-F1, F1_PN, accuracy, per-class P/R, confusion.

    With ``--format rusentne`` the summary leads with F1_PN (macro-F1 over positive and
    negative, the RuSentNE-2023 metric); ``--json`` always holds ``f1_pn`` and its CI.
    """
    from framing.datasets import GOLD_FORMATS, load_gold
    from framing.evaluate import evaluate as run_evaluation
    from framing.evaluate import fit_thresholds
    from framing.scorers import DEFAULT_SCORER, get_scorer

    if gold_format not in ("auto", *GOLD_FORMATS):
        raise click.BadParameter(
            f"must be 'auto' or one of {', '.join(GOLD_FORMATS)}. Got {gold_format!r}.",
            param_hint="--format",
        )
    gold, rejections = load_gold(path, format=gold_format, return_rejections=True)
    model = get_scorer(scorer or DEFAULT_SCORER).fit([])
    if tune_on is not None:
        fit_thresholds(model, load_gold(tune_on, format=gold_format))
    result = run_evaluation(model, gold, n_bootstrap=n_bootstrap, random_state=seed)
    if as_json:
        payload = result.to_dict()
        payload["n_rejected"] = len(rejections)
        click.echo(json.dumps(payload, sort_keys=True, default=str))
        return
    click.echo(result.summary(f1_pn=gold_format == "rusentne"))
    if len(rejections):
        click.echo(f"{len(rejections)} gold rows rejected (see warnings): first at line "
                   f"{rejections['line'].iloc[0]} ({rejections['reason'].iloc[0]}).")


@click.command()
@click.option("--data-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding newsmtsc/ (and rusentne/ for the multilingual model; "
                   "default: $FRAMING_DATA_DIR or ../shared/data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output folder for the model artefact and its metrics.")
@click.option("--model", "model_name", type=click.Choice(["newsmtsc-linear", "multilingual-linear"]),
              default="newsmtsc-linear", show_default=True,
              help="Which shipped model to reproduce.")
@click.option("--seed", default=0, show_default=True, help="Random seed.")
@click.option("--overwrite", is_flag=True, help="Replace an existing artefact in --out.")
def train(data_dir, out_dir, model_name, seed, overwrite):
    """Reproduce a shipped scorer: newsmtsc-linear (NewsMTSC) or multilingual-linear (+ RuSentNE)."""
    from framing.exceptions import OverwriteError
    from framing.paths import shared_data_dir
    from framing.train import train_default_scorer, train_multilingual_scorer

    data_dir = data_dir or shared_data_dir()
    if data_dir is None:
        raise click.UsageError("No labelled data found: pass --data-dir or set FRAMING_DATA_DIR.")
    artefact = out_dir / f"{model_name.replace('-', '_')}.npz"
    if artefact.exists() and not overwrite:
        raise OverwriteError(f"{str(artefact)!r} exists; pass --overwrite to replace it.")
    if model_name == "multilingual-linear":
        info = train_multilingual_scorer(data_dir, out_dir, random_state=seed)
        click.echo(
            f"Wrote {info['path']} (n_train={info['n_train']}, fit {info['fit_seconds']:.1f} s): "
            f"dev-rw macro-F1 {info['dev_rw']['macro_f1']:.3f}."
        )
        return
    info = train_default_scorer(data_dir, out_dir, random_state=seed)
    click.echo(
        f"Wrote {info['path']} (n_train={info['n_train']}, fit {info['fit_seconds']:.1f} s): "
        f"dev-rw macro-F1 {info['dev_rw']['macro_f1']:.3f}, "
        f"dev-mt macro-F1 {info['dev_mt']['macro_f1']:.3f}."
    )
