"""Target-dependent sentiment from TextBlob's pattern lexicon plus evaluative verbs.

:class:`TextBlobSentimentScorer` scores what a sentence says about one target (an actor
mention), not the sentence as a whole: it reads only the clause around the target and
gives evaluative verbs (*praise*, *condemn*, *threaten*) to their object, not their subject.

>>> import pandas as pd
>>> from framing.scorers.sentiment import TextBlobSentimentScorer
>>> text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
>>> X = pd.DataFrame({"text": [text, text], "start": [19, 48], "end": [23, 54]})
>>> TextBlobSentimentScorer().fit(X).score(X)["label"].tolist()
['positive', 'negative']
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from framing.scorers.base import BaseScorer, as_targets, polarity_to_label
from framing.scorers.lexicon_verbs import VERB_FORMS, VERB_LEXICON_VERSION
from framing.text import normalize_quotes, split_sentences

__all__ = ["SCOPES", "TextBlobSentimentScorer", "expand_contractions", "find_clauses"]

#: Options of the ``scope`` parameter.
SCOPES = ("clause", "sentence", "text")

# --- normalisation -----------------------------------------------------------------------

#: Negative contractions, matched after quotes are straightened. Irregular forms first.
_CONTRACTION_RE = re.compile(r"\b(can|won|shan|ain)'t\b|(?<=[^\W\d_])n't\b", re.IGNORECASE)
_IRREGULAR_NOT = {"can": "can not", "won": "will not", "shan": "shall not", "ain": "is not"}


def expand_contractions(text: str, offsets=()) -> tuple[str, list[int]]:
    """Straighten quotes and expand negative contractions, keeping offsets valid.

    Curly apostrophes and quotes become ``'`` and ``"`` (:func:`framing.text.normalize_quotes`);
    then ``isn't`` → ``is not``, ``n't`` → `` not``, ``can't`` → ``can not``,
    ``won't`` → ``will not``, ``shan't`` → ``shall not``, ``ain't`` → ``is not``.

    Parameters
    ----------
    text : str
        Any text.
    offsets : sequence of int, default=()
        Character offsets into `text` (``0 <= offset <= len(text)``) to translate into
        the expanded text, e.g. a target's ``start`` and ``end``. An offset strictly
        inside an expanded contraction moves to the end of its expansion.

    Returns
    -------
    expanded : str
        The normalised text (longer than `text` by 1 character per ``n't``).
    mapped : list of int
        `offsets` translated into `expanded`, same length and order.

    Examples
    --------
    >>> expand_contractions("Kyiv\u2019s plan isn\u2019t good.", [0, 4])
    ("Kyiv's plan is not good.", [0, 4])
    """
    text = normalize_quotes(text)
    if "'t" not in text and "'T" not in text:
        return text, list(offsets)
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []  # (old_a, old_b, new_a, new_b)
    last = 0
    shift = 0
    for m in _CONTRACTION_RE.finditer(text):
        irregular = m.group(1)
        a, b = m.span()
        new = _IRREGULAR_NOT[irregular.lower()] if irregular else " not"
        pieces.append(text[last:a])
        pieces.append(new)
        edits.append((a, b, a + shift, a + shift + len(new)))
        shift += len(new) - (b - a)
        last = b
    pieces.append(text[last:])
    mapped = []
    for pos in offsets:
        delta = 0
        new_pos = None
        for a, b, na, nb in edits:
            if pos >= b:
                delta = nb - b
            elif pos > a:
                new_pos = nb
                break
            else:
                break
        mapped.append(pos + delta if new_pos is None else new_pos)
    return "".join(pieces), mapped


# --- clause and sentence boundaries ---------------------------------------------------------

#: Separators between clauses. The separator (and its conjunction) belongs to no clause.
_CLAUSE_RE = re.compile(
    r"(?=[\s;:,\u2013\u2014])"  # every separator starts with one of these (speed)
    r"(?:\s*[;:](?=\s|$)\s*"  # semicolon or colon followed by a space
    r"|\s+-{1,2}\s+|\s*[\u2013\u2014]+\s*"  # spaced hyphen(s), en or em dash
    r"|,?\s+(?:but|while|whereas|although|though|however|even\s+though|despite)\b,?\s*"
    r"|,\s*(?:and|or|so|nor|yet)\s+)",
    re.IGNORECASE,
)
#: Cheap test for "this window may hold more than one sentence".
_MAYBE_SENTENCES_RE = re.compile(r"[.!?][\"')\]]*\s+\S|\n")


def find_clauses(text: str, *, scope: str = "clause") -> list[tuple[int, int]]:
    """Split a text into the units the scorer reads: clauses or sentences.

    Sentences come from :func:`framing.text.split_sentences` (only called when the
    text may hold more than one sentence). With ``scope='clause'`` each sentence is
    split further at ``;``, ``:``, dashes, ``but``, ``while``, ``whereas``,
    ``although``, ``though``, ``however``, ``even though``, ``despite`` and at a comma
    followed by ``and``, ``or``, ``so``, ``nor`` or ``yet``.

    Parameters
    ----------
    text : str
        Any text.
    scope : {'clause', 'sentence', 'text'}, default='clause'
        Unit to split into; ``'text'`` returns the whole text as one unit.

    Returns
    -------
    spans : list of tuple of (int, int)
        ``(start, end)`` character offsets into `text`, sorted and not overlapping.
        Separators fall between spans. Empty text gives ``[]``.

    Examples
    --------
    >>> text = "Washington praised Kyiv but condemned Moscow."
    >>> [text[a:b] for a, b in find_clauses(text)]
    ['Washington praised Kyiv', 'condemned Moscow.']
    """
    if not text:
        return []
    if scope == "text":
        return [(0, len(text))]
    if _MAYBE_SENTENCES_RE.search(text):
        sentences = split_sentences(text) or [(0, len(text))]
    else:
        sentences = [(0, len(text))]
    if scope == "sentence":
        return sentences
    spans = []
    for s0, s1 in sentences:
        start = s0
        for m in _CLAUSE_RE.finditer(text, s0, s1):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, s1))
    return [(a, b) for a, b in spans if b > a] or [(0, 0)]


# --- lexicon resources, built once per process -------------------------------------------

#: Words that turn the polarity of what follows (TextBlob's own list).
_NEGATIONS = frozenset({"no", "not", "n't", "never"})
#: Words that negate a following evaluative verb ("refused to condemn").
_VERB_NEGATORS = _NEGATIONS | frozenset(
    {"without", "refuse", "refuses", "refused", "refusing", "decline", "declines",
     "declined", "declining", "fail", "fails", "failed", "failing", "neither", "nor"}
)
#: Words skipped after a negation so that it reaches the next word ("not *the* best").
_NEGATION_TRANSPARENT = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their",
     "our", "my", "your", "any", "such"}
)
#: Auxiliaries that make a following past participle passive ("was praised").
_PASSIVE_AUX = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got",
     "gotten", "getting"}
)
#: Words allowed between the auxiliary and the participle ("was not widely praised").
_PASSIVE_GAP = _NEGATIONS | frozenset({"also", "often", "repeatedly", "again", "just"})


@lru_cache(maxsize=1)
def _resources():
    """Return the pattern lexicon, the emoticon table and the tokenizer, once per process.

    TextBlob's ``PatternAnalyzer`` wraps the module-level ``textblob.en.sentiment``
    lexicon; we read that object directly, so the lexicon XML is parsed once per
    process and nothing is constructed per text.
    """
    from textblob._text import EMOTICONS, PUNCTUATION
    from textblob.en import sentiment as lexicon

    len(lexicon)  # the lazy dict parses en-sentiment.xml on first access
    emoticons: dict[str, float] = {}
    for (_, p), group in EMOTICONS.items():
        for e in group:
            emoticons.setdefault(e.lower(), p)
    token_re = re.compile(
        r"(?<!\S)(?:" + "|".join(map(re.escape, sorted(emoticons, key=len, reverse=True)))
        + r")(?!\S)"
        r"|\w+(?:-\w+)*"
        r"|'(?:s|re|ve|ll|d|m)\b"
        r"|[^\w\s]",
        re.IGNORECASE,
    )
    return _Lexicon(dict(lexicon), emoticons, frozenset(PUNCTUATION)), token_re


class _Lexicon:
    """The pattern lexicon as a plain dict plus pattern's assessment rules."""

    __slots__ = ("entries", "emoticons", "punctuation")

    def __init__(self, entries, emoticons, punctuation):
        self.entries = entries  # word -> {pos: (polarity, subjectivity, intensity)}
        self.emoticons = emoticons  # lower-case emoticon -> polarity
        self.punctuation = punctuation

    def assess(self, words):
        """Return ``(polarity, subjectivity)`` per assessed word, as pattern does.

        A line-by-line port of ``textblob._text.Sentiment.assessments`` (pattern
        2.6, BSD licence) for untagged words (``pos=None``): modifiers
        ("very good"), negation ("not good" = -0.5 x good), "!" boosts, emoticons.
        One change: a negation also reaches past a determiner or possessive
        ("not *the* best"). `words` are lower-case tokens or None (skipped).
        """
        entries = self.entries
        a = []  # [polarity, subjectivity, intensity, negated]
        m = None  # preceding modifier (a known adverb such as "very")
        n = None  # preceding negation
        after_negation = False
        for w in words:
            if w is None:
                continue
            if after_negation and w in _NEGATION_TRANSPARENT:
                continue
            after_negation = w in _NEGATIONS
            entry = entries.get(w)
            if entry is not None and None in entry:
                p, s, i = entry[None]
                if m is None:
                    a.append([p, s, i, False])
                else:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], 1.0))
                    last[1] = max(-1.0, min(s * last[2], 1.0))
                    last[2] = i
                if n is not None:
                    a[-1][2] = 1.0 / a[-1][2]
                    a[-1][3] = True
                m = w if "RB" in entry else None
                n = w if w in _NEGATIONS else None
            else:
                if w in _NEGATIONS:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and m.endswith("ly"):
                    a[-1][3] = True
                    n = None
                elif m and len(w) > 2:
                    m = None
                if w == "!" and a:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, 1.0))
                if w == "(!)":
                    a.append([0.0, 1.0, 1.0, False])
                if len(w) <= 5 and not w.isalpha() and w not in self.punctuation:
                    p = self.emoticons.get(w)
                    if p is not None:
                        a.append([p, 1.0, 1.0, False])
        return [(p * -0.5 if neg else p, s) for p, s, _, neg in a]


def _is_negated(words, v):
    return any(w in _VERB_NEGATORS for w in words[max(0, v - 3) : v])


def _is_passive(words, v):
    if not VERB_FORMS[words[v]].is_participle:
        return False
    for j in range(v - 1, max(-1, v - 4), -1):
        w = words[j]
        if w in _PASSIVE_AUX:
            return True
        if not (w in _PASSIVE_GAP or w.endswith("ly")):
            return False
    return False


class TextBlobSentimentScorer(BaseScorer):
    """Score the sentiment a text expresses toward a target, with TextBlob's lexicon.

    Each target's text is cut to a window of at most `max_chars` characters around
    the target, normalised (straight quotes, ``isn't`` → ``is not``) and split into
    clauses; only the clause that holds the target is read. Inside it, an evaluative
    verb counts toward its object: in *Washington praised Kyiv*, *praised* is
    positive toward Kyiv and says nothing (``agent`` polarity 0) about Washington.
    The words of the target itself are not scored (an actor named *Hope* is not
    positive). Adjectives and adverbs get TextBlob's pattern polarity.

    Parameters
    ----------
    neutral_band : float, default=0.01
        Half-width of the neutral interval: ``|polarity| <= neutral_band`` is
        labelled ``'neutral'``. In [0, 1). The default was chosen on the NewsMTSC
        development splits only (dev-rw + dev-mt, ``framing.evaluate.fit_thresholds``):
        macro-F1 0.437 on dev-rw and 0.476 on dev-mt.
    scope : {'clause', 'sentence', 'text'}, default='clause'
        Unit read around the target. ``'clause'`` and ``'sentence'`` apply the
        target rules below; ``'text'`` scores the whole window (up to `max_chars`)
        as one document, without target rules (use it with
        ``score_mentions(..., window_sentences > 0)``).
    use_verb_lexicon : bool, default=True
        Use the evaluative-verb lexicon (:mod:`framing.scorers.lexicon_verbs`) and
        the agent/patient rule. False gives plain TextBlob polarity of the unit
        (minus the target's own words).
    max_chars : int, default=1000
        Maximum number of characters read per target, centred on the target
        (the first `max_chars` characters of a longer target). Bounds the time per
        target. Unit: characters; at least 1.

    Attributes
    ----------
    is_fitted_ : bool
        True after :meth:`fit`.

    See Also
    --------
    framing.scorers.score_mentions : Score every row of a mentions table.
    framing.scorers.lexicon_verbs : The evaluative-verb lexicon.

    Notes
    -----
    **Lexicon.** TextBlob's ``PatternAnalyzer`` uses the pattern lexicon of about
    2,900 English adjectives and adverbs with polarity in [-1, 1], subjectivity in
    [0, 1] and an intensity (De Smedt & Daelemans, 2012, "Pattern for Python",
    JMLR 13, 2063-2067). It handles intensifiers ("very good"), exclamation marks,
    emoticons and negation ("not good" = -0.5 x "good"). We read TextBlob's lexicon
    object directly (loaded once per process) and apply a port of its
    ``assessments`` routine to our tokens (tested to give TextBlob's numbers; the
    original spends most of its time scanning the emoticon list), with two
    changes: a negation also reaches past a determiner or possessive ("is not *the*
    best"), and negative contractions are expanded first (TextBlob reads ``isn't``
    as ``isn't``, not as a negation). Polarity is the mean of the assessed words (0
    when none), subjectivity likewise, as in TextBlob.

    **Verbs.** The pattern lexicon lacks verbs such as *praise* or *condemn*;
    :mod:`framing.scorers.lexicon_verbs` (written for framing) gives each a
    ``patient`` polarity (toward its object) and an ``agent`` polarity (toward its
    subject). Negated verbs ("did not condemn", "refused to praise") give -0.5 x
    the patient polarity and no agent polarity.

    **Target rule** (``scope`` 'clause' or 'sentence'). Let V be the evaluative
    verbs of the unit:

    1. the target follows a verb v (the nearest one before it): the target is v's
       object. Score = v's patient polarity + the words between v and the next
       verb. In a passive clause with ``by`` between v and the target ("Kyiv was
       praised by Washington") the target is the agent instead.
    2. the target precedes every verb: it is the subject of the first one, v.
       Score = the words before v + v's agent polarity; in a passive clause ("Kyiv
       was condemned") the target is the patient and also gets the words after v
       up to ``by``.
    3. no verb: score = every word of the unit except the target.

    A target that covers its whole unit or crosses a unit boundary (e.g. a whole
    text given as its own target) is scored as a document: every word, verbs with
    their patient polarity.

    This is a word-order heuristic, not a parser: relative clauses, reported
    speech and sarcasm are not resolved. Validate against hand labels before use
    (``framing.datasets.load_gold``).

    Examples
    --------
    >>> scorer = TextBlobSentimentScorer().fit([])
    >>> scorer.score(["Kyiv's plan is not a good idea."])[["polarity", "label"]]
       polarity     label
    0     -0.35  negative
    """

    name = "textblob"
    kind = "continuous"
    supported_languages = frozenset({"en"})
    version = f"pattern-lexicon+framing-verbs-{VERB_LEXICON_VERSION}"
    requires_fit = True

    def __init__(self, *, neutral_band=0.01, scope="clause", use_verb_lexicon=True,
                 max_chars=1000):
        self.neutral_band = neutral_band
        self.scope = scope
        self.use_verb_lexicon = use_verb_lexicon
        self.max_chars = max_chars

    def _validate_params(self):
        cls = type(self).__name__
        band = self.neutral_band
        if isinstance(band, bool) or not isinstance(band, (int, float)) or not 0 <= band < 1:
            raise ValueError(
                f"The 'neutral_band' parameter of {cls} must be a float in [0, 1). "
                f"Got {band!r} instead."
            )
        if self.scope not in SCOPES:
            raise ValueError(
                f"The 'scope' parameter of {cls} must be one of {set(SCOPES)!r}. "
                f"Got {self.scope!r} instead."
            )
        if not isinstance(self.use_verb_lexicon, (bool, np.bool_)):
            raise ValueError(
                f"The 'use_verb_lexicon' parameter of {cls} must be a bool. "
                f"Got {self.use_verb_lexicon!r} instead."
            )
        n = self.max_chars
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(
                f"The 'max_chars' parameter of {cls} must be an int >= 1 (characters). "
                f"Got {n!r} instead."
            )

    def fit(self, X, y=None):
        """Check the input and the parameters; nothing is learned.

        Parameters
        ----------
        X : pandas.DataFrame of shape (n_targets, >= 3) or iterable of str
            Targets (columns ``text``, ``start``, ``end``) or texts; see
            :func:`framing.scorers.as_targets`. May be empty.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        self : TextBlobSentimentScorer
            The fitted scorer.

        Raises
        ------
        TypeError
            If `X` is a single ``str`` or holds a non-str text.
        MissingColumnError
            If a targets table lacks ``text``, ``start`` or ``end``.
        ValueError
            If a parameter is out of range, or a span lies outside its text.
        """
        self._validate_params()
        as_targets(X)
        self.is_fitted_ = True
        return self

    def score(self, X) -> pd.DataFrame:
        """Score the sentiment toward each target.

        Parameters
        ----------
        X : pandas.DataFrame of shape (n_targets, >= 3) or iterable of str
            Targets (columns ``text``, ``start``, ``end``: character offsets of the
            target in ``text``) or texts, each its own target.

        Returns
        -------
        scores : pandas.DataFrame of shape (n_targets, 3)
            Index ``0..n-1``; columns ``polarity`` (float in [-1, 1]; NaN when the
            text is empty or whitespace), ``label`` (``'negative'``, ``'neutral'``,
            ``'positive'``; None where polarity is NaN) and ``subjectivity`` (float
            in [0, 1]; NaN where polarity is NaN).

        Raises
        ------
        sklearn.exceptions.NotFittedError
            If the scorer has not been fitted.
        TypeError
            If `X` is a single ``str`` or holds a non-str text.
        MissingColumnError
            If a targets table lacks ``text``, ``start`` or ``end``.
        ValueError
            If a span lies outside its text or a parameter is out of range.
        """
        check_is_fitted(self)
        self._validate_params()
        targets = as_targets(X)
        n = len(targets)
        polarity = np.full(n, np.nan)
        subjectivity = np.full(n, np.nan)
        cache: dict[tuple[str, int, int], tuple[float, float]] = {}
        texts = targets["text"].tolist()
        starts = targets["start"].tolist()
        ends = targets["end"].tolist()
        for i in range(n):
            key = (texts[i], starts[i], ends[i])
            result = cache.get(key)
            if result is None:
                result = cache[key] = self._score_one(*key)
            polarity[i], subjectivity[i] = result
        return pd.DataFrame(
            {
                "polarity": polarity,
                "label": pd.Series(polarity_to_label(polarity, self.neutral_band), dtype=object),
                "subjectivity": subjectivity,
            }
        )

    # --- one target ------------------------------------------------------------------

    def _score_one(self, text: str, start: int, end: int) -> tuple[float, float]:
        if not text or text.isspace():
            return math.nan, math.nan
        lexicon, token_re = _resources()
        # 1. window of at most max_chars characters around the target
        width = int(self.max_chars)
        if end - start >= width:
            lo, hi = start, start + width
        else:
            lo = max(0, start - (width - (end - start)) // 2)
            hi = min(len(text), lo + width)
            lo = max(0, min(lo, hi - width))
        window, (ts, te) = expand_contractions(text[lo:hi], (start - lo, min(end, hi) - lo))
        # 2. the unit (clause/sentence) holding the target
        span_mode = self.scope == "text"
        if span_mode:
            u0, u1 = 0, len(window)
        else:
            units = find_clauses(window, scope=self.scope)
            touched = [(a, b) for a, b in units if a < te and b > ts] or [
                min(units, key=lambda u: min(abs(u[0] - ts), abs(u[1] - ts)))
            ]
            u0, u1 = touched[0][0], touched[-1][1]
            span_mode = len(touched) > 1
        # 3. tokens of the unit
        found = [(m.start(), m.end(), m.group()) for m in token_re.finditer(window, u0, u1)]
        words = [w.lower() for _, _, w in found]
        if te > ts:
            inside = [b > ts and a < te for a, b, _ in found]
        else:  # empty target: the token that holds its position, if any
            inside = [a <= ts < b for a, b, _ in found]
        if not span_mode and not any(
            w[:1].isalnum() and not t for w, t in zip(words, inside)
        ):
            span_mode = True  # the target covers every word of its unit
        if span_mode:
            pairs = self._score_document(lexicon, words)
        else:
            pairs = self._score_target(lexicon, words, inside, window, ts, u0, token_re)
        if not pairs:
            return 0.0, 0.0
        pol = sum(p for p, _ in pairs) / len(pairs)
        subj = sum(s for _, s in pairs) / len(pairs)
        return min(1.0, max(-1.0, pol)), min(1.0, max(0.0, subj))

    def _score_document(self, lexicon, words):
        """Every word counts; evaluative verbs with their patient polarity."""
        if not self.use_verb_lexicon:
            return lexicon.assess(words)
        pairs = []
        plain = list(words)
        for i, w in enumerate(words):
            entry = VERB_FORMS.get(w)
            if entry is not None:
                factor = -0.5 if _is_negated(words, i) else 1.0
                pairs.append((entry.patient * factor, entry.subjectivity))
                plain[i] = None
        return pairs + lexicon.assess(plain)

    def _score_target(self, lexicon, words, inside, window, ts, u0, token_re):
        """Apply the target rule (see the class Notes) to one unit's tokens."""
        n = len(words)
        tgt = [i for i in range(n) if inside[i]]
        if tgt:
            t0, t1 = tgt[0], tgt[-1]
        else:  # empty span between tokens: position only
            t0 = sum(1 for m in token_re.finditer(window, u0, ts))
            t1 = t0 - 1
        plain = [None if inside[i] else words[i] for i in range(n)]
        verbs = (
            [i for i in range(n) if not inside[i] and words[i] in VERB_FORMS]
            if self.use_verb_lexicon
            else []
        )
        before = [v for v in verbs if v < t0]
        after = [v for v in verbs if v > t1]
        if before:
            v = before[-1]
            nxt = after[0] if after else n
            by_agent = _is_passive(words, v) and "by" in words[v + 1 : t0]
            role = "agent" if by_agent else "patient"
            region = range(v + 1, nxt)
        elif after:
            v = after[0]
            if _is_passive(words, v):
                role = "patient"
                stop = next((j for j in range(v + 1, n) if words[j] == "by"), n)
                stop = min(stop, after[1] if len(after) > 1 else n)
                region = [*range(0, v), *range(v + 1, stop)]
            else:
                role = "agent"
                region = range(0, v)
        else:
            return lexicon.assess(plain)
        entry = VERB_FORMS[words[v]]
        negated = _is_negated(words, v)
        if role == "patient":
            p = entry.patient * (-0.5 if negated else 1.0)
        else:
            p = 0.0 if negated else entry.agent
        pairs = [(p, entry.subjectivity)] if p != 0.0 else []
        return pairs + lexicon.assess([plain[j] for j in region])
