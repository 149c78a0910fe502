# Two commands do all set-up on a fresh machine (see README):
#   make run    install and start Peoplecraft on SQLite, printing where to open it
#   make test   install everything (browser included) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: run test lint browser bench lock clean

$(APP_STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e .
	touch $@

$(TEST_STAMP): $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	touch $@

run: $(APP_STAMP)
	$(BIN)/peoplecraft serve

# Debian's chromium drives the browser tests; Playwright never downloads a browser here.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(TEST_STAMP) browser lint
	PEOPLECRAFT_HOME=$$(mktemp -d) $(BIN)/pytest -n auto --durations=10 $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	PEOPLECRAFT_HOME=$$(mktemp -d) $(BIN)/python benchmarks/run_all.py

# Re-pin every dependency after changing pyproject.toml.
lock: $(TEST_STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --exclude peoplecraft > requirements.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis
