"""End-to-end: `framing report` runs every notebook and writes figures, CSVs and a manifest.

Slow (starts Jupyter kernels). The BASIL run reads the real corpus from ../shared and
skips when it is absent.
"""

import json

import pandas as pd
import pytest

from framing import paths
from framing.exceptions import OverwriteError
from framing.runner import NOTEBOOKS, run_report

FIGURES = (
    "fig01_articles_by_outlet",
    "fig02_actor_salience",
    "fig03_sentiment_heatmap",
    "fig04_outlet_dots",
    "fig05_sentiment_over_time",
    "fig07_voice_share",
    "fig08_stance_network",
)


def _assert_report(out):
    for name in FIGURES:
        for suffix in (".pdf", ".png", ".csv"):
            path = out / f"{name}{suffix}"
            assert path.is_file() and path.stat().st_size > 0, path
        assert b"/Type3" not in (out / f"{name}.pdf").read_bytes()
    for name in NOTEBOOKS:
        assert (out / "notebooks" / f"{name}.ipynb").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["notebooks"]) == set(NOTEBOOKS)
    assert manifest["settings"]["registry"] and manifest["settings"]["scorer"]
    return manifest


@pytest.mark.slow
def test_report_on_tiny_corpus_is_complete_and_byte_stable(tmp_path, tiny_corpus_path):
    out = tmp_path / "report"
    run_report(corpus=tiny_corpus_path, out_dir=out, parameters={"min_mentions": 1})
    manifest = _assert_report(out)
    assert manifest["load_report"]["n_accepted"] == 8
    def outputs():
        return {p.name: p.read_bytes() for p in sorted(out.glob("fig*")) + sorted(out.glob("tab*"))}

    first = outputs()
    assert any(name.endswith(".tex") for name in first)
    with pytest.raises(OverwriteError):
        run_report(corpus=tiny_corpus_path, out_dir=out)
    run_report(corpus=tiny_corpus_path, out_dir=out, parameters={"min_mentions": 1}, overwrite=True)
    second = outputs()
    assert first.keys() == second.keys()
    changed = [name for name in first if first[name] != second[name]]
    assert changed == [], f"outputs differ between identical runs: {changed}"


@pytest.mark.slow
@pytest.mark.shared_data
def test_report_on_real_basil_corpus(tmp_path, shared_data):
    basil = shared_data / "basil" / "basil_train.jsonl"
    if not basil.is_file():
        pytest.skip(f"BASIL corpus not found at {basil}")
    out = tmp_path / "basil"
    run_report(
        corpus=basil,
        corpus_format="basil",
        actors=paths.CORPUS_DIR / "basil_actors.yml",
        outlets=paths.CORPUS_DIR / "basil_outlets.yml",
        out_dir=out,
        parameters={"period": "month"},
    )
    manifest = _assert_report(out)
    assert manifest["load_report"]["n_accepted"] == 150
    heat = pd.read_csv(out / "fig03_sentiment_heatmap.csv")
    assert {"Fox News", "New York Times", "HuffPost"} <= set(heat["outlet"])
    assert {"trump", "obama"} <= set(heat["actor_id"])
