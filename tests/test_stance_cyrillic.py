"""Quotes, attribution and holder → target stance on Russian and Ukrainian text.

The sentences are written for these tests (our own words).
"""

import pandas as pd
import pytest

from framing.actors import find_mentions, load_actors
from framing.quotes import find_quotes, find_statements
from framing.stance import load_stance_lexicon, score_stance


@pytest.fixture(scope="module")
def registry():
    return load_actors()


def run(text, registry):
    arts = pd.DataFrame(
        {
            "article_id": ["a1"],
            "outlet": ["Test Wire"],
            "published": pd.to_datetime(["2025-05-01"], utc=True),
            "title": [""],
            "text": [text],
        }
    )
    mentions = find_mentions(arts, registry)
    statements = find_statements(arts, registry, mentions=mentions)
    stance = score_stance(arts, mentions, statements, actors=registry)
    return statements, stance


def row(stance, surface):
    hit = stance[stance.surface == surface]
    assert len(hit) == 1, stance[["actor_id", "surface"]]
    return hit.iloc[0]


# --------------------------------------------------------------------------- must hold


def test_kremlin_condemns_kyiv(registry):
    _, stance = run("Кремль осудил Киев за сделку с Вашингтоном.", registry)
    assert list(zip(stance.actor_id, stance.kind, strict=True)) == [
        ("russia", "metonym"),
        ("ukraine", "metonym"),
        ("united_states", "metonym"),
    ]
    kyiv = row(stance, "Киев")
    assert (kyiv.holder_id, kyiv.stance) == ("russia", "against")
    assert row(stance, "Кремль").holder_id == "journalist"  # the holder is not a target
    assert row(stance, "Вашингтоном").stance == "none"  # outside the verb's object


def test_ukraine_thanks_the_united_states(registry):
    text = "Україна подякувала Сполученим Штатам за підтримку, але розкритикувала позицію Угорщини."
    _, stance = run(text, registry)
    assert stance.actor_id.tolist() == ["ukraine", "united_states"]
    us = row(stance, "Сполученим Штатам")
    assert (us.holder_id, us.stance) == ("ukraine", "favor")


# --------------------------------------------------------------------------- stance

STANCE_CASES = [
    ("ru negated verb flips", "Кремль не осудил Киев.", "Киев", "russia", "favor"),
    ("uk criticised", "Україна розкритикувала Росію.", "Росію", "ukraine", "against"),
    (
        "ru coordinated verbs keep the subject",
        "Москва поддерживает Вашингтон, но критикует Киев.",
        "Киев",
        "russia",
        "against",
    ),
    (
        "ru second object of coordinated verb",
        "Москва поддерживает Вашингтон, но критикует Киев.",
        "Вашингтон",
        "russia",
        "favor",
    ),
    (
        "uk reported speech with a declined term",
        "Зеленський заявив, що Росія є агресором.",
        "Росія",
        "zelenskyy",
        "against",
    ),
    (
        "uk according to, copula dash",
        "За словами Зеленського, Росія — агресор.",
        "Росія",
        "zelenskyy",
        "against",
    ),
    (
        "ru inverted reported speech",
        "Украина — надёжный партнёр, заявил Трамп.",
        "Украина",
        "trump",
        "favor",
    ),
    (
        "ru journalist voice",
        "Брюссель пока молчит о сделке.",
        "Брюссель",
        "journalist",
        "none",
    ),
]


@pytest.mark.parametrize(
    ("text", "surface", "holder", "label"),
    [c[1:] for c in STANCE_CASES],
    ids=[c[0] for c in STANCE_CASES],
)
def test_stance_in_russian_and_ukrainian(registry, text, surface, holder, label):
    _, stance = run(text, registry)
    r = row(stance, surface)
    assert (r.holder_id, r.stance) == (holder, label), r.stance_cues


# --------------------------------------------------------------------------- quotes

QUOTE_CASES = [
    (
        "guillemets then dash and verb",
        "«Мы не отдадим недра», — заявил Зеленский.",
        ("direct", "заявил", "Зеленский", "zelenskyy", "Мы не отдадим недра"),
    ),
    (
        "low-high quotes after colon",
        "Президент США сказав: „Угода з Україною вигідна“.",
        ("direct", "сказав", "Президент США", "trump", "Угода з Україною вигідна"),
    ),
    (
        "dialogue dash",
        "— Ми не віддамо надра, — наголосив Зеленський.",
        ("direct", "наголосив", "Зеленський", "zelenskyy", "Ми не віддамо надра,"),
    ),
    (
        "speaker before verb with addressee",
        "Путин заявил журналистам: «Киев срывает переговоры».",
        ("direct", "заявил", "Путин", "putin", "Киев срывает переговоры"),
    ),
    (
        "reported with that",
        "Путін заявив, що Україна не отримає гарантій.",
        ("reported", "заявив", "Путін", "putin", "Україна не отримає гарантій"),
    ),
    (
        "po slovam",
        "По словам Трампа, сделка с Киевом почти готова.",
        ("reported", "по словам", "Трампа", "trump", "сделка с Киевом почти готова"),
    ),
    (
        "inverted after comma",
        "Сделка выгодна Америке, сообщил Бессент журналистам.",
        ("reported", "сообщил", "Бессент", "bessent", "Сделка выгодна Америке"),
    ),
    (
        "pronoun after the quote",
        "Зеленський прибув до Вашингтона. «Ми готові», — сказав він.",
        ("direct", "сказав", "він", "zelenskyy", "Ми готові"),
    ),
    (
        "impersonal place speaks",
        "В Кремле заявили, что сделка выгодна Вашингтону.",
        ("reported", "заявили", "В Кремле", "russia", "сделка выгодна Вашингтону"),
    ),
    (
        "inverted impersonal place",
        "Угода вигідна Україні, наголосили у Вашингтоні.",
        ("reported", "наголосили", "у Вашингтоні", "united_states", "Угода вигідна Україні"),
    ),
    (
        "in his opinion",
        "Зеленський прибув до Брюсселя. На його думку, угода справедлива.",
        ("reported", "на його думку", "його", "zelenskyy", "угода справедлива"),
    ),
    (
        "called",
        "Свириденко назвала угоду успіхом.",
        ("reported", "назвала", "Свириденко", "svyrydenko", "угоду успіхом"),
    ),
    (
        "believes",
        "Макрон считает, что Европе нужна своя армия.",
        ("reported", "считает", "Макрон", "macron", "Европе нужна своя армия"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES]
)
def test_statements_in_russian_and_ukrainian(registry, text, expected):
    statements, _ = run(text, registry)
    got = [
        (s.kind, s.verb, s.speaker_text, s.holder_id, s.content) for s in statements.itertuples()
    ]
    assert got == [expected]
    s = statements.iloc[0]
    assert text[s.start : s.end] == s.content


def test_negated_speech_verb_is_no_statement(registry):
    statements, _ = run("Кремль не заявил о готовности к переговорам.", registry)
    assert statements.empty


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Він сказав: „Так“, а вона ‚ні‘.", ["Так", "ні"]),
        ("«Мир», — сказал он. «Война», — ответила она.", ["Мир", "Война"]),
        ("— Да.\n— Нет, — ответил он.", ["Нет,"]),
        ("Тире — не цитата, — пишут редактори.", []),
    ],
    ids=["low quotes", "two guillemet quotes", "dash line without attribution", "mid-line"],
)
def test_find_quotes_cyrillic_marks(text, contents):
    assert [text[a + 1 : b] for a, b in find_quotes(text)] == contents


def test_lexicon_declines_russian_and_ukrainian_terms():
    lex = load_stance_lexicon()
    assert lex.terms["агрессором"] == lex.terms["агрессор"] < 0
    assert lex.terms["партнерства"] > 0  # neuter noun in -о, declined
    assert lex.verbs["подякувала"] > 0 > lex.verbs["осудил"]
    assert {"не", "ні"} <= lex.negators


def test_lexicon_rejects_unknown_language(tmp_path):
    path = tmp_path / "lex.yml"
    path.write_text(
        "verbs: {praised: 1.0}\nterms: {}\nnegators: [not]\n"
        "languages: {de: {verbs: {lobte: 1.0}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"'languages' must map language codes"):
        load_stance_lexicon(path)


def test_term_trie_regex_equals_the_sorted_alternation():
    import re

    lex = load_stance_lexicon()
    alternation = "|".join(sorted(map(re.escape, lex.terms), key=len, reverse=True))
    plain = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])", re.IGNORECASE)
    texts = [
        "A disaster, a DISASTROUS failure; short-sighted and shortsighted partners.",
        "Агрессора назвали агрессором, а партнерство — успехом; ганебна зрада, провали.",
        "Nothing here: disastrously, failures-to-be, the partnership's best.",
    ]
    for text in texts:
        want = [(m.start(), m.end()) for m in plain.finditer(text)]
        assert [(m.start(), m.end()) for m in lex.term_re.finditer(text)] == want
        assert want  # the texts do hold cues
