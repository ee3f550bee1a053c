"""`framing actors suggest`: frequent names a registry misses, written as a draft registry."""

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.actors import ActorRegistry, load_actors
from framing.cli import main
from framing.suggest import SUGGESTION_COLUMNS, draft_registry, suggest_actors

TEXTS = [
    "Governor Maria Delgado praised the harbour plan. Mrs. Delgado said the Port Authority agreed.",
    "However, critics said Ms. Delgado moved too fast. The Port Authority declined to comment.",
    "Maria Delgado met Tomas Berg of the Harbour Council. Mr. Berg was cautious.",
    "However, the plan passed. Trump was not mentioned by Mr. Berg or Delgado.",
    "Tomas Berg resigned on Friday. However, Delgado kept the plan.",
]


@pytest.fixture
def articles():
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(TEXTS))],
                         "title": [""] * len(TEXTS), "text": TEXTS})


def test_names_are_counted_with_their_one_word_variants(articles):
    table = suggest_actors(articles)
    assert list(table.columns) == list(SUGGESTION_COLUMNS)
    rows = table.set_index("name")
    assert rows.at["Maria Delgado", "variants"] == ["Delgado"]
    assert rows.at["Maria Delgado", "n_articles"] == 5
    assert rows.at["Maria Delgado", "kind"] == "person"
    assert rows.at["Tomas Berg", "variants"] == ["Berg"]
    assert rows.at["Port Authority", "n_mentions"] == 2
    assert "However" not in rows.index  # opens sentences: not a name
    assert table["n_articles"].is_monotonic_decreasing


def test_actors_of_the_registry_are_not_suggested(articles):
    registry = ActorRegistry.from_dict({"actors": [
        {"id": "delgado", "label": "Maria Delgado", "kind": "person",
         "names": ["Maria Delgado", "Delgado"]}]})
    names = set(suggest_actors(articles, registry)["name"])
    assert "Maria Delgado" not in names and "Delgado" not in names and "Tomas Berg" in names


def test_draft_registry_loads_as_a_registry(articles, tmp_path):
    path = tmp_path / "draft.yml"
    path.write_text(draft_registry(suggest_actors(articles), source="tiny"), encoding="utf-8")
    registry = load_actors(path)
    assert "maria_delgado" in {a.id for a in registry}


def test_parameters_are_checked(articles):
    with pytest.raises(ValueError, match="'top' parameter"):
        suggest_actors(articles, top=0)


@pytest.mark.shared_data
def test_basil_suggestions_start_with_its_main_people(shared_data, tmp_path):
    out = tmp_path / "draft.yml"
    result = CliRunner().invoke(main, ["actors", "suggest", str(shared_data / "basil" /
                                       "basil_train.jsonl"), "--format", "basil",
                                       "--top", "15", "--out", str(out)])
    assert result.exit_code == 0, result.output
    first = result.output.split("\n")[1:16]
    for name in ("Barack Obama", "Hillary Clinton", "Donald Trump"):
        assert any(line.startswith(name) for line in first), (name, first)
    assert len(list(load_actors(out))) == 15
    again = CliRunner().invoke(main, ["actors", "suggest", str(shared_data / "basil" /
                                      "basil_train.jsonl"), "--format", "basil", "--out", str(out)])
    assert again.exit_code == 2 and "--overwrite" in again.output  # a usage error


def _renamed_corpus(tmp_path):
    import json

    rows = [{"id": f"r{i}", "source": "Riverton Gazette", "date": "2024-05-0" + str(i + 1),
             "body": TEXTS[i]} for i in range(len(TEXTS))]
    path = tmp_path / "renamed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_suggest_and_init_on_renamed_fields_say_how_to_map_them(tmp_path):
    path = _renamed_corpus(tmp_path)
    result = CliRunner().invoke(main, ["actors", "suggest", str(path)])
    assert result.exit_code == 1
    assert "None of the 5 records" in result.output and "--column source=outlet" in result.output
    result = CliRunner().invoke(main, ["init", str(tmp_path / "s"), "--corpus", str(path)])
    assert result.exit_code == 1 and "--column source=outlet" in result.output
    ok = CliRunner().invoke(main, ["actors", "suggest", str(path), "--column", "source=outlet",
                                   "--column", "body=text"])
    assert ok.exit_code == 0 and "Maria Delgado" in ok.output
    init = CliRunner().invoke(main, ["init", str(tmp_path / "s"), "--corpus", str(path),
                                     "--column", "source=outlet", "--column", "body=text",
                                     "--actors", "3"])
    assert init.exit_code == 0 and "(3 frequent names" in init.output
