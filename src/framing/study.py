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

__all__ = ["ARTICLE_COLUMNS_SKIPPED", "Study", "open_study", "prepare_dataset"]

#: Article columns :func:`open_study` leaves on disk (the full text; read it with
#: :func:`framing.scale.read_articles` when needed).
ARTICLE_COLUMNS_SKIPPED = ("text",)


@dataclasses.dataclass(frozen=True)
class Study:
    """The tables of a scored dataset inside a selection.

    Attributes
    ----------
    articles : pandas.DataFrame of shape (n_articles, >= 12)
        The articles table of :func:`framing.corpus.load_corpus` without the
        columns in :data:`ARTICLE_COLUMNS_SKIPPED`, in corpus order.
    mentions : pandas.DataFrame of shape (n_mentions, >= 22)
        One row per mention, in corpus order: the columns of
        :func:`framing.actors.find_mentions`, the scorer's (``polarity`` in [-1, 1],
        ``label``, ``scorer``, ``score_status``) and the stance columns of
        :func:`framing.stance.score_stance` (``holder_id``, ``holder_kind``,
        ``statement_id``, ``stance``, ``stance_score`` in [-1, 1], ``stance_cues``).
    statements : pandas.DataFrame of shape (n_statements, 15)
        The table of :func:`framing.quotes.find_statements`, inside the selection's
        outlets and dates; read on first use (only notebook 04 needs it).
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
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    report: dict
    rejections: pd.DataFrame
    dataset_dir: Path
    settings: dict
    bundled: bool = False
    selection: dict = dataclasses.field(default_factory=dict)

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
        from framing.scale import read_statements

        sel = self.selection
        return select_rows(read_statements(self.dataset_dir), outlets=sel.get("outlets"),
                           start=sel.get("start"), end=sel.get("end"))


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
        scheduler=scheduler, progress=progress,
    )
    return out_dir


def open_study(
    dataset: str | os.PathLike,
    *,
    outlets: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
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
    Tables are read with pyarrow (only the columns kept), so a notebook holds
    the mentions, not the article texts. Aggregations over the whole dataset
    that need no row-level table can run out of core with
    :func:`framing.scale.aggregate_dataset`.
    """
    from framing.scale import read_articles, read_mentions, table_columns

    dataset = Path(dataset)
    mentions = read_mentions(dataset)
    kept = [c for c in table_columns(dataset, "articles") if c not in ARTICLE_COLUMNS_SKIPPED]
    articles = read_articles(dataset, columns=kept)
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
