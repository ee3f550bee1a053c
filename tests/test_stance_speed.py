"""The fast paths of find_statements and score_stance give exactly the plain results.

Issue 16: statements and stance were more than half of the CPU time of
``framing score``. Each test compares a fast path with the straightforward code it
replaced (kept here as the reference) on varied inputs; the whole tables are
compared on four corpora by ``benchmarks/stance_speed.py --check``.
"""

import random
import re
from pathlib import Path

import pandas as pd
import pytest

from framing import quotes
from framing.quotes import (
    SPEECH_PARTICIPLES,
    field_layout,
    field_layouts,
    find_statements,
    mask_quotes,
    sentence_spans,
)
from framing.stance import load_stance_lexicon, score_stance
from framing.text import literal_alternation

REPO = Path(__file__).resolve().parents[1]

# The patterns as they were before issue 16.
_OLD_SPEECH_VERB_RE = re.compile(
    rf"(?<![\w\-’'])(?P<v>{literal_alternation(quotes.SPEECH_VERBS)})(?![\w\-])"
)
_OLD_PARTICIPLE_RE = re.compile(
    r"(?:,\s*|\s)(?P<v>"
    + "|".join(sorted((re.escape(w) for w in SPEECH_PARTICIPLES), key=len, reverse=True))
    + r")(?![\w\-])"
)

_PIECES = [
    "said", "adding", ", adding that", ",adding", ",добавив", "’said", "-praised", "_said",
    "1praised", "praised-", "заявил,", ",  saying", " referring to", "according to",
    "According to", "Xaccording to", "-according to", "по словам", "По его словам",
    "за словами", "на його думку", "на думку", "добавив", ", добавив, что", " додавши",
    " warning", "warnings", "adding-on", "’adding", "'saying", "\n", "\n\n", ". ", "! ",
    "? ", ".\n", ".\n  A", "!\n\nB", ".” \n", ".) A", ". 1", ".  — A", "“", "”", "\"", "«", "»", " — ", "Mr. ", "U.S. ", "he ", "Officials ", "the ",
    "Kremlin ", "praised ", "condemned ", "support ", "the support ", "trusts ", "and ",
    "but ", ", ", "a", "z", " ", "Zelenskyy", "Песков ", "заявил", "Росія — агресор",
    "Росія", "thanks to ", "nobody ", "not ",
    "…said", "\u00a0said ", "„said", "‘adding", "\u2009said", "–said", "é", "\u00a0",
]
# Characters outside quotes.TABLE_CHARACTERS or that are non-word there (mis-decoded
# UTF-8, bullets, currency, CJK), and the mask character of masked fields.
_ODD_PIECES = ["â\x80\x99said", "•said", "€", "中", "\x1asaid", "\x1a", "\x9c", "\u0300said"]


def _odd_texts(n=300, seed=5):
    rng = random.Random(seed)
    pieces = _PIECES + _ODD_PIECES
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(n)]


_OLD_SENT_BREAK_RE = re.compile(
    r"\n+|(?<=[.!?])(?P<q>[\"”’')»“]*)\s+(?=(?:[\"“‘'(\[«„]|[—–]\s)?[A-ZА-ЯЁЄІЇҐ0-9])"
)


def _old_sentence_spans(masked):
    from framing.text import cap_span_lengths

    spans = []
    start = 0
    for m in _OLD_SENT_BREAK_RE.finditer(masked):
        if "\n" not in m.group() and quotes._ABBREV_RE.search(
            masked[max(start, m.start() - 6) : m.start()]
        ):
            continue
        end = m.start() + len(m.group("q") or "")
        if masked[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if masked[start:].strip():
        spans.append((start, len(masked)))
    return cap_span_lengths(masked, spans)


def _random_texts(n=400, seed=0):
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(n)]


def _texts(tiny_corpus_path):
    corpus = pd.read_json(tiny_corpus_path, lines=True)
    texts = [t for col in ("title", "text") for t in corpus[col].astype(str)]
    return texts + _random_texts()


@pytest.fixture
def texts(tiny_corpus_path):
    return _texts(tiny_corpus_path)


def _spans(matches, group="v"):
    return [(m.start(group), m.end(group), m.group(group)) for m in matches]


def test_one_scan_finds_the_verbs_and_participles_of_the_old_scans(texts):
    assert quotes._PARTICIPLE_SET.isdisjoint(quotes.SPEECH_VERBS)
    n_participles = 0
    for text in [*texts, "adding", "(adding that", " adding", ",adding", "\tsaying x"]:
        masked = field_layout(text).masked
        verbs, participles = quotes._speech_words(masked, text)
        assert participles == _spans(_OLD_PARTICIPLE_RE.finditer(masked)), text
        assert verbs == _spans(_OLD_SPEECH_VERB_RE.finditer(masked)), text
        n_participles += len(participles)
    assert n_participles > 50


def test_table_class_is_the_word_boundary_class_on_its_characters(texts):
    # NON_WORD_CLASS matches the characters that the class [^\w\-’'] of
    # _SPEECH_WORD_AFTER_RE matches, among those of TABLE_CHARACTERS, and no other
    boundary = re.compile(r"[^\w\-’']")
    table_class = re.compile(quotes.NON_WORD_CLASS)
    in_table = re.compile(f"[{quotes.TABLE_CHARACTERS}]")
    for c in [*map(chr, range(0x2100)), "\u3000", "中", "\U0001f3fd", "\ufeff"]:
        if 0x530 <= ord(c) < 0x2000 or ord(c) >= 0x2070:
            assert not in_table.fullmatch(c) and not table_class.fullmatch(c), repr(c)
        else:
            assert in_table.fullmatch(c), repr(c)
            assert bool(table_class.fullmatch(c)) == bool(boundary.fullmatch(c)), repr(c)
    # both scans agree on every field that has no other character and no mask character
    n_fast = n_masked = 0
    for text in [*texts, *_odd_texts()]:
        masked = field_layout(text).masked
        table = all(ord(c) < 0x530 or 0x2000 <= ord(c) < 0x2070 for c in masked)
        assert quotes.has_only_table_characters(masked) == table
        assert quotes._speech_words(masked, text) == (
            _verbs_and_participles(quotes._SPEECH_WORD_AFTER_RE.finditer(" " + masked), masked)
        ), text
        if table and "\x1a" not in text:
            n_fast += not masked.isascii()
            n_masked += "\x1a" in masked
            assert _spans(quotes._SPEECH_WORD_AFTER_TABLE_RE.finditer(" " + masked)) == _spans(
                quotes._SPEECH_WORD_AFTER_RE.finditer(" " + masked)
            ), text
    assert n_fast > 20 and n_masked > 20


def _verbs_and_participles(matches, masked):
    # _speech_words with the scan given: the plain class [^\w\-’'] before each word
    verbs, participles = [], []
    for va, vb, v in _spans(matches):
        if v not in quotes._PARTICIPLE_SET:
            verbs.append((va - 1, vb - 1, v))
        elif va > 1 and (masked[va - 2] == "," or masked[va - 2].isspace()):
            participles.append((va - 1, vb - 1, v))
    return verbs, participles


def test_according_matches_equal_a_full_scan(texts):
    for text in [*texts, "xx according to A", "a according to", "ccording to", "according to"]:
        masked = field_layout(text).masked
        got = [(m.span(), m.groupdict()) for m in quotes._according_matches(masked)]
        want = [(m.span(), m.groupdict()) for m in quotes._ACCORDING_RE.finditer(masked)]
        assert got == want, text


def test_field_layout_is_quotes_mask_and_sentences(texts):
    for text in texts:
        layout = field_layout(text)
        assert layout.quotes == quotes.find_quotes(text)
        assert layout.masked == mask_quotes(text, layout.quotes)
        assert layout.sentences == sentence_spans(layout.masked)


def test_shared_layouts_give_the_same_tables():
    from framing.actors import find_mentions, load_actors
    from framing.corpus import load_corpus

    articles = load_corpus(REPO / "corpus" / "articles.jsonl")  # 122 articles of our own
    registry = load_actors()
    mentions = find_mentions(articles, registry)
    plain = find_statements(articles, registry, mentions=mentions)
    layouts = field_layouts(articles)
    shared = find_statements(articles, registry, mentions=mentions, layouts=layouts)
    assert len(plain) > 100
    pd.testing.assert_frame_equal(plain, shared)
    some = dict(list(layouts.items())[::2])  # the missing fields are laid out where needed
    pd.testing.assert_frame_equal(
        score_stance(articles, mentions, plain, actors=registry),
        score_stance(articles, mentions, shared, actors=registry, layouts=some),
    )


def test_attitude_verb_trie_matches_the_sorted_alternation(texts):
    lex = load_stance_lexicon()
    alt = "|".join(sorted(map(re.escape, lex.verbs), key=len, reverse=True))
    old = re.compile(rf"(?<![\w\-’'])(?:{alt})(?![\w\-])")
    for text in texts:
        got = [(m.span(), m.group()) for m in lex.verb_re.finditer(text)]
        assert got == [(m.span(), m.group()) for m in old.finditer(text)], text


def test_sentence_spans_equal_the_old_splitter(texts):
    for text in [*texts, ".\n  X", "a.\n\n  B", "A. B.\nC", "x.", "\n\n", ". A"]:
        for t in (text, field_layout(text).masked):
            assert sentence_spans(t) == _old_sentence_spans(t), t


def test_word_boundary_tries_match_the_plain_alternations(texts):
    plain_subject = re.compile(
        r"[,;:()\[\]\"“”‘«»\x1a]|[.!?](?=\s|$)|[–—]|\s-\s"
        r"|(?<![\w\-])(?P<w>that|which|who|whom|but|or|while|when|because|although|though|if|"
        r"since|where|whereas|yet|meanwhile|however|what|how|whether"
        r"|что|що|который|которая|которые|который|який|яка|які|но|але|однако|проте|когда|коли|"
        r"потому|бо|если|якщо|хотя|хоча|где|де|или|або)(?![\w\-])"
    )
    plain_forward = re.compile(
        r"[,;:()\[\]\"“”‘«»\x1a]|[.!?](?=\s|$)|[–—]|\s-\s"
        r"|(?<![\w\-])(?:at|in|on|during|after|before|when|while|to|that|who|which|as|and|but|"
        r"last|this|on|adding|saying|with"
        r"|в|во|у|на|и|і|та|после|після|перед|когда|коли|что|що|который|який|журналистам|"
        r"журналістам|во время|під час|добавив|додавши)(?![\w\-])"
    )
    extra = ["что который, потому что. Он — где-то", "во время встречи, під час", "whom who-"]
    for text in [*texts, *extra]:
        masked = field_layout(text).masked
        got = [(m.span(), m.group("w")) for m in quotes._SUBJECT_BOUNDARY_RE.finditer(masked)]
        assert got == [(m.span(), m.group("w")) for m in plain_subject.finditer(masked)], text
        for pos in range(0, len(masked), 7):  # only the start of the first stop is used
            a = quotes._FORWARD_STOP_RE.search(masked, pos)
            b = plain_forward.search(masked, pos)
            assert (a and a.start()) == (b and b.start()), text


_CYR = quotes.CYRILLIC_LETTERS
_OLD_DASH = rf"(?<![{_CYR}]\s)[–—]"
# The boundary patterns as plain alternations (before the leading class).
_OLD_OBJECT_END_RE = re.compile(
    rf"[,;:()]|[.!?](?=[\s\"”’']|$)|{_OLD_DASH}|\s-\s"
    r"|\s(?:but|while|whereas|although|though|because|as|when|after|before|since|who|which|"
    r"that|and then"
    r"|но|але|а|однако|проте|хотя|хоча|потому|бо|когда|коли|что|що|который|которая|"
    r"которые|який|яка|які|после|після)(?![\w\-])"
)
_OLD_CLAUSE_RE = re.compile(
    rf";|{_OLD_DASH}|\s-\s"
    r"|,[\"”’']?\s*(?:but|while|whereas|although|though|yet|and|however|adding|"
    r"saying|claiming|stating|arguing|warning|insisting|noting|referring"
    r"|но|але|а|однако|проте|хотя|хоча|и|і|та|добавив|додавши)(?![\w\-])"
    r"|\s(?:but|whereas|но|але|однако|проте)(?![\w\-])"
)
_OLD_CLAUSE_END_RE = re.compile(
    rf";|(?<![{_CYR}])\s+[–—-]{{1,2}}\s+"
    r"|,[\"”’']?\s*(?:but|while|whereas|although|though|yet|however)(?![\w\-])"
    rf"|,[\"”’']?\s*(?:{quotes._alt(SPEECH_PARTICIPLES)})(?![\w\-])"
    r"|,[\"”»“’']?\s*(?:но|але|однако|проте|хотя|хоча|а)(?![\w\-])"
)


def test_boundaries_after_a_leading_class_equal_the_plain_alternations(texts):
    from framing import stance

    rng = random.Random(4)
    pieces = [";", " - ", " -- ", "—", " — ", "Росія — ", "а — ", " –", ", but", ",” while",
              ", adding", ",» а", ", и", " whereas ", " and then", "(", ")", ".", ". ", "?”",
              "!", ", ", "  ", "\n", "x", "said", "who", " who", " бо", ",\u00a0yet"]
    extra = ["".join(rng.choices(pieces, k=rng.randint(1, 30))) for _ in range(400)]
    pairs = ((stance._OBJECT_END_RE, _OLD_OBJECT_END_RE), (stance._CLAUSE_RE, _OLD_CLAUSE_RE),
             (quotes._CLAUSE_END_RE, _OLD_CLAUSE_END_RE))
    n_matches = 0
    for text in [*texts, *extra]:
        bounds = sorted(rng.randint(0, len(text)) for _ in range(2))
        for new, old in pairs:
            for lo, hi in ((0, len(text)), bounds):  # in place, as the callers scan
                want = [m.span() for m in old.finditer(text, lo, hi)]
                assert [m.span() for m in new.finditer(text, lo, hi)] == want, (text, lo, hi)
                n_matches += len(want)
    assert n_matches > 2000


def test_blank_spans_equals_blanking_a_list():
    from framing.stance import _blank_spans

    rng = random.Random(1)
    for _ in range(500):
        text = "".join(rng.choice("ab “”.\n") for _ in range(rng.randint(0, 40)))
        spans = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text))
            spans.append((a, rng.randint(a, len(text))))
        chars = list(text)
        for a, b in spans:
            chars[a:b] = " " * (b - a)
        assert _blank_spans(text, spans) == "".join(chars), (text, spans)


def test_verbs_found_with_the_character_before_them(texts):
    lex = load_stance_lexicon()
    n_table = 0
    rng = random.Random(3)
    pieces = [p for p in _PIECES if quotes.has_only_table_characters(p)]
    table_texts = ["".join(rng.choices(pieces, k=rng.randint(1, 40))) for _ in range(300)]
    for text in [*texts, *table_texts, *_odd_texts()]:
        got = [
            (m.start("v") - 1, m.end("v") - 1, m.group("v"))
            for m in lex._verb_after_re.finditer(" " + text)
        ]
        assert got == [(m.start(), m.end(), m.group()) for m in lex.verb_re.finditer(text)], text
        if quotes.has_only_table_characters(text):  # the table-looked-up class: same matches
            table = [
                (m.start("v") - 1, m.end("v") - 1, m.group("v"))
                for m in lex._verb_after_table_re.finditer(" " + text)
            ]
            assert table == got, text
            n_table += bool(got)
    assert n_table > 50


def test_reversed_boundaries_find_the_last_boundary_of_the_window(texts):
    rng = random.Random(2)
    pieces = [" - ", " - - ", "-", " -", "but ", "that", ". ", ".", "!", "whether", "—"]
    extra = ["".join(rng.choice(pieces + _PIECES) for _ in range(30)) for _ in range(200)]
    n_dash = 0
    for text in [*texts, *extra]:
        masked = field_layout(text).masked
        for _ in range(30):
            pos = rng.randint(0, len(masked))
            lo = rng.randint(0, pos)
            forward = list(quotes._SUBJECT_BOUNDARY_RE.finditer(masked[lo:pos]))
            last = quotes._SUBJECT_BOUNDARY_REVERSED_RE.search(masked[lo:pos][::-1])
            if last is None:
                assert not forward, (text, lo, pos)
                continue
            if last.group("dash") is not None:  # the subject finder scans forward then
                n_dash += 1
                continue
            n = pos - lo
            w = last.group("w")
            assert (n - last.end(), n - last.start(), last.group()[::-1], w and w[::-1]) == (
                *forward[-1].span(),
                forward[-1].group(),
                forward[-1].group("w"),
            ), (text, lo, pos)
    assert n_dash > 10


def test_plain_case_terms_match_in_the_lower_cased_text(texts):
    from framing import stance
    from framing.stance import _plain_case

    # in plain-case text, re.IGNORECASE matching is matching the lower-cased text
    plain = "".join(chr(c) for c in range(0x2070) if _plain_case(chr(c)))
    assert list(plain.lower()) == [c.lower() for c in plain]  # one character each
    for p in sorted({c.lower() for c in plain if c.isalpha()}):
        assert re.findall(re.escape(p), plain, re.IGNORECASE) == [
            c for c in plain if c.lower() == p
        ], p
    word = re.compile(r"[\w\-]")
    assert all(bool(word.match(c)) == bool(word.match(c.lower())) for c in plain)
    for c in "İſıµΣσ\u1c80\u212a":  # more than lower-casing under re.IGNORECASE
        assert not _plain_case(c)
    assert set(plain.lower()) <= set(plain)
    # ... and the character before a term is a table character
    before = re.compile(r"[^\w\-]")
    assert all(bool(before.match(c)) == (c in stance._BEFORE_TERM_CLASS) for c in plain)
    lex = load_stance_lexicon()
    assert lex._term_after_re is not None
    n_plain = 0
    for text in [*texts, "TRUST and Praise İstanbul", "BRUTAL ſcandal"]:
        want = [m.span() for m in lex.term_re.finditer(text)]
        if _plain_case(text):
            n_plain += 1
            got = [m.span("t") for m in lex._term_after_re.finditer(" " + text.lower())]
            assert [(a - 1, b - 1) for a, b in got] == want
    assert n_plain > 100


def _old_term_cues(text, lo, hi, skip, skip_starts, lex):
    """_term_cues before issue 16's lower-cased matching."""
    import bisect

    from framing.stance import _negated

    cues = []
    for m in lex.term_re.finditer(text, lo, hi):
        k = bisect.bisect_right(skip_starts, m.start()) - 1
        if k >= 0 and skip[k][0] <= m.start() < skip[k][1]:
            continue
        w = lex.terms[m.group().lower()]
        if _negated(text, lo, m.start(), lex.negators):
            w = -w
        cues.append((m.group(), w))
    return cues


@pytest.mark.parametrize(
    "extra_terms", [{}, {"anti-": -0.5, "lack of": -0.5}, {"u.s.": -0.5, "(sic)": -0.5}]
)
def test_term_cues_equal_the_case_insensitive_scan(texts, extra_terms):
    from dataclasses import replace

    from framing.stance import _term_cues

    lex = load_stance_lexicon()
    # terms that end with a non-word character: no fast scan (a term's last character
    # could be the one before the next: 'U.S.(sic)'); a multi-word term: the fast scan
    lex = replace(lex, terms={**lex.terms, **extra_terms})
    rng = random.Random(3)
    words = [
        *("Brutal", "TRUST", "not ", "brutality", "-brutal", "xbrutal", "Praise ", " "),
        *("İ", "ſ", "Жорстокий ", "агресія ", ", ", "U.S.", "(sic)", "anti-", "lack of "),
    ]
    extra = ["".join(rng.choice(words) for _ in range(20)) for _ in range(200)]
    n_cues = n_start = 0
    for text in [*texts, *extra]:
        for k in range(10):
            a = rng.randint(0, len(text))
            skip = [(a, a + 3)]
            hi = rng.randint(0, len(text))
            lo = rng.randint(0, hi) if k else 0
            got = _term_cues(text, lo, hi, skip, [a for a, _ in skip], lex)
            assert got == _old_term_cues(text, lo, hi, skip, [a for a, _ in skip], lex)
            n_cues += len(got)
            n_start += bool(got) and not lo
    assert n_cues > 100 and n_start > 10
    assert (lex._term_after_re is None) == ("u.s." in extra_terms)


def test_evaluations_of_some_sentences_are_those_of_all_in_them(texts):
    import bisect

    from framing.stance import _find_evaluations

    lex = load_stance_lexicon()
    rng = random.Random(4)
    n_events = 0
    for text in texts:
        sents = field_layout(text).sentences or [(0, len(text))]
        starts = [a for a, _ in sents]

        def sent_of(pos, sents=sents, starts=starts):
            return sents[max(bisect.bisect_right(starts, pos) - 1, 0)]

        def spans(events):
            return [
                (e.stmt.start, e.stmt.end, e.stmt.speaker_start, e.stmt.speaker_end, e.weight)
                for e in events
            ]

        every = _find_evaluations(text, sents, sent_of, [], lex)
        only = {a for a in starts if rng.random() < 0.5}
        some = _find_evaluations(text, sents, sent_of, [], lex, only)
        assert spans(some) == spans([e for e in every if sent_of(e.stmt.verb_pos)[0] in only])
        n_events += len(every)
    assert n_events > 10


def test_a_role_noun_passes_a_holder_on_through_a_sentence_without_mentions():
    from framing.actors import find_mentions, load_actors

    registry = load_actors()
    text = (
        "Russian officials praised the deal on Monday. The government officials condemned "
        "the plan. The government praised Ukraine."
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a"],
            "outlet": ["X"],
            "published": [pd.Timestamp("2025-01-01", tz="UTC")],
            "title": [""],
            "text": [text],
        }
    )
    mentions = find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    stance = score_stance(articles, mentions, statements, actors=registry)
    row = stance[stance.actor_id == "ukraine"].iloc[0]
    # 'the government' is the holder of 'the government officials' in the second
    # sentence, who are the 'Russian officials' of the first
    assert (row.holder_id, row.holder_kind, row.stance) == ("russia", "unnamed_source", "favor")
