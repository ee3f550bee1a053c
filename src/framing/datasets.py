"""Readers for gold-labelled target-sentiment datasets (evaluation and training data).

Every reader returns a *gold table*: one row per labelled target, with the target's
character span inside its text, a label in ``framing.scorers.LABELS`` and the
provenance of the record. Records with a bad or missing label are never dropped
silently: they go into a rejections table and a ``UserWarning`` is issued.

>>> from framing.datasets import load_gold
>>> gold = load_gold("newsmtsc/dev_rw.jsonl", format="newsmtsc")  # doctest: +SKIP
>>> gold[["target", "label"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import json
import re
import warnings
from pathlib import Path

import pandas as pd

from framing.exceptions import CorpusFormatError, MissingColumnError
from framing.scorers.base import LABELS

#: Columns of every gold table, in order (readers may append extra columns after these).
GOLD_COLUMNS = ("text", "start", "end", "label", "target", "source_file", "source_line")
#: Columns of a rejections table.
REJECTION_COLUMNS = ("file", "line", "reason", "detail")
#: Formats understood by :func:`load_gold`.
GOLD_FORMATS = ("newsmtsc", "basil", "basil-article", "dse", "mentions-csv", "rusentne")
#: Header of a RuSentNE-2023 file (tab-separated), in order.
RUSENTNE_COLUMNS = (
    "sentence",
    "entity",
    "entity_tag",
    "entity_pos_start_rel",
    "entity_pos_end_rel",
    "label",
)

_NEWSMTSC_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_SHORT_LABELS = {
    "neg": "negative",
    "negative": "negative",
    "-1": "negative",
    "neu": "neutral",
    "neutral": "neutral",
    "0": "neutral",
    "pos": "positive",
    "positive": "positive",
    "1": "positive",
    "+1": "positive",
}
# DSE (Park et al., 2021): 0 neutral, 1 p positive toward q, 2 q positive toward p,
# 3 p negative toward q, 4 q negative toward p.  Value: (label, target is 'p' or 'q').
_DSE_LABELS = {
    "0": ("neutral", "q"),
    "1": ("positive", "q"),
    "2": ("positive", "p"),
    "3": ("negative", "q"),
    "4": ("negative", "p"),
}


class _Collector:
    """Accumulate gold rows and rejections for one file."""

    def __init__(self, path):
        self.path = str(path)
        self.rows = []
        self.rejections = []

    def add(self, text, start, end, label, line, **extra):
        self.rows.append(
            {
                "text": text,
                "start": int(start),
                "end": int(end),
                "label": label,
                "target": text[start:end],
                "source_file": self.path,
                "source_line": int(line),
                **extra,
            }
        )

    def reject(self, line, reason, detail):
        self.rejections.append(
            {"file": self.path, "line": int(line), "reason": reason, "detail": detail}
        )


def load_gold(path, *, format="auto", return_rejections=False, encoding="utf-8"):
    """Read a labelled dataset into a gold table of targets and labels.

    Each labelled target becomes one row holding the full text (usually a
    sentence), the character span of the target inside it and its label,
    collapsed to three classes. Records whose label is missing or unknown are
    reported in the rejections table (and in a ``UserWarning`` that names the
    file and first lines); they are never skipped silently.

    Parameters
    ----------
    path : str or os.PathLike
        The dataset file.
    format : {'auto', 'newsmtsc', 'basil', 'basil-article', 'dse', 'mentions-csv', 'rusentne'}, default='auto'
        ``'auto'`` picks ``'newsmtsc'`` for ``.jsonl`` files whose first record has
        ``targets``, ``'basil'`` for other ``.jsonl``, ``'rusentne'`` for a ``.csv`` or
        ``.tsv`` file whose first line is the RuSentNE header, ``'dse'`` for other
        ``.txt``/``.tsv`` and ``'mentions-csv'`` for other ``.csv``. See Notes for what
        each format yields.
    return_rejections : bool, default=False
        Also return the rejections table.
    encoding : str, default='utf-8'
        Text encoding of the file.

    Returns
    -------
    gold : pandas.DataFrame of shape (n_targets, >= 7)
        Columns ``text`` (str), ``start``, ``end`` (int, ``text[start:end] == target``),
        ``label`` (str in {'negative', 'neutral', 'positive'}), ``target`` (str),
        ``source_file`` (str), ``source_line`` (int, 1-based line of the record);
        format-specific extra columns follow (see Notes). Index ``0..n-1``.
    rejections : pandas.DataFrame of shape (n_rejected, 4)
        Only with ``return_rejections=True``. Columns ``file``, ``line`` (1-based),
        ``reason`` (short code such as ``'bad_label'``), ``detail`` (sentence).

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    ValueError
        If `format` is not one of the formats above.
    CorpusFormatError
        If a record cannot be parsed at all (invalid JSON, wrong number of TSV
        fields); the message names the file and line.
    MissingColumnError
        If a ``mentions-csv`` file lacks ``text``/``label`` or both span columns
        and a ``target`` column, or a ``rusentne`` file lacks a column of
        :data:`RUSENTNE_COLUMNS`.

    Warns
    -----
    UserWarning
        If any record was rejected; the message gives the count and the first lines.

    Notes
    -----
    - ``newsmtsc`` (Hamborg & Donnay, EACL 2021): one row per target; ``from``/``to``
      give the span; polarity 2.0/4.0/6.0 → negative/neutral/positive. Extra columns:
      ``sentence_id`` (``primary_gid``).
    - ``basil`` (Fan et al., EMNLP 2019): one row per annotated phrase. The annotated
      phrase is the *evidence*, not the target: the target entity (e.g. ``Donald_Trump``)
      is located in the sentence by its full name, else its last name, else any name part
      of ≥ 3 letters (first occurrence, case-sensitive). When no name is found (pronoun
      mentions, "the president") the annotated phrase itself is used as the target span
      and ``target_found`` is False. BASIL has no neutral phrases, so labels are
      negative/positive only. Extra columns: ``entity``, ``span_start``, ``span_end``,
      ``target_found``, ``aim``, ``bias``, ``article_id``.
    - ``basil-article``: the article-level task. One row per main entity with an
      ``author_feeling_<Entity>`` label; ``text`` is the title plus the body (paragraphs
      joined by newlines) and the span is the first occurrence of the entity name (full,
      else last name); articles with no occurrence keep the whole text as the span and
      ``target_found`` False. Extra columns: ``entity``, ``target_found``, ``article_id``.
    - ``dse`` (Park et al., ACL 2021): brackets are removed from the sentence. The target
      is the entity that *receives* the sentiment: q for labels 1 (p positive toward q)
      and 3 (p negative toward q), p for 2 and 4; for label 0 (neutral) the target is q.
      Extra columns: ``holder`` (the other entity), ``dse_label`` (int 0–4).
    - ``mentions-csv`` (our hand-coded files): columns ``text``, ``label`` and either
      ``start``/``end`` or ``target`` (the first occurrence of the target string is
      used). Labels may be ``negative``/``neutral``/``positive``, ``neg``/``neu``/``pos``
      or ``-1``/``0``/``1``. Other columns are kept.
    - ``rusentne`` (Golubev, Rusnachenko & Loukachevitch, Dialogue 2023): tab-separated
      with the header :data:`RUSENTNE_COLUMNS`; one row per marked entity;
      ``entity_pos_start_rel``/``entity_pos_end_rel`` give the span (a row whose span
      does not hold ``entity`` is rejected as ``bad_span``); label -1/0/1 →
      negative/neutral/positive. Extra columns: ``entity_tag`` (PERSON, ORGANIZATION,
      PROFESSION, COUNTRY, NATIONALITY) and ``language`` (``'ru'``). Its official metric
      is F1_PN (see :func:`framing.evaluate.evaluate`).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Gold file {str(path)!r} does not exist; check the path.")
    if format == "auto":
        format = _detect_format(path, encoding)
    readers = {
        "newsmtsc": _read_newsmtsc,
        "basil": _read_basil,
        "basil-article": _read_basil_article,
        "dse": _read_dse,
        "mentions-csv": _read_mentions_csv,
        "rusentne": _read_rusentne,
    }
    if format not in readers:
        raise ValueError(
            f"The 'format' parameter of load_gold must be one of {('auto',) + GOLD_FORMATS!r}. "
            f"Got {format!r} instead."
        )
    col = _Collector(path)
    readers[format](path, col, encoding)
    gold = pd.DataFrame(col.rows)
    if gold.empty:
        gold = pd.DataFrame(columns=list(GOLD_COLUMNS))
    gold = gold.astype({"start": "int64", "end": "int64", "source_line": "int64"})
    rejections = pd.DataFrame(col.rejections, columns=list(REJECTION_COLUMNS))
    if len(rejections):
        first = ", ".join(
            f"line {r.line} ({r.reason})" for r in rejections.head(5).itertuples(index=False)
        )
        warnings.warn(
            f"Gold file {str(path)!r}: rejected {len(rejections)} record(s) with a bad or "
            f"missing label or span: {first}{', ...' if len(rejections) > 5 else ''}. "
            "Use return_rejections=True to see them all and fix the file.",
            UserWarning,
            stacklevel=2,
        )
    if return_rejections:
        return gold, rejections
    return gold


def _detect_format(path, encoding):
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        with open(path, encoding=encoding, newline="") as fh:
            header = fh.readline().rstrip("\r\n").split("\t")
        if tuple(h.strip() for h in header) == RUSENTNE_COLUMNS:
            return "rusentne"
    if suffix == ".csv":
        return "mentions-csv"
    if suffix in (".txt", ".tsv"):
        return "dse"
    if suffix in (".jsonl", ".json"):
        with open(path, encoding=encoding) as fh:
            for line in fh:
                if line.strip():
                    try:
                        first = json.loads(line)
                    except json.JSONDecodeError:
                        break
                    return "newsmtsc" if "targets" in first else "basil"
    raise ValueError(
        f"Cannot detect the format of {str(path)!r} from its name; pass format= one of "
        f"{GOLD_FORMATS!r}."
    )


def _json_lines(path, encoding):
    with open(path, encoding=encoding) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusFormatError(
                    f"Gold file {str(path)!r} line {lineno}: expected one JSON object per "
                    f"line. Got {line[:60]!r} ({err.msg}); fix or remove the line.",
                    path=path,
                    line=lineno,
                ) from err


def _read_newsmtsc(path, col, encoding):
    for lineno, rec in _json_lines(path, encoding):
        text = rec.get("sentence_normalized")
        targets = rec.get("targets")
        if not isinstance(text, str) or not isinstance(targets, list):
            col.reject(
                lineno,
                "bad_record",
                "Expected 'sentence_normalized' (str) and 'targets' (list); got keys "
                f"{sorted(rec)!r}.",
            )
            continue
        for t in targets:
            pol = t.get("polarity")
            try:
                label = _NEWSMTSC_LABELS.get(float(pol))
            except (TypeError, ValueError):
                label = None
            if label is None:
                col.reject(
                    lineno,
                    "bad_label" if pol is not None else "missing_label",
                    f"Target {t.get('mention')!r}: 'polarity' must be 2.0, 4.0 or 6.0. "
                    f"Got {pol!r}.",
                )
                continue
            start, end = t.get("from"), t.get("to")
            if (
                not isinstance(start, int)
                or not isinstance(end, int)
                or not 0 <= start <= end <= len(text)
            ):
                col.reject(
                    lineno,
                    "bad_span",
                    f"Target {t.get('mention')!r}: 'from'/'to' must be offsets in the "
                    f"sentence. Got {start!r}, {end!r}.",
                )
                continue
            col.add(text, start, end, label, lineno, sentence_id=rec.get("primary_gid", ""))


def _find_entity(text, entity):
    """Return the (start, end) span of an entity name in text, or None."""
    name = entity.replace("_", " ").strip()
    parts = [p for p in name.split() if len(p) >= 3]
    candidates = [name] + ([parts[-1]] if parts else []) + parts[:-1]
    for cand in candidates:
        m = re.search(r"(?<!\w)" + re.escape(cand) + r"(?!\w)", text)
        if m:
            return m.start(), m.end()
    return None


def _basil_label(value):
    return _SHORT_LABELS.get(str(value).strip().lower()) if value is not None else None


def _read_basil(path, col, encoding):
    for lineno, rec in _json_lines(path, encoding):
        sentences = [s for para in rec.get("body-paragraphs", []) for s in para]
        article_id = rec.get("article_key") or rec.get("uuid", "")
        for ann in rec.get("phrase-level-annotations", []):
            sid = ann.get("id", "")
            if sid == "title":
                text = rec.get("title", "")
            elif re.fullmatch(r"p\d+", str(sid)) and int(sid[1:]) < len(sentences):
                text = sentences[int(sid[1:])]
            else:
                col.reject(lineno, "bad_span", f"Annotation id {sid!r} names no sentence.")
                continue
            label = _basil_label(ann.get("polarity"))
            if label is None:
                col.reject(
                    lineno,
                    "bad_label" if ann.get("polarity") not in (None, "") else "missing_label",
                    f"Annotation {sid!r} ({ann.get('txt', '')[:40]!r}): 'polarity' must be "
                    f"'pos' or 'neg'. Got {ann.get('polarity')!r}.",
                )
                continue
            s0, s1 = ann.get("start"), ann.get("end")
            if not isinstance(s0, int) or not isinstance(s1, int) or not 0 <= s0 <= s1 <= len(text):
                col.reject(lineno, "bad_span", f"Annotation {sid!r}: span {s0!r}, {s1!r}.")
                continue
            entity = str(ann.get("target", ""))
            found = _find_entity(text, entity) if entity else None
            start, end = found if found else (s0, s1)
            col.add(
                text,
                start,
                end,
                label,
                lineno,
                entity=entity,
                span_start=s0,
                span_end=s1,
                target_found=found is not None,
                aim=ann.get("aim", ""),
                bias=ann.get("bias", ""),
                article_id=article_id,
            )


def _read_basil_article(path, col, encoding):
    for lineno, rec in _json_lines(path, encoding):
        paragraphs = [" ".join(p) for p in rec.get("body-paragraphs", [])]
        text = "\n".join([rec.get("title", "")] + paragraphs)
        article_id = rec.get("article_key") or rec.get("uuid", "")
        ann = rec.get("article-level-annotations", {}) or {}
        entities = rec.get("main-entities", []) or []
        for entity in entities:
            key = "author_feeling_" + entity.replace(" ", "_")
            value = ann.get(key)
            label = _basil_label(value)
            if label is None:
                col.reject(
                    lineno,
                    "bad_label" if value not in (None, "") else "missing_label",
                    f"Entity {entity!r}: {key!r} must be 'pos', 'neu' or 'neg'. Got {value!r}.",
                )
                continue
            found = _find_entity(text, entity)
            start, end = found if found else (0, len(text))
            col.add(
                text,
                start,
                end,
                label,
                lineno,
                entity=entity,
                target_found=found is not None,
                article_id=article_id,
            )


def _tsv_records(reader, path):
    """Yield ``(line, fields)`` of a csv reader's non-blank records; parse errors name the line."""
    while True:
        lineno = reader.line_num + 1  # physical line where the record starts
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise CorpusFormatError(
                f"Gold file {str(path)!r} line {lineno}: cannot parse the TSV record "
                f"({err}); check its quoting.",
                path=path,
                line=lineno,
            ) from err
        if fields and any(f.strip() for f in fields):
            yield lineno, fields


def _read_dse(path, col, encoding):
    # Fields are CSV-quoted when they contain quotes ("a ""quoted"" word"), so use csv.
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quotechar='"')
        for lineno, fields in _tsv_records(reader, path):
            if len(fields) != 4:
                raise CorpusFormatError(
                    f"Gold file {str(path)!r} line {lineno}: expected 4 tab-separated fields "
                    f"(sentence, entity p, entity q, label). Got {len(fields)}: {fields[:4]!r}.",
                    path=path,
                    line=lineno,
                )
            marked, p, q, raw = fields
            entry = _DSE_LABELS.get(raw.strip())
            if entry is None:
                col.reject(
                    lineno,
                    "bad_label" if raw.strip() else "missing_label",
                    f"Label must be an integer 0-4. Got {raw!r}.",
                )
                continue
            label, which = entry
            # Brackets delimit the two entities, in order; remove them and record spans.
            spans, text, pos = [], [], 0
            for m in re.finditer(r"\[([^\[\]]*)\]", marked):
                text.append(marked[pos : m.start()])
                start = sum(map(len, text))
                inner = m.group(1)
                text.append(inner)
                lead = len(inner) - len(inner.lstrip())  # spans exclude padding spaces
                name = inner.strip()
                spans.append((start + lead, start + lead + len(name), name))
                pos = m.end()
            text.append(marked[pos:])
            text = "".join(text)
            by_name = {name: (s, e) for s, e, name in spans}
            p, q = p.strip(), q.strip()
            if p not in by_name or q not in by_name:
                col.reject(
                    lineno,
                    "bad_span",
                    f"Entities {p!r} and {q!r} must both appear in [ ] in the sentence. "
                    f"Got bracketed {[name for _, _, name in spans]!r}.",
                )
                continue
            start, end = by_name[q] if which == "q" else by_name[p]
            col.add(
                text, start, end, label, lineno, holder=p if which == "q" else q, dse_label=int(raw)
            )


def _read_mentions_csv(path, col, encoding):
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        has_span = "start" in fields and "end" in fields
        missing = [c for c in ("text", "label") if c not in fields]
        if missing or not (has_span or "target" in fields):
            raise MissingColumnError(
                f"Mentions CSV {str(path)!r} needs columns 'text', 'label' and either "
                f"'start'/'end' or 'target'. Got columns {fields!r}."
            )
        for row in reader:
            lineno = reader.line_num  # physical line where the record ends (1-based)
            text = row.get("text") or ""
            raw = row.get("label")
            label = _SHORT_LABELS.get(str(raw).strip().lower()) if raw is not None else None
            if label is None:
                col.reject(
                    lineno,
                    "bad_label" if raw not in (None, "") else "missing_label",
                    f"Label must be one of {LABELS!r} (or neg/neu/pos, -1/0/1). Got {raw!r}.",
                )
                continue
            extra = {k: v for k, v in row.items() if k not in GOLD_COLUMNS and k is not None}
            if has_span and str(row.get("start", "")).strip() != "":
                try:
                    start, end = int(row["start"]), int(row["end"])
                except ValueError:
                    start = end = -1
                if not 0 <= start <= end <= len(text):
                    col.reject(
                        lineno,
                        "bad_span",
                        f"'start'/'end' must be offsets in the text (length {len(text)}). "
                        f"Got {row.get('start')!r}, {row.get('end')!r}.",
                    )
                    continue
            else:
                target = row.get("target") or ""
                start = text.find(target) if target else -1
                if start < 0:
                    col.reject(
                        lineno,
                        "bad_span",
                        f"Target {target!r} does not occur in the text {text[:60]!r}.",
                    )
                    continue
                end = start + len(target)
            col.add(text, start, end, label, lineno, **extra)


def _read_rusentne(path, col, encoding):
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = tuple(h.strip() for h in next(reader, []))
        missing = [c for c in RUSENTNE_COLUMNS if c not in header]
        if missing:
            raise MissingColumnError(
                f"RuSentNE file {str(path)!r} lacks column(s) {missing!r}; its tab-separated "
                f"header must hold {list(RUSENTNE_COLUMNS)!r}. Got {list(header)!r}."
            )
        at = {c: header.index(c) for c in RUSENTNE_COLUMNS}
        for lineno, fields in _tsv_records(reader, path):
            if len(fields) != len(header):
                raise CorpusFormatError(
                    f"Gold file {str(path)!r} line {lineno}: expected {len(header)} "
                    f"tab-separated fields ({', '.join(header)}). Got {len(fields)}: "
                    f"{fields[:3]!r}.",
                    path=path,
                    line=lineno,
                )
            text, entity, raw = fields[at["sentence"]], fields[at["entity"]], fields[at["label"]]
            label = {"-1": "negative", "0": "neutral", "1": "positive"}.get(raw.strip())
            if label is None:
                col.reject(
                    lineno,
                    "bad_label" if raw.strip() else "missing_label",
                    f"Entity {entity!r}: 'label' must be -1, 0 or 1. Got {raw!r}.",
                )
                continue
            try:
                start = int(fields[at["entity_pos_start_rel"]])
                end = int(fields[at["entity_pos_end_rel"]])
            except ValueError:
                start = end = -1
            if not 0 <= start <= end <= len(text) or text[start:end] != entity:
                col.reject(
                    lineno,
                    "bad_span",
                    f"Entity {entity!r}: 'entity_pos_start_rel'/'entity_pos_end_rel' "
                    f"({fields[at['entity_pos_start_rel']]!r}, "
                    f"{fields[at['entity_pos_end_rel']]!r}) must give its span in the sentence.",
                )
                continue
            col.add(
                text, start, end, label, lineno,
                entity_tag=fields[at["entity_tag"]].strip(), language="ru",
            )


__all__ = ["GOLD_COLUMNS", "GOLD_FORMATS", "REJECTION_COLUMNS", "RUSENTNE_COLUMNS", "load_gold"]
