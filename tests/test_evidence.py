"""Tests for framing.evidence: the mentions behind a cell, highlighting, HTML escaping, CLI."""

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.commands.evidence import evidence as evidence_command
from framing.evidence import evidence_html, find_evidence, highlight_mention, read_mentions
from framing.exceptions import UnknownActorError


@pytest.fixture(scope="module")
def scored(tiny_corpus_path):
    from framing.actors import find_mentions, load_actors
    from framing.corpus import load_corpus
    from framing.scorers import get_scorer, score_mentions

    articles = load_corpus(tiny_corpus_path)
    actors = load_actors(tiny_corpus_path.parent / "actors_tiny.yml")
    return score_mentions(find_mentions(articles, actors), get_scorer("textblob").fit([]))


def test_find_evidence_selects_the_cell(scored):
    ev = find_evidence(scored, outlet="Harbour Post", actor="ukraine")
    expected = ((scored.outlet == "Harbour Post") & (scored.actor_id == "ukraine")).sum()
    assert len(ev) == expected > 0
    assert (ev["outlet"] == "Harbour Post").all() and (ev["actor_id"] == "ukraine").all()
    # the marked span is the mention's surface, at the mention's own offset
    for row in ev.itertuples():
        assert row.sentence[row.mention_start:row.mention_end] == row.surface
        assert f"[[{row.surface}]]" in row.context
    assert ev["published"].is_monotonic_increasing


def test_find_evidence_marks_the_right_occurrence():
    # "Kyiv" twice in one sentence: the second one is the mention
    df = pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "actor_id": ["ukraine"],
                       "sentence": ["Kyiv said Kyiv would wait."], "surface": ["Kyiv"],
                       "start": [15], "end": [19], "sentence_start": [5], "polarity": [0.1]})
    marked = highlight_mention(df)
    assert marked["context"].iloc[0] == "Kyiv said [[Kyiv]] would wait."
    assert marked["mention_start"].iloc[0] == 10


def test_find_evidence_by_period(scored):
    march = find_evidence(scored, period="2025-03")
    assert (pd.to_datetime(march["published"]).dt.month == 3).all()
    assert len(find_evidence(scored, period="2025-02")) + len(march) <= len(scored)
    day = scored["published"].dropna().iloc[0]
    on_day = find_evidence(scored, period=day.strftime("%Y-%m-%d"))
    assert len(on_day) >= 1
    week = day.isocalendar()
    in_week = find_evidence(scored, period=f"{week.year}-W{week.week:02d}")
    assert len(in_week) >= len(on_day)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"outlet": "Harbor Post"}, ValueError, "Harbor Post.*Harbour Post"),
        ({"actor": "zelensky"}, UnknownActorError, "zelensky"),
        ({"period": "March 2025"}, ValueError, "'period'"),
    ],
    ids=["outlet", "actor", "period"],
)
def test_find_evidence_errors(scored, kwargs, error, match):
    with pytest.raises(error, match=match):
        find_evidence(scored, **kwargs)


def test_evidence_html_escapes_corpus_text():
    sentence = "<script>alert(1)</script> & Kyiv"
    start = sentence.index("Kyiv")
    table = pd.DataFrame({"outlet": ["<i>o</i>"], "polarity": [-0.25], "sentence": [sentence],
                          "mention_start": [start], "mention_end": [start + 4]})
    html = evidence_html(table)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;i&gt;o&lt;/i&gt;" in html
    assert "<mark>Kyiv</mark>" in html
    assert "\u22120.250" in html


def test_evidence_command_writes_csv(tmp_path, scored):
    scored.to_parquet(tmp_path / "mentions.parquet")
    assert len(read_mentions(tmp_path / "mentions.parquet")) == len(scored)
    out = tmp_path / "ev.csv"
    res = CliRunner().invoke(evidence_command, [str(tmp_path / "mentions.parquet"),
                                                "--outlet", "Harbour Post",
                                                "--actor", "ukraine", "--out", str(out)])
    assert res.exit_code == 0, res.output
    written = pd.read_csv(out)
    assert len(written) == len(find_evidence(scored, outlet="Harbour Post", actor="ukraine"))
    assert written["context"].str.contains(r"\[\[").all()
    res = CliRunner().invoke(evidence_command, [str(tmp_path / "mentions.parquet"),
                                                "--actor", "nobody"])
    assert res.exit_code == 1 and "error: Unknown actor id 'nobody'" in res.output
    with pytest.raises(FileNotFoundError, match="mentions"):
        read_mentions(tmp_path / "data" / "missing_dir")


def test_evidence_reads_a_report_dataset(tmp_path, tiny_corpus_path):
    from framing.study import prepare_dataset

    prepare_dataset(tiny_corpus_path, tmp_path / "report" / "data")
    for source in (tmp_path / "report", tmp_path / "report" / "data"):
        got = read_mentions(source)
        assert len(got) > 0 and {"polarity", "stance", "sentence"} <= set(got.columns)


def test_explore_evidence_builds_pickers_for_every_outlet_and_actor():
    widgets = pytest.importorskip("ipywidgets")
    from framing.evidence import explore_evidence

    scored = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "outlet": ["Kyiv Ledger", "Northwire"],
            "actor_id": ["zelenskyy", "trump"],
            "published": pd.to_datetime(["2025-03-01", "2025-03-02"], utc=True),
            "sentence": ["Zelenskyy spoke.", "Trump replied."],
            "start": [0, 0],
            "end": [9, 5],
            "sentence_start": [0, 0],
            "surface": ["Zelenskyy", "Trump"],
            "polarity": [0.2, -0.1],
            "label": ["positive", "negative"],
        }
    )
    box = explore_evidence(scored)
    assert isinstance(box, widgets.VBox)
    group_picker, actor_picker, period_picker = box.children[0].children
    size_picker, page_picker = box.children[1].children
    assert list(group_picker.options) == ["Kyiv Ledger", "Northwire"]
    assert list(actor_picker.options) == ["trump", "zelenskyy"]
    assert list(period_picker.options) == ["all", "2025-03"]
    # the first cell shown is one that has mentions, and the note explains the label
    assert (group_picker.value, actor_picker.value) in {("Kyiv Ledger", "zelenskyy"),
                                                        ("Northwire", "trump")}
    assert "1 mentions" in box.children[2].value and "most probable class" in box.children[2].value


def test_explore_evidence_pages_through_many_rows():
    pytest.importorskip("ipywidgets")
    from framing.evidence import explore_evidence

    n = 60
    scored = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)], "outlet": ["Wire"] * n,
        "actor_id": ["trump"] * n,
        "published": pd.to_datetime(["2025-03-01"] * 30 + ["2025-04-01"] * 30, utc=True),
        "sentence": ["Trump replied."] * n, "start": [0] * n, "end": [5] * n,
        "sentence_start": [0] * n, "surface": ["Trump"] * n, "polarity": [0.1] * n,
        "label": ["neutral"] * n,
    })
    box = explore_evidence(scored, page_size=25)
    _, _, period_picker = box.children[0].children
    size_picker, page_picker = box.children[1].children
    assert page_picker.max == 3 and "rows 1–25" in box.children[2].value
    page_picker.value = 3
    assert "rows 51–60" in box.children[2].value
    period_picker.value = "2025-04"
    assert page_picker.value == 1 and page_picker.max == 2
    assert "30 mentions" in box.children[2].value
