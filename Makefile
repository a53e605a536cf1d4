# Entry points that do all the set-up on a fresh machine:
#   make run   - create .venv, install antq, run the pipeline on corpora/seeds
#   make notebooks - install the notebooks extra, open JupyterLab on notebooks/ (ANTQ_OUT=out/)
#   make test  - install the test extras, then ruff and pytest
#   make lock  - re-resolve requirements.lock after a change to pyproject.toml
# Both install targets install exactly the pinned set of a lock file
# (requirements.lock for run, requirements-test.lock for test), then antq itself
# without resolving anything, so a fresh machine and CI install what was tested.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock

.PHONY: run notebooks test lint bench evaluate model clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(TEST_LOCK) $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -r $(TEST_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

$(VENV)/.installed-notebooks: pyproject.toml $(TEST_LOCK) $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -c $(TEST_LOCK) -e ".[notebooks]"
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

# Re-train the weakness detector from the gold corpora (writes
# extractors/clauses/weakness_model.joblib and weakness_model.yaml).
model: $(VENV)/.installed-run
	$(BIN)/antq weaknesses train

bench: $(VENV)/.installed-run
	$(BIN)/antq bench --docs 50 --docs 500 --repeat 3 --save bench.json

# The one documented way to make the locks: every pin for Python 3.11; the run lock
# is resolved within the test lock, so both pin the same versions (make notebooks installs its
# extra within the test lock too).
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 -o $(TEST_LOCK)
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -c $(TEST_LOCK) -o $(LOCK)

clean:
	rm -rf $(OUT) .prefect
