"""Tests for framing.plotting and the paper style: returned Axes, fonts, byte-stable files."""

import matplotlib

matplotlib.use("Agg")

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from framing import plotting
from framing.aggregate import aggregate_scores, count_articles, salience
from framing.exceptions import MissingColumnError

OUTLETS = ["BBC", "Kyiv Independent", "RT"]
ACTORS = ["trump", "zelensky"]
LABELS = {"zelensky": "Зеленський", "trump": "Трамп"}


# The `pyplot` fixture (close all figures before and after) comes from tests/conftest.py.


@pytest.fixture(scope="module")
def scored():
    rng = np.random.default_rng(5)
    n_articles, n = 90, 400
    art = rng.integers(0, n_articles, n)
    outlet_of = np.array(OUTLETS)[np.arange(n_articles) % 3]
    published = pd.Timestamp("2025-02-03", tz="UTC") + pd.to_timedelta(
        np.arange(n_articles) % 63, unit="D"
    )
    shift = {"BBC": 0.1, "Kyiv Independent": 0.3, "RT": -0.3}
    df = pd.DataFrame(
        {
            "article_id": [f"a{i:03d}" for i in art],
            "outlet": outlet_of[art],
            "published": published[art],
            "actor_id": rng.choice(ACTORS, n),
        }
    )
    df["polarity"] = (df["outlet"].map(shift) + rng.normal(0, 0.3, n)).clip(-1, 1)
    return df


@pytest.fixture(scope="module")
def table(scored):
    return aggregate_scores(scored, n_bootstrap=200)


@pytest.fixture(scope="module")
def weekly(scored):
    return aggregate_scores(scored, period="week", n_bootstrap=200)


# --------------------------------------------------------------------------- style


def test_use_style_sets_paper_rc(pyplot):
    with matplotlib.rc_context():
        plotting.use_style()
        rc = matplotlib.rcParams
        assert rc["font.size"] == 8
        assert rc["pdf.fonttype"] == 42 and rc["ps.fonttype"] == 42
        assert rc["svg.fonttype"] == "none"
        assert not rc["text.usetex"]
        assert list(rc["figure.figsize"]) == [3.5, 2.4]
        assert not rc["axes.spines.top"] and not rc["axes.spines.right"]
        assert rc["savefig.bbox"] == "tight"
        cycle = rc["axes.prop_cycle"].by_key()
        assert [c.upper() for c in cycle["color"]] == [c.upper() for c in plotting.PALETTE]
        assert len(set(cycle["linestyle"])) > 1  # second encoding for grayscale


def test_style_renders_with_dotted_name(pyplot, tmp_path):
    with pyplot.style.context(plotting.STYLE):
        fig, ax = pyplot.subplots()
        for k in range(4):
            ax.plot([0, 1], [k, -k], label=f"series {k}")
        ax.legend()
        fig.savefig(tmp_path / "style.png")
    assert (tmp_path / "style.png").stat().st_size > 0


def test_size_constants():
    assert plotting.SINGLE_COLUMN_IN == 3.5
    assert plotting.ONE_AND_HALF_COLUMN_IN == 5.0
    assert plotting.DOUBLE_COLUMN_IN == 7.2
    assert plotting.ASPECT == 0.68


def test_outlet_styles_are_stable_and_distinct():
    a = plotting.outlet_styles(["RT", "BBC", "Kyiv Independent", "BBC"])
    b = plotting.outlet_styles(["Kyiv Independent", "RT", "BBC"])
    assert a == b
    assert list(a) == ["BBC", "Kyiv Independent", "RT"]
    many = plotting.outlet_styles([f"outlet{i:02d}" for i in range(20)])
    pairs = {(s["color"], s["marker"]) for s in many.values()}
    assert len(pairs) == 20


# --------------------------------------------------------------------------- plot functions


def test_plot_articles_by_outlet_draws_one_bar_set_per_outlet(pyplot, scored):
    counts = count_articles(scored, period="month")
    ax = plotting.plot_articles_by_outlet(counts)
    assert len(ax.containers) == 3
    assert ax.get_ylabel() == "Articles (count)"
    assert ax.get_xlabel() == "Month (UTC)"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    n_bbc = counts.loc[counts.outlet == "BBC", "n_articles"].sum()
    assert f"BBC (n={n_bbc:,})" in legend
    ax.figure.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Feb", "Mar", "Apr"]
    tallest = counts.groupby("period")["n_articles"].sum().max()
    assert tallest < ax.get_ylim()[1] <= 1.06 * tallest  # every bar inside the axes
    grouped = plotting.plot_articles_by_outlet(counts, stacked=False)
    assert len(grouped.containers) == 3


def test_plot_articles_by_outlet_pools_small_outlets_into_other(pyplot):
    periods = pd.date_range("2024-01-01", periods=30, freq="MS")
    counts = pd.DataFrame(
        [(f"outlet {i:02d}", p, 100 - 3 * i) for i in range(12) for p in periods],
        columns=["outlet", "period", "n_articles"],
    )
    counts.attrs["period"] = "month"
    ax = plotting.plot_articles_by_outlet(counts, top_k=5)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(ax.containers) == 6
    assert legend[-1].startswith("other (7 outlets) (n=")
    assert "outlet 00 (n=3,000)" in legend
    ax.figure.canvas.draw()
    assert len([t for t in ax.get_xticklabels() if t.get_text()]) <= 12  # thinned dates


def test_plot_salience_annotates_every_cell(pyplot, scored):
    table = salience(scored)
    ax = plotting.plot_salience(table, actor_labels=LABELS, order="name")
    assert len(ax.images) == 1
    assert len(ax.texts) == len(OUTLETS) * len(ACTORS)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Зеленський", "Трамп"]
    assert all("%" in t.get_text() and "n=" in t.get_text() for t in ax.texts)
    cbar_ax = ax.figure.axes[-1]
    assert "Articles mentioning actor" in cbar_ax.get_ylabel()
    assert "Wilson CIs in the CSV" in ax.get_title(loc="left").replace("\n", " ")


def test_salience_top_actors_pools_the_rest_as_other(scored):
    table = salience(scored, top_actors=1)
    assert sorted(table["actor_id"].unique()) == ["other", "trump"]
    full = salience(scored)
    assert table["n_mentions"].sum() == full["n_mentions"].sum()
    assert (table["share_articles"] <= 1).all()


def test_plot_sentiment_heatmap_is_centred_on_zero(pyplot, table):
    ax = plotting.plot_sentiment_heatmap(table, actor_labels=LABELS, order="name")
    image = ax.images[0]
    vmin, vmax = image.get_clim()
    assert vmin == pytest.approx(-vmax)
    assert vmax == pytest.approx(table["mean"].abs().max())
    assert image.get_cmap().name.startswith(plotting.SENTIMENT_CMAP)
    assert len(ax.texts) == len(table)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Зеленський", "Трамп"]  # by name
    first = table[(table.actor_id == "zelensky") & (table.outlet == "BBC")].iloc[0]
    text = ax.texts[0].get_text()
    assert f"n={first.n_mentions}" in text
    assert f"{first['mean']:+.2f}".replace("-", "\u2212") in text
    assert ax.figure.axes[-1].get_ylabel() == "Mean sentiment (\u22121 to 1)"
    assert "CIs in the CSV" in ax.get_title(loc="left")


def test_plot_sentiment_heatmap_greys_cells_below_min_mentions(pyplot, table):
    cut = int(table["n_mentions"].median()) + 1
    ax = plotting.plot_sentiment_heatmap(table, min_mentions=cut)
    masked = np.ma.getmaskarray(ax.images[0].get_array())
    assert masked.sum() == (table["n_mentions"] < cut).sum() > 0
    assert f"grey: fewer than {cut} mentions" in ax.get_title(loc="left")
    assert not any("\u2212" in t.get_text() or "+" in t.get_text()
                   for t in ax.texts if t.get_text().startswith("n="))


@pytest.mark.parametrize("order", ["mean", "n", "name", "cluster"])
def test_heatmap_orders_rows_by_parameter(pyplot, table, order):
    ax = plotting.plot_sentiment_heatmap(table, order=order)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(rows) == ACTORS
    if order == "mean":
        means = table.assign(w=table["mean"] * table["n_mentions"]).groupby("actor_id")
        means = (means["w"].sum() / means["n_mentions"].sum()).sort_values(ascending=False)
        assert rows == list(means.index)
    with pytest.raises(ValueError, match="'order' parameter"):
        plotting.plot_sentiment_heatmap(table, order="size")


def test_plot_outlet_dots_draws_means_cis_zero_line_and_n(pyplot, table):
    ax = plotting.plot_outlet_dots(table, "zelensky", actor_labels=LABELS)
    sub = table[table.actor_id == "zelensky"]
    assert [t.get_text() for t in ax.get_yticklabels()] == OUTLETS
    assert ax.get_xlabel() == "Mean sentiment (\u22121 to 1)"
    assert len(ax.collections) == 1  # CI lines
    segments = ax.collections[0].get_segments()
    lows = sorted(seg[0][0] for seg in segments)
    assert lows == pytest.approx(sorted(sub["ci_low"]))
    zero = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [0, 0]]
    assert len(zero) == 1
    n_texts = [t.get_text() for t in ax.texts]
    assert len(n_texts) == 3 and all(t.startswith("n=") for t in n_texts)
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Зеленський"
    assert "95% CI" in " ".join(t.get_text() for t in legend.get_texts())


def test_plot_sentiment_over_time_draws_lines_bands_and_events(pyplot, weekly):
    events = [("2025-02-28", "Oval Office meeting"), ("2030-01-01", "outside the range")]
    ax = plotting.plot_sentiment_over_time(weekly, "trump", events=events)
    outlet_lines = [ln for ln in ax.get_lines() if ln.get_label() and ln.get_label()[0] != "_"]
    assert len(outlet_lines) == 3
    assert len(ax.collections) == 3  # one CI band per outlet
    assert [t.get_text() for t in ax.texts] == ["1"]  # numbered marker above the axes
    assert ax.get_xlabel() == "Week starting (UTC)"
    assert ax.get_ylabel() == "Mean sentiment (\u22121 to 1)"
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "95% CI (articles resampled)" in legend_texts
    assert "1: Oval Office meeting (2025-02-28)" in legend_texts
    assert any(re.fullmatch(r"BBC \(n=\d+\)", t) for t in legend_texts)
    frame = pd.DataFrame({"date": ["2025-02-28"], "label": ["Oval Office"]})
    ax2 = plotting.plot_sentiment_over_time(weekly, "trump", events=frame)
    assert "1: Oval Office (2025-02-28)" in [t.get_text() for t in ax2.get_legend().get_texts()]


def test_close_events_get_staggered_numbers(pyplot, weekly):
    events = [("2025-02-28", "a"), ("2025-02-28", "b"), ("2025-02-28", "c")]
    ax = plotting.plot_sentiment_over_time(weekly, "trump", events=events)
    offsets = sorted(t.xyann[1] for t in ax.texts)
    assert len(set(offsets)) == 3


def test_time_grid_facets_by_group_when_there_are_many(pyplot, weekly):
    many = pd.concat([weekly.assign(outlet=weekly["outlet"] + f" {k}") for k in range(3)])
    many.attrs = weekly.attrs
    fig = plotting.plot_sentiment_over_time_grid(many)
    assert len([ax for ax in fig.axes if ax.has_data()]) == 9  # one panel per outlet
    fig = plotting.plot_sentiment_over_time_grid(weekly)
    assert len([ax for ax in fig.axes if ax.has_data()]) == 2  # one panel per actor
    with pytest.raises(ValueError, match="'facet' parameter"):
        plotting.plot_sentiment_over_time_grid(weekly, facet="outlet")


def test_plot_functions_draw_on_given_axes_without_new_figures(pyplot, table, weekly, scored):
    fig, axes = pyplot.subplots(2, 3, layout="constrained")
    calls = [
        lambda ax: plotting.plot_articles_by_outlet(count_articles(scored), ax=ax),
        lambda ax: plotting.plot_salience(salience(scored), ax=ax),
        lambda ax: plotting.plot_sentiment_heatmap(table, ax=ax),
        lambda ax: plotting.plot_outlet_dots(table, "trump", ax=ax),
        lambda ax: plotting.plot_sentiment_over_time(weekly, "trump", ax=ax),
    ]
    for call, ax in zip(calls, axes.flat):
        assert call(ax) is ax
    assert pyplot.get_fignums() == [fig.number]


def test_plot_function_without_ax_creates_journal_width_figure(pyplot, table):
    ax = plotting.plot_outlet_dots(table, "trump")
    width, height = ax.figure.get_size_inches()
    assert width == pytest.approx(plotting.SINGLE_COLUMN_IN)
    assert height <= plotting.PAGE_HEIGHT_IN


def test_plot_errors_name_the_problem(pyplot, table, weekly):
    with pytest.raises(MissingColumnError, match=r"\['ci_low'\]"):
        plotting.plot_outlet_dots(table.drop(columns="ci_low"), "trump")
    with pytest.raises(ValueError, match=r"several actors \['trump', 'zelensky'\]"):
        plotting.plot_outlet_dots(table)
    with pytest.raises(ValueError, match=r"'actor_id' parameter .* Got 'bidne'"):
        plotting.plot_sentiment_over_time(weekly, "bidne")
    with pytest.raises(ValueError, match="more than one row per"):
        plotting.plot_sentiment_heatmap(weekly)
    with pytest.raises(ValueError, match="'min_mentions' parameter"):
        plotting.plot_sentiment_heatmap(table, min_mentions=0)
    reloaded = table.copy()
    reloaded.attrs = {}
    with pytest.raises(ValueError, match="Pass ci_level=0.95"):
        plotting.plot_outlet_dots(reloaded, "trump")
    ax = plotting.plot_outlet_dots(reloaded, "trump", ci_level=0.9)
    assert "90% CI" in " ".join(t.get_text() for t in ax.get_legend().get_texts())


# --------------------------------------------------------------------------- fonts and glyphs


def _glyph_warnings(pyplot, tmp_path, text, formats=("pdf", "png")):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pyplot.style.context(plotting.STYLE):
            fig, ax = pyplot.subplots()
            ax.plot([-1, 1], [-0.5, 0.5])  # negative tick labels use the Unicode minus
            ax.set_xlabel(text)
            for fmt in formats:
                fig.savefig(tmp_path / f"glyphs.{fmt}", dpi=72)
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_cyrillic_and_unicode_minus_render_without_missing_glyphs(pyplot, tmp_path):
    assert _glyph_warnings(pyplot, tmp_path, "Зеленський \u22120.5 (\u22121 to 1)") == []


def test_missing_glyph_check_can_fail(pyplot, tmp_path):
    # The check above is meaningful: a character DejaVu Sans lacks is reported.
    assert _glyph_warnings(pyplot, tmp_path, "\u4e2d", formats=("png",)) != []


def test_pdf_embeds_truetype_not_type3(pyplot, tmp_path, table):
    with matplotlib.rc_context():
        plotting.use_style()
        ax = plotting.plot_outlet_dots(table, "zelensky", actor_labels=LABELS)
    paths = plotting.save_figure(ax.figure, "dots", data=table, out_dir=tmp_path)
    pdf = paths["pdf"].read_bytes()
    subtypes = set(re.findall(rb"/Subtype\s*/(\w+)", pdf))
    assert b"Type3" not in subtypes
    assert subtypes & {b"TrueType", b"CIDFontType2"}


# --------------------------------------------------------------------------- save_figure


def _render(pyplot, table):
    with pyplot.style.context(plotting.STYLE):
        ax = plotting.plot_outlet_dots(table, "zelensky", actor_labels=LABELS)
    return ax.figure


def test_save_figure_is_byte_identical_on_rerun(pyplot, tmp_path, table):
    meta = {"Subject": "04_compare_outlets, params smoke", "Keywords": "commit abc123"}
    first = plotting.save_figure(
        _render(pyplot, table), "fig03_dots", data=table, out_dir=tmp_path / "a", metadata=meta
    )
    pyplot.close("all")
    second = plotting.save_figure(
        _render(pyplot, table), "fig03_dots", data=table, out_dir=tmp_path / "b", metadata=meta
    )
    assert set(first) == {"pdf", "png", "csv"}
    for fmt in first:
        assert first[fmt].name == f"fig03_dots.{fmt}"
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
    pdf = first["pdf"].read_bytes()
    assert b"/Title (fig03_dots)" in pdf
    assert b"commit abc123" in pdf
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf
    png = first["png"].read_bytes()
    assert b"fig03_dots" in png and b"Creation Time" not in png
    assert first["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    csv = pd.read_csv(first["csv"])
    assert list(csv.columns) == list(table.columns)
    assert len(csv) == len(table)


def test_save_figure_png_is_300_dpi(pyplot, tmp_path, table):
    from PIL import Image

    paths = plotting.save_figure(_render(pyplot, table), "dpi", data=table, out_dir=tmp_path)
    with Image.open(paths["png"]) as im:
        assert round(im.info["dpi"][0]) == 300


def test_save_figure_creates_out_dir_and_warns_without_data(pyplot, tmp_path, table):
    out = tmp_path / "new" / "figures"
    with pytest.warns(UserWarning, match="without data"):
        paths = plotting.save_figure(_render(pyplot, table), "fig", out_dir=out)
    assert sorted(p.name for p in out.iterdir()) == ["fig.pdf", "fig.png"]
    assert "csv" not in paths


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"name": "../escape"}, ValueError, "plain file stem"),
        ({"name": "sub/fig"}, ValueError, "plain file stem"),
        ({"name": "fig.pdf"}, ValueError, "must not include an extension.*'fig'"),
        ({"name": ""}, ValueError, "non-empty"),
        ({"formats": ("pdf", "jpg")}, ValueError, "'formats'.*'jpg'"),
        ({"metadata": {"Date": "today"}}, ValueError, "accepts the keys.*'Date'"),
        ({"metadata": {"Subject": {"a": 1}}}, TypeError, "must be a str"),
        ({"data": [1, 2]}, TypeError, "'data' parameter"),
    ],
    ids=["parent", "subdir", "extension", "empty", "format", "meta-key", "meta-type", "data"],
)
def test_save_figure_rejects_bad_arguments(pyplot, tmp_path, table, kwargs, error, match):
    args = {"name": "fig", "data": table, "out_dir": tmp_path / "out"} | kwargs
    with pytest.raises(error, match=match):
        plotting.save_figure(_render(pyplot, table), **args)
    assert not (tmp_path / "escape.pdf").exists()
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())
