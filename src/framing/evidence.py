"""The sentences behind an aggregate number: list, highlight and render the mentions of a cell.

Any cell of an outlet × actor (× period) table rests on mentions; :func:`find_evidence`
returns them with the mention highlighted and its score, :func:`evidence_html` renders
them for a notebook (HTML-escaped).

>>> table = find_evidence(scored, outlet="Kyiv Ledger", actor="zelenskyy", period="2025-03")  # doctest: +SKIP
>>> from IPython.display import HTML; HTML(evidence_html(table))  # doctest: +SKIP
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from framing.aggregate import require_columns
from framing.exceptions import UnknownActorError

__all__ = [
    "EVIDENCE_COLUMNS", "LABEL_NOTE", "evidence_html", "explore_evidence", "find_evidence", "highlight_mention",
    "read_mentions",
]

#: Columns of :func:`find_evidence` output (after the `group` column, which comes second).
EVIDENCE_COLUMNS = (
    "article_id", "published", "actor_id", "surface", "context", "polarity", "label",
    "sentence", "mention_start", "mention_end",
)
#: Markers around the mention in the ``context`` column.
OPEN, CLOSE = "[[", "]]"
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _offsets(row):
    """(start, end) of the mention inside its sentence, or (-1, -1) if it cannot be found."""
    sentence = row["sentence"] if isinstance(row["sentence"], str) else ""
    surface = row["surface"] if isinstance(row["surface"], str) else ""
    try:
        start = int(row["start"]) - int(row["sentence_start"])
        end = int(row["end"]) - int(row["sentence_start"])
        if 0 <= start < end <= len(sentence) and sentence[start:end] == surface:
            return start, end
    except (KeyError, TypeError, ValueError):
        pass
    found = sentence.find(surface) if surface else -1
    return (found, found + len(surface)) if found >= 0 else (-1, -1)


def highlight_mention(mentions, *, open_mark=OPEN, close_mark=CLOSE):
    """Return each mention's sentence with the mention wrapped in markers.

    Parameters
    ----------
    mentions : pandas.DataFrame of shape (n_mentions, >= 2)
        Columns ``sentence`` and ``surface``; ``start``, ``end``, ``sentence_start`` (offsets
        into the field, as in :func:`framing.actors.find_mentions`) locate the mention
        exactly; without them the first occurrence of ``surface`` is marked.
    open_mark, close_mark : str, default='[[', ']]'
        Markers put around the mention.

    Returns
    -------
    context : pandas.DataFrame of shape (n_mentions, 3)
        ``context`` (str, e.g. ``'Aides of [[Zelenskyy]] said …'``), ``mention_start`` and
        ``mention_end`` (int character offsets of the mention in ``sentence``; -1 when the
        surface is not in the sentence, in which case the context is the sentence followed
        by `` [[surface]]``). Same index as `mentions`.

    Raises
    ------
    MissingColumnError
        If ``sentence`` or ``surface`` is absent.

    Examples
    --------
    >>> df = pd.DataFrame({"sentence": ["Kyiv said no."], "surface": ["Kyiv"]})
    >>> highlight_mention(df)["context"].iloc[0]
    '[[Kyiv]] said no.'
    """
    require_columns(mentions, ["sentence", "surface"], "highlight_mention", what="mentions table")
    contexts, starts, ends = [], [], []
    for _, row in mentions.iterrows():
        start, end = _offsets(row)
        sentence = row["sentence"] if isinstance(row["sentence"], str) else ""
        if start < 0:
            contexts.append(f"{sentence} {open_mark}{row['surface']}{close_mark}".strip())
        else:
            contexts.append(
                sentence[:start] + open_mark + sentence[start:end] + close_mark + sentence[end:]
            )
        starts.append(start)
        ends.append(end)
    return pd.DataFrame(
        {"context": contexts, "mention_start": np.asarray(starts, dtype="int64"),
         "mention_end": np.asarray(ends, dtype="int64")},
        index=mentions.index,
    )


def _period_mask(published, period, func):
    """Boolean mask of rows whose UTC publication time falls in `period`."""
    ts = pd.to_datetime(published, utc=True)
    text = str(period).strip()
    if isinstance(period, pd.Timestamp):
        text = period.strftime("%Y-%m-%d")
    if _MONTH.match(text):
        start = pd.Timestamp(text + "-01", tz="UTC")
        end = start + pd.offsets.MonthBegin(1)
    elif (week := _WEEK.match(text)) is not None:
        start = pd.Timestamp.fromisocalendar(int(week[1]), int(week[2]), 1).tz_localize("UTC")
        end = start + pd.Timedelta(days=7)
    elif _DAY.match(text):
        start = pd.Timestamp(text, tz="UTC")
        end = start + pd.Timedelta(days=1)
    else:
        raise ValueError(
            f"The 'period' parameter of {func}() must be a month 'YYYY-MM', an ISO week "
            f"'YYYY-Www' or a day 'YYYY-MM-DD'. Got {period!r} instead; for the week starting "
            f"Monday 2025-03-03 pass '2025-W10'."
        )
    return (ts >= start) & (ts < end)


def _select(table, column, wanted, func, what, error=ValueError):
    if wanted is None:
        return pd.Series(True, index=table.index)
    present = sorted(table[column].dropna().astype(str).unique())
    if str(wanted) not in present:
        shown = ", ".join(repr(p) for p in present[:12]) + (" …" if len(present) > 12 else "")
        raise error(
            f"Unknown {what} {wanted!r} passed to {func}(). Known values of {column!r}: "
            f"{shown} ({len(present)} total); check the spelling."
        )
    return table[column].astype(str) == str(wanted)


def find_evidence(scored, *, outlet=None, actor=None, period=None, group="outlet", value="polarity"):
    """List the mentions behind one aggregate cell, with the mention highlighted and its score.

    Selects the mentions of `actor` in `outlet` (matched against the `group` column, so a
    leaning or country works too) published in `period`, and returns them sorted by
    publication time, article and position, so that a reader can check what a number rests
    on. Rows without a score are kept (their ``polarity`` is NaN) so that nothing behind a
    cell is hidden.

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        Scored mentions (e.g. :func:`read_mentions` of a report folder). Required columns:
        `group`, ``actor_id``, ``article_id``, ``sentence``, ``surface``; ``published`` when
        `period` is given; `value` and ``label`` are copied when present.
    outlet : str, optional
        Value of the `group` column; None keeps every group.
    actor : str, optional
        Actor id; None keeps every actor.
    period : str or pandas.Timestamp, optional
        ``'YYYY-MM'`` (a month), ``'YYYY-Www'`` (an ISO week, as the ``period='week'`` rows of
        :func:`framing.aggregate.aggregate_scores` start on its Monday) or ``'YYYY-MM-DD'``
        (one day), in UTC. None keeps all dates.
    group : str, default='outlet'
        Column that `outlet` is matched against.
    value : str, default='polarity'
        Score column reported as ``polarity``.

    Returns
    -------
    evidence : pandas.DataFrame of shape (n_selected, 11)
        `group`, ``article_id``, ``published``, ``actor_id``, ``surface``, ``context`` (the
        sentence with ``[[mention]]``), ``polarity`` (float in [-1, 1] or NaN), ``label``
        (str or None), ``sentence``, ``mention_start``, ``mention_end`` (offsets in
        ``sentence``). Index 0..n-1.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    UnknownActorError
        If `actor` does not occur in the table; the message lists the ids that do.
    ValueError
        If `outlet` does not occur in the `group` column, or `period` has another format.

    Examples
    --------
    >>> ev = find_evidence(scored, outlet="Kyiv Ledger", actor="zelenskyy", period="2025-03")  # doctest: +SKIP
    >>> ev[["context", "polarity"]].head()  # doctest: +SKIP
    """
    func = "find_evidence"
    needed = [group, "actor_id", "article_id", "sentence", "surface"]
    if period is not None:
        needed.append("published")
    require_columns(scored, needed, func, what="scored mentions table")
    mask = _select(scored, group, outlet, func, f"{group} value")
    mask &= _select(scored, "actor_id", actor, func, "actor id", error=UnknownActorError)
    if period is not None:
        mask &= _period_mask(scored["published"], period, func).to_numpy()
    rows = scored.loc[mask]
    sort_cols = [c for c in ("published", "article_id", "field", "start") if c in rows.columns]
    rows = rows.sort_values(sort_cols, kind="mergesort", na_position="last")
    marked = highlight_mention(rows)
    out = pd.DataFrame({
        group: rows[group].to_numpy(),
        "article_id": rows["article_id"].to_numpy(),
        "published": rows["published"].to_numpy() if "published" in rows else pd.NaT,
        "actor_id": rows["actor_id"].to_numpy(),
        "surface": rows["surface"].to_numpy(),
        "context": marked["context"].to_numpy(),
        "polarity": rows[value].to_numpy(dtype=float) if value in rows else np.nan,
        "label": rows["label"].to_numpy() if "label" in rows else None,
        "sentence": rows["sentence"].to_numpy(),
        "mention_start": marked["mention_start"].to_numpy(),
        "mention_end": marked["mention_end"].to_numpy(),
    })
    if "published" in rows and isinstance(rows["published"].dtype, pd.DatetimeTZDtype):
        out["published"] = out["published"].astype(rows["published"].dtype)
    return out


def evidence_html(table, *, max_rows=200):
    """Render an evidence table as an HTML table with the mention in ``<mark>``, escaped.

    Every text from the corpus is passed through :func:`html.escape`, so article text
    cannot inject markup into the notebook.

    Parameters
    ----------
    table : pandas.DataFrame
        As returned by :func:`find_evidence` (needs ``sentence``, ``mention_start``,
        ``mention_end``; ``article_id``, ``published``, ``polarity``, ``label`` and the group
        column are shown when present).
    max_rows : int, default=200
        Render at most this many rows; a final line says how many were left out.

    Returns
    -------
    html : str
        A ``<table class="framing-evidence">`` fragment; display it with
        ``IPython.display.HTML``.

    Raises
    ------
    MissingColumnError
        If ``sentence``, ``mention_start`` or ``mention_end`` is absent.

    Examples
    --------
    >>> t = pd.DataFrame({"sentence": ["<b>Kyiv</b> said"], "mention_start": [3],
    ...                   "mention_end": [7]})
    >>> evidence_html(t).count("<mark>Kyiv</mark>")
    1
    """
    require_columns(table, ["sentence", "mention_start", "mention_end"], "evidence_html",
                     what="evidence table")
    shown = [c for c in table.columns if c not in (
        "sentence", "mention_start", "mention_end", "context", "surface")]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [*shown, "sentence"])
    lines = [f'<table class="framing-evidence"><thead><tr>{head}</tr></thead><tbody>']
    for _, row in table.head(max_rows).iterrows():
        cells = []
        for c in shown:
            v = row[c]
            if isinstance(v, float):
                text = "" if np.isnan(v) else f"{v:+.3f}".replace("-", "\u2212")
            elif v is None or v is pd.NaT:
                text = ""
            else:
                text = str(v)
            cells.append(f"<td>{html.escape(text)}</td>")
        sentence = str(row["sentence"])
        start, end = int(row["mention_start"]), int(row["mention_end"])
        if 0 <= start < end <= len(sentence):
            body = (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end])
                    + "</mark>" + html.escape(sentence[end:]))
        else:
            body = html.escape(sentence)
        cells.append(f"<td>{body}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    if len(table) > max_rows:
        lines.append(f"<p>{len(table) - max_rows} more rows not shown (max_rows={max_rows}).</p>")
    return "\n".join(lines)


def read_mentions(path):
    """Read a scored mentions table from a Parquet file, a dataset or a report folder.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.parquet`` file, a dataset written by ``framing score`` (a folder holding
        ``_manifest.sqlite``) or a report folder whose ``data/`` is such a dataset
        (as written by ``framing report``).

    Returns
    -------
    mentions : pandas.DataFrame
        The scored mentions table (see :func:`framing.scale.read_mentions`), in
        corpus order.

    Raises
    ------
    FileNotFoundError
        If no mentions table is found; the message lists the places looked at.
    """
    from pathlib import Path

    from framing.scale import read_mentions as read_dataset

    path = Path(path)
    if path.is_file():
        return pd.read_parquet(path)
    candidates = [path, path / "data"]
    for candidate in candidates:
        if (candidate / "_manifest.sqlite").is_file():
            return read_dataset(candidate)
    raise FileNotFoundError(
        f"No scored mentions at {str(path)!r}: looked for a dataset (_manifest.sqlite) in "
        f"{[str(c) for c in candidates]!r}. Pass a mentions .parquet file, a dataset written "
        f"by 'framing score' or a report folder written by 'framing report'."
    )


#: One line under the evidence picker: what the two score columns mean.
LABEL_NOTE = (
    "polarity: the model's score toward the actor, in [-1, 1] (p_positive - p_negative); "
    "label: the most probable class, so a mention can be 'neutral' with polarity +0.3 "
    "(neutral most probable, positive second)."
)


def explore_evidence(scored, *, group="outlet", value="polarity", page_size=25, default=None):
    """Show pickers that list the evidence behind each outlet × actor (× month) cell.

    An interactive view for exploring in JupyterLab, not for reports: papermill runs of
    the bundled notebooks pass ``interactive=False`` and never call it. Pickers: the
    `group` value, the actor, the month (or all), the page size and the page; one line
    explains polarity vs label.

    Parameters
    ----------
    scored : pandas.DataFrame
        Scored mentions, as for :func:`find_evidence`.
    group : str, default='outlet'
        Column offered in the first picker (``outlet`` or an outlet-map group column).
    value : str, default='polarity'
        Score column shown beside each sentence.
    page_size : int, default=25
        Rows per page at first (the picker offers 10, 25, 50, 100, 200).
    default : tuple of (str, str), optional
        ``(group value, actor id)`` selected at first, e.g. a cell drawn in a figure.
        Default: the cell with the most scored mentions.

    Returns
    -------
    widget : ipywidgets.Widget
        The picker box with its output area (displayed by Jupyter when returned).

    Raises
    ------
    ImportError
        If ipywidgets is not installed; the message gives the install command.
    """
    try:
        import ipywidgets as widgets
    except ImportError as err:  # pragma: no cover - ipywidgets is a core dependency
        raise ImportError(
            "explore_evidence needs ipywidgets: pip install 'ipywidgets>=8.1'."
        ) from err
    from IPython.display import HTML, display

    groups = sorted(map(str, scored[group].dropna().unique()))
    actors = sorted(map(str, scored["actor_id"].dropna().unique()))
    if default is None and len(scored):
        has = scored[value].notna() if value in scored.columns else pd.Series(True, scored.index)
        sizes = scored[has].groupby([group, "actor_id"], observed=True).size()
        default = tuple(map(str, sizes.idxmax())) if len(sizes) else None
    months = ["all"]
    if "published" in scored.columns:
        dates = pd.to_datetime(scored["published"], utc=True).dropna()
        months += sorted({f"{d.year:04d}-{d.month:02d}" for d in dates})
    pick_group = widgets.Dropdown(options=groups, description=group,
                                  value=default[0] if default and default[0] in groups else None)
    pick_actor = widgets.Dropdown(options=actors, description="actor",
                                  value=default[1] if default and default[1] in actors else None)
    pick_period = widgets.Dropdown(options=months, value="all", description="month")
    sizes_ = sorted({10, 25, 50, 100, 200, int(page_size)})
    pick_size = widgets.Dropdown(options=sizes_, value=int(page_size), description="rows")
    pick_page = widgets.BoundedIntText(value=1, min=1, max=1, description="page")
    status = widgets.HTML()
    output = widgets.Output()
    state = {"table": None}

    def select(_change=None):
        state["table"] = find_evidence(
            scored, outlet=pick_group.value, actor=pick_actor.value, group=group,
            period=None if pick_period.value == "all" else pick_period.value, value=value,
        )
        n_pages = max(1, -(-len(state["table"]) // pick_size.value))
        pick_page.max = n_pages
        if pick_page.value != 1:
            pick_page.value = 1  # triggers show()
        else:
            show()

    def show(_change=None):
        table = state["table"]
        size, page = pick_size.value, pick_page.value
        first = (page - 1) * size
        status.value = (f"{len(table)} mentions; rows {min(first + 1, len(table))}–"
                        f"{min(first + size, len(table))} (page {page} of {pick_page.max}). "
                        f"<br><small>{html.escape(LABEL_NOTE)}</small>")
        output.clear_output()
        with output:
            display(HTML(evidence_html(table.iloc[first:first + size], max_rows=size)))

    for picker in (pick_group, pick_actor, pick_period, pick_size):
        picker.observe(select, names="value")
    pick_page.observe(show, names="value")
    select()
    return widgets.VBox([widgets.HBox([pick_group, pick_actor, pick_period]),
                         widgets.HBox([pick_size, pick_page]), status, output])
