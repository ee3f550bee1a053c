"""Tests for the framing console script (click's CliRunner): wiring and exit codes."""

import pytest
from click.testing import CliRunner

from framing.cli import main


@pytest.fixture
def cli():
    return CliRunner()


def test_list_params_prints_name_type_default_help(cli):
    result = cli.invoke(main, ["run", "02_compare_outlets", "--list-params"])
    assert result.exit_code == 0, result.output
    assert "group_by: str = \"outlet\"  # " in result.output


def test_unknown_notebook_parameter_is_a_usage_error(cli, tmp_path):
    result = cli.invoke(
        main, ["run", "02_compare_outlets", "-p", "gruop_by", "leaning", "--out", str(tmp_path / "x.ipynb")]
    )
    assert result.exit_code == 2
    assert result.output.startswith("error: Unknown parameter 'gruop_by'")
    assert "'group_by'" in result.output
    assert not (tmp_path / "x.ipynb").exists()


def test_list_parameter_as_plain_string_is_a_usage_error(cli, tmp_path):
    result = cli.invoke(
        main, ["run", "02_compare_outlets", "-p", "actors", "trump", "--out", str(tmp_path / "x.ipynb")]
    )
    assert result.exit_code == 2
    assert "must be of type list" in result.output


def test_report_refuses_non_empty_out_without_overwrite(cli, tmp_path, tiny_corpus_path):
    (tmp_path / "keep.txt").write_text("user file", encoding="utf-8")
    result = cli.invoke(main, ["report", "--corpus", str(tiny_corpus_path), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--overwrite" in result.output
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "user file"


def test_report_unknown_parameter_fails_before_any_work(cli, tmp_path, tiny_corpus_path):
    out = tmp_path / "out"
    result = cli.invoke(
        main, ["report", "--corpus", str(tiny_corpus_path), "--out", str(out), "-p", "peroid", "month"]
    )
    assert result.exit_code == 2
    assert "Did you mean 'period'?" in result.output
    assert not out.exists()


def test_malformed_corpus_is_a_data_error(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes("article_id,outlet,text\n1,Caf\xe9 Daily,ok\n".encode("cp1252"))
    result = cli.invoke(main, ["report", "--corpus", str(bad), "--out", str(tmp_path / "out"),
                              "--no-progress"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "bad.csv" in result.output


def test_report_dataset_option_checks(cli, tmp_path, tiny_corpus_path):
    both = cli.invoke(main, ["report", "--corpus", str(tiny_corpus_path), "--dataset",
                             str(tmp_path), "--out", str(tmp_path / "out")])
    assert both.exit_code == 2 and "not both" in both.output
    (tmp_path / "empty").mkdir()
    result = cli.invoke(main, ["report", "--dataset", str(tmp_path / "empty"),
                               "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "not a framing scores dataset" in result.output
    assert not (tmp_path / "out").exists()


def test_format_choices_come_from_the_loader(cli):
    from framing.corpus import FORMATS

    for command in (["report"], ["score", "x"]):
        result = cli.invoke(main, [*command, "--format", "no-such-format"])
        assert result.exit_code == 2
        assert all(name in result.output for name in FORMATS)
