"""Case forms of Russian and Ukrainian actor names, from documented ending rules.

The actor registry lists each Russian (``ru``) or Ukrainian (``uk``) name in its
dictionary form (``Зеленський``, ``Київ``, ``Сполучені Штати``); :func:`inflect`
returns every case form of it (``Зеленського``, ``Києві``, ``Сполученим Штатам``),
and :mod:`framing.actors` adds them all to its literal matcher, so matching
Cyrillic text costs the same compiled-regex scan as English.

>>> sorted(inflect("Путін", "uk"))
['Путін', 'Путіна', 'Путіне', 'Путіним', 'Путінові', 'Путіном', 'Путіну', 'Путіні']
"""

from __future__ import annotations

import itertools

__all__ = ["INFLECTED_LANGUAGES", "STEM_MARK", "inflect"]

#: Languages whose registry forms are expanded into their case forms.
INFLECTED_LANGUAGES = ("ru", "uk")
#: Separator of an explicit stem pattern: ``"Ки|їв|єва|єву|євом|єві"`` is the stem
#: ``Ки`` followed by each listed ending; a word with a trailing ``|`` alone
#: (``"України|"``) is kept exactly as written.
STEM_MARK = "|"

# Each rule: (word ending, endings per case slot). The six (ru) or seven (uk) slots
# are nominative, genitive, dative, accusative, instrumental, locative and (uk only)
# vocative; a slot lists every ending that form can take. The word's ending is cut
# and each slot ending appended. Multi-word names are declined word by word and
# combined slot by slot ("Білого дому", not "Білого дім"). Rules are tried in order;
# the first whose ending matches wins.
_UK_HARD_ADJ_MASC = ("ий", [["ий"], ["ого"], ["ому"], ["ий", "ого"], ["им"], ["ому", "ім"], ["ий"]])
_UK_RULES = (
    # capitalised adjectives keep their gender and number (Зеленський is never
    # Зеленська, the first lady; Банкова; Білий дім; Сполучені Штати)
    _UK_HARD_ADJ_MASC,
    ("ська", [["ська"], ["ської"], ["ській"], ["ську"], ["ською"], ["ській"], ["ська"]]),
    ("цька", [["цька"], ["цької"], ["цькій"], ["цьку"], ["цькою"], ["цькій"], ["цька"]]),
    ("ова", [["ова"], ["ової"], ["овій"], ["ову"], ["овою"], ["овій"], ["ова"]]),
    ("ені", [["ені"], ["ених"], ["еним"], ["ені", "ених"], ["еними"], ["ених"], ["ені"]]),
    ("ані", [["ані"], ["аних"], ["аним"], ["ані", "аних"], ["аними"], ["аних"], ["ані"]]),
    # nouns
    ("ія", [["ія"], ["ії"], ["ії"], ["ію"], ["ією"], ["ії"], ["іє"]]),
    ("ка", [["ка"], ["ки"], ["ці"], ["ку"], ["кою"], ["ці"], ["ко"]]),
    ("га", [["га"], ["ги"], ["зі"], ["гу"], ["гою"], ["зі"], ["го"]]),
    ("ха", [["ха"], ["хи"], ["сі"], ["ху"], ["хою"], ["сі"], ["хо"]]),
    ("а", [["а"], ["и", "і"], ["і"], ["у"], ["ою", "ею"], ["і"], ["о", "е"]]),
    ("я", [["я"], ["і"], ["і"], ["ю"], ["ею"], ["і"], ["е", "ю"]]),
    ("ь", [["ь"], ["я", "ю"], ["ю", "еві"], ["ь"], ["ем"], ["і", "ю"], ["ю", "е"]]),
    ("й", [["й"], ["я"], ["ю", "єві"], ["я"], ["єм"], ["ї", "ю"], ["ю"]]),
    ("ці", [["ці"], ["ців"], ["цям"], ["ців", "ці"], ["цями"], ["цях"], ["ці"]]),
    ("и", [["и"], ["ів"], ["ам"], ["и", "ів"], ["ами"], ["ах"], ["и"]]),
)
# a consonant-final masculine noun (Путін, Трамп, Вашингтон, Кремль above)
_UK_CONSONANT = [[""], ["а", "у"], ["у", "ові"], [""], ["ом"], ["і", "у"], ["е", "у"]]

_RU_RULES = (
    ("ский", [["ский"], ["ского"], ["скому"], ["ский", "ского"], ["ским"], ["ском"]]),
    ("цкий", [["цкий"], ["цкого"], ["цкому"], ["цкий", "цкого"], ["цким"], ["цком"]]),
    ("кий", [["кий"], ["кого"], ["кому"], ["кий", "кого"], ["ким"], ["ком"]]),
    ("ый", [["ый"], ["ого"], ["ому"], ["ый", "ого"], ["ым"], ["ом"]]),
    ("ой", [["ой"], ["ого"], ["ому"], ["ой", "ого"], ["ым", "им"], ["ом"]]),
    ("ская", [["ская"], ["ской"], ["ской"], ["скую"], ["ской", "скою"], ["ской"]]),
    ("ая", [["ая"], ["ой"], ["ой"], ["ую"], ["ой", "ою"], ["ой"]]),
    ("ые", [["ые"], ["ых"], ["ым"], ["ые", "ых"], ["ыми"], ["ых"]]),
    ("ие", [["ие"], ["их"], ["им"], ["ие", "их"], ["ими"], ["их"]]),
    ("ий", [["ий"], ["ия"], ["ию"], ["ия"], ["ием"], ["ии"]]),  # Дмитрий, Юрий
    ("ия", [["ия"], ["ии"], ["ии"], ["ию"], ["ией", "иею"], ["ии"]]),
    ("ка", [["ка"], ["ки"], ["ке"], ["ку"], ["кой", "кою"], ["ке"]]),
    ("га", [["га"], ["ги"], ["ге"], ["гу"], ["гой", "гою"], ["ге"]]),
    ("а", [["а"], ["ы", "и"], ["е"], ["у"], ["ой", "ою", "ей"], ["е"]]),
    ("я", [["я"], ["и"], ["е"], ["ю"], ["ей", "ею"], ["е", "и"]]),
    ("ь", [["ь"], ["я"], ["ю"], ["ь"], ["ем", "ём"], ["е"]]),
    ("й", [["й"], ["я"], ["ю"], ["я"], ["ем"], ["е"]]),
    ("цы", [["цы"], ["цев"], ["цам"], ["цев", "цы"], ["цами"], ["цах"]]),
    ("ы", [["ы"], ["ов"], ["ам"], ["ы", "ов"], ["ами"], ["ах"]]),
)
_RU_CONSONANT = [[""], ["а"], ["у"], [""], ["ом"], ["е"]]
# After a hushing consonant or ц the instrumental ends in -ем (uk Бабич → Бабичем).
_HUSHING = frozenset("жчшщц")


def _endings(text: str) -> list[str]:
    """Split a space-separated list of endings (long lists read better as text)."""
    return text.split()


# Lower-case neuter nouns in -о (партнерство, предательство); capitalised -о words are
# loanwords and do not decline (Рубіо, Свириденко).
_NEUTER_O = {
    "uk": [["о"], ["а"], ["у", "ові"], ["о"], ["ом"], ["і", "у"], ["о"]],
    "ru": [["о"], ["а"], ["у"], ["о"], ["ом"], ["е"]],
}
# Lower-case adjectives (possessive, relational and demonym adjectives: путінський,
# кремлёвский, український) take every gender and number.
_FULL_ADJECTIVE = {
    "uk": (
        ("ий", ["ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими"]),
        ("ій", ["ій", "ього", "ьому", "ім", "я", "ьої", "ю", "ьою", "є", "і", "іх", "іми"]),
    ),
    "ru": (
        ("ский", _endings("ский ского скому ским ском ская ской скую скою ское ские ских скими")),
        ("кий", _endings("кий кого кому ким ком кая кой кую кою кое кие ких кими")),
        ("ый", ["ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ою", "ое", "ые", "ых", "ыми"]),
        ("ой", ["ой", "ого", "ому", "ым", "ом", "ая", "ую", "ою", "ое", "ые", "ых", "ыми"]),
        ("ий", ["ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ею", "ее", "ие", "их", "ими"]),
    ),
}
_CYRILLIC_VOWELS = frozenset("аеєиіїоуюяыэё")
# Final consonants after which a Ukrainian і/ї alternates (Київ, Львів, дім, Ріг);
# not н, so surnames in -ін (Путін, Путіна) keep their vowel.
_ALTERNATING_FINALS = frozenset("вмгр")
# Possessive-type surnames (Путин, Иванов; Путін, Іванов) take the adjectival
# instrumental (Путиным, Путіним) besides the noun one (Вашингтоном).
_SURNAME_SUFFIXES = {
    "ru": (("ин", "ым"), ("ын", "ым"), ("ов", "ым"), ("ев", "ым"), ("ёв", "ым")),
    "uk": (("ін", "им"), ("їн", "им"), ("ин", "им"), ("ов", "им"), ("ев", "им"), ("єв", "им")),
}


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _apply(word: str, ending: str, slots: list[list[str]]) -> list[set[str]]:
    stem = word[: len(word) - len(ending)]
    return [{stem + e for e in slot} for slot in slots]


def _uk_alternation(word: str) -> str | None:
    """The oblique stem of a Ukrainian noun with і/ї in its final closed syllable.

    Київ → Києв-, Львів → Львов-, дім → дом-: the vowel reappears as є or о when
    the syllable opens. Returned as an extra stem (the plain one is kept too).
    """
    if len(word) < 2 or word[-1].lower() not in _ALTERNATING_FINALS:
        return None
    vowel = word[-2]
    if vowel == "ї":
        return word[:-2] + "є" + word[-1]
    if vowel == "і":
        return word[:-2] + "о" + word[-1]
    return None


def _word_slots(word: str, lang: str) -> list[set[str]]:
    """Case slots of one word (a single slot for indeclinable and lower-case adjective words)."""
    if STEM_MARK in word:
        stem, *endings = word.split(STEM_MARK)
        return [{stem + e for e in endings}]
    low = word.lower()
    if not _is_cyrillic(word) or (len(word) > 1 and word.isupper()):
        return [{word}]  # Latin, digits, abbreviations (США, ЄС, НАТО): indeclinable
    if word[:1].islower():
        for ending, forms in _FULL_ADJECTIVE[lang]:
            if low.endswith(ending) and len(low) > len(ending) + 2:
                stem = word[: len(word) - len(ending)]
                return [{stem + e for e in forms}]
    if word[:1].islower() and low.endswith("о") and len(low) > 2:
        return _apply(word, "о", _NEUTER_O[lang])  # партнерство; capitalised -о: Рубіо
    rules, consonant = (_UK_RULES, _UK_CONSONANT) if lang == "uk" else (_RU_RULES, _RU_CONSONANT)
    for ending, slots in rules:
        if low.endswith(ending) and len(low) > len(ending):
            return _apply(word, ending, slots)
    if low[-1] in _CYRILLIC_VOWELS:
        return [{word}]  # vowel-final loanwords (Рубіо, Тбилиси) do not decline
    slots = _apply(word, "", consonant)
    if low[-1] in _HUSHING:
        slots[4].add(word + "ем")
    for suffix, ending in _SURNAME_SUFFIXES[lang]:
        if low.endswith(suffix):
            slots[4].add(word + ending)
    alt = _uk_alternation(word) if lang == "uk" else None
    if alt is not None:
        for slot, extra in zip(slots[1:], _apply(alt, "", consonant)[1:]):
            slot |= {form for form in extra if form != alt}
    return slots


def inflect(form: str, lang: str) -> frozenset[str]:
    """Return the case forms of a Russian or Ukrainian registry form.

    Each word is declined by the first ending rule it matches (documented in the
    module source, ``_UK_RULES`` and ``_RU_RULES``); the words of a multi-word form
    are combined case by case. Capitalised words keep their gender and number
    (``Зеленський`` gives ``Зеленського``, ``Зеленському``, ``Зеленським`` but never
    ``Зеленська``); a lower-case adjective (``путінський``, ``российский``) gives
    every gender, number and case. Words in Latin script, abbreviations in
    capitals (``США``, ``ЄС``) and vowel-final loanwords are not declined. A
    Ukrainian consonant-final noun with ``і``/``ї`` in its last syllable also gets
    the alternated stem (``Київ`` → ``Києва``, ``дім`` → ``дому``). A word written
    as a stem pattern, ``stem|ending|ending...`` (:data:`STEM_MARK`), gives exactly
    those forms: use it for irregular words (``росі|яни|ян|янам|янами|янах``).
    Russian forms with ``ё`` are also returned spelled with ``е``.

    Parameters
    ----------
    form : str
        The dictionary form (nominative singular, or nominative plural for plural
        names), one or more words separated by single spaces.
    lang : {'ru', 'uk'}
        Its language.

    Returns
    -------
    forms : frozenset of str
        Every case form, the input included (unless it is a stem pattern). Same spelling
        and capitals as `form` in the stem; endings are lower-case.

    Raises
    ------
    ValueError
        If `lang` is not in :data:`INFLECTED_LANGUAGES`.

    Notes
    -----
    The endings are those of standard grammars of the two languages (hard and soft
    masculine nouns, -а/-я and -ія feminine nouns with the к/г/х → ц/з/с change
    before -і in Ukrainian, adjectival surnames, plural nouns and adjectives). The
    rules over-generate a little (``Київа``, ``Києвові``: forms a grammar would not
    list), which costs nothing in precision because the extra forms are not
    words of either language; benchmarks/cyrillic_mentions.py measures recall and
    precision against pymorphy3's dictionaries.

    Examples
    --------
    >>> sorted(inflect("Київ", "uk") & {"Києва", "Києві", "Києвом", "Київа"})
    ['Києва', 'Києвом', 'Києві', 'Київа']
    >>> "Зеленская" in inflect("Зеленский", "ru")
    False
    """
    if lang not in INFLECTED_LANGUAGES:
        raise ValueError(
            f"inflect() declines {', '.join(map(repr, INFLECTED_LANGUAGES))} forms. Got "
            f"lang={lang!r}; forms in other languages are matched as written."
        )
    words = form.split(" ")
    per_word = [_word_slots(w, lang) for w in words]
    n_slots = max(len(s) for s in per_word)
    out: set[str] = set()
    for k in range(n_slots):
        choices = [s[k] if len(s) > 1 else s[0] for s in per_word]
        out.update(" ".join(p) for p in itertools.product(*choices))
    if lang == "ru":
        out |= {f.replace("ё", "е").replace("Ё", "Е") for f in out}
    return frozenset(out)
