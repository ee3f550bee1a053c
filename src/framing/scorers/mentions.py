"""Score every row of a mentions table with any registered scorer.

>>> from framing.scorers import get_scorer, score_mentions
>>> scored = score_mentions(mentions, get_scorer("textblob").fit([]))  # doctest: +SKIP
>>> scored[["actor_id", "polarity", "score_status"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from bisect import bisect_right

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype
from sklearn.utils.validation import check_is_fitted

from framing.exceptions import MissingColumnError

__all__ = ["MENTION_COLUMNS", "SCORE_STATUSES", "score_mentions"]

#: Columns of the mentions table that :func:`score_mentions` reads.
MENTION_COLUMNS = ("sentence", "sentence_start", "start", "end")
#: Values of the ``score_status`` column.
SCORE_STATUSES = ("ok", "unsupported_language", "ambiguous")


def _row_name(mentions, i):
    label = mentions.index[i]
    label = label.item() if isinstance(label, np.generic) else label
    aid = mentions["article_id"].iat[i] if "article_id" in mentions.columns else None
    aid = aid.item() if isinstance(aid, np.generic) else aid
    return f"Mention row {label!r}" + (f" (article_id {aid!r})" if aid is not None else "")


def _sentence_targets(mentions, rows):
    """Targets inside the mention's own sentence: offsets ``start - sentence_start``."""
    sentences = mentions["sentence"].to_numpy(dtype=object)
    s0 = mentions["sentence_start"].to_numpy()
    start = mentions["start"].to_numpy()
    end = mentions["end"].to_numpy()
    if s0.dtype.kind == start.dtype.kind == end.dtype.kind == "i":  # the usual table
        texts = sentences[rows]
        ts, te = start[rows] - s0[rows], end[rows] - s0[rows]
        lengths = np.fromiter((len(t) if isinstance(t, str) else -1 for t in texts),
                              np.int64, len(texts))
        if ((ts >= 0) & (ts <= te) & (te <= lengths)).all():
            return list(zip(texts.tolist(), ts.tolist(), te.tolist()))
    out = []  # other dtypes, or a bad row: the loop names the first bad row
    for i in rows:
        text = sentences[i]
        ts, te = int(start[i] - s0[i]), int(end[i] - s0[i])
        if not isinstance(text, str) or not 0 <= ts <= te <= len(text):
            raise ValueError(
                f"{_row_name(mentions, i)}: the mention span ({int(start[i])}, {int(end[i])}) "
                f"must lie inside its sentence (sentence_start={int(s0[i])}, sentence of "
                f"length {len(text) if isinstance(text, str) else text!r}). Rebuild the table "
                "with framing.actors.find_mentions, which keeps these columns consistent."
            )
        out.append((text, ts, te))
    return out


def _window_targets(mentions, rows, articles, window_sentences):
    """Targets inside the mention's sentence widened by `window_sentences` each side."""
    from framing.text import split_sentences

    missing = [c for c in ("article_id",) if c not in mentions.columns]
    if missing:
        raise MissingColumnError(
            f"score_mentions with window_sentences > 0 needs mention column(s) {missing!r} "
            f"to find each article. Got columns {list(mentions.columns)!r}."
        )
    if not isinstance(articles, pd.DataFrame) or "article_id" not in articles.columns:
        raise MissingColumnError(
            "The 'articles' parameter of score_mentions must be the articles table "
            "(framing.corpus.load_corpus) with an 'article_id' column when "
            f"window_sentences > 0. Got {type(articles).__name__}"
            + (f" with columns {list(articles.columns)!r}." if isinstance(articles, pd.DataFrame)
               else ".")
        )
    by_id = articles.drop_duplicates("article_id").set_index("article_id")
    fields = (
        mentions["field"].to_numpy(dtype=object)
        if "field" in mentions.columns
        else np.full(len(mentions), "text", dtype=object)
    )
    ids = mentions["article_id"].to_numpy(dtype=object)
    s0 = mentions["sentence_start"].to_numpy()
    start = mentions["start"].to_numpy()
    end = mentions["end"].to_numpy()
    splits: dict[tuple[str, str], tuple[str, list, list]] = {}
    out = []
    for i in rows:
        key = (ids[i], fields[i])
        if key not in splits:
            if ids[i] not in by_id.index or fields[i] not in by_id.columns:
                raise ValueError(
                    f"{_row_name(mentions, i)}: no field {fields[i]!r} for article_id "
                    f"{ids[i]!r} in 'articles'. Pass the articles table the mentions were "
                    "found in."
                )
            text = by_id.at[ids[i], fields[i]]
            text = text if isinstance(text, str) else ""
            spans = split_sentences(text) or [(0, len(text))]
            splits[key] = (text, spans, [a for a, _ in spans])
        text, spans, span_starts = splits[key]
        if not 0 <= start[i] <= end[i] <= len(text):
            raise ValueError(
                f"{_row_name(mentions, i)}: the span ({int(start[i])}, {int(end[i])}) lies "
                f"outside field {fields[i]!r} of its article (length {len(text)}). Pass the "
                "articles table the mentions were found in."
            )
        k = max(0, bisect_right(span_starts, int(s0[i])) - 1)
        lo = min(spans[max(0, k - window_sentences)][0], int(start[i]))
        hi = max(spans[min(len(spans) - 1, k + window_sentences)][1], int(end[i]))
        out.append((text[lo:hi], int(start[i]) - lo, int(end[i]) - lo))
    return out


def score_mentions(mentions, scorer, *, articles=None, window_sentences=0):
    """Score the sentiment toward the actor in each row of a mentions table.

    Each mention becomes a target: its sentence (widened by `window_sentences`
    sentences on each side, taken from `articles`) and the mention's character span
    inside it, with the row's ``language`` for scorers that read it
    (``scorer.reads_language``, e.g. the routing scorer). Identical targets are scored once. Rows whose language the scorer
    does not support, or whose mention is ambiguous, are not scored. The scorer's
    columns are appended with ``scorer`` and ``score_status``.

    Parameters
    ----------
    mentions : pandas.DataFrame of shape (n_mentions, n_columns)
        One row per mention, as returned by :func:`framing.actors.find_mentions`.
        Required columns: ``sentence`` (str), ``sentence_start``, ``start``, ``end``
        (int, character offsets into the article field; the target inside the
        sentence is ``start - sentence_start`` to ``end - sentence_start``).
        Optional: ``language`` (ISO 639-1 code; absent = assume supported),
        ``ambiguous`` (bool), and for `window_sentences` > 0 ``article_id`` and
        ``field`` (``'title'`` or ``'text'``; absent = ``'text'``).
    scorer : BaseScorer
        A fitted scorer, e.g. ``get_scorer("textblob").fit([])``.
    articles : pandas.DataFrame of shape (n_articles, >= 2), optional
        The articles table (:func:`framing.corpus.load_corpus`) with ``article_id``
        and the field columns. Required when `window_sentences` > 0.
    window_sentences : int, default=0
        Number of sentences on each side of the mention's sentence to include.
        Unit: sentences, as split by :func:`framing.text.split_sentences`. A scorer
        reads only as much of the window as its own scope allows: use
        ``TextBlobSentimentScorer(scope='text')`` to score the whole window.

    Returns
    -------
    scored : pandas.DataFrame of shape (n_mentions, n_columns + n_score_columns + 2)
        A copy of `mentions` (same index and row order) with the scorer's columns
        appended (e.g. ``polarity`` float in [-1, 1], ``label`` str, ``subjectivity``
        float in [0, 1]), then ``scorer`` (str, the scorer's ``name``) and
        ``score_status`` (str in {'ok', 'unsupported_language', 'ambiguous'}).
        Rows that are not ``'ok'`` have NaN in numeric score columns and None in
        the others. A column of `mentions` with one of these names is replaced.

    Raises
    ------
    TypeError
        If `mentions` is not a DataFrame.
    MissingColumnError
        If a required column is absent; the message lists the missing columns.
    ValueError
        If `window_sentences` is not an int >= 0, if it is > 0 without `articles`,
        or if a mention's span does not fit its sentence or article (the message
        names the row).
    sklearn.exceptions.NotFittedError
        If `scorer` has not been fitted.

    Warns
    -----
    UserWarning
        If `window_sentences` > 0 with a scorer whose ``scope`` parameter is
        ``'clause'`` or ``'sentence'`` (the extra sentences would not be read).

    Notes
    -----
    ``score_status`` is ``'unsupported_language'`` when the row's ``language`` is
    not in ``scorer.supported_languages`` (a missing value counts as unsupported),
    else ``'ambiguous'`` when ``ambiguous`` is True, else ``'ok'``. Skipped rows are
    kept so that counts of mentions and of scored mentions can both be reported.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.scorers import get_scorer
    >>> s = "Washington praised Kyiv but condemned Moscow."
    >>> mentions = pd.DataFrame({"sentence": [s, s], "sentence_start": [0, 0],
    ...                          "start": [19, 38], "end": [23, 44],
    ...                          "language": ["en", "en"]})
    >>> scored = score_mentions(mentions, get_scorer("textblob").fit([]))
    >>> scored[["polarity", "label", "score_status"]]
       polarity     label score_status
    0       0.6  positive           ok
    1      -0.6  negative           ok
    """
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError(
            "score_mentions expects the mentions table as a pandas DataFrame "
            f"(framing.actors.find_mentions). Got {type(mentions).__name__}."
        )
    missing = [c for c in MENTION_COLUMNS if c not in mentions.columns]
    if missing:
        raise MissingColumnError(
            f"Mentions table lacks column(s) {missing!r}; score_mentions needs "
            f"{list(MENTION_COLUMNS)!r}. Got columns {list(mentions.columns)!r}; build the "
            "table with framing.actors.find_mentions."
        )
    if (
        isinstance(window_sentences, bool)
        or not isinstance(window_sentences, (int, np.integer))
        or window_sentences < 0
    ):
        raise ValueError(
            "The 'window_sentences' parameter of score_mentions must be an int >= 0. "
            f"Got {window_sentences!r} instead."
        )
    if window_sentences > 0 and articles is None:
        raise ValueError(
            f"score_mentions with window_sentences={window_sentences!r} needs the articles "
            "table to read neighbouring sentences; pass articles=load_corpus(...)."
        )
    if getattr(scorer, "requires_fit", True):
        check_is_fitted(scorer)
    if window_sentences > 0 and hasattr(scorer, "get_params"):
        scope = scorer.get_params().get("scope")
        if scope in ("clause", "sentence"):
            warnings.warn(
                f"score_mentions(window_sentences={window_sentences!r}) widens the text, but "
                f"the scorer reads only the target's {scope} (scope={scope!r}); set "
                "scope='text' to score the whole window.",
                UserWarning,
                stacklevel=2,
            )

    n = len(mentions)
    status = np.full(n, "ok", dtype=object)
    if "ambiguous" in mentions.columns:
        flags = mentions["ambiguous"]
        ambiguous = flags.to_numpy(bool) if flags.dtype == bool else np.fromiter(
            (False if pd.isna(v) else bool(v) for v in flags.to_numpy(object)), bool, n)
        status[ambiguous] = "ambiguous"
    language = (mentions["language"].astype(object).to_numpy()
                if "language" in mentions.columns else None)
    if language is not None:
        supported = set(getattr(scorer, "supported_languages", ()))
        unsupported = np.fromiter((lang not in supported for lang in language), bool, n)
        status[unsupported] = "unsupported_language"
    rows = np.flatnonzero(status == "ok")

    if window_sentences > 0:
        targets = _window_targets(mentions, rows, articles, window_sentences)
    else:
        targets = _sentence_targets(mentions, rows)
    columns = ["text", "start", "end"]
    if language is not None and getattr(scorer, "reads_language", False):  # routing scorers
        targets = [(*t, lg) for t, lg in zip(targets, language[rows])]
        columns.append("language")
    unique: dict[tuple, int] = {}
    inverse = np.fromiter((unique.setdefault(t, len(unique)) for t in targets), np.int64,
                          len(targets))
    if columns == ["text", "start", "end"] and unique:  # straight to the dtypes below
        texts, starts, ends = zip(*unique)
        table = pd.DataFrame({"text": pd.Series(texts, dtype=object),
                              "start": np.array(starts, dtype=np.int64),
                              "end": np.array(ends, dtype=np.int64)})
    else:
        table = pd.DataFrame(list(unique), columns=columns)
        table = table.astype({"text": object, "start": "int64", "end": "int64"})
    scores = scorer.score(table)
    if len(scores) != len(table):
        raise ValueError(
            f"Scorer {getattr(scorer, 'name', scorer)!r} returned {len(scores)} rows for "
            f"{len(table)} targets; a scorer must return one row per target."
        )

    out = mentions.copy()
    added = [*scores.columns, "scorer", "score_status"]
    out = out.drop(columns=[c for c in added if c in out.columns])
    for col in scores.columns:
        values = scores[col].to_numpy()[inverse] if len(rows) else scores[col].to_numpy()[:0]
        if is_numeric_dtype(scores[col].dtype) and scores[col].dtype != bool:
            full = np.full(n, np.nan)
        else:
            full = np.full(n, None, dtype=object)
        if full.dtype == object:
            values = np.array([None if v is None or v is pd.NA or v != v else v
                               for v in values], dtype=object)
        full[rows] = values
        out[col] = pd.Series(full, index=mentions.index, dtype=full.dtype)
    out["scorer"] = pd.Series(np.full(n, getattr(scorer, "name", type(scorer).__name__),
                                      dtype=object), index=mentions.index, dtype=object)
    out["score_status"] = pd.Series(status, index=mentions.index, dtype=object)
    return out
