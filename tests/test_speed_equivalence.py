"""The fast paths of the streaming scorer give exactly the results of the plain code.

Issue #6 follow-up: language detection walks py3langid's DFA in numpy, the trained
scorer's dense features are built with masks over all targets' tokens, and the
sentence splitter skips work it can prove unnecessary. Each test compares a fast
path with a straightforward reference on varied inputs (bitwise, not approximately).
"""

import itertools
import json
import random
import re
import sys

import numpy as np
import pandas as pd
import pytest

from framing.corpus import language as _language
from framing.scorers import get_scorer
from framing.scorers.trained import _N_EMBEDDED, _N_SEGMENTS, _clause, _mark_tokens
from framing.text import CURLY_QUOTES, _last_token, split_sentences, straighten_curly_quotes


def _language_samples(tiny_corpus_path):
    samples = []
    for line in tiny_corpus_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        samples.append(f"{record.get('title', '')}\n{record.get('text', '')[:1000]}")
    samples += [
        "The minister said the talks would resume on Monday in Geneva.",
        "Der Minister sagte, die Gespräche würden am Montag in Genf fortgesetzt.",
        "Le ministre a déclaré que les pourparlers reprendraient lundi à Genève.",
        "Министр заявил, что переговоры возобновятся в понедельник в Женеве.",
        "Міністр заявив, що переговори відновляться в понеділок.",
        "ALL CAPS HEADLINE ABOUT THE SUMMIT",
        "123 456 --- !!!",
        "",
        "x",
        "lone surrogate \ud800 inside",
        "日本語のテキストです。",
    ]
    rng = random.Random(0)
    for _ in range(200):  # random cuts of different lengths: padding in a block
        s = rng.choice(samples)
        a = rng.randrange(len(s) + 1)
        samples.append(s[a : a + rng.randrange(300)])
    return samples


@pytest.mark.parametrize("languages", [_language.DEFAULT_LANGUAGES, None, frozenset({"en", "de"})])
def test_language_batch_equals_py3langid_classify(tiny_corpus_path, languages):
    samples = _language_samples(tiny_corpus_path)
    identifier = _language._language_identifier(languages)
    expected = [identifier.classify(s) for s in samples]
    got = _language._classify_samples(identifier, samples, languages, block=64)
    assert got == expected  # labels and scores, bitwise


def test_detect_languages_handles_empty_and_repeated_rows():
    titles = pd.Series(["Talks resume", "", "Talks resume", "Gespräche"])
    texts = pd.Series(["Officials met in Geneva.", "", "Officials met in Geneva.",
                       "Die Minister trafen sich in Genf und sprachen lange."])
    empty = pd.Series([False, True, False, False])
    out = _language.detect_languages(titles, texts, empty, True)
    assert out.tolist() == ["en", "und", "en", "de"]
    assert _language.detect_languages(titles[:0], texts[:0], empty[:0], True).tolist() == []


def _dense_loop(scorer, parsed):
    """The per-target loop that TrainedSentimentScorer._dense replaced (reference)."""
    import scipy.sparse as sp

    n_seg, w = _N_SEGMENTS, scorer._window_tokens
    d = scorer.word_vectors_.shape[1]
    index_get, lexicon = scorer.word_index_.get, scorer.lexicon_
    indptr, indices, vals = [0], [], []
    lex = np.zeros((len(parsed), n_seg * 3))
    for r, (_, words, t0, t1, _, negated) in enumerate(parsed):
        t1c = max(t1, t0 - 1)
        cs, ce = _clause(words, t0, t1)
        ids = [index_get(x, -1) for x in words]
        for seg in (ids[t0 : t1c + 1], ids[:t0], ids[t1c + 1 :],
                    ids[max(0, t0 - w) : t0] + ids[t1c + 1 : t1c + 1 + w],
                    ids[cs:t0] + ids[t1c + 1 : ce]):
            seg = [i for i in seg if i >= 0]
            if seg:
                indices += seg
                vals += [1.0 / len(seg)] * len(seg)
            indptr.append(len(indices))
        for i, x in enumerate(words):
            if x not in lexicon:
                continue
            polarity, subjectivity = lexicon[x]
            pol = polarity * (-0.5 if negated[i] else 1.0)
            if t0 <= i <= t1c:
                segs = (0, 4)
            elif i < t0:
                segs = (1, 3, 4) if i >= t0 - w else (1, 4)
            else:
                segs = (2, 3, 4) if i <= t1c + w else (2, 4)
            if cs <= i < ce:
                segs = segs + (5,)
            for k in segs:
                if pol > 0:
                    lex[r, k * 3] += pol
                elif pol < 0:
                    lex[r, k * 3 + 1] -= pol
                lex[r, k * 3 + 2] += subjectivity
    pool = sp.csr_matrix(
        (np.asarray(vals), np.asarray(indices, dtype=np.int32), np.asarray(indptr)),
        shape=(len(parsed) * _N_EMBEDDED, scorer.word_vectors_.shape[0]),
    )
    emb = np.asarray(pool @ scorer.word_vectors_).reshape(len(parsed), _N_EMBEDDED * d)
    return np.hstack([emb, lex])


def test_vectorised_dense_features_equal_the_loop():
    scorer = get_scorer("newsmtsc-linear").fit([])
    rows = [
        ("Washington praised Kyiv but condemned Moscow.", 19, 23),
        ("Washington praised Kyiv but condemned Moscow.", 38, 44),
        ("Kyiv did not welcome the deal, and never trusted it.", 0, 4),
        ("The deal was a serious mistake, critics of Kyiv said.", 43, 47),
        ("Nothing good came of it for Zelenskyy.", 28, 37),
        ("Zelenskyy", 0, 9),
        ("Empty span here.", 5, 5),
        ("Prices rose 3.5 per cent after Putin spoke.", 31, 36),
        ("\u201cA welcome step,\u201d said an aide to Biden, who was not named.", 35, 40),
        ("", 0, 0),
    ]
    parsed = [_mark_tokens(*r) for r in rows]
    assert np.array_equal(scorer._dense(parsed), _dense_loop(scorer, parsed))
    assert scorer._dense([]).shape == _dense_loop(scorer, []).shape


_NGRAM_ROWS = [
    ("Washington praised Kyiv but condemned Moscow.", 19, 23),
    ("Washington praised Kyiv but condemned Moscow.", 38, 44),
    ("Kyiv did not welcome the deal, and never trusted it.", 0, 4),
    ("He didn't say \"Kyiv\" was wrong, but Moscow paid 2,000 dollars.", 15, 19),
    ('"A" and "b" said Kyiv, "not" Moscow', 17, 21),
    ("no no no Kyiv never 12 3.5 % ok .", 9, 13),
    ("Kyiv Kyiv Kyiv", 5, 9),
    ("Officials, however, said Washington won't back down; critics disagreed.", 25, 35),
    ("Empty span here.", 5, 5),
    ("Zelenskyy", 0, 9),
    ("", 0, 0),
]


def _assert_same_ngram_counts(scorer, rows):
    parsed = [_mark_tokens(*r) for r in rows]
    clauses = [_clause(p[1], p[2], p[3]) for p in parsed]
    expected = scorer._tfidf([scorer._ngrams(p, c) for p, c in zip(parsed, clauses)])
    got = scorer._weight(scorer._ngram_counts(parsed, clauses))
    for m in (expected, got):
        m.sort_indices()
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)  # bitwise


def test_array_ngram_counts_equal_the_string_features():
    _assert_same_ngram_counts(get_scorer("newsmtsc-linear").fit([]), _NGRAM_ROWS)


def test_array_ngram_counts_with_trigrams():
    texts = [r[0] or "x" for r in _NGRAM_ROWS] * 2
    targets = pd.DataFrame({"text": texts, "start": 0, "end": [min(4, len(t)) for t in texts]})
    y = ["negative", "neutral", "positive"] * (len(texts) // 3) + ["neutral"] * (len(texts) % 3)
    scorer = get_scorer("newsmtsc-linear", model=None, word_vectors=None, ngram_max=3, min_df=1)
    scorer.fit(targets, y)
    _assert_same_ngram_counts(scorer, _NGRAM_ROWS)


def test_array_ngram_counts_on_unknown_words_quotes_and_numbers():
    texts = ['Zorblax qwertyuiop said "Kyiv" frobnicated, not zzyzx "Moscow" plinth',
             '"Unheard-of" flimflam: the "Kyiv" deal, 3,000 glorps',
             "o: L: R: R1: L1: T: neg_ <t> <num> Kyiv o : kyiv"]
    rows = [(t, t.index("Kyiv"), t.index("Kyiv") + 4) for t in texts] + [("Kyiv", 0, 0)]
    _assert_same_ngram_counts(get_scorer("newsmtsc-linear").fit([]), rows)


@pytest.mark.parametrize("with_trigram", [False, True])
def test_form_table_equals_the_lookups_of_every_prefixed_form(with_trigram):
    from framing.scorers.trained import _FORM_KEYS, _form_table, _gram_tables

    keys = ["kyiv", "o:kyiv", "L:kyiv", "L:o:said", "R:o:", "R1:o:o:x", "L1:L:", "T:kyiv",
            "T:", "", "said kyiv", "o:said o:kyiv", "neg_good", "L1:neg_good", "\"", "o:\"",
            ":", "abcdef:x", "o:said: x"]
    if with_trigram:
        keys.append("x o:said o:kyiv")
    vocabulary = {k: i for i, k in enumerate(keys)}
    part_id = _gram_tables(vocabulary)[0]
    form_row, form_cols = _form_table(vocabulary, part_id)
    probes = ["kyiv", "said", "x", "o:x", "o:", "o:kyiv", ":kyiv", "L:", "L:o:said", "", '"',
              "neg_good", "good", "unknown", "T:kyiv", "o:o:x", "R1:o:o:x", ":",
              "said:", "abcdef:x", "f:x"]
    for f in probes:
        expected = [vocabulary.get(p + f, -1) for p in _FORM_KEYS]
        expected += [part_id.get(f, -1), part_id.get("o:" + f, -1)]
        assert form_cols[form_row.get(f, len(form_row))].tolist() == expected, f
    assert '"' in form_row
    assert (form_cols[-1] == -1).all()
    form_row, form_cols = _form_table({}, {})
    assert form_row == {'"': 0} and (form_cols == -1).all()


def test_marked_tokens_hold_no_whitespace():
    # _form_table leaves out the vocabulary keys holding a space: no token reaches them
    alphabet = ("ab Kz1.,'\"\u2019\u201c\u201d\u00a0\u2003\t\n\x0b\x0c\r\x1c\x1f\u0085\u2028"
                "\u0130\u0131\u017f\u212a\u00b2\u0663-:;!?")
    rng = random.Random(0)
    words = ["not", "n't", "don't", "12,5", "3.4", "Kyiv's", "never"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) if rng.random() < 0.8 else rng.choice(words)
                       for _ in range(rng.randrange(30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        marked, tokens = _mark_tokens(text, start, end)[:2]
        assert not any(c.isspace() for tok in marked + tokens for c in tok), text


def test_last_token_with_other_whitespace_kinds():
    assert _last_token("He met Mr.", 0, 10) == "mr."
    assert _last_token("He met\nMr.", 0, 10) == "mr."
    assert _last_token("He met\tDr.", 0, 10) == "dr."
    assert _last_token("He met\u00a0(Gen.", 0, 12) == "gen."
    assert _last_token("a b\nc d.", 0, 8) == "d."


@pytest.mark.parametrize(
    ("text", "n_sentences"),
    [
        ("Costs were approx. five million.", 1),  # 6-letter abbreviation still merges
        ("Talks with Messrs. Smith and Jones.", 1),
        ("It was a catastrophe. Then came the vote.", 2),  # 7+ letters: never merged
        ("Sen. Smith met Gen. Jones on Jan. 5.", 1),
    ],
)
def test_split_fast_exit_keeps_abbreviation_rules(text, n_sentences):
    spans = split_sentences(text)
    assert len(spans) == n_sentences, [text[s:e] for s, e in spans]


def test_synthetic_mention_density_matches_target():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.synthetic import iter_articles

    from framing.actors import find_mentions, load_actors

    arts = pd.DataFrame(list(iter_articles(120, random_state=3)))
    per_article = len(find_mentions(arts, load_actors())) / len(arts)
    assert 10.5 <= per_article <= 13.5, per_article
    words = arts["text"].str.split().str.len().mean()
    assert 540 <= words <= 660, words


@pytest.mark.parametrize(
    "text",
    ["US and EU leaders", "xUS USA", "_US", "1US", "\u00e9US", "aCongress Congress", "USA",
     "the Alliance", "xthe Alliance and the Alliance", "US-led", "", "no forms here"],
)
def test_case_sensitive_scan_equals_anchored_regex(text):
    from framing.actors import load_actors

    matcher = load_actors()._matcher(frozenset({"name", "alias", "metonym", "demonym"}))
    expected = [(m.start(), m.end(), m.group()) for m in matcher.cs_regex.finditer(text)]
    assert matcher._find_cs(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Kyiv didn't sign the 3.5 bn deal.", "Der Stra\u017fe and K\u212aelvin", "\u0131stanbul talks",
     "\u0130STANBUL talks", "plain ascii text", "Caf\u00e9 owners' \u201cno\u201d"],
)
def test_lower_case_token_regex_equals_ignorecase(text):
    from framing.scorers.trained import _TOKEN_RE

    norm = straighten_curly_quotes(text).lower()
    for start in range(len(norm) + 1):
        assert _mark_tokens(text, start, len(norm)) == _mark_tokens_reference(text, start, len(norm))
    assert _TOKEN_RE.findall(norm)  # every example has tokens


def _mark_tokens_reference(text, start, end):
    """_mark_tokens with the IGNORECASE regex always (the code before the fast path)."""
    from framing.scorers import trained

    saved = trained._TOKEN_RE_LOWER, trained._TOKEN_RE_LOWER_PLAIN
    trained._TOKEN_RE_LOWER = trained._TOKEN_RE_LOWER_PLAIN = trained._TOKEN_RE
    try:
        return trained._mark_tokens(text, start, end)
    finally:
        trained._TOKEN_RE_LOWER, trained._TOKEN_RE_LOWER_PLAIN = saved


def test_token_regex_without_the_nt_alternatives_on_text_without_nt():
    from framing.scorers.trained import _TOKEN_RE_LOWER, _TOKEN_RE_LOWER_PLAIN

    alphabet = "nt' ab.,3\u00e9-"  # near misses: n', 't, nt, n t, 'n't' pieces apart
    rng = random.Random(0)
    checked = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(16)))
        if "n't" in text:  # _mark_tokens uses the full pattern
            continue
        assert _TOKEN_RE_LOWER_PLAIN.findall(text) == _TOKEN_RE_LOWER.findall(text), text
        checked += 1
    assert checked > 3000


def test_ignorecase_extra_letters_need_the_fallback():
    from framing.scorers.trained import _IGNORECASE_EXTRA, _TOKEN_RE, _TOKEN_RE_LOWER

    for word in ("stra\u017fe", "\u0131stanbul"):
        assert _TOKEN_RE.findall(word) != _TOKEN_RE_LOWER.findall(word)
        assert _IGNORECASE_EXTRA.search(word)


def test_language_batch_with_an_overlong_sample(tiny_corpus_path):
    samples = ["Officials met in Geneva on Monday.", "Die Minister trafen sich. " * 800, "",
               "Le ministre a parlé."]
    identifier = _language._language_identifier(_language.DEFAULT_LANGUAGES)
    got = _language._classify_samples(identifier, samples, _language.DEFAULT_LANGUAGES, block=2)
    assert got == [identifier.classify(s) for s in samples]


def _mark_tokens_loop(text, start, end):
    """_mark_tokens as one plain loop over the words (the code before the fast paths)."""
    from framing.scorers.trained import _SCOPE_END, _TOKEN_RE, NEGATORS

    norm = text.translate(str.maketrans(dict(CURLY_QUOTES))).lower()  # the old translate
    left, target, right = (_TOKEN_RE.findall(x) for x in (norm[:start], norm[start:end],
                                                            norm[end:]))
    words = left + target + right
    t0, t1 = len(left), len(left) + len(target) - 1
    marked, negated, in_scope = [], [], False
    for i, w in enumerate(words):
        if w in _SCOPE_END:
            in_scope = False
        flag = in_scope and w not in NEGATORS
        negated.append(flag)
        if i == t0:
            marked.append("<t>")
        if t0 <= i <= t1:
            continue
        tok = "<num>" if w[0].isdigit() else w
        marked.append("neg_" + tok if flag else tok)
        if w in NEGATORS:
            in_scope = True
    if t0 >= len(words):
        marked.append("<t>")
    return marked, words, t0, t1, t0, negated


def test_mark_tokens_fast_paths_equal_the_plain_loop():
    # negation scopes (a negator inside the target opens none), numbers (ASCII and
    # other decimal digits), ASCII and non-ASCII sentences, empty and edge spans
    vocab = ["not", "No", "never", "nobody", "Kyiv", "U.S.", "\u2019s", "\u201cdeal\u201d", ",",
             "but", "however", "n't", "don't", "12,5", "3.4", "\u2014", "talks", "\u00b2",
             "\u0663\u0664", "x\u00b2", "\u0130stanbul", "stra\u017fe", "fails", "."]
    rng = random.Random(0)
    cases = 0
    for _ in range(4000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _mark_tokens(text, start, end) == _mark_tokens_loop(text, start, end), text
        cases += 1
    assert cases == 4000


def test_straighten_curly_quotes_equals_the_translate_table():
    table = str.maketrans(dict(CURLY_QUOTES))
    rng = random.Random(0)
    alphabet = "ab '\"\u2018\u2019\u201c\u201d\u00e9\u0416\u2014\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        straight = straighten_curly_quotes(text)
        assert straight == text.translate(table)
        assert straight.isascii() == text.translate(table).isascii()  # narrowed like translate


def test_score_mentions_hands_the_scorer_the_table_it_built_before():
    from framing.scorers import score_mentions

    class Recorder:  # a scorer that keeps the targets table it is given
        name, requires_fit, supported_languages = "recorder", False, frozenset({"en"})

        def score(self, X):
            self.table = X
            return pd.DataFrame({"polarity": np.zeros(len(X))})

    s = "Washington praised Kyiv, “not Moscow”, said Zelenskyy’s aide. 12,5 İ ſ"
    mentions = pd.DataFrame({"sentence": [s, s, s, "Kyiv", "Kyiv"],
                             "sentence_start": [0, 0, 5, 9, 9],
                             "start": [19, 19, 36, 9, 13], "end": [23, 23, 41, 13, 13],
                             "language": ["en", "en", "en", "en", "en"]})
    for rows in (mentions, mentions.iloc[:0]):
        recorder = Recorder()
        score_mentions(rows, recorder)
        targets = list(dict.fromkeys(
            zip(rows["sentence"], rows["start"] - rows["sentence_start"],
                rows["end"] - rows["sentence_start"])))
        before = pd.DataFrame([tuple(int(v) if i else v for i, v in enumerate(t))
                               for t in targets], columns=["text", "start", "end"])
        before = before.astype({"text": object, "start": "int64", "end": "int64"})
        pd.testing.assert_frame_equal(recorder.table, before)
        assert len(recorder.table) == (4 if len(rows) else 0)  # one per distinct target


def test_collapse_whitespace_equals_split_and_join():
    from framing.corpus.duplicates import _collapse_whitespace

    fixed = ["", " ", "\n\n", "a", " a ", "a  b", "a\t\t b\n\n\nc ", "\x1c a \x1f", "a\x0b\x0cb\r",
             "x" * 5000 + "   " * 700 + "y", "é  ü", "a\u00a0 b", "a\u2009b\u3000", "no-spaces-at-all"]
    rng = random.Random(0)
    alphabet = ("ab. \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\u00a0\u2009\u00e9\u0085\u1680\u2028"
                "\u2029\u202f\u205f\u3000\u200b\u2019\U0001f44f")
    rand = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(3000)]
    for text in fixed + rand:
        assert _collapse_whitespace(text) == " ".join(text.split()), repr(text)


def test_collapse_whitespace_knows_every_whitespace_character():
    from framing.corpus.duplicates import _OTHER_SPACES

    every = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}
    assert set(_OTHER_SPACES) == every - {" "}
    assert len(_OTHER_SPACES) == len(set(_OTHER_SPACES))


def _tighten_hyphens_reference(text):
    """normalise_body's hyphen step before _tighten_hyphens: two replaces and a regex."""
    return re.sub("-{2,}", "-", text.replace(" -", "-").replace("- ", "-"))


def test_tighten_hyphens_equals_replace_and_regex():
    from framing.corpus.duplicates import _collapse_whitespace, _tighten_hyphens

    texts = {"", "-", "--", " - ", "a-b", "a - b", "a -- b", "- a -", "a- -b", "a—b", "x-\ny"}
    texts |= {"".join(p) for n in range(1, 9) for p in itertools.product("a -", repeat=n)}
    rng = random.Random(0)
    texts |= {"".join(rng.choice("ab -\t\u00e9\u2013") for _ in range(rng.randrange(40)))
              for _ in range(3000)}
    for text in sorted(texts):
        text = _collapse_whitespace(text)  # normalise_body tightens collapsed text
        assert _tighten_hyphens(text) == _tighten_hyphens_reference(text), repr(text)


def _collapse_repeated_paragraphs_reference(text, min_chars):
    """collapse_repeated_paragraphs before its fast repeat check: every line collapsed."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text, 0
    keys = [" ".join(line.split()) for line in lines]
    long_keys = [k for k in keys if len(k) >= min_chars]
    if len(set(long_keys)) == len(long_keys):
        return text, 0
    seen, out, removed = set(), [], 0
    for line, key in zip(lines, keys, strict=True):
        if len(key) >= min_chars:
            if key in seen:
                removed += 1
                while out and not out[-1].strip():
                    out.pop()
                continue
            seen.add(key)
        out.append(line)
    return "\n".join(out), removed


def test_repeated_paragraph_check_equals_collapsing_every_line():
    from framing.corpus.hygiene import collapse_repeated_paragraphs

    para = "Talks resumed in Geneva on Monday."
    fixed = [
        "", "\n", para, f"{para}\n\n{para}", f"{para}\n\n  {para.replace(' ', chr(9))}  ",
        f"{para}\n\nTalks stalled in Geneva on Monday.",  # same first and last word only
        f"{para}\n{' ' * 40}\n{' ' * 40}\n{para}",  # long blank lines are not paragraphs
        "Short line.\nShort line.\nShort line.",
        "Переговоры возобновились в Женеве.\n\nПереговоры\u00a0возобновились в Женеве.",
        "\n".join(f"Paragraph {i} about the talks." for i in range(500)) + "\n" + para * 3,
        "x" * 10_000 + "\n" + "x" * 10_000,
    ]
    rng = random.Random(0)
    words = ["Talks", "resumed", "in", "Geneva", "é", "Женеве", "said."]
    spaces = [" ", "  ", "\t", "\u00a0", "\r", ""]
    rand = []
    for _ in range(3000):
        lines = [
            rng.choice(spaces).join(rng.choice(words) for _ in range(rng.randrange(7)))
            for _ in range(rng.randrange(6))
        ]
        rand.append(rng.choice(["\n", "\n\n"]).join(lines))
    for text in fixed + rand:
        for min_chars in (0, 5, 20):
            assert collapse_repeated_paragraphs(text, min_chars) == (
                _collapse_repeated_paragraphs_reference(text, min_chars)
            ), repr(text)


def _blingfire_reference(text):
    """blingfire's sentence spans mapped to characters with a per-byte table."""
    import ctypes

    import blingfire

    data = text.encode("utf-8")
    size = 2 * len(data) + 16
    out = ctypes.create_string_buffer(size)
    starts, ends = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
    n_out = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), out, starts, ends, ctypes.c_int(size)
    )
    if n_out <= 0:  # nothing to split (empty text)
        return [(0, len(text))]
    n_sent = out.raw[:n_out].count(b"\n") + 1
    char_of_byte = [i for i, ch in enumerate(text) for _ in ch.encode("utf-8")]
    top = max(len(data) - 1, 0)

    def clip(b):
        return min(max(b, 0), top)

    if not char_of_byte:
        return [(clip(s), clip(e) + 1) for s, e in zip(starts[:n_sent], ends[:n_sent])]
    return [
        (char_of_byte[clip(s)], char_of_byte[clip(e)] + 1)
        for s, e in zip(starts[:n_sent], ends[:n_sent])
    ]


def test_blingfire_offsets_equal_a_per_byte_table():
    from framing.text import _blingfire_spans

    fixed = ["", "a", "é", "🙂", "Hi. Ça va? Oui.", "“Kyiv’s allies” met. 🙂 Then 🙂.",
             "Киев. Київ. " * 300, "x" * 3000, "no punctuation at all " * 100]
    rng = random.Random(0)
    alphabet = "ab .?!\n\u00e9\u2019\u201c\u201d\u0416\U0001f642"
    rand = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(80))) for _ in range(2000)]
    for text in fixed + rand:
        assert _blingfire_spans(text) == _blingfire_reference(text), repr(text)


def test_abbreviation_check_equals_the_three_lists_and_the_regex():
    import re

    from framing.text import (
        NUMBER_ABBREVIATIONS,
        OTHER_ABBREVIATIONS,
        TITLE_ABBREVIATIONS,
        _is_abbreviation,
    )

    initialism = re.compile(r"(?:[^\W\d_]\.){2,}\Z")

    def reference(token):
        return (
            token in TITLE_ABBREVIATIONS
            or token in NUMBER_ABBREVIATIONS
            or token in OTHER_ABBREVIATIONS
            or (len(token) == 2 and token[0].isalpha())
            or bool(initialism.match(token))
        )

    fixed = [*TITLE_ABBREVIATIONS, *NUMBER_ABBREVIATIONS, *OTHER_ABBREVIATIONS, "", ".", "..",
             "a.", "1.", "_.", "u.s.", "u.s.a.", "é.ü.", "ж.д.", "1.2.", "a.b", "a..", "ab.c."]
    rng = random.Random(0)
    rand = ["".join(rng.choice("ab.é1_ж") for _ in range(rng.randrange(8))) for _ in range(5000)]
    for token in fixed + rand:
        assert _is_abbreviation(token) is reference(token), repr(token)


def test_cyrillic_byte_check_equals_the_regex():
    from framing.actors import _CYRILLIC, _has_cyrillic

    fixed = ["", "a", "\u03ff", "\u0400", "\u04ff", "\u0500", "Ӿ", "Київ", "“Kyiv”", "\U0001f642",
             "lone \ud800 surrogate", "\u0500\u0d00\u0dd0\u1d00", "\u00d0\u00d1\u00d3"]
    rng = random.Random(0)
    alphabet = ["a", "\u00e9", "\u03ff", "\u0400", "\u0416", "\u04ff", "\u0500", "\u2019", "\ud800",
                "\U0001f642", "\u0d00"]
    rand = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(6))) for _ in range(3000)]
    for text in fixed + rand:
        assert _has_cyrillic(text) is (_CYRILLIC.search(text) is not None), repr(text)


def test_split_hints_per_mark_equal_one_regex_for_all_marks():
    import re

    from framing.text import _HINT_TAIL, _hint_matches

    combined = re.compile("[.!?]" + _HINT_TAIL)
    fixed = ["", "No marks here", "Yes. Mr. Smith came. \u00c9mile left!  \u201cZo\u00eb?\u201d \u00c9ric",
             "A.\n\nMr. B?! \u00c9. \u00c9?\u201d \u00c9", "...   \u00c9", "?" * 50 + " \u00c9"]
    rng = random.Random(0)
    alphabet = [".", "!", "?", " ", "\n", "\u201d", "\u201c", "(", ")", "\"", "a", "\u00c9", "Mr. "]
    rand = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(3000)]
    for text in fixed + rand:
        want = [(m.start(), m.end(), m.span(1)) for m in combined.finditer(text)]
        assert [(m.start(), m.end(), m.span(1)) for m in _hint_matches(text)] == want, repr(text)
