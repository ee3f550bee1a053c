"""Tests for framing.quotes: quote detection, statements and their holders."""

import itertools
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import paths
from framing.exceptions import MissingColumnError
from framing.quotes import STATEMENT_COLUMNS, find_quotes, find_statements

SEED = paths.ROOT.parent / "shared" / "seeds" / "000_da70028304eaf38b.txt"


@pytest.fixture(scope="module")
def registry():
    actors = pytest.importorskip("framing.actors")
    return actors.load_actors()


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


def statements_of(registry, *texts):
    return find_statements(make_articles(*texts), registry)


# --------------------------------------------------------------------------- find_quotes
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no deal" twice.', ["no deal"]),
        ("He said “no deal” and “not now”.", ["no deal", "not now"]),
        ("Zelenskyy's team didn't sign the US' plan.", []),
        ("A US official called it 'short-sighted'.", ["short-sighted"]),
        (
            "“First paragraph.\n“Second paragraph,” he said.",
            ["First paragraph.\n“Second paragraph,"],
        ),
        ("\"Call it a 'sham' deal,\" he said.", ["Call it a 'sham' deal,"]),
        ('An unpaired " mark is ignored.', []),
    ],
    ids=[
        "straight",
        "curly-two",
        "apostrophes",
        "single-scare",
        "multi-paragraph",
        "single-inside-double",
        "unpaired",
    ],
)
def test_find_quotes(text, expected):
    assert [text[a + 1 : b] for a, b in find_quotes(text)] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab .,'\"“”‘’\n:")), max_size=120))
def test_find_quotes_spans_are_ordered_and_disjoint(text):
    quotes = find_quotes(text)
    for (a, b), (c, d) in itertools.pairwise(quotes):
        assert a < b < c < d
    assert all(0 <= a < b < len(text) for a, b in quotes)


# --------------------------------------------------------------------------- statements
def test_kremlin_and_us_statements_have_separate_holders(registry):
    text = (
        '"The sanctions are a disaster," the Kremlin spokesman said, '
        "but the US called them a success."
    )
    s = statements_of(registry, text)
    assert len(s) == 2
    first, second = s.iloc[0], s.iloc[1]
    assert (first.holder_id, first.holder_kind, first.kind) == (
        "russia",
        "unnamed_source",
        "direct",
    )
    assert first.speaker_text == "the Kremlin spokesman"
    assert (second.holder_id, second.kind, second.verb) == ("united_states", "reported", "called")
    assert "disaster" in first.content
    assert "disaster" not in second.content and "success" in second.content


def test_multi_sentence_quote_with_speaker_after(registry):
    text = "“We will not sign. The deal is not ready yet,” said Zelenskyy on Monday."
    s = statements_of(registry, text)
    assert len(s) == 1
    row = s.iloc[0]
    assert row.holder_id == "zelenskyy" and row.kind == "direct" and row.verb == "said"
    assert row.content.startswith("We will not sign.") and "not ready yet" in row.content


def test_pronoun_resolves_to_last_person_outside_quotes(registry):
    s = statements_of(
        registry,
        'Zelenskyy arrived in Munich. "We need guarantees," he said.',
        'Zelenskyy arrived in Munich. "Putin cannot be trusted," he said.',
    )
    assert s["holder_id"].tolist() == ["zelenskyy", "zelenskyy"]
    assert s["holder_kind"].tolist() == ["pronoun", "pronoun"]


@pytest.mark.parametrize(
    ("text", "holder_id", "holder_kind", "kind", "verb", "content_part"),
    [
        (
            'Zelenskyy said: "We need guarantees."',
            "zelenskyy",
            "named",
            "direct",
            "said",
            "We need guarantees",
        ),
        ('"The deal is dead," said Trump.', "trump", "named", "direct", "said", "deal is dead"),
        (
            "Trump told reporters that the deal was close.",
            "trump",
            "named",
            "reported",
            "told",
            "the deal was close",
        ),
        (
            "The deal is dead, Ukrainian officials said on Monday.",
            "ukraine",
            "unnamed_source",
            "reported",
            "said",
            "The deal is dead",
        ),
        (
            "According to US officials, the deal is close.",
            "united_states",
            "unnamed_source",
            "reported",
            "according to",
            "the deal is close",
        ),
        (
            "Minerals lie under Russian control, according to US officials.",
            "united_states",
            "unnamed_source",
            "reported",
            "according to",
            "Russian control",
        ),
        (
            "Putin warned that sanctions would fail.",
            "putin",
            "named",
            "reported",
            "warned",
            "sanctions would fail",
        ),
        (
            "Vance insisted the deal was fair.",
            "vance",
            "named",
            "reported",
            "insisted",
            "the deal was fair",
        ),
        (
            "A US official called Zelenskyy's response 'short-sighted'.",
            "united_states",
            "unnamed_source",
            "reported",
            "called",
            "'short-sighted'",
        ),
        (
            "Dmitry Peskov, the Kremlin spokesman, said the talks failed.",
            "russia",
            "named",
            "reported",
            "said",
            "the talks failed",
        ),
        (
            "Macron has repeatedly argued that Europe must pay.",
            "macron",
            "named",
            "reported",
            "argued",
            "Europe must pay",
        ),
        (
            "Bessent presented the plan, adding that it was fair.",
            "bessent",
            "named",
            "reported",
            "adding",
            "it was fair",
        ),
    ],
    ids=[
        "said-colon",
        "said-after",
        "told-that",
        "inverted-unnamed",
        "according-before",
        "according-after",
        "warned",
        "insisted",
        "called-scare-quote",
        "appositive",
        "aux-adverb",
        "participle",
    ],
)
def test_statement_patterns(registry, text, holder_id, holder_kind, kind, verb, content_part):
    s = statements_of(registry, text)
    assert len(s) == 1, s[["speaker_text", "verb", "content"]]
    row = s.iloc[0]
    assert (row.holder_id, row.holder_kind, row.kind, row.verb) == (
        holder_id,
        holder_kind,
        kind,
        verb,
    )
    assert content_part in row.content


def test_continued_quote_and_definite_source(registry):
    text = (
        'Zelenskyy spoke in Kyiv. "We need guarantees," he said, "and we need them now." '
        "A US official called the plan 'fair'. \"It is the best offer,\" the official said."
    )
    s = statements_of(registry, text)
    assert s["holder_id"].tolist() == ["zelenskyy", "zelenskyy", "united_states", "united_states"]
    assert s["kind"].tolist() == ["direct", "direct", "reported", "direct"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and the United States signed the deal on Friday.",
        'Kyiv presented its so-called "Victory Plan" in October.',
        "The support of the states was questioned.",
    ],
    ids=["united-states", "scare-quote-alone", "nouns"],
)
def test_no_statement(registry, text):
    assert statements_of(registry, text).empty


def test_headline_attribution(registry):
    articles = make_articles("", title="Zelenskyy: 'We need guarantees'")
    s = find_statements(articles, registry)
    assert len(s) == 1
    assert (s.iloc[0].field, s.iloc[0].holder_id, s.iloc[0].kind) == (
        "title",
        "zelenskyy",
        "direct",
    )
    assert s.iloc[0].content == "We need guarantees"


def test_seed_article_holders(registry):
    if not SEED.is_file():
        pytest.skip(f"seed article not available at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    s = find_statements(make_articles(body, title=title), registry)
    called = s[s["content"].str.contains("short-sighted", regex=False)]
    assert not called.empty
    first = called.iloc[0]
    assert (first.holder_id, first.verb) == ("united_states", "called")
    assert "Zelenskyy" in first.content
    own = s[s["content"].str.startswith("I didn")]
    assert len(own) == 1
    assert (own.iloc[0].holder_id, own.iloc[0].kind) == ("zelenskyy", "direct")
    # every content span indexes its field
    for row in s.itertuples():
        field = body if row.field == "text" else title
        assert field[row.start : row.end] == row.content
        assert field[row.speaker_start : row.speaker_end] == row.speaker_text


# --------------------------------------------------------------------------- table contract
def test_schema_and_spans(registry):
    texts = ['"A," he said.', "Trump said the deal was close.", "No quotes here."]
    s = statements_of(registry, *texts)
    assert tuple(s.columns) == STATEMENT_COLUMNS
    assert s["statement_id"].is_unique
    for row in s.itertuples():
        text = texts[int(row.article_id[1:])]
        assert text[row.start : row.end] == row.content
        assert 0 <= row.start < row.end <= len(text)
    assert set(s["kind"]) <= {"direct", "reported"}
    assert set(s["holder_kind"]) <= {"named", "unnamed_source", "pronoun"}


def test_empty_result_keeps_columns(registry):
    s = statements_of(registry, "Nothing is said here.")
    assert s.empty and tuple(s.columns) == STATEMENT_COLUMNS


def test_precomputed_mentions_are_used():
    mentions = pd.DataFrame(
        {
            "article_id": ["t0"],
            "field": ["text"],
            "start": [0],
            "end": [4],
            "actor_id": ["acme"],
            "kind": ["name"],
        }
    )
    s = find_statements(
        make_articles("Acme said the deal was good."), mentions=mentions, is_person=lambda _: False
    )
    assert s["holder_id"].tolist() == ["acme"]


def test_missing_column_raises():
    bad = make_articles("Trump said so.").drop(columns="text")
    with pytest.raises(MissingColumnError, match="'text'"):
        find_statements(bad, mentions=pd.DataFrame(), is_person=bool)


def test_single_string_raises_type_error():
    with pytest.raises(TypeError, match="DataFrame"):
        find_statements("Trump said so.", mentions=pd.DataFrame(), is_person=bool)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Trump said",
                " that",
                ' "deal',
                '," he said',
                ". ",
                "According to officials",
                ", ",
                "Kyiv",
                " warned",
                "'scare'",
                "“",
                "”",
                "\n",
                " the official stated",
                ", adding that",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_any_text_gives_valid_spans(text):
    empty = pd.DataFrame(
        {c: [] for c in ("article_id", "field", "start", "end", "actor_id", "kind")}
    )
    s = find_statements(make_articles(text), mentions=empty, is_person=lambda _: False)
    for row in s.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.content
        assert 0 <= row.speaker_start < row.speaker_end <= len(text)


def test_runtime_is_linear_on_long_text():
    empty = pd.DataFrame(
        {c: [] for c in ("article_id", "field", "start", "end", "actor_id", "kind")}
    )
    unit = (
        '"The deal is dead," the official said. Trump said that Kyiv "agreed. '
        "It's a 'sham', according to aides, but Moscow warned otherwise.\n"
    )

    def run(n):
        t0 = time.process_time()  # CPU time, so other load on the machine does not count
        s = find_statements(make_articles(unit * n), mentions=empty, is_person=lambda _: False)
        return time.process_time() - t0, len(s)

    t_small, n_small = run(200)
    t_large, n_large = run(800)
    assert n_large >= 3.9 * n_small
    assert t_large < 12 * t_small + 0.5  # 4x the text: far below quadratic (16x)


def test_registry_path_is_accepted(registry):
    s = find_statements(make_articles('Zelenskyy arrived. "No," he said.'), paths.DEFAULT_ACTORS)
    assert s[["holder_id", "holder_kind"]].values.tolist() == [["zelenskyy", "pronoun"]]


def _docvars_as_before(articles, statements):
    """The statements table with its docvars made as before they were taken by row:
    the articles' values in the statement rows, inferred by from_records, then cast."""
    row_of = {str(a): k for k, a in enumerate(articles["article_id"].tolist())}
    rows = [row_of[sid.rsplit("/", 2)[0]] for sid in statements["statement_id"]]
    docvars = {c: articles[c].tolist() for c in ("article_id", "outlet", "published")}
    rest = statements.drop(columns=["article_id", "outlet", "published"])
    records = [
        (docvars["article_id"][r], docvars["outlet"][r], docvars["published"][r], *other)
        for r, other in zip(rows, rest.itertuples(index=False, name=None), strict=True)
    ]
    df = pd.DataFrame.from_records(records, columns=list(STATEMENT_COLUMNS))
    for c in ("start", "end", "speaker_start", "speaker_end"):
        df[c] = df[c].astype("int64")
    for c in ("article_id", "outlet", "published"):
        try:
            df[c] = df[c].astype(articles[c].dtype)
        except (TypeError, ValueError):
            pass
    return df


def test_statement_docvars_equal_the_inferred_and_cast_values():
    text = 'Officials said the talks failed. "We will not yield," Zelenskyy said.'
    base = make_articles(text, text, text, "No speech here.")
    variants = {
        "int ids": {"article_id": [3, 1, 2, 7]},
        "mixed object ids": {"article_id": pd.Series([3, "b", 2.5, "d"], dtype=object)},
        "categorical outlet": {"outlet": pd.Categorical(["a", "b", "a", None])},
        "object outlet with None": {"outlet": pd.Series(["a", None, "b", "c"], dtype=object)},
        "object ints outlet": {"outlet": pd.Series([1, 2, 3, 4], dtype=object)},
        "naive dates": {"published": pd.to_datetime(["2024-01-01", None, "2024-01-03",
                                                     "2024-01-04"])},
        "date strings": {"published": pd.Series(["2024-01-01", None, "x", "y"], dtype=object)},
        "nullable ints": {"outlet": pd.array([1, None, 3, 4], dtype="Int64")},
        "floats": {"published": [1.5, float("nan"), 2.0, 3.0]},
    }
    no_mentions = pd.DataFrame(columns=["article_id", "field", "start", "end", "actor_id", "kind"])
    for name, columns in variants.items():
        articles = base.assign(**columns)
        for subset in (articles, articles.iloc[[3]], articles.iloc[:0]):  # and no statements
            got = find_statements(subset, mentions=no_mentions, is_person=lambda a: False)
            assert len(got) or subset is not articles, name
            pd.testing.assert_frame_equal(got, _docvars_as_before(subset, got), obj=name)
