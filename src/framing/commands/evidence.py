"""``framing evidence``: the sentences behind one outlet × actor (× period) number.

    framing evidence figures --outlet "Kyiv Ledger" --actor zelenskyy --period 2025-03
    framing evidence figures --actor trump --out trump.csv
"""

from __future__ import annotations

from pathlib import Path

import click

from framing.commands import reports_errors


@click.command()
@click.argument("report_dir", type=click.Path(exists=True, path_type=Path))
@click.option("--outlet", default=None, help="Outlet (or value of --group) of the cell.")
@click.option("--actor", default=None, help="Actor id of the cell.")
@click.option("--period", default=None, help="YYYY-MM, YYYY-Www (ISO week) or YYYY-MM-DD.")
@click.option("--group", default="outlet", show_default=True,
              help="Column --outlet refers to, e.g. leaning.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the rows as CSV here instead of printing them.")
@reports_errors
def evidence(report_dir, outlet, actor, period, group, out_path):
    """List the mentions behind one aggregate cell.

    REPORT_DIR is a report folder (its data/ dataset), a dataset written by
    framing score, or a mentions .parquet file.
    """
    from framing.evidence import find_evidence, read_mentions

    table = find_evidence(read_mentions(report_dir), outlet=outlet, actor=actor,
                          period=period, group=group)
    columns = [group, "article_id", "published", "actor_id", "surface", "polarity", "label",
               "context"]
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        table[columns].to_csv(out_path, index=False, float_format="%.10g", lineterminator="\n",
                              encoding="utf-8")
        click.echo(f"{len(table)} mentions written to {out_path}")
        return
    for row in table.itertuples(index=False):
        click.echo(f"{row.article_id}\t{row.polarity:+.3f}\t{row.context}")
    click.echo(f"{len(table)} mentions")
