"""Seeded generator of synthetic news articles for scale benchmarks and tests.

The text is made up from our own word lists and sentence templates (no real
articles); actor mentions use the names, aliases, metonyms and demonyms of an
actor registry, so :func:`framing.actors.find_mentions` finds them as it would in
real news. Usage::

    python benchmarks/synthetic.py --n 10000 --out /tmp/synthetic.jsonl

>>> from benchmarks.synthetic import write_corpus  # doctest: +SKIP
>>> write_corpus("/tmp/c.jsonl", 100, random_state=0)  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

#: Outlets of the synthetic corpus (names made up for this project).
OUTLETS = (
    "Liberty Beacon", "Northwire", "The Daily Ledger", "Harbour Times",
    "Eastern Courier", "Capital Review",
)

_SUBJECTS = (
    "Officials", "The delegation", "Negotiators", "Analysts", "Critics", "Diplomats",
    "Investors", "Lawmakers", "The ministry", "A spokesperson", "Observers", "Aides",
    "Mr. Harlan", "Dr. Osei", "The committee", "Several governors",
)
_VERBS_POS = (
    "praised", "welcomed", "backed", "applauded", "supported", "thanked", "defended",
    "endorsed", "celebrated", "trusted",
)
_VERBS_NEG = (
    "criticised", "condemned", "attacked", "blamed", "accused", "rejected", "mocked",
    "threatened", "warned", "undermined",
)
_VERBS_NEU = (
    "met", "called", "visited", "briefed", "told", "asked", "contacted", "followed",
    "hosted", "answered",
)
_OBJECTS = (
    "the minerals deal", "the draft agreement", "the revenue fund", "the ceasefire talks",
    "the new sanctions", "the aid package", "the security guarantees", "the budget plan",
    "the export rules", "the reconstruction fund", "the proposal", "the framework",
)
_ADJUNCTS = (
    "on Monday", "late on Tuesday", "after a long meeting", "in a brief statement",
    "according to two people familiar with the talks", "during a press conference",
    "in an interview with reporters", "for the third time this month", "without giving details",
    "despite strong objections", "at the summit in Geneva", "earlier this week",
    "in a post on social media", "before the vote", "behind closed doors",
)
_FILLER = (
    "The talks have dragged on for weeks and no date has been set for a signing.",
    "Prices for lithium and titanium rose by 3.5 per cent on the news.",
    "Few details were released, and the text of the document has not been published.",
    "It was not clear whether the proposal would survive a vote in parliament.",
    "The fund would be managed jointly, with revenue shared over ten years.",
    "Markets reacted calmly, although traders said uncertainty remained high.",
    "Experts cautioned that building new mines could take a decade or more.",
    "Some of the deposits lie in territory that is currently occupied.",
    "The figures could not be independently verified.",
    "A second round of talks is expected next month, officials said.",
)
_EVALUATIVE = (
    "a serious mistake", "a welcome step", "a dangerous gamble", "a fair compromise",
    "a humiliating defeat", "an important success", "a reckless move", "a sensible plan",
)
_TITLE_VERBS = ("clashes with", "praises", "slams", "meets", "rejects", "backs", "warns")
#: Mean words per generated sentence (measured over 10,000 sentences of _sentence:
#: 14.0 with an actor, 14.8 without); sets the share of sentences with a mention.
_WORDS_PER_SENTENCE = 14.4
#: Actor mentions in every title.
_TITLE_MENTIONS = 2


def actor_forms(registry=None) -> list[str]:
    """Return the mention forms (names, aliases, metonyms, demonyms) of a registry.

    Parameters
    ----------
    registry : framing.actors.ActorRegistry, optional
        Default: the bundled registry, :func:`framing.actors.load_actors`.

    Returns
    -------
    forms : list of str
        Every English (or language-less) form of every actor, in registry order
        (regex patterns excluded): the synthetic corpus is English.
    """
    from framing.actors import load_actors

    registry = registry if registry is not None else load_actors()
    forms = []
    for actor in registry:
        forms += [f for f in actor.forms(lang="en") if f.strip()]
    return forms


def _mention(rng: random.Random, forms: list[str], common: list[str]) -> str:
    # Common short forms (surnames, country names) dominate, as in real news.
    return rng.choice(common) if rng.random() < 0.7 else rng.choice(forms)


def _sentence(rng: random.Random, forms, common, with_actor: bool) -> str:
    verbs = rng.choice((_VERBS_POS, _VERBS_NEG, _VERBS_NEU))
    verb = rng.choice(verbs)
    kind = rng.random()
    if with_actor and kind < 0.45:
        text = f"{_mention(rng, forms, common)} {verb} {rng.choice(_OBJECTS)} {rng.choice(_ADJUNCTS)}."
    elif with_actor and kind < 0.75:
        text = (
            f"{rng.choice(_SUBJECTS)} {verb} {_mention(rng, forms, common)} "
            f"over {rng.choice(_OBJECTS)} {rng.choice(_ADJUNCTS)}."
        )
    elif with_actor:
        text = (
            f"\u201cThis is {rng.choice(_EVALUATIVE)},\u201d said one adviser to "
            f"{_mention(rng, forms, common)}, who asked not to be named because the "
            f"talks about {rng.choice(_OBJECTS)} were private."
        )
    elif kind < 0.5:
        text = rng.choice(_FILLER)
    else:
        text = (
            f"{rng.choice(_SUBJECTS)} {verb} {rng.choice(_OBJECTS)} {rng.choice(_ADJUNCTS)}, "
            f"and {rng.choice(_SUBJECTS).lower()} said it was {rng.choice(_EVALUATIVE)}."
        )
    return text


def iter_articles(
    n: int,
    *,
    random_state: int = 0,
    n_words: int = 600,
    n_mentions: int = 12,
    registry=None,
    start: int = 0,
) -> Iterator[dict]:
    """Yield `n` synthetic articles as dicts with the canonical corpus fields.

    Parameters
    ----------
    n : int
        Number of articles.
    random_state : int, default=0
        Seed; the same seed and `start` give the same articles.
    n_words : int, default=600
        Target body length in words (each article is within about ±30 %).
    n_mentions : int, default=12
        Target number of actor mentions per article, the title's two included (the
        mean over articles is within about 5 % of it; :func:`find_mentions` may
        merge or split a few).
    registry : framing.actors.ActorRegistry, optional
        Actor forms to use. Default: the bundled registry.
    start : int, default=0
        Index of the first article (ids are ``syn-<index>``); articles are seeded per
        index, so ``start=k`` continues a corpus of ``k`` articles.

    Yields
    ------
    article : dict
        ``article_id``, ``outlet``, ``published`` (ISO 8601 with offset),
        ``title``, ``text`` (paragraphs separated by blank lines), ``url``.
    """
    forms = actor_forms(registry)
    common = [f for f in forms if len(f.split()) == 1 and not f.isupper()] or forms
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(start, start + n):
        rng = random.Random(random_state * 1_000_003 + i)
        target_words = int(n_words * rng.uniform(0.7, 1.3))
        # each sentence has one mention or none, and the title has two
        n_sentences = max(1.0, target_words / _WORDS_PER_SENTENCE)
        p_actor = min(1.0, max(0, n_mentions - _TITLE_MENTIONS) / n_sentences)
        paragraphs, para, words = [], [], 0
        while words < target_words:
            sentence = _sentence(rng, forms, common, rng.random() < p_actor)
            para.append(sentence)
            words += sentence.count(" ") + 1
            if len(para) >= rng.randint(2, 5):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        published = t0 + timedelta(minutes=rng.randrange(365 * 24 * 60))
        title = (
            f"{_mention(rng, forms, common)} {rng.choice(_TITLE_VERBS)} "
            f"{_mention(rng, forms, common)} over {rng.choice(_OBJECTS).removeprefix('the ')}"
        )
        yield {
            "article_id": f"syn-{i:08d}",
            "outlet": outlet,
            "published": published.isoformat(),
            "title": title,
            "text": "\n\n".join(paragraphs),
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{i}",
        }


def write_corpus(path: str | os.PathLike, n: int, *, random_state: int = 0, start: int = 0,
                 append: bool = False, **kwargs) -> Path:
    """Write `n` synthetic articles to a JSONL file.

    Parameters
    ----------
    path : str or os.PathLike
        Output ``.jsonl`` file; parent folders are created.
    n : int
        Number of articles.
    random_state : int, default=0
        Seed, see :func:`iter_articles`.
    start : int, default=0
        Index of the first article.
    append : bool, default=False
        Append to an existing file instead of replacing it.
    **kwargs
        Passed to :func:`iter_articles` (``n_words``, ``n_mentions``, ``registry``).

    Returns
    -------
    path : pathlib.Path
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a" if append else "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(article, ensure_ascii=False) + "\n" for article in iter_articles(n, random_state=random_state, start=start, **kwargs))
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--out", required=True, help="output .jsonl file")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    args = parser.parse_args(argv)
    print(write_corpus(args.out, args.n, random_state=args.seed))


if __name__ == "__main__":
    main()
