"""Tests for framing.scorers: the scorer contract, the TextBlob scorer and score_mentions."""

from __future__ import annotations

import inspect
import math
import time
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.exceptions import MissingColumnError
from framing.paths import shared_data_dir
from framing.scorers import (
    LABELS,
    BaseScorer,
    TextBlobSentimentScorer,
    available_scorers,
    get_scorer,
    score_mentions,
)
from framing.scorers import sentiment as sentiment_module
from framing.scorers.lexicon_verbs import VERB_FORMS, VERBS, lookup_verb
from framing.scorers.sentiment import expand_contractions, find_clauses

# --- helpers ---------------------------------------------------------------------------------


def targets(*rows):
    """Build a targets table from ``(text, target_substring)`` pairs (first occurrence)."""
    out = []
    for text, target in rows:
        start = text.index(target)
        out.append((text, start, start + len(target)))
    return pd.DataFrame(out, columns=["text", "start", "end"])


def polarity(text, target=None, **params):
    """Polarity of `target` (default: the whole text) in `text` with the TextBlob scorer."""
    scorer = TextBlobSentimentScorer(**params).fit([])
    X = targets((text, target)) if target is not None else [text]
    return float(scorer.score(X)["polarity"].iloc[0])


#: Small labelled set used to fit every scorer in the contract tests (trainable scorers
#: need labels; the TextBlob scorer ignores them).
CONTRACT_ROWS = [
    ("Washington praised Kyiv's resolve.", "Kyiv", "positive"),
    ("Moscow's strikes were condemned as brutal and cruel.", "Moscow", "negative"),
    ("Kyiv hosted the talks on Tuesday.", "Kyiv", "neutral"),
    ("Critics called Trump's plan a terrible, dangerous idea.", "Trump", "negative"),
    ("Zelenskyy thanked the allies for their great support.", "allies", "positive"),
    ("The EU published its report on minerals.", "EU", "neutral"),
    ("Brussels welcomed the excellent deal with Kyiv.", "Kyiv", "positive"),
    ("Officials blamed Moscow for the awful attack.", "Moscow", "negative"),
    ("Bessent met officials in Kyiv last week.", "Bessent", "neutral"),
]


@pytest.fixture(scope="module")
def contract_targets():
    X = targets(*[(text, target) for text, target, _ in CONTRACT_ROWS])
    y = [label for _, _, label in CONTRACT_ROWS]
    return X, y


# --- contract test: every registered scorer --------------------------------------------------

ALL_SCORERS = available_scorers()


def test_textblob_is_registered():
    assert "textblob" in ALL_SCORERS
    assert isinstance(get_scorer("textblob"), TextBlobSentimentScorer)
    assert get_scorer("textblob", scope="sentence").scope == "sentence"


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_init_only_stores_params(name):
    scorer = get_scorer(name)
    signature = inspect.signature(type(scorer).__init__)
    defaults = {
        p.name: p.default
        for p in signature.parameters.values()
        if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    assert scorer.get_params(deep=False) == defaults
    cloned = clone(scorer)
    assert type(cloned) is type(scorer)
    assert cloned.get_params(deep=False) == scorer.get_params(deep=False)
    assert not [k for k in vars(scorer) if k.endswith("_") and not k.startswith("__")]


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_class_attributes(name):
    cls = type(get_scorer(name))
    assert cls.name == name
    assert cls.kind in {"continuous", "discrete"}
    assert isinstance(cls.supported_languages, frozenset) and cls.supported_languages
    assert isinstance(cls.version, str) and cls.version
    assert isinstance(cls.requires_fit, bool)


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_fit_returns_self(name, contract_targets):
    X, y = contract_targets
    scorer = get_scorer(name)
    assert scorer.fit(X, y) is scorer


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_score_before_fit_raises(name, contract_targets):
    scorer = get_scorer(name)
    if not type(scorer).requires_fit:
        pytest.skip(f"scorer {name!r} declares requires_fit = False")
    with pytest.raises(NotFittedError):
        scorer.score(contract_targets[0])


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_single_str_raises_type_error(name, contract_targets):
    X, y = contract_targets
    with pytest.raises(TypeError, match="single str"):
        get_scorer(name).fit("Kyiv welcomed the vote.")
    scorer = get_scorer(name).fit(X, y)
    with pytest.raises(TypeError, match="single str"):
        scorer.score("Kyiv welcomed the vote.")


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_output_shape_range_and_determinism(name, contract_targets):
    X, y = contract_targets
    scorer = get_scorer(name).fit(X, y)
    extra = pd.DataFrame(
        {"text": ["", "   ", "Kyiv!!! \U0001f600" * 3], "start": [0, 1, 0], "end": [0, 2, 4]}
    )
    inputs = pd.concat([X, extra], ignore_index=True)
    first = scorer.score(inputs)
    assert len(first) == len(inputs)
    assert list(first.index) == list(range(len(inputs)))
    assert {"polarity", "label"} <= set(first.columns)
    pol = first["polarity"].to_numpy(dtype=float)
    ok = ~np.isnan(pol)
    assert np.all((pol[ok] >= -1) & (pol[ok] <= 1))
    assert set(first["label"][ok]) <= set(LABELS)
    assert first["label"][~ok].isna().all()
    pd.testing.assert_frame_equal(first, scorer.score(inputs))
    # an iterable of texts works too and gives one row per text
    assert len(scorer.score(list(X["text"]))) == len(X)


@pytest.mark.parametrize("name", ALL_SCORERS)
def test_contract_empty_input_gives_empty_table(name, contract_targets):
    X, y = contract_targets
    scores = get_scorer(name).fit(X, y).score([])
    assert len(scores) == 0
    assert {"polarity", "label"} <= set(scores.columns)


# --- TextBlob scorer: behaviour ----------------------------------------------------------------


def test_praise_and_condemn_in_one_sentence_have_opposite_signs():
    text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    scores = TextBlobSentimentScorer().fit([]).score(targets((text, "Kyiv"), (text, "Moscow")))
    kyiv, moscow = scores["polarity"]
    assert kyiv > 0 > moscow
    assert scores["label"].tolist() == ["positive", "negative"]


@pytest.mark.parametrize("target", [None, "Kyiv"], ids=["whole-text", "target-Kyiv"])
def test_curly_apostrophes_and_contractions_score_like_plain_text(target):
    curly = polarity("Kyiv\u2019s plan isn\u2019t a good idea.", target)
    plain = polarity("Kyiv's plan is not a good idea.", target)
    assert curly == plain
    assert curly < 0


@pytest.mark.parametrize("target", [None, "Zelenskyy"], ids=["whole-text", "target"])
def test_negation_reaches_past_the_determiner(target):
    positive = polarity("Zelenskyy is the best negotiator", target)
    negated = polarity("Zelenskyy is not the best negotiator", target)
    assert positive > 0
    assert negated <= 0
    assert negated != positive


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy praised the troops for their hard work",
        "Zelenskyy praises the troops for their hard work.",
        "Zelenskyy has repeatedly praised the troops for their hard, bloody work.",
        "Zelenskyy praised the troops, who suffered terrible losses.",
        "Zelenskyy thanked the troops for their hard work",
    ],
)
@pytest.mark.parametrize("scope", ["clause", "sentence"])
def test_praising_is_never_negative_toward_the_praiser(text, scope):
    assert polarity(text, "Zelenskyy", scope=scope) >= 0


@pytest.mark.parametrize(
    ("text", "target", "expected_sign"),
    [
        ("Trump criticised the EU.", "EU", -1),
        ("Trump criticised the EU.", "Trump", 0),
        ("Kyiv was praised by Washington.", "Kyiv", 1),
        ("Kyiv was praised by Washington.", "Washington", 0),
        ("Moscow was widely condemned for the strikes.", "Moscow", -1),
        ("Russia threatened Europe.", "Russia", -1),
        ("Russia threatened Europe.", "Europe", -1),
        ("Washington did not support Kyiv.", "Kyiv", -1),
        ("Brussels refused to condemn Budapest.", "Budapest", 1),
        ("Trump's criticism of the EU grew.", "EU", -1),
        ("Kyiv hosted the talks on Tuesday.", "Kyiv", 0),
        ("Good Morning America interviewed Kyiv's mayor.", "Good Morning America", 0),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 25 else None,
)
def test_target_rules(text, target, expected_sign):
    assert np.sign(round(polarity(text, target), 6)) == expected_sign


def test_verb_lexicon_can_be_switched_off():
    text = "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    assert polarity(text, "Kyiv", use_verb_lexicon=False) == 0.0
    assert polarity(text, "Kyiv") > 0


def test_clause_scope_ignores_other_clauses_but_sentence_scope_does_not():
    text = "Kyiv is a wonderful partner; Moscow is a terrible neighbour."
    assert polarity(text, "Kyiv") > 0
    assert polarity(text, "Moscow") < 0
    assert polarity(text, "Kyiv", scope="sentence") == polarity(text, "Moscow", scope="sentence")


def test_text_scope_reads_neighbouring_sentences():
    text = "Kyiv signed the deal. Critics called it a terrible, disastrous mistake."
    assert polarity(text, "Kyiv") == 0.0
    assert polarity(text, "Kyiv", scope="text") < 0


def test_empty_and_whitespace_texts_are_nan():
    scores = TextBlobSentimentScorer().fit([]).score(["", "  \n\t", "Kyiv"])
    assert scores["polarity"].isna().tolist() == [True, True, False]
    assert scores["label"].tolist()[:2] == [None, None]
    assert scores["subjectivity"].isna().tolist() == [True, True, False]


def test_subjectivity_is_in_unit_interval():
    X = targets(*[(text, target) for text, target, _ in CONTRACT_ROWS])
    subj = TextBlobSentimentScorer().fit(X).score(X)["subjectivity"]
    assert subj.between(0, 1).all()


@pytest.mark.parametrize("where", ["whole-text", "target-first", "target-after-emoji"])
def test_long_emoji_tail_is_scored_quickly(where):
    text = "Kyiv is a great partner. " + "\U0001f600" * 4000 + " Kyiv"
    if where == "whole-text":
        X = [text]
    else:
        start = 0 if where == "target-first" else len(text) - 4
        X = pd.DataFrame({"text": [text], "start": [start], "end": [start + 4]})
    scorer = TextBlobSentimentScorer().fit([])
    scorer.score(["warm up the lexicon"])
    t0 = time.process_time()  # CPU time: not inflated by other processes on a busy machine
    result = scorer.score(X)
    assert time.process_time() - t0 < 1.0
    assert -1 <= result["polarity"].iloc[0] <= 1


def test_lexicon_is_loaded_once_per_process():
    scorer = TextBlobSentimentScorer().fit([])
    scorer.score(["A good day."])
    before = sentiment_module._resources.cache_info()
    clone(scorer).fit([]).score(["A bad day.", "A fine day."])
    after = sentiment_module._resources.cache_info()
    assert after.misses == before.misses == 1


def test_repeated_targets_are_scored_once(monkeypatch):
    calls = []
    original = TextBlobSentimentScorer._score_one

    def spy(self, text, start, end):
        calls.append((text, start, end))
        return original(self, text, start, end)

    monkeypatch.setattr(TextBlobSentimentScorer, "_score_one", spy)
    scores = TextBlobSentimentScorer().fit([]).score(["A good day."] * 5 + ["A bad day."])
    assert len(scores) == 6
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("params", "match"),
    [
        ({"scope": "clauses"}, "'scope' parameter of TextBlobSentimentScorer"),
        ({"neutral_band": 1.5}, "'neutral_band' parameter"),
        ({"neutral_band": "0.1"}, "Got '0.1' instead"),
        ({"use_verb_lexicon": "yes"}, "'use_verb_lexicon' parameter"),
        ({"max_chars": 0}, "'max_chars' parameter"),
    ],
)
def test_invalid_parameters_fail_in_fit(params, match):
    scorer = TextBlobSentimentScorer(**params)  # __init__ does not validate
    with pytest.raises(ValueError, match=match):
        scorer.fit([])


def test_targets_table_without_columns_raises():
    with pytest.raises(MissingColumnError, match="'start'"):
        TextBlobSentimentScorer().fit(pd.DataFrame({"text": ["x"], "end": [1]}))


def test_max_chars_bounds_the_window():
    text = "Kyiv signed the deal. " + "x " * 500 + "It was a terrible, disastrous, awful mistake."
    assert polarity(text, "Kyiv", scope="text") == 0.0
    assert polarity(text, "Kyiv", scope="text", max_chars=5000) < 0


@settings(max_examples=150, deadline=None)
@given(data=st.data(), text=st.text(max_size=200))
def test_polarity_in_range_for_any_text_and_target(data, text):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    scope = data.draw(st.sampled_from(["clause", "sentence", "text"]))
    X = pd.DataFrame({"text": [text], "start": [start], "end": [end]})
    scorer = TextBlobSentimentScorer(scope=scope, max_chars=120).fit(X)
    row = scorer.score(X).iloc[0]
    if text.strip():
        assert -1 <= row["polarity"] <= 1
        assert 0 <= row["subjectivity"] <= 1
        assert row["label"] in LABELS
    else:
        assert math.isnan(row["polarity"]) and row["label"] is None


# --- helpers of the sentiment module ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's plan is not a good idea!",
        "very very good :) but really not bad",
        "I am not really happy :-( ! in 2015",
        "Never good, never bad, not very terrible!!",
        "It is extremely unfair and hardly great :D",
        "not at all bad, not so good, no good, never better",
        "XD a wonderful, sad, awful, amazing, dreadful day",
    ],
)
def test_assessments_match_textblob_pattern(text):
    """Our port of pattern's assessment loop gives TextBlob's numbers (no determiners
    after a negation in these texts, the one documented change)."""
    from textblob.en import sentiment as pattern_lexicon

    lexicon, token_re = sentiment_module._resources()
    words = [w.lower() for w in token_re.findall(text)]
    expected = [(p, s) for _, p, s, _ in pattern_lexicon.assessments([(w, None) for w in words])]
    assert expected  # the texts do contain lexicon words
    assert lexicon.assess(words) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv isn\u2019t ready", "Kyiv is not ready"),
        ("They can't and won't", "They can not and will not"),
        ("\u201cNo deal,\u201d he said", '"No deal," he said'),
        ("Don't", "Do not"),
        ("plain text", "plain text"),
    ],
)
def test_expand_contractions(text, expected):
    assert expand_contractions(text)[0] == expected


def test_expand_contractions_maps_offsets():
    text = "It isn't Kyiv, it can't be"
    expanded, (start, end, inside) = expand_contractions(text, [9, 13, 6])
    assert expanded[start:end] == "Kyiv"
    assert inside == expanded.index(" not") + 4  # an offset inside "n't" moves to its end


def test_find_clauses_splits_at_conjunctions_and_punctuation():
    text = "Kyiv agreed; Moscow refused, but Washington hesitated while Brussels waited."
    parts = [text[a:b] for a, b in find_clauses(text)]
    assert parts == ["Kyiv agreed", "Moscow refused", "Washington hesitated", "Brussels waited."]
    assert [text[a:b] for a, b in find_clauses(text, scope="sentence")] == [text]


def test_verb_lexicon_is_well_formed():
    for lemma, *forms, patient, agent, subjectivity in VERBS:
        assert -1 <= patient <= 1 and -1 <= agent <= 1 and 0 <= subjectivity <= 1, lemma
        assert all(f == f.lower() for f in forms), lemma
    # praising, thanking and supporting never reflect badly on the one doing it
    for lemma in ("praise", "thank", "support", "welcome", "commend"):
        assert VERB_FORMS[lemma].agent >= 0
    assert lookup_verb("Criticised").lemma == "criticise"
    assert lookup_verb("back") is None  # the adverb is not matched
    assert lookup_verb("praised").is_participle


# --- score_mentions --------------------------------------------------------------------------


class RecordingScorer(BaseScorer):
    """Test double: polarity = +0.5 for every target; records what it was given."""

    name = "recording"
    supported_languages = frozenset({"en"})

    def __init__(self, *, value=0.5):
        self.value = value

    def score(self, X):
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self)
        from framing.scorers import as_targets

        table = as_targets(X)
        self.seen_ = table.copy()
        pol = np.full(len(table), self.value)
        return pd.DataFrame({"polarity": pol, "label": ["positive"] * len(table)})


def make_mentions():
    s1 = "Washington praised Kyiv but condemned Moscow."
    s2 = "Moscow denied it."
    rows = [
        # sentence, sentence_start, surface, language, ambiguous
        (s1, 100, "Kyiv", "en", False),
        (s1, 100, "Moscow", "en", False),
        (s1, 100, "Kyiv", "en", False),  # duplicate target
        (s2, 200, "Moscow", "uk", False),
        (s2, 200, "Moscow", "en", True),
    ]
    records = []
    for sentence, s0, surface, lang, amb in rows:
        i = sentence.index(surface)
        records.append(
            dict(article_id="a1", actor_id=surface.lower(), sentence=sentence,
                 sentence_start=s0, start=s0 + i, end=s0 + i + len(surface),
                 language=lang, ambiguous=amb)
        )
    return pd.DataFrame(records, index=[10, 11, 12, 13, 14])


def test_score_mentions_appends_columns_and_statuses():
    mentions = make_mentions()
    scored = score_mentions(mentions, TextBlobSentimentScorer().fit([]))
    assert list(scored.index) == list(mentions.index)
    assert list(scored.columns) == [
        *mentions.columns, "polarity", "label", "subjectivity", "scorer", "score_status"
    ]
    assert scored["score_status"].tolist() == [
        "ok", "ok", "ok", "unsupported_language", "ambiguous"
    ]
    assert (scored["scorer"] == "textblob").all()
    pol = scored["polarity"].tolist()
    assert pol[0] > 0 > pol[1] and pol[0] == pol[2]
    assert math.isnan(pol[3]) and math.isnan(pol[4])
    assert scored["label"].tolist()[3:] == [None, None]
    pd.testing.assert_frame_equal(scored[mentions.columns], mentions)  # input untouched


def test_score_mentions_skips_rows_and_deduplicates_targets():
    scorer = RecordingScorer().fit([])
    score_mentions(make_mentions(), scorer)
    seen = scorer.seen_
    assert len(seen) == 2  # rows 10 and 12 share a target; 13, 14 are skipped
    assert [t[a:b] for t, a, b in seen.itertuples(index=False)] == ["Kyiv", "Moscow"]


def test_score_mentions_without_language_column_assumes_supported():
    mentions = make_mentions().drop(columns=["language", "ambiguous"])
    scored = score_mentions(mentions, RecordingScorer().fit([]))
    assert (scored["score_status"] == "ok").all()
    assert (scored["polarity"] == 0.5).all()


def test_score_mentions_when_nothing_is_scorable():
    mentions = make_mentions().assign(language="fr")
    scored = score_mentions(mentions, TextBlobSentimentScorer().fit([]))
    assert (scored["score_status"] == "unsupported_language").all()
    assert scored["polarity"].isna().all()
    assert scored["label"].isna().all()


def test_score_mentions_missing_columns_are_listed():
    mentions = make_mentions().drop(columns=["sentence_start", "end"])
    with pytest.raises(MissingColumnError, match=r"\['sentence_start', 'end'\]"):
        score_mentions(mentions, TextBlobSentimentScorer().fit([]))


@pytest.mark.parametrize("dtype", ["int64", "float64"])
def test_score_mentions_names_a_span_outside_its_sentence(dtype):
    mentions = make_mentions().astype({"start": dtype, "end": dtype, "sentence_start": dtype})
    scorer = TextBlobSentimentScorer().fit([])
    expected = score_mentions(make_mentions(), scorer)
    pd.testing.assert_series_equal(  # float offsets take the loop: same scores
        score_mentions(mentions, scorer)["polarity"], expected["polarity"])
    mentions.loc[11, "end"] = mentions.loc[11, "sentence_start"] + 200  # past the sentence
    with pytest.raises(ValueError, match=r"Mention row 11 \(article_id 'a1'\).*inside its sentence"):
        score_mentions(mentions, scorer)


def test_score_mentions_needs_a_fitted_scorer():
    with pytest.raises(NotFittedError):
        score_mentions(make_mentions(), TextBlobSentimentScorer())


def test_score_mentions_span_outside_sentence_names_the_row():
    mentions = make_mentions()
    mentions.loc[11, "end"] = 999
    with pytest.raises(ValueError, match="Mention row 11 .*article_id 'a1'"):
        score_mentions(mentions, TextBlobSentimentScorer().fit([]))


@pytest.mark.parametrize("window", [-1, 1.5, True])
def test_score_mentions_rejects_bad_window(window):
    with pytest.raises(ValueError, match="'window_sentences' parameter of score_mentions"):
        score_mentions(make_mentions(), RecordingScorer().fit([]), window_sentences=window)


def test_score_mentions_window_needs_articles():
    with pytest.raises(ValueError, match="needs the articles"):
        score_mentions(make_mentions(), RecordingScorer().fit([]), window_sentences=1)


def _article_and_mentions():
    text = (
        "Talks began in Geneva. Critics called the plan a terrible, disastrous mistake. "
        "Kyiv signed the deal. Officials were pleased."
    )
    articles = pd.DataFrame({"article_id": ["a1"], "title": ["Deal signed"], "text": [text]})
    start = text.index("Kyiv")
    s0 = text.index("Kyiv signed")
    sentence = "Kyiv signed the deal."
    mentions = pd.DataFrame(
        {"article_id": ["a1"], "field": ["text"], "sentence": [sentence],
         "sentence_start": [s0], "sentence_end": [s0 + len(sentence)],
         "start": [start], "end": [start + 4]}
    )
    return text, articles, mentions


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (0, "Kyiv signed the deal."),
        (1, "Critics called the plan a terrible, disastrous mistake. Kyiv signed the deal. "
            "Officials were pleased."),
    ],
)
def test_score_mentions_window_widens_text(window, expected):
    _, articles, mentions = _article_and_mentions()
    scorer = RecordingScorer().fit([])
    score_mentions(mentions, scorer, articles=articles, window_sentences=window)
    text, start, end = scorer.seen_.iloc[0]
    assert text == expected
    assert text[start:end] == "Kyiv"


def test_score_mentions_window_with_text_scope_changes_the_score():
    _, articles, mentions = _article_and_mentions()
    narrow = score_mentions(mentions, get_scorer("textblob", scope="text").fit([]))
    wide = score_mentions(
        mentions, get_scorer("textblob", scope="text").fit([]), articles=articles,
        window_sentences=1,
    )
    assert narrow["polarity"].iloc[0] == 0
    assert wide["polarity"].iloc[0] < 0


def test_score_mentions_window_warns_when_scope_is_clause():
    _, articles, mentions = _article_and_mentions()
    with pytest.warns(UserWarning, match="scope='text'"):
        score_mentions(mentions, TextBlobSentimentScorer().fit([]), articles=articles,
                       window_sentences=1)


def test_score_mentions_window_unknown_article_is_named():
    _, articles, mentions = _article_and_mentions()
    mentions["article_id"] = "missing-id"
    with pytest.raises(ValueError, match="article_id 'missing-id'"):
        score_mentions(mentions, RecordingScorer().fit([]), articles=articles,
                       window_sentences=1)


# --- validation against hand labels (shared data; skipped when absent) -----------------------


@pytest.mark.shared_data
def test_verb_lexicon_improves_macro_f1_on_newsmtsc():
    from sklearn.metrics import f1_score

    datasets = pytest.importorskip("framing.datasets")
    data_dir = shared_data_dir()
    path = data_dir / "newsmtsc" / "dev_mt.jsonl" if data_dir else None
    if path is None or not path.is_file():
        pytest.skip("NewsMTSC dev_mt.jsonl not found (set FRAMING_DATA_DIR to ../shared/data)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        gold = datasets.load_gold(path, format="newsmtsc")
    X = gold[["text", "start", "end"]]
    with_verbs = TextBlobSentimentScorer().fit(X).score(X)["label"]
    without = TextBlobSentimentScorer(use_verb_lexicon=False).fit(X).score(X)["label"]
    f1_with = f1_score(gold["label"], with_verbs, average="macro")
    f1_without = f1_score(gold["label"], without, average="macro")
    # measured 2025: 0.458 with verbs, 0.414 without (442 targets)
    assert f1_with > f1_without
    assert f1_with > 0.40
