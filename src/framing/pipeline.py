"""Selections and event files shared by the report notebooks.

:func:`select_rows` restricts an articles, mentions or statements table to outlets,
actors and a date range (with clear errors for unknown names);
:func:`load_events` reads the dated events marked on time-series figures. Scoring
a corpus and reading the result is :mod:`framing.study` (on :mod:`framing.scale`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd

__all__ = ["load_events", "select_rows"]


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
