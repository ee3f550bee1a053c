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
    """`report --corpus X` twice, then `score X` + `report --dataset`: identical outputs."""
    from framing.scale import score_corpus

    out = tmp_path / "report"
    run_report(corpus=tiny_corpus_path, out_dir=out, parameters={"min_mentions": 1})
    manifest = _assert_report(out)
    assert manifest["load_report"]["n_accepted"] == 8
    assert manifest["dataset"] == str((out / "data").resolve())

    def outputs(folder):
        files = sorted(folder.glob("fig*")) + sorted(folder.glob("tab*"))
        files += [folder / "data" / name for name in ("statements.csv", "stance.csv")]
        files += sorted((folder / "validation").glob("*"))
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}

    first = outputs(out)
    assert any(name.endswith(".tex") for name in first)
    assert "data/stance.csv" in first and "validation/sheet.csv" in first
    with pytest.raises(OverwriteError):
        run_report(corpus=tiny_corpus_path, out_dir=out)
    run_report(corpus=tiny_corpus_path, out_dir=out, parameters={"min_mentions": 1},
               overwrite=True, force=True)  # every notebook again, not only changed ones
    second = outputs(out)
    assert first.keys() == second.keys()
    changed = [name for name in first if first[name] != second[name]]
    assert changed == [], f"outputs differ between identical runs: {changed}"

    score_corpus(tiny_corpus_path, tmp_path / "scores", jobs=2, progress=False)
    other = tmp_path / "from_dataset"
    manifest = run_report(dataset=tmp_path / "scores", out_dir=other,
                          parameters={"min_mentions": 1})
    assert manifest["dataset"] == str((tmp_path / "scores").resolve())
    assert not (other / "data" / "_manifest.sqlite").exists()  # nothing scored there
    third = outputs(other)
    assert first.keys() == third.keys()
    changed = [name for name in first if first[name] != third[name]]
    assert changed == [], f"report --dataset differs from report --corpus: {changed}"


@pytest.mark.slow
def test_unchanged_notebooks_are_not_run_again(tmp_path, tiny_corpus_path):
    """A second report runs only the notebooks whose inputs or outputs changed."""
    out = tmp_path / "report"
    two = ("01_explore_corpus", "05_validation")
    run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two)
    stamps = {p: p.stat().st_mtime_ns for p in out.glob("notebooks/*.ipynb")}
    again = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True)
    assert all(run["skipped"] for run in again["notebooks"].values())
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # nothing rewritten
    assert again["outputs"] and again["report_files"]
    # a parameter only notebook 01 declares: 01 runs, 05 does not
    changed = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
                         parameters={"top_outlets": 3})
    assert {k: v["skipped"] for k, v in changed["notebooks"].items()} == {
        "01_explore_corpus": False, "05_validation": True}
    # a file named by a parameter changed: the notebooks reading it run again
    actors = tmp_path / "actors.yml"
    actors.write_bytes(paths.DEFAULT_ACTORS.read_bytes())
    run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
               parameters={"top_outlets": 3}, actors=actors)
    actors.write_bytes(actors.read_bytes() + b"\n# edited\n")
    edited = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
                        parameters={"top_outlets": 3}, actors=actors)
    assert not any(run["skipped"] for run in edited["notebooks"].values())
    # an output deleted or edited by hand: nothing can be trusted, everything runs
    (out / "fig01_articles_by_outlet.csv").unlink()
    redone = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
                        parameters={"top_outlets": 3}, actors=actors)
    assert not any(run["skipped"] for run in redone["notebooks"].values())
    assert (out / "fig01_articles_by_outlet.csv").is_file()
    forced = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
                        parameters={"top_outlets": 3}, actors=actors, force=True)
    assert not any(run["skipped"] for run in forced["notebooks"].values())
    # warnings.log keeps the lines of the notebooks not run again (01), and drops the
    # lines of figures that are gone
    (out / "warnings.log").write_text(
        "fig01_articles_by_outlet: kept\nfig99_gone: no such figure\n", encoding="utf-8")
    only_05 = run_report(corpus=tiny_corpus_path, out_dir=out, notebooks=two, overwrite=True,
                         parameters={"top_outlets": 3, "n_per_stratum": 3}, actors=actors)
    assert {k: v["skipped"] for k, v in only_05["notebooks"].items()} == {
        "01_explore_corpus": True, "05_validation": False}
    assert only_05["warnings"] == ["fig01_articles_by_outlet: kept"]


@pytest.mark.slow
def test_interrupted_report_resumes_without_rescoring(tmp_path, monkeypatch):
    """A report killed while scoring resumes: finished chunks are kept, the dataset is whole."""
    import sys

    from framing.scale import read_mentions, score_corpus, worker

    sys.path.insert(0, str(paths.ROOT))
    from benchmarks.synthetic import write_corpus

    corpus = write_corpus(tmp_path / "c.jsonl", 600, n_words=40, n_mentions=2)  # 3 chunks
    real, calls = worker.process_chunk, []

    def crash_on_third(task):
        calls.append(task["key"])
        if len(calls) == 3:
            raise RuntimeError("simulated crash")
        return real(task)

    out = tmp_path / "report"
    monkeypatch.setattr(worker, "process_chunk", crash_on_third)
    with pytest.raises(RuntimeError, match="simulated crash"):
        run_report(corpus=corpus, out_dir=out, jobs=1, notebooks=("01_explore_corpus",))
    monkeypatch.setattr(worker, "process_chunk", real)
    assert not list(out.glob("fig*"))
    parts = {p: p.stat().st_mtime_ns for p in (out / "data").rglob("part-*.parquet")}
    assert parts  # the two finished chunks are on disk
    scored = []
    monkeypatch.setattr(worker, "process_chunk", lambda task: scored.append(1) or real(task))
    # no --overwrite needed: the folder holds only the dataset being resumed
    manifest = run_report(corpus=corpus, out_dir=out, jobs=1, notebooks=("01_explore_corpus",))
    n_chunks = manifest["load_report"]["n_chunks"]
    assert n_chunks == 3 and len(scored) == n_chunks - 2  # only the unfinished chunk
    assert {p: p.stat().st_mtime_ns for p in parts} == parts  # finished parts untouched
    assert manifest["load_report"]["n_accepted"] == 600
    fresh = tmp_path / "fresh"
    score_corpus(corpus, fresh, jobs=1, progress=False)
    pd.testing.assert_frame_equal(read_mentions(out / "data"), read_mentions(fresh))
    assert (out / "fig01_articles_by_outlet.csv").is_file()


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


@pytest.mark.slow
def test_start_here_notebook_opens_a_study_and_shows_coverage(tmp_path, tiny_corpus_path):
    import nbformat

    from framing.runner import run_notebook

    study = tmp_path / "study.yml"
    study.write_text(f"corpus: {tiny_corpus_path}\nout: out\n", encoding="utf-8")
    out = run_notebook("00_start_here", {"study": str(study)},
                       output_path=tmp_path / "00_start_here.ipynb", timeout=300)
    text = "".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
        for cell in nbformat.read(out, as_version=4).cells for o in cell.get("outputs", [])
    )
    assert "n_accepted" in text and "mentions" in text and "scorers" in text
    assert (tmp_path / "out" / "data" / "load_report.json").is_file()
