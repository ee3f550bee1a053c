"""Load → find mentions → score, once per corpus, cached as Parquet for the notebooks.

:func:`prepare_corpus` is the one entry point the notebooks and ``framing report``
share: the first call does the work and writes ``articles.parquet``,
``mentions.parquet``, ``load_report.json`` and ``rejections.csv`` to a data folder;
later calls with the same inputs read them back.

>>> from framing.pipeline import prepare_corpus
>>> prepared = prepare_corpus(data_dir="figures/data")  # doctest: +SKIP
>>> prepared.mentions[["actor_id", "polarity"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing import paths
from framing.actors import find_mentions, load_actors
from framing.corpus import load_corpus
from framing.scorers import DEFAULT_SCORER, get_scorer, score_mentions

logger = logging.getLogger("framing")

_ARTICLES = "articles.parquet"
_MENTIONS = "mentions.parquet"
_REPORT = "load_report.json"
_REJECTIONS = "rejections.csv"
_KEY = "prepared.json"


@dataclasses.dataclass(frozen=True)
class PreparedCorpus:
    """A corpus with its scored mentions, as written to (or read from) a data folder.

    Attributes
    ----------
    articles : pandas.DataFrame of shape (n_articles, >= 13)
        The articles table of :func:`framing.corpus.load_corpus`.
    mentions : pandas.DataFrame of shape (n_mentions, >= 16)
        The mentions table of :func:`framing.actors.find_mentions` with the scorer's
        columns appended (``polarity`` in [-1, 1], ``label``, ``scorer``, ``score_status``).
    report : dict
        Load report counters (``n_read``, ``n_accepted``, ``n_rejected``, …).
    rejections : pandas.DataFrame
        Rejected records: ``file``, ``line``, ``reason``, ``detail``.
    data_dir : pathlib.Path
        Folder holding the Parquet files.
    settings : dict
        The inputs that produced this result (paths, hashes, scorer name and version).
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    report: dict
    rejections: pd.DataFrame
    data_dir: Path
    settings: dict


def _hash_path(path: Path | None) -> str | None:
    """SHA-256 of a file, or of every file under a folder (names and bytes)."""
    if path is None:
        return None
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(str(file.relative_to(path) if path.is_dir() else file.name).encode())
        with open(file, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _optional_path(value, default: Path | None) -> Path | None:
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return default
    return Path(value)


def _json_default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    return str(value)


def _report_parts(report) -> tuple[dict, pd.DataFrame]:
    """Split a LoadReport into JSON-able counters and the rejections table."""
    rejections = getattr(report, "rejections", None)
    if not isinstance(rejections, pd.DataFrame):
        rejections = pd.DataFrame(columns=["file", "line", "reason", "detail"])
    counters = {}
    for field in dataclasses.fields(report):
        value = getattr(report, field.name)
        if not isinstance(value, pd.DataFrame):
            counters[field.name] = value
    return json.loads(json.dumps(counters, default=_json_default)), rejections


def prepare_corpus(
    corpus: str | os.PathLike | None = None,
    *,
    actors: str | os.PathLike | None = None,
    outlets: str | os.PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    corpus_format: str = "auto",
    encoding: str = "utf-8",
    scorer: str = DEFAULT_SCORER,
    metonyms: bool = True,
    data_dir: str | os.PathLike | None = None,
    refresh: bool = False,
) -> PreparedCorpus:
    """Load a corpus, find actor mentions and score them, reusing a cached result.

    Parameters
    ----------
    corpus : str or os.PathLike, optional
        Corpus file or folder (JSONL, CSV, Parquet, folder of .txt/.md, or BASIL
        JSONL with ``corpus_format="basil"``). Default: the bundled corpus
        ``corpus/articles.jsonl``.
    actors : str or os.PathLike, optional
        Actor registry YAML. Default: ``corpus/actors.yml``.
    outlets : str or os.PathLike, optional
        Outlet map YAML. Default: ``corpus/outlets.yml`` for the bundled corpus,
        none otherwise.
    columns : mapping of str to str, optional
        File field name → canonical column name, e.g. ``{"source": "outlet"}``.
    corpus_format : str, default='auto'
        One of :data:`framing.corpus.FORMATS`.
    encoding : str, default='utf-8'
        Text encoding of CSV/JSONL/text files.
    scorer : str, default='textblob'
        Scorer name, see :func:`framing.scorers.available_scorers`.
    metonyms : bool, default=True
        Count metonyms (Kyiv → Ukraine, the Kremlin → Russia) as mentions.
    data_dir : str or os.PathLike, optional
        Folder for the cached tables. Default: ``figures/data``.
    refresh : bool, default=False
        Recompute even when the cached result matches the inputs.

    Returns
    -------
    prepared : PreparedCorpus
        Articles, scored mentions, load report and rejections.

    Raises
    ------
    CorpusFormatError, RegistryFormatError, UnknownScorerError
        From the loading, registry and scorer steps.

    Notes
    -----
    The cache key is a SHA-256 over the corpus, registry and outlet-map bytes, the
    loading options, the scorer name and version, and the framing version. Files
    are rewritten only when the key changes.
    """
    corpus_path = _optional_path(corpus, paths.DEFAULT_CORPUS)
    bundled = corpus_path.resolve() == paths.DEFAULT_CORPUS.resolve()
    actors_path = _optional_path(actors, paths.DEFAULT_ACTORS)
    outlets_path = _optional_path(outlets, paths.DEFAULT_OUTLETS if bundled else None)
    data_dir = Path(data_dir) if data_dir else paths.FIGURES_DIR / "data"
    scorer_obj = get_scorer(scorer)

    settings = {
        "framing_version": framing.__version__,
        "corpus": str(corpus_path),
        "corpus_sha256": _hash_path(corpus_path),
        "actors": str(actors_path),
        "actors_sha256": _hash_path(actors_path),
        "outlets": str(outlets_path) if outlets_path else None,
        "outlets_sha256": _hash_path(outlets_path),
        "columns": dict(columns or {}),
        "corpus_format": corpus_format,
        "encoding": encoding,
        "scorer": scorer_obj.name,
        "scorer_version": getattr(scorer_obj, "version", "0"),
        "metonyms": bool(metonyms),
    }
    key = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    key_file = data_dir / _KEY
    if not refresh and key_file.is_file():
        stored = json.loads(key_file.read_text(encoding="utf-8"))
        if stored.get("key") == key and all(
            (data_dir / f).is_file() for f in (_ARTICLES, _MENTIONS, _REPORT, _REJECTIONS)
        ):
            logger.info("framing: reusing prepared corpus in %s", data_dir)
            return PreparedCorpus(
                articles=pd.read_parquet(data_dir / _ARTICLES),
                mentions=pd.read_parquet(data_dir / _MENTIONS),
                report=json.loads((data_dir / _REPORT).read_text(encoding="utf-8")),
                rejections=pd.read_csv(data_dir / _REJECTIONS),
                data_dir=data_dir,
                settings=settings,
            )

    articles, report = load_corpus(
        corpus_path,
        columns=dict(columns) if columns else None,
        format=corpus_format,
        encoding=encoding,
        outlets=outlets_path,
        return_report=True,
    )
    registry = load_actors(actors_path)
    mentions = find_mentions(articles, registry, metonyms=metonyms)
    scorer_obj.fit(mentions["sentence"].iloc[:0].tolist())
    scored = score_mentions(mentions, scorer_obj)
    counters, rejections = _report_parts(report)
    counters["n_mentions"] = int(len(scored))
    counters["n_mentions_scored"] = int((scored["score_status"] == "ok").sum())
    counters["score_status"] = {
        str(k): int(v) for k, v in scored["score_status"].value_counts().sort_index().items()
    }

    data_dir.mkdir(parents=True, exist_ok=True)
    articles.to_parquet(data_dir / _ARTICLES, index=False)
    scored.to_parquet(data_dir / _MENTIONS, index=False)
    (data_dir / _REPORT).write_text(
        json.dumps(counters, indent=2, sort_keys=True, default=_json_default) + "\n",
        encoding="utf-8",
    )
    rejections.to_csv(data_dir / _REJECTIONS, index=False)
    key_file.write_text(
        json.dumps({"key": key, "settings": settings}, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    # Read back, so a fresh and a cached result have identical dtypes.
    return PreparedCorpus(
        articles=pd.read_parquet(data_dir / _ARTICLES),
        mentions=pd.read_parquet(data_dir / _MENTIONS),
        report=json.loads((data_dir / _REPORT).read_text(encoding="utf-8")),
        rejections=pd.read_csv(data_dir / _REJECTIONS),
        data_dir=data_dir,
        settings=settings,
    )


def select_rows(
    table: pd.DataFrame,
    *,
    outlets: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """Keep the rows of an articles or mentions table inside a selection.

    Parameters
    ----------
    table : pandas.DataFrame
        Needs ``outlet`` when `outlets` is given, ``actor_id`` when `actors` is
        given, ``published`` (datetime64, UTC) when `start` or `end` is given.
    outlets, actors : sequence of str, optional
        Keep only these outlets / actor ids; empty or None keeps all.
    start, end : str, optional
        ISO-8601 dates, inclusive (``end`` covers its whole day). Rows with a
        missing date are dropped only when a date bound is given.

    Returns
    -------
    subset : pandas.DataFrame
        The matching rows, original order and columns.

    Raises
    ------
    ValueError
        If an outlet or actor in the selection does not occur in the table (the
        message lists the ones that do), or a date does not parse.
    """
    mask = pd.Series(True, index=table.index)
    for column, wanted, what in (("outlet", outlets, "outlet"), ("actor_id", actors, "actor")):
        if wanted:
            present = set(table[column].dropna().unique())
            unknown = [w for w in wanted if w not in present]
            if unknown:
                raise ValueError(
                    f"Unknown {what}(s) {unknown!r} in the selection; the data has "
                    f"{sorted(present)!r}."
                )
            mask &= table[column].isin(list(wanted))
    if start:
        mask &= table["published"] >= pd.Timestamp(start, tz="UTC")
    if end:
        mask &= table["published"] < pd.Timestamp(end, tz="UTC") + pd.Timedelta(days=1)
    return table.loc[mask]


def load_events(path: str | os.PathLike | None) -> pd.DataFrame | None:
    """Read a YAML list of dated events to mark on time-series figures.

    Parameters
    ----------
    path : str or os.PathLike or None
        A file of the form ``events: [{date: 2025-02-28, label: Oval Office clash}, ...]``.
        None or ``""`` gives None (no events).

    Returns
    -------
    events : pandas.DataFrame or None
        Columns ``date`` (datetime64[ns, UTC]) and ``label`` (str), sorted by date.

    Raises
    ------
    RegistryFormatError
        If the file is not a mapping with an ``events`` list of ``date``/``label``
        entries; the message names the file and entry.
    """
    import yaml

    from framing.exceptions import RegistryFormatError

    if path is None or str(path).strip() == "":
        return None
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    entries = data.get("events") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryFormatError(
            f"Events file {str(path)!r} must hold a mapping with an 'events' list. "
            f"Got {type(data).__name__}."
        )
    rows = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not {"date", "label"} <= set(entry):
            raise RegistryFormatError(
                f"Events file {str(path)!r} entry {i} must have 'date' and 'label'. Got {entry!r}."
            )
        try:
            date = pd.Timestamp(str(entry["date"]))
        except ValueError as err:
            raise RegistryFormatError(
                f"Events file {str(path)!r} entry {i}: 'date' must be an ISO-8601 date. "
                f"Got {entry['date']!r}."
            ) from err
        rows.append((date.tz_localize("UTC") if date.tzinfo is None else date, str(entry["label"])))
    return pd.DataFrame(rows, columns=["date", "label"]).sort_values("date", ignore_index=True)
