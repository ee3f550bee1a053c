"""Open a scored dataset for analysis: the one setup step of every report notebook.

A *dataset* is the folder :func:`framing.scale.score_corpus` (``framing score``)
writes: articles, scored mentions with their stance, and attributed statements as
Parquet parts, a manifest and the load report. :func:`prepare_dataset` scores a
corpus into one (incrementally: unchanged chunks come from its cache);
:func:`open_study` reads the tables a notebook needs, restricted to a selection.

>>> from framing.study import open_study, prepare_dataset
>>> dataset = prepare_dataset(out_dir="reports/data")  # doctest: +SKIP
>>> study = open_study(dataset, outlets=["Daily Ledger"])  # doctest: +SKIP
>>> study.mentions[["actor_id", "polarity", "stance"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from framing import paths
from framing.pipeline import select_rows

__all__ = ["ARTICLE_COLUMNS_SKIPPED", "MENTION_COLUMNS_SKIPPED", "MENTION_TEXT_COLUMNS",
           "PROBLEM_SHARE",
           "STATEMENT_COLUMNS_SKIPPED", "Study", "dataset_problems",
           "open_notebook", "open_study", "prepare_dataset"]

#: Article columns :func:`open_study` leaves on disk (the full text; read it with
#: :func:`framing.scale.read_articles` when needed).
ARTICLE_COLUMNS_SKIPPED = ("text",)

#: Mention columns :func:`open_study` leaves on disk: article fields repeated on every
#: mention that no notebook reads (raw outlet and date, where the date came from, URL,
#: language-detection details, near-duplicate group, sentence end) and the scorer's
#: class probabilities and stance cues. About a third of the bytes of a mentions table;
#: read them with :func:`framing.scale.read_mentions` when needed.
MENTION_COLUMNS_SKIPPED = (
    "url", "outlet_raw", "published_raw", "date_source", "crawled", "status", "date_status",
    "language_confidence", "language_source", "near_duplicate_group", "sentence_end",
    "p_negative", "p_neutral", "p_positive", "scorer", "stance_cues",
)

#: Statement columns :attr:`Study.statements` leaves on disk: the quoted text, the
#: speaker phrase, its offsets, the verb, the statement id, its offsets and the holder
#: kind (no notebook reads them; :meth:`Study.read_statements` does).
STATEMENT_COLUMNS_SKIPPED = ("content", "speaker_text", "speaker_start", "speaker_end", "verb",
                             "statement_id", "start", "end", "holder_kind")


#: Mention columns :func:`open_study` reads only with ``mention_text=True``: the sentence
#: and surface form of each mention, their offsets and where the article came from. Only
#: evidence look-ups and validation sheets need them, and they are two thirds of the
#: memory of the rest (the sentence alone is ~90 bytes a mention).
MENTION_TEXT_COLUMNS = (
    "sentence", "surface", "sentence_start", "sentence_id", "field", "start", "end", "kind",
    "ambiguous", "statement_id", "source_file", "source_line",
)


@dataclasses.dataclass(frozen=True)
class Study:
    """The tables of a scored dataset inside a selection.

    Attributes
    ----------
    articles : pandas.DataFrame of shape (n_articles, >= 12)
        The articles table of :func:`framing.corpus.load_corpus` without the
        columns in :data:`ARTICLE_COLUMNS_SKIPPED`, in corpus order.
    mentions : pandas.DataFrame of shape (n_mentions, >= 12)
        One row per mention, in corpus order: the columns of
        :func:`framing.actors.find_mentions`, the scorer's (``polarity`` in [-1, 1],
        ``label``, ``score_status``) and the stance columns of
        :func:`framing.stance.score_stance` (``holder_id``, ``holder_kind``,
        ``statement_id``, ``stance``, ``stance_score`` in [-1, 1]), without the
        columns in :data:`MENTION_COLUMNS_SKIPPED` and, unless opened with
        ``mention_text=True``, those in :data:`MENTION_TEXT_COLUMNS`
        (:meth:`read_mentions` reads any column). Text columns are pandas
        categoricals with sorted categories (a tenth of the memory of strings).
    statements : pandas.DataFrame of shape (n_statements, 6)
        The table of :func:`framing.quotes.find_statements` without the columns in
        :data:`STATEMENT_COLUMNS_SKIPPED` (the quoted text and the speaker phrase:
        :meth:`read_statements` reads them), inside the selection's outlets and dates;
        read on first use (only notebook 04 needs it).
    report : dict
        The load report of the whole dataset (``n_read``, ``n_accepted``,
        ``n_rejected``, ``n_mentions``, ``settings``, …), not of the selection.
    rejections : pandas.DataFrame
        Every rejected record: ``file``, ``line``, ``reason``, ``detail``.
    dataset_dir : pathlib.Path
        The dataset folder.
    settings : dict
        The scoring settings (framing version, registry digest, scorer, …).
    selection : dict
        The `outlets`, `actors`, `start` and `end` given to :func:`open_study`.
    bundled : bool
        True when the dataset was scored from the bundled example corpus
        (``corpus/articles.jsonl``) alone, so its example files (events) apply.
    out_dir : pathlib.Path or None
        Output folder of the notebook (:func:`open_notebook`).
    labels : dict of str to str
        Actor id → display label (:func:`open_notebook`).
    events : pandas.DataFrame or None
        Key events of the study file (``date``, ``label``), for time figures.
    period : {'week', 'month'} or None
        The study file's period, if any.
    problems : list of dict
        :func:`dataset_problems` of the dataset (:func:`open_notebook`).
    actors_file : pathlib.Path or None
        The actor registry used (None: the bundled one), for :func:`framing.actors.load_actors`.
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    report: dict
    rejections: pd.DataFrame
    dataset_dir: Path
    settings: dict
    bundled: bool = False
    selection: dict = dataclasses.field(default_factory=dict)
    out_dir: Path | None = None
    labels: dict = dataclasses.field(default_factory=dict)
    events: pd.DataFrame | None = None
    period: str | None = None
    problems: list = dataclasses.field(default_factory=list)
    actors_file: Path | None = None

    def show_problems(self) -> None:
        """Display :attr:`problems` as a warning block at the top of a notebook (or nothing)."""
        if not self.problems:
            return
        from IPython.display import Markdown, display

        lines = [f"> **{p['severity'].upper()}** — {p['what']} {p['fix']}" for p in self.problems]
        display(Markdown("\n>\n".join(lines)))

    def aggregate(self, by=("outlet", "actor_id"), **options) -> pd.DataFrame:
        """Group table of the selected mentions, computed out of core with DuckDB.

        The same table as :func:`framing.aggregate.aggregate_scores` on
        :attr:`mentions` (same columns, CIs from the same article bootstrap), but
        read from the Parquet files: only one row per group and article comes into
        memory.

        Parameters
        ----------
        by : sequence of str, default=('outlet', 'actor_id')
            Mention columns to group by.
        **options
            ``period``, ``value``, ``n_bootstrap``, ``ci_level``, ``random_state``,
            ``count_duplicates``, ``min_mentions`` as in ``aggregate_scores``.

        Returns
        -------
        table : pandas.DataFrame
            See :func:`framing.scale.aggregate_dataset`.

        Raises
        ------
        ValueError
            For invalid options.
        """
        from framing.scale import aggregate_dataset

        return aggregate_dataset(self.dataset_dir, by, **self.selection, **options)

    @functools.cached_property
    def statements(self) -> pd.DataFrame:
        """The statements table inside the selection, read on first use (see the class)."""
        from framing.quotes import STATEMENT_COLUMNS

        return self.read_statements(
            [c for c in STATEMENT_COLUMNS if c not in STATEMENT_COLUMNS_SKIPPED])

    def read_mentions(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Read the mentions inside the selection with `columns` (e.g. the text columns).

        Parameters
        ----------
        columns : sequence of str, optional
            Mention columns to read; None: all but :data:`MENTION_COLUMNS_SKIPPED`
            (:func:`framing.scale.read_mentions` reads those too). ``outlet``,
            ``actor_id`` and ``published`` are added for the selection.

        Returns
        -------
        mentions : pandas.DataFrame of shape (n_mentions, >= len(columns))
            In corpus order (:func:`framing.scale.read_mentions`), the rows of
            :attr:`mentions`; text columns as categoricals.
        """
        from framing.scale import read_mentions, table_columns

        sel = self.selection
        if columns is None:
            columns = [c for c in table_columns(self.dataset_dir, "mentions")
                       if c not in MENTION_COLUMNS_SKIPPED]
        columns = list(dict.fromkeys([*columns, "outlet", "actor_id", "published"]))
        return select_rows(read_mentions(self.dataset_dir, columns=columns, categorical=True),
                           outlets=sel.get("outlets"), actors=sel.get("actors"),
                           start=sel.get("start"), end=sel.get("end"))

    def add_mention_text(self, table: pd.DataFrame) -> pd.DataFrame:
        """Add the text columns of some mentions, read for their articles only.

        For a few hundred mentions (a validation sample, evidence for one cell) of a
        study opened without their sentences: only the parts of the dataset holding
        their articles are read.

        Parameters
        ----------
        table : pandas.DataFrame of shape (n_rows, n_columns)
            Rows of :attr:`mentions` with the mention key ``article_id``, ``field``,
            ``start``, ``end``, ``actor_id`` (open the study with
            ``mention_text=("field", "start", "end")`` or more).

        Returns
        -------
        table : pandas.DataFrame of shape (n_rows, n_columns + k)
            `table` with the :data:`MENTION_TEXT_COLUMNS` it lacked (``sentence``,
            ``surface``, …), same index and row order.

        Raises
        ------
        MissingColumnError
            If a key column is missing from `table`.
        """
        from framing.exceptions import MissingColumnError
        from framing.scale import read_mentions

        key = ["article_id", "field", "start", "end", "actor_id"]
        missing = [c for c in key if c not in table.columns]
        if missing:
            raise MissingColumnError(
                f"Study.add_mention_text() needs the mention offsets {missing!r} to find the "
                "sentences. Open the study with open_study(dataset, mention_text=('field', "
                "'start', 'end')) (open_notebook takes the same), or read every column with "
                "Study.read_mentions().")
        wanted = [c for c in MENTION_TEXT_COLUMNS if c not in table.columns]
        if not wanted or table.empty:
            return table
        text = read_mentions(self.dataset_dir, columns=[*key, *wanted],
                             articles=table["article_id"].astype(str).unique())
        plain = {c: str for c in ("article_id", "field", "actor_id")}
        joined = table[key].astype(plain).merge(text.astype(plain), on=key, how="left",
                                                 validate="many_to_one")
        return table.assign(**{c: joined[c].to_numpy() for c in wanted})

    def read_statements(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Read the statements inside the selection's outlets and dates, with `columns`.

        Parameters
        ----------
        columns : sequence of str, optional
            Columns of :data:`framing.quotes.STATEMENT_COLUMNS` to read; None: all of
            them, with the quoted text (``content``) and the speaker phrase.

        Returns
        -------
        statements : pandas.DataFrame of shape (n_statements, len(columns))
            In corpus order (:func:`framing.scale.read_statements`).
        """
        from framing.scale import read_statements

        sel = self.selection
        columns = None if columns is None else list(dict.fromkeys([*columns, "outlet", "published"]))
        return select_rows(read_statements(self.dataset_dir, columns=columns, categorical=True),
                           outlets=sel.get("outlets"), start=sel.get("start"), end=sel.get("end"))


def prepare_dataset(
    corpus: str | os.PathLike | None = None,
    out_dir: str | os.PathLike | None = None,
    *,
    actors: str | os.PathLike | None = None,
    outlets: str | os.PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    corpus_format: str = "auto",
    encoding: str = "utf-8",
    scorer: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler=None,
    progress: bool = False,
    language: str | None = None,
) -> Path:
    """Score a corpus into a dataset folder, reusing every chunk already scored there.

    The defaults of the bundled example: with no `corpus`, ``corpus/articles.jsonl``
    with its outlet map ``corpus/outlets.yml``; with no `actors`, ``corpus/actors.yml``.

    Parameters
    ----------
    corpus : str or os.PathLike, optional
        Corpus file or folder (formats: :data:`framing.corpus.FORMATS`).
    out_dir : str or os.PathLike, optional
        Dataset folder. Default: ``figures/data``.
    actors, outlets : str or os.PathLike, optional
        Actor registry and outlet map YAML files.
    columns : mapping of str to str, optional
        File field → canonical column, e.g. ``{"source": "outlet"}``.
    corpus_format : str, default='auto'
        One of :data:`framing.corpus.FORMATS`.
    encoding : str, default='utf-8'
    scorer : str, optional
        Scorer name; default :data:`framing.scorers.DEFAULT_SCORER`.
    jobs, engine, scheduler, progress
        As in :func:`framing.scale.score_corpus`.
    language : str, optional
        ISO 639-1 code of every article (skips language detection).

    Returns
    -------
    dataset_dir : pathlib.Path
        The dataset folder, for :func:`open_study`.

    Raises
    ------
    FileNotFoundError, CorpusFormatError, RegistryFormatError, UnknownScorerError, ValueError
        From :func:`framing.scale.score_corpus`.
    """
    from framing.scale import score_corpus
    from framing.scorers import DEFAULT_SCORER

    corpus_path = Path(corpus) if corpus else paths.DEFAULT_CORPUS
    bundled = corpus_path.resolve() == paths.DEFAULT_CORPUS.resolve()
    if not outlets and bundled:
        outlets = paths.DEFAULT_OUTLETS
    out_dir = Path(out_dir) if out_dir else paths.FIGURES_DIR / "data"
    score_corpus(
        corpus_path, out_dir, actors=actors or None, outlets=outlets or None,
        columns=dict(columns) if columns else None, corpus_format=corpus_format,
        encoding=encoding, scorer=scorer or DEFAULT_SCORER, jobs=jobs, engine=engine,
        scheduler=scheduler, progress=progress, language=language or None,
    )
    return out_dir


def open_study(
    dataset: str | os.PathLike,
    *,
    outlets: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    mention_text: bool | Sequence[str] = False,
) -> Study:
    """Read the articles, scored mentions and statements of a dataset inside a selection.

    Parameters
    ----------
    dataset : str or os.PathLike
        A folder written by :func:`framing.scale.score_corpus`, ``framing score``
        or ``framing report`` (its ``data/`` folder).
    outlets : sequence of str, optional
        Keep these outlets only (articles, mentions, statements); empty or None: all.
    actors : sequence of str, optional
        Keep mentions of these actor ids only (articles and statements are not
        restricted by actor); empty or None: all.
    start, end : str, optional
        ISO-8601 dates, inclusive; rows with a missing date are dropped only when a
        bound is given.
    mention_text : bool or sequence of str, default=False
        Also read :data:`MENTION_TEXT_COLUMNS` (the sentence of each mention, for
        evidence and validation sheets), or only these of them (e.g. the offsets, to
        look the sentences up later with :meth:`Study.add_mention_text`).

    Returns
    -------
    study : Study
        The tables, in corpus order, plus the dataset's load report and rejections.

    Raises
    ------
    FileNotFoundError
        If `dataset` is not a scored dataset.
    ValueError
        If an outlet or actor of the selection is not in the data, or a date does
        not parse (see :func:`framing.pipeline.select_rows`).

    Notes
    -----
    Tables are read with pyarrow (only the columns kept: not the article texts,
    :data:`ARTICLE_COLUMNS_SKIPPED`, nor :data:`MENTION_COLUMNS_SKIPPED`), text columns
    as categoricals, so a notebook holds the mentions, not the corpus: about 45 bytes a
    mention (0.5 GB for 12M mentions). Aggregations over the whole dataset
    that need no row-level table can run out of core with
    :func:`framing.scale.aggregate_dataset`.
    """
    from framing.scale import read_articles, read_mentions, table_columns

    dataset = Path(dataset)
    text = (MENTION_TEXT_COLUMNS if mention_text is True
            else tuple(mention_text) if mention_text else ())
    skipped = (*MENTION_COLUMNS_SKIPPED, *(c for c in MENTION_TEXT_COLUMNS if c not in text))
    kept = [c for c in table_columns(dataset, "mentions") if c not in skipped]
    mentions = read_mentions(dataset, columns=kept or None, categorical=True)
    kept = [c for c in table_columns(dataset, "articles") if c not in ARTICLE_COLUMNS_SKIPPED]
    articles = read_articles(dataset, columns=kept, categorical=True)
    report_path = dataset / "load_report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    rej_path = dataset / "rejections.csv"
    rejections = (pd.read_csv(rej_path) if rej_path.is_file()
                  else pd.DataFrame(columns=["file", "line", "reason", "detail"]))
    return Study(
        articles=select_rows(articles, outlets=outlets, start=start, end=end),
        mentions=select_rows(mentions, outlets=outlets, actors=actors, start=start, end=end),
        report=report,
        rejections=rejections,
        dataset_dir=dataset,
        settings=report.get("settings", {}),
        bundled=[Path(f).resolve() for f in report.get("files", [])]
        == [paths.DEFAULT_CORPUS.resolve()],
        selection={"outlets": outlets, "actors": actors, "start": start, "end": end},
    )


# --------------------------------------------------------------------------- notebooks

#: Share of articles that, with no text or no date, is reported as a likely misread.
PROBLEM_SHARE = 0.9


def dataset_problems(dataset: str | os.PathLike) -> list[dict]:
    """Check a scored dataset for the signs of a misread corpus or a wrong registry.

    Parameters
    ----------
    dataset : str or os.PathLike
        A dataset folder (:func:`prepare_dataset`, ``framing score``).

    Returns
    -------
    problems : list of dict
        One dict per problem, most serious first, with ``severity`` (``"error"``: the
        report cannot show anything; ``"warning"``), ``what`` and ``fix`` (str). Checks:
        no article accepted; at least :data:`PROBLEM_SHARE` of the articles without
        text, or without a usable date; no mention of any registry actor; no mention
        in a language the scorer supports.
    """
    from framing.scale import dataset_counts

    dataset = Path(dataset)
    counts = dataset_counts(dataset)
    report_path = dataset / "load_report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    files = ", ".join(map(str, report.get("files", [])))[:200] or str(dataset)
    problems = []
    n = counts["n_articles"]
    if n == 0:
        rej_path = dataset / "rejections.csv"
        first = ""
        if rej_path.is_file():
            rej = pd.read_csv(rej_path)
            if len(rej):
                reasons = rej["reason"].value_counts()
                first = (f" Rejections: {', '.join(f'{k} {v}' for k, v in reasons.items())}; "
                         f"first: {rej['detail'].iloc[0]}.")
        problems.append({
            "severity": "error", "what": f"No article was accepted from {files}.{first}",
            "fix": f"Map the fields with --column FIELD=COLUMN (a study's `columns:`) or choose "
                   f"the format; every rejection is listed in {str(rej_path)!r}."})
        return problems
    empty = counts["n_no_text"]
    if empty >= PROBLEM_SHARE * n:
        problems.append({
            "severity": "error" if empty == n else "warning",
            "what": f"{empty:,} of {n:,} articles have no text.",
            "fix": "The text is probably under another field name or format: set the format "
                   "(e.g. 'basil') or map the field with columns={FIELD: 'text'}."})
    undated = counts["n_undated"]
    if undated >= PROBLEM_SHARE * n:
        problems.append({
            "severity": "warning",
            "what": f"{undated:,} of {n:,} articles have no usable publication date, so the "
                    "time views are empty.",
            "fix": "Map the date field with columns={FIELD: 'published'}."})
    if counts["n_mentions"] == 0 and empty < n:
        problems.append({
            "severity": "error",
            "what": "No actor of the registry occurs in this corpus.",
            "fix": "Write a registry for it: `framing actors suggest CORPUS --out actors.yml` "
                   "lists its most frequent names as a draft; then pass it as the actors file."})
    elif counts["n_mentions"] and not counts["n_mentions_ok"]:
        from framing.scorers.languages import scorers_for_language

        langs = pd.Series(counts["languages"], dtype="int64")
        found = ", ".join(f"{k} ({v:,})" for k, v in langs.head(5).items())
        options = "; ".join(f"{k}: {', '.join(scorers_for_language(k)) or 'none yet'}"
                            for k in langs.head(3).index)
        problems.append({
            "severity": "error",
            "what": f"No mention could be scored: languages found {found}.",
            "fix": f"Choose a scorer that supports them ({options}), or state the language "
                   "if detection is wrong."})
    return problems


def _resolve(value: str, *, must_exist: bool = True) -> Path | None:
    """A notebook parameter path: absolute, else relative to the working directory if it
    exists there, else relative to the repository root (notebooks run in notebooks/)."""
    if not value:
        return None
    p = Path(value).expanduser()
    if p.is_absolute():
        return p
    if p.exists() or not must_exist and p.parent.exists() and Path.cwd() != paths.NOTEBOOKS_DIR:
        return p.resolve()
    return (paths.ROOT / p).resolve()


def open_notebook(
    *,
    study: str = "",
    dataset: str = "",
    corpus: str = "",
    corpus_format: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    actors_file: str = "",
    outlets_file: str = "",
    scorer: str = "",
    out_dir: str = "",
    outlets: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    start: str = "",
    end: str = "",
    mention_text: bool | Sequence[str] = False,
) -> Study:
    """The setup step of every report notebook: settings → scored dataset → tables.

    Takes the notebook's parameters. With a `study` file, its settings are used and any
    non-empty parameter overrides them; without one, the parameters alone (empty: the
    bundled corpus). Relative paths in a study file resolve against the study file;
    relative paths given as parameters resolve against the working directory, else the
    repository root — never silently against the kernel's folder. With no `dataset`, the
    corpus is scored into ``OUT/data`` (incrementally: chunks scored before are reused).

    Parameters
    ----------
    study : str, default=""
        A study file (``study.yml``) or its folder (:mod:`framing.settings`).
    dataset : str, default=""
        A dataset scored earlier (``framing score``, ``framing report``); nothing is scored.
    corpus, corpus_format, columns, encoding, actors_file, outlets_file, scorer
        As in :func:`prepare_dataset`; empty values fall back to the study, then to the
        bundled defaults.
    out_dir : str, default=""
        Output folder; empty: the study's ``out``, else ``figures/`` of the repository.
    outlets, actors, start, end
        The selection, as in :func:`open_study`; empty `start`/`end` take the study's.
    mention_text : bool or sequence of str, default=False
        As in :func:`open_study`.

    Returns
    -------
    study : Study
        The tables (:func:`open_study`) plus ``out_dir`` (pathlib.Path, created),
        ``labels`` (dict actor id → label), ``events`` (DataFrame or None: the study's,
        or the bundled example's for the bundled corpus), ``period`` (str or None),
        ``actors_file`` and ``problems`` (:func:`dataset_problems`).

    Raises
    ------
    FileNotFoundError
        If the study file or a path does not exist.
    StudyError
        If the study file is malformed.
    """
    from framing.actors import load_actors
    from framing.pipeline import load_events
    from framing.settings import load_study_settings

    settings = None
    if study:
        settings = load_study_settings(_resolve(study))
    corpus_paths = [_resolve(corpus)] if corpus else list(settings.corpus) if settings else []
    if len(corpus_paths) > 1:
        raise ValueError(
            f"Study {str(settings.path)!r} names {len(corpus_paths)} corpus paths; the notebooks "
            "take one. Put the files in one folder and name the folder.")
    actors_path = _resolve(actors_file) or (settings.actors if settings else None)
    outlets_path = _resolve(outlets_file) or (settings.outlets if settings else None)
    out = (_resolve(out_dir, must_exist=False) or (settings.out if settings else None)
           or paths.FIGURES_DIR)
    out.mkdir(parents=True, exist_ok=True)
    if not dataset:
        dataset = prepare_dataset(
            corpus_paths[0] if corpus_paths else None, out / "data", actors=actors_path,
            outlets=outlets_path,
            columns=dict(columns or {}) or (settings.columns if settings else None),
            corpus_format=(corpus_format if corpus_format != "auto" or not settings
                           else settings.format),
            encoding=encoding, scorer=scorer or (settings.scorer if settings else None),
            language=settings.language if settings else None,
        )
    opened = open_study(_resolve(dataset), outlets=outlets, actors=actors,
                        start=start or (settings.start if settings else None),
                        end=end or (settings.end if settings else None),
                        mention_text=mention_text)
    labels = {a.id: a.label for a in load_actors(actors_path)}
    if settings is not None:
        events = load_events(settings.events) if settings.events else None
    else:  # the bundled example's events apply to the bundled corpus only
        events = load_events(paths.DEFAULT_EVENTS) if opened.bundled else None
    return dataclasses.replace(
        opened, out_dir=out, labels=labels, events=events, actors_file=actors_path,
        period=settings.period if settings else None,
        problems=dataset_problems(opened.dataset_dir),
    )
