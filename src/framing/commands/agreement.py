"""``framing agreement``: Krippendorff's alpha for coded sheets, with bootstrap CIs.

    framing agreement coding/sheet_ana.csv coding/sheet_ben.csv --key coding/sheet.key.csv
    framing agreement coding/sheet_*.csv --key coding/sheet.key.csv --json
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from framing.commands import reports_errors


@click.command()
@click.argument("sheets", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False,
                                                                   path_type=Path))
@click.option("--key", "key_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Key file <sheet>.key.csv with the model's labels (enables model agreement).")
@click.option("--level", "levels", multiple=True, type=click.Choice(["nominal", "ordinal"]),
              help="Level(s) of measurement (default: both).")
@click.option("--n-bootstrap", default=1000, show_default=True, type=click.IntRange(min=0),
              help="Bootstrap resamples of the items.")
@click.option("--seed", "random_state", default=0, show_default=True, type=int,
              help="Random seed of the bootstrap.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the alphas.")
@reports_errors
def agreement(sheets, key_file, levels, n_bootstrap, random_state, as_json):
    """Report agreement between the coders of SHEETS and, with --key, the model."""
    from framing import validation

    coded = validation.read_coded_sheets(list(sheets))
    result = validation.agreement(coded, key_file, level=levels or ("nominal", "ordinal"),
                                  n_bootstrap=n_bootstrap, random_state=random_state)
    if as_json:
        click.echo(json.dumps(result.to_dict(), sort_keys=True))
        return
    pct = round(result.alphas["ci_level"].iloc[0] * 100)
    for row in result.alphas.itertuples(index=False):
        click.echo(f"{row.comparison:<17} {row.level:<8} alpha = {row.alpha:.3f} "
                   f"[{pct}% CI {row.ci_low:.3f}, {row.ci_high:.3f}]  "
                   f"items = {row.n_items}, coders = {row.n_coders}")
    if key_file is not None:
        click.echo("\nHuman code (rows) × model label (columns), all codings:")
        click.echo(result.confusion_matrix().to_string())
