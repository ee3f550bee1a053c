"""The dependency direction corpus → actors → scorers → aggregate → plotting holds.

A small AST scan of import statements: no module imports one further down the chain
(docs/architecture.md). Modules outside the chain (pipeline, runner, cli, …) sit on top.
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "framing"
CHAIN = ["corpus", "actors", "scorers", "aggregate", "plotting"]


def _imported_framing_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("framing."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("framing."):
                    found.add(alias.name.split(".")[1])
    return found


@pytest.mark.parametrize("layer", CHAIN)
def test_no_module_imports_further_down_the_chain(layer):
    files = [SRC / f"{layer}.py"] if (SRC / f"{layer}.py").exists() else sorted((SRC / layer).glob("*.py"))
    assert files, layer
    downstream = set(CHAIN[CHAIN.index(layer) + 1 :])
    for path in files:
        bad = _imported_framing_modules(path) & downstream
        assert not bad, f"{path.relative_to(SRC)} imports downstream module(s) {sorted(bad)}"


def test_importing_framing_is_light():
    import subprocess
    import sys

    code = "import sys, framing; print(sorted(m for m in ('matplotlib', 'pandas', 'papermill', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _private_uses(path):
    """``module._name`` uses, where `module` is a framing module imported in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("framing"):
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("framing"):
                    aliases[alias.asname or alias.name] = alias.name
    return sorted(
        f"{aliases[node.value.id]}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        and node.value.id in aliases and node.attr.startswith("_")
        and not node.attr.startswith("__")
    )


def _private_imports(path):
    """``from framing.x import _name`` imports in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("framing")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    )


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")),
                         ids=lambda p: p.relative_to(SRC).as_posix())
def test_modules_meet_through_public_names(path):
    """No module uses another module's underscore names, as attributes or imports."""
    uses = _private_uses(path) + _private_imports(path)
    assert uses == [], f"{path.relative_to(SRC)} uses private names {uses}"
