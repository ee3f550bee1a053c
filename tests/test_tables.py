"""Tests for framing.tables: CSV + booktabs LaTeX, escaping, byte-stable reruns."""

import numpy as np
import pandas as pd
import pytest

from framing.tables import save_table, to_latex


@pytest.fixture
def table():
    return pd.DataFrame({
        "outlet": ["Ore & Capital", "Kyiv_Ledger", "Волга"],
        "n_mentions": [12, 3, 7],
        "mean": [-0.12345, 0.5, np.nan],
        "significant": [True, False, True],
    })


def test_to_latex_booktabs_structure(table):
    tex = to_latex(table, caption="Mean tone, 95% CI", label="tab:means")
    lines = tex.splitlines()
    assert lines[0] == r"\begin{table}[htbp]"
    assert r"\begin{tabular}{lrrl}" in lines
    assert lines.index(r"\toprule") < lines.index(r"\midrule") < lines.index(r"\bottomrule")
    assert r"\caption{Mean tone, 95\% CI}" in lines
    assert r"Ore \& Capital & 12 & \ensuremath{-}0.123 & yes \\" in lines
    assert r"Kyiv\_Ledger & 3 & 0.500 & no \\" in lines
    assert r"Волга & 7 &  & yes \\" in lines  # NaN is an empty cell; Cyrillic kept
    assert r"n\_mentions" in tex
    assert tex.endswith("\\end{table}\n")


def test_negative_zero_is_written_as_zero():
    tex = to_latex(pd.DataFrame({"x": [-0.0001]}), caption="c", label="t")
    assert "0.000 \\\\" in tex and "ensuremath" not in tex


def test_save_table_writes_csv_and_tex_byte_identically(tmp_path, table):
    paths = save_table(table, "tab01_means", out_dir=tmp_path / "t", caption="c", label="tab:x")
    assert set(paths) == {"csv", "tex"}
    first = {k: p.read_bytes() for k, p in paths.items()}
    save_table(table, "tab01_means", out_dir=tmp_path / "t", caption="c", label="tab:x")
    assert {k: p.read_bytes() for k, p in paths.items()} == first
    back = pd.read_csv(paths["csv"])
    assert back["mean"].iloc[0] == pytest.approx(-0.12345)
    assert b"\r\n" not in first["csv"]


@pytest.mark.parametrize(
    ("name", "label", "match"),
    [("tab01.csv", "tab:x", "'name'"), ("../tab", "tab:x", "'name'"),
     ("tab01", "tab x{}", "'label'")],
    ids=["extension", "folder", "label"],
)
def test_save_table_rejects_bad_names(tmp_path, table, name, label, match):
    with pytest.raises(ValueError, match=match):
        save_table(table, name, out_dir=tmp_path, caption="c", label=label)


def test_save_table_needs_a_dataframe(tmp_path):
    with pytest.raises(TypeError, match="DataFrame"):
        save_table([1, 2], "tab01", out_dir=tmp_path, caption="c", label="t")
