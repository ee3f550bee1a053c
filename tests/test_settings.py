"""StudySettings files: settings in one place, paths relative to the file, never to the cwd."""

import shutil

import pytest
from click.testing import CliRunner

from framing import paths
from framing.actors import load_actors
from framing.cli import main
from framing.exceptions import OverwriteError
from framing.settings import StudySettings, StudyError, init_study, load_study_settings, write_study_settings


@pytest.fixture
def study_dir(tmp_path):
    folder = tmp_path / "study"
    (folder / "data").mkdir(parents=True)
    shutil.copy(paths.DEFAULT_CORPUS, folder / "data" / "articles.jsonl")
    shutil.copy(paths.DEFAULT_ACTORS, folder / "actors.yml")
    (folder / "study.yml").write_text(
        "name: tiny\ncorpus: data/articles.jsonl\nactors: actors.yml\nout: out\n"
        "period: month\nstart: 2025-02-01\n", encoding="utf-8")
    return folder


def test_bundled_corpus_is_a_study():
    study = load_study_settings(paths.CORPUS_DIR / "study.yml")
    assert study.corpus == (paths.DEFAULT_CORPUS,)
    assert study.actors == paths.DEFAULT_ACTORS and study.out == paths.FIGURES_DIR


def test_paths_resolve_against_the_study_file_from_any_cwd(study_dir, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    study = load_study_settings(study_dir / "study.yml")
    assert study.corpus == ((study_dir / "data" / "articles.jsonl").resolve(),)
    assert study.out == (study_dir / "out").resolve()
    assert study.period == "month" and study.start == "2025-02-01" and study.end is None
    assert load_study_settings(study_dir).path == (study_dir / "study.yml").resolve()  # a folder works


def test_overrides_replace_settings(study_dir):
    study = load_study_settings(study_dir / "study.yml", period="week", scorer="textblob", end=None)
    assert study.period == "week" and study.scorer == "textblob"


@pytest.mark.parametrize(
    ("text", "match"),
    [("corpus: data/articles.jsonl\nperiode: week\n", "unknown key 'periode'.*'period'"),
     ("corpus: data/articles.jsonl\nperiod: day\n", "'period' must be one of"),
     ("corpus: data/articles.jsonl\nstart: 1/2/2025\n", "'start' must be a date"),
     ("corpus: data/articles.jsonl\nformat: pdf\n", "'format' must be one of"),
     ("name: x\n", "'corpus' is required")],
    ids=["typo", "period", "date", "format", "no-corpus"],
)
def test_malformed_study_files_name_the_key(study_dir, text, match):
    (study_dir / "study.yml").write_text(text, encoding="utf-8")
    with pytest.raises(StudyError, match=match):
        load_study_settings(study_dir / "study.yml")


def test_missing_paths_say_where_they_were_looked_for(study_dir):
    (study_dir / "study.yml").write_text("corpus: nowhere.jsonl\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="relative to"):
        load_study_settings(study_dir / "study.yml")


def test_write_and_read_back(study_dir, tmp_path):
    study = load_study_settings(study_dir / "study.yml")
    again = load_study_settings(write_study_settings(study, study_dir / "copy.yml"))
    assert again.corpus == study.corpus and again.out == study.out and again.start == study.start
    with pytest.raises(OverwriteError):
        write_study_settings(study, study_dir / "copy.yml")


def test_init_writes_a_study_and_a_starter_registry(tmp_path):
    path = init_study(tmp_path / "new", paths.DEFAULT_CORPUS, n_actors=5)
    study = load_study_settings(path)
    assert study.corpus == (paths.DEFAULT_CORPUS,)
    assert len(list(load_actors(study.actors))) == 5
    with pytest.raises(OverwriteError):
        init_study(tmp_path / "new", paths.DEFAULT_CORPUS)
    result = CliRunner().invoke(main, ["init", str(tmp_path / "cli"), "--corpus",
                                       str(paths.DEFAULT_CORPUS), "--actors", "3"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "study.yml").is_file()


def test_study_dataclass_is_plain():
    s = StudySettings(path=None, name="x", corpus=(paths.DEFAULT_CORPUS,))
    assert s.period == "week" and "corpus:" in s.to_yaml()


def _snapshot(folder):
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*")}


@pytest.mark.slow
def test_a_study_reports_from_any_cwd_and_writes_only_its_output(tmp_path, tiny_corpus_path,
                                                                 monkeypatch):
    study = tmp_path / "study"
    (study / "data").mkdir(parents=True)
    shutil.copy(tiny_corpus_path, study / "data" / "articles.jsonl")
    shutil.copy(paths.DEFAULT_ACTORS, study / "actors.yml")
    (study / "study.yml").write_text(
        "name: tiny\ncorpus: data/articles.jsonl\nactors: actors.yml\nout: out\nperiod: month\n",
        encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    before_study, before_repo = _snapshot(study), _snapshot(paths.NOTEBOOKS_DIR)
    before_figures = _snapshot(paths.FIGURES_DIR) if paths.FIGURES_DIR.exists() else {}
    result = CliRunner().invoke(main, ["report", "--study", "../study/study.yml",
                                       "--notebook", "01_explore_corpus", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert (study / "out" / "fig01_articles_by_outlet.pdf").is_file()
    assert not any(elsewhere.iterdir())  # nothing in the working directory
    after = _snapshot(study)
    changed = {p for p in after if before_study.get(p) != after[p]}
    assert changed and all(study / "out" in p.parents or p == study / "out" for p in changed)
    assert _snapshot(paths.NOTEBOOKS_DIR) == before_repo
    assert (_snapshot(paths.FIGURES_DIR) if paths.FIGURES_DIR.exists() else {}) == before_figures


def test_a_corpus_without_registry_actors_stops_with_the_suggest_hint(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(
        f'{{"article_id": "a{i}", "outlet": "Harbour News", "published": "2024-05-0{i + 1}", '
        f'"text": "The harbour council met on day {i} to discuss the new ferry timetable."}}\n'
        for i in range(5)), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "--corpus", str(corpus), "--out",
                                       str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 1
    assert "No actor of the registry occurs" in result.output
    assert "framing actors suggest" in result.output
