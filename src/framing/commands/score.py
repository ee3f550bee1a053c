"""``framing score``: stream a large corpus into a Parquet dataset of scores.

    framing score big.jsonl --out scores/ --jobs 2
    framing score big.jsonl --out scores/ --engine dask --scheduler tcp://host:8786
"""

from __future__ import annotations

import click

from framing.commands import reports_errors, start_workers_early
from framing.formats import FORMATS
from framing.scale import ENGINES


@click.command()
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Dataset folder (created; reused as a cache on later runs).")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False),
              help="Actor registry YAML (default: corpus/actors.yml).")
@click.option("--outlets", type=click.Path(exists=True, dir_okay=False), help="Outlet map YAML.")
@click.option("--column", "column_items", multiple=True, metavar="FILE_FIELD=COLUMN",
              help="Map a file field to a canonical column; repeatable.")
@click.option("--format", "corpus_format", default="auto", show_default=True,
              type=click.Choice(FORMATS))
@click.option("--scorer", default=None, help="Scorer name (default: the package default).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes (engine local).")
@click.option("--engine", default="local", show_default=True, type=click.Choice(ENGINES))
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786.")
@click.option("--chunk-size", default=None, type=click.IntRange(min=1),
              help="Records per chunk (unit of work and of caching; default: by corpus size "
                   "and workers, 250 to 2,500).")
@click.option("--stance/--no-stance", default=True, show_default=True,
              help="Also find statements and each mention's holder and stance (needed by "
                   "notebook 04; it more than doubles the CPU time of scoring).")
@click.option("--progress/--no-progress", default=True, show_default=True)
@click.option("--language", default=None, metavar="CODE",
              help="ISO 639-1 code of every article (skips detection), e.g. ru.")
@reports_errors
def score(corpus, out_dir, actors, outlets, column_items, corpus_format, scorer, jobs, engine,
          scheduler, chunk_size, stance, progress, language):
    """Find and score actor mentions of CORPUS into a Parquet dataset under --out."""
    start_workers_early(corpus, jobs, engine)
    from framing.scale import score_corpus
    from framing.scorers import DEFAULT_SCORER

    columns = dict(item.split("=", 1) for item in column_items if "=" in item)
    if len(columns) != len(column_items):
        raise click.BadParameter("Expected FILE_FIELD=COLUMN, e.g. --column source=outlet.",
                                 param_hint="--column")
    result = score_corpus(
        list(corpus), out_dir, actors=actors, outlets=outlets, columns=columns or None,
        corpus_format=corpus_format, scorer=scorer or DEFAULT_SCORER, chunk_size=chunk_size,
        jobs=jobs, engine=engine, scheduler=scheduler, stance=stance, progress=progress,
        language=language,
    )
    click.echo(
        f"{result.n_accepted} articles ({result.n_rejected} rejected), {result.n_mentions} "
        f"mentions; {result.n_chunks_scored} chunks scored, "
        f"{result.n_chunks - result.n_chunks_scored} from the cache; "
        f"{result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU -> {out_dir}"
    )
