# framing — self-documenting Makefile (`make` or `make help` lists the targets).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
export MPLBACKEND = Agg

.DEFAULT_GOAL := help
.PHONY: help env report test test-fast lint clean

help: ## Show this help.
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test]"
	touch $(STAMP)

env: $(STAMP) ## Create .venv and install framing with its test dependencies.

report: $(STAMP) ## Regenerate every report (notebooks, figures, CSVs) on the bundled corpus into figures/.
	$(BIN)/framing report --out figures --overwrite

test: $(STAMP) ## Run the whole test suite, notebooks included (what CI runs).
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run the tests except the slow notebook runs.
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP) ## Check style with ruff (installs ruff into the venv).
	$(BIN)/python -m pip install -q ruff && $(BIN)/ruff check src tests

clean: ## Remove generated figures, executed notebooks and caches (keeps .venv).
	find figures -mindepth 1 ! -name README.md ! -name .gitignore -exec rm -rf {} +
	rm -rf notebooks/_runs .pytest_cache
