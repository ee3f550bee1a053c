"""Tests for framing.stance: holder -> target stance for every mention."""

import numpy as np
import pandas as pd
import pytest

from framing import paths
from framing.exceptions import MissingColumnError
from framing.quotes import find_statements
from framing.scorers.base import BaseScorer, as_targets
from framing.stance import (
    JOURNALIST,
    STANCE_COLUMNS,
    STANCE_LABELS,
    load_stance_lexicon,
    score_stance,
)

SEED = paths.ROOT.parent / "shared" / "seeds" / "000_da70028304eaf38b.txt"


@pytest.fixture(scope="module")
def actors_mod():
    return pytest.importorskip("framing.actors")


@pytest.fixture(scope="module")
def registry(actors_mod):
    return actors_mod.load_actors()


def make_articles(*texts, title=""):
    return pd.DataFrame(
        {
            "article_id": [f"t{i}" for i in range(len(texts))],
            "outlet": "Test Wire",
            "published": pd.Timestamp("2025-02-15", tz="UTC"),
            "title": title,
            "text": list(texts),
        }
    )


def stance_of(actors_mod, registry, *texts, articles=None, **kwargs):
    articles = make_articles(*texts) if articles is None else articles
    mentions = actors_mod.find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    return score_stance(articles, mentions, statements, actors=registry, **kwargs)


def row(table, surface, article="t0"):
    hit = table[(table["surface"] == surface) & (table["article_id"] == article)]
    assert len(hit) == 1, f"expected one mention {surface!r} in {article}, got {len(hit)}"
    return hit.iloc[0]


# --------------------------------------------------------------------------- the brief's cases
def test_quoted_voices_do_not_leak(actors_mod, registry):
    text = (
        '"The sanctions are a disaster," the Kremlin spokesman said, '
        "but the US called them a success."
    )
    s = stance_of(actors_mod, registry, text)
    for surface in ("Kremlin", "US"):
        r = row(s, surface)
        assert (r.holder_id, r.stance, r.stance_score) == (JOURNALIST, "none", 0.0)
    assert not (s["stance"] == "against").any()  # 'disaster' is nobody's stance toward the US


def test_nobody_in_washington_trusts_the_kremlin(actors_mod, registry):
    s = stance_of(actors_mod, registry, "Nobody in Washington trusts the Kremlin.")
    kremlin = row(s, "Kremlin")
    assert (kremlin.holder_id, kremlin.stance) == ("united_states", "against")
    assert kremlin.stance_score < 0
    washington = row(s, "Washington")
    assert (washington.holder_id, washington.stance) == (JOURNALIST, "none")


def test_coordinated_attitude_verbs(actors_mod, registry):
    s = stance_of(
        actors_mod, registry, "Washington praised Kyiv's resolve but condemned Moscow's strikes."
    )
    kyiv, moscow = row(s, "Kyiv"), row(s, "Moscow")
    assert (kyiv.holder_id, kyiv.stance) == ("united_states", "favor")
    assert (moscow.holder_id, moscow.stance) == ("united_states", "against")
    assert pd.isna(kyiv.statement_id) and pd.isna(moscow.statement_id)


def test_seed_article_short_sighted(actors_mod, registry):
    if not SEED.is_file():
        pytest.skip(f"seed article not available at {SEED}")
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    articles = make_articles(body, title=title)
    mentions = actors_mod.find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    s = score_stance(articles, mentions, statements, actors=registry)
    called = statements[statements["content"].str.contains("short-sighted", regex=False)].iloc[0]
    target = s[(s["statement_id"] == called.statement_id) & (s["actor_id"] == "zelenskyy")]
    assert len(target) == 1
    assert (target.iloc[0].holder_id, target.iloc[0].stance) == ("united_states", "against")
    own = statements[statements["content"].str.startswith("I didn")].iloc[0]
    assert own.holder_id == "zelenskyy"


# --------------------------------------------------------------------------- voices and cues
@pytest.mark.parametrize(
    ("text", "surface", "holder_id", "stance"),
    [
        ('"Putin is a liar," Zelenskyy said.', "Putin", "zelenskyy", "against"),
        ('"Putin is a liar," Zelenskyy said.', "Zelenskyy", JOURNALIST, "none"),
        ("Putin is a brutal dictator.", "Putin", JOURNALIST, "against"),
        ("Washington does not trust Moscow.", "Moscow", "united_states", "against"),
        ("Zelenskyy arrived. He praised Macron.", "Macron", "zelenskyy", "favor"),
        ('Zelenskyy said: "We trust Macron."', "Macron", "zelenskyy", "favor"),
        ("Trump met Putin in Alaska.", "Putin", JOURNALIST, "none"),
        ("Putin was praised by Trump.", "Putin", JOURNALIST, "none"),
        (
            "Trump called Putin's plan a disaster, but Macron is brave.",
            "Macron",
            JOURNALIST,
            "favor",
        ),
    ],
    ids=[
        "quoted-target",
        "quoting-speaker",
        "journalist-voice",
        "negated-verb",
        "pronoun-subject",
        "we-in-quote",
        "no-cue",
        "passive-skipped",
        "clause-window",
    ],
)
def test_holder_and_stance(actors_mod, registry, text, surface, holder_id, stance):
    r = row(stance_of(actors_mod, registry, text), surface)
    assert (r.holder_id, r.stance) == (holder_id, stance), r.stance_cues


def test_statement_id_links_to_statements(actors_mod, registry):
    articles = make_articles('"Putin is a liar," Zelenskyy said.')
    mentions = actors_mod.find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    s = score_stance(articles, mentions, statements)
    putin = row(s, "Putin")
    assert putin.statement_id == statements.iloc[0].statement_id
    assert putin.holder_kind == "named" and "liar" in putin.stance_cues


# --------------------------------------------------------------------------- table contract
def test_schema_range_and_order(actors_mod, registry):
    texts = [
        "Washington praised Kyiv but condemned Moscow.",
        '"Trump is wrong," Vance said.',
        "Ukraine, Russia and the EU met.",
        "Zelenskyy is not corrupt.",
    ]
    articles = make_articles(*texts)
    mentions = actors_mod.find_mentions(articles, registry)
    mentions.index = mentions.index + 100  # index is preserved, not reset
    statements = find_statements(articles, registry, mentions=mentions)
    s = score_stance(articles, mentions, statements)
    assert list(s.columns) == list(mentions.columns) + list(STANCE_COLUMNS)
    assert s.index.equals(mentions.index)
    assert s["stance_score"].between(-1, 1).all()
    assert set(s["stance"]) <= set(STANCE_LABELS)
    assert ((s["stance"] == "favor") == (s["stance_score"] > 0.1)).all()
    assert ((s["stance"] == "against") == (s["stance_score"] < -0.1)).all()


def test_empty_tables(actors_mod, registry):
    articles = make_articles("No actors here.")
    mentions = actors_mod.find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    s = score_stance(articles, mentions, statements)
    assert s.empty and list(s.columns)[-len(STANCE_COLUMNS) :] == list(STANCE_COLUMNS)


def test_missing_column_and_bad_band(actors_mod, registry):
    articles = make_articles("Trump said so.")
    mentions = actors_mod.find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    with pytest.raises(MissingColumnError, match="holder_id"):
        score_stance(articles, mentions, statements.drop(columns="holder_id"))
    with pytest.raises(ValueError, match="neutral_band"):
        score_stance(articles, mentions, statements, neutral_band=1.5)
    with pytest.raises(TypeError, match="DataFrame"):
        score_stance(articles, mentions.to_dict(), statements)


class ConstantScorer(BaseScorer):
    """Scores every target with the same polarity (test double)."""

    name = "constant"

    def __init__(self, value=0.5):
        self.value = value

    def score(self, X):
        targets = as_targets(X)
        return pd.DataFrame({"polarity": np.full(len(targets), self.value), "label": "positive"})


def test_scorer_fills_clauses_without_cues(actors_mod, registry):
    texts = ["Trump met Putin in Alaska.", "Putin is a brutal dictator."]
    s = stance_of(actors_mod, registry, *texts, scorer=ConstantScorer(0.5).fit([]))
    no_cue = row(s, "Putin", "t0")
    assert (no_cue.stance, no_cue.stance_score) == ("favor", 0.5)
    with_cue = row(s, "Putin", "t1")
    assert with_cue.stance == "against"  # explicit lexicon evidence wins over the scorer


def test_textblob_scorer_by_name(actors_mod, registry):
    from framing.exceptions import UnknownScorerError

    try:
        s = stance_of(actors_mod, registry, "Trump met Putin in Alaska.", scorer="textblob")
    except UnknownScorerError:
        pytest.skip("the 'textblob' scorer is not registered yet")
    assert s["stance_score"].between(-1, 1).all()


# --------------------------------------------------------------------------- lexicon
def test_default_lexicon_loads():
    lex = load_stance_lexicon()
    assert lex.verbs["praised"] > 0 > lex.verbs["condemned"]
    assert lex.terms["short-sighted"] < 0
    assert all(-1 <= w <= 1 for w in [*lex.verbs.values(), *lex.terms.values()])


def test_lexicon_is_read_once_however_its_path_is_written(tmp_path, monkeypatch):
    # score_stance asks for load_stance_lexicon(None) and the fork server's preload for
    # load_stance_lexicon(): one cached object, or every worker reads the YAML again
    from framing.stance import DEFAULT_LEXICON

    lex = load_stance_lexicon()
    assert load_stance_lexicon(None) is lex
    assert load_stance_lexicon(str(DEFAULT_LEXICON)) is lex
    own = tmp_path / "lex.yml"
    own.write_text("verbs: {praised: 0.5}\nterms: {}\nnegators: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_stance_lexicon("lex.yml") is load_stance_lexicon(own)
    assert load_stance_lexicon(own) is not lex


def test_malformed_lexicon_names_file_and_entry(tmp_path):
    bad = tmp_path / "lex.yml"
    bad.write_text("verbs: {praised: 3}\nterms: {}\nnegators: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lex\.yml.*verbs\.praised"):
        load_stance_lexicon(bad)
    missing = tmp_path / "missing.yml"
    missing.write_text("verbs: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'terms'"):
        load_stance_lexicon(missing)
