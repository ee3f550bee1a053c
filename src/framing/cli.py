"""The ``framing`` command line: thin wiring around the package functions.

Errors print ``error: <message>`` on one line; the exit code is 2 for usage errors
(unknown parameter, scorer or an existing output folder) and 1 for data errors
(:func:`framing.exceptions.exit_code`, the one place that rule is written).
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
from framing.commands import start_workers_early
from framing.formats import FORMATS
from framing.exceptions import REPORTED_ERRORS, exit_code
from framing.scale import ENGINES


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
        except REPORTED_ERRORS as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(exit_code(err))


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
                 type=click.Choice(FORMATS),
                 help="Corpus format (see framing.corpus.FORMATS)."),
    click.option("--column", "columns", multiple=True, metavar="FILE_FIELD=COLUMN",
                 help="Map a file field to a canonical column, e.g. source=outlet (repeatable)."),
    click.option("--encoding", default="utf-8", show_default=True, help="Text encoding."),
    click.option("--scorer", default=None, help="Scorer name (default: the package default)."),
]


#: Notebook parameters that name files or folders (resolved against the shell's folder by
#: ``framing run``).
_PATH_PARAMETERS = ("study", "dataset", "corpus", "actors_file", "outlets_file", "out_dir",
                    "events_file", "key_file")


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
@click.option("--dataset", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Report on a dataset scored earlier (framing score --out DIR); scores nothing.")
@click.option("--jobs", default=2, show_default=True, type=click.IntRange(min=1),
              help="Scoring worker processes, and notebooks run at the same time.")
@click.option("--engine", default="local", show_default=True, type=click.Choice(ENGINES),
              help="Scoring engine.")
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a scoring progress bar (articles/s, ETA) on stderr.")
@click.option("--language", default=None, metavar="CODE",
              help="ISO 639-1 code of every article (skips detection), e.g. ru.")
@click.option("--study", type=click.Path(exists=True, path_type=Path),
              help="Study file (study.yml, see framing init): its settings, overridden by "
                   "any option given here.")
@click.option("--force", is_flag=True,
              help="Run every notebook, also those whose inputs and outputs are unchanged "
                   "since the last report in --out.")
def report(corpus, actors, outlets, corpus_format, columns, encoding, scorer, out_dir,
           overwrite, notebooks, parameters, timeout, dataset, jobs, engine, scheduler,
           progress, language, study, force):
    """Regenerate every report: figures (PDF, PNG, CSV), executed notebooks, manifest.

    The corpus is scored once into OUT/data (incrementally: unchanged chunks come from
    the cache there), or --dataset names a dataset scored earlier; every notebook
    then reads that dataset. A notebook whose inputs (notebook, parameters, the files
    they name, dataset, framing version) and outputs are unchanged since the last
    report in OUT is not run again (--force runs it).
    """
    from framing.runner import NOTEBOOKS, run_report

    if dataset is not None and corpus is not None:
        raise click.UsageError("Give --corpus (to score) or --dataset (scored earlier), not both.")
    started = time.perf_counter()
    if dataset is None:
        start_workers_early(corpus, jobs, engine)
    columns = _parse_columns(columns)
    extra = {k: _parse_value(v) for k, v in parameters}
    if study is not None:  # the study's settings, overridden by options given here
        from framing.settings import load_study_settings

        ctx = click.get_current_context()
        given = {name for name in ("out_dir", "corpus_format", "scorer")
                 if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT}
        settings = load_study_settings(study)
        if len(settings.corpus) > 1 and corpus is None and dataset is None:
            raise click.UsageError("The study names several corpus paths; report takes one "
                                   "(a folder holding them works).")
        corpus = corpus or (settings.corpus[0] if dataset is None else None)
        actors, outlets = actors or settings.actors, outlets or settings.outlets
        columns = columns or settings.columns
        corpus_format = corpus_format if "corpus_format" in given else settings.format
        scorer = scorer or settings.scorer
        language = language or settings.language
        out_dir = out_dir if "out_dir" in given else settings.out
        defaults = {"period": settings.period, "start": settings.start or "",
                    "end": settings.end or "", **settings.parameters}
        if settings.events:
            defaults["events_file"] = str(settings.events)
    else:
        defaults = {}
    manifest = run_report(
        corpus=corpus, dataset=dataset, actors=actors, outlets=outlets,
        columns=columns, corpus_format=corpus_format, encoding=encoding,
        scorer=scorer, out_dir=out_dir, notebooks=tuple(notebooks) or NOTEBOOKS,
        parameters=extra, overwrite=overwrite, timeout=timeout, jobs=jobs, engine=engine,
        scheduler=scheduler, progress=progress, defaults=defaults, language=language,
        force=force,
    )
    load = manifest["load_report"]
    kept = sum(run["skipped"] for run in manifest["notebooks"].values())
    note = f" ({kept} up to date, not run again; --force runs them)" if kept else ""
    click.echo(
        f"Reports written to {out_dir}: {len(manifest['outputs'])} figure files from "
        f"{len(manifest['notebooks'])} notebooks{note}; {load.get('n_accepted')} articles "
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
    # the kernel runs in the repository root: a relative path the user gives on the command
    # line means one relative to their shell's folder, so pass it on as an absolute path
    for name in _PATH_PARAMETERS:
        value = values.get(name)
        if isinstance(value, str) and value and not Path(value).is_absolute():
            values[name] = str(Path(value).resolve())
    stem = Path(notebook).stem
    output_path = output_path or paths.NOTEBOOKS_DIR / "_runs" / run_name / f"{stem}.ipynb"
    done = run_notebook(notebook, values, output_path=output_path, timeout=timeout)
    click.echo(f"Executed notebook written to {done}")


# Commands defined in framing.commands (each module imports its heavy dependencies lazily).
from framing.commands.actors import actors
from framing.commands.agreement import agreement
from framing.commands.evaluate import evaluate, train
from framing.commands.evaluate_stance import evaluate_stance
from framing.commands.evidence import evidence
from framing.commands.init import init
from framing.commands.sample import sample
from framing.commands.score import score

for _command in (actors, agreement, evaluate, evaluate_stance, evidence, init, sample, score, train):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
