# Two entry points, both usable on a fresh machine with Python 3.11 and make:
#   make demo   generate the example case's eight letters and lint them
#   make test   install into .venv and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := demo-output

.PHONY: demo test clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/lettercheck demo $(DEMO_DIR)

test: $(BIN)/.installed
	$(BIN)/ruff check lettercheck tests benchmarks
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist *.egg-info
