"""Tests for framing.runner: strict parameters, current-env kernel, failures named by cell."""

import datetime as dt

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from framing.exceptions import NotebookExecutionError, NotebookParameterError, OverwriteError
from framing.runner import (
    NOTEBOOKS,
    check_output_dir,
    load_parameter_file,
    notebook_parameters,
    run_notebook,
    validate_parameters,
)


def _write_notebook(path, params_src, body_src, kernel: str | None = "python3"):
    nb = new_notebook(
        cells=[
            new_code_cell(params_src, metadata={"tags": ["parameters"]}),
            new_code_cell(body_src),
        ]
    )
    if kernel is not None:
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def toy_notebook(tmp_path):
    return _write_notebook(
        tmp_path / "toy.ipynb",
        'names: list = ["a"]  # names to greet\nstart: str = "2025-01-01"  # first day\n'
        "n: int = 1  # repetitions\nratio: float = 0.5  # a fraction",
        "print(type(start).__name__, start, names * n)",
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_report_notebook_declares_typed_parameters(name):
    params = notebook_parameters(name)
    common = {"corpus", "actors_file", "outlets_file", "out_dir", "scorer"}
    if name != "05_validation":  # validation samples mentions; it takes no date range
        common |= {"start", "end", "outlets", "actors"}
    assert common <= set(params)
    assert all(info["type"] != "None" and info["help"] for info in params.values())


def test_unknown_parameter_names_the_closest_valid_one(toy_notebook):
    with pytest.raises(NotebookParameterError, match=r"Unknown parameter 'nmes'.*'names'"):
        validate_parameters(toy_notebook, {"nmes": ["x"]})


def test_list_parameter_given_as_string_fails_with_type_message(toy_notebook):
    with pytest.raises(NotebookParameterError, match=r"'names' parameter .* must be of type list"):
        validate_parameters(toy_notebook, {"names": "trump"})


@pytest.mark.parametrize(
    ("value", "ok"),
    [(3, True), (True, False), ("3", False)],
    ids=["int", "bool-is-not-int", "str-is-not-int"],
)
def test_int_parameter_type_check(toy_notebook, value, ok):
    if ok:
        assert validate_parameters(toy_notebook, {"n": value}) == {"n": value}
    else:
        with pytest.raises(NotebookParameterError, match="'n' parameter"):
            validate_parameters(toy_notebook, {"n": value})


def test_float_parameter_accepts_int(toy_notebook):
    assert validate_parameters(toy_notebook, {"ratio": 1}) == {"ratio": 1}


def test_yaml_dates_arrive_as_iso_strings(tmp_path, toy_notebook):
    params_file = tmp_path / "p.yml"
    params_file.write_text("start: 2025-02-28\n", encoding="utf-8")
    from_file = load_parameter_file(params_file)
    assert from_file == {"start": "2025-02-28"}
    assert validate_parameters(toy_notebook, {"start": dt.date(2025, 2, 28)}) == from_file
    import papermill  # noqa: F401  (importing papermill must not change the result)

    assert load_parameter_file(params_file) == from_file


def test_notebook_without_parameters_cell_is_rejected(tmp_path):
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    path = tmp_path / "bare.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookParameterError, match="no cell tagged 'parameters'"):
        notebook_parameters(path)


def test_check_output_dir_refuses_non_empty_folder(tmp_path):
    (tmp_path / "README.md").write_text("kept", encoding="utf-8")
    check_output_dir(tmp_path, overwrite=False)  # README alone is fine
    (tmp_path / "fig01.pdf").write_bytes(b"%PDF")
    with pytest.raises(OverwriteError, match="--overwrite"):
        check_output_dir(tmp_path, overwrite=False)
    check_output_dir(tmp_path, overwrite=True)


@pytest.mark.slow
def test_run_uses_current_env_even_if_kernelspec_is_unknown(tmp_path):
    nb = _write_notebook(
        tmp_path / "k.ipynb",
        'tag: str = "x"  # a tag',
        "import sys\nprint(sys.executable)",
        kernel="no-such-kernel-anywhere",
    )
    out = run_notebook(nb, {"tag": "y"}, output_path=tmp_path / "out" / "k.ipynb", timeout=60)
    executed = nbformat.read(out, as_version=4)
    import sys

    text = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert sys.executable in text
    assert executed.metadata["papermill"]["parameters"] == {"tag": "y"}
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)


@pytest.mark.slow
def test_run_without_kernelspec_uses_current_env(tmp_path):
    nb = _write_notebook(tmp_path / "bare.ipynb", "n: int = 1  # a number", "print(n * 2)", kernel=None)
    assert "kernelspec" not in nbformat.read(nb, as_version=4).metadata
    assert notebook_parameters(nb)["n"]["type"] == "int"
    out = run_notebook(nb, {"n": 21}, output_path=tmp_path / "out" / "bare.ipynb", timeout=60)
    text = "".join(o.get("text", "") for o in nbformat.read(out, as_version=4).cells[-1].outputs)
    assert text.strip() == "42"


@pytest.mark.slow
def test_cell_timeout_names_the_cell_and_keeps_partial_output(tmp_path):
    nb = _write_notebook(tmp_path / "hang.ipynb", "seconds: int = 60  # how long", "import time\ntime.sleep(seconds)")
    out = tmp_path / "hang_out.ipynb"
    with pytest.raises(NotebookExecutionError, match=r"timed out in cell \d+ \('import time'\)") as info:
        run_notebook(nb, output_path=out, timeout=3)
    assert out.is_file() and info.value.output_path == out


@pytest.mark.slow
def test_kernel_death_is_reported(tmp_path):
    nb = _write_notebook(tmp_path / "die.ipynb", "code: int = 1  # exit code", "import os\nos._exit(code)")
    with pytest.raises(NotebookExecutionError, match="die.ipynb"):
        run_notebook(nb, output_path=tmp_path / "die_out.ipynb", timeout=30)


@pytest.mark.slow
def test_cell_error_names_cell(tmp_path):
    nb = _write_notebook(tmp_path / "err.ipynb", "x: int = 1  # a number", "1 / 0")
    with pytest.raises(NotebookExecutionError, match="ZeroDivisionError") as info:
        run_notebook(nb, output_path=tmp_path / "err_out.ipynb", timeout=30)
    assert info.value.cell_index is not None


@pytest.mark.slow
def test_papermill_runs_are_widget_free(tmp_path):
    nb = _write_notebook(
        tmp_path / "w.ipynb", "interactive: bool = True  # show widgets", "print('interactive', interactive)"
    )
    out = run_notebook(nb, output_path=tmp_path / "w_out.ipynb", timeout=60)
    executed = nbformat.read(out, as_version=4)
    assert executed.metadata["papermill"]["parameters"] == {"interactive": False}
    assert "interactive False" in "".join(o.get("text", "") for o in executed.cells[-1].outputs)


def test_a_kernel_that_dies_while_starting_is_started_once_more(tmp_path, monkeypatch):
    """Only a start-up death is retried: nothing ran, so nothing runs twice."""
    import papermill

    from framing.runner import run_notebook

    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    out = run_notebook("01_explore_corpus", {}, output_path=tmp_path / "a.ipynb")
    assert out == tmp_path / "a.ipynb" and len(calls) == 2

    calls.clear()

    def always(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", always)
    from framing.exceptions import NotebookExecutionError

    with pytest.raises(NotebookExecutionError, match="kernel_info"):
        run_notebook("01_explore_corpus", {}, output_path=tmp_path / "b.ipynb")
    assert len(calls) == 2  # one retry, not more
