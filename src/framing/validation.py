"""Validation against human coding: stratified samples, coding sheets, Krippendorff's alpha.

The workflow: :func:`draw_sample` picks mentions per outlet × actor × predicted label
(seeded), :func:`write_coding_sheet` writes a sheet for coders (the model's labels are kept
in a separate key file), :func:`read_coded_sheets` reads the coded sheets back (bad codes are
reported by file and row), and :func:`agreement` computes Krippendorff's alpha between the
coders and between the coders and the model, with bootstrap CIs and confusion matrices.

>>> sample = draw_sample(scored, n_per_stratum=3)                      # doctest: +SKIP
>>> write_coding_sheet(sample, "coding/sheet.csv")                     # doctest: +SKIP
>>> result = agreement(read_coded_sheets(["coding/ana.csv", "coding/ben.csv"]),
...                    key="coding/sheet.key.csv")                     # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pandas as pd

from framing.aggregate import check_ci_level, check_int, require_columns
from framing.evidence import highlight_mention
from framing.exceptions import CodingSheetError

__all__ = [
    "CODES",
    "SHEET_COLUMNS",
    "AgreementResult",
    "CodingSheetError",
    "agreement",
    "draw_sample",
    "find_key",
    "key_path",
    "read_coded_sheets",
    "read_key",
    "write_coding_sheet",
]

#: Accepted codes and their numeric value (ordinal: negative < neutral < positive).
CODES = {"negative": -1, "neutral": 0, "positive": 1, "-1": -1, "0": 0, "1": 1, "+1": 1,
         "\u22121": -1}
#: Label names by numeric code.
LABELS = {-1: "negative", 0: "neutral", 1: "positive"}
#: Columns of a coding sheet, in order. ``code`` is left empty for the coder.
SHEET_COLUMNS = ("item_id", "article_id", "outlet", "actor_id", "context", "surface", "code")
#: Columns of the key file kept beside the sheet (never shown to coders).
KEY_COLUMNS = ("item_id", "article_id", "outlet", "actor_id", "label", "polarity", "model_code",
               "n_in_stratum", "n_sampled_in_stratum")
#: Short instructions written beside every sheet (README) and into the XLSX.
INSTRUCTIONS = """\
Coding instructions (framing validation sheet)

For each row, read the sentence in 'context'. The actor mention is marked [[like this]]
('surface' repeats it). Decide how the sentence presents THAT actor (not the topic, not the
other actors, not your own view of the actor):

  negative  the actor is criticised, blamed, weakened, threatened or shown in a bad light
  neutral   the actor is only named or described factually, or the tone is mixed/unclear
  positive  the actor is praised, supported, shown as succeeding or in a good light

Write one of negative / neutral / positive (or -1 / 0 / 1) in the 'code' column. Leave the
other columns unchanged, do not reorder or delete rows, and code alone (do not discuss items
with other coders until everyone is done). Leave 'code' empty only if the sentence cannot be
understood; empty codes count as missing, not as neutral. Save as CSV (UTF-8) or XLSX under
a file name that identifies you, e.g. sheet_ana.csv.
"""
_LEVELS = ("nominal", "ordinal")


# --------------------------------------------------------------------------- sampling


def draw_sample(scored, *, n_per_stratum, strata=("outlet", "actor_id", "label"), random_state=0):
    """Draw a seeded stratified sample of scored mentions for human coding.

    Mentions without a predicted label (unscored) are left out. Within each stratum (one
    combination of the `strata` columns) up to `n_per_stratum` mentions are drawn without
    replacement; the sample is then shuffled so that the sheet order reveals nothing about
    the strata or the model's labels. The result does not depend on the row order of
    `scored`.

    Parameters
    ----------
    scored : pandas.DataFrame of shape (n_mentions, n_columns)
        Scored mentions, as returned by :func:`framing.scorers.score_mentions`. Required:
        the `strata` columns, ``article_id``, ``actor_id``, ``outlet``, ``label``;
        ``polarity``, ``start``, ``end``, ``sentence_start``, ``field``, ``surface``
        and ``sentence`` when present are used. Without ``sentence`` (a study that
        left it on disk) the sample has no ``context`` yet: add the sentences with
        :meth:`framing.study.Study.add_mention_text`; :func:`write_coding_sheet`
        then marks the mention.
    n_per_stratum : int
        Mentions per stratum (>= 1); smaller strata are taken whole.
    strata : sequence of str, default=('outlet', 'actor_id', 'label')
        Columns that define the strata.
    random_state : int, default=0
        Seed of the draw and of the shuffle.

    Returns
    -------
    sample : pandas.DataFrame of shape (n_sampled, n_columns + 5)
        The drawn rows (all columns of `scored`) plus ``item_id`` (str ``'i0001'`` …, the
        sheet order), ``context`` (sentence with ``[[mention]]``; only when `scored`
        has ``sentence`` and ``surface``), ``model_code`` (int in
        {-1, 0, 1}), ``n_in_stratum`` and ``n_sampled_in_stratum`` (int; their ratio is the
        sampling fraction, for weighting). Index 0..n-1.

    Raises
    ------
    MissingColumnError
        If a required column is absent.
    ValueError
        If `n_per_stratum` is not an int >= 1, or no labelled mention is left.

    Examples
    --------
    >>> sample = draw_sample(scored, n_per_stratum=2)  # doctest: +SKIP
    """
    func = "draw_sample"
    n_per_stratum = check_int(n_per_stratum, "n_per_stratum", func, 1)
    strata = [strata] if isinstance(strata, str) else list(strata)
    needed = [*strata, "article_id", "actor_id", "outlet", "label"]
    require_columns(scored, needed, func, what="scored mentions table")
    usable = scored["label"].isin(list(LABELS.values())) & scored[strata].notna().all(axis=1)
    if not usable.any():
        raise ValueError(
            f"{func}() found no mention with a predicted label in {sorted(LABELS.values())!r} "
            f"and all strata {strata!r} set; score the mentions first."
        )
    order = [*strata, *[c for c in ("article_id", "actor_id", "field", "start", "surface")
                        if c in scored.columns and c not in strata]]
    # sort and group the key columns only; the sampled rows are taken from `scored` at the
    # end (sorting the whole table copied every column: 0.7 GB at 1.2M mentions)
    keys = scored.loc[usable.to_numpy(), order].reset_index(drop=True)
    ranked = keys.sort_values(order, kind="mergesort").index.to_numpy()
    rows_at = np.flatnonzero(usable.to_numpy())[ranked]  # position in `scored` of each rank
    keys = keys.iloc[ranked].reset_index(drop=True)
    rng = np.random.default_rng(random_state)
    picked, sizes, taken = [], [], []
    for idx in keys.groupby(strata, sort=True).indices.values():
        k = min(n_per_stratum, len(idx))
        chosen = np.sort(rng.choice(idx, size=k, replace=False))
        picked.append(chosen)
        sizes.append(np.full(k, len(idx)))
        taken.append(np.full(k, k))
    chosen = np.concatenate(picked)
    sample = scored.iloc[rows_at[chosen]].reset_index(drop=True)
    sample["n_in_stratum"] = np.concatenate(sizes).astype("int64")
    sample["n_sampled_in_stratum"] = np.concatenate(taken).astype("int64")
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    sample.insert(0, "item_id", [f"i{i:04d}" for i in range(1, len(sample) + 1)])
    if {"sentence", "surface"} <= set(sample.columns):
        sample["context"] = highlight_mention(sample)["context"].to_numpy()
    sample["model_code"] = sample["label"].map({v: k for k, v in LABELS.items()}).astype("int64")
    return sample


def key_path(sheet_path):
    """Return the key file path that belongs to a sheet: ``<dir>/<stem>.key.csv``.

    Parameters
    ----------
    sheet_path : str or os.PathLike
        The coding sheet, e.g. ``coding/sheet.csv``.

    Returns
    -------
    path : pathlib.Path
        E.g. ``coding/sheet.key.csv``.
    """
    sheet_path = Path(sheet_path)
    return sheet_path.with_name(f"{sheet_path.stem}.key.csv")


def find_key(sheet_paths):
    """Find the key file for coded sheets: the one ``*.key.csv`` in the first sheet's folder.

    Parameters
    ----------
    sheet_paths : sequence of str or os.PathLike
        Coded sheets, e.g. ``['coding/sheet_ana.csv', 'coding/sheet_ben.csv']``.

    Returns
    -------
    path : pathlib.Path
        The key file.

    Raises
    ------
    FileNotFoundError
        If the folder holds no key file, or more than one (the message lists them).
    """
    if isinstance(sheet_paths, (str, os.PathLike)):
        sheet_paths = [sheet_paths]
    first = Path(next(iter(sheet_paths)))
    own = key_path(first)
    if own.exists():
        return own
    found = sorted(first.parent.glob("*.key.csv"))
    if len(found) != 1:
        raise FileNotFoundError(
            f"Expected exactly one key file (*.key.csv) beside {str(first)!r} to go with the "
            f"coded sheets. Got {[str(f) for f in found]!r}; pass the key file explicitly."
        )
    return found[0]


def _csv(df, path):
    df.to_csv(path, index=False, float_format="%.10g", lineterminator="\n", encoding="utf-8")


def write_coding_sheet(sample, path, *, xlsx=None):
    """Write a coding sheet (CSV, optionally XLSX), its instructions and its hidden key.

    Parameters
    ----------
    sample : pandas.DataFrame
        As returned by :func:`draw_sample`; without ``context``, it is made from
        ``sentence`` and ``surface``.
    path : str or os.PathLike
        The CSV sheet to write, e.g. ``coding/sheet.csv``; folders are created.
    xlsx : bool, optional
        Also write ``<stem>.xlsx`` (sheets ``instructions`` and ``items``). None: when
        ``openpyxl`` is installed. True without ``openpyxl`` raises ImportError.

    Returns
    -------
    paths : dict of str to pathlib.Path
        ``{"sheet": …, "key": …, "readme": …}`` and ``"xlsx"`` when written. The sheet has
        the columns :data:`SHEET_COLUMNS` (``code`` empty); the key (``<stem>.key.csv``) has
        :data:`KEY_COLUMNS`: the model's ``label``, ``polarity`` and ``model_code`` per
        ``item_id``, plus the stratum sizes. The README (``<stem>.README.txt``) holds
        :data:`INSTRUCTIONS`. CSVs are UTF-8 with ``\\n`` line ends, byte-identical on rerun.

    Raises
    ------
    MissingColumnError
        If `sample` lacks a sheet or key column.
    ImportError
        If `xlsx` is True and openpyxl is not installed.

    Notes
    -----
    The model's labels are never written to the sheet, so coders are not anchored on them;
    give the key file only to the analyst.
    """
    func = "write_coding_sheet"
    if "context" not in sample.columns and {"sentence", "surface"} <= set(sample.columns):
        sample = sample.assign(context=highlight_mention(sample)["context"].to_numpy())
    key_cols = [c for c in KEY_COLUMNS if c != "polarity" or c in sample.columns]
    require_columns(sample, [c for c in SHEET_COLUMNS if c != "code"] + key_cols, func,
                     what="sample")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet = sample[[c for c in SHEET_COLUMNS if c != "code"]].copy()
    sheet["code"] = ""
    _csv(sheet, path)
    out = {"sheet": path}
    out["key"] = key_path(path)
    _csv(sample[key_cols], out["key"])
    out["readme"] = path.with_name(f"{path.stem}.README.txt")
    out["readme"].write_text(INSTRUCTIONS, encoding="utf-8", newline="\n")
    if xlsx is None:
        try:
            import openpyxl
        except ImportError:
            xlsx = False
        else:
            xlsx = True
    if xlsx:
        try:
            import openpyxl
        except ImportError as err:
            raise ImportError(
                "Writing an XLSX coding sheet needs openpyxl; install it with "
                "'pip install openpyxl' or pass xlsx=False."
            ) from err
        book = openpyxl.Workbook()
        info = book.active
        info.title = "instructions"
        for line in INSTRUCTIONS.splitlines():
            info.append([line])
        items = book.create_sheet("items")
        items.append(list(SHEET_COLUMNS))
        for row in sheet.itertuples(index=False):
            items.append([str(v) for v in row])
        out["xlsx"] = path.with_suffix(".xlsx")
        book.save(out["xlsx"])
    return out


# --------------------------------------------------------------------------- reading back


def _read_sheet(path):
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        table = pd.read_excel(path, sheet_name="items", dtype=str, keep_default_na=False)
    else:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return table


def _parse_code(value):
    text = str(value).strip().lower()
    if text == "":
        return None
    if text in CODES:
        return CODES[text]
    try:
        number = float(text)
    except ValueError:
        raise KeyError(value) from None
    if number in (-1.0, 0.0, 1.0):
        return int(number)
    raise KeyError(value)


def read_coded_sheets(paths, *, coders=None):
    """Read one or more coded sheets into one long table of codes.

    Parameters
    ----------
    paths : str or os.PathLike or sequence of them
        Coded sheets (CSV, or XLSX with an ``items`` sheet), one per coder.
    coders : sequence of str, optional
        Coder names, one per path. Default: each file's stem (``sheet_ana.csv`` → ``sheet_ana``).

    Returns
    -------
    codes : pandas.DataFrame of shape (n_codes, 7)
        ``item_id``, ``coder``, ``code`` (Int64 in {-1, 0, 1}; <NA> when left empty),
        ``outlet``, ``actor_id`` (as in the sheet), ``file`` (str) and ``row`` (int, 1-based
        line in the file, header = 1).

    Raises
    ------
    FileNotFoundError
        If a sheet does not exist.
    CodingSheetError
        If a sheet lacks ``item_id`` or ``code``, repeats an item, two sheets share a
        coder name, or a code is not one of negative/neutral/positive or -1/0/1. Every bad
        code is listed with its file and row; none is skipped.

    Examples
    --------
    >>> codes = read_coded_sheets(["coding/sheet_ana.csv", "coding/sheet_ben.csv"])  # doctest: +SKIP
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise CodingSheetError(
            "read_coded_sheets() needs at least one coded sheet. Got an empty list; pass the "
            "CSV or XLSX files the coders returned."
        )
    names = list(coders) if coders is not None else [p.stem for p in paths]
    if len(names) != len(paths):
        raise ValueError(
            f"The 'coders' parameter of read_coded_sheets() must name one coder per path. "
            f"Got {len(names)} names for {len(paths)} paths."
        )
    if len(set(names)) != len(names):
        raise CodingSheetError(
            f"Each coded sheet must belong to a different coder. Got coder names {names!r}; "
            f"rename the files or pass coders=[...]."
        )
    frames = []
    for path, coder in zip(paths, names):
        if not path.exists():
            raise FileNotFoundError(f"Coded sheet {str(path)!r} does not exist.")
        table = _read_sheet(path)
        missing = [c for c in ("item_id", "code") if c not in table.columns]
        if missing:
            raise CodingSheetError(
                f"Coded sheet {str(path)!r} lacks column(s) {missing!r}. Got columns "
                f"{list(table.columns)!r}; keep the header written by 'framing sample'.",
                path=path,
            )
        rows = np.arange(len(table)) + 2
        dup = table["item_id"].duplicated(keep=False).to_numpy()
        if dup.any():
            raise CodingSheetError(
                f"Coded sheet {str(path)!r} repeats item_id(s) "
                f"{sorted(set(table['item_id'][dup]))!r} on rows {rows[dup].tolist()!r}; each "
                f"item must appear once.", path=path, rows=rows[dup].tolist(),
            )
        parsed, bad = [], []
        for row, value in zip(rows, table["code"]):
            try:
                parsed.append(_parse_code(value))
            except KeyError:
                parsed.append(None)
                bad.append((int(row), value))
        if bad:
            shown = "; ".join(f"row {r}: {v!r}" for r, v in bad[:20])
            more = f" (and {len(bad) - 20} more)" if len(bad) > 20 else ""
            raise CodingSheetError(
                f"Coded sheet {str(path)!r} has {len(bad)} invalid code(s): {shown}{more}. "
                f"Expected one of 'negative', 'neutral', 'positive' or -1, 0, 1 (empty = not "
                f"coded); correct these rows and read the sheet again.",
                path=path, rows=[r for r, _ in bad],
            )
        frames.append(pd.DataFrame({
            "item_id": table["item_id"].astype(str).to_numpy(),
            "coder": coder,
            "code": pd.array(parsed, dtype="Int64"),
            "outlet": table["outlet"].to_numpy() if "outlet" in table else None,
            "actor_id": table["actor_id"].to_numpy() if "actor_id" in table else None,
            "file": str(path),
            "row": rows.astype("int64"),
        }))
    return pd.concat(frames, ignore_index=True)


def read_key(path):
    """Read a key file written by :func:`write_coding_sheet`.

    Parameters
    ----------
    path : str or os.PathLike
        ``<sheet>.key.csv``.

    Returns
    -------
    key : pandas.DataFrame
        One row per item: ``item_id`` (str), ``model_code`` (int in {-1, 0, 1}), ``label``,
        ``outlet``, ``actor_id`` and the other key columns as written.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    CodingSheetError
        If ``item_id`` or ``label`` is missing, or a label is not a known label.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"Key file {str(path)!r} does not exist; it is written by 'framing sample' beside "
            f"the sheet as <sheet>.key.csv."
        )
    key = pd.read_csv(path, dtype={"item_id": str}, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("item_id", "label") if c not in key.columns]
    if missing:
        raise CodingSheetError(
            f"Key file {str(path)!r} lacks column(s) {missing!r}; use the key file written by "
            f"'framing sample'.", path=path,
        )
    codes = key["label"].map({v: k for k, v in LABELS.items()})
    bad = codes.isna().to_numpy()
    if bad.any():
        rows = (np.flatnonzero(bad) + 2).tolist()
        raise CodingSheetError(
            f"Key file {str(path)!r} has unknown label(s) "
            f"{sorted(set(key['label'][bad].astype(str)))!r} on rows {rows[:20]!r}. Expected "
            f"{sorted(LABELS.values())!r}.", path=path, rows=rows,
        )
    key["model_code"] = codes.astype("int64")
    return key


# --------------------------------------------------------------------------- agreement


@dataclasses.dataclass(frozen=True)
class AgreementResult:
    """Krippendorff's alpha values with bootstrap CIs, and confusion matrices.

    Attributes
    ----------
    alphas : pandas.DataFrame of shape (n_comparisons * n_levels, 9)
        ``comparison`` ({'coders', 'coders_and_model'}), ``level`` ({'nominal', 'ordinal'}),
        ``alpha`` (float in [-1, 1]; NaN when undefined), ``ci_low``, ``ci_high``
        (percentile bootstrap over items), ``n_items`` (items with >= 2 codes),
        ``n_coders`` (human coders), ``n_bootstrap_valid`` (resamples where alpha was
        defined), ``ci_level``.
    confusion : pandas.DataFrame
        Long table of human code × model label counts: ``by`` ({'all', 'actor_id',
        'outlet'}), ``value`` (the actor or outlet; ``'all'``), ``human``, ``model``
        (labels), ``n`` (int). Every coding counts once (an item coded by two coders
        counts twice).
    codes : pandas.DataFrame
        The reliability data in long form: ``item_id``, ``coder`` (the model is
        ``'model'``), ``code``.
    """

    alphas: pd.DataFrame
    confusion: pd.DataFrame
    codes: pd.DataFrame

    def to_dict(self):
        """Return the alphas as a JSON-ready dict ``{comparison: {level: {...}}}``."""
        out = {}
        for row in self.alphas.itertuples(index=False):
            out.setdefault(row.comparison, {})[row.level] = {
                "alpha": None if np.isnan(row.alpha) else float(row.alpha),
                "ci_low": None if np.isnan(row.ci_low) else float(row.ci_low),
                "ci_high": None if np.isnan(row.ci_high) else float(row.ci_high),
                "ci_level": float(row.ci_level),
                "n_items": int(row.n_items),
                "n_coders": int(row.n_coders),
            }
        return out

    def confusion_matrix(self, by="all", value="all"):
        """Return one confusion matrix (rows: human code, columns: model label) as a table."""
        part = self.confusion[(self.confusion["by"] == by) & (self.confusion["value"] == value)]
        labels = list(LABELS.values())
        return (part.pivot_table(index="human", columns="model", values="n", aggfunc="sum",
                                 fill_value=0)
                .reindex(index=labels, columns=labels, fill_value=0).astype("int64"))


def _alpha(matrix, level):
    import krippendorff

    try:
        return float(krippendorff.alpha(reliability_data=matrix, value_domain=[-1, 0, 1],
                                        level_of_measurement=level))
    except (ValueError, ZeroDivisionError):
        return float("nan")


def _pairable(matrix):
    return matrix[:, (~np.isnan(matrix)).sum(axis=0) >= 2]


def agreement(
    coded,
    key=None,
    *,
    level=("nominal", "ordinal"),
    n_bootstrap=1000,
    ci_level=0.95,
    random_state=0,
):
    """Compute Krippendorff's alpha between coders and between coders and the model.

    The codes are arranged as a reliability matrix (coders × items; missing codes are NaN).
    Alpha is computed for the human coders alone (``'coders'``, needs >= 2 coders) and for
    the human coders plus the model as one more coder (``'coders_and_model'``, needs a
    key). Each alpha gets a percentile bootstrap CI from resampling items with replacement.
    Confusion matrices cross every human code with the model's label, overall, per actor and
    per outlet.

    Parameters
    ----------
    coded : pandas.DataFrame
        As returned by :func:`read_coded_sheets` (``item_id``, ``coder``, ``code``).
    key : pandas.DataFrame or str or os.PathLike, optional
        The key (:func:`read_key` output or its path). Without it only ``'coders'`` alphas
        are computed and the confusion table is empty.
    level : {'nominal', 'ordinal'} or sequence of them, default=('nominal', 'ordinal')
        Levels of measurement. Ordinal treats negative < neutral < positive.
    n_bootstrap : int, default=1000
        Bootstrap resamples of the items (0 skips the CIs).
    ci_level : float, default=0.95
        Level of the CIs, in (0, 1).
    random_state : int, default=0
        Seed of the bootstrap.

    Returns
    -------
    result : AgreementResult
        ``alphas``, ``confusion`` and ``codes``; ``result.to_dict()`` for JSON.

    Raises
    ------
    MissingColumnError
        If `coded` lacks a column.
    CodingSheetError
        If a coded item is not in the key (the message lists them).
    ValueError
        If `level`, `n_bootstrap` or `ci_level` is invalid, or there is only one coder and
        no key.

    Notes
    -----
    Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    Communication, University of Pennsylvania; computed with the ``krippendorff`` package
    (Castro, https://github.com/pln-fing-udelar/fast-krippendorff) on the value domain
    (-1, 0, 1). Units coded by fewer than two coders do not enter alpha. Bootstrap: items are
    resampled with replacement (Hayes & Krippendorff, 2007, resample units too); resamples
    where alpha is undefined (a single value) are dropped and counted.

    Examples
    --------
    >>> result = agreement(read_coded_sheets(["a.csv", "b.csv"]), key="sheet.key.csv")  # doctest: +SKIP
    >>> result.to_dict()["coders"]["nominal"]["alpha"]  # doctest: +SKIP
    """
    func = "agreement"
    levels = [level] if isinstance(level, str) else list(level)
    bad = [lv for lv in levels if lv not in _LEVELS]
    if bad or not levels:
        raise ValueError(
            f"The 'level' parameter of {func}() must be 'nominal', 'ordinal' or a sequence of "
            f"them. Got {level!r} instead."
        )
    n_bootstrap = check_int(n_bootstrap, "n_bootstrap", func, 0)
    ci_level = check_ci_level(ci_level, func)
    require_columns(coded, ["item_id", "coder", "code"], func, what="coded table")
    codes = coded[["item_id", "coder", "code"]].copy()
    codes["item_id"] = codes["item_id"].astype(str)
    if key is not None and not isinstance(key, pd.DataFrame):
        key = read_key(key)
    human = sorted(codes["coder"].unique())
    if key is not None:
        key = key.assign(item_id=key["item_id"].astype(str))
        if "model_code" not in key.columns:
            key = key.assign(model_code=key["label"].map({v: k for k, v in LABELS.items()}))
        unknown = sorted(set(codes["item_id"]) - set(key["item_id"]))
        if unknown:
            raise CodingSheetError(
                f"{len(unknown)} coded item(s) are not in the key, e.g. {unknown[:10]!r}. Pass "
                f"the key file written together with these sheets (<sheet>.key.csv)."
            )
        if "model" in human:
            raise CodingSheetError(
                "A coder is named 'model', which is reserved for the model's labels; rename "
                "that sheet or pass coders=[...] to read_coded_sheets()."
            )
        coded_items = set(codes["item_id"])
        model = key[key["item_id"].isin(coded_items)]
        codes = pd.concat([codes, pd.DataFrame({
            "item_id": model["item_id"].to_numpy(), "coder": "model",
            "code": pd.array(model["model_code"].to_numpy(), dtype="Int64"),
        })], ignore_index=True)
    elif len(human) < 2:
        raise ValueError(
            f"{func}() needs two or more coders, or one coder and the key. Got coder(s) "
            f"{human!r} and no key; pass --key <sheet>.key.csv or a second coded sheet."
        )
    wide = codes.pivot(index="coder", columns="item_id", values="code")
    items = sorted(wide.columns)
    comparisons = []
    if len(human) >= 2:
        comparisons.append(("coders", human))
    if key is not None:
        comparisons.append(("coders_and_model", [*human, "model"]))
    rng = np.random.default_rng(random_state)
    records = []
    for name, who in comparisons:
        matrix = _pairable(wide.loc[who, items].astype("float64").to_numpy())
        n_items = matrix.shape[1]
        draws = (rng.integers(0, n_items, size=(n_bootstrap, n_items)) if n_items and n_bootstrap
                 else np.empty((0, n_items), dtype=int))
        for lv in levels:
            value = _alpha(matrix, lv) if n_items else float("nan")
            boot = np.array([_alpha(matrix[:, d], lv) for d in draws])
            boot = boot[~np.isnan(boot)]
            tail = (1 - ci_level) / 2 * 100
            low, high = (np.percentile(boot, [tail, 100 - tail]) if boot.size
                         else (np.nan, np.nan))
            records.append({
                "comparison": name, "level": lv, "alpha": value, "ci_low": float(low),
                "ci_high": float(high), "n_items": n_items, "n_coders": len(human),
                "n_bootstrap_valid": int(boot.size), "ci_level": ci_level,
            })
    alphas = pd.DataFrame.from_records(records)
    confusion = _confusion(coded, key) if key is not None else pd.DataFrame(
        columns=["by", "value", "human", "model", "n"])
    return AgreementResult(alphas=alphas, confusion=confusion, codes=codes)


def _confusion(coded, key):
    merged = coded.dropna(subset=["code"]).merge(
        key[["item_id", "model_code", *[c for c in ("outlet", "actor_id") if c in key]]]
        .rename(columns={"outlet": "_outlet", "actor_id": "_actor"}),
        on="item_id", how="inner",
    )
    merged["human"] = merged["code"].astype(int).map(LABELS)
    merged["model"] = merged["model_code"].astype(int).map(LABELS)
    parts = [merged.assign(by="all", value="all")]
    if "_actor" in merged:
        parts.append(merged.assign(by="actor_id", value=merged["_actor"].astype(str)))
    if "_outlet" in merged:
        parts.append(merged.assign(by="outlet", value=merged["_outlet"].astype(str)))
    table = pd.concat(parts, ignore_index=True)
    out = (table.groupby(["by", "value", "human", "model"], sort=True).size()
           .rename("n").reset_index())
    out["n"] = out["n"].astype("int64")
    return out
