# AI ETL Assistant — `make demo` runs the main job end to end, `make test` runs the tests.
# Both set everything up on a fresh Debian machine (system packages, then a venv in .venv).

VENV ?= .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test lint unit integration ui bench bench-planner eval system-deps venv demo-stop clean

system-deps:
	bash scripts/install_system_deps.sh

# The editable build leaves egg-info in the checkout; with it, Airflow run from here would see
# the plugin twice, so it is removed.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	rm -rf airflow_ai_etl.egg-info
	touch $@

venv: $(VENV)/.installed

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# `make test` uses both cores: pytest-xdist workers, each with its own servers, metadata DBs and
# AIRFLOW_HOME (tests/conftest.py). Whole files go to one worker, tests/ui/ all to one; files are
# handed out in collection order (integration and UI, the slow ones, first). TEST_WORKERS=0 runs
# everything in this one process, as before.
TEST_WORKERS ?= 2
XDIST := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The tests start hundreds of Python processes (`airflow ...` commands, the import gate's DagBag,
# servers) that import this package. Where PYTHONDONTWRITEBYTECODE is set (as in CI: its checkout
# had no tests/__pycache__ after a run) none writes bytecode, so each compiled the package again
# (~0.6 s of CPU per process that plans; test_cli's deploy test 90 -> 80 s of CPU). Compiled once
# here, every process reads the .pyc files (__pycache__ is git-ignored).
BYTECODE := $(PY) -m compileall -q airflow_ai_etl plugins scripts

test: system-deps venv lint
	$(BYTECODE)
	$(PY) -m pytest -q --durations=25 $(XDIST)

unit: venv
	$(BYTECODE)
	$(PY) -m pytest -q tests/unit

integration: system-deps venv
	$(BYTECODE)
	$(PY) -m pytest -q tests/integration

ui: system-deps venv
	$(BYTECODE)
	$(PY) -m pytest -q tests/ui

demo: system-deps venv
	$(PY) scripts/demo.py

demo-stop: venv
	$(PY) scripts/local_servers.py stop --dir .demo

eval: venv
	$(PY) eval/perturb.py
	$(PY) eval/run_eval.py --all

bench-planner: venv
	$(PY) eval/perturb.py
	$(PY) benchmarks/planner_latency.py
	$(PY) benchmarks/llm_cache_bench.py

bench: system-deps venv
	$(PY) benchmarks/transfer_bench.py
	$(PY) benchmarks/cdc_bench.py --baseline-ref 6f5bd65  # the CDC operator before the streaming reader
	$(PY) benchmarks/file_bench.py
	$(PY) benchmarks/planner_bench.py

clean: demo-stop
	rm -rf .demo
