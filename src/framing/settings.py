"""A study file: one place for a study's settings, with paths relative to the file.

A study names the corpus, its format and column map, the actor registry, the outlet map,
the events, the language, the scorer, the period and date window, and the output folder.
``framing init DIR --corpus PATH`` writes one; ``framing report --study FILE`` and every
notebook's ``study`` parameter read it. Relative paths are resolved against the study
file's folder, never against the working directory of a shell or a Jupyter kernel.

>>> from framing.settings import load_study_settings
>>> study = load_study_settings("corpus/study.yml")  # doctest: +SKIP
>>> study.corpus, study.out  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
from pathlib import Path

import yaml

from framing.exceptions import FramingError

__all__ = ["STUDY_FILE", "StudyError", "StudySettings", "init_study", "load_study_settings",
           "write_study_settings"]

#: File name ``framing init`` writes.
STUDY_FILE = "study.yml"
_PERIODS = ("week", "month")


class StudyError(FramingError, ValueError):
    """A study file is malformed; the message names the file and the key."""


@dataclasses.dataclass(frozen=True)
class StudySettings:
    """A study's settings with every path absolute.

    Attributes
    ----------
    path : pathlib.Path or None
        The study file (None for a study built in code).
    name : str
        Short name, used in figure metadata.
    corpus : tuple of pathlib.Path
        Corpus files or folders.
    format : str
        Corpus format (:data:`framing.corpus.FORMATS`).
    columns : dict of str to str
        File field → canonical column.
    actors : pathlib.Path or None
        Actor registry (None: the bundled one).
    outlets, events : pathlib.Path or None
        Outlet map and events file (optional).
    language : str or None
        ISO 639-1 code of every article, or None to detect.
    scorer : str or None
        Scorer name (None: the package default).
    period : {'week', 'month'}
        Time unit of the over-time views.
    start, end : str or None
        Study window as ISO dates (inclusive); None: the dense part of the data.
    out : pathlib.Path
        Output folder: figures, tables, executed notebooks, the scored dataset.
    parameters : dict
        Further notebook parameters (e.g. ``{"group_by": "leaning"}``).
    """

    path: Path | None
    name: str
    corpus: tuple[Path, ...]
    format: str = "auto"
    columns: dict = dataclasses.field(default_factory=dict)
    actors: Path | None = None
    outlets: Path | None = None
    events: Path | None = None
    language: str | None = None
    scorer: str | None = None
    period: str = "week"
    start: str | None = None
    end: str | None = None
    out: Path = Path("reports")
    parameters: dict = dataclasses.field(default_factory=dict)

    def to_yaml(self) -> str:
        """The study as YAML text, paths relative to the study file's folder where possible."""
        base = self.path.parent if self.path is not None else Path.cwd()

        def rel(p):
            if p is None:
                return None
            try:
                r = os.path.relpath(p, base)
            except ValueError:  # pragma: no cover - another drive on Windows
                return str(p)
            return str(p) if r.startswith(os.path.join(os.pardir, os.pardir)) else r

        data = {
            "name": self.name,
            "corpus": [rel(p) for p in self.corpus],
            "format": self.format,
            "columns": dict(self.columns),
            "actors": rel(self.actors),
            "outlets": rel(self.outlets),
            "events": rel(self.events),
            "language": self.language,
            "scorer": self.scorer,
            "period": self.period,
            "start": self.start,
            "end": self.end,
            "out": rel(self.out),
            "parameters": dict(self.parameters),
        }
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


_KEYS = tuple(f.name for f in dataclasses.fields(StudySettings) if f.name != "path")
_COMMENTS = {
    "name": "short name of the study (figure metadata)",
    "corpus": "corpus file(s) or folder(s), relative to this file",
    "format": "auto, or one of framing.corpus.FORMATS",
    "columns": "file field -> canonical column, e.g. {body: text, source: outlet}",
    "actors": "actor registry (edit the starter one; `framing actors suggest` helps)",
    "outlets": "optional outlet map (canonical names, groups such as leaning or country)",
    "events": "optional key events drawn on time figures",
    "language": "ISO 639-1 code of every article, or null to detect",
    "scorer": "null: the default scorer (framing.scorers.DEFAULT_SCORER)",
    "period": "week or month",
    "start": "first day of the study window (YYYY-MM-DD), or null",
    "end": "last day of the study window (YYYY-MM-DD), or null",
    "out": "output folder (figures, tables, executed notebooks, scored data)",
    "parameters": "further notebook parameters, e.g. {group_by: leaning}",
}


def _fail(path, message):
    raise StudyError(f"Study file {str(path)!r}: {message}")


def _date(path, key, value):
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        _fail(path, f"{key!r} must be a date YYYY-MM-DD or null. Got {value!r}.")


def load_study_settings(path, **overrides) -> StudySettings:
    """Read and check a study file; resolve its paths against the file's folder.

    Parameters
    ----------
    path : str or os.PathLike
        A study YAML file, or a folder holding ``study.yml``.
    **overrides
        Settings that replace the file's (same names as the keys; paths in overrides
        are resolved against the working directory, as on a command line). None
        values are ignored.

    Returns
    -------
    study : StudySettings

    Raises
    ------
    FileNotFoundError
        If the file, or a corpus, actors, outlets or events path it names, does not exist.
    StudyError
        If a key is unknown (the message suggests the closest), a value has the wrong
        type, or ``period``/``format`` is not an option.
    """
    from framing.corpus import FORMATS

    path = Path(path)
    if path.is_dir():
        path = path / STUDY_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"No study file at {str(path)!r}. Create one with `framing init DIR --corpus PATH`."
        )
    path = path.resolve()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        _fail(path, f"must hold a mapping of settings. Got {type(data).__name__}.")
    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            _fail(path, f"unknown key {key!r}." + (f" Did you mean {close[0]!r}?" if close else "")
                  + f" Keys: {', '.join(_KEYS)}.")
    base = path.parent
    given = {k: v for k, v in overrides.items() if v is not None}
    for key in given:
        if key not in _KEYS:
            raise StudyError(f"Unknown study setting {key!r}; settings: {', '.join(_KEYS)}.")

    def where(key, value, relative_to):
        if value is None:
            return None
        if not isinstance(value, str | os.PathLike):
            _fail(path, f"{key!r} must be a path. Got {value!r}.")
        p = Path(value).expanduser()
        return (p if p.is_absolute() else relative_to / p).resolve()

    def pick(key):
        if key in given:
            return given[key], Path.cwd()
        return data.get(key), base

    corpus, corpus_base = pick("corpus")
    if corpus is None:
        _fail(path, "'corpus' is required: a file or folder, or a list of them.")
    corpus = [corpus] if isinstance(corpus, str | os.PathLike) else list(corpus)
    corpus = tuple(where("corpus", c, corpus_base) for c in corpus)
    resolved = {}
    for key in ("actors", "outlets", "events"):
        value, rel = pick(key)
        resolved[key] = where(key, value, rel)
    out, out_base = pick("out")
    out = where("out", out if out is not None else "reports", out_base)
    for key, value in (("corpus", corpus), *resolved.items()):
        for p in value if isinstance(value, tuple) else (value,):
            if p is not None and not p.exists():
                raise FileNotFoundError(
                    f"Study file {str(path)!r}: {key!r} path {str(p)!r} does not exist "
                    f"(paths are relative to {str(base)!r})."
                )
    settings = {k: (given[k] if k in given else data.get(k)) for k in
                ("name", "format", "columns", "language", "scorer", "period", "start", "end",
                 "parameters")}
    fmt = settings["format"] or "auto"
    if fmt not in FORMATS:
        _fail(path, f"'format' must be one of {FORMATS!r}. Got {fmt!r}.")
    period = settings["period"] or "week"
    if period not in _PERIODS:
        _fail(path, f"'period' must be one of {_PERIODS!r}. Got {period!r}.")
    for key in ("columns", "parameters"):
        if settings[key] is not None and not isinstance(settings[key], dict):
            _fail(path, f"{key!r} must be a mapping. Got {settings[key]!r}.")
    return StudySettings(
        path=path, name=str(settings["name"] or base.name), corpus=corpus, format=fmt,
        columns=dict(settings["columns"] or {}), actors=resolved["actors"],
        outlets=resolved["outlets"], events=resolved["events"],
        language=settings["language"] or None, scorer=settings["scorer"] or None,
        period=period, start=_date(path, "start", settings["start"]),
        end=_date(path, "end", settings["end"]), out=out,
        parameters=dict(settings["parameters"] or {}),
    )


def write_study_settings(study: StudySettings, path, *, overwrite: bool = False) -> Path:
    """Write `study` as a commented YAML file at `path`.

    Parameters
    ----------
    study : StudySettings
    path : str or os.PathLike
        Target file; relative paths in the file are written relative to its folder.
    overwrite : bool, default=False
        Replace an existing file.

    Returns
    -------
    path : pathlib.Path

    Raises
    ------
    OverwriteError
        If `path` exists and `overwrite` is False.
    """
    from framing.exceptions import OverwriteError

    path = Path(path).resolve()
    if path.exists() and not overwrite:
        raise OverwriteError(f"Study file {str(path)!r} exists; pass overwrite=True (--overwrite).")
    text = dataclasses.replace(study, path=path).to_yaml()
    lines = ["# framing study: paths are relative to this file's folder.",
             "# Run: framing report --study " + path.name + "   (JupyterLab: set `study` in a "
             "notebook's parameters cell)"]
    for line in text.splitlines():
        top_level = not line.startswith((" ", "-"))
        comment = _COMMENTS.get(line.split(":", 1)[0]) if top_level else None
        lines.append(f"{line}  # {comment}" if comment else line)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def init_study(folder, corpus, *, corpus_format="auto", columns=None, n_actors=20,
               overwrite=False) -> Path:
    """Start a study in `folder`: a ``study.yml`` and a starter actor registry.

    The starter registry holds the most frequent names of the corpus
    (:func:`framing.suggest.suggest_actors`) as a draft to edit.

    Parameters
    ----------
    folder : str or os.PathLike
        StudySettings folder (created).
    corpus : str or os.PathLike or list of them
        Corpus file(s) or folder(s); kept where they are and referred to relatively.
    corpus_format : str, default='auto'
    columns : dict, optional
        File field → canonical column.
    n_actors : int, default=20
        Actors in the starter registry.
    overwrite : bool, default=False
        Replace existing ``study.yml`` and ``actors.yml``.

    Returns
    -------
    path : pathlib.Path
        The study file.

    Raises
    ------
    OverwriteError
        If the files exist and `overwrite` is False.
    """
    from framing.corpus import load_corpus
    from framing.exceptions import OverwriteError
    from framing.suggest import draft_registry, suggest_actors

    folder = Path(folder).resolve()
    paths = [Path(c).resolve() for c in ([corpus] if isinstance(corpus, str | os.PathLike)
                                         else corpus)]
    study_path, actors_path = folder / STUDY_FILE, folder / "actors.yml"
    for p in (study_path, actors_path):
        if p.exists() and not overwrite:
            raise OverwriteError(f"{str(p)!r} exists; pass --overwrite to replace it.")
    articles = load_corpus(paths, format=corpus_format, columns=columns, detect_language=False,
                           require_articles=True)
    table = suggest_actors(articles, top=n_actors)
    folder.mkdir(parents=True, exist_ok=True)
    actors_path.write_text(draft_registry(table, source=", ".join(map(str, paths))),
                           encoding="utf-8")
    study = StudySettings(path=study_path, name=folder.name, corpus=tuple(paths), format=corpus_format,
                  columns=dict(columns or {}), actors=actors_path, out=folder / "reports")
    return write_study_settings(study, study_path, overwrite=overwrite)
