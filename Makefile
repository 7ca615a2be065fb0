# Set-up happens on first use: a .venv with the pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE ?= .
OUT ?= _site
BASE_URL ?=
PORT ?= 8000
HOST ?= 127.0.0.1
PYTEST_ARGS ?=

BASE_URL_FLAG := $(if $(BASE_URL),--base-url "$(BASE_URL)")
# TIMINGS=1 asks for them; TIMINGS=0 (or no, false) does not.
TIMINGS_FLAG := $(if $(filter-out 0 no false,$(TIMINGS)),--timings)
# DRAFTS=1 builds the claims marked draft: true too (for a staging copy); the preview always does.
DRAFTS_FLAG := $(if $(filter-out 0 no false,$(DRAFTS)),--drafts)

.PHONY: build check serve test bench clean claim

build: $(VENV)/.runtime
	$(BIN)/python -m builder build --site "$(SITE)" --out "$(OUT)" $(BASE_URL_FLAG) $(TIMINGS_FLAG) $(DRAFTS_FLAG)

check: $(VENV)/.runtime
	$(BIN)/python -m builder check --site "$(SITE)" $(DRAFTS_FLAG)

# make claim ID=<claim id> [FROM=<quotation group id>]
claim: $(VENV)/.runtime
	$(if $(ID),,$(error make claim needs ID=<claim id>, and FROM=<quotation group id> to start from a group))
	$(BIN)/python -m builder new-claim "$(ID)" $(if $(FROM),--from "$(FROM)") --site "$(SITE)"

serve: $(VENV)/.runtime
	$(BIN)/python -m builder serve --site "$(SITE)" --port "$(PORT)" --host "$(HOST)"

test: $(VENV)/.dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev
	$(BIN)/python -m benchmarks

# OUT goes only if a build wrote it (the marker every build leaves): OUT=docs must not
# take a Pages docs folder with it.
clean:
	@if [ -e "$(OUT)/.factcheck-build" ]; then rm -rf "$(OUT)"; \
	elif [ -e "$(OUT)" ]; then echo "make clean: kept $(OUT): not a build (no .factcheck-build in it)"; fi
	rm -rf "$(SITE)/.cache" .cache .pytest_cache .hypothesis
	find . -name __pycache__ -type d -not -path "./$(VENV)/*" -prune -exec rm -rf {} +

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@
