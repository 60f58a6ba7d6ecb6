# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: demo test bench eval clean schema-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/quotebook --db $(DEMO_DB) import examples/
	$(BIN)/quotebook --db $(DEMO_DB) search "sanctions"

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# Scores on the seed and PolNeAR dev (needs ../shared/data); `make eval TRAIN=1` adds train.
eval: $(VENV)/.installed
	$(BIN)/python benchmarks/eval_polnear.py seed dev $(if $(TRAIN),train)
	$(BIN)/python benchmarks/extract_speed.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm build *.egg-info
