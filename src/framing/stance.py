"""Holder → target stance: who takes which position toward each mentioned actor.

For every actor mention, :func:`score_stance` decides whose voice the mention sits
in (the outlet's own voice, ``'journalist'``, a quoted or reported speaker, or the
subject of an attitude verb such as *praised* or *condemned*) and whether that holder
is for or against the mentioned actor.

>>> from framing.stance import score_stance
>>> stance = score_stance(articles, mentions, statements)  # doctest: +SKIP
>>> stance[["holder_id", "actor_id", "stance", "stance_score"]]  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing.exceptions import MissingColumnError
from framing.inflection import INFLECTED_LANGUAGES, inflect
from framing.paths import PACKAGE_DIR
from framing.quotes import (
    CYRILLIC_LETTERS,
    DETERMINERS,
    NON_WORD_CLASS,
    PREPOSITIONS,
    PRONOUNS,
    TOKEN_RE,
    UNKNOWN_HOLDER,
    FieldLayout,
    Mention,
    Statement,
    field_layout,
    has_only_table_characters,
    is_speaker,
    person_ids,
    resolve_holders,
    sentence_spans,
    sentence_subject,
    subject_before,
    table_class,
)
from framing.text import literal_alternation

#: The evaluative lexicon shipped with the package.
DEFAULT_LEXICON = PACKAGE_DIR / "data" / "stance_lexicon.yml"
#: Holder id (and holder kind) of the outlet's own voice.
JOURNALIST = "journalist"
#: Values of the ``stance`` column.
STANCE_LABELS = ("favor", "against", "none")
#: Columns that :func:`score_stance` appends to the mentions table.
STANCE_COLUMNS = (
    "holder_id",
    "holder_kind",
    "statement_id",
    "stance",
    "stance_score",
    "stance_cues",
)
#: Half-width of the score interval labelled ``'none'``.
DEFAULT_NEUTRAL_BAND = 0.1

_MENTION_COLUMNS = ("article_id", "field", "start", "end", "actor_id", "kind")
_STATEMENT_COLUMNS = (
    "article_id",
    "field",
    "statement_id",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "holder_id",
    "holder_kind",
    "kind",
)
_NEG_QUANTIFIERS = frozenset(("nobody", "no", "none", "neither", "noone", "никто", "ніхто"))
_BASE_FORM_OK_BEFORE = PRONOUNS | frozenset(
    ["you", "i", "not", "n't", "cannot", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "to", "don't", "doesn't", "didn't", "won't"]
)
# A dash, except the Russian/Ukrainian copula dash after a word ('Росія — агресор'),
# read after the dash: its lookbehind sees the two characters before it.
_DASH_AFTER = rf"(?<=[–—])(?<![{CYRILLIC_LETTERS}]\s[–—])"
# The two patterns below start with the class of the first characters of their
# matches, then say with a lookbehind which of these characters each alternative
# starts with: the regex engine skips to the next character of the class instead of
# trying every alternative at every position. Only the alternatives after a space
# share a first character, and they keep their order, so the matches are those of
# the plain alternation ('[,;:()]|[.!?](?=…)|dash|\s-\s|\s(?:but|…)' for the object,
# ';|dash|\s-\s|,…(?:but|…)|\s(?:but|…)' for the clause; tests/test_stance_speed.py).
# Where the object of an attitude verb ends.
_OBJECT_END_RE = re.compile(
    r"[,;:().!?–—\s](?:(?<=[,;:()])|(?<=[.!?])(?=[\s\"”’']|$)"
    rf"|{_DASH_AFTER}"
    r"|(?<=\s)(?:-\s|(?:but|while|whereas|although|though|because|as|when|after|before|"
    r"since|who|which|that|and then"
    r"|но|але|а|однако|проте|хотя|хоча|потому|бо|когда|коли|что|що|который|которая|"
    r"которые|який|яка|які|после|після)(?![\w\-])))"
)
# Where the clause around a target ends (the window whose cues count for it).
_CLAUSE_RE = re.compile(
    r"[;–—,\s](?:(?<=;)"
    rf"|{_DASH_AFTER}"
    r"|(?<=,)[\"”’']?\s*(?:but|while|whereas|although|though|yet|and|however|adding|"
    r"saying|claiming|stating|arguing|warning|insisting|noting|referring"
    r"|но|але|а|однако|проте|хотя|хоча|и|і|та|добавив|додавши)(?![\w\-])"
    r"|(?<=\s)(?:-\s|(?:but|whereas|но|але|однако|проте)(?![\w\-])))"
)
_PASSIVE_AUX = frozenset(("was", "were", "is", "are", "been", "be", "being"))
# Prepositions that end the head noun phrase of an attitude verb's object ('of' does not).
_OBJECT_HEAD_END = PREPOSITIONS - {"of"}
# A character outside the ranges where matching with re.IGNORECASE is matching the
# lower-cased text (str.lower keeps the length and lower-cases one character at a
# time, and no character has another case-insensitive equivalent: not so for 'İ',
# 'ſ', 'ı', the micro sign, Greek, the old Cyrillic letters U+1C80-1C88):
# ASCII, Latin-1, Cyrillic and general punctuation are plain (tests/test_stance_speed.py).
_NOT_PLAIN_CASE_RE = re.compile("[^\x00-\xb4\xb6-\xff\u0400-\u04ff\u2000-\u206f]")


def _plain_case(text: str) -> bool:
    """True when a case-insensitive match in `text` is a match in ``text.lower()``."""
    return text.isascii() or _NOT_PLAIN_CASE_RE.search(text) is None


# The character before an evaluative term, written out (plain-case characters are
# table characters); a term must end with a character outside it (_term_after_re).
_BEFORE_TERM_CLASS = table_class(r"[^\w\-]")
_TERM_END_RE = re.compile(r"[\w\-]$")


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class StanceLexicon:
    """Attitude verbs, evaluative terms and negators, with weights in [-1, 1].

    Attributes
    ----------
    verbs : dict of str to float
        Attitude verbs (subject = holder, object = target) and their weight.
    terms : dict of str to float
        Evaluative words, scored in the voice that contains them.
    negators : frozenset of str
        Words that flip the sign of a cue within the 3 preceding tokens.
    version : str
        Lexicon version, recorded in run manifests.
    path : pathlib.Path
        The YAML file it was read from.
    """

    verbs: dict
    terms: dict
    negators: frozenset
    version: str
    path: Path

    @functools.cached_property
    def verb_re(self) -> re.Pattern:
        """Case-sensitive matcher of the attitude verbs (whole words).

        A character trie (:func:`framing.text.literal_alternation`, longest verb
        first): it finds the same matches as a length-sorted alternation of the
        verbs, in about half the time.
        """
        return re.compile(rf"(?<![\w\-’'])(?:{literal_alternation(self.verbs)})(?![\w\-])")

    @functools.cached_property
    def _longest_verb(self) -> int:
        return max(map(len, self.verbs), default=0)

    @functools.cached_property
    def _verb_after_re(self) -> re.Pattern:
        # verb_re with the character before the verb instead of a lookbehind: used by
        # _find_evaluations on ' ' + text (a leading class is faster to scan for)
        return re.compile(rf"[^\w\-’'](?P<v>{literal_alternation(self.verbs)})(?![\w\-])")

    @functools.cached_property
    def _verb_after_table_re(self) -> re.Pattern:
        # _verb_after_re with the table-looked-up class NON_WORD_CLASS: the same
        # matches in a text for which has_only_table_characters holds, found faster
        return re.compile(
            rf"{NON_WORD_CLASS}(?P<v>{literal_alternation(self.verbs)})(?![\w\-])"
        )

    @functools.cached_property
    def term_re(self) -> re.Pattern:
        """Case-insensitive matcher of the evaluative terms (whole words).

        The terms are compiled as a character trie (longer continuations first, so
        the longest term wins as in a length-sorted alternation): with the case
        forms of the Russian and Ukrainian terms the plain alternation was 9 times
        slower on English text.
        """
        return re.compile(
            rf"(?<![\w\-])(?:{literal_alternation(self.terms)})(?![\w\-])", re.IGNORECASE
        )

    @functools.cached_property
    def _term_after_re(self) -> re.Pattern | None:
        # term_re for lower-cased plain-case text (_plain_case), without re.IGNORECASE
        # and with the character before the term (group t) instead of the lookbehind:
        # _term_cues scans ' ' + text or the window with the character before it. It
        # finds the same terms, about five times faster. None when a term is not
        # plain-case, or ends with a character that the leading class matches (which
        # could then not also be the character before the next term).
        if not all(_plain_case(t) and _TERM_END_RE.search(t) for t in self.terms):
            return None
        return re.compile(
            rf"{_BEFORE_TERM_CLASS}(?P<t>{literal_alternation(self.terms)})(?![\w\-])"
        )


def load_stance_lexicon(path: str | Path | None = None) -> StanceLexicon:
    """Read an evaluative lexicon (YAML with ``verbs``, ``terms``, ``negators``).

    An optional ``languages`` section holds ``verbs`` and ``terms`` per language
    (``ru``, ``uk``): verbs are listed in every form they take, terms in their
    dictionary form and expanded into their case forms
    (:func:`framing.inflection.inflect`). Negators form one list for all languages.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A YAML file; default :data:`DEFAULT_LEXICON` (``framing/data/stance_lexicon.yml``).

    Returns
    -------
    lexicon : StanceLexicon
        Cached: the same file is read once per process, however it is named (no
        argument, ``None``, :data:`DEFAULT_LEXICON`, a relative path).

    Raises
    ------
    FileNotFoundError
        If `path` does not exist.
    ValueError
        If a section is missing, ``languages`` has a key other than ``'ru'``/``'uk'``,
        or a weight is not a number in [-1, 1]; the message names the file and the entry.
    """
    return _read_stance_lexicon(Path(path if path is not None else DEFAULT_LEXICON).resolve())


@functools.lru_cache(maxsize=8)
def _read_stance_lexicon(path: Path) -> StanceLexicon:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    for section in ("verbs", "terms", "negators"):
        if section not in data:
            raise ValueError(
                f"Stance lexicon {str(path)!r} lacks the {section!r} section; expected the "
                f"keys 'verbs', 'terms' and 'negators'. Got keys {sorted(data)!r}."
            )
    weights = {"verbs": {}, "terms": {}}
    sections = [("", None, data)]
    languages = data.get("languages") or {}
    if not isinstance(languages, dict) or not set(languages) <= set(INFLECTED_LANGUAGES):
        raise ValueError(
            f"Stance lexicon {str(path)!r}: 'languages' must map language codes "
            f"{list(INFLECTED_LANGUAGES)!r} to sections with 'verbs' and 'terms'. Got "
            f"{languages!r:.80}."
        )
    sections += [(f"languages.{lang}.", lang, sub or {}) for lang, sub in languages.items()]
    for prefix, lang, tables in sections:
        for section in ("verbs", "terms"):
            for word, w in (tables.get(section) or {}).items():
                if isinstance(w, bool) or not isinstance(w, int | float) or not -1 <= w <= 1:
                    raise ValueError(
                        f"Stance lexicon {str(path)!r}, {prefix}{section}.{word}: the weight "
                        f"must be a number in [-1, 1]. Got {w!r}; fix the entry."
                    )
                # Russian and Ukrainian terms are dictionary forms: match every case form
                forms = inflect(str(word), lang) if lang and section == "terms" else [str(word)]
                for form in forms:
                    weights[section][form] = float(w)
    return StanceLexicon(
        verbs=weights["verbs"],
        terms={k.lower(): v for k, v in weights["terms"].items()},
        negators=frozenset(str(n).lower() for n in data["negators"] or ()),
        version=str(data.get("version", "0")),
        path=path,
    )


# --------------------------------------------------------------------------- helpers
@dataclass(slots=True)
class _Eval:
    stmt: Statement  # start/end = object span, speaker = subject span
    weight: float
    verb: str


def _is_negator(token: str, negators: frozenset) -> bool:
    low = token.lower()
    return low in negators or low.endswith(("n't", "n’t"))


def _negated(text: str, lo: int, pos: int, negators: frozenset, n_tokens: int = 3) -> bool:
    toks = TOKEN_RE.findall(text, max(lo, pos - 60), pos)[-n_tokens:]
    return any(_is_negator(t, negators) for t in toks)


def _find_evaluations(
    text: str, sents, sent_of, statements, lex: StanceLexicon, only: set[int] | None = None
) -> list[_Eval]:
    """Attitude-verb events: subject (holder) span, object (target) span, signed weight.

    With `only` (sentence starts), the events of the verbs in those sentences (and in
    the spaces after them, which ``sent_of`` maps to them): only those are scanned. An
    event's spans and inherited subject never leave the sentence of its verb.
    """
    events: list[_Eval] = []
    # the matches of lex.verb_re (tests/test_stance_speed.py), on ' ' + text: a verb at
    # va has its preceding character at index va, and the group v at va + 1
    padded = " " + text
    if only is None:
        ranges = [(0, len(text))]
    else:  # each from a sentence start to the next; the scan reads up to the longest
        # verb and the character after it further, so it ends each verb as a full scan
        bounds = [0] + [a for a, _ in sents[1:]] + [len(text)]
        ranges = [(bounds[k], bounds[k + 1]) for k, (a, _) in enumerate(sents) if a in only]
    matches = []
    verb_after_re = (
        lex._verb_after_table_re if has_only_table_characters(text) else lex._verb_after_re
    )
    for lo, hi in ranges:
        for m in verb_after_re.finditer(padded, lo, hi + lex._longest_verb + 2):
            va, vb = m.span("v")
            if va - 1 >= hi:
                break
            matches.append((va - 1, vb - 1, m.group("v")))
    for k, (va, vb, v) in enumerate(matches):
        s0, s1 = sent_of(va)
        before = TOKEN_RE.findall(text, max(s0, va - 40), va)
        prev_tok = before[-1].lower() if before else ""
        if prev_tok in DETERMINERS or prev_tok in PREPOSITIONS:
            continue  # a noun or adjective ('the support', 'of support')
        if v.isascii() and not v.endswith(("s", "ed")) and prev_tok not in _BASE_FORM_OK_BEFORE:
            continue  # bare 'support'/'trust' is a noun unless after a pronoun or auxiliary
        if v in ("thanks",) and text[vb : vb + 3] == " to":
            continue
        if prev_tok in _PASSIVE_AUX:
            continue  # passive ('was praised by X'): holder and target swap; not handled
        nxt = matches[k + 1][0] if k + 1 < len(matches) else s1
        stop = _OBJECT_END_RE.search(text, vb, min(s1, nxt))
        oa, ob = vb, (stop.start() if stop else min(s1, nxt))
        while oa < ob and text[oa].isspace():
            oa += 1
        while ob > oa and text[ob - 1].isspace():
            ob -= 1
        p = oa  # the target is in the object's head NP: it ends before a preposition
        for w in TOKEN_RE.findall(text, oa, ob):
            p = text.find(w, p)  # where the word starts: its first occurrence from p
            if p > oa and w.lower() in _OBJECT_HEAD_END:
                ob = p
                break
            p += len(w)
        while ob > oa and text[ob - 1].isspace():
            ob -= 1
        if ob <= oa:
            continue
        sa, sb, coord = subject_before(text, s0, va)
        inherit = False
        if sb <= sa:
            if coord not in ("and", "but"):
                continue
            inherit = True
        elif not is_speaker(text[sa:sb]):
            continue
        weight = lex.verbs[v]
        neg = _negated(text, sb if not inherit else s0, va, lex.negators)
        if not inherit:
            first = TOKEN_RE.search(text, sa, sb).group().lower()
            neg ^= first in _NEG_QUANTIFIERS  # 'Nobody in Washington trusts …'
        st = Statement(oa, ob, sa, sb, "evaluation", v, va, inherit=inherit)
        events.append(_Eval(st, -weight if neg else weight, v))
    if not any(e.stmt.inherit for e in events):
        return events  # every subject found: nothing to inherit
    # coordinated verbs inherit the subject of the previous verb in the sentence
    by_sent: dict[int, list[Statement]] = {}
    for s in statements:
        if s.speaker_end > s.speaker_start:
            by_sent.setdefault(sent_of(s.speaker_start)[0], []).append(s)
    for e in events:
        by_sent.setdefault(sent_of(e.stmt.verb_pos)[0], []).append(e.stmt)
    for ev in events:
        st = ev.stmt
        if not st.inherit:
            continue
        s0, _ = sent_of(st.verb_pos)
        prior = [
            s
            for s in by_sent.get(s0, ())
            if not s.inherit and s.speaker_end <= st.verb_pos and s.speaker_end > s.speaker_start
        ]
        if prior:
            src = max(prior, key=lambda s: s.speaker_start)
            st.speaker_start, st.speaker_end = src.speaker_start, src.speaker_end
        else:
            st.speaker_start, st.speaker_end = sentence_subject(text, s0, st.verb_pos)
    return [e for e in events if e.stmt.speaker_end > e.stmt.speaker_start]


def _clause(text: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The clause of [lo, hi) that contains the span [a, b)."""
    start = lo
    for m in _CLAUSE_RE.finditer(text, lo, a):
        start = m.end()
    m = _CLAUSE_RE.search(text, b, hi)
    return start, (m.start() if m else hi)


def _term_cues(
    text: str,
    lo: int,
    hi: int,
    skip: list[tuple[int, int]],
    skip_starts: list[int],
    lex: StanceLexicon,
) -> list[tuple[str, float]]:
    """Evaluative terms in text[lo:hi] outside the sorted, disjoint `skip` spans.

    When the window (and the character before it, which the word boundary reads) is
    plain-case (:func:`_plain_case`), the terms are matched case-sensitively in its
    lower-cased copy: the same matches, about five times faster.
    """
    a0 = lo - 1  # the window with the character before it (a space at the text start)
    piece = text[a0:hi] if lo else " " + text[:hi]
    if lex._term_after_re is not None and _plain_case(piece):
        matches = lex._term_after_re.finditer(piece.lower())
        group = "t"
    else:
        a0 = 0
        matches = lex.term_re.finditer(text, lo, hi)
        group = 0
    cues = []
    for m in matches:
        a, b = a0 + m.start(group), a0 + m.end(group)
        k = bisect.bisect_right(skip_starts, a) - 1
        if k >= 0 and skip[k][0] <= a < skip[k][1]:
            continue
        w = lex.terms[m.group(group).lower()]
        if _negated(text, lo, a, lex.negators):
            w = -w
        cues.append((text[a:b], w))
    return cues


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character inside the (possibly overlapping) `spans` made a space."""
    parts = []
    pos = 0
    for a, b in sorted(spans):
        if b <= pos:
            continue
        a = max(a, pos)
        parts.append(text[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _label(score: float, band: float) -> str:
    if score > band:
        return "favor"
    if score < -band:
        return "against"
    return "none"


def _check(table, required, name):
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"score_stance() expects {name!r} to be a pandas DataFrame, got {type(table).__name__}."
        )
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise MissingColumnError(
            f"The {name!r} table passed to score_stance() lacks column(s) {missing!r}; got "
            f"columns {list(table.columns)!r}. Build it with the documented function "
            f"(find_mentions, find_statements; see docs/architecture.md)."
        )


# --------------------------------------------------------------------------- public API
def score_stance(
    articles: pd.DataFrame,
    mentions: pd.DataFrame,
    statements: pd.DataFrame,
    scorer=None,
    *,
    actors=None,
    is_person: Callable[[str], bool] | None = None,
    lexicon: StanceLexicon | str | Path | None = None,
    neutral_band: float = DEFAULT_NEUTRAL_BAND,
    layouts: dict[tuple[str, str], FieldLayout] | None = None,
) -> pd.DataFrame:
    """Attach a stance holder and a stance toward the mentioned actor to every mention.

    Each mention is placed in a voice. In order: a mention that *is* a holder (the
    speaker of a statement or the subject of an attitude verb) is not a target and
    gets the journalist's neutral stance; a mention in the object of an attitude verb
    (*praised*, *condemned*, *trusts*, …) gets the verb subject as holder and the
    verb's polarity (negation flips it: *Nobody in Washington trusts the Kremlin*);
    a mention inside a statement's content gets the statement's holder, scored from
    the evaluative terms of its clause inside the content; any other mention is in
    the outlet's own voice (holder ``'journalist'``), scored from the terms of its
    clause with every quote and statement removed.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, >=3)
        As from :func:`framing.corpus.load_corpus`; columns ``article_id``, ``title``, ``text``.
    mentions : pandas.DataFrame of shape (n_mentions, >=14)
        As from :func:`framing.actors.find_mentions`; required columns ``article_id``,
        ``field``, ``start``, ``end``, ``actor_id``, ``kind``.
    statements : pandas.DataFrame of shape (n_statements, 15)
        As from :func:`framing.quotes.find_statements` on the same articles.
    scorer : BaseScorer or str, optional
        A fitted target-dependent scorer (or a registry name such as ``'textblob'``,
        created and fitted here). When given, a mention whose clause holds no
        lexicon cue is scored with the scorer's ``polarity`` of that holder-visible
        clause. Default None: lexicon only.
    actors : ActorRegistry, optional
        Used only to tell persons apart for pronoun subjects of attitude verbs
        (*he praised …*); without it (and without `is_person`) such subjects stay
        ``'unknown'``.
    is_person : callable, optional
        ``is_person(actor_id) -> bool``; overrides `actors`.
    lexicon : StanceLexicon or path, optional
        Default: :data:`DEFAULT_LEXICON`.
    neutral_band : float, default=0.1
        ``|stance_score| <= neutral_band`` is labelled ``'none'``. Range [0, 1).
    layouts : dict, optional
        The quotes and sentences of the fields of `articles`, from
        :func:`framing.quotes.field_layouts` (the dict also given to
        ``find_statements``); a field missing from it is laid out here.

    Returns
    -------
    stance : pandas.DataFrame of shape (n_mentions, n_mention_columns + 6)
        `mentions` (same rows, same order, same index) with:

        - ``holder_id`` (str): ``'journalist'``, a registry actor id, or ``'unknown'``;
        - ``holder_kind`` ({'journalist', 'named', 'unnamed_source', 'pronoun'});
        - ``statement_id`` (str or None): the statement whose content holds the
          mention, None for the journalist's voice and for attitude verbs;
        - ``stance`` ({'favor', 'against', 'none'});
        - ``stance_score`` (float in [-1, 1]): mean weight of the cues (negative =
          against); 0.0 when there is no cue;
        - ``stance_cues`` (str): the cues used, ``'word:+0.8'`` joined by ``'; '``.

    Raises
    ------
    MissingColumnError
        If a table lacks a required column.
    TypeError
        If a table is not a DataFrame.
    ValueError
        If `neutral_band` is outside [0, 1), or the lexicon file is malformed.
    sklearn.exceptions.NotFittedError
        If `scorer` is an unfitted estimator.

    See Also
    --------
    framing.quotes.find_statements : The statements table.
    framing.scorers.score_mentions : Sentiment of the text around each mention.

    Notes
    -----
    **Stance is not sentiment.** Sentiment (``score_mentions``) is the tone of the
    text around a mention, whoever speaks: in *"The sanctions are a disaster," the
    Kremlin spokesman said, but the US called them a success*, the sentence is
    mixed in tone. Stance is a *holder's* position toward a *target* (Mohammad et
    al., SemEval-2016 Task 6): here Russia is against the sanctions, the US for them,
    and the outlet neutral. A negative word in a quote is the speaker's, never the
    outlet's or another speaker's.

    The holder rules follow attribution-aware sentiment work on news: directed
    sentiment between entities (Park et al., Findings of ACL 2021, DSE) and the informational vs
    lexical bias distinction of BASIL (Fan et al., EMNLP 2019), both usable to
    evaluate this function later; opinion holders and targets as in MPQA (Wiebe,
    Wilson & Cardie, 2005). Cues come from a hand-written lexicon of attitude verbs
    and evaluative terms (``framing/data/stance_lexicon.yml``) with a 3-token
    negation window. There is no parser: objects end at the next clause boundary,
    coordinated verbs inherit the previous subject, sarcasm and implicature are
    missed. Linear in text length (compiled regexes, one pass per field).

    Examples
    --------
    >>> statements = find_statements(articles, registry, mentions=mentions)  # doctest: +SKIP
    >>> stance = score_stance(articles, mentions, statements)  # doctest: +SKIP
    >>> stance.loc[stance.actor_id == "russia", ["holder_id", "stance"]]  # doctest: +SKIP
    """
    _check(articles, ("article_id", "title", "text"), "articles")
    _check(mentions, _MENTION_COLUMNS, "mentions")
    _check(statements, _STATEMENT_COLUMNS, "statements")
    if (
        isinstance(neutral_band, bool)
        or not isinstance(neutral_band, int | float)
        or not 0 <= neutral_band < 1
    ):
        raise ValueError(
            f"The 'neutral_band' parameter of score_stance() must be a float in [0, 1). "
            f"Got {neutral_band!r} instead."
        )
    lex = lexicon if isinstance(lexicon, StanceLexicon) else load_stance_lexicon(lexicon)
    if isinstance(scorer, str):
        from framing.scorers import get_scorer

        scorer = get_scorer(scorer).fit([])
    if is_person is None:
        persons = person_ids(actors)
        is_person = persons.__contains__

    n = len(mentions)
    holder_id = np.full(n, JOURNALIST, dtype=object)
    holder_kind = np.full(n, JOURNALIST, dtype=object)
    statement_id = np.full(n, None, dtype=object)
    score = np.zeros(n, dtype=float)
    cues_out = np.full(n, "", dtype=object)
    has_cue = np.zeros(n, dtype=bool)
    windows: list[tuple[int, str, int, int]] = []  # (row, text, start, end) for the scorer

    texts = {
        (aid, "title"): t
        for aid, t in zip(articles["article_id"].astype(str), articles["title"], strict=True)
    }
    texts.update(
        {
            (aid, "text"): t
            for aid, t in zip(articles["article_id"].astype(str), articles["text"], strict=True)
        }
    )
    m_aid = mentions["article_id"].astype(str).to_numpy()
    m_field = mentions["field"].astype(str).to_numpy()
    groups: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(m_aid, m_field, strict=True)):
        groups.setdefault(key, []).append(i)
    st_groups: dict[tuple[str, str], list[int]] = {}
    s_aid = statements["article_id"].astype(str).to_numpy()
    s_field = statements["field"].astype(str).to_numpy()
    for j, key in enumerate(zip(s_aid, s_field, strict=True)):
        st_groups.setdefault(key, []).append(j)
    m_start = mentions["start"].to_numpy(dtype=np.int64).tolist()  # lists: no numpy scalars
    m_end = mentions["end"].to_numpy(dtype=np.int64).tolist()
    m_actor = mentions["actor_id"].astype(str).tolist()
    m_kind = mentions["kind"].astype(str).tolist()
    # the statement columns as lists of Python ints and strs, converted once
    s_start, s_end, s_sp0, s_sp1 = (
        list(map(int, statements[c].tolist()))
        for c in ("start", "end", "speaker_start", "speaker_end")
    )
    s_kind, s_holder, s_hkind = (
        list(map(str, statements[c].tolist())) for c in ("kind", "holder_id", "holder_kind")
    )
    s_id = statements["statement_id"].tolist()

    for key, rows in groups.items():
        text = texts.get(key)
        if not isinstance(text, str) or not text:
            continue
        layout = layouts.get(key) if layouts is not None else None
        quotes, masked, sents = layout if layout is not None else field_layout(text)
        sents = sents or [(0, len(text))]
        starts = [s for s, _ in sents]

        def sent_of(pos, sents=sents, starts=starts):
            k = bisect.bisect_right(starts, pos) - 1
            return sents[max(k, 0)]

        stmts = [  # (verb_pos = speaker start, inherit=False, extra = the statement id)
            Statement(
                s_start[j],
                s_end[j],
                s_sp0[j],
                s_sp1[j],
                s_kind[j],
                "",
                s_sp0[j],
                False,
                s_holder[j],
                s_hkind[j],
                {"id": s_id[j]},
            )
            for j in st_groups.get(key, ())
        ]
        stmts.sort(key=lambda s: s.start)
        st_starts = [s.start for s in stmts]
        # Attitude verbs matter to the mentions of their own sentence only: the events
        # of the mentions' sentences. Except when one names an unnamed source ('Russian
        # officials'): later events may take that holder through a role noun ('the
        # officials'), passed on through sentences without mentions, so all are found.
        evals = _find_evaluations(
            text, sents, sent_of, stmts, lex, {sent_of(m_start[i])[0] for i in rows}
        )
        if evals:
            field_mentions = [
                Mention(m_start[i], m_end[i], m_actor[i], m_kind[i], bool(is_person(m_actor[i])))
                for i in rows
            ]
            resolve_holders(text, [e.stmt for e in evals], field_mentions, quotes)
            if any(
                e.stmt.holder_kind == "unnamed_source" and e.stmt.holder_id != UNKNOWN_HOLDER
                for e in evals
            ):
                evals = _find_evaluations(text, sents, sent_of, stmts, lex)
                resolve_holders(text, [e.stmt for e in evals], field_mentions, quotes)
            for e in evals:  # 'we'/'I' inside a statement is its speaker
                subj = text[e.stmt.speaker_start : e.stmt.speaker_end].strip().lower()
                if subj in ("we", "i"):
                    k = bisect.bisect_right(starts, e.stmt.verb_pos) - 1
                    lo_ = sents[max(k, 0)][0]
                    j0 = bisect.bisect_left(st_starts, lo_)
                    j1 = bisect.bisect_right(st_starts, e.stmt.verb_pos)
                    host = [s for s in stmts[j0:j1] if e.stmt.verb_pos < s.end]
                    if host:
                        inner = min(host, key=lambda s: s.end - s.start)
                        e.stmt.holder_id, e.stmt.holder_kind = inner.holder_id, inner.holder_kind

        # Each mention is compared with the items that start in its own sentence (from
        # the sentence start to the next one; the first from the start of the text):
        # statements, objects and speakers never cross a (quote-aware) sentence. Items
        # sorted by start, so those of a sentence up to the mention are one slice.
        speakers = sorted(
            [(s_.speaker_start, s_.speaker_end) for s_ in stmts]
            + [(e.stmt.speaker_start, e.stmt.speaker_end) for e in evals]
        )
        sp_starts = [x for x, _ in speakers]
        evals.sort(key=lambda e: e.stmt.start)  # (already in this order: objects follow verbs)
        ev_starts = [e.stmt.start for e in evals]
        jtext = None  # the journalist's voice (quotes, statements blanked), made when needed
        mention_spans = sorted((m_start[i], m_end[i]) for i in rows)
        mention_starts = [x for x, _ in mention_spans]

        for i in rows:
            a, b = m_start[i], m_end[i]
            k = max(bisect.bisect_right(starts, a) - 1, 0)
            lo_k = starts[k] if k else 0
            j0, j1 = bisect.bisect_left(sp_starts, lo_k), bisect.bisect_right(sp_starts, a)
            if any(a < y for _, y in speakers[j0:j1]):
                continue  # a holder, not a target: the journalist reports it neutrally
            j0, j1 = bisect.bisect_left(st_starts, lo_k), bisect.bisect_right(st_starts, a)
            host = [s for s in stmts[j0:j1] if a < s.end]
            j0, j1 = bisect.bisect_left(ev_starts, lo_k), bisect.bisect_right(ev_starts, a)
            objs = [e for e in evals[j0:j1] if a < e.stmt.end]
            if objs:
                e = min(objs, key=lambda e: e.stmt.end - e.stmt.start)
                holder_id[i], holder_kind[i] = e.stmt.holder_id, e.stmt.holder_kind
                if host:
                    statement_id[i] = min(host, key=lambda s: s.end - s.start).extra["id"]
                score[i] = e.weight
                cues_out[i] = f"{e.verb}:{e.weight:+.1f}"
                has_cue[i] = True
                continue
            s0, s1 = sents[k]
            if host:
                st = min(host, key=lambda s: s.end - s.start)
                holder_id[i], holder_kind[i] = st.holder_id, st.holder_kind
                statement_id[i] = st.extra["id"]
                voice = text
                lo, hi = st.start, st.end  # the content's own sentence around the target
                if "sentences" not in st.extra:  # once per statement, not per mention
                    st.extra["sentences"] = sentence_spans(text[st.start : st.end])
                for x, y in st.extra["sentences"]:
                    if st.start + x <= a < st.start + y:
                        lo, hi = st.start + x, st.start + y
                        break
                c0, c1 = _clause(text, lo, hi, a, b)
            else:
                if jtext is None:
                    jtext = _blank_spans(masked, [(s.start, s.end) for s in stmts] + quotes)
                voice = jtext
                c0, c1 = _clause(jtext, s0, s1, a, b)
            cues = _term_cues(voice, c0, c1, mention_spans, mention_starts, lex)
            if cues:
                score[i] = min(1.0, max(-1.0, sum(w for _, w in cues) / len(cues)))
                cues_out[i] = "; ".join(f"{c}:{w:+.1f}" for c, w in cues)
                has_cue[i] = True
            if scorer is not None:
                windows.append((i, voice[c0:c1], a - c0, b - c0))

    if scorer is not None and windows:
        need = [w for w in windows if not has_cue[w[0]]]
        if need:
            X = pd.DataFrame(
                {
                    "text": [w[1] for w in need],
                    "start": [w[2] for w in need],
                    "end": [w[3] for w in need],
                }
            )
            pol = scorer.score(X)["polarity"].to_numpy(dtype=float)
            for (i, *_), p in zip(need, pol, strict=True):
                if not np.isnan(p):
                    score[i] = float(np.clip(p, -1, 1))
                    cues_out[i] = f"{getattr(scorer, 'name', 'scorer')}:{p:+.2f}"

    out = mentions.copy()
    out["holder_id"] = holder_id
    out["holder_kind"] = holder_kind
    out["statement_id"] = pd.Series(statement_id, index=out.index, dtype=object)
    out["stance"] = [_label(s, neutral_band) for s in score]
    out["stance_score"] = score
    out["stance_cues"] = cues_out
    return out


__all__ = [
    "DEFAULT_LEXICON",
    "JOURNALIST",
    "STANCE_COLUMNS",
    "STANCE_LABELS",
    "StanceLexicon",
    "load_stance_lexicon",
    "score_stance",
]
