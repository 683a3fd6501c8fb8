# MemberDesk: `make run` starts the terminal, `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= $(HOME)/.local/share/memberdesk

.PHONY: run test lint unit bench fuzz screenshots phone-screenshots i18n clean bundle bundle-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the counter terminal on the embedded default (local SQLite, demo data on first start).
run: $(STAMP)
	$(BIN)/memberdesk run

## Every check: lint, types, layer contracts, then the whole test suite.
test: $(STAMP) lint unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest -n 2 --dist worksteal -p no:cacheprovider

## Measured figures, each against a baseline from the same run.
bench: $(STAMP)
	$(BIN)/python -m bench

## Coverage-guided fuzzing of the member-code parser (atheris), 500,000 inputs.
fuzz: $(STAMP)
	$(BIN)/pip install --quiet atheris
	$(BIN)/python tests/fuzz/fuzz_codes.py -atheris_runs=500000

## Regenerate the .ts files from the code and compile the .qm translations.
i18n: $(STAMP)
	$(BIN)/python -m ui.i18n_build

## The one-folder bundle of the terminal (build.spec) in dist/memberdesk/.
BUNDLE_STAMP := $(VENV)/.bundle-installed
$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/memberdesk

## Build the bundle, then run its self-test headless (no display needed).
bundle-check: bundle
	env -u DISPLAY -u WAYLAND_DISPLAY dist/memberdesk/memberdesk --self-test

screenshots: $(STAMP)
	$(BIN)/python -m ui.screenshots docs/screenshots

## The member's phone page at phone size in three languages (needs chromium, chromium-driver).
phone-screenshots: $(STAMP)
	$(BIN)/python -m tests.mall.phone_screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
