"""Mentions in Russian and Ukrainian: case forms, possessive adjectives, the first-lady
trap, metonym/demonym switches, per-language registry lists and NFC offsets.

The sentences are written for these tests (our own words).
"""

import unicodedata

import pandas as pd
import pytest

from framing.actors import ActorRegistry, find_mentions, load_actors
from framing.exceptions import DuplicateAliasError, RegistryFormatError
from framing.inflection import inflect


@pytest.fixture(scope="module")
def registry():
    return load_actors()


def mentions_of(text, registry, **kwargs):
    arts = pd.DataFrame({"article_id": ["a1"], "title": [""], "text": [text]})
    return find_mentions(arts, registry, **kwargs)


# (id, text, expected [(actor_id, surface, kind), ...] in text order)
CASES = [
    (
        "uk zelenskyy genitive dative instrumental",
        "Позиція Зеленського відома; Зеленському зателефонували, з Зеленським погодились.",
        [
            ("zelenskyy", "Зеленського", "name"),
            ("zelenskyy", "Зеленському", "name"),
            ("zelenskyy", "Зеленським", "name"),
        ],
    ),
    (
        "ru zelenskyy genitive prepositional instrumental",
        "Речь Зеленского обсуждали; о Зеленском писали, с Зеленским говорили.",
        [
            ("zelenskyy", "Зеленского", "name"),
            ("zelenskyy", "Зеленском", "name"),
            ("zelenskyy", "Зеленским", "name"),
        ],
    ),
    (
        "uk first lady is not the president",
        "Олена Зеленська відвідала школу; волонтери подякували Зеленській і Зеленської чекали.",
        [],
    ),
    (
        "ru first lady is not the president",
        "Елена Зеленская открыла выставку, Зеленской подарили цветы, Зеленскую встретили.",
        [],
    ),
    (
        "uk first lady next to the president",
        "Зеленський і Зеленська прибули разом.",
        [("zelenskyy", "Зеленський", "name")],
    ),
    (
        "uk putin case forms",
        "Путін мовчить, але Путіна критикують, а Путіним незадоволені.",
        [("putin", "Путін", "name"), ("putin", "Путіна", "name"), ("putin", "Путіним", "name")],
    ),
    (
        "ru putin case forms",
        "Путин ответил; с Путиным встретились, Путину позвонили.",
        [("putin", "Путин", "name"), ("putin", "Путиным", "name"), ("putin", "Путину", "name")],
    ),
    (
        "uk possessive adjective of putin",
        "Путінський режим і путінська пропаганда втрачають путінських прихильників.",
        [
            ("putin", "Путінський", "name"),
            ("putin", "путінська", "name"),
            ("putin", "путінських", "name"),
        ],
    ),
    (
        "ru possessive adjectives",
        "Путинская система и кремлёвские чиновники, кремлевская пропаганда.",
        [
            ("putin", "Путинская", "name"),
            ("russia", "кремлёвские", "metonym"),
            ("russia", "кремлевская", "metonym"),
        ],
    ),
    (
        "uk kyiv alternating stem",
        "Київ чекає; до Києва приїхали, у Києві зустрілися.",
        [
            ("ukraine", "Київ", "metonym"),
            ("ukraine", "Києва", "metonym"),
            ("ukraine", "Києві", "metonym"),
        ],
    ),
    (
        "ru kiev prepositional",
        "В Киеве заявили, что Киев готов.",
        [("ukraine", "Киеве", "metonym"), ("ukraine", "Киев", "metonym")],
    ),
    (
        "kremlin forms",
        "Кремль промовчав, у Кремлі радіють; из Кремля ответили.",
        [
            ("russia", "Кремль", "metonym"),
            ("russia", "Кремлі", "metonym"),
            ("russia", "Кремля", "metonym"),
        ],
    ),
    (
        "washington and usa",
        "В Вашингтоне и в США довольны; Вашингтон молчит.",
        [
            ("united_states", "Вашингтоне", "metonym"),
            ("united_states", "США", "name"),
            ("united_states", "Вашингтон", "metonym"),
        ],
    ),
    (
        "uk russia forms",
        "Росія атакувала, Росії загрожують санкції, з Росією торгують.",
        [("russia", "Росія", "name"), ("russia", "Росії", "name"), ("russia", "Росією", "name")],
    ),
    (
        "ru russia forms",
        "Россия ответила, в России обсуждают, Россию критикуют.",
        [("russia", "Россия", "name"), ("russia", "России", "name"), ("russia", "Россию", "name")],
    ),
    (
        "uk united states two words declined together",
        "Сполучені Штати допомагають, Сполученим Штатам дякують, угода зі Сполученими Штатами.",
        [
            ("united_states", "Сполучені Штати", "name"),
            ("united_states", "Сполученим Штатам", "name"),
            ("united_states", "Сполученими Штатами", "name"),
        ],
    ),
    (
        "white house and bankova",
        "У Білому домі та на Банковій; в Белом доме сказали.",
        [
            ("united_states", "Білому домі", "metonym"),
            ("ukraine", "Банковій", "metonym"),
            ("united_states", "Белом доме", "metonym"),
        ],
    ),
    (
        "demonyms",
        "Українські військові, российские дипломаты і американські інвестори.",
        [
            ("ukraine", "Українські", "demonym"),
            ("russia", "российские", "demonym"),
            ("united_states", "американські", "demonym"),
        ],
    ),
    (
        "singular demonym nouns from stem patterns",
        "Кожен українець знає, що американцеві та россиянину не до смеху.",
        [
            ("ukraine", "українець", "demonym"),
            ("united_states", "американцеві", "demonym"),
            ("russia", "россиянину", "demonym"),
        ],
    ),
    (
        "title and name merge into one mention",
        "Президент України Володимир Зеленський прибув до президента США Дональда Трампа.",
        [
            ("zelenskyy", "Президент України Володимир Зеленський", "name"),
            ("trump", "президента США Дональда Трампа", "name"),
        ],
    ),
    (
        "latin america is not the united states",
        "Латинська Америка та Латинской Америки не стосуються, а Америка стосується.",
        [("united_states", "Америка", "name")],
    ),
    (
        "no match inside longer words",
        "Путінізм, кремлезнавці і україністика.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cyrillic_mentions(registry, text, expected):
    m = mentions_of(text, registry)
    got = list(zip(m.actor_id, m.surface, m.kind, strict=True))
    assert got == expected
    for start, end, surface in zip(m.start, m.end, m.surface, strict=True):
        assert text[start:end] == surface


def test_must_hold_kremlin_sentence(registry):
    text = "Кремль осудил Киев за сделку с Вашингтоном."
    m = mentions_of(text, registry)
    assert list(zip(m.actor_id, m.surface, m.kind, strict=True)) == [
        ("russia", "Кремль", "metonym"),
        ("ukraine", "Киев", "metonym"),
        ("united_states", "Вашингтоном", "metonym"),
    ]


def test_must_hold_ukraine_thanks_us_sentence(registry):
    text = "Україна подякувала Сполученим Штатам за підтримку, але розкритикувала позицію Угорщини."
    m = mentions_of(text, registry)
    assert list(zip(m.actor_id, m.surface, strict=True)) == [
        ("ukraine", "Україна"),
        ("united_states", "Сполученим Штатам"),
    ]


@pytest.mark.parametrize(
    ("switch", "gone"),
    [({"metonyms": False}, {"metonym"}), ({"demonyms": False}, {"demonym"})],
    ids=["metonyms off", "demonyms off"],
)
def test_metonym_and_demonym_switches_apply_to_cyrillic(registry, switch, gone):
    text = "Кремль і Банкова сперечаються; українські та російські посадовці, Зеленський."
    every = mentions_of(text, registry)
    assert {"metonym", "demonym", "name"} <= set(every.kind)
    fewer = mentions_of(text, registry, **switch)
    assert set(fewer.kind) == set(every.kind) - gone
    assert len(fewer) == (~every.kind.isin(gone)).sum()


def test_nfd_text_matches_with_offsets_on_the_original(registry):
    nfc = "У Києві Зеленський і Київ; Кремлём довольны."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc and len(nfd) > len(nfc)
    want = mentions_of(nfc, registry)
    got = mentions_of(nfd, registry)
    assert (
        got.actor_id.tolist()
        == want.actor_id.tolist()
        == [
            "ukraine",
            "zelenskyy",
            "ukraine",
            "russia",
        ]
    )
    for start, end, surface in zip(got.start, got.end, got.surface, strict=True):
        assert nfd[start:end] == surface
        assert unicodedata.normalize("NFC", surface) in nfc
    assert got.sentence.tolist()[0] == nfd[got.sentence_start[0] : got.sentence_end[0]]


def test_nfd_registry_form_matches_nfc_text():
    reg = ActorRegistry.from_dict(
        {
            "actors": [
                {
                    "id": "kyiv",
                    "kind": "country",
                    "names": {"uk": [unicodedata.normalize("NFD", "Київ")]},
                }
            ]
        }
    )
    m = mentions_of("До Києва.", reg)
    assert m.surface.tolist() == ["Києва"]


def test_english_only_registry_keeps_plain_lists():
    reg = ActorRegistry.from_dict(
        {"actors": [{"id": "ua", "kind": "country", "names": ["Ukraine", "Україна"]}]}
    )
    assert [a.lang for a in reg["ua"].aliases] == [None, None]
    # a plain list matches as written: no case forms
    assert mentions_of("Україна і України", reg).surface.tolist() == ["Україна"]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ({"ua": ["Україна"]}, r"language key 'ua'.*did you mean 'uk'"),
        ({"Ukrainian": ["Україна"]}, r"ISO 639-1 codes such as 'en', 'ru', 'uk'"),
        ({"uk": "Україна"}, r"'names\.uk' must be a list of strings"),
    ],
    ids=["ua is not a code", "language name", "not a list"],
)
def test_language_lists_are_validated(names, message):
    with pytest.raises(RegistryFormatError, match=message):
        ActorRegistry.from_dict({"actors": [{"id": "ua", "kind": "country", "names": names}]})


def test_case_form_shared_by_two_actors_is_an_error():
    entries = [
        {"id": "ukraine", "kind": "country", "names": {"uk": ["Київ"]}},
        {"id": "city", "kind": "organisation", "names": ["Києва"]},
    ]
    with pytest.raises(
        DuplicateAliasError, match=r"'Києва' is registered for actor 'ukraine' \(as name 'Київ'\)"
    ):
        ActorRegistry.from_dict({"actors": entries})


def test_same_form_in_two_languages_of_one_actor_is_allowed():
    reg = ActorRegistry.from_dict(
        {
            "actors": [
                {
                    "id": "russia",
                    "kind": "country",
                    "metonyms": {"ru": ["Кремль"], "uk": ["Кремль"]},
                }
            ]
        }
    )
    assert mentions_of("У Кремлі, в Кремле.", reg).surface.tolist() == ["Кремлі", "Кремле"]


@pytest.mark.parametrize(
    ("form", "lang", "present", "absent"),
    [
        (
            "Зеленський",
            "uk",
            {"Зеленського", "Зеленському", "Зеленським"},
            {"Зеленська", "Зеленської"},
        ),
        ("Зеленский", "ru", {"Зеленского", "Зеленскому", "Зеленским"}, {"Зеленская", "Зеленской"}),
        ("путінський", "uk", {"путінська", "путінського", "путінські"}, set()),
        ("Кремль", "ru", {"Кремля", "Кремлём", "Кремлем", "Кремле"}, set()),
        ("Америка", "uk", {"Америці", "Америки", "Америкою"}, set()),
        ("США", "uk", {"США"}, {"СШАа"}),
        ("росі|яни|ян", "uk", {"росіяни", "росіян"}, {"росі|яни|ян", "росі"}),
        (
            "президент України|",
            "uk",
            {"президента України", "президентом України"},
            {"президента Україна"},
        ),
    ],
    ids=[
        "uk surname",
        "ru surname",
        "uk adjective",
        "ru yo",
        "uk k to ts",
        "abbreviation",
        "stem pattern",
        "fixed word",
    ],
)
def test_inflect(form, lang, present, absent):
    forms = inflect(form, lang)
    assert present <= forms
    assert not absent & forms


def test_inflect_rejects_other_languages():
    with pytest.raises(ValueError, match=r"lang='de'"):
        inflect("Kiew", "de")


def test_mixed_scripts_in_one_text(registry):
    text = "Kyiv і Київ, USA-США, Putin/Путін; İstanbul talks with Кремль."
    m = mentions_of(text, registry)
    assert list(zip(m.actor_id, m.surface, strict=True)) == [
        ("ukraine", "Kyiv"),
        ("ukraine", "Київ"),
        ("united_states", "USA"),
        ("united_states", "США"),
        ("putin", "Putin"),
        ("putin", "Путін"),
        ("russia", "Кремль"),
    ]


def test_cyrillic_only_registry_on_text_whose_lowercase_changes_length():
    reg = ActorRegistry.from_dict(
        {"actors": [{"id": "ukraine", "kind": "country", "names": {"uk": ["Україна"]}}]}
    )
    text = "İ: Україні допомогли."  # 'İ'.lower() has two characters
    assert len(text.lower()) != len(text)
    assert mentions_of(text, reg).surface.tolist() == ["Україні"]


def test_alias_language_must_be_a_code():
    from framing.actors import Alias

    with pytest.raises(RegistryFormatError, match=r"language 'ukr'; a language is an ISO"):
        Alias("Київ", "metonym", lang="ukr")
    assert Alias("Київ", "metonym", lang="uk").surface_forms() >= {"Києва", "Києві"}
    assert Alias("Kyiv", "metonym", lang="en").surface_forms() == {"Kyiv"}
