"""Tests for framing.voice (voice shares, voice sentiment, stance network) and its figures."""

import numpy as np
import pandas as pd
import pytest

from framing.exceptions import MissingColumnError
from framing.voice import (
    EDGE_COLUMNS,
    SHARE_COLUMNS,
    add_voice,
    stance_network,
    voice_sentiment,
    voice_share,
)


# --------------------------------------------------------------------------- helpers
def make_statements():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "a3", "a4"],
            "outlet": ["X", "X", "X", "Y", "Y", "Y"],
            "published": pd.to_datetime(
                ["2025-02-03", "2025-02-03", "2025-03-10", "2025-02-04", "2025-02-04", None],
                utc=True,
            ),
            "holder_id": ["russia", "usa", "russia", "usa", "unknown", "usa"],
            "kind": ["direct", "reported", "reported", "direct", "reported", "direct"],
        }
    )


def make_stance():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a3", "a3", "a4", "a4"],
            "outlet": ["X", "X", "X", "X", "Y", "Y", "Y", "Y"],
            "field": "text",
            "start": [0, 10, 0, 10, 0, 10, 0, 10],
            "end": [5, 15, 5, 15, 5, 15, 5, 15],
            "actor_id": [
                "ukraine",
                "russia",
                "ukraine",
                "russia",
                "ukraine",
                "usa",
                "russia",
                "ukraine",
            ],
            "holder_id": [
                "usa",
                "usa",
                "usa",
                "journalist",
                "journalist",
                "usa",
                "unknown",
                "russia",
            ],
            "stance": ["favor", "against", "favor", "none", "none", "favor", "against", "against"],
            "stance_score": [0.8, -0.6, 0.4, 0.0, 0.0, 0.5, -0.7, -0.9],
            "polarity": [0.5, -0.2, 0.3, -0.4, 0.1, 0.2, -0.3, -0.5],
            "label": "neutral",
        }
    )


# --------------------------------------------------------------------------- voice_share
@pytest.mark.parametrize(
    ("by", "period", "include_unknown"),
    [
        (("outlet",), None, True),
        (("outlet",), None, False),
        ((), None, True),
        (("outlet",), "month", True),
    ],
    ids=["outlet", "outlet-known-only", "corpus", "outlet-month"],
)
def test_voice_share_sums_to_one_per_group(by, period, include_unknown):
    table = voice_share(make_statements(), by=by, period=period, include_unknown=include_unknown)
    keys = [*by, *(["period"] if period else [])]
    sums = table.groupby(keys)["share"].sum() if keys else pd.Series([table["share"].sum()])
    np.testing.assert_allclose(sums.to_numpy(), 1.0)
    np.testing.assert_allclose(table["share_direct"] + table["share_reported"], table["share"])
    assert list(table.columns) == [*keys, "holder_id", *SHARE_COLUMNS]
    assert include_unknown or "unknown" not in set(table["holder_id"])


def test_voice_share_counts():
    table = voice_share(make_statements())
    x = table[table["outlet"] == "X"].set_index("holder_id")
    assert x.loc[
        "russia", ["n_statements", "n_direct", "n_reported", "n_articles", "n_group"]
    ].tolist() == [2, 1, 1, 2, 3]
    assert table["holder_id"].tolist()[0] == "russia"  # most quoted first in its group
    # undated statements are left out of a period view
    monthly = voice_share(make_statements(), period="month")
    assert monthly["n_statements"].sum() == len(make_statements()) - 1


def test_voice_share_joins_group_columns_from_articles():
    st = make_statements().drop(columns="outlet")
    articles = pd.DataFrame(
        {"article_id": ["a1", "a2", "a3", "a4"], "leaning": ["left", "left", "right", "right"]}
    )
    table = voice_share(st, articles, by="leaning")
    assert set(table["leaning"]) == {"left", "right"}
    with pytest.raises(MissingColumnError, match="leaning"):
        voice_share(st, by="leaning")


def test_voice_share_rejects_bad_input():
    with pytest.raises(MissingColumnError, match="kind"):
        voice_share(make_statements().drop(columns="kind"))
    with pytest.raises(ValueError, match="'period' parameter of voice_share"):
        voice_share(make_statements(), period="year")
    with pytest.raises(TypeError, match="DataFrame"):
        voice_share([1, 2])


# --------------------------------------------------------------------------- voice_sentiment
def test_voice_sentiment_splits_journalist_and_quoted():
    table = voice_sentiment(make_stance(), by=("outlet", "actor_id"), n_bootstrap=50)
    assert set(table["voice"]) == {"journalist", "quoted"}
    row = table[(table.outlet == "X") & (table.actor_id == "russia")].set_index("voice")
    assert row.loc["journalist", "mean"] == pytest.approx(-0.4)
    assert row.loc["quoted", "mean"] == pytest.approx(-0.2)
    ukr = table[(table.outlet == "X") & (table.actor_id == "ukraine")]
    assert ukr["voice"].tolist() == ["quoted"] and ukr["n_mentions"].item() == 2


def test_voice_sentiment_joins_scores_by_mention_span():
    stance = make_stance()
    scored = stance[["article_id", "field", "start", "end", "actor_id", "polarity"]]
    direct = voice_sentiment(stance, n_bootstrap=0)
    joined = voice_sentiment(stance.drop(columns="polarity"), scored, n_bootstrap=0)
    pd.testing.assert_frame_equal(direct, joined)
    with pytest.raises(MissingColumnError, match="polarity"):
        add_voice(stance.drop(columns="polarity"))


# --------------------------------------------------------------------------- stance_network
@pytest.mark.parametrize("min_n", [1, 2, 3])
def test_stance_network_edges_respect_min_n_and_range(min_n):
    edges = stance_network(make_stance(), min_n=min_n, n_bootstrap=100)
    assert list(edges.columns) == ["outlet", *EDGE_COLUMNS]
    assert (edges["n"] >= min_n).all()
    assert edges["mean"].between(-1, 1).all()
    assert not edges["holder_id"].isin(["journalist", "unknown"]).any()
    assert (edges["holder_id"] != edges["target_id"]).all()


def test_stance_network_values():
    edges = stance_network(make_stance(), n_bootstrap=200)
    x = edges[(edges.outlet == "X") & (edges.holder_id == "usa") & (edges.target_id == "ukraine")]
    assert x[["n", "n_articles"]].iloc[0].tolist() == [2, 2]
    assert x["mean"].item() == pytest.approx(0.6)
    assert x["ci_low"].item() <= 0.6 <= x["ci_high"].item()
    assert x["share_favor"].item() == 1.0  # from 'stance', not the sentiment 'label' column
    with_j = stance_network(make_stance(), include_journalist=True, n_bootstrap=0)
    assert "journalist" in set(with_j["holder_id"])


def test_categorical_tables_give_the_same_network_and_voices():
    """framing.open_study reads text as categoricals (holder and actor: different categories)."""
    plain = make_stance()
    text = [c for c in plain.columns if plain[c].dtype == object or str(plain[c].dtype) == "str"]
    cats = plain.astype({c: "category" for c in text})
    for self_loops in (False, True):
        pd.testing.assert_frame_equal(
            stance_network(cats, n_bootstrap=50, self_loops=self_loops),
            stance_network(plain, n_bootstrap=50, self_loops=self_loops), check_dtype=False)
    pd.testing.assert_frame_equal(voice_sentiment(cats, n_bootstrap=50),
                                  voice_sentiment(plain, n_bootstrap=50), check_dtype=False)


def test_stance_network_rejects_bad_min_n():
    with pytest.raises(ValueError, match="'min_n' parameter of stance_network"):
        stance_network(make_stance(), min_n=0)
    with pytest.raises(MissingColumnError, match="stance_score"):
        stance_network(make_stance().drop(columns="stance_score"))


# --------------------------------------------------------------------------- end to end
@pytest.fixture(scope="module")
def registry():
    return pytest.importorskip("framing.actors").load_actors()


def pipeline(registry, *texts):
    from framing.actors import find_mentions
    from framing.quotes import find_statements
    from framing.stance import score_stance

    articles = pd.DataFrame(
        {
            "article_id": [f"t{i}" for i in range(len(texts))],
            "outlet": "Test Wire",
            "published": pd.Timestamp("2025-02-15", tz="UTC"),
            "title": "",
            "text": list(texts),
        }
    )
    mentions = find_mentions(articles, registry)
    statements = find_statements(articles, registry, mentions=mentions)
    return articles, statements, score_stance(articles, mentions, statements, actors=registry)


def test_issue_cases_become_network_edges(registry):
    _, statements, stance = pipeline(
        registry,
        "Washington praised Kyiv's resolve but condemned Moscow's strikes.",
        '"The sanctions are a disaster," the Kremlin spokesman said, but the US called them '
        "a success.",
    )
    edges = stance_network(stance, n_bootstrap=0).set_index(["holder_id", "target_id"])
    us = next(i for i in registry.ids if i in ("united_states", "usa", "us"))
    assert edges.loc[(us, "ukraine"), "mean"] > 0
    assert edges.loc[(us, "russia"), "mean"] < 0
    shares = voice_share(statements)
    assert set(shares["holder_id"]) >= {"russia", us}
    np.testing.assert_allclose(shares["share"].sum(), 1.0)


# --------------------------------------------------------------------------- figures
def test_plot_voice_share(pyplot, tmp_path):
    from framing import plotting

    table = voice_share(make_statements())
    ax = plotting.plot_voice_share(table, top_n=2)
    # one 100% bar per outlet; segments: the top 2 holders and the pooled rest
    assert [t.get_text() for t in ax.get_yticklabels()] == ["X (n=3)", "Y (n=3)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["usa", "russia",
                                                                   "other holders"]
    assert len(ax.patches) == 3 * 2 * 2  # segments x outlets x (direct, reported)
    widths = {}
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2)
        widths[y] = widths.get(y, 0) + patch.get_width()
    assert widths == pytest.approx({0: 1.0, 1: 1.0})  # shares of each outlet sum to 1
    assert "Share" in ax.get_xlabel()
    paths = plotting.save_figure(ax.figure, "fig07_voice_share", data=table, out_dir=tmp_path)
    assert paths["pdf"].stat().st_size > 0
    with pytest.raises(ValueError, match="empty"):
        plotting.plot_voice_share(table.iloc[:0])


def test_plot_stance_network(pyplot, tmp_path):
    from framing import plotting

    edges = stance_network(make_stance(), n_bootstrap=0)
    one = edges[edges.outlet == "X"]
    ax = plotting.plot_stance_network(one, actor_labels={"usa": "United States"})
    assert len(ax.patches) == len(one)  # one arrow per edge
    assert "United States" in [t.get_text() for t in ax.texts]
    assert f"n={int(one['n'].sum())}" in ax.get_title()
    assert len(ax.figure.axes) == 2  # the colorbar
    fig = plotting.plot_stance_network_grid(edges)
    assert sum(len(a.patches) for a in fig.axes) == len(edges)
    plotting.save_figure(fig, "fig08_stance_network", data=edges, out_dir=tmp_path)
    assert (tmp_path / "fig08_stance_network.csv").exists()
    with pytest.raises(ValueError, match="no edge"):
        plotting.plot_stance_network_grid(edges.iloc[:0])


def test_network_node_labels_use_the_room_towards_the_panel_edge(pyplot):
    """Six panels of eight nodes: a name beside an upper-left node stays whole."""
    from framing import plotting

    labels = {"a": "Alpha", "b": "Bravo", "c": "Charlie Delta", "d": "Echo",
              "e": "Foxtrot", "f": "Golf", "g": "Hotel", "z": "Volodymyr Zelenskyy"}
    ids = sorted(labels)
    edges = pd.DataFrame([{"outlet": f"Outlet {g}", "holder_id": h, "target_id": t, "n": 4,
                           "mean": 0.1} for g in range(6) for h, t in zip(ids, ids[1:] + ids[:1])])
    fig = plotting.plot_stance_network_grid(edges, actor_labels=labels, view="network")
    fig.draw_without_rendering()
    panels = [a for a in fig.axes if a.texts]
    assert len(panels) == 6
    for ax in panels:
        texts = [t.get_text() for t in ax.texts]
        # z is the last of eight nodes: upper left, its label runs left to the edge
        assert "Volodymyr\nZelenskyy" in texts or "Volodymyr Zelenskyy" in texts
        assert not any(t.endswith("\u2026") for t in texts)
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in ax.texts]
        panel = ax.get_window_extent(renderer)
        assert all(b.x0 >= panel.x0 - 1 and b.x1 <= panel.x1 + 1 for b in boxes)
        assert not any(b1.overlaps(b2) for i, b1 in enumerate(boxes) for b2 in boxes[i + 1:])


@pytest.mark.parametrize("n_groups", [3, 8])
def test_stance_matrix_pair_labels_keep_both_names(pyplot, n_groups):
    import warnings

    from framing import plotting
    from framing.plotting import layout

    labels = {"dt": "Donald Trump", "bo": "Barack Obama", "us": "US",
              "long": "Ministry of Foreign Affairs of the Russian Federation"}
    pairs = [("dt", "bo"), ("us", "long"), ("long", "dt")]
    edges = pd.DataFrame([{"outlet": f"Outlet {g}", "holder_id": h, "target_id": t, "n": 3,
                           "mean": 0.2} for g in range(n_groups) for h, t in pairs])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. constrained layout giving up
        ax = plotting.plot_stance_matrix(edges, actor_labels=labels)
        ax.figure.draw_without_rendering()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert len(rows) == 3 and all("\n" not in r and r.count(" \u2192 ") == 1 for r in rows)
    # a short name is never shortened; a long one is, from its end
    assert any(r.startswith("US \u2192 Ministry") and r.endswith("\u2026") for r in rows)
    assert any(r.startswith("Ministry") and r.endswith("\u2026 \u2192 Donald Trump") for r in rows)
    if n_groups == 3:  # room for both names of an ordinary pair
        assert "Donald Trump \u2192 Barack Obama" in rows
    else:  # eight columns keep their width; both names start visibly
        assert any(r.startswith("Donald Trump \u2192 Barack") for r in rows)
    widest = max(layout.text_width_pt(r) for r in rows) / 72
    assert widest <= 2 * layout.MAX_LABEL_IN + 1e-6
    if n_groups == 3:  # the labels leave the matrix room for its note
        assert ax.get_window_extent().width / ax.figure.dpi >= 1.2


# --------------------------------------------------------------------------- notebook
@pytest.mark.slow
def test_notebook_04_runs_on_tiny_corpus(tiny_corpus_path, tmp_path):
    from framing.runner import run_notebook

    out = tmp_path / "report"
    run_notebook(
        "04_voice_and_stance",
        {
            "corpus": str(tiny_corpus_path),
            "actors_file": str(tiny_corpus_path.parent / "actors_tiny.yml"),
            "out_dir": str(out),
            "n_bootstrap": 50,
        },
        output_path=tmp_path / "04.ipynb",
    )
    for name in ("fig07_voice_share", "fig08_stance_network"):
        for ext in ("pdf", "png", "csv"):
            assert (out / f"{name}.{ext}").is_file()
    shares = pd.read_csv(out / "fig07_voice_share.csv")
    np.testing.assert_allclose(shares.groupby("outlet")["share"].sum(), 1.0)
    assert (out / "data" / "stance.csv").is_file()
