"""Every report figure stays readable from 2 outlets × 1 actor × 1 week to 30 × 25 × 3 years.

The tables are generated (seeded) in the shape of scored mentions, statements and stance
rows, with a realistic skew: a few outlet × actor cells hold thousands of mentions, many
hold 1–3. Each figure is drawn as the notebooks draw it, then rendered, and the texts
matplotlib actually draws are checked: no two overlap, none lies outside the figure, no
text is oblique (so its rendered box is exact), the width is a journal width and the
height at most a page. Saving twice gives identical bytes and every figure has its CSV.
"""

import matplotlib

matplotlib.use("Agg")

import contextlib
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.text import Text

from framing import aggregate, plotting, voice

SIZES = {"many": (30, 25, 3 * 365), "tiny": (2, 1, 7), "mid": (6, 9, 120)}


def _corpus(n_outlets, n_actors, n_days, seed=0):
    """Scored mentions, statements and stance rows with a skewed outlet × actor mix."""
    rng = np.random.default_rng(seed)
    outlets = [f"Outlet {i:02d} {'Evening Chronicle of the Region' if i % 7 == 3 else 'News'}"
               for i in range(n_outlets)]
    actors = [f"actor_{j:02d}" for j in range(n_actors)]
    labels = {a: (f"Minister for {a[-2:]} Affairs and Reconstruction" if j % 5 == 2
                  else f"Actor {j}") for j, a in enumerate(actors)}
    # Zipf-like volumes: outlet i and actor j get weight 1/(rank+1)^1.3
    w_out = 1 / (np.arange(n_outlets) + 1) ** 1.3
    w_act = 1 / (np.arange(n_actors) + 1) ** 1.3
    n_articles = 4000 if n_outlets > 2 else 40
    art_outlet = rng.choice(n_outlets, n_articles, p=w_out / w_out.sum())
    t0 = pd.Timestamp("2021-01-04", tz="UTC")
    days = rng.integers(0, n_days, n_articles)
    if n_outlets > 2:  # a few stray articles a year before the coverage starts
        days[:5] = -rng.integers(300, 400, 5)
    published = t0 + pd.to_timedelta(days, unit="D") + pd.to_timedelta(
        rng.integers(0, 86400, n_articles), unit="s")
    articles = pd.DataFrame({
        "article_id": [f"a{i:05d}" for i in range(n_articles)],
        "outlet": np.array(outlets)[art_outlet], "published": published,
    })
    per_article = rng.poisson(6 if n_outlets > 2 else 3, n_articles) + 1
    art = np.repeat(np.arange(n_articles), per_article)
    act = rng.choice(n_actors, len(art), p=w_act / w_act.sum())
    shift = rng.normal(0, 0.3, (n_outlets, n_actors))
    mentions = articles.iloc[art].reset_index(drop=True).assign(
        actor_id=np.array(actors)[act],
        polarity=np.clip(shift[art_outlet[art], act] + rng.normal(0, 0.4, len(art)), -1, 1),
    )
    mentions["score_status"] = "ok"
    holders = [*actors[: min(12, n_actors)], "spokesperson", "unknown"]
    w_hold = np.r_[w_act[: len(holders) - 2], 0.2, 0.3]
    n_st = len(mentions) // 4
    pick = rng.choice(len(mentions), n_st, replace=False)
    statements = mentions.iloc[pick][["article_id", "outlet", "published"]].assign(
        holder_id=rng.choice(holders, n_st, p=w_hold / w_hold.sum()),
        kind=rng.choice(["direct", "reported"], n_st),
    )
    stance = mentions.iloc[pick].assign(
        holder_id=statements["holder_id"].to_numpy(),
        stance_score=np.clip(rng.normal(0, 0.6, n_st), -1, 1),
    )
    stance["stance"] = np.select([stance.stance_score > 0.3, stance.stance_score < -0.3],
                                 ["favor", "against"], "none")
    return {"articles": articles, "mentions": mentions, "statements": statements,
            "stance": stance, "labels": labels}


def _figures(data):
    """The report's figures, drawn as the notebooks draw them: {name: (figure, table)}."""
    articles, mentions, labels = data["articles"], data["mentions"], data["labels"]
    out = {}
    counts = aggregate.count_articles(articles, period="month")
    out["fig01_articles_by_outlet"] = (plotting.plot_articles_by_outlet(counts).figure, counts)
    sal = aggregate.salience(mentions, articles=articles, top_actors=15)
    out["fig02_actor_salience"] = (plotting.plot_salience(sal, actor_labels=labels).figure, sal)
    table = aggregate.aggregate_scores(mentions, n_bootstrap=30)
    ax = plotting.plot_sentiment_heatmap(table, actor_labels=labels, min_mentions=5)
    out["fig03_sentiment_heatmap"] = (ax.figure, table)
    fig = plotting.plot_outlet_dots_grid(table, actor_labels=labels, min_mentions=5)
    out["fig04_outlet_dots"] = (fig, table)
    dated, window = aggregate.study_window(mentions, period="week")
    series = aggregate.rolling_scores(dated, period="week", window_periods=4, n_bootstrap=20,
                                      min_mentions=2).assign(**window)
    events = [("2021-03-01", "Summit"), ("2021-03-03", "Sanctions announced"),
              ("2022-06-15", "Election"), ("2021-01-06", "Talks open")]
    fig = plotting.plot_sentiment_over_time_grid(
        series, actors=mentions["actor_id"].value_counts().index[:6].tolist(), events=events,
        actor_labels=labels)
    out["fig05_sentiment_over_time"] = (fig, series)
    alphas = pd.DataFrame({"comparison": ["coders", "coders", "coders_model", "coders_model"],
                           "level": ["nominal", "ordinal"] * 2, "alpha": [0.7, 0.8, 0.6, 0.75],
                           "ci_low": [0.6, 0.7, 0.5, 0.6], "ci_high": [0.8, 0.9, 0.7, 0.85],
                           "n_items": [120] * 4})
    out["fig06_agreement"] = (plotting.plot_agreement(alphas).figure, alphas)
    shares = voice.voice_share(data["statements"], articles)
    out["fig07_voice_share"] = (plotting.plot_voice_share(shares, actor_labels=labels).figure,
                                shares)
    edges = voice.stance_network(data["stance"], min_n=2 if len(mentions) > 1000 else 1,
                                 n_bootstrap=20)
    fig = plotting.plot_stance_network_grid(edges, actor_labels=labels)
    out["fig08_stance_network"] = (fig, edges)
    return out


@contextlib.contextmanager
def _drawn_texts():
    """Record (artist, window extent) of every Text matplotlib draws."""
    drawn = []
    original = Text.draw

    def draw(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            drawn.append((self, self.get_window_extent(renderer)))

    Text.draw = draw
    try:
        yield drawn
    finally:
        Text.draw = original


def _layout_problems(fig):
    """Overlapping, oblique or outside texts, and a size that is not a journal page."""
    problems = []
    width, height = fig.get_size_inches()
    if not any(abs(width - w) < 1e-6 for w in plotting.JOURNAL_WIDTHS_IN):
        problems.append(f"width {width:.2f} in is not a journal width")
    if height > plotting.PAGE_HEIGHT_IN + 1e-6:
        problems.append(f"height {height:.2f} in is more than a page")
    if fig.get_layout_engine() is None:
        problems.append("no layout engine: the saved size would not be the figure size")
    with _drawn_texts() as drawn:
        fig.canvas.draw()
    scale = 72.0 / fig.dpi  # pixels -> points
    W, H = width * 72, height * 72
    boxes = []
    for text, bbox in drawn:
        label = text.get_text().replace("\n", " | ")
        if text.get_rotation() % 90:
            problems.append(f"oblique text {label!r} ({text.get_rotation()}°)")
        x0, y0, x1, y1 = (v * scale for v in bbox.extents)
        if x0 < -0.5 or y0 < -0.5 or x1 > W + 0.5 or y1 > H + 0.5:
            problems.append(f"text {label!r} outside the figure: {x0:.0f},{y0:.0f},"
                            f"{x1:.0f},{y1:.0f} of {W:.0f}×{H:.0f} pt")
        # ignore the line gap and descenders, as a reader does: shrink by 15% of the size
        pad = 0.15 * text.get_fontsize()
        vertical = text.get_rotation() % 180 == 90
        dx, dy = (pad, 0.5) if vertical else (0.5, pad)
        boxes.append((label, x0 + dx, y0 + dy, x1 - dx, y1 - dy))
    for a, b in itertools.combinations(boxes, 2):
        if min(a[3], b[3]) > max(a[1], b[1]) and min(a[4], b[4]) > max(a[2], b[2]):
            problems.append(f"texts overlap: {a[0]!r} and {b[0]!r}")
    return problems


@pytest.fixture(scope="module", params=sorted(SIZES))
def rendered(request):
    with plt.style.context(plotting.STYLE):
        figures = _figures(_corpus(*SIZES[request.param]))
        yield request.param, figures
    plt.close("all")


def test_every_figure_is_readable(rendered):
    size, figures = rendered
    assert len(figures) == 8
    problems = {name: _layout_problems(fig) for name, (fig, _) in figures.items()}
    problems = {k: v[:8] for k, v in problems.items() if v}
    assert not problems, f"{size}: {problems}"


def test_layout_check_can_fail(pyplot):
    with plt.style.context(plotting.STYLE):
        fig, ax = pyplot.subplots(figsize=(4, 3))
        ax.text(0.5, 0.5, "one label")
        ax.text(0.52, 0.5, "another label")
        ax.set_xticks([0.5], ["slanted"], rotation=30)
        ax.text(1.3, 0.5, "outside", transform=ax.transAxes)
    problems = " ".join(_layout_problems(fig))
    for expected in ("not a journal width", "no layout engine", "texts overlap",
                     "oblique", "outside the figure"):
        assert expected in problems


@pytest.mark.parametrize("fmt", ["pdf", pytest.param("png", marks=pytest.mark.slow)])
def test_figures_rerender_byte_identical_with_their_csv(tmp_path, fmt):
    written = []
    for run in ("a", "b"):
        with plt.style.context(plotting.STYLE):
            figures = _figures(_corpus(*SIZES["tiny"]))
            written.append({name: plotting.save_figure(fig, name, data=table, formats=(fmt,),
                                                       out_dir=tmp_path / run)
                            for name, (fig, table) in figures.items()})
        plt.close("all")
    first, second = written
    for name, paths in first.items():
        assert set(paths) == {fmt, "csv"}, name
        for kind, path in paths.items():
            assert path.read_bytes() == second[name][kind].read_bytes(), (name, kind)


def test_heatmap_greys_small_cells_and_says_so(rendered):
    size, figures = rendered
    fig, table = figures["fig03_sentiment_heatmap"]
    ax = fig.axes[0]
    small = int((table["n_mentions"] < 5).sum())
    if size == "many":
        assert small > 50  # the generated skew leaves many cells with 1–4 mentions
        assert "grey: fewer than 5 mentions" in ax.get_title(loc="left").replace("\n", " ")
    image = ax.images[0].get_array()
    assert int(np.ma.getmaskarray(image).sum()) >= small


def test_study_window_drops_and_counts_sparse_tails(rendered):
    size, figures = rendered
    _, series = figures["fig05_sentiment_over_time"]
    if size == "many":
        assert series["n_before_window"].iloc[0] > 0  # the stray early articles
        assert series["window_start"].iloc[0] >= "2021-01-04"
    assert pd.to_datetime(series["period"]).min() >= pd.Timestamp(series["window_start"].iloc[0]) - pd.Timedelta(days=6)




def test_heatmap_beyond_a_page_keeps_the_first_rows_and_says_how_many_are_left(pyplot):
    rng = np.random.default_rng(3)
    table = pd.DataFrame([(o, f"actor {a:02d}", rng.normal(0, 0.3), int(rng.integers(1, 50)))
                          for o in ("A", "B", "C") for a in range(80)],
                         columns=["outlet", "actor_id", "mean", "n_mentions"])
    with plt.style.context(plotting.STYLE):
        ax = plotting.plot_sentiment_heatmap(table, order="n")
    shown = len(ax.get_yticklabels())
    assert 30 < shown < 80
    assert f"{80 - shown} more rows in the CSV" in ax.get_title(loc="left").replace("\n", " ")
    assert _layout_problems(ax.figure) == []

# --------------------------------------------------------------------------- figure tables


def _dated(weeks_counts):
    rows = []
    for week, count in weeks_counts.items():
        start = pd.Timestamp("2024-01-01", tz="UTC") + pd.Timedelta(weeks=week)
        rows += [{"article_id": f"a{week}_{k}", "outlet": "X", "actor_id": "a",
                  "published": start + pd.Timedelta(hours=k), "polarity": 0.1 * (k % 3)}
                 for k in range(count)]
    return pd.DataFrame(rows)


def test_study_window_trims_sparse_tails_and_counts_them():
    df = _dated({0: 1, 1: 0, 40: 20, 41: 25, 42: 0, 43: 22, 44: 1, 60: 1})
    rows, window = aggregate.study_window(df, period="week")
    assert window["window_start"] == "2024-10-07"  # week 40
    assert window["window_end"] == "2024-11-03"  # end of week 43; week 42's gap is kept
    assert (window["n_before_window"], window["n_after_window"]) == (1, 2)
    assert len(rows) + 3 == len(df)
    _, fixed = aggregate.study_window(df, start="2024-01-01", end="2025-12-31")
    assert fixed["n_before_window"] == 0 and fixed["n_after_window"] == 0
    _, untrimmed = aggregate.study_window(df, trim=False)
    assert untrimmed["window_start"] == "2024-01-01" and untrimmed["n_after_window"] == 0
    with pytest.raises(ValueError, match="after end"):
        aggregate.study_window(df, start="2024-05-01", end="2024-01-01")


def test_rolling_scores_pools_neighbouring_periods():
    df = _dated({0: 3, 1: 4, 2: 5, 3: 6})
    plain = aggregate.aggregate_scores(df, by=("outlet", "actor_id"), period="week",
                                       n_bootstrap=0)
    same = aggregate.rolling_scores(df, window_periods=1, n_bootstrap=0)
    assert same["n_mentions"].tolist() == plain["n_mentions"].tolist()
    smooth = aggregate.rolling_scores(df, window_periods=3, n_bootstrap=20)
    assert smooth["n_mentions"].tolist() == [7, 12, 15, 11]  # centred windows, clipped ends
    assert smooth["n_mentions_period"].tolist() == [3, 4, 5, 6]
    assert smooth.attrs["smooth_periods"] == 3
    week1 = df[df["published"] < pd.Timestamp("2024-01-22", tz="UTC")]
    assert smooth["mean"].iloc[1] == pytest.approx(week1["polarity"].mean())
    with pytest.raises(ValueError, match="'window_periods'"):
        aggregate.rolling_scores(df, window_periods=0)


def test_missing_glyphs_are_reported_in_the_log(pyplot, tmp_path):
    with plt.style.context(plotting.STYLE):
        fig, ax = pyplot.subplots(layout="constrained")
        ax.set_title("\u4e2d\u6587 label")
    log = tmp_path / plotting.WARNINGS_FILE
    with pytest.warns(UserWarning, match="no installed font can draw"):
        plotting.save_figure(fig, "fig_cjk", data=pd.DataFrame({"x": [1]}), out_dir=tmp_path)
    assert log.read_text(encoding="utf-8").startswith("fig_cjk: 2 character(s)")
    with plt.style.context(plotting.STYLE):
        fig, ax = pyplot.subplots(layout="constrained")
        ax.set_title("Latin label")
    plotting.save_figure(fig, "fig_cjk", data=pd.DataFrame({"x": [1]}), out_dir=tmp_path)
    assert not log.exists()  # fixed labels clear the note


if __name__ == "__main__":  # render the figures for a look: python tests/test_figure_layout.py OUT
    import sys

    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/layout"
    with plt.style.context(plotting.STYLE):
        for size, dims in SIZES.items():
            for name, (fig, table) in _figures(_corpus(*dims)).items():
                plotting.save_figure(fig, name, data=table, out_dir=f"{out}/{size}")
                print(size, name, _layout_problems(fig)[:5])
