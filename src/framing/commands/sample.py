"""``framing sample``: draw a stratified sample of mentions and write a coding sheet.

    framing sample figures --n-per-stratum 3 --out coding/sheet.csv
"""

from __future__ import annotations

from pathlib import Path

import click

from framing.commands import reports_errors
from framing.exceptions import OverwriteError


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--n-per-stratum", required=True, type=click.IntRange(min=1),
              help="Mentions drawn per outlet × actor × predicted label.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Coding sheet CSV to write; the key goes to <stem>.key.csv beside it.")
@click.option("--strata", default="outlet,actor_id,label", show_default=True,
              help="Comma-separated columns defining the strata.")
@click.option("--seed", "random_state", default=0, show_default=True, type=int,
              help="Random seed of the draw.")
@click.option("--xlsx/--no-xlsx", default=None,
              help="Also write an XLSX sheet (default: when openpyxl is installed).")
@click.option("--overwrite", is_flag=True, help="Replace an existing sheet.")
@reports_errors
def sample(source, n_per_stratum, out_path, strata, random_state, xlsx, overwrite):
    """Write a coding sheet for SOURCE (a report folder, a dataset or a mentions .parquet file)."""
    from framing.evidence import read_mentions
    from framing.validation import draw_sample, write_coding_sheet

    if out_path.exists() and not overwrite:
        raise OverwriteError(f"Coding sheet {str(out_path)!r} already exists; coded work may be "
                             f"in it. Choose another --out or pass --overwrite.")
    columns = [s.strip() for s in strata.split(",") if s.strip()]
    drawn = draw_sample(read_mentions(source), n_per_stratum=n_per_stratum,
                        strata=columns, random_state=random_state)
    written = write_coding_sheet(drawn, out_path, xlsx=xlsx)
    n_strata = len(drawn.groupby(columns))
    click.echo(f"{len(drawn)} mentions from {n_strata} strata written to "
               + ", ".join(str(p) for p in written.values())
               + f". Give coders the sheet and {written['readme'].name}; keep "
               f"{written['key'].name} to yourself.")
