"""``framing init``: start a study folder with a study file and a starter actor registry.

    framing init my_study --corpus data/articles.jsonl
    framing init basil_study --corpus ../shared/data/basil/basil_train.jsonl --format basil
"""

from __future__ import annotations

from pathlib import Path

import click

from framing.formats import FORMATS


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--corpus", "corpus", required=True, multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="Corpus file or folder (repeatable).")
@click.option("--format", "corpus_format", default="auto", show_default=True,
              type=click.Choice(FORMATS), help="Corpus format (see framing.corpus.FORMATS).")
@click.option("--column", "columns", multiple=True, metavar="FILE_FIELD=COLUMN",
              help="Map a file field to a canonical column (repeatable).")
@click.option("--actors", "n_actors", default=20, show_default=True,
              type=click.IntRange(min=1), help="Actors in the starter registry.")
@click.option("--overwrite", is_flag=True, help="Replace an existing study.yml / actors.yml.")
def init(folder, corpus, corpus_format, columns, n_actors, overwrite):
    """Write FOLDER/study.yml and a starter FOLDER/actors.yml for a corpus."""
    from framing.settings import init_study

    mapping = {}
    for item in columns:
        source, sep, target = item.partition("=")
        if not sep or not source or not target:
            raise click.BadParameter(f"Expected FILE_FIELD=COLUMN. Got {item!r}.",
                                     param_hint="--column")
        mapping[source] = target
    path = init_study(folder, list(corpus), corpus_format=corpus_format, columns=mapping,
                      n_actors=n_actors, overwrite=overwrite)
    from framing.actors import load_actors

    written = len(list(load_actors(path.parent / "actors.yml")))
    click.echo(
        f"Study written to {path} with a starter registry {path.parent / 'actors.yml'} "
        f"({written} frequent names: edit it). Next: framing report --study {path}, or open "
        "notebooks/00_start_here.ipynb in JupyterLab and set its `study` parameter."
    )
