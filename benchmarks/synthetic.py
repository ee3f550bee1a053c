"""Seeded generator of synthetic news articles for scale benchmarks and tests.

By default the text is made up from our own word lists and sentence templates (no
real articles); actor mentions use the names, aliases, metonyms and demonyms of an
actor registry, so :func:`framing.actors.find_mentions` finds them as it would in
real news. Made-up text is cheaper to score than news: its sentences are short (79
characters per mention sentence) and its vocabulary tiny (315 word types).

``text="news"`` (``--text news``) builds the articles from real news sentences
instead: the 20,580 distinct sentences of NewsMTSC (train and dev), BASIL and PerSenT
(dev), read at run time from ``FRAMING_DATA_DIR`` (see
:func:`framing.paths.shared_data_dir`; never stored in the repository). Sentences that
mention an actor of the registry (about a quarter) are drawn as often as needed for
the target number of mentions. Only the titles, outlets and dates are made up. Usage::

    python benchmarks/synthetic.py --n 10000 --out /tmp/synthetic.jsonl [--text news]

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


#: Files of the real news sentences of ``text="news"``, under the shared data folder.
_NEWS_FILES = ("newsmtsc/train.jsonl", "newsmtsc/dev_mt.jsonl", "newsmtsc/dev_rw.jsonl",
               "basil/basil_train.jsonl", "persent/dev.csv")


def news_sentences(data_dir=None) -> list[str]:
    """Return the distinct sentences of the real news datasets (``text="news"``).

    Parameters
    ----------
    data_dir : str or os.PathLike, optional
        Folder holding ``newsmtsc/``, ``basil/`` and ``persent/`` (see
        ``_NEWS_FILES``). Default: :func:`framing.paths.shared_data_dir`.

    Returns
    -------
    sentences : list of str
        NewsMTSC's ``sentence_normalized`` (Hamborg & Donnay, 2021), and the
        sentences of BASIL's articles (Fan et al., 2019) and PerSenT's dev
        documents (Bastan et al., 2020) as :func:`framing.text.split_sentences`
        splits each line, stripped; sentences of fewer than four words dropped;
        first occurrences kept, in file order.

    Raises
    ------
    FileNotFoundError
        If no data folder is found or one of the files is missing.
    """
    import pandas as pd

    from framing.corpus import load_corpus
    from framing.paths import shared_data_dir
    from framing.text import split_sentences

    root = Path(data_dir) if data_dir is not None else shared_data_dir()
    if root is None:
        raise FileNotFoundError(
            "text='news' reads real news sentences from the labelled datasets: set "
            "FRAMING_DATA_DIR to the folder holding newsmtsc/, basil/ and persent/")
    missing = [name for name in _NEWS_FILES if not (root / name).is_file()]
    if missing:
        raise FileNotFoundError(f"text='news': missing under {root}: {', '.join(missing)}")
    sentences = []
    for name in _NEWS_FILES[:3]:
        with open(root / name, encoding="utf-8") as fh:
            sentences += [json.loads(line)["sentence_normalized"] for line in fh if line.strip()]
    documents = [*load_corpus(root / _NEWS_FILES[3], format="basil")["text"],
                 *pd.read_csv(root / _NEWS_FILES[4])["DOCUMENT"].astype(str)]
    for document in documents:
        for line in document.split("\n"):
            sentences += [line[a:b] for a, b in split_sentences(line)]
    sentences = (s.strip() for s in sentences)
    return list(dict.fromkeys(s for s in sentences if len(s.split()) >= 4))


class _NewsPool:
    """Real news sentences split by whether they mention an actor of the registry."""

    def __init__(self, forms, data_dir=None):
        import re

        sentences = news_sentences(data_dir)
        # the registry's literal forms, whole words, case as written (as "US" needs)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(
            map(re.escape, sorted(set(forms), key=len, reverse=True))) + r")(?!\w)")
        counts = [len(pattern.findall(s)) for s in sentences]
        self.with_actor = [s for s, c in zip(sentences, counts) if c]
        self.without = [s for s, c in zip(sentences, counts) if not c]
        if not self.with_actor or not self.without:
            raise ValueError("text='news': no sentence mentions an actor of the registry")
        self.mentions_per_sentence = sum(counts) / len(self.with_actor)
        self.words_per_sentence = sum(s.count(" ") + 1 for s in sentences) / len(sentences)


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
    text: str = "made-up",
    data_dir=None,
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
    text : {'made-up', 'news'}, default='made-up'
        Body text from our templates, or from real news sentences (see the module
        docstring and :func:`news_sentences`). Titles are always made up.
    data_dir : str or os.PathLike, optional
        Folder of the labelled datasets for ``text="news"``.

    Yields
    ------
    article : dict
        ``article_id``, ``outlet``, ``published`` (ISO 8601 with offset),
        ``title``, ``text`` (paragraphs separated by blank lines), ``url``.
    """
    if text not in ("made-up", "news"):
        raise ValueError(f"text must be 'made-up' or 'news', not {text!r}")
    forms = actor_forms(registry)
    common = [f for f in forms if len(f.split()) == 1 and not f.isupper()] or forms
    pool = _NewsPool(forms, data_dir) if text == "news" else None
    words_per_sentence = pool.words_per_sentence if pool else _WORDS_PER_SENTENCE
    per_sentence = pool.mentions_per_sentence if pool else 1.0
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(start, start + n):
        rng = random.Random(random_state * 1_000_003 + i)
        target_words = int(n_words * rng.uniform(0.7, 1.3))
        # a made-up sentence has one mention or none, and the title has two
        n_sentences = max(1.0, target_words / words_per_sentence)
        p_actor = min(1.0, max(0, n_mentions - _TITLE_MENTIONS) / (n_sentences * per_sentence))
        paragraphs, para, words = [], [], 0
        while words < target_words:
            if pool:
                sentence = rng.choice(pool.with_actor if rng.random() < p_actor else pool.without)
            else:
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
        Passed to :func:`iter_articles` (``n_words``, ``n_mentions``, ``registry``,
        ``text``, ``data_dir``).

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
    parser.add_argument("--text", choices=("made-up", "news"), default="made-up",
                        help="body text from our templates or from real news sentences")
    args = parser.parse_args(argv)
    print(write_corpus(args.out, args.n, random_state=args.seed, text=args.text))


if __name__ == "__main__":
    main()
