"""Bounded cost per article: text without sentence punctuation is cut into bounded sentences."""

import random

import pandas as pd
import pytest

from framing.actors import find_mentions, load_actors
from framing.text import MAX_SENTENCE_CHARS, cap_span_lengths, split_sentences

_WORDS = ("the deal with officials over minerals was praised while critics said talks went on "
          "and the Kremlin and Volodymyr Zelenskyy and the United States met in Kyiv").split()


def _unpunctuated(n_chars, seed=0):
    rng = random.Random(seed)
    words, size = [], 0
    while size < n_chars:
        words.append(rng.choice(_WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)


@pytest.mark.parametrize("n_chars", [5_000, 50_000, 200_000])
def test_number_of_sentences_grows_linearly_and_covers_the_text(n_chars):
    text = _unpunctuated(n_chars)
    spans = split_sentences(text)
    assert all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # pieces are at least half a window long, except the last: linear count
    assert len(spans) <= 2 * len(text) // MAX_SENTENCE_CHARS + 1
    assert len(spans) >= len(text) // MAX_SENTENCE_CHARS
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_doubling_the_text_at_most_doubles_the_windows():
    one = len(split_sentences(_unpunctuated(100_000)))
    two = len(split_sentences(_unpunctuated(200_000)))
    assert one < two <= 2 * one + 1


def test_ordinary_sentences_are_not_cut():
    text = "Zelenskyy met Trump. " * 200  # 4,200 characters of short sentences
    spans = split_sentences(text)
    assert len(spans) == 200 and {text[s:e] for s, e in spans} == {"Zelenskyy met Trump."}


def test_cut_prefers_lower_case_words_and_never_splits_a_kept_span():
    text = "x" * 600 + " United States " + "y" * 600
    spans = cap_span_lengths(text, [(0, len(text))], max_chars=1000)
    assert all(e - s <= 1000 for s, e in spans)
    keep = [(601, 614)]  # 'United States'
    assert text[601:614] == "United States"
    spans = cap_span_lengths(text, [(0, len(text))], max_chars=1000, keep=keep)
    assert any(s <= 601 and 614 <= e for s, e in spans)


def test_mentions_in_an_unpunctuated_article_lie_inside_bounded_sentences():
    text = _unpunctuated(60_000, seed=3)
    articles = pd.DataFrame({
        "article_id": ["a1"], "outlet": ["Scraper"], "title": [""], "text": [text], "url": [""],
        "published": [pd.Timestamp("2025-02-20", tz="UTC")],
    })
    mentions = find_mentions(articles, load_actors())
    assert len(mentions) > 100
    assert (mentions["sentence_end"] - mentions["sentence_start"]).max() <= MAX_SENTENCE_CHARS
    assert (mentions["start"] >= mentions["sentence_start"]).all()
    assert (mentions["end"] <= mentions["sentence_end"]).all()
    assert all(text[s:e] == surface for s, e, surface in
               mentions[["start", "end", "surface"]].itertuples(index=False))
