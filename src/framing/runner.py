"""Run the parameterised notebooks with papermill, checking parameters strictly.

The runner owns execution only: it validates parameter names and types against
the notebook's ``parameters`` cell before anything runs, executes in the current
Python environment's kernel, and turns cell failures, timeouts and kernel deaths
into one :class:`~framing.exceptions.NotebookExecutionError` naming the cell.

>>> from framing.runner import notebook_parameters
>>> "corpus" in notebook_parameters("01_explore_corpus")
True
"""

from __future__ import annotations

import datetime as dt
import difflib
import glob
import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import nbformat
import yaml

from framing import paths
from framing.exceptions import CorpusFormatError, NotebookExecutionError, NotebookParameterError

#: The report notebooks, in the order ``framing report`` runs them.
NOTEBOOKS = (
    "01_explore_corpus",
    "02_compare_outlets",
    "03_over_time",
    "04_voice_and_stance",
    "05_validation",
)

#: The notebook that reads statements and stance (a dataset scored with ``stance=True``).
STANCE_NOTEBOOK = "04_voice_and_stance"

#: Per-cell execution timeout used when none is given. Unit: seconds.
DEFAULT_TIMEOUT_S = 600

_KERNEL_NAME = "framing-current-env"

# Annotation text in a parameters cell -> accepted Python types.
_TYPES = {
    "str": (str,),
    "int": (int,),
    "float": (float, int),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def notebook_path(notebook: str | os.PathLike) -> Path:
    """Resolve a notebook name (``"02_compare_outlets"``) or path to an existing file.

    Parameters
    ----------
    notebook : str or os.PathLike
        A name from :data:`NOTEBOOKS` (with or without ``.ipynb``), or a path.

    Returns
    -------
    path : pathlib.Path

    Raises
    ------
    FileNotFoundError
        If no such notebook exists; the message lists the bundled notebooks.
    """
    candidate = Path(notebook)
    if candidate.suffix != ".ipynb":
        candidate = candidate.with_suffix(".ipynb")
    for path in (candidate, paths.NOTEBOOKS_DIR / candidate.name):
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"Notebook {str(notebook)!r} not found. Bundled notebooks: {list(NOTEBOOKS)!r} "
        f"(in {paths.NOTEBOOKS_DIR})."
    )


def notebook_parameters(notebook: str | os.PathLike) -> dict[str, dict]:
    """Read the parameters a notebook declares in its ``parameters`` cell.

    Parameters
    ----------
    notebook : str or os.PathLike
        Notebook name or path (see :func:`notebook_path`).

    Returns
    -------
    parameters : dict of str to dict
        ``{name: {"type": str, "default": str, "help": str}}`` in declaration order,
        as parsed by papermill's Python translator from lines of the form
        ``name: type = value  # help``. The notebook's kernelspec is not needed: the
        kernel is always the current environment's Python.

    Raises
    ------
    NotebookParameterError
        If the notebook has no cell tagged ``parameters``.
    """
    from papermill.translators import PythonTranslator

    path = notebook_path(notebook)
    nb = nbformat.read(path, as_version=4)
    if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb.cells):
        raise NotebookParameterError(
            f"Notebook {path.name!r} has no cell tagged 'parameters'; tag the cell that "
            "defines its parameters (View > Cell Toolbar > Tags in Jupyter)."
        )
    # Our kernel is always this environment's Python (see _current_env_kernel_manager), so
    # the parameters cell is read with papermill's Python translator whatever kernelspec
    # the notebook names, or when it names none.
    cell = next(c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", []))
    return {
        p.name: {"type": p.inferred_type_name or "None", "default": p.default, "help": p.help or ""}
        for p in PythonTranslator.inspect(cell)
    }


def _normalise_value(value):
    """Turn YAML dates into ISO strings, recursively, so every path gives the same type."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_normalise_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _normalise_value(v) for k, v in value.items()}
    return value


def validate_parameters(notebook: str | os.PathLike, parameters: Mapping | None) -> dict:
    """Check parameter names and types against the notebook before execution.

    Dates (``datetime.date``/``datetime.datetime``, as YAML parses ``2025-02-28``)
    become ISO-8601 strings, so a value arrives as the same type however it was given.

    Parameters
    ----------
    notebook : str or os.PathLike
        Notebook name or path.
    parameters : mapping of str to object or None
        Values to inject.

    Returns
    -------
    parameters : dict
        The normalised values.

    Raises
    ------
    NotebookParameterError
        If a name is not declared in the notebook (the message names the closest
        valid one and lists all), or a value's type does not match the declared type
        (for example a list parameter passed as a string).
    """
    declared = notebook_parameters(notebook)
    name = notebook_path(notebook).name
    out = {}
    for key, value in (parameters or {}).items():
        if key not in declared:
            close = difflib.get_close_matches(key, declared, n=1, cutoff=0.5)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise NotebookParameterError(
                f"Unknown parameter {key!r} for notebook {name!r}.{hint} "
                f"Valid parameters: {sorted(declared)!r}."
            )
        value = _normalise_value(value)
        type_name = declared[key]["type"].split("[")[0].strip()
        expected = _TYPES.get(type_name)
        ok = expected is None or (
            isinstance(value, expected) and not (type_name != "bool" and isinstance(value, bool))
        )
        if not ok:
            hint = ""
            if type_name == "list" and isinstance(value, str):
                hint = f" Pass a list, e.g. -p {key} '[{value}]' or a YAML list in the -f file."
            raise NotebookParameterError(
                f"The {key!r} parameter of notebook {name!r} must be of type "
                f"{declared[key]['type']}. Got {value!r} ({type(value).__name__}) instead.{hint}"
            )
        out[key] = value
    return out


def load_parameter_file(path: str | os.PathLike) -> dict:
    """Read a YAML parameter file (papermill's ``-f``), dates as ISO strings.

    Raises
    ------
    NotebookParameterError
        If the file is not a YAML mapping.
    """
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise NotebookParameterError(
            f"Parameter file {str(path)!r} must hold a YAML mapping of name: value. "
            f"Got {type(data).__name__}."
        )
    return _normalise_value(data)


def _current_env_kernel_manager():
    """A jupyter_client kernel manager that always runs this interpreter's ipykernel.

    Whatever kernelspec a notebook names (even one that does not exist), the kernel
    is ``sys.executable -m ipykernel_launcher``: the current environment.
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class CurrentEnvKernelManager(AsyncKernelManager):
        @property
        def kernel_spec(self):
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name=f"Python ({sys.prefix})",
                language="python",
                resource_dir=str(paths.PACKAGE_DIR),
            )

    return CurrentEnvKernelManager


def _failed_cell(output_path: Path) -> tuple[int | None, str]:
    """Find the failing cell in a partial output notebook.

    The cell papermill marked failed or running, else the first with an error
    output (an interrupted cell is marked completed with a KeyboardInterrupt),
    else the last cell that started.
    """
    try:
        nb = nbformat.read(output_path, as_version=4)
    except (OSError, ValueError):
        return None, ""

    def status(cell):
        return cell.get("metadata", {}).get("papermill", {})

    cells = list(enumerate(nb.cells))
    rules = (
        lambda c: status(c).get("status") in {"failed", "running"},
        lambda c: any(o.get("output_type") == "error" for o in c.get("outputs", [])),
    )
    found = None
    for rule in rules:
        found = next((i for i, c in cells if rule(c)), None)
        if found is not None:
            break
    if found is None:
        found = next((i for i, c in reversed(cells) if status(c).get("start_time")), None)
    if found is None:
        return None, ""
    first = next((line for line in nb.cells[found].source.splitlines() if line.strip()), "")
    return found, first


def run_notebook(
    notebook: str | os.PathLike,
    parameters: Mapping | None = None,
    *,
    output_path: str | os.PathLike,
    timeout: float = DEFAULT_TIMEOUT_S,
    cwd: str | os.PathLike | None = None,
    progress_bar: bool = False,
) -> Path:
    """Execute a notebook with papermill in the current environment's kernel.

    Parameters are validated first (:func:`validate_parameters`); papermill then
    injects them in a cell tagged ``injected-parameters`` and records them in the
    output notebook's metadata. A notebook that declares ``interactive`` gets
    ``interactive=False`` unless it is given: papermill runs stay widget-free.

    Parameters
    ----------
    notebook : str or os.PathLike
        Notebook name (``"02_compare_outlets"``) or path.
    parameters : mapping, optional
        Parameter values.
    output_path : str or os.PathLike
        Where the executed notebook is written (parent folders are created).
        A partial notebook is kept there when execution fails.
    timeout : float, default=600
        Per-cell execution timeout. Unit: seconds.
    cwd : str or os.PathLike, optional
        Working directory of the kernel; default the repository root.
    progress_bar : bool, default=False
        Show papermill's per-cell progress bar.

    Returns
    -------
    output_path : pathlib.Path

    Raises
    ------
    NotebookParameterError
        Unknown parameter name or wrong type (nothing is executed).
    NotebookExecutionError
        A cell raised, timed out or killed the kernel. The message names the
        notebook, the cell index and its first line, and the kept partial output.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    path = notebook_path(notebook)
    params = validate_parameters(path, parameters)
    if "interactive" in notebook_parameters(path) and "interactive" not in params:
        params["interactive"] = False  # papermill runs stay widget-free
    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)

    def execute():
        papermill.execute_notebook(
            str(path),
            str(output_path),
            parameters=params,
            kernel_name=_KERNEL_NAME,
            language="python",  # a notebook without kernelspec or language_info still runs
            cwd=str(cwd or paths.ROOT),
            progress_bar=progress_bar,
            execution_timeout=timeout,
            kernel_manager_class=_current_env_kernel_manager(),
        )

    try:
        try:
            execute()
        except RuntimeError as err:
            # A kernel that dies while starting (before any cell ran: e.g. a port taken
            # between choosing and binding it, when several kernels start at once) is
            # started once more; nothing has run, so nothing runs twice.
            if "kernel_info" not in str(err) or _failed_cell(output_path)[0] is not None:
                raise
            time.sleep(1.0)
            execute()
    except PapermillExecutionError as err:
        raise NotebookExecutionError(
            f"Notebook {path.name!r} failed in cell {err.cell_index} "
            f"(execution count {err.exec_count}): {err.ename}: {err.evalue}. "
            f"Partial output kept at {output_path}.",
            output_path=output_path,
            cell_index=err.cell_index,
        ) from err
    except Exception as err:  # timeouts and dead kernels come from nbclient
        name = type(err).__name__
        if name not in {"CellTimeoutError", "DeadKernelError", "TimeoutError", "RuntimeError"}:
            raise
        index, first_line = _failed_cell(output_path)
        what = "timed out" if "Timeout" in name else "stopped the kernel"
        where = f"cell {index} ({first_line!r})" if index is not None else "an unknown cell"
        raise NotebookExecutionError(
            f"Notebook {path.name!r} {what} in {where}: {name}: {err}. "
            f"Partial output kept at {output_path}.",
            output_path=output_path,
            cell_index=index,
        ) from err
    return output_path


def _git_commit() -> str | None:
    """Return the repository's HEAD commit (with ``-dirty`` when there are changes), or None."""
    import subprocess

    try:
        commit = subprocess.run(
            ["git", "-C", str(paths.ROOT), "rev-parse", "HEAD"],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(paths.ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("-dirty" if dirty else "")


def _package_versions() -> dict[str, str]:
    from importlib import metadata

    names = ["framing", "numpy", "pandas", "pyarrow", "scikit-learn", "textblob",
             "matplotlib", "papermill", "scipy", "duckdb", "blingfire", "py3langid"]
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["python"] = sys.version.split()[0]
    return versions


def check_output_dir(out_dir: Path, *, overwrite: bool) -> None:
    """Refuse to write into a non-empty folder unless `overwrite` is True.

    ``README.md``, ``.gitignore`` and a scored dataset in ``data/`` (which a rerun
    updates incrementally, e.g. after an interrupted report) do not count as content.

    Raises
    ------
    OverwriteError
        If `out_dir` holds other files and `overwrite` is False.
    """
    from framing.exceptions import OverwriteError

    if not out_dir.exists():
        return
    ignored = {"README.md", ".gitignore"}
    if (out_dir / "data" / "_manifest.sqlite").is_file():
        ignored.add("data")
    existing = sorted(p.name for p in out_dir.iterdir() if p.name not in ignored)
    if existing and not overwrite:
        shown = ", ".join(existing[:5]) + (", …" if len(existing) > 5 else "")
        raise OverwriteError(
            f"Output folder {str(out_dir)!r} is not empty ({len(existing)} entries: {shown}). "
            "Pass --overwrite (overwrite=True) to regenerate the reports there (notebooks "
            "whose inputs and outputs are unchanged are not run again), or choose another "
            "--out folder."
        )


def _code_fingerprint() -> dict:
    """What the notebooks' results depend on besides their inputs: the framing package's
    files (code, models, styles), the bundled example files and the package versions."""
    import hashlib

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = [p for p in sorted(package.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    files += [paths.DEFAULT_ACTORS, paths.DEFAULT_OUTLETS, paths.DEFAULT_EVENTS]
    for path in files:
        if path.is_file():
            digest.update(f"{path.name}\0{paths.file_sha256(path)}\0".encode())
    return {"framing_files": digest.hexdigest(), "packages": _package_versions(),
            "python": sys.version.split()[0]}


def _dataset_fingerprint(dataset: Path) -> dict:
    """The dataset's state: its load report and its part files (named by content key)."""
    parts = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("part-*.parquet"))
    return {"load_report": paths.file_sha256(dataset / "load_report.json"), "parts": parts}


#: Parameters that name the data itself: the dataset fingerprint covers them (hashing a
#: corpus of gigabytes on every report would take longer than the report).
_DATA_PARAMETERS = ("corpus", "dataset", "out_dir")


def _named_files(value) -> dict:
    """SHA-256 of every existing file a parameter value names (a study folder: its study.yml)."""
    found = {}
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, str) or not item or len(item) > 4096:
            continue
        path = Path(item).expanduser()
        if path.is_dir() and (path / "study.yml").is_file():
            path = path / "study.yml"
        if path.is_file():
            found[str(path)] = paths.file_sha256(path)
    return found


def notebook_inputs(name: str, parameters: Mapping, dataset: str | os.PathLike,
                    code: Mapping | None = None) -> str:
    """A digest of everything a report notebook's outputs depend on.

    Parameters
    ----------
    name : str
        Notebook name (see :func:`notebook_path`).
    parameters : mapping
        The parameters it runs with.
    dataset : str or os.PathLike
        The scored dataset it reads.
    code : mapping, optional
        The code fingerprint (computed when not given).

    Returns
    -------
    digest : str
        SHA-256 (hex) of the notebook file, the parameters, the content of every file a
        parameter names (actor registry, outlet map, events, study file, coded sheets),
        the dataset's load report and part files (they stand for the corpus, which is
        not read again), the framing package's files and the versions of the packages
        it uses. Equal digests mean an unchanged run.
    """
    import hashlib

    record = {
        "notebook": paths.file_sha256(notebook_path(name)),
        "parameters": _normalise_value(dict(parameters)),
        "files": {k: _named_files(v) for k, v in sorted(parameters.items())
                  if k not in _DATA_PARAMETERS},
        "dataset": _dataset_fingerprint(Path(dataset)),
        "code": dict(code) if code is not None else _code_fingerprint(),
    }
    blob = json.dumps(record, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()


def _report_files(out_dir: Path) -> dict[str, str]:
    """SHA-256 of each file the notebooks write: figures, tables, executed notebooks,
    coding sheets and the CSVs of notebook 04 (not the dataset)."""
    found = [*out_dir.glob("fig*"), *out_dir.glob("tab*"), *out_dir.glob("notebooks/*.ipynb"),
             *(p for p in out_dir.glob("validation/**/*") if p.is_file()),
             *(out_dir / "data" / f"{t}.csv" for t in ("statements", "stance"))]
    return {p.relative_to(out_dir).as_posix(): paths.file_sha256(p) for p in sorted(found) if p.is_file()}


def _drop_lines_of_missing_figures(log_path: Path) -> None:
    """Remove the warnings.log lines (``"<figure>: ..."``) of figures no longer in the folder."""
    if not log_path.exists():
        return
    lines = log_path.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines
            if any(log_path.parent.glob(glob.escape(ln.split(": ", 1)[0]) + ".*"))]
    if kept != lines:
        if kept:
            log_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        else:
            log_path.unlink()


def _up_to_date(out_dir: Path) -> dict[str, str]:
    """Notebook -> input digest of the last report in `out_dir`, if its outputs are intact.

    Empty when there is no manifest, or when any file it lists is gone or changed (then
    nothing can be trusted, and every notebook runs again).
    """
    try:
        last = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    recorded = last.get("report_files")
    if not recorded or _report_files(out_dir) != recorded:
        return {}
    return {name: run.get("inputs", "") for name, run in last.get("notebooks", {}).items()
            if isinstance(run, dict)}


def run_report(
    *,
    corpus: str | os.PathLike | None = None,
    dataset: str | os.PathLike | None = None,
    actors: str | os.PathLike | None = None,
    outlets: str | os.PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    corpus_format: str = "auto",
    encoding: str = "utf-8",
    scorer: str | None = None,
    out_dir: str | os.PathLike = paths.FIGURES_DIR,
    notebooks: tuple[str, ...] | list[str] = NOTEBOOKS,
    parameters: Mapping | None = None,
    overwrite: bool = False,
    timeout: float = DEFAULT_TIMEOUT_S,
    jobs: int = 2,
    engine: str = "local",
    scheduler=None,
    progress: bool = False,
    defaults: Mapping | None = None,
    language: str | None = None,
    force: bool = False,
) -> dict:
    """Regenerate every report: score the corpus once into a dataset, then run each notebook.

    A notebook whose inputs (:func:`notebook_inputs`: the notebook, its parameters, the
    files they name, the dataset, the framing code and package versions) are those of
    the last report in `out_dir`, while every file that report wrote is still there
    unchanged, is not run again: its outputs are already the ones it would write.

    Parameters
    ----------
    corpus, actors, outlets, columns, corpus_format, encoding, scorer
        As in :func:`framing.study.prepare_dataset`; None means the bundled defaults.
    dataset : str or os.PathLike, optional
        A dataset scored earlier (``framing score``); the notebooks read it and
        nothing is scored. Give either `dataset` or `corpus`, not both. Default:
        score `corpus` into ``out_dir/data`` (incrementally: chunks already there
        are not scored again).
    out_dir : str or os.PathLike, default='figures'
        Receives the figures (``figNN_*.pdf|png|csv``), the executed notebooks
        (``notebooks/``), the dataset (``data/``, unless `dataset` is given) and
        ``manifest.json``.
    notebooks : sequence of str, default=NOTEBOOKS
        Which notebooks to run, in order.
    parameters : mapping, optional
        Further notebook parameters (e.g. ``{"period": "month"}``), applied to every
        notebook that declares them; a name no notebook declares is an error.
    overwrite : bool, default=False
        Allow writing into a non-empty `out_dir`.
    timeout : float, default=600
        Per-cell timeout. Unit: seconds.
    jobs : int, default=2
        Scoring worker processes, and notebooks executed at the same time (each in
        its own kernel process).
    engine, scheduler, progress
        As in :func:`framing.scale.score_corpus`.
    language : str, optional
        ISO 639-1 code of every article (skips language detection).
    defaults : mapping, optional
        Notebook parameters from a study file (``period``, ``start``, ``end``,
        ``events_file``, …): given to each notebook that declares them, below
        `parameters`, without the unknown-name check.
    force : bool, default=False
        Run every notebook, even those whose inputs and outputs are unchanged.

    Returns
    -------
    manifest : dict
        What was run and produced: versions, git commit, settings, the dataset's
        load report, parameters and input digest per notebook (``skipped``: True
        when it was up to date and not run again), figure files (``outputs``) and every output file
        (``report_files``) with their SHA-256, and
        ``warnings`` (lines of ``out_dir/warnings.log``: figure labels with characters no
        installed font can draw). Also written to ``out_dir/manifest.json``.

    Raises
    ------
    OverwriteError
        If `out_dir` is not empty and `overwrite` is False.
    NotebookParameterError
        If a parameter is unknown to every notebook or has the wrong type.
    ValueError
        If both `corpus` and `dataset` are given.
    FileNotFoundError
        If `dataset` is not a scored dataset.
    CorpusFormatError
        If the dataset has nothing to report (no article, no text, no actor of the
        registry, nothing scorable): the message names the cause and the fix
        (:func:`framing.study.dataset_problems`); no notebook is run.
    NotebookExecutionError
        If a notebook fails; the reports already written are kept.
    """

    from framing.scale import check_dataset
    from framing.scorers import DEFAULT_SCORER
    from framing.study import prepare_dataset

    out_dir = Path(out_dir)
    if corpus and dataset:
        raise ValueError(
            "run_report() takes a corpus to score or a dataset scored earlier, not both. "
            f"Got corpus={str(corpus)!r} and dataset={str(dataset)!r}."
        )
    if dataset:
        dataset = check_dataset(dataset)
    check_output_dir(out_dir, overwrite=overwrite)
    extra = _normalise_value(dict(parameters or {}))
    declared = {name: notebook_parameters(name) for name in notebooks}
    for key in extra:
        if not any(key in d for d in declared.values()):
            every = sorted(set().union(*declared.values()))
            close = difflib.get_close_matches(key, every, n=1, cutoff=0.5)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise NotebookParameterError(
                f"Unknown report parameter {key!r}.{hint} Valid parameters: {every!r}."
            )

    def absolute(value):  # notebooks run with cwd = repo root, so pass absolute paths
        return str(Path(value).resolve()) if value else ""

    corpus, actors, outlets = absolute(corpus), absolute(actors), absolute(outlets)
    scorer = scorer or DEFAULT_SCORER
    if not dataset:  # scoring happens here, once; the notebooks only read
        dataset = prepare_dataset(
            corpus or None, out_dir / "data", actors=actors or None, outlets=outlets or None,
            columns=columns, corpus_format=corpus_format, encoding=encoding, scorer=scorer,
            jobs=jobs, engine=engine, scheduler=scheduler, progress=progress, language=language,
        )
    dataset = Path(dataset).resolve()
    load_report = json.loads((dataset / "load_report.json").read_text(encoding="utf-8"))
    from framing.study import dataset_problems

    fatal = [p for p in dataset_problems(dataset) if p["severity"] == "error"]
    if fatal:
        raise CorpusFormatError(
            f"Nothing to report from dataset {str(dataset)!r}: {fatal[0]['what']} "
            f"{fatal[0]['fix']}"
        )
    if not load_report.get("settings", {}).get("stance", True) and STANCE_NOTEBOOK in notebooks:
        raise ValueError(
            f"Dataset {str(dataset)!r} was scored without stance (framing score --no-stance), "
            f"which notebook {STANCE_NOTEBOOK!r} needs. Score it again with stance, or run the "
            f"other notebooks only (--notebook NAME, repeatable)."
        )
    common = {
        "dataset": str(dataset),
        "corpus": corpus,
        "actors_file": actors,
        "outlets_file": outlets,
        "corpus_format": corpus_format,
        "columns": dict(columns or {}),
        "encoding": encoding,
        "scorer": scorer,
        "out_dir": str(out_dir.resolve()),
    }
    from concurrent.futures import ThreadPoolExecutor

    code = _code_fingerprint()
    last = {} if force else _up_to_date(out_dir)
    runs = {}
    for name in notebooks:
        params = {k: v for k, v in {**common, **_normalise_value(dict(defaults or {})),
                                    **extra}.items() if k in declared[name]}
        inputs = notebook_inputs(name, params, dataset, code)
        runs[name] = {"parameters": params, "inputs": inputs,
                      "output": f"notebooks/{name}.ipynb", "skipped": last.get(name) == inputs}
    todo = [name for name in notebooks if not runs[name]["skipped"]]

    # Figures note characters no font can draw here (framing.plotting.save_figure, one
    # line per figure, replaced when the figure is saved again). When every notebook
    # runs, the log starts afresh; otherwise the lines of notebooks not run again stay.
    glyph_log = out_dir / "warnings.log"
    if len(todo) == len(notebooks):
        glyph_log.unlink(missing_ok=True)

    def run_one(name):
        run_notebook(name, runs[name]["parameters"],
                     output_path=out_dir / runs[name]["output"], timeout=timeout)

    # Each notebook runs in its own kernel process; threads only wait on them.
    with ThreadPoolExecutor(max_workers=max(1, int(jobs))) as pool:
        futures = [pool.submit(run_one, name) for name in todo]
    for future in futures:
        future.result()

    _drop_lines_of_missing_figures(glyph_log)
    report_files = _report_files(out_dir)
    manifest = {
        "framing_version": code["packages"]["framing"],
        "git_commit": _git_commit(),
        "packages": code["packages"],
        "dataset": str(dataset),
        "settings": load_report.get("settings", {}),
        "load_report": load_report,
        "notebooks": runs,
        "outputs": {name: digest for name, digest in report_files.items()
                    if name.startswith("fig")},
        "report_files": report_files,
        "warnings": (glyph_log.read_text(encoding="utf-8").splitlines()
                     if glyph_log.exists() else []),
    }
    (out_dir / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
    )
    return manifest
