# Two entry points that do all the set-up on a fresh machine:
#   make run   - create .venv, install antq, run the pipeline on corpora/seeds
#   make test  - install the test extras, then ruff and pytest
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test lint bench evaluate model clean

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

run: $(VENV)/.installed-run
	$(BIN)/antq run corpora/seeds --out $(OUT)/ --entities all
	$(BIN)/antq report --store $(OUT)/antq.duckdb --out $(OUT)/report.html

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

evaluate: $(VENV)/.installed-run
	$(BIN)/antq evaluate --docs corpora/seeds --gold corpora/gold

# Re-train the weakness detector from the gold corpora (writes
# extractors/clauses/weakness_model.joblib and weakness_model.yaml).
model: $(VENV)/.installed-run
	$(BIN)/antq weaknesses train

bench: $(VENV)/.installed-run
	$(BIN)/antq bench --docs 50 --docs 500

clean:
	rm -rf $(OUT) .prefect
