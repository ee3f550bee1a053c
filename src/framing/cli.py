"""The ``framing`` command line: thin wiring around the package functions.

Errors print ``error: <message>`` on one line; the exit code is 2 for usage errors
(unknown parameter, scorer or an existing output folder) and 1 for data errors.
``--debug`` shows the traceback.

    framing report                         # every report on the bundled corpus
    framing report --corpus my.jsonl --actors my_actors.yml --out reports/my
    framing run 02_compare_outlets -p period month --out reports/try
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

from framing import paths
from framing.exceptions import (
    FramingError,
    NotebookParameterError,
    OverwriteError,
    UnknownScorerError,
)

_USAGE_ERRORS = (NotebookParameterError, OverwriteError, UnknownScorerError)


def _parse_value(text: str):
    """Parse a ``-p NAME VALUE`` value as YAML (numbers, booleans, lists), like papermill."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _parse_columns(items: tuple[str, ...]) -> dict[str, str]:
    columns = {}
    for item in items:
        source, sep, target = item.partition("=")
        if not sep or not source or not target:
            raise click.BadParameter(
                f"Expected FILE_FIELD=COLUMN, e.g. --column source=outlet. Got {item!r}.",
                param_hint="--column",
            )
        columns[source] = target
    return columns


class _Group(click.Group):
    """Turn framing's errors into one-line messages with the documented exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (FramingError, FileNotFoundError) as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(2 if isinstance(err, _USAGE_ERRORS) else 1)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(package_name="framing")
@click.pass_context
def main(ctx, debug):
    """framing: actor-level sentiment and stance for media-framing research."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.INFO, format="%(message)s")


_corpus_options = [
    click.option("--corpus", type=click.Path(exists=True, path_type=Path),
                 help="Corpus file or folder (default: the bundled corpus)."),
    click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Actor registry YAML (default: corpus/actors.yml)."),
    click.option("--outlets", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Outlet map YAML (default: corpus/outlets.yml for the bundled corpus)."),
    click.option("--format", "corpus_format", default="auto", show_default=True,
                 type=click.Choice(["auto", "jsonl", "csv", "parquet", "folder", "basil"]),
                 help="Corpus format."),
    click.option("--column", "columns", multiple=True, metavar="FILE_FIELD=COLUMN",
                 help="Map a file field to a canonical column, e.g. source=outlet (repeatable)."),
    click.option("--encoding", default="utf-8", show_default=True, help="Text encoding."),
    click.option("--scorer", default=None, help="Scorer name (default: the package default)."),
]


def _with_corpus_options(func):
    for option in reversed(_corpus_options):
        func = option(func)
    return func


@main.command()
@_with_corpus_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=paths.FIGURES_DIR, show_default=True, help="Output folder.")
@click.option("--overwrite", is_flag=True, help="Allow writing into a non-empty --out folder.")
@click.option("--notebook", "notebooks", multiple=True,
              help="Run only these notebooks (repeatable; default: all).")
@click.option("-p", "--parameter", "parameters", nargs=2, multiple=True,
              metavar="NAME VALUE", help="Extra notebook parameter, e.g. -p period month.")
@click.option("--timeout", default=600.0, show_default=True, help="Per-cell timeout (s).")
@click.option("--jobs", default=2, show_default=True, help="Notebooks run at the same time.")
def report(corpus, actors, outlets, corpus_format, columns, encoding, scorer, out_dir,
           overwrite, notebooks, parameters, timeout, jobs):
    """Regenerate every report: figures (PDF, PNG, CSV), executed notebooks, manifest."""
    from framing.runner import NOTEBOOKS, run_report

    started = time.perf_counter()
    manifest = run_report(
        corpus=corpus, actors=actors, outlets=outlets, columns=_parse_columns(columns),
        corpus_format=corpus_format, encoding=encoding, scorer=scorer, out_dir=out_dir,
        notebooks=tuple(notebooks) or NOTEBOOKS,
        parameters={k: _parse_value(v) for k, v in parameters}, overwrite=overwrite,
        timeout=timeout, jobs=jobs,
    )
    load = manifest["load_report"]
    click.echo(
        f"Reports written to {out_dir}: {len(manifest['outputs'])} figure files from "
        f"{len(manifest['notebooks'])} notebooks; {load.get('n_accepted')} articles "
        f"({load.get('n_rejected')} rejected), {load.get('n_mentions')} mentions; "
        f"{time.perf_counter() - started:.1f} s."
    )
    for line in manifest.get("warnings", []):
        click.echo(f"warning: {line}", err=True)


@main.command()
@click.argument("notebook")
@click.option("-p", "--parameter", "parameters", nargs=2, multiple=True,
              metavar="NAME VALUE", help="Parameter value (YAML syntax), repeatable.")
@click.option("-f", "--parameters-file", "parameters_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file of parameter values.")
@click.option("--out", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Executed notebook path (default: notebooks/_runs/<run>/<name>.ipynb).")
@click.option("--run", "run_name", default="default", show_default=True,
              help="Run name used in the default output path.")
@click.option("--list-params", is_flag=True, help="List the notebook's parameters and exit.")
@click.option("--timeout", default=600.0, show_default=True, help="Per-cell timeout (s).")
def run(notebook, parameters, parameters_file, output_path, run_name, list_params, timeout):
    """Run one notebook with papermill, checking parameter names and types first."""
    from framing.runner import load_parameter_file, notebook_parameters, run_notebook

    if list_params:
        for name, info in notebook_parameters(notebook).items():
            click.echo(f"{name}: {info['type']} = {info['default']}  # {info['help']}")
        return
    values = load_parameter_file(parameters_file) if parameters_file else {}
    values.update({k: _parse_value(v) for k, v in parameters})
    stem = Path(notebook).stem
    output_path = output_path or paths.NOTEBOOKS_DIR / "_runs" / run_name / f"{stem}.ipynb"
    done = run_notebook(notebook, values, output_path=output_path, timeout=timeout)
    click.echo(f"Executed notebook written to {done}")


# Commands defined in framing.commands (each module imports its heavy dependencies lazily).
from framing.commands.agreement import agreement  # noqa: E402
from framing.commands.evaluate import evaluate, train  # noqa: E402
from framing.commands.evaluate_stance import evaluate_stance  # noqa: E402
from framing.commands.evidence import evidence  # noqa: E402
from framing.commands.sample import sample  # noqa: E402
from framing.commands.score import score  # noqa: E402

for _command in (agreement, evaluate, evaluate_stance, evidence, sample, score, train):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
