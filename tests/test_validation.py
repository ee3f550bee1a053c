"""Tests for framing.validation: sampling, coding sheets, reading codes back, Krippendorff's alpha.

The sheets in tests/data/coding/ were coded by hand for these tests: sheet_ana.csv and
sheet_ben.csv are two coders' codes for the 10 items of sheet.csv (drawn from the tiny
corpus); sheet.key.csv holds the model's labels; sheet_bad.csv has two invalid codes.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from framing.commands.agreement import agreement as agreement_command
from framing.commands.sample import sample as sample_command
from framing.exceptions import MissingColumnError
from framing.validation import (
    SHEET_COLUMNS,
    CodingSheetError,
    agreement,
    draw_sample,
    key_path,
    read_coded_sheets,
    read_key,
    write_coding_sheet,
)

CODING = Path(__file__).parent / "data" / "coding"
SHEETS = [CODING / "sheet_ana.csv", CODING / "sheet_ben.csv"]
KEY = CODING / "sheet.key.csv"


def hand_alpha(units, level, values=(-1, 0, 1)):
    """Krippendorff's alpha from the coincidence matrix, written out (Krippendorff 2011).

    `units` is a list of lists of codes in {-1, 0, 1} (None = missing). Independent of the
    `krippendorff` package: o_ck sums 1/(m_u − 1) over ordered pairs of codes within a unit;
    alpha = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
    """
    o = {(c, k): 0.0 for c in values for k in values}
    for unit in units:
        codes = [v for v in unit if v is not None]
        m = len(codes)
        if m < 2:
            continue
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[codes[i], codes[j]] += 1 / (m - 1)
    n_c = {c: sum(o[c, k] for k in values) for c in values}
    n = sum(n_c.values())

    def delta2(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        lo, hi = min(c, k), max(c, k)
        between = sum(n_c[g] for g in values if lo <= g <= hi)
        return (between - (n_c[c] + n_c[k]) / 2) ** 2

    observed = sum(o[c, k] * delta2(c, k) for c in values for k in values)
    expected = sum(n_c[c] * n_c[k] * delta2(c, k) for c in values for k in values)
    return 1 - (n - 1) * observed / expected


def _units(coded, who, key=None):
    wide = coded.pivot(index="item_id", columns="coder", values="code")
    units = []
    for item, row in wide.iterrows():
        unit = [None if pd.isna(row[c]) else int(row[c]) for c in who]
        if key is not None:
            unit.append(int(key.set_index("item_id").loc[item, "model_code"]))
        units.append(unit)
    return units


def _scored(n_articles=40, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for a in range(n_articles):
        outlet = ["A", "B"][a % 2]
        for k in range(3):
            actor = ["x", "y", "z"][k]
            pol = float(rng.choice([-0.5, 0.0, 0.5]))
            sentence = f"Article {a} says {actor.upper()} did thing {k}."
            start = sentence.index(actor.upper())
            rows.append({
                "article_id": f"a{a}", "outlet": outlet, "actor_id": actor, "field": "text",
                "start": 100 + start, "end": 100 + start + 1, "sentence_start": 100,
                "surface": actor.upper(), "sentence": sentence, "polarity": pol,
                "label": {-0.5: "negative", 0.0: "neutral", 0.5: "positive"}[pol],
            })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- alpha


def test_hand_alpha_reproduces_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", p. 8: 4 coders,
    # 12 units, values 1–5: nominal alpha 0.743, ordinal 0.815 (published values)
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    units = [list(unit) for unit in zip(*data)]
    assert round(hand_alpha(units, "nominal", values=(1, 2, 3, 4, 5)), 3) == 0.743
    assert round(hand_alpha(units, "ordinal", values=(1, 2, 3, 4, 5)), 3) == 0.815


def test_hand_coded_sheets_match_hand_computed_alpha():
    coded = read_coded_sheets(SHEETS)
    key = read_key(KEY)
    result = agreement(coded, key, n_bootstrap=200)
    alphas = result.alphas.set_index(["comparison", "level"])["alpha"]
    # values computed with pencil from the coincidence matrices (see the docstring above):
    # coders: 9 pairable units, n = 18; coders+model: 10 units, n = 29
    assert alphas["coders", "nominal"] == pytest.approx(18 / 35, abs=1e-12)         # 0.514286
    assert alphas["coders", "ordinal"] == pytest.approx(1 - 3723 / 15246, abs=1e-12)  # 0.755805
    assert alphas["coders_and_model", "nominal"] == pytest.approx(1 - 224 / 548, abs=1e-12)
    assert alphas["coders_and_model", "ordinal"] == pytest.approx(1 - 21938 / 103037, abs=1e-12)
    # and the coincidence-matrix function agrees with the library on the same data
    humans = ["sheet_ana", "sheet_ben"]
    for level in ("nominal", "ordinal"):
        assert alphas["coders", level] == pytest.approx(hand_alpha(_units(coded, humans), level))
        assert alphas["coders_and_model", level] == pytest.approx(
            hand_alpha(_units(coded, humans, key), level))
    row = result.alphas.iloc[0]
    assert row["n_items"] == 9 and row["n_coders"] == 2
    assert (result.alphas["ci_low"] <= result.alphas["alpha"]).all()
    assert (result.alphas["alpha"] <= result.alphas["ci_high"]).all()


def test_bootstrap_ci_is_seeded_and_narrows_with_more_items():
    coded = read_coded_sheets(SHEETS)
    a = agreement(coded, KEY, n_bootstrap=300, random_state=1).alphas
    b = agreement(coded, KEY, n_bootstrap=300, random_state=1).alphas
    pd.testing.assert_frame_equal(a, b)
    many = pd.concat([coded.assign(item_id=coded["item_id"] + f"-{r}") for r in range(10)])
    wide = agreement(many, None, level="nominal", n_bootstrap=300).alphas.iloc[0]
    narrow = a[(a.comparison == "coders") & (a.level == "nominal")].iloc[0]
    assert wide["alpha"] == pytest.approx(narrow["alpha"], abs=0.05)
    assert (wide["ci_high"] - wide["ci_low"]) < (narrow["ci_high"] - narrow["ci_low"])


def test_confusion_matrices_per_actor_and_outlet():
    result = agreement(read_coded_sheets(SHEETS), KEY, n_bootstrap=0)
    overall = result.confusion_matrix()
    assert overall.to_numpy().sum() == 19  # 10 + 9 non-empty codes
    # human neutral, model negative: i0002 (ana and ben) and i0008 (ana)
    assert overall.loc["neutral", "negative"] == 3
    # human negative, model neutral: i0005 (ben)
    assert overall.loc["negative", "neutral"] == 1
    per_actor = result.confusion[result.confusion["by"] == "actor_id"]
    assert set(per_actor["value"]) == {"ukraine", "united_states", "zelenskyy"}
    assert per_actor["n"].sum() == 19
    per_outlet = result.confusion_matrix("outlet", "Steppe Courier")
    assert per_outlet.to_numpy().sum() == 3  # i0007 ana, i0009 ana+ben
    assert np.isnan(result.alphas["ci_low"]).all()  # n_bootstrap=0: no CI


def test_agreement_needs_two_coders_or_a_key():
    one = read_coded_sheets(SHEETS[:1])
    with pytest.raises(ValueError, match="two or more coders"):
        agreement(one)
    result = agreement(one, KEY, n_bootstrap=0)
    assert list(result.alphas["comparison"].unique()) == ["coders_and_model"]


def test_agreement_rejects_items_missing_from_key(tmp_path):
    key = read_key(KEY).iloc[:5]
    with pytest.raises(CodingSheetError, match="not in the key"):
        agreement(read_coded_sheets(SHEETS), key)


# --------------------------------------------------------------------------- reading sheets


def test_read_coded_sheets_accepts_words_and_numbers():
    coded = read_coded_sheets(SHEETS)
    assert set(coded["coder"]) == {"sheet_ana", "sheet_ben"}
    assert coded["code"].isna().sum() == 1  # ben left i0007 empty
    ana = coded[coded.coder == "sheet_ana"].set_index("item_id")["code"]
    ben = coded[coded.coder == "sheet_ben"].set_index("item_id")["code"]
    assert ana["i0001"] == ben["i0001"] == -1
    assert coded.loc[coded.item_id == "i0004", "row"].tolist() == [5, 5]


def test_bad_codes_are_reported_by_file_and_row():
    with pytest.raises(CodingSheetError, match=r"sheet_bad\.csv.*2 invalid.*row 4: 'postive'.*"
                                               r"row 8: '2'") as info:
        read_coded_sheets([CODING / "sheet_bad.csv"])
    assert info.value.rows == [4, 8]


def test_duplicate_items_and_missing_columns_are_errors(tmp_path):
    sheet = pd.read_csv(SHEETS[0], keep_default_na=False)
    pd.concat([sheet, sheet.iloc[:1]]).to_csv(tmp_path / "dup.csv", index=False)
    with pytest.raises(CodingSheetError, match="repeats item_id"):
        read_coded_sheets([tmp_path / "dup.csv"])
    sheet.drop(columns="code").to_csv(tmp_path / "nocode.csv", index=False)
    with pytest.raises(CodingSheetError, match="lacks column"):
        read_coded_sheets([tmp_path / "nocode.csv"])
    with pytest.raises(CodingSheetError, match="different coder"):
        read_coded_sheets(SHEETS, coders=["x", "x"])


# --------------------------------------------------------------------------- sampling, sheets


def test_draw_sample_is_stratified_seeded_and_order_free():
    scored = _scored()
    sample = draw_sample(scored, n_per_stratum=2, random_state=3)
    counts = sample.groupby(["outlet", "actor_id", "label"]).size()
    assert (counts <= 2).all()
    n_strata = scored.groupby(["outlet", "actor_id", "label"]).ngroups
    assert len(counts) == n_strata
    shuffled = scored.sample(frac=1, random_state=9)
    again = draw_sample(shuffled, n_per_stratum=2, random_state=3)
    pd.testing.assert_frame_equal(sample[["item_id", "article_id", "actor_id"]],
                                  again[["item_id", "article_id", "actor_id"]])
    other = draw_sample(scored, n_per_stratum=2, random_state=4)
    assert not sample["article_id"].equals(other["article_id"])
    assert sample["context"].str.contains(r"\[\[[XYZ]\]\]").all()
    row = sample.iloc[0]
    assert row["n_in_stratum"] == ((scored.outlet == row.outlet) & (scored.actor_id == row.actor_id)
                                   & (scored.label == row.label)).sum()


def test_draw_sample_errors():
    with pytest.raises(ValueError, match="'n_per_stratum'"):
        draw_sample(_scored(), n_per_stratum=0)
    with pytest.raises(MissingColumnError, match="label"):
        draw_sample(_scored().drop(columns="label"), n_per_stratum=1)


def test_write_coding_sheet_hides_labels_and_is_byte_stable(tmp_path):
    sample = draw_sample(_scored(), n_per_stratum=1)
    paths = write_coding_sheet(sample, tmp_path / "sheet.csv", xlsx=False)
    sheet = pd.read_csv(paths["sheet"], keep_default_na=False)
    assert tuple(sheet.columns) == SHEET_COLUMNS
    assert (sheet["code"] == "").all()
    assert not {"label", "polarity", "model_code"} & set(sheet.columns)
    assert paths["key"] == key_path(tmp_path / "sheet.csv") == tmp_path / "sheet.key.csv"
    assert "negative" in paths["readme"].read_text(encoding="utf-8")
    first = {k: p.read_bytes() for k, p in paths.items()}
    write_coding_sheet(sample, tmp_path / "sheet.csv", xlsx=False)
    assert {k: p.read_bytes() for k, p in paths.items()} == first
    key = read_key(paths["key"])
    assert key["item_id"].tolist() == sheet["item_id"].tolist()


def test_sample_drawn_without_sentences_gets_its_context_when_written(tmp_path):
    """A study may leave sentences on disk: the draw needs none, the sheet marks them later."""
    scored = _scored()
    full = draw_sample(scored, n_per_stratum=1, random_state=2)
    lean = draw_sample(scored.drop(columns=["sentence"]), n_per_stratum=1, random_state=2)
    assert "context" not in lean.columns
    pd.testing.assert_frame_equal(lean, full.drop(columns=["sentence", "context"]))
    with pytest.raises(MissingColumnError, match="context"):
        write_coding_sheet(lean, tmp_path / "lean.csv", xlsx=False)
    added = lean.assign(sentence=full["sentence"])  # what Study.add_mention_text adds
    a = write_coding_sheet(added, tmp_path / "a.csv", xlsx=False)
    b = write_coding_sheet(full, tmp_path / "b.csv", xlsx=False)
    assert a["sheet"].read_bytes() == b["sheet"].read_bytes()


def test_xlsx_sheet_round_trips(tmp_path):
    pytest.importorskip("openpyxl")
    sample = draw_sample(_scored(), n_per_stratum=1)
    paths = write_coding_sheet(sample, tmp_path / "sheet.csv")
    assert paths["xlsx"].exists()
    import openpyxl

    book = openpyxl.load_workbook(paths["xlsx"])
    assert book.sheetnames == ["instructions", "items"]
    items = book["items"]
    for r in range(2, items.max_row + 1):
        items.cell(row=r, column=SHEET_COLUMNS.index("code") + 1, value="neutral")
    book.save(tmp_path / "coded.xlsx")
    coded = read_coded_sheets([tmp_path / "coded.xlsx"])
    assert len(coded) == len(sample) and (coded["code"] == 0).all()


# --------------------------------------------------------------------------- commands


def test_sample_and_agreement_commands(tmp_path):
    scored = _scored()
    scored.to_parquet(tmp_path / "mentions.parquet")
    runner = CliRunner()
    out = tmp_path / "coding" / "sheet.csv"
    res = runner.invoke(sample_command, [str(tmp_path / "mentions.parquet"), "--n-per-stratum",
                                         "1", "--out", str(out), "--no-xlsx"])
    assert res.exit_code == 0, res.output
    assert out.exists() and key_path(out).exists()
    res = runner.invoke(sample_command, [str(tmp_path), "--n-per-stratum", "1", "--out", str(out)])
    assert res.exit_code == 2 and "already exists" in res.output
    res = runner.invoke(agreement_command, [*map(str, SHEETS), "--key", str(KEY), "--json",
                                            "--n-bootstrap", "100"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["coders"]["nominal"]["alpha"] == pytest.approx(18 / 35)
    assert {"ci_low", "ci_high", "n_items"} <= set(data["coders_and_model"]["ordinal"])
    res = runner.invoke(agreement_command, [str(CODING / "sheet_bad.csv")])
    assert res.exit_code == 1 and "row 4" in res.output


@pytest.mark.slow
def test_notebook_05_reports_agreement_on_the_hand_coded_sheets(tmp_path, tiny_corpus_path):
    from framing.runner import run_notebook

    params = {"corpus": str(tiny_corpus_path),
              "actors_file": str(tiny_corpus_path.parent / "actors_tiny.yml"),
              "out_dir": str(tmp_path), "coded_sheets": [str(p) for p in SHEETS],
              "n_bootstrap": 200}
    run_notebook("05_validation", params, output_path=tmp_path / "05.ipynb")
    for name in ("fig06_agreement.pdf", "fig06_agreement.png", "tab06_agreement.tex",
                 "tab07_confusion.csv"):
        assert (tmp_path / name).is_file(), name
    alphas = pd.read_csv(tmp_path / "tab06_agreement.csv")
    assert alphas.loc[0, "alpha"] == pytest.approx(18 / 35)


def test_plot_agreement_draws_one_row_per_alpha_with_cis(pyplot):
    from framing import plotting

    alphas = agreement(read_coded_sheets(SHEETS), KEY, n_bootstrap=50).alphas
    ax = plotting.plot_agreement(alphas)
    [bars] = ax.containers
    assert len(bars.lines[0].get_xdata()) == len(alphas)
    assert ax.get_yticklabels()[0].get_text() == "coders, nominal"
    assert ax.get_xlim()[1] == 1.0
    refs = [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() in (":", "--")]
    assert sorted(refs) == [0.667, 0.8]
    with pytest.raises(MissingColumnError, match="ci_low"):
        plotting.plot_agreement(alphas.drop(columns="ci_low"))
    with pytest.raises(ValueError, match="empty"):
        plotting.plot_agreement(alphas.iloc[:0])
