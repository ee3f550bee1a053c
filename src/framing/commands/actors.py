"""``framing actors suggest``: frequent names in a corpus that a registry does not cover.

    framing actors suggest my_corpus.jsonl --out my_actors.yml
    framing actors suggest basil.jsonl --format basil --actors corpus/actors.yml --top 30
"""

from __future__ import annotations

from pathlib import Path

import click

from framing.formats import FORMATS
from framing.exceptions import OverwriteError


@click.group()
def actors():
    """Work with actor registries."""


@actors.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "corpus_format", default="auto", show_default=True,
              type=click.Choice(FORMATS), help="Corpus format (see framing.corpus.FORMATS).")
@click.option("--column", "columns", multiple=True, metavar="FILE_FIELD=COLUMN",
              help="Map a file field to a canonical column, e.g. source=outlet (repeatable).")
@click.option("--actors", "registry_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Registry whose actors are already covered (default: none).")
@click.option("--top", default=40, show_default=True, type=click.IntRange(min=1),
              help="Number of suggestions.")
@click.option("--min-articles", default=2, show_default=True, type=click.IntRange(min=1),
              help="Leave out names found in fewer articles.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a draft registry (YAML) here.")
@click.option("--overwrite", is_flag=True, help="Replace an existing --out file.")
def suggest(corpus, corpus_format, columns, registry_path, top, min_articles, out_path,
            overwrite):
    """List the most frequent names in CORPUS that no actor of --actors matches."""
    from framing.actors import load_actors
    from framing.corpus import load_corpus
    from framing.suggest import draft_registry, suggest_actors

    if out_path is not None and out_path.exists() and not overwrite:
        raise OverwriteError(
            f"Draft registry {str(out_path)!r} exists; pass --overwrite to replace it or "
            "choose another --out."
        )
    mapping = {}
    for item in columns:
        source, sep, target = item.partition("=")
        if not sep or not source or not target:
            raise click.BadParameter(f"Expected FILE_FIELD=COLUMN. Got {item!r}.",
                                     param_hint="--column")
        mapping[source] = target
    articles = load_corpus(corpus, format=corpus_format, columns=mapping or None, detect_language=False,
                           require_articles=True)
    registry = load_actors(registry_path) if registry_path is not None else None
    table = suggest_actors(articles, registry, top=top, min_articles=min_articles)
    click.echo(f"{'name':<32} {'kind':<13} {'mentions':>8} {'articles':>8}  variants")
    for row in table.itertuples(index=False):
        click.echo(f"{row.name[:32]:<32} {row.kind:<13} {row.n_mentions:>8,} "
                   f"{row.n_articles:>8,}  {', '.join(row.variants)}")
    if table.empty:
        click.echo("No name reaches --min-articles outside the registry's actors.")
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(draft_registry(table, source=str(corpus)), encoding="utf-8")
        click.echo(f"Draft registry of {len(table)} actors written to {out_path}; edit it, "
                   f"then use it with --actors {out_path}.")
