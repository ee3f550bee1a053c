"""Quote and source attribution: who said what, in the journalist's text.

Separates the voices an outlet quotes or paraphrases from the outlet's own voice.
:func:`find_statements` returns one row per attributed statement (direct quote or
reported speech) with its content span, the speaker phrase and the speaker's actor id.

>>> from framing.quotes import find_statements
>>> statements = find_statements(articles, load_actors())  # doctest: +SKIP
>>> statements[["holder_id", "kind", "verb", "content"]]  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from framing.exceptions import MissingColumnError
from framing.text import cap_span_lengths, literal_alternation


def _words(s: str) -> list[str]:
    """Split a whitespace-separated word list (keeps the long lexicons readable)."""
    return s.split()


#: Columns of the statements table, in order (``content`` is an addition to the brief's list).
STATEMENT_COLUMNS = (
    "article_id",
    "outlet",
    "published",
    "field",
    "statement_id",
    "start",
    "end",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "holder_id",
    "holder_kind",
    "kind",
    "verb",
    "content",
)
#: Holder id of a statement whose speaker maps to no registry actor.
UNKNOWN_HOLDER = "unknown"
#: Values of ``holder_kind``.
HOLDER_KINDS = ("named", "unnamed_source", "pronoun")
#: Values of ``kind``.
STATEMENT_KINDS = ("direct", "reported")
#: Article fields searched for statements, in this order.
FIELDS = ("title", "text")
#: Longest direct quote considered, in characters (guards against an unpaired mark).
MAX_QUOTE_CHARS = 4000
#: How far back a pronoun speaker ('he said') looks for its person, in characters.
PRONOUN_WINDOW_CHARS = 1500
#: Longest single-quoted span considered, in characters (scare quotes, headline quotes).
MAX_SINGLE_QUOTE_CHARS = 200

# --------------------------------------------------------------------------- lexicon
# Verbs that introduce speech (finite forms; matched case-sensitively, so the
# 'States' of 'United States' never matches 'states').
SPEECH_VERBS = _words(
    "said says say told tells stated states warned warns insisted insists argued argues "
    "claimed claims added adds noted notes suggested suggests indicated indicates explained "
    "explains announced announces declared declares asserted asserts maintained maintains "
    "stressed stresses emphasized emphasised emphasizes emphasises acknowledged acknowledges "
    "admitted admits denied denies confirmed confirms reiterated reiterates urged urges wrote "
    "writes tweeted posted replied replies responded responds countered counters called calls "
    "described describes accused accuses predicted predicts promised promises vowed vows "
    "pledged pledges threatened threatens signalled signaled signals hinted hints complained "
    "complains lamented laments alleged alleges cautioned cautions observed remarked "
    "commented conceded concedes contended contends reported reports recalled recalls "
    "demanded demands"
)
# Present participles that continue the speech of the clause's subject (", adding that ...").
SPEECH_PARTICIPLES = _words(
    "saying adding claiming stating arguing warning insisting noting explaining calling "
    "describing accusing suggesting urging declaring asserting stressing emphasizing "
    "emphasising complaining alleging insisting predicting promising vowing threatening "
    "telling"
) + ["referring to"]
# Russian and Ukrainian speech verbs (past forms of each gender and number, present
# 3rd person); 'вважає'/'считает' (holds that) report a position like 'believes'.
SPEECH_VERBS_RU = _words(
    "заявил заявила заявили заявляет заявляют сказал сказала сказали говорит говорят "
    "сообщил сообщила сообщили сообщает сообщают подчеркнул подчеркнула подчеркнули "
    "подчеркивает отметил отметила отметили отмечает добавил добавила добавили пояснил "
    "пояснила пояснили предупредил предупредила предупредили написал написала написали "
    "ответил ответила ответили считает считают признал признала признали напомнил "
    "напомнила напомнили заверил заверила заверили настаивает утверждает утверждал "
    "утверждала указал указала указали назвал назвала назвали называет называют"
)
SPEECH_VERBS_UK = _words(
    "заявив заявила заявили заявляє заявляють сказав сказала сказали каже кажуть говорить "
    "повідомив повідомила повідомили повідомляє наголосив наголосила наголосили наголошує "
    "зазначив зазначила зазначили зазначає додав додала додали пояснив пояснила пояснили "
    "попередив попередила попередили написав написала написали відповів відповіла "
    "відповіли вважає вважають визнав визнала визнали нагадав нагадала нагадали запевнив "
    "запевнила запевнили наполягає стверджує стверджував стверджувала вказав вказала вказали "
    "назвав назвала назвали називає називають"
)
SPEECH_VERBS = SPEECH_VERBS + sorted(set(SPEECH_VERBS_RU + SPEECH_VERBS_UK))
# Russian and Ukrainian verbal adverbs continuing the subject's speech (', добавив, что').
SPEECH_PARTICIPLES += _words(
    "добавив подчеркнув отметив напомнив додавши наголосивши зазначивши підкресливши нагадавши"
)
# Verbs after which a speaker named after the verb is expected: '"...," said Zelenskyy'.
# In Russian and Ukrainian every speech verb inverts after a quote ('», — заявил Песков').
_INVERTED_VERBS = {
    "said",
    "says",
    "added",
    "told",
    "wrote",
    "asked",
    "stated",
    "insisted",
    "warned",
}
# Nouns heading an unnamed-source speaker phrase ("a US official", "Kremlin spokesman").
ROLE_NOUNS = frozenset(
    _words(
        "official officials spokesman spokesmen spokeswoman spokeswomen spokesperson "
        "spokespeople source sources diplomat diplomats aide aides adviser advisers advisor "
        "advisors insider insiders representative representatives lawmaker lawmakers "
        "legislator legislators analyst analysts observer observers people person "
        "minister ministers ministry government administration envoy envoys ambassador "
        "negotiator negotiators officer officers commander commanders military army "
        "media press statement report reports communique authorities leadership leaders "
        "leader experts expert critics critic supporters allies ally nobody everyone "
        "everybody someone somebody many some few officials' office "
        # Russian and Ukrainian (nominative singular and plural)
        "представитель представители представник представники речник речниця "
        "пресс-секретарь прессекретар пресс-служба пресслужба источник источники джерело "
        "джерела чиновник чиновники посадовець посадовці дипломат дипломаты дипломати "
        "эксперт эксперты експерт експерти аналитик аналитики аналітик аналітики министр "
        "міністр министерство міністерство мид мзс посол правительство уряд администрация "
        "адміністрація офис офіс ведомство відомство"
    )
)
PRONOUNS = frozenset(_words("he she they we i it он она они мы я він вона вони ми його її его её"))
_PERSON_PRONOUNS = frozenset(_words("he she он она він вона його її его её"))
# Auxiliaries and adverbs allowed between a subject and its speech verb.
_AUX_ADV = frozenset(
    _words(
        "has have had is was were are be been will would could should can may might must "
        "also repeatedly reportedly previously later again once first long then already "
        "still often publicly privately recently initially openly separately earlier "
        "just even never not only further explicitly do does did don't doesn't didn't won't "
        "cannot can't don’t doesn’t didn’t won’t can’t "
        "также також уже вже ранее раніше еще ще вновь знову неоднократно публично публічно "
        "прямо тоже теж официально офіційно не ни ні"
    )
)
# Words that cannot end a subject: they mark a verb or clause before the speech verb.
_VERBLIKE = frozenset(
    _words("is are was were has have had be been did does do met made took gave got went came")
)
_SPEECH_VERB_SET = frozenset(SPEECH_VERBS)
_MODALS = frozenset(_words("will would could should can may might must shall"))
_NOT_IN_SUBJECT = _VERBLIKE | _SPEECH_VERB_SET | _MODALS  # lower-case words a subject stops at
_NEGATORS = frozenset(_words("not never no n't не ни ні"))
# First words after a clause-final speech verb ('…, officials said on Monday.').
_ADJUNCT_STARTS = frozenset(
    _words(
        "on in at per to during after before last this yesterday today tonight late early "
        "earlier later recently separately privately publicly again too also afterwards "
        "without while when as "
        "в во у на после після вчера вчора сегодня сьогодні журналистам журналістам также "
        "також"
    )
)
_BE_FORMS = frozenset(_words("is are was were be been being"))
#: Determiners and possessives (English, Russian, Ukrainian) that may open a speaker or
#: subject phrase; shared with :mod:`framing.stance`.
DETERMINERS = frozenset(
    _words(
        "the a an this that these those his her its their our my your some any no every each "
        "этот эта это эти цей ця це ці его её их його її їх наш наша ваш"
    )
)
#: Prepositions (English, Russian, Ukrainian) that end a subject phrase scanned backwards;
#: shared with :mod:`framing.stance`.
PREPOSITIONS = frozenset(
    _words(
        "in at on to from with for of by about against under over into during after before "
        "per via than as "
        "в во у на за с со з із зі до от від для по про о об при під под над перед после "
        "після через без к ко між между из против проти"
    )
)
_DETERMINERS_OF_FOR = DETERMINERS | {"of", "for"}  # may not end a sentence subject
_ROLE_OR_DETERMINER = ROLE_NOUNS | DETERMINERS  # lower-case words of a headline speaker
# Russian and Ukrainian coordinators ('and', 'or') and contrast words ('but').
_AND_WORDS = frozenset(_words("and or и і й та а или або"))
_BUT_WORDS = frozenset(_words("but но але однако проте"))

_W = r"[^\W\d_][\w'’.\-]*"  # a word: letter first; keeps "Caliber.Az", "Zelenskyy’s", "U.S."


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# A speech verb or participle with the character before it, which must not be a word
# character: scan ' ' + text and subtract one from the offsets (_speech_words). A
# pattern that starts with a character class is scanned faster than one that starts
# with a lookbehind ('(?<![\w\-’'])' before issue 16); no word is both a verb and a
# participle, and a word can only match as a whole, so one scan finds what one scan
# per list found (tests/test_stance_speed.py).
_SPEECH_WORD_AFTER_RE = re.compile(
    rf"[^\w\-’'](?P<v>{literal_alternation(SPEECH_VERBS + SPEECH_PARTICIPLES)})(?![\w\-])"
)
_PARTICIPLE_SET = frozenset(SPEECH_PARTICIPLES)
#: A regex class body of the characters on which :func:`table_class` writes a class
#: out: Latin (with Latin-1 and the Latin Extended blocks), IPA, combining marks,
#: Greek, Cyrillic and its supplement, and general punctuation (typographic quotes,
#: dashes, ellipsis). News text in English, Russian and Ukrainian rarely holds another.
TABLE_CHARACTERS = "\x00-\u052f\u2000-\u206f"
_NOT_TABLE_CHARACTER_RE = re.compile(f"[^{TABLE_CHARACTERS}]")


def table_class(char_class: str) -> str:
    r"""A regex class that matches what `char_class` matches among :data:`TABLE_CHARACTERS`.

    The class is written out character by character (and matches nothing outside
    :data:`TABLE_CHARACTERS`): the regex engine looks its characters up in a table
    instead of testing a category such as ``\w`` per character, so a pattern that
    starts with it is scanned faster. It finds the same matches as `char_class` in a
    text for which :func:`has_only_table_characters` is True.

    Parameters
    ----------
    char_class : str
        A regex character class, e.g. ``r"[^\w\-]"``.

    Returns
    -------
    str
        A regex character class (``[...]``).
    """
    cls = re.compile(char_class)
    chars = (c for c in map(chr, range(0x2070)) if _NOT_TABLE_CHARACTER_RE.match(c) is None)
    return "[{}]".format(re.escape("".join(c for c in chars if cls.fullmatch(c))))


#: ``[^\w\-’']`` (not a word character, hyphen or apostrophe: the character before a
#: speech or attitude verb) as a :func:`table_class`.
NON_WORD_CLASS = table_class(r"[^\w\-’']")


def has_only_table_characters(text: str) -> bool:
    r"""Whether every character of `text` is one of :data:`TABLE_CHARACTERS`.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool
        True for ASCII text and for text whose other characters are Latin, Greek or
        Cyrillic letters and marks or general punctuation; there a
        :func:`table_class` (such as :data:`NON_WORD_CLASS`) may stand for its class.
    """
    return text.isascii() or _NOT_TABLE_CHARACTER_RE.search(text) is None


_MASK = "\x1a"  # fills the content of a quote in a masked field (mask_quotes)
# _SPEECH_WORD_AFTER_RE with NON_WORD_CLASS less the mask character: the same matches
# in a masked field where has_only_table_characters holds and the field itself has no
# mask character. A masked run ends before a kept '.!?,', the closing quote mark or
# the space before a dialogue dash, never before a word, so the scan need not try a
# match after each of its characters (more than half of the non-word characters of
# news text, which quotes a lot).
_SPEECH_WORD_AFTER_TABLE_RE = re.compile(
    NON_WORD_CLASS.replace(_MASK, "")
    + _SPEECH_WORD_AFTER_RE.pattern[_SPEECH_WORD_AFTER_RE.pattern.index("(?P<v>") :]
)


def _speech_words(
    masked: str, text: str
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The speech verbs and participles of a quote-masked field, as ``(start, end, word)``.

    Verbs: not after a word character, hyphen or apostrophe (and not followed by a
    word character or hyphen). Participles: after a space or a comma (', adding that').
    `text` is the field that `masked` masks (:func:`mask_quotes`).
    """
    verbs, participles = [], []
    fast = has_only_table_characters(masked) and _MASK not in text
    pattern = _SPEECH_WORD_AFTER_TABLE_RE if fast else _SPEECH_WORD_AFTER_RE
    for m in pattern.finditer(" " + masked):
        va, vb = m.span("v")
        v = m.group("v")
        if v not in _PARTICIPLE_SET:
            verbs.append((va - 1, vb - 1, v))
        elif va > 1 and (masked[va - 2] == "," or masked[va - 2].isspace()):
            participles.append((va - 1, vb - 1, v))
    return verbs, participles


_ACCORDING_RE = re.compile(
    r"(?<![\w\-])(?P<v>[Aa]ccording to|(?=[ЗзПпНн])(?:[Зз]а словами|[Пп]о словам|[Пп]о мнению|[Нн]а думку"
    r"|[Пп]о данным|[Зз]а даними|[Пп]о информации|[Зз]а інформацією"
    r"|[Нн]а (?P<p>його|її) думку|[Пп]о (?P<p2>его|её) (?:мнению|словам)"
    r"|[Зз]а (?P<p3>його|її) словами))(?![\w\-])"
)
# Every match of _ACCORDING_RE starts with 'ccording to' after its first letter, or
# with one of these Cyrillic letters (looked for with str's fast substring search,
# about 15 times faster than a regex scan for the character class).
_ACCORDING_CYRILLIC = "ЗзПпНн"
_TOLD_THAT_RE = re.compile(r"(?:\s+[\w’'.-]+){1,5}?\s+that\b\s*")
_PARTICIPLE_LEAD_RE = re.compile(r"\s*(?:that\b|:|,?\s*(?:что|що)(?![\w\-]))?\s*")


def _according_matches(masked: str) -> list[re.Match]:
    """``list(_ACCORDING_RE.finditer(masked))``, without scanning text that has no candidate.

    Without any of the Cyrillic first letters, a match can only be '[Aa]ccording to'
    starting one character before a 'ccording to' found with :meth:`str.find`.
    """
    if not masked.isascii() and any(c in masked for c in _ACCORDING_CYRILLIC):
        return list(_ACCORDING_RE.finditer(masked))
    out = []
    i = masked.find("ccording to", 1)
    while i >= 0:
        m = _ACCORDING_RE.match(masked, i - 1)
        if m is not None:
            out.append(m)
        i = masked.find("ccording to", i + 1)
    return out


_UPPER = "A-ZА-ЯЁЄІЇҐ"  # sentence-initial capitals (Latin and Cyrillic)
#: Regex class body of the Russian and Ukrainian letters. After a Cyrillic word a
#: spaced dash is the copula ('Росія — агресор', 'Russia is an aggressor'), not a
#: clause break as in English.
CYRILLIC_LETTERS = "А-Яа-яЁёЄєІіЇїҐґ"
# A sentence break: newlines, or '.!?' with any closing marks (group q) and spaces
# before a capital, digit, opening mark or dialogue dash. The pattern starts with a
# character class, so the regex engine skips to the next '.!?' or newline; the break
# itself starts after the mark (see sentence_spans). Before issue 16 the pattern
# started after the mark with a lookbehind, and was tried at every position.
_SENT_BREAK_AT_MARK_RE = re.compile(
    r"[.!?\n](?:(?<=\n)\n*"
    rf"|(?<=[.!?])(?P<q>[\"”’')»“]*)\s+(?=(?:[\"“‘'(\[«„]|[—–]\s)?[{_UPPER}0-9]))"
)
_NEWLINES_RE = re.compile(r"\n+")
_ABBREV_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof|Lt|Col|Capt|No|Jr|Sr|Mt|vs)\.|"
    rf"\b(?:[{_UPPER}]\.){{1,3}}|\b[{_UPPER}]\.)$"
)
# A clause boundary *inside* a sentence after which a reported content stops:
# ';|(?<![CYR])\s+[–—-]{1,2}\s+|,…(?:but|…)|,…(?:adding|…)|,…(?:но|…)', written as the
# class of the first characters of its matches and, after it, a lookbehind naming the
# character each alternative starts with (no two alternatives share one): the regex
# engine skips to the next character of the class instead of trying the alternatives
# at every position. Same matches (tests/test_stance_speed.py).
_CLAUSE_END_RE = re.compile(
    rf"[;,\s](?:(?<=;)|(?<=\s)(?<![{CYRILLIC_LETTERS}]\s)\s*[–—-]{{1,2}}\s+"
    r"|(?<=,)[\"”’']?\s*(?:but|while|whereas|although|though|yet|however)(?![\w\-])"
    rf"|(?<=,)[\"”’']?\s*(?:{_alt(SPEECH_PARTICIPLES)})(?![\w\-])"
    r"|(?<=,)[\"”»“’']?\s*(?:но|але|однако|проте|хотя|хоча|а)(?![\w\-])"
    ")"
)
# Boundaries met when scanning back from a verb to find its subject.
_SUBJECT_BOUNDARY_WORDS = _words(
    "that which who whom but or while when because although though if since where whereas "
    "yet meanwhile however what how whether "
    "что що который которая которые який яка які но але однако проте когда коли потому бо "
    "если якщо хотя хоча где де или або"
)
_FORWARD_STOP_WORDS = _words(
    "at in on during after before when while to that who which as and but last this adding "
    "saying with в во у на и і та после після перед когда коли что що который який "
    "журналистам журналістам добавив додавши"
) + ["во время", "під час"]
# Word lists as character tries (literal_alternation): one branch per character
# instead of one try per word at every position. With the word boundary after them,
# no two subject-boundary words can match at one position, so its matches are those
# of the plain alternation; of the forward stops only the start of the first match
# is read, which the order of the words cannot change (tests/test_stance_speed.py).
_SUBJECT_BOUNDARY_RE = re.compile(
    r"[,;:()\[\]\"“”‘«»\x1a]|[.!?](?=\s|$)|[–—]|\s-\s"
    rf"|(?<![\w\-])(?P<w>{literal_alternation(_SUBJECT_BOUNDARY_WORDS)})(?![\w\-])"
)
# The same boundaries read backwards: on the reversed text, with each word reversed
# and 'followed by a space or the end' turned into 'preceded by ...'. Its first match
# in the reversed window before a verb is the last match of _SUBJECT_BOUNDARY_RE in
# the window, unless forward matches overlap, which only ' - - ' can do (group
# ``dash``; tests/test_stance_speed.py).
_SUBJECT_BOUNDARY_REVERSED_RE = re.compile(
    r"[,;:()\[\]\"“”‘«»\x1a]|(?<!\S)[.!?]|[–—]|(?P<dash>\s-\s)|(?<![\w\-])"
    rf"(?P<w>{literal_alternation(w[::-1] for w in _SUBJECT_BOUNDARY_WORDS)})(?![\w\-])"
)
# Boundaries that end a speaker phrase that follows its verb ('said Zelenskyy at ...').
_FORWARD_STOP_RE = re.compile(
    r"[,;:()\[\]\"“”‘«»\x1a]|[.!?](?=\s|$)|[–—]|\s-\s"
    rf"|(?<![\w\-])(?:{literal_alternation(_FORWARD_STOP_WORDS)})(?![\w\-])"
)
#: A word or a punctuation token. No lookaround: a scan of ``text[a:b]`` equals a scan of
#: ``text`` with ``pos=a, endpos=b``.
TOKEN_RE = re.compile(_W)
# An impersonal Russian/Ukrainian speaker: a place or institution after в/у, with a
# plural verb ('В Кремле заявили', 'заявили у Києві'): the place is the holder.
_IMPERSONAL_PLACE_RE = re.compile(
    rf"\s+(?P<place>(?:[Вв]о?|[Уу])\s+[{_UPPER}][\w\-]*(?:\s+[{_UPPER}][\w\-]*)?)"
)
# What may stand between a speech verb and its reported content: 'that', ':', ',' and
# the Russian/Ukrainian complementiser ('заявил, что …', 'заявив, що …').
_LEAD_RE = re.compile(r"\s*(?:that\b|:|,)?\s*(?:(?:что|що)(?![\w\-])\s*)?")
_THAT_RE = re.compile(r"\s*(?:that\b|:|,?\s*(?:что|що)(?![\w\-]))")
_QUOTE_MARK_RE = re.compile(r"[\"“”„«»‘’'‚]")
# A dialogue dash opening a line ('— Мы готовы, — сказал он.'): the dash, then a space.
_DIALOGUE_OPEN_RE = re.compile(r"(?m)^[^\S\n]*[—–][^\S\n]+(?=\S)")
# The dash that closes a line's direct speech before its attribution (', — сказал').
_DIALOGUE_CLOSE_RE = re.compile(r"[,!?…](?P<gap>[^\S\n]+)[—–][^\S\n]+")


# --------------------------------------------------------------------------- records
@dataclass(slots=True)
class Statement:
    """One attributed statement while a field is parsed (offsets into the field).

    ``start``/``end``: the quoted or reported content; ``speaker_start``/``speaker_end``:
    the speaker phrase; ``kind``: ``'direct'`` or ``'reported'``; ``verb`` and
    ``verb_pos``: the speech verb; ``holder_id``/``holder_kind``: set by
    :func:`resolve_holders`. Rows of :data:`STATEMENT_COLUMNS` are made from it; the
    stance scorer (:mod:`framing.stance`) builds its attitude events with it too.
    """

    start: int
    end: int
    speaker_start: int
    speaker_end: int
    kind: str
    verb: str
    verb_pos: int
    inherit: bool = False  # speaker is the clause subject (participle, coordinated verb)
    holder_id: str = UNKNOWN_HOLDER
    holder_kind: str = "named"
    extra: dict = field(default_factory=dict)


class Mention(NamedTuple):  # built for every mention: a tuple is made ~3x faster than a dataclass
    """A registry mention in a field: offsets, actor id, mention kind, whether a person."""

    start: int
    end: int
    actor_id: str
    kind: str
    is_person: bool


# --------------------------------------------------------------------------- quotes
def find_quotes(text: str) -> list[tuple[int, int]]:
    """Find quoted spans (double quotes, and single-quoted scare or headline quotes).

    Straight and curly double quotes are classified as opening or closing from the
    characters around them and paired left to right; a quote left open at a paragraph
    break and re-opened in the next paragraph (the news convention for quotes that run
    over several paragraphs) is continued. Single-quoted spans are kept only when
    they are short, do not nest inside a double quote and their marks cannot be
    apostrophes (``Zelenskyy's``, ``didn't`` are never taken for quote marks).

    Parameters
    ----------
    text : str
        One article field.

    Returns
    -------
    quotes : list of tuple of (int, int)
        ``(open, close)`` character offsets of the quote marks, sorted; the quoted
        content is ``text[open + 1:close]``. Non-overlapping. For the direct speech
        of a dialogue-dash line, the offsets of the space after its opening dash and
        of the space before the dash that closes it.

    Notes
    -----
    Marks recognised: straight quotes, “ ” and ‘ ’ (English), « » and „ “ (Russian,
    Ukrainian, German: ``„`` opens and ``“`` closes), ‚ ‘ for quotes within quotes,
    and dialogue dashes: a line that starts with ``—`` or ``–`` and a space holds
    direct speech up to ``, —`` (or ``! —``, ``? —``, ``… —``) before its attribution.
    """
    doubles: list[tuple[int, int]] = []
    singles: list[tuple[int, int]] = []
    open_d = None
    open_s = None
    n = len(text)
    for m in _QUOTE_MARK_RE.finditer(text):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c in "'‘’‚":
            low9 = open_s is not None and text[open_s] == "‚"
            if c == "‚":  # low-9 single quote: always opens ('‚…‘', '‚…’')
                is_open, is_close = nxt.isalnum() or nxt in "«„", False
            elif c == "‘" and low9:  # closes '‚…‘'
                is_open, is_close = False, not prev.isspace()
            else:
                is_open = (
                    (c in "'‘") and (prev.isspace() or prev in '([{—–-/"“„«') and nxt.isalnum()
                )
                is_close = (c in "'’") and not prev.isspace() and not nxt.isalnum()
            if is_open and open_d is None:
                open_s = i
            elif is_close and open_s is not None:
                if i - open_s <= MAX_SINGLE_QUOTE_CHARS and "\n" not in text[open_s:i]:
                    singles.append((open_s, i))
                open_s = None
            continue
        if c == "“" and open_d is not None and text[open_d] == "„":
            is_open = False  # '„…“' (Ukrainian, Russian, German typography)
        elif c in "“„«":
            is_open = True
        elif c in "”»":
            is_open = False
        else:  # straight double quote: decide from its neighbours
            left_space = prev.isspace() or prev in "([{—–-/:" or i == 0
            right_space = nxt.isspace() or i + 1 >= n
            if left_space and not right_space:
                is_open = True
            elif right_space and not left_space:
                is_open = False
            else:
                is_open = open_d is None
        if is_open:
            if open_d is not None and "\n" in text[open_d:i]:
                continue  # multi-paragraph quote: the new paragraph re-opens it
            open_d = i
            open_s = None
        elif open_d is not None:
            if i - open_d <= MAX_QUOTE_CHARS:
                doubles.append((open_d, i))
            open_d = None
            open_s = None
    # drop single quotes nested in a double quote (quotes within quotes)
    quotes = list(doubles)
    if singles:
        starts = [q[0] for q in doubles]
        for s in singles:
            k = bisect.bisect_right(starts, s[0]) - 1
            if k >= 0 and doubles[k][1] > s[0]:
                continue
            quotes.append(s)
        quotes.sort()
    if "—" in text or "–" in text:
        quotes = _add_dialogue_quotes(text, quotes)
    return quotes


def _add_dialogue_quotes(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add the direct speech of dialogue-dash lines ('— Мы готовы, — сказал он.').

    The speech runs from the dash that opens a line to the punctuation before the
    dash that introduces its attribution, on the same line. The pair returned is
    the space after the opening dash and the space before the closing dash, so that
    ``text[open + 1:close]`` is the speech itself (with its final comma). Lines
    without a closing dash (a reply without attribution) and lines overlapping a
    marked quote are left alone.
    """
    added = []
    for m in _DIALOGUE_OPEN_RE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        close = _DIALOGUE_CLOSE_RE.search(text, m.end(), line_end)
        if close is None:
            continue
        a, b = m.end() - 1, close.start("gap")
        if any(qa < b and a < qb for qa, qb in quotes):
            continue
        added.append((a, b))
    return sorted(quotes + added) if added else quotes


def mask_quotes(text: str, quotes: list[tuple[int, int]]) -> str:
    """Replace the content of each quote by a filler character, keeping the length.

    Parameters
    ----------
    text : str
        One article field.
    quotes : list of tuple of (int, int)
        Its quotes, as from :func:`find_quotes`.

    Returns
    -------
    masked : str
        `text` with the content of each quote replaced by ``'\\x1a'``, so that offsets
        into `masked` are offsets into `text`; the opening mark, the first character
        of the content and a final ``.!?,`` stay visible. `text` itself when there
        is no quote.
    """
    if not quotes:
        return text
    parts = []
    pos = 0
    for a, b in quotes:
        inner_end = b
        keep = ""
        if b - 1 > a and text[b - 1] in ".!?,":
            inner_end = b - 1
            keep = text[b - 1]
        head_end = min(a + 2, inner_end)  # the mark and the first character stay visible
        parts.append(text[pos:head_end])
        parts.append(_MASK * (inner_end - head_end))
        parts.append(keep)
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Split a field into sentences; pass the quote-masked field so quotes never split.

    Breaks at newlines and after ``.!?`` (and any closing quote marks) followed by
    whitespace and a capital, digit, opening mark or dialogue dash, except after an
    abbreviation (``Mr.``, ``U.S.``). Linear in the length.

    Parameters
    ----------
    masked : str
        A field masked with :func:`mask_quotes` (or any text).

    Returns
    -------
    spans : list of tuple of (int, int)
        ``(start, end)`` character offsets of the sentences, in order, disjoint,
        none blank; each at most :func:`framing.text.cap_span_lengths` long. Empty
        for a blank text.
    """
    # A break after a mark starts one character after the match. Where the mark is
    # followed by a newline, the break is the newlines alone (as when the newlines
    # were matched first, at the position after the mark).
    spans = []
    start = 0
    pos = 0
    while (m := _SENT_BREAK_AT_MARK_RE.search(masked, pos)) is not None:
        q = m.group("q")
        if q is None:  # newlines
            b0, b1, newline, q_len = m.start(), m.end(), True, 0
        elif not q and masked[m.start() + 1] == "\n":
            b0 = m.start() + 1
            b1, newline, q_len = _NEWLINES_RE.match(masked, b0).end(), True, 0
        else:
            b0, b1, q_len = m.start() + 1, m.end(), len(q)
            newline = "\n" in masked[b0:b1]
        pos = b1
        if not newline and _ABBREV_RE.search(masked[max(start, b0 - 6) : b0]):
            continue  # 'Mr. Trump', 'U.S. Senate
        end = b0 + q_len
        if masked[start:end].strip():
            spans.append((start, end))
        start = b1
    if masked[start:].strip():
        spans.append((start, len(masked)))
    return cap_span_lengths(masked, spans)  # bounded sentences: linear cost downstream


class FieldLayout(NamedTuple):
    """The quotes, quote-masked text and sentences of one article field.

    Computed once per field by :func:`field_layout` and shared by
    :func:`find_statements` and :func:`framing.stance.score_stance`.

    Attributes
    ----------
    quotes : list of tuple of (int, int)
        From :func:`find_quotes`.
    masked : str
        From :func:`mask_quotes`; same length as the field.
    sentences : list of tuple of (int, int)
        From :func:`sentence_spans` of `masked` (empty for a blank field).
    """

    quotes: list
    masked: str
    sentences: list


def field_layout(text: str) -> FieldLayout:
    """Find the quotes and sentences of one field (see :class:`FieldLayout`).

    Parameters
    ----------
    text : str
        One article field (title or text).

    Returns
    -------
    layout : FieldLayout
    """
    quotes = find_quotes(text)
    masked = mask_quotes(text, quotes)
    return FieldLayout(quotes, masked, sentence_spans(masked))


def field_layouts(articles: pd.DataFrame) -> dict[tuple[str, str], FieldLayout]:
    """The :class:`FieldLayout` of every non-empty title and text of `articles`.

    Pass the result to :func:`find_statements` and
    :func:`framing.stance.score_stance` (argument ``layouts``) so that the quotes
    and sentences of each field are found once for both.

    Parameters
    ----------
    articles : pandas.DataFrame
        Columns ``article_id``, ``title``, ``text`` (as from
        :func:`framing.corpus.load_corpus`).

    Returns
    -------
    layouts : dict of (str, str) to FieldLayout
        Keyed by ``(str(article_id), field)``, field ``'title'`` or ``'text'``;
        fields that are empty or not strings are left out.

    Raises
    ------
    MissingColumnError
        If `articles` lacks one of the columns.
    """
    _check_columns(articles, ("article_id", "title", "text"), "articles", "field_layouts")
    out = {}
    for fld in FIELDS:
        for aid, text in zip(
            articles["article_id"].astype(str).tolist(), articles[fld].tolist(), strict=True
        ):
            if isinstance(text, str) and text:
                out[(aid, fld)] = field_layout(text)
    return out


# --------------------------------------------------------------------------- phrases
def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:."):
        if text[b - 1] == "." and b - a > 1 and text[b - 2].isupper():
            break  # keep the dot of an abbreviation ('U.S.')
        b -= 1
    return a, b


def subject_before(masked: str, lo: int, pos: int) -> tuple[int, int, str | None]:
    """Find the subject phrase ending just before `pos` (a verb), scanning back to `lo`.

    Parameters
    ----------
    masked : str
        The field with quoted spans masked (:func:`mask_quotes`).
    lo : int
        Leftmost offset to look at (at most 160 characters before `pos` are read).
    pos : int
        Offset of the verb.

    Returns
    -------
    start, end : int
        Offsets of the subject phrase in `masked`; ``start == end`` when none was found.
    stop : str or None
        'and'/'but' when the verb is coordinated ('... and said'), so the caller can
        inherit the clause subject; else None.
    """
    lo = max(lo, pos - 160)
    cut = lo
    boundary_word = None
    # the last boundary, found by reading back from the verb; the forward scan of the
    # window when that may differ (a spaced hyphen) or the appositive test needs the
    # boundaries before it (a comma just before the verb)
    last = _SUBJECT_BOUNDARY_REVERSED_RE.search(masked[lo:pos][::-1])
    if last is not None and last.lastgroup == "w":
        cut = pos - last.start()
        boundary_word = last.group("w")[::-1]
    elif last is not None and last.lastgroup is None and (
        last.group() != "," or masked[pos - last.start() : pos].strip()
    ):
        cut = pos - last.start()
    elif last is not None:  # a spaced hyphen, or a comma just before the verb
        bounds = list(_SUBJECT_BOUNDARY_RE.finditer(masked[lo:pos]))  # offsets from lo
        last = bounds[-1]
        cut = lo + last.end()
        boundary_word = last.group("w")
        if (
            len(bounds) >= 2
            and last.group() == ","
            and bounds[-2].group() == ","
            and not masked[cut:pos].strip()
        ):
            # appositive subject: 'Dmitry Peskov, the Kremlin spokesman, said'
            n0 = lo + bounds[-3].end() if len(bounds) >= 3 else lo
            name = masked[n0 : lo + bounds[-2].start()]
            appos = masked[lo + bounds[-2].end() : lo + last.start()]
            if (
                0 < len(TOKEN_RE.findall(name)) <= 5
                and 0 < len(TOKEN_RE.findall(appos)) <= 6
                and any(t[:1].isupper() for t in TOKEN_RE.findall(name))
            ):
                a, b = _strip_span(masked, n0, lo + last.start())
                return a, b, None
    # the words after the last boundary (no lookbehind in TOKEN_RE: scanning in
    # place finds the words of the slice)
    tokens = list(TOKEN_RE.finditer(masked, cut, pos))
    words = [t[0] for t in tokens]
    # drop auxiliaries/adverbs between the subject and the verb
    n = len(words)
    while n and (
        words[n - 1].lower() in _AUX_ADV or (words[n - 1].endswith("ly") and words[n - 1].islower())
    ):
        n -= 1
    # the subject is words[i:n]: it starts after the last verb-like word or 'and'
    stop = "but" if boundary_word in _BUT_WORDS else None
    i = n
    while i:
        w = words[i - 1]
        low = w.lower()
        if low in _AND_WORDS and (i == n or not words[i][:1].isupper()):
            stop = "and"
            break
        if w.islower() and (
            low in _NOT_IN_SUBJECT
            or (low.endswith("ed") and low not in ("unnamed", "named", "concerned"))
        ):
            stop = None
            break
        i -= 1
    if i == n:
        return pos, pos, stop or ("but" if boundary_word in _BUT_WORDS else None)
    return tokens[max(i, n - 10)].start(), tokens[n - 1].end(), None


def _subject_after(masked: str, pos: int, hi: int) -> tuple[int, int]:
    """Speaker phrase that follows a verb ('said the Kremlin spokesman at ...')."""
    window = masked[pos : min(hi, pos + 120)]
    m = _FORWARD_STOP_RE.search(window, 1)
    end = pos + (m.start() if m else len(window))
    a, b = _strip_span(masked, pos, end)
    toks = TOKEN_RE.findall(masked[a:b])
    if not toks or len(toks) > 8:
        return pos, pos
    return a, b


@functools.lru_cache(maxsize=4096)  # speaker phrases recur: 'he', 'officials', 'the ministry'
def is_speaker(phrase: str) -> bool:
    """Whether `phrase` can be a speaker: a name, a pronoun, or a phrase headed by a role noun.

    Parameters
    ----------
    phrase : str
        A candidate speaker phrase (at most 10 tokens are accepted).

    Returns
    -------
    bool
    """
    toks = TOKEN_RE.findall(phrase)
    if not toks or len(toks) > 10:
        return False
    low = [t.lower().rstrip(".") for t in toks]
    if len(toks) == 1 and low[0] in PRONOUNS:
        return True
    if low[0] in PREPOSITIONS:
        return False
    if any(t[:1].isupper() for t in toks):
        return True
    return any(t in ROLE_NOUNS for t in low)


def sentence_subject(masked: str, s0: int, s1: int) -> tuple[int, int]:
    """The leading noun phrase of a clause, after an introductory phrase ('In ..., X').

    Parameters
    ----------
    masked : str
        The field with quoted spans masked (:func:`mask_quotes`).
    s0, s1 : int
        Offsets of the clause.

    Returns
    -------
    start, end : int
        Offsets of the noun phrase in `masked` (``start == end``: none).
    """
    seg = masked[s0:s1]
    toks = list(TOKEN_RE.finditer(seg))
    if not toks:
        return s0, s0
    first = toks[0].group().lower()
    start_idx = 0
    if first in PREPOSITIONS or first in (
        "meanwhile",
        "however",
        "earlier",
        "later",
        "separately",
        "also",
        "still",
        "yet",
    ):
        comma = seg.find(",")
        if 0 <= comma < 120:
            start_idx = next((k for k, t in enumerate(toks) if t.start() > comma), len(toks))
    picked = []
    for t in toks[start_idx:]:
        w = t.group()
        low = w.lower()
        if w[:1].isupper() or low in DETERMINERS or low in ROLE_NOUNS or low in ("of", "for"):
            picked.append(t)
            continue
        break
    while picked and picked[-1].group().lower() in _DETERMINERS_OF_FOR:
        picked.pop()
    if not picked:
        return s0, s0
    return s0 + picked[0].start(), s0 + picked[-1].end()


# --------------------------------------------------------------------------- parser
def _parse_field(
    text: str, *, title: bool = False, layout: FieldLayout | None = None
) -> tuple[list[Statement], list]:
    """Find statements in one field: direct quotes first, then reported speech.

    Returns the statements (sorted by content start) and the field's quotes.
    """
    quotes, masked, sents = layout if layout is not None else field_layout(text)
    sent_starts = [s for s, _ in sents]

    def sent_of(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(sent_starts, pos) - 1
        return sents[k] if k >= 0 else (0, len(text))

    verbs, participles = _speech_words(masked, text)
    verb_starts = [v[0] for v in verbs]
    used: set[int] = set()
    out: list[Statement] = []

    def content_end(pos: int, s1: int) -> int:
        m = _CLAUSE_END_RE.search(masked, pos, s1)
        if m is None:
            return s1
        if masked[m.start() + 1 : m.start() + 2] in ('"', "”", "’", "'"):
            return m.start() + 2  # keep the closing mark of a quote that ends the content
        return m.start()

    # 1. direct quotes: speaker after ('"…," the spokesman said') or before ('X said: "…"')
    last_direct: Statement | None = None
    last_attr_end = -1
    for qa, qb in quotes:
        content = text[qa + 1 : qb].rstrip()
        if not content.strip():
            continue  # an empty quote ('said “”') holds no statement
        s0, s1 = sent_of(qb)
        st = None
        after = qb + 1
        tail_ok = (
            content[-1:] in (",", "?", "!", "—", "–", "-", "…") or masked[after : after + 1] == ","
        )
        k = bisect.bisect_left(verb_starts, after)
        if tail_ok and k < len(verbs) and verbs[k][0] < s1:
            va, vb, v = verbs[k]
            gap = masked[after:va]
            gap_clean = gap.strip().strip(",").strip()
            if not v.isascii():  # '«…», — заявил Песков': the dash introduces the attribution
                gap_clean = gap_clean.strip("—–").strip()
            if not gap_clean and (v in _INVERTED_VERBS or not v.isascii()):  # '"…," said X'
                sa, sb = _subject_after(masked, vb, s1)
                if sb > sa and is_speaker(masked[sa:sb]):
                    st = Statement(qa + 1, qb, sa, sb, "direct", v, va)
                    attr_end = sb
            elif gap_clean and not re.search(r"[;:.!?\"“”\x1a]", gap_clean):
                sa, sb, _ = subject_before(masked, after, va)
                if (
                    sb > sa
                    and sa <= after + len(gap) - len(gap.lstrip(", ")) + 1
                    and is_speaker(masked[sa:sb])
                ):
                    st = Statement(qa + 1, qb, sa, sb, "direct", v, va)
                    attr_end = vb
        if st is None:
            k = bisect.bisect_left(verb_starts, qa) - 1
            if k >= 0:
                va, vb, v = verbs[k]
                gap = masked[vb:qa]
                if (
                    vb <= qa
                    and re.fullmatch(r"\s*(?:[:,]\s*)?|\s+[^.;!?\x1a\"“”]{1,40}?[:,]\s*", gap)
                    and (
                        v in ("told", "tells")
                        or not v.isascii()  # 'заявил журналистам: «…»'
                        or re.fullmatch(r"\s*(?:[:,]\s*)?", gap)
                    )
                ):
                    ss0, _ = sent_of(va)
                    sa, sb, stop = subject_before(masked, ss0, va)
                    if sb > sa and is_speaker(masked[sa:sb]):
                        st = Statement(qa + 1, qb, sa, sb, "direct", v, va)
                        attr_end = qb
                    elif stop in ("and", "but"):
                        st = Statement(qa + 1, qb, va, va, "direct", v, va, inherit=True)
                        attr_end = qb
        if st is None and last_direct is not None and last_attr_end >= 0:
            gap = masked[last_attr_end:qa]
            if len(gap) <= 4 and re.fullmatch(r"[ ,.]*", gap):  # '"…," he said, "…"'
                st = Statement(
                    qa + 1,
                    qb,
                    last_direct.speaker_start,
                    last_direct.speaker_end,
                    "direct",
                    last_direct.verb,
                    last_direct.verb_pos,
                )
                st.extra["continues"] = last_direct
                attr_end = qb
        if st is not None:
            used.add(st.verb_pos)
            out.append(st)
            last_direct = st
            last_attr_end = attr_end
        else:
            last_attr_end = -1

    # 2. reported speech: 'X said (that) …', '…, officials said.', 'X called Y "…"'
    for va, vb, v in verbs:
        if va in used:
            continue
        s0, s1 = sent_of(va)
        before = TOKEN_RE.findall(masked, max(s0, va - 30), va)
        if before and before[-1].lower() in _BE_FORMS:
            continue  # passive ('it is said', 'he was told'): no speaker in subject position
        sa, sb, stop = subject_before(masked, s0, va)
        between = TOKEN_RE.findall(masked, sb, va) if sb > sa else before[-3:]
        if any(t.lower() in _NEGATORS or t.lower().endswith(("n't", "n’t")) for t in between):
            continue  # 'Russia has not commented': no statement
        prev = masked[max(s0, sa - 8) : sa].rstrip()
        inherit = False
        if sb <= sa:
            comma = masked.rfind(",", s0, va)
            if (
                stop not in ("and", "but")
                and not v.isascii()
                and comma > s0
                and not masked[comma + 1 : va].strip()
            ):  # '…, заявил Песков.': the Russian/Ukrainian inverted order
                sa, sb = _subject_after(masked, vb, s1)
                place = _IMPERSONAL_PLACE_RE.match(masked, vb, s1)
                if sb <= sa and place is not None and v.endswith("ли"):
                    sa, sb = place.start("place"), place.end()  # '…, заявили в Кремле.'
                if sb > sa and (is_speaker(masked[sa:sb]) or place is not None):
                    c0, c1 = _strip_span(text, s0, comma)
                    if c1 > c0:
                        used.add(va)
                        out.append(Statement(c0, c1, sa, sb, "reported", v, va))
                continue
            if stop not in ("and", "but"):
                continue
            inherit = True
        else:
            if TOKEN_RE.findall(masked, sa, sb)[-1].lower() in DETERMINERS:
                continue
            if not is_speaker(masked[sa:sb]) and not (
                v.endswith("ли") and _IMPERSONAL_PLACE_RE.fullmatch(" " + masked[sa:sb])
            ):  # 'В Москве заявили, что …' (impersonal: the place speaks)
                continue
        rest = masked[vb:s1]
        backward = (
            not inherit
            and prev.endswith(",")
            and not _THAT_RE.match(rest)
            and sa - s0 > 3
        )
        if backward:
            after_tokens = TOKEN_RE.findall(rest)
            backward = len(after_tokens) <= 6 and (
                not after_tokens or after_tokens[0].lower() in _ADJUNCT_STARTS
            )
        if backward:  # '…, Caliber.Az reports.' / '…, officials said on Monday.'
            c0, c1 = _strip_span(text, s0, masked.rfind(",", s0, sa))
        else:
            lead = _LEAD_RE.match(rest)
            if v in ("told", "tells"):
                lead = _TOLD_THAT_RE.match(rest) or lead
            c0 = vb + lead.end()
            c1 = content_end(c0, s1)
            c0, c1 = _strip_span(text, c0, c1)
        if c1 <= c0:
            continue
        st = Statement(c0, c1, sa, sb, "reported", v, va, inherit=inherit)
        used.add(va)
        out.append(st)

    # 3. participles continuing the clause subject's speech ('…, adding that …')
    for va, c0, v in participles:
        s0, s1 = sent_of(va)
        lead = _PARTICIPLE_LEAD_RE.match(masked[c0:s1])
        c0 += lead.end()
        c1 = content_end(c0, s1)
        c0, c1 = _strip_span(text, c0, c1)
        if c1 <= c0:
            continue
        out.append(Statement(c0, c1, va, va, "reported", v, va, inherit=True))

    # 4. 'according to X' (before or after its content)
    for m in _according_matches(masked):
        va = m.start("v")
        s0, s1 = sent_of(va)
        pronoun = next((g for g in ("p", "p2", "p3") if m.group(g)), None)
        if pronoun:  # 'на його думку', 'по его словам': the pronoun is the speaker
            sa, sb = m.span(pronoun)
        else:
            sa, sb = _subject_after(masked, m.end("v"), s1)
        comma = masked.find(",", m.end("v"), s1)
        if sb <= sa or not is_speaker(masked[sa:sb]):
            continue
        if masked[s0:va].strip():  # '…, according to US officials.'
            prev_end = masked.rfind(";", s0, va)
            c0, c1 = _strip_span(text, s0 if prev_end < 0 else prev_end + 1, va)
        else:  # 'According to X, …'
            if comma < 0:
                continue
            c0, c1 = _strip_span(text, comma + 1, content_end(comma + 1, s1))
        if c1 <= c0:
            continue
        verb = "according to" if m.group("v").isascii() else m.group("v").lower()
        out.append(Statement(c0, c1, sa, sb, "reported", verb, va))

    # 5. headline attribution: 'Zelenskyy: "We need guarantees"', 'Media: US may …'
    if title and not out:
        m = re.match(r"\s*([^:\"“”]{1,40}?):\s+(\S.*)$", text, re.DOTALL)
        head = TOKEN_RE.findall(m.group(1)) if m else []
        if (
            m
            and 0 < len(head) <= 4
            and is_speaker(m.group(1))
            and all(t[:1].isupper() or t.lower() in _ROLE_OR_DETERMINER for t in head)
        ):
            c0, c1 = _strip_span(text, m.start(2), len(text.rstrip()))
            if text[c0 : c0 + 1] in "\"“'‘" and text[c1 - 1 : c1] in "\"”'’":
                kind, c0, c1 = "direct", c0 + 1, c1 - 1
            else:
                kind = "reported"
            out.append(Statement(c0, c1, m.start(1), m.end(1), kind, ":", m.end(1)))

    # resolve inherited subjects (coordinated verbs, participles)
    out.sort(key=lambda s: (s.verb_pos, s.start))
    last: dict[int, Statement] = {}  # sentence start -> last statement with its own speaker
    for st in out:
        s0, _ = sent_of(st.verb_pos)
        if not st.inherit:
            if st.speaker_end > st.speaker_start:
                last[s0] = st
            continue
        src = last.get(s0)
        if src is not None and src.speaker_end <= st.verb_pos:
            st.speaker_start, st.speaker_end = src.speaker_start, src.speaker_end
        else:
            st.speaker_start, st.speaker_end = sentence_subject(masked, s0, st.verb_pos)
    out = [st for st in out if st.speaker_end > st.speaker_start]
    out.sort(key=lambda s: (s.start, s.end))
    return out, quotes


# --------------------------------------------------------------------------- holders
def _has_name(phrase: str, offset: int, inside: list[Mention]) -> bool:
    """True if `phrase` holds two adjacent capitalised words outside any mention."""
    run = 0
    for m in TOKEN_RE.finditer(phrase):
        a = offset + m.start()
        covered = any(x.start <= a < x.end for x in inside)
        w = m.group()
        if (
            w[:1].isupper()
            and not covered
            and w.lower() not in DETERMINERS
            and w.lower() not in ROLE_NOUNS
        ):
            run += 1
            if run >= 2:
                return True
        else:
            run = 0
    return False


_MENTION_PRIORITY = {"name": 0, "alias": 1, "metonym": 2, "demonym": 3}


@functools.lru_cache(maxsize=4096)  # speaker phrases recur: 'he', 'officials', 'the ministry'
def _speaker_words(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lower-cased words of a speaker phrase (final dots stripped) and its role nouns."""
    toks = tuple(t.lower().rstrip(".") for t in TOKEN_RE.findall(phrase))
    return toks, tuple(t for t in toks if t in ROLE_NOUNS)


def resolve_holders(
    text: str,
    statements: list[Statement],
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
) -> None:
    """Map each statement's speaker phrase to an actor id and a holder kind (in place).

    `statements` (:class:`Statement`) get ``holder_id`` and ``holder_kind``;
    `mentions` (:class:`Mention`) are the registry mentions of the field and `quotes`
    its quoted spans (:func:`find_quotes`), both as offsets into `text`.

    Order of evidence: a registry mention inside the speaker phrase (person names
    first, then names/aliases, metonyms, demonyms); a pronoun resolved to the most
    recent person mention before the statement, outside quotes; a definite role
    phrase ('the official') resolved to the last unnamed source with the same role
    noun; otherwise ``'unknown'``.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in mentions]
    q_starts = [q[0] for q in quotes]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(q_starts, pos) - 1
        return k >= 0 and quotes[k][0] < pos < quotes[k][1]

    last_by_role: dict[str, str] = {}  # role noun -> holder of the last source with that role
    for st in sorted(statements, key=lambda s: (s.speaker_start, s.start)):
        cont = st.extra.get("continues")
        if cont is not None:
            st.holder_id, st.holder_kind = cont.holder_id, cont.holder_kind
            continue
        phrase = text[st.speaker_start : st.speaker_end]
        toks, roles = _speaker_words(phrase)
        lo = bisect.bisect_left(m_starts, st.speaker_start)
        hi = bisect.bisect_left(m_starts, st.speaker_end)
        inside = [m for m in mentions[lo:hi] if m.end <= st.speaker_end]
        role = roles[-1] if roles else None
        if len(toks) == 1 and toks[0] in PRONOUNS:
            st.holder_kind = "pronoun"
            if toks[0] in _PERSON_PRONOUNS:
                anchor = min(st.start, st.speaker_start)
                k = bisect.bisect_left(m_starts, anchor) - 1
                while k >= 0 and mentions[k].end > anchor - PRONOUN_WINDOW_CHARS:
                    m = mentions[k]
                    if m.is_person and m.end <= anchor and not in_quote(m.start):
                        st.holder_id = m.actor_id
                        break
                    k -= 1
        elif inside:
            persons = [m for m in inside if m.is_person]
            best = (
                persons[0]
                if persons
                else min(inside, key=lambda m: (_MENTION_PRIORITY.get(m.kind, 4), m.start))
            )
            st.holder_id = best.actor_id
            st.holder_kind = "unnamed_source" if (role and not persons) else "named"
            if st.holder_kind == "unnamed_source" and _has_name(phrase, st.speaker_start, inside):
                st.holder_kind = "named"  # 'Dmitry Peskov, the Kremlin spokesman'
        elif role is not None:
            st.holder_kind = "unnamed_source"
            if toks and toks[0] in ("the", "this", "that", "these", "those"):
                st.holder_id = last_by_role.get(role, UNKNOWN_HOLDER)
        if st.holder_kind == "unnamed_source" and st.holder_id != UNKNOWN_HOLDER:
            for t in roles:
                last_by_role[t] = st.holder_id


# --------------------------------------------------------------------------- public API
def _actor_is_person(actor) -> bool:
    for attr in ("type", "kind", "category", "actor_type", "role_type"):
        val = getattr(actor, attr, None)
        if isinstance(val, str) and val:
            return val.lower() in ("person", "people", "individual", "politician", "human")
    return False


def person_ids(actors) -> frozenset[str]:
    """Return the ids of the registry actors that are persons (targets of 'he'/'she').

    Parameters
    ----------
    actors : ActorRegistry or iterable of Actor
        The registry; an actor is a person when its ``type`` (or ``kind``) is ``'person'``.

    Returns
    -------
    ids : frozenset of str
    """
    if actors is None:
        return frozenset()
    items = actors.values() if isinstance(actors, dict) else actors
    return frozenset(a.id for a in items if _actor_is_person(a))


def _check_columns(table: pd.DataFrame, required: Iterable[str], name: str, func: str) -> None:
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise MissingColumnError(
            f"The {name!r} table passed to {func}() lacks column(s) {missing!r}; "
            f"got columns {list(table.columns)!r}. Build it with the documented loader "
            f"(see docs/architecture.md)."
        )


def find_statements(
    articles: pd.DataFrame,
    actors=None,
    *,
    mentions: pd.DataFrame | None = None,
    is_person: Callable[[str], bool] | None = None,
    layouts: dict[tuple[str, str], FieldLayout] | None = None,
) -> pd.DataFrame:
    """Find attributed statements (direct quotes and reported speech) and their holders.

    Each article's title and text are scanned for quoted spans and speech verbs;
    every statement gets the span of its content, the speaker phrase and the
    registry actor that speaker stands for (the *holder*).

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, >=5)
        As returned by :func:`framing.corpus.load_corpus`. Required columns:
        ``article_id``, ``outlet``, ``published``, ``title``, ``text``.
    actors : ActorRegistry or str or os.PathLike, optional
        The actor registry (or its YAML path); default :func:`framing.actors.load_actors`
        (``corpus/actors.yml``).
        Used to find speaker mentions (unless `mentions` is given) and to know which
        actors are persons (pronoun resolution).
    mentions : pandas.DataFrame, optional
        The mentions table of `articles` from :func:`framing.actors.find_mentions`, if
        already computed (columns ``article_id``, ``field``, ``start``, ``end``,
        ``actor_id``, ``kind``). Computed with ``find_mentions(articles, actors)`` when None.
    is_person : callable, optional
        ``is_person(actor_id) -> bool``; default: the registry's actor type is ``'person'``.
    layouts : dict, optional
        The quotes and sentences of the fields of `articles`, from
        :func:`field_layouts` (``{(str(article_id), field): FieldLayout}``), if
        already computed; a field missing from it is laid out here. Pass the same
        dict to :func:`framing.stance.score_stance` to find them once for both.

    Returns
    -------
    statements : pandas.DataFrame of shape (n_statements, 15)
        One row per statement, sorted by article, field and offset:

        - ``article_id``, ``outlet``, ``published``: copied from `articles`;
        - ``field`` (str): ``'title'`` or ``'text'``;
        - ``statement_id`` (str): ``'<article_id>/<field>/<n>'``, unique;
        - ``start``, ``end`` (int): span of the quoted or reported content in the field
          string, ``0 <= start < end <= len(field)``; quote marks excluded;
        - ``speaker_text`` (str), ``speaker_start``, ``speaker_end`` (int): the speaker
          phrase and its span (for participles and coordinated verbs, the subject of
          the clause, which may lie before the verb);
        - ``holder_id`` (str): registry id of the speaker, or ``'unknown'``;
        - ``holder_kind`` ({'named', 'unnamed_source', 'pronoun'});
        - ``kind`` ({'direct', 'reported'});
        - ``verb`` (str): the speech verb as written (``'said'``, ``'according to'``,
          ``'adding'``; ``':'`` for headline attribution);
        - ``content`` (str): ``field[start:end]``.

    Raises
    ------
    MissingColumnError
        If `articles` (or `mentions`) lacks a required column.
    TypeError
        If `articles` is not a DataFrame.

    See Also
    --------
    framing.stance.score_stance : Holder → target stance for every mention.

    Notes
    -----
    Rule-based, in the tradition of quotation extraction for news (Pouliquen et al.,
    2007; Pareti, 2016, PARC 3.0 attribution relations; Newell et al., 2018): quote
    marks are paired left to right, a quote is attributed when a speech verb and a
    speaker phrase sit next to it (``"…," X said``, ``"…," said X``, ``X said: "…"``,
    continuation ``"…," he said, "…"``); reported speech is a speech verb with a
    subject phrase (content runs to the end of the clause: ``;``, ``, but``,
    ``, adding``), the inverted ``…, X said.``, ``according to X`` and participles
    (``…, adding that …``) that inherit the clause subject. Speakers map to actors
    through the registry mentions inside the phrase (names, metonyms such as
    *Kremlin*, demonyms such as *Ukrainian*), pronouns to the most recent person
    mention outside quotes, and definite role phrases (*the official*) to the last
    unnamed source with that role. There is no parser: nested and embedded speech
    is approximate. Every step is a single pass of module-level compiled regular
    expressions, so the cost is linear in the text length.

    Examples
    --------
    >>> statements = find_statements(articles, registry)  # doctest: +SKIP
    >>> statements.loc[0, ["speaker_text", "holder_id", "kind"]].tolist()  # doctest: +SKIP
    ['the Kremlin spokesman', 'russia', 'direct']
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"find_statements() expects 'articles' to be a pandas DataFrame (from "
            f"load_corpus), got {type(articles).__name__}."
        )
    _check_columns(
        articles,
        ("article_id", "outlet", "published", "title", "text"),
        "articles",
        "find_statements",
    )
    if mentions is None or is_person is None:
        from framing import actors as actors_mod

        if actors is None or isinstance(actors, str | os.PathLike):
            actors = actors_mod.load_actors(actors)
        if mentions is None:
            mentions = actors_mod.find_mentions(articles, actors)
        if is_person is None:
            persons = person_ids(actors)
            is_person = persons.__contains__
    _check_columns(
        mentions,
        ("article_id", "field", "start", "end", "actor_id", "kind"),
        "mentions",
        "find_statements",
    )

    by_key: dict[tuple[str, str], list[Mention]] = {}
    if len(mentions):
        for aid, fld, s, e, act, knd in zip(
            mentions["article_id"].astype(str).tolist(),
            mentions["field"].tolist(),
            mentions["start"].tolist(),
            mentions["end"].tolist(),
            mentions["actor_id"].tolist(),
            mentions["kind"].tolist(),
            strict=True,
        ):
            by_key.setdefault((aid, fld), []).append(
                Mention(int(s), int(e), str(act), str(knd), bool(is_person(act)))
            )

    rows = []
    article_rows = []  # the articles' row of each statement, for the docvar columns
    for row, aid, title, body in zip(
        range(len(articles)),
        articles["article_id"].astype(str).tolist(),
        articles["title"].tolist(),
        articles["text"].tolist(),
        strict=True,
    ):
        for fld, text in (("title", title), ("text", body)):
            if not isinstance(text, str) or not text:
                continue
            layout = layouts.get((aid, fld)) if layouts is not None else None
            stmts, quotes = _parse_field(text, title=(fld == "title"), layout=layout)
            if not stmts:
                continue
            resolve_holders(text, stmts, by_key.get((aid, fld), []), quotes)
            article_rows += [row] * len(stmts)
            for n, st in enumerate(stmts):
                rows.append(
                    (
                        fld,
                        f"{aid}/{fld}/{n}",
                        st.start,
                        st.end,
                        text[st.speaker_start : st.speaker_end],
                        st.speaker_start,
                        st.speaker_end,
                        st.holder_id,
                        st.holder_kind,
                        st.kind,
                        st.verb,
                        text[st.start : st.end],
                    )
                )
    df = pd.DataFrame.from_records(rows, columns=list(STATEMENT_COLUMNS[3:]))
    for c in ("start", "end", "speaker_start", "speaker_end"):
        df[c] = df[c].astype("int64")
    for k, c in enumerate(("article_id", "outlet", "published")):
        df.insert(k, c, _docvar_column(articles[c], article_rows))
    return df


def _docvar_column(column: pd.Series, rows: list[int]) -> pd.Series:
    """``column``'s values at `rows`, with its dtype (index 0..n-1).

    A column of numpy object dtype is built as when its values stood in the
    statement rows: inferred from the values (:meth:`pandas.DataFrame.from_records`),
    then cast back to object, which may change them (None to NaN among strings);
    any other dtype gives back its own values, which the cast after inference gave
    too. Tested against that path in tests/test_quotes.py.
    """
    if column.dtype != object:
        return pd.Series(column.array.take(np.asarray(rows, dtype=np.intp)), name=column.name)
    values = pd.DataFrame.from_records([(v,) for v in column.iloc[rows].tolist()],
                                       columns=["v"])["v"]
    try:
        values = values.astype(column.dtype)
    except (TypeError, ValueError):
        pass
    return values.rename(column.name)


__all__ = [
    "CYRILLIC_LETTERS",
    "DETERMINERS",
    "HOLDER_KINDS",
    "NON_WORD_CLASS",
    "PREPOSITIONS",
    "PRONOUNS",
    "STATEMENT_COLUMNS",
    "STATEMENT_KINDS",
    "TABLE_CHARACTERS",
    "TOKEN_RE",
    "UNKNOWN_HOLDER",
    "FieldLayout",
    "Mention",
    "Statement",
    "field_layout",
    "field_layouts",
    "find_quotes",
    "find_statements",
    "has_only_table_characters",
    "is_speaker",
    "mask_quotes",
    "person_ids",
    "resolve_holders",
    "sentence_spans",
    "sentence_subject",
    "subject_before",
    "table_class",
]
