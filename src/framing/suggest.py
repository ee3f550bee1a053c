"""Suggest actors for a registry: frequent names in a corpus that the registry misses.

A starting point for writing one's own ``actors.yml`` when a corpus is about other people
than the bundled registry's. Candidates are runs of capitalised words (``Barack Obama``,
``Hillary Clinton``, ``Justice Department``); a one-word candidate that is the last word of a
more frequent multi-word name (``Obama`` → ``Barack Obama``) is counted with that name and
listed as its variant. Spans that an actor of the registry already matches are left out.

>>> from framing.suggest import suggest_actors, draft_registry
>>> table = suggest_actors(articles, registry)  # doctest: +SKIP
>>> print(draft_registry(table.head(20)))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd
import yaml

from framing.text import split_sentences

__all__ = ["SUGGESTION_COLUMNS", "draft_registry", "suggest_actors"]

#: Columns of the table :func:`suggest_actors` returns.
SUGGESTION_COLUMNS = ("name", "kind", "n_mentions", "n_articles", "variants", "example",
                      "example_article_id")

# A capitalised word (Unicode letters, inner hyphens/apostrophes/dots: "O'Rourke", "al-Assad",
# "J."), possibly joined by lower-case connectors inside names ("Bank of England").
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
# a capitalised word; a full stop only after an initial or a title, so a run of names
# never crosses a sentence end ("... Democrats. One ...")
_CAP = rf"(?:[{_UPPER}]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr)\.|[{_UPPER}][\w'’\-]*)"
# runs stop after a possessive ("NAACP's Washington" is two names); "of" joins only
# after an institution word ("Bank of England", "Department of Labor")
_NAME_RE = re.compile(
    rf"(?<![\w'’\-]){_CAP}(?:(?<!['’]s)\s+(?:(?:de|la|von|van|bin|al)\s+)?{_CAP})*"
    r"(?:(?:" + "|".join(f"(?<={w})" for w in ("Bank", "Department", "Ministry", "Secretary",
                                               "University", "Office", "Court", "Council",
                                               "Institute")) + ")"
    rf"\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*)?"
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
#: Capitalised words that are not names on their own (sentence openers, titles, months, ...).
_STOP = frozenset(
    """a an the this that these those there their they them then than it its it's he she we
    i you his her our your my in on at by for from with without into onto over under after
    before during since until about against between among through across but and or nor so
    yet if when while where whether because although though as also still even just only
    not no yes more most many much some any all each every both either neither other another
    such what which who whom whose why how here now today yesterday tomorrow tonight
    mr mrs ms dr prof sen rep gov gen pres president senator representative governor general
    secretary minister chairman chairwoman speaker leader sir madam lord lady saint st
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec am pm according read related advertisement photo video update breaking
    however meanwhile instead indeed one two three both several last next first second
    i'm i’m i've i’ve i'd i’d i'll i’ll we're we’re it’s don't don’t
    """.split()
)
_PERSON_TITLES = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor|Secretary|Minister|"
    r"Speaker|Chancellor|Judge|Justice)\.?\s+"
)
_TITLE_BEFORE = re.compile(_PERSON_TITLES.pattern + "$")
_ORG_WORDS = frozenset(
    """party department ministry committee council union bank agency court senate congress
    house parliament commission office administration government army forces police
    association institute university foundation company corporation inc corp group fund
    organization organisation times post news network service bureau board federation
    """.split()
)


def _clean(span: str) -> str:
    span = _POSSESSIVE_RE.sub("", span).strip()
    words = span.split()
    while words and words[0].lower().rstrip(".") in _STOP:  # "The Kremlin", "But Obama"
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in _STOP:
        words = words[:-1]
    return " ".join(words)


def _kind(name: str, person_votes: int, n: int) -> str:
    if person_votes * 5 >= n:
        return "person"
    if {w.lower().rstrip(".") for w in name.split()} & _ORG_WORDS:
        return "organisation"
    return "unknown"


def suggest_actors(articles, registry=None, *, top: int = 50, min_articles: int = 2,
                   fields=("title", "text")) -> pd.DataFrame:
    """Rank the names a corpus mentions that no actor of `registry` matches.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, >= 2)
        The articles table (:func:`framing.corpus.load_corpus`); needs ``article_id`` and
        the `fields` columns (str).
    registry : ActorRegistry, optional
        Actors already covered (:func:`framing.actors.load_actors`); their mentions are
        not suggested. None: nothing is covered.
    top : int, default=50
        Number of suggestions returned (at least 1).
    min_articles : int, default=2
        Leave out names found in fewer articles than this.
    fields : tuple of str, default=("title", "text")
        Article columns searched.

    Returns
    -------
    suggestions : pandas.DataFrame
        One row per suggested actor, most articles first (ties: most mentions, then
        name), with columns :data:`SUGGESTION_COLUMNS`: ``name`` (the most frequent
        full form), ``kind`` (a guess: ``"person"``, ``"organisation"`` or
        ``"unknown"``, from titles such as *Mr.* or *Senator* before the name and words
        such as *Party* or *Ministry* in it), ``n_mentions`` and ``n_articles`` (int),
        ``variants`` (list of str: one-word forms counted with the name), ``example``
        (the sentence of its first occurrence, from at most 80 characters before it, at
        most 300 characters) and
        ``example_article_id``.

    Raises
    ------
    MissingColumnError
        If ``article_id`` or a field is missing.
    ValueError
        If `top` or `min_articles` is below 1.

    Notes
    -----
    A frequency heuristic, not a named-entity recogniser (no model is downloaded):
    expect false positives such as sentence-initial words and place names, and edit
    the draft. Capitalised words of Latin and Cyrillic scripts are recognised.
    """
    from framing.actors import find_mentions
    from framing.exceptions import MissingColumnError

    missing = [c for c in ("article_id", *fields) if c not in articles.columns]
    if missing:
        raise MissingColumnError(
            f"suggest_actors() needs article column(s) {missing!r}. Got columns "
            f"{list(articles.columns)!r}; load the corpus with framing.corpus.load_corpus."
        )
    for name, value in (("top", top), ("min_articles", min_articles)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(
                f"The {name!r} parameter of suggest_actors must be an int >= 1. Got {value!r}."
            )
    covered: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    if registry is not None and len(articles):
        mentions = find_mentions(articles, registry)
        for aid, field, s, e in mentions[["article_id", "field", "start", "end"]].itertuples(
                index=False):
            covered[(aid, field)].append((s, e))

    counts: Counter = Counter()
    docs: dict[str, set] = defaultdict(set)
    person_votes: Counter = Counter()
    at_start: Counter = Counter()
    example: dict[str, tuple[str, str]] = {}
    for row in articles[["article_id", *fields]].itertuples(index=False):
        aid = row[0]
        for field, text in zip(fields, row[1:], strict=True):
            if not isinstance(text, str) or not text:
                continue
            spans = covered.get((aid, field), ())
            sentences = None
            for m in _NAME_RE.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in spans):
                    continue
                name = _clean(m.group())
                if not name or name.lower().rstrip(".") in _STOP or len(name) < 3:
                    continue
                counts[name] += 1
                docs[name].add(aid)
                before = text[max(0, m.start() - 3) : m.start()].rstrip(" \u201c\"'‘(")
                if not before or before[-1] in ".!?\n:":
                    at_start[name] += 1
                if _PERSON_TITLES.match(m.group()) or _TITLE_BEFORE.search(
                        text, max(0, m.start() - 20), m.start()):
                    person_votes[name] += 1
                if name not in example:
                    if sentences is None:
                        sentences = split_sentences(text)
                    s0, s1 = next(((s, e) for s, e in sentences if s <= m.start() < e),
                                  (m.start(), m.end()))
                    s0 = max(s0, m.start() - 80)  # the mention in view
                    example[name] = (text[s0 : min(s1, s0 + 300)], aid)
    # one-word forms join the most frequent multi-word name that ends (or starts) with them
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        if len(words) >= 2:
            by_last[words[-1]].append(name)
    merged_into: dict[str, str] = {}
    for name in list(counts):
        # a surname used with a title ("Mr. Obama") joins its full name ("Barack Obama")
        if " " not in name and by_last.get(name) and person_votes[name] * 5 >= counts[name]:
            merged_into[name] = max(by_last[name], key=lambda n: (len(docs[n]), counts[n], n))
        # a capitalised word that mostly opens sentences is not a name
        elif " " not in name and at_start[name] * 2 > counts[name] and not person_votes[name]:
            merged_into[name] = ""
    rows = []
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        groups[merged_into.get(name, name)].append(name)
    groups.pop("", None)
    for head, members in groups.items():
        arts = set().union(*(docs[m] for m in members))
        if len(arts) < min_articles:
            continue
        n_mentions = sum(counts[m] for m in members)
        votes = sum(person_votes[m] for m in members)
        sentence, aid = example[head]
        rows.append({
            "name": head,
            "kind": _kind(head, votes, n_mentions),
            "n_mentions": n_mentions,
            "n_articles": len(arts),
            "variants": sorted(m for m in members if m != head),
            "example": sentence,
            "example_article_id": aid,
        })
    table = pd.DataFrame(rows, columns=list(SUGGESTION_COLUMNS))
    if table.empty:
        return table
    table = table.sort_values(["n_articles", "n_mentions", "name"],
                              ascending=[False, False, True], kind="mergesort")
    return table.head(top).reset_index(drop=True)


def _actor_id(name: str, taken: set) -> str:
    base = re.sub(r"[^\w]+", "_", name.lower()).strip("_") or "actor"
    out, k = base, 2
    while out in taken:
        out, k = f"{base}_{k}", k + 1
    taken.add(out)
    return out


def draft_registry(suggestions: pd.DataFrame, *, source: str = "") -> str:
    """Write suggestions as a draft actor registry (YAML text) to edit by hand.

    Parameters
    ----------
    suggestions : pandas.DataFrame
        Rows of :func:`suggest_actors` (columns :data:`SUGGESTION_COLUMNS`).
    source : str, default=""
        Corpus path named in the header comment.

    Returns
    -------
    yaml_text : str
        A registry in the format of ``corpus/actors.yml`` (``version: 1``, ``actors:``
        with ``id``, ``label``, ``kind``, ``names``), each entry preceded by a comment
        with its counts and example sentence. ``kind: unknown`` entries must be set to
        ``person``, ``country`` or ``organisation`` before use; one-word variants are
        listed as names, so check that they do not also name other people.
    """
    taken: set = set()
    lines = [
        "# Draft actor registry written by `framing actors suggest`"
        + (f" from {source}" if source else "") + ".",
        "# Edit before use: merge or delete entries, fix every `kind` (person, country or",
        "# organisation), add aliases, metonyms and exclusions (see corpus/actors.yml).",
        "version: 1",
        "actors:",
    ]
    for row in suggestions.itertuples(index=False):
        entry = {
            "id": _actor_id(row.name, taken),
            "label": row.name,
            "kind": row.kind if row.kind != "unknown" else "person",
            "names": [row.name, *row.variants],
        }
        note = f"{row.n_mentions} mentions in {row.n_articles} articles"
        if row.kind == "unknown":
            note += "; kind guessed, check it"
        lines.append(f"  # {note}. Example ({row.example_article_id}): "
                     + " ".join(str(row.example).split())[:160])
        block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
        lines += ["  " + line for line in block.splitlines()]
        lines.append("")
    return "\n".join(lines) + "\n"
