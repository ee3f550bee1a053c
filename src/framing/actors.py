"""Actor registry and mention finding.

An :class:`ActorRegistry` holds the actors of a study (people, countries,
organisations) with the surface forms that refer to them; :func:`find_mentions`
turns a table of articles into a table with one row per mention, keeping the
article's document variables (quanteda's ``dictionary`` + ``kwic`` ideas).

>>> from framing.actors import load_actors, find_mentions
>>> registry = load_actors()                      # corpus/actors.yml
>>> mentions = find_mentions(articles, registry)  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import os
import re
import types
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing import paths
from framing.exceptions import (
    CorpusFormatError,
    DuplicateAliasError,
    MissingColumnError,
    RegistryFormatError,
    UnknownActorError,
)
from framing.inflection import INFLECTED_LANGUAGES, inflect
from framing.text import (
    APOSTROPHES,
    COUNTRY_MODIFIED_NOUNS,
    HYPHENS,
    nfc_with_offsets,
    split_sentences,
)

__all__ = [
    "ACTOR_KINDS",
    "MENTION_COLUMNS",
    "MENTION_KINDS",
    "Actor",
    "ActorRegistry",
    "Alias",
    "find_mentions",
    "load_actors",
]


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of `text` (word lists read better as text)."""
    return frozenset(text.split())


#: Valid values of :attr:`Actor.kind`.
ACTOR_KINDS = ("person", "country", "organisation")
#: Valid values of :attr:`Alias.kind` and of the ``kind`` column of the mentions table,
#: from the most to the least specific (used when two adjacent mentions merge).
MENTION_KINDS = ("name", "alias", "metonym", "demonym")
#: Columns of the mentions table after the document variables, in order.
MENTION_COLUMNS = (
    "actor_id",
    "field",
    "sentence_id",
    "start",
    "end",
    "surface",
    "kind",
    "ambiguous",
    "sentence",
    "sentence_start",
    "sentence_end",
)
#: Case-sensitive aliases that are also English words when lower-cased. In an
#: all-caps sentence such an alias is flagged ``ambiguous`` (see :func:`find_mentions`).
CAPS_AMBIGUOUS_WORDS = _words(
    "us it who am an as at be do go he if in is me my no of on or so to up we un ok"
)

#: YAML list keys of an actor entry and the alias kind each one gives.
_KIND_KEYS = {"names": "name", "aliases": "alias", "metonyms": "metonym", "demonyms": "demonym"}
_ENTRY_KEYS = (
    "id",
    "label",
    "kind",
    *_KIND_KEYS,
    "patterns",
    "case_sensitive",
    "exclude",
    "notes",
    "attributes",
)
_TOP_KEYS = ("actors", "version", "description")
#: Language keys of a per-language form list: ISO 639-1 codes (two lower-case letters).
_LANG_CODE = re.compile(r"[a-z]{2}\Z")
#: Codes that are often written for a language but are not its ISO 639-1 code.
_LANG_HINTS = {"ua": "uk", "ukr": "uk", "rus": "ru", "eng": "en", "by": "be", "gr": "el"}
_KIND_RANK = {k: i for i, k in enumerate(MENTION_KINDS)}

_NORM_TABLE = str.maketrans({**{c: "'" for c in APOSTROPHES[1:]}, **{c: "-" for c in HYPHENS[1:]}})
_APOSTROPHE_CLASS = "[" + re.escape(APOSTROPHES) + "]"
_HYPHEN_CLASS = "[" + re.escape(HYPHENS) + "]"
_WORD_START = re.compile(r"\w")
#: End of a form: no word character follows, except U+02BC (modifier letter
#: apostrophe, a "letter" for the regex engine but used as a possessive apostrophe).
_TAIL = r"(?![^\W\u02bc])"
#: A space in a form: a whitespace run with at most one line break, so a form never
#: matches across a blank line (a paragraph break, where a sentence always ends:
#: "... Kill Us\n\nPRESIDENT TRUMP" holds no "US president").
_SPACE = r"(?=\s)[^\S\n]*\n?[^\S\n]*"
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _has_cyrillic(text: str) -> bool:
    """Return True if `text` has a character in U+0400-U+04FF, as ``_CYRILLIC.search``.

    In UTF-8 exactly these characters start with a byte 0xD0-0xD3 (other characters
    start with other bytes; continuation bytes are 0x80-0xBF), and looking for a byte
    is a ``memchr``: about 4 times faster than the regex on an English news body.
    """
    data = text.encode("utf-8", "surrogatepass")
    return b"\xd0" in data or b"\xd1" in data or b"\xd2" in data or b"\xd3" in data


_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)")
_PREV_WORD = re.compile(r"([^\W\d_]+)[^\S\n]+\Z")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Alias:
    """One surface form of an actor.

    Parameters
    ----------
    text : str
        The form as written in the registry (``"Volodymyr Zelenskyy"``, ``"U.S."``),
        or a regular expression when `regex` is True. Spaces match any run of
        whitespace, ``'`` matches any apostrophe and ``-`` any hyphen.
    kind : {'name', 'alias', 'metonym', 'demonym'}, default='name'
        ``name``: the actor's name and its spellings; ``alias``: a descriptive title
        (``Ukrainian president``); ``metonym``: a place or building standing for the
        actor (``Kremlin``); ``demonym``: an adjective or people noun (``Ukrainians``).
    case_sensitive : bool, default=False
        Match only with exactly this case (``US`` but not ``us``).
    regex : bool, default=False
        Treat `text` as a regular expression (matched case-insensitively).
    lang : str, optional
        ISO 639-1 code of the form's language, when the registry gives one. Forms in
        Russian (``'ru'``) and Ukrainian (``'uk'``) match in every case form
        (:func:`framing.inflection.inflect`); forms in other languages, and forms
        without a language, match as written.
    """

    text: str
    kind: str = "name"
    case_sensitive: bool = False
    regex: bool = False
    lang: str | None = None

    def __post_init__(self):
        if not isinstance(self.text, str) or not self.text.strip():
            raise RegistryFormatError(
                f"An alias must be a non-empty string. Got {self.text!r}; remove the empty "
                f"entry or write the form."
            )
        if self.kind not in MENTION_KINDS:
            raise RegistryFormatError(
                f"Alias {self.text!r} has kind {self.kind!r}; valid kinds are "
                f"{', '.join(repr(k) for k in MENTION_KINDS)}."
            )
        if self.lang is not None and not (
            isinstance(self.lang, str) and _LANG_CODE.match(self.lang)
        ):
            raise RegistryFormatError(
                f"Alias {self.text!r} has language {self.lang!r}; a language is an ISO 639-1 "
                f"code such as 'en', 'ru' or 'uk', or None for a form in any language."
            )

    def surface_forms(self) -> frozenset[str]:
        """Return the texts this alias matches, NFC-normalised.

        Returns
        -------
        forms : frozenset of str
            The alias text itself, or for a Russian or Ukrainian alias every case form
            (:func:`framing.inflection.inflect`). A regex alias returns its pattern.
        """
        text = unicodedata.normalize("NFC", self.text)
        if self.lang in INFLECTED_LANGUAGES and not self.regex:
            return inflect(text, self.lang)
        return frozenset((text,))


@dataclass(frozen=True)
class Actor:
    """An actor of the study and the forms that refer to it.

    Parameters
    ----------
    id : str
        Registry key, used as ``actor_id`` in every table (``"zelenskyy"``). No whitespace.
    label : str
        Display name for tables and figures (``"Volodymyr Zelenskyy"``).
    kind : {'person', 'country', 'organisation'}
        What the actor is.
    aliases : tuple of Alias
        Every surface form, each with its kind (name, alias, metonym, demonym).
    exclude : tuple of str, default=()
        Phrases that contain a form but do not refer to the actor (``"Donald Trump Jr."``,
        ``"Washington Post"``). A match of an excluded phrase is dropped, and since the
        longest match wins, the shorter form inside it is not matched either. Russian
        and Ukrainian phrases from the registry are stored with all their case forms.
    notes : str, default=''
        Free text (sources, decisions).
    attributes : mapping of str to scalar, default={}
        Extra variables such as ``party`` or ``role``; read-only.

    Raises
    ------
    RegistryFormatError
        If `id` is empty or contains whitespace, `kind` is not a valid actor kind,
        or the actor has no alias.
    """

    id: str
    label: str
    kind: str
    aliases: tuple[Alias, ...] = ()
    exclude: tuple[str, ...] = ()
    notes: str = ""
    attributes: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id or any(c.isspace() for c in self.id):
            raise RegistryFormatError(
                f"An actor id must be a non-empty string without spaces, e.g. 'united_states'. "
                f"Got {self.id!r}."
            )
        if self.kind not in ACTOR_KINDS:
            hint = difflib.get_close_matches(str(self.kind), ACTOR_KINDS, n=1)
            raise RegistryFormatError(
                f"Actor {self.id!r} has kind {self.kind!r}; valid kinds are "
                f"{', '.join(repr(k) for k in ACTOR_KINDS)}"
                + (f" (did you mean {hint[0]!r}?)." if hint else ".")
            )
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "attributes", types.MappingProxyType(dict(self.attributes)))
        if not self.aliases:
            raise RegistryFormatError(
                f"Actor {self.id!r} has no names, aliases or patterns, so it can never be "
                f"matched; add at least one name."
            )

    def __reduce__(self):
        # mappingproxy cannot be pickled; rebuild from a plain dict (multiprocessing).
        args = (self.id, self.label, self.kind, self.aliases, self.exclude, self.notes)
        return (self.__class__, (*args, dict(self.attributes)))

    def forms(self, kind: str | None = None, lang: str | None = None) -> tuple[str, ...]:
        """Return the alias texts as written in the registry, optionally filtered.

        Parameters
        ----------
        kind : {'name', 'alias', 'metonym', 'demonym'}, optional
            Keep only this kind. Default: all kinds, in registry order.
        lang : str, optional
            Keep only the forms of this language (ISO 639-1) and the forms without
            a language. Default: every form.

        Returns
        -------
        forms : tuple of str
            Registry texts (dictionary forms; see :meth:`Alias.surface_forms` for
            the case forms that are matched).
        """
        return tuple(
            a.text
            for a in self.aliases
            if (kind is None or a.kind == kind) and (lang is None or a.lang in (None, lang))
        )


# --------------------------------------------------------------------------- matching


def _norm(text: str) -> str:
    """Normalise apostrophes, hyphens and whitespace runs (the alias lookup key)."""
    return " ".join(text.translate(_NORM_TABLE).split())


def _char_regex(ch: str) -> str:
    if ch == " ":
        return _SPACE
    if ch == "'":
        return _APOSTROPHE_CLASS
    if ch == "-":
        return _HYPHEN_CLASS
    return re.escape(ch)


def _trie_regex(node: dict) -> str:
    """Turn a character trie into a regex; longer continuations are tried first."""
    end = "" in node
    branches = [_char_regex(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def _compile_literals(forms: Iterable[str], *, ignore_case: bool = False) -> re.Pattern | None:
    r"""Compile literal forms into one trie regex with word boundaries on both sides.

    ``\b`` is used at the start when every form starts with a word character (it is
    then equivalent to ``(?<!\w)`` and lets the regex engine skip positions faster).
    """
    trie: dict = {}
    forms = list(forms)
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = True
    if not forms:
        return None
    head = r"\b" if all(_WORD_START.match(f) for f in forms) else r"(?<!\w)"
    return re.compile(head + _trie_regex(trie) + _TAIL, re.IGNORECASE if ignore_case else 0)


def _written_as(text: str, start: int, word: str) -> bool:
    """True when `text` has `word` at `start` as written or in capitals."""
    found = text[start : start + len(word)]
    return found == word or found == word.upper()


class _Matcher:
    """Compiled form of a registry for one set of alias kinds (cached on the registry).

    Case-insensitive forms are matched on ``text.lower()`` with a regex built from the
    lower-cased forms (faster than ``re.IGNORECASE``); when lower-casing changes the
    length of a text (rare: e.g. U+0130), an ``re.IGNORECASE`` regex is used instead.
    """

    def __init__(self, actors: Iterable[Actor], kinds: frozenset[str]):
        ci: dict[str, tuple[str | None, str]] = {}
        cs: dict[str, tuple[str | None, str]] = {}
        self.patterns: list[tuple[re.Pattern, str, str]] = []
        for actor in actors:
            for alias in actor.aliases:
                if alias.kind not in kinds:
                    continue
                if alias.regex:
                    rx = re.compile(r"(?<!\w)(?:" + alias.text + ")" + _TAIL, re.IGNORECASE)
                    self.patterns.append((rx, actor.id, alias.kind))
                    continue
                for form in alias.surface_forms():
                    if alias.case_sensitive:
                        cs[_norm(form)] = (actor.id, alias.kind)
                    else:
                        ci[_norm(form).lower()] = (actor.id, alias.kind)
            for phrase in actor.exclude:
                ci.setdefault(
                    _norm(unicodedata.normalize("NFC", phrase)).lower(), (None, "exclude")
                )
        self.ci_table, self.cs_table = ci, cs
        # A case-insensitive form whose first word is a one-word case-sensitive form
        # ("US president" and "US") matches only where that word is written as
        # registered or in capitals ("US president", "US PRESIDENT"; not "told us
        # president"): table key -> the first word as registered.
        heads = {k.lower(): k for k in cs if " " not in k}
        self.ci_heads = {
            k: heads[k.split(" ", 1)[0]] for k in ci if " " in k and k.split(" ", 1)[0] in heads
        }
        # Cyrillic forms get their own regex, run only on texts with Cyrillic letters:
        # in one regex their branches cost English text about 20% of the matching time.
        self.ci_regex = _compile_literals(sorted(k for k in ci if not _CYRILLIC.search(k)))
        self.cyrillic_regex = _compile_literals(sorted(k for k in ci if _CYRILLIC.search(k)))
        self.cs_regex = _compile_literals(sorted(cs))
        self._ci_fallback: re.Pattern | None = None
        # The case-sensitive forms (US, EU, Senate ...) start with rare capitals: without
        # the leading \b the regex engine jumps between those first letters (about 3x
        # faster); find() then checks the boundary itself (see _find_cs).
        self._cs_unanchored = (
            re.compile(self.cs_regex.pattern[2:])
            if self.cs_regex is not None and self.cs_regex.pattern.startswith(r"\b")
            else None
        )

    def _lookup_ci(self, key: str):
        """The table entry of `key` (a match normalised and lower-cased), or None."""
        entry = self.ci_table.get(key)
        if entry is None:  # pragma: no cover - case-mapping corner cases (final sigma ...)
            folded = key.casefold()
            for form, value in self.ci_table.items():
                if form.casefold() == folded:
                    return value
        return entry

    def _case_fits(self, key: str, text: str, start: int) -> bool:
        """False when the form `key` needs its first word in capitals and `text` lacks them."""
        head = self.ci_heads.get(key)
        return head is None or _written_as(text, start, head)

    def _scan_ci(self, regex: re.Pattern, low: str, text: str, cands: list) -> None:
        """Append a candidate per match of `regex` in `low` (`text` lower-cased, same length)."""
        table = self.ci_table
        for m in regex.finditer(low):
            # a table key is its own normal form: _norm only when the match differs
            key = m.group()
            entry = table.get(key)
            if entry is None:
                key = _norm(key)
                entry = table.get(key)
            if entry is not None and self._case_fits(key, text, m.start()):
                cands.append((m.start(), m.end(), entry[0], entry[1], False))

    def _find_cs(self, text: str) -> list[tuple[int, int, str]]:
        r"""``(start, end, surface)`` per match of the case-sensitive regex.

        With the unanchored regex, a match is kept when it starts at a word boundary
        (``\b`` before a word character: no word character before it; ``\w`` is
        ``str.isalnum()`` or ``_``, as in :mod:`re`). If any match does not, the scan
        may have skipped a valid match inside it, so the anchored regex is rerun:
        as long as every match starts at a boundary the two scans visit the same
        positions and give the same matches.
        """
        if self._cs_unanchored is not None:
            found = []
            for m in self._cs_unanchored.finditer(text):
                start = m.start()
                if start:
                    prev = text[start - 1]
                    if prev.isalnum() or prev == "_":
                        break
                found.append((start, m.end(), m.group()))
            else:
                return found
        return [(m.start(), m.end(), m.group()) for m in self.cs_regex.finditer(text)]

    def find(self, text: str) -> list[tuple[int, int, str, str, bool]]:
        """Return ``(start, end, actor_id, kind, case_sensitive)`` per match, sorted.

        Longest match wins among overlapping candidates; excluded phrases are removed
        after the overlap resolution (so they also hide the shorter forms inside them).
        A text that is not in Unicode normal form C is matched in its NFC form and
        the offsets are mapped back to `text` (:func:`framing.text.nfc_with_offsets`).
        """
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            nfc, back = nfc_with_offsets(text)
            return [(back[a], back[b], *rest) for a, b, *rest in self._find(nfc)]
        return self._find(text)

    def _find(self, text: str) -> list[tuple[int, int, str, str, bool]]:
        cands = []
        n_ci = 0
        if self.ci_regex is not None or self.cyrillic_regex is not None:
            low = text.lower()
            if len(low) == len(text):
                if self.ci_regex is not None:
                    self._scan_ci(self.ci_regex, low, text, cands)
                n_ci = len(cands)
                if self.cyrillic_regex is not None and not text.isascii() and _has_cyrillic(low):
                    self._scan_ci(self.cyrillic_regex, low, text, cands)
            else:
                if self._ci_fallback is None:
                    self._ci_fallback = _compile_literals(sorted(self.ci_table), ignore_case=True)
                for m in self._ci_fallback.finditer(text):
                    key = _norm(m.group()).lower()
                    entry = self._lookup_ci(key)
                    if entry is not None and self._case_fits(key, text, m.start()):
                        cands.append((m.start(), m.end(), entry[0], entry[1], False))
                n_ci = len(cands)
        if self.cs_regex is not None:
            for start, end, surface in self._find_cs(text):
                entry = self.cs_table.get(surface) or self.cs_table.get(_norm(surface))
                if entry is not None:
                    cands.append((start, end, entry[0], entry[1], True))
        for rx, actor_id, kind in self.patterns:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), actor_id, kind, False))
        if not cands:
            return []
        if len(cands) != n_ci:  # several sources: resolve overlaps, longest first
            cands.sort(key=lambda c: (c[0], -c[1]))
            kept, last_end = [], -1
            for c in cands:
                if c[0] >= last_end:
                    kept.append(c)
                    last_end = c[1]
            cands = kept
        return [c for c in cands if c[2] is not None]  # drop excluded phrases


# --------------------------------------------------------------------------- registry


class ActorRegistry:
    """The actors of a study, with their aliases; the input of :func:`find_mentions`.

    Build it with :meth:`from_yaml` (or :func:`load_actors`) or :meth:`from_dict`.
    The registry is immutable; :meth:`select` returns a new one. The compiled
    matcher is built on first use and cached on the registry.

    Parameters
    ----------
    actors : iterable of Actor
        The actors, in display order.
    source : str or os.PathLike, optional
        The file the actors came from (used in messages).

    Raises
    ------
    RegistryFormatError
        If two actors share an id, or an excluded phrase is also an alias.
    DuplicateAliasError
        If one alias (compared case-insensitively, apostrophes, hyphens and spaces
        normalised) is registered twice; the message names both actors.

    Examples
    --------
    >>> reg = ActorRegistry.from_dict({"actors": [
    ...     {"id": "kyiv_gov", "label": "Ukraine", "kind": "country",
    ...      "names": ["Ukraine"], "metonyms": ["Kyiv"]}]})
    >>> reg.ids, len(reg)
    (('kyiv_gov',), 1)
    >>> reg["kyiv_gov"].forms("metonym")
    ('Kyiv',)
    """

    def __init__(self, actors: Iterable[Actor], *, source: str | os.PathLike | None = None):
        self.source = None if source is None else str(source)
        self._actors: dict[str, Actor] = {}
        where = f" in {self.source!r}" if self.source else ""
        seen: dict[str, tuple[str, Alias]] = {}
        for actor in actors:
            if not isinstance(actor, Actor):
                raise TypeError(
                    f"ActorRegistry expects Actor objects. Got {type(actor).__name__} "
                    f"({actor!r:.60}); build registries with ActorRegistry.from_dict()."
                )
            if actor.id in self._actors:
                raise RegistryFormatError(
                    f"Actor id {actor.id!r} is defined twice{where}; ids must be unique. "
                    f"Merge the two entries or rename one."
                )
            self._actors[actor.id] = actor
            for alias in actor.aliases:
                if alias.regex:
                    continue
                own = _norm(unicodedata.normalize("NFC", alias.text)).casefold()
                for form in sorted(alias.surface_forms()):
                    key = _norm(form).casefold()
                    if key in seen:
                        other_id, other = seen[key]
                        if (
                            other_id == actor.id
                            and other.kind == alias.kind
                            and (other.lang != alias.lang or key != own)
                        ):
                            continue  # one actor's form in two languages, or two case forms
                        said = (
                            repr(alias.text)
                            if key == own
                            else f"{form!r} (a case form of {alias.lang} {alias.text!r})"
                        )
                        who = (
                            f"actor {other_id!r} (as {other.kind} {other.text!r}) and again "
                            f"for actor {actor.id!r}"
                            if other_id != actor.id
                            else f"actor {actor.id!r} twice (as {other.kind} {other.text!r} and "
                            f"as {alias.kind} {alias.text!r})"
                        )
                        raise DuplicateAliasError(
                            f"Alias {said} is registered for {who}{where}; an alias must "
                            f"point to one actor. Keep it under the actor it usually refers to."
                        )
                    seen[key] = (actor.id, alias)
        for actor in self._actors.values():
            for phrase in actor.exclude:
                key = _norm(unicodedata.normalize("NFC", phrase)).casefold()
                if key in seen:
                    raise RegistryFormatError(
                        f"Actor {actor.id!r} excludes {phrase!r}{where}, which is also an alias "
                        f"of actor {seen[key][0]!r}; remove it from one of the two lists."
                    )
        self._matchers: dict[frozenset[str], _Matcher] = {}

    # -- construction -------------------------------------------------------------

    @classmethod
    def from_yaml(cls, path: str | os.PathLike) -> ActorRegistry:
        """Read a registry from a YAML file.

        The file has a top-level ``actors`` list (and optionally ``version`` and
        ``description``); each entry has the keys ``id``, ``label``, ``kind``,
        ``names``, ``aliases``, ``metonyms``, ``demonyms``, ``patterns``,
        ``case_sensitive``, ``exclude``, ``notes``, ``attributes``. See the header of
        ``corpus/actors.yml`` for the format and :meth:`from_dict` for the rules.

        Form lists are either plain lists (any language, matched as written) or
        mappings from ISO 639-1 codes to lists::

            names:
              en: [Volodymyr Zelenskyy, Zelensky]
              uk: [Володимир Зеленський, Зеленський]
              ru: [Владимир Зеленский, Зеленский]

        ``ru`` and ``uk`` forms are dictionary forms matched in every case form.

        Parameters
        ----------
        path : str or os.PathLike
            The YAML file.

        Returns
        -------
        registry : ActorRegistry

        Raises
        ------
        FileNotFoundError
            If `path` does not exist.
        RegistryFormatError
            If the file is not valid YAML or an entry is malformed; the message names
            the file, the entry number and its line.
        DuplicateAliasError
            If an alias is registered for two actors.
        """
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"Actor registry {str(path)!r} does not exist. Pass the path of a YAML registry "
                f"(the default is {str(paths.DEFAULT_ACTORS)!r})."
            )
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
            root = yaml.compose(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f" line {mark.line + 1}" if mark is not None else ""
            raise RegistryFormatError(
                f"Actor registry {str(path)!r}{line} is not valid YAML ({err.__class__.__name__}: "
                f"{getattr(err, 'problem', err)}). Fix the syntax; see corpus/actors.yml for "
                f"the format."
            ) from err
        lines = None
        if isinstance(root, yaml.MappingNode):
            for key, value in root.value:
                if key.value == "actors" and isinstance(value, yaml.SequenceNode):
                    lines = [item.start_mark.line + 1 for item in value.value]
        return cls.from_dict(data, source=path, _lines=lines)

    @classmethod
    def from_dict(
        cls, data, *, source: str | os.PathLike | None = None, _lines: list[int] | None = None
    ) -> ActorRegistry:
        """Build a registry from the parsed YAML structure.

        Rules per entry: ``id`` (str, no spaces) and ``kind`` (one of
        :data:`ACTOR_KINDS`) are required; ``label`` defaults to the id; ``names``,
        ``aliases``, ``metonyms``, ``demonyms`` (alias kinds name, alias, metonym,
        demonym), ``patterns`` (regular expressions, kind alias), ``case_sensitive``
        and ``exclude`` are lists of str; every item of ``case_sensitive`` must also
        appear in one of the four kind lists, and marks that form as matching with
        exactly this case. Unknown keys are errors (they are usually typos).
        The four kind lists and ``exclude`` may instead be mappings from language
        codes (two lower-case letters, ISO 639-1: ``en``, ``ru``, ``uk``) to lists;
        ``ru`` and ``uk`` forms also match in their case forms
        (:func:`framing.inflection.inflect`), other languages as written. The same
        form may appear under two languages of one actor with the same kind
        (``Кремль`` in ``ru`` and ``uk``); a case form shared by two actors is a
        :class:`DuplicateAliasError`.

        Parameters
        ----------
        data : mapping or list
            ``{"actors": [entry, ...]}`` or the list of entries itself.
        source : str or os.PathLike, optional
            Where `data` came from, for messages.

        Returns
        -------
        registry : ActorRegistry

        Raises
        ------
        RegistryFormatError
            If the structure or an entry is malformed (including a language key that
            is not an ISO 639-1 code, such as ``ua`` for Ukrainian); the message names
            the source, the entry (number, line and id) and the fix.
        DuplicateAliasError
            If an alias is registered for two actors.
        """
        src = repr(str(source)) if source is not None else "<dict>"
        if isinstance(data, Mapping):
            unknown = sorted(set(map(str, data)) - set(_TOP_KEYS))
            if unknown:
                raise RegistryFormatError(
                    f"Actor registry {src} has unknown top-level key(s) {unknown!r}; valid keys "
                    f"are {list(_TOP_KEYS)!r}."
                )
            entries = data.get("actors")
        else:
            entries = data
        if not isinstance(entries, list) or not entries:
            raise RegistryFormatError(
                f"Actor registry {src} must have a non-empty 'actors' list. Got "
                f"{type(entries).__name__} ({entries!r:.60}); see corpus/actors.yml for the format."
            )
        actors = []
        for i, entry in enumerate(entries):
            line = f", line {_lines[i]}" if _lines and i < len(_lines) else ""
            ident = entry.get("id") if isinstance(entry, Mapping) else None
            where = f"Actor registry {src} entry {i + 1}{line}" + (
                f" (id {ident!r})" if ident is not None else ""
            )
            try:
                actors.append(_parse_entry(entry))
            except RegistryFormatError as err:
                raise RegistryFormatError(f"{where}: {err}") from None
        return cls(actors, source=source)

    # -- mapping protocol ---------------------------------------------------------

    def __getitem__(self, actor_id: str) -> Actor:
        try:
            return self._actors[actor_id]
        except (KeyError, TypeError):
            pass
        ids = list(self._actors)
        close = difflib.get_close_matches(str(actor_id), ids, n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        shown = ", ".join(repr(i) for i in ids[:6]) + (", ..." if len(ids) > 6 else "")
        src = f"check {self.source!r}" if self.source else "check the registry"
        raise UnknownActorError(
            f"Unknown actor id {actor_id!r}.{hint} Known ids include {shown} "
            f"({len(ids)} total); {src}."
        )

    def __contains__(self, actor_id) -> bool:
        return actor_id in self._actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __repr__(self) -> str:
        src = f" from {self.source!r}" if self.source else ""
        return f"ActorRegistry({len(self)} actors{src})"

    @property
    def ids(self) -> tuple[str, ...]:
        """Actor ids in registry order (tuple of str)."""
        return tuple(self._actors)

    def select(self, ids: Iterable[str]) -> ActorRegistry:
        """Return a registry with only the given actors, in the order given.

        Parameters
        ----------
        ids : iterable of str
            Actor ids to keep.

        Returns
        -------
        registry : ActorRegistry

        Raises
        ------
        TypeError
            If `ids` is a single str (wrap it in a list).
        UnknownActorError
            If an id is not in the registry; the message suggests close ids.
        """
        if isinstance(ids, str):
            raise TypeError(
                f"ActorRegistry.select expects an iterable of ids, got the single str {ids!r}; "
                f"wrap it in a list: select([{ids!r}])."
            )
        return ActorRegistry([self[i] for i in ids], source=self.source)

    def to_frame(self) -> pd.DataFrame:
        """Return the registry as a table, one row per alias.

        Returns
        -------
        table : pandas.DataFrame of shape (n_aliases, 8)
            Columns ``actor_id``, ``label``, ``actor_kind`` (str), ``alias`` (str; a
            regular expression when ``regex``), ``kind`` (alias kind, str),
            ``case_sensitive``, ``regex`` (bool), ``lang`` (str; ``''`` for a form
            without a language).
        """
        rows = [
            (a.id, a.label, a.kind, al.text, al.kind, al.case_sensitive, al.regex, al.lang or "")
            for a in self
            for al in a.aliases
        ]
        cols = [
            "actor_id",
            "label",
            "actor_kind",
            "alias",
            "kind",
            "case_sensitive",
            "regex",
            "lang",
        ]
        table = pd.DataFrame(rows, columns=cols)
        return table.astype({"case_sensitive": bool, "regex": bool})

    def _matcher(self, kinds: Iterable[str]) -> _Matcher:
        key = frozenset(kinds)
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = self._matchers[key] = _Matcher(list(self), key)
        return matcher


def _string_list(entry: Mapping, key: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryFormatError(
            f"'{key}' must be a list of strings, e.g. {key}: [Kyiv, Kiev]. Got {value!r}."
        )
    return [v.strip() for v in value]


def _language_lists(entry: Mapping, key: str) -> list[tuple[str | None, str]]:
    """``(lang, form)`` pairs of a form list: a plain list (lang None) or a per-language mapping."""
    value = entry.get(key)
    if not isinstance(value, Mapping):
        return [(None, v) for v in _string_list(entry, key)]
    out = []
    for lang, forms in value.items():
        if not isinstance(lang, str) or not _LANG_CODE.match(lang):
            hint = _LANG_HINTS.get(str(lang))
            raise RegistryFormatError(
                f"'{key}' has the language key {lang!r}; keys must be ISO 639-1 codes such "
                f"as 'en', 'ru', 'uk'" + (f" (did you mean {hint!r}?)." if hint else ".")
            )
        if lang in _LANG_HINTS:
            raise RegistryFormatError(
                f"'{key}' has the language key {lang!r}, which is not the ISO 639-1 code of "
                f"the language; did you mean {_LANG_HINTS[lang]!r}?"
            )
        if forms is None:
            continue
        if not isinstance(forms, list) or not all(isinstance(v, str) for v in forms):
            raise RegistryFormatError(
                f"'{key}.{lang}' must be a list of strings, e.g. {key}: {{{lang}: [Kyiv]}}. "
                f"Got {forms!r}."
            )
        out += [(lang, v.strip()) for v in forms]
    return out


def _parse_entry(entry) -> Actor:
    """Turn one YAML entry into an :class:`Actor` (errors without the location prefix)."""
    if not isinstance(entry, Mapping):
        raise RegistryFormatError(
            f"each actor must be a mapping with keys such as 'id', 'kind' and 'names'. "
            f"Got {type(entry).__name__} ({entry!r:.60})."
        )
    unknown = [str(k) for k in entry if k not in _ENTRY_KEYS]
    if unknown:
        hints = {u: difflib.get_close_matches(u, _ENTRY_KEYS, n=1) for u in unknown}
        said = ", ".join(
            f"{u!r}" + (f" (did you mean {h[0]!r}?)" if h else "") for u, h in hints.items()
        )
        raise RegistryFormatError(
            f"unknown key(s) {said}; valid keys are {', '.join(_ENTRY_KEYS)}."
        )
    for key in ("id", "kind"):
        if not isinstance(entry.get(key), str):
            raise RegistryFormatError(
                f"'{key}' is required and must be a string. Got {entry.get(key)!r}."
            )
    label = entry.get("label", entry["id"])
    if not isinstance(label, str):
        raise RegistryFormatError(f"'label' must be a string. Got {label!r}.")
    case_sensitive = set(_string_list(entry, "case_sensitive"))
    aliases, listed = [], set()
    for key, kind in _KIND_KEYS.items():
        for lang, text in _language_lists(entry, key):
            aliases.append(Alias(text, kind, case_sensitive=text in case_sensitive, lang=lang))
            listed.add(text)
    stray = sorted(case_sensitive - listed)
    if stray:
        raise RegistryFormatError(
            f"'case_sensitive' lists {stray!r}, which are not in names, aliases, metonyms or "
            f"demonyms; 'case_sensitive' only flags forms listed there, so add them to one list."
        )
    for pattern in _string_list(entry, "patterns"):
        try:
            rx = re.compile(pattern)
        except re.error as err:
            raise RegistryFormatError(
                f"pattern {pattern!r} is not a valid regular expression ({err}); fix or remove it."
            ) from None
        if rx.fullmatch(""):
            raise RegistryFormatError(
                f"pattern {pattern!r} matches the empty string; make it require at least "
                f"one character."
            )
        aliases.append(Alias(pattern, "alias", regex=True))
    attributes = entry.get("attributes") or {}
    if not isinstance(attributes, Mapping):
        raise RegistryFormatError(
            f"'attributes' must be a mapping such as {{party: Democratic}}. Got {attributes!r}."
        )
    notes = entry.get("notes") or ""
    return Actor(
        id=entry["id"],
        label=label,
        kind=entry["kind"],
        aliases=tuple(aliases),
        exclude=tuple(
            form
            for lang, phrase in _language_lists(entry, "exclude")
            for form in (sorted(inflect(phrase, lang)) if lang in INFLECTED_LANGUAGES else [phrase])
        ),
        notes=str(notes),
        attributes=attributes,
    )


def load_actors(path: str | os.PathLike | None = None) -> ActorRegistry:
    """Load an actor registry from YAML.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Registry file. Default: :data:`framing.paths.DEFAULT_ACTORS`
        (``corpus/actors.yml``, the 2025 US-Ukraine minerals story).

    Returns
    -------
    registry : ActorRegistry

    Raises
    ------
    FileNotFoundError, RegistryFormatError, DuplicateAliasError
        See :meth:`ActorRegistry.from_yaml`.

    Examples
    --------
    >>> registry = load_actors()
    >>> registry["zelenskyy"].label
    'Volodymyr Zelenskyy'
    """
    return ActorRegistry.from_yaml(paths.DEFAULT_ACTORS if path is None else path)


# --------------------------------------------------------------------------- mentions


def _is_ambiguous(text: str, sentence: str, start: int, end: int, sent_start: int) -> bool:
    """Apply the all-caps rule to a case-sensitive match (see find_mentions Notes)."""
    if text[start:end].casefold() not in CAPS_AMBIGUOUS_WORDS or not sentence.isupper():
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1).upper() in COUNTRY_MODIFIED_NOUNS:
        return False
    prev = _PREV_WORD.search(text, sent_start, start)
    return not (prev is not None and prev.group(1).upper() == "THE")


def find_mentions(
    articles: pd.DataFrame,
    actors: ActorRegistry | str | os.PathLike,
    *,
    metonyms: bool = True,
    demonyms: bool = True,
    fields: tuple[str, ...] = ("title", "text"),
) -> pd.DataFrame:
    """Find every mention of every actor in the articles, one row per mention.

    Each field of each article is scanned for the registry's forms; every match is
    located in its sentence (:func:`framing.text.split_sentences`) and returned with
    character offsets and the article's document variables, so later tables never
    need to re-join the articles.

    Parameters
    ----------
    articles : pandas.DataFrame of shape (n_articles, n_columns)
        One row per article, e.g. from :func:`framing.corpus.load_corpus`. Required
        columns: ``article_id`` and every column in `fields` (str; missing values
        are treated as empty text).
    actors : ActorRegistry or str or os.PathLike
        The registry, or the path of a registry YAML file.
    metonyms : bool, default=True
        Match metonyms (``Kyiv`` for Ukraine, ``Kremlin`` for Russia, ``White House``
        for the US). With False they are not matched at all.
    demonyms : bool, default=True
        Match demonyms (``Ukrainian``, ``Russians``, ``American``). With False they
        are not matched at all.
    fields : tuple of str, default=('title', 'text')
        Text columns to scan, in output order.

    Returns
    -------
    mentions : pandas.DataFrame of shape (n_mentions, n_docvars + 11)
        Sorted by article (input order), field (order of `fields`) and ``start``.
        Columns:

        - document variables: every article column except ``title``, ``text`` and
          the `fields` columns (``article_id``, ``outlet``, ``published``, ``language``,
          outlet groups, ...), with the articles' dtypes;
        - ``actor_id`` (str): registry id;
        - ``field`` (str): the column the mention is in;
        - ``sentence_id`` (int64): 0-based index of the sentence within the field;
        - ``start``, ``end`` (int64): character offsets into the field string, end
          exclusive; ``article[field][start:end] == surface``;
        - ``surface`` (str): the matched text, without a possessive ``'s`` / ``’s``;
        - ``kind`` (str): ``'name'``, ``'alias'``, ``'metonym'`` or ``'demonym'``;
        - ``ambiguous`` (bool): the match may not refer to the actor (all-caps rule);
        - ``sentence`` (str): the sentence containing the mention's start;
        - ``sentence_start``, ``sentence_end`` (int64): that sentence's span in
          characters in the field string.

    Raises
    ------
    TypeError
        If `articles` is not a DataFrame, `fields` is a single str, or a field
        value is neither a str nor missing.
    MissingColumnError
        If ``article_id`` or a field column is absent.
    CorpusFormatError
        If a document variable has the name of a mentions column (rename it).
    FileNotFoundError, RegistryFormatError, DuplicateAliasError
        If `actors` is a path and the registry cannot be read.

    See Also
    --------
    framing.text.split_sentences : The sentence splitter.
    ActorRegistry.from_yaml : The registry format.

    Notes
    -----
    Matching rules (units: characters):

    1. **Word boundaries.** A form matches only where it is not preceded or followed
       by a letter, digit or underscore: ``Biden`` does not match ``Bidenomics``,
       ``Zelensky`` does not match ``Zelenska``, ``US`` does not match ``USAID``. An
       apostrophe or hyphen is a boundary, so ``Kyiv’s`` and ``Kyiv's`` give the span
       of ``Kyiv`` alone and ``Russia-Ukraine`` gives two mentions.
    2. **Case.** Forms match case-insensitively, except forms listed under
       ``case_sensitive`` (``US`` never matches the pronoun ``us``). A form whose first
       word is a one-word case-sensitive form (``US president``) needs that word as
       registered or in capitals (``US president``, ``US PRESIDENT``, not ``told us
       president``).
    3. **Longest match wins.** ``Volodymyr Zelenskyy`` is one mention, not two;
       ``Ukrainian president`` (an alias of Zelenskyy) is not also a demonym of
       Ukraine; an ``exclude`` phrase (``Donald Trump Jr.``, ``Washington Post``)
       swallows the shorter form inside it and gives no mention.
    4. **Title + name.** Two matches of the same actor separated only by spaces merge
       into one mention when they are in the same sentence (``Ukrainian President
       Volodymyr Zelenskyy``), with the more specific kind (name > alias > metonym
       > demonym).
    5. **Spelling variants.** In a form, a space matches any whitespace run, ``'``
       any apostrophe (straight or curly) and ``-`` any hyphen.
    6. **All-caps rule.** A case-sensitive form that is also an English word
       (:data:`CAPS_AMBIGUOUS_WORDS`: ``US``, ``WHO``, ``IT`` ...) inside a sentence
       with no lower-case letter is flagged ``ambiguous=True``, unless the next word
       is a noun it commonly modifies (:data:`framing.text.COUNTRY_MODIFIED_NOUNS`:
       ENVOY, OFFICIALS, TROOPS, PRESIDENT, SENATE, AID ...) or the previous word is
       THE. In ``PUTIN TELLS US ENVOY: GIVE US TIME`` the first ``US`` is clean and
       the second ambiguous. Ambiguous rows are kept so that they can be counted;
       filter them with ``mentions[~mentions.ambiguous]``.
    7. **Metonyms and demonyms count wherever they occur.** ``meeting in Kyiv`` is a
       metonym mention of Ukraine even though it names the city: the matcher does not
       resolve metonymy; filter on ``kind`` or pass ``metonyms=False`` / ``demonyms=False``.
    8. **Russian and Ukrainian.** Registry forms given under ``ru`` or ``uk`` match in
       every case form (:func:`framing.inflection.inflect`): ``Зеленський`` also finds
       ``Зеленського``, ``Зеленському``, ``Зеленським`` but not ``Зеленська`` (the
       first lady); ``Кремль`` finds ``Кремля``, ``Кремлі``; lower-case possessive
       and demonym adjectives (``путінський``, ``российские``) every gender and
       number. The case forms are literals of the same compiled regex, so matching
       costs what it costs in English (benchmarks/cyrillic_mentions.py).
    9. **Unicode normalisation.** Registry forms and texts are compared in NFC, so a
       text written with combining marks (``й`` as ``и`` + U+0306) matches; offsets
       and surfaces always refer to the text as given.

    Performance: one compiled regex per registry and set of kinds (a character trie,
    cached on the registry), columns built as lists and one DataFrame at the end.
    Measured on one core (CPU time, sentence splitting included): about 800 articles
    of 600 words, or 20,000-25,000 mentions, per second.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["X"], "title": [""],
    ...                      "text": ["Kyiv welcomed the U.S. Senate vote."]})
    >>> m = find_mentions(arts, load_actors())
    >>> m[["actor_id", "surface", "kind", "start"]].values.tolist()[:2]
    [['ukraine', 'Kyiv', 'metonym', 0], ['united_states', 'U.S.', 'name', 18]]
    >>> m.actor_id.tolist()
    ['ukraine', 'united_states', 'us_congress']
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"find_mentions expects the articles as a pandas DataFrame (see "
            f"framing.corpus.load_corpus). Got {type(articles).__name__}."
        )
    if isinstance(fields, str):
        raise TypeError(
            f"The 'fields' parameter of find_mentions must be a tuple of column names. Got "
            f"the single str {fields!r}; write fields=({fields!r},)."
        )
    fields = tuple(fields)
    required = ["article_id", *fields]
    missing = [c for c in required if c not in articles.columns]
    if missing:
        raise MissingColumnError(
            f"The articles table lacks column(s) {missing!r} needed by find_mentions. Got "
            f"columns {list(articles.columns)!r}; load articles with framing.corpus.load_corpus "
            f"or pass fields= with the text columns you have."
        )
    registry = actors if isinstance(actors, ActorRegistry) else ActorRegistry.from_yaml(actors)
    kinds = (
        {"name", "alias"}
        | ({"metonym"} if metonyms else set())
        | ({"demonym"} if demonyms else set())
    )
    matcher = registry._matcher(kinds)

    skip = {"title", "text", *fields}
    docvar_cols = [c for c in articles.columns if c not in skip]
    clash = [c for c in docvar_cols if c in MENTION_COLUMNS]
    if clash:
        raise CorpusFormatError(
            f"The articles table has column(s) {clash!r}, which find_mentions needs for the "
            f"mentions table. Rename them before calling find_mentions."
        )

    rows: list[int] = []
    c_actor, c_field, c_sid, c_start, c_end = [], [], [], [], []
    c_surface, c_kind, c_amb, c_sent, c_sstart, c_send = [], [], [], [], [], []
    columns = [articles[f].tolist() for f in fields]
    ids = articles["article_id"].tolist()
    for row in range(len(articles)):
        for field_name, values in zip(fields, columns):
            text = values[row]
            if not isinstance(text, str):
                if text is None or (not isinstance(text, (list, tuple)) and pd.isna(text)):
                    continue
                raise TypeError(
                    f"Article {ids[row]!r} field {field_name!r} must be a str. Got "
                    f"{type(text).__name__} ({text!r:.60}); convert the column to str."
                )
            found = matcher.find(text)
            if not found:
                continue
            spans = split_sentences(text, keep=[(f[0], f[1]) for f in found])
            starts = [s for s, _ in spans] or [0]
            if not spans:  # pragma: no cover - a match implies non-space text
                spans = [(0, len(text))]
            sentences: dict[int, str] = {}
            first = len(c_actor)
            for start, end, actor_id, kind, case_sensitive in found:
                sid = max(bisect_right(starts, start) - 1, 0)
                s_start, s_end = spans[sid]
                if (
                    len(c_actor) > first
                    and c_actor[-1] == actor_id
                    and c_sid[-1] == sid
                    and end <= s_end
                ):
                    gap = text[c_end[-1] : start]
                    if gap.isspace() and "\n" not in gap:  # title + name: one mention
                        c_end[-1] = end
                        c_surface[-1] = text[c_start[-1] : end]
                        c_kind[-1] = min(c_kind[-1], kind, key=_KIND_RANK.__getitem__)
                        c_amb[-1] = (
                            c_amb[-1]
                            and case_sensitive
                            and _is_ambiguous(text, c_sent[-1], start, end, s_start)
                        )
                        continue
                sentence = sentences.get(sid)
                if sentence is None:
                    sentence = sentences[sid] = text[s_start:s_end]
                rows.append(row)
                c_actor.append(actor_id)
                c_field.append(field_name)
                c_sid.append(sid)
                c_start.append(start)
                c_end.append(end)
                c_surface.append(text[start:end])
                c_kind.append(kind)
                c_amb.append(case_sensitive and _is_ambiguous(text, sentence, start, end, s_start))
                c_sent.append(sentence)
                c_sstart.append(s_start)
                c_send.append(s_end)

    docvars = articles[docvar_cols].take(rows).reset_index(drop=True)
    out = {
        "actor_id": pd.Series(c_actor, dtype=str),
        "field": pd.Series(c_field, dtype=str),
        "sentence_id": np.asarray(c_sid, dtype=np.int64),
        "start": np.asarray(c_start, dtype=np.int64),
        "end": np.asarray(c_end, dtype=np.int64),
        "surface": pd.Series(c_surface, dtype=str),
        "kind": pd.Series(c_kind, dtype=str),
        "ambiguous": np.asarray(c_amb, dtype=bool),
        "sentence": pd.Series(c_sent, dtype=str),
        "sentence_start": np.asarray(c_sstart, dtype=np.int64),
        "sentence_end": np.asarray(c_send, dtype=np.int64),
    }
    mentions = pd.DataFrame(out)
    return pd.concat([docvars, mentions], axis=1)
