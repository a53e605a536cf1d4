# Entry points that do all the set-up on a fresh machine:
#   make run   - create .venv, install antq, run the pipeline on corpora/seeds
#   make notebooks - install the notebooks extra, open JupyterLab on notebooks/ (ANTQ_OUT=out/)
#   make test  - install the test extras, then ruff and pytest
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run notebooks test lint bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

$(VENV)/.installed-notebooks: pyproject.toml $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e ".[notebooks]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

run: $(VENV)/.installed-run
	$(BIN)/antq run corpora/seeds --out $(OUT)/ --entities all

notebooks: $(VENV)/.installed-notebooks
	ANTQ_OUT="$(abspath $(OUT))" $(BIN)/jupyter lab notebooks/

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

evaluate: $(VENV)/.installed-run
	$(BIN)/antq evaluate --docs corpora/seeds --gold corpora/gold

bench: $(VENV)/.installed-run
	$(BIN)/antq bench --docs 50 --docs 500 --save bench.json

clean:
	rm -rf $(OUT) .prefect
