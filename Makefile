# recindex: every target creates what it needs from the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUTPUT_DIR ?= output
SOURCES := $(sort $(wildcard sources/*))

FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: setup lock fonts run test reproduce bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# Re-pin every dependency to what a fresh install resolves today.
lock:
	rm -rf $(VENV)/lock && $(PYTHON) -m venv $(VENV)/lock
	$(VENV)/lock/bin/python -m pip install --quiet -e '.[test]'
	{ sed -n '1,2p' constraints.txt; $(VENV)/lock/bin/python -m pip freeze --exclude-editable | grep -v '^#'; } > constraints.new
	mv constraints.new constraints.txt && rm -rf $(VENV)/lock

# The layout tests typeset PDFs with real TrueType fonts (serif and sans, full Unicode).
fonts:
	@test -f $(FONT) || { apt-get update -qq && apt-get install -y -qq fonts-dejavu-core >/dev/null; }
	@test -f $(FONT) || { echo "fonts-dejavu-core could not be installed" >&2; exit 1; }

run: setup
	@mkdir -p $(OUTPUT_DIR)
	@for src in $(SOURCES); do \
		$(BIN)/recindex extract "$$src" --out "$(OUTPUT_DIR)/$$(basename "$$src")" || exit 1; \
	done

test: setup fonts
	$(BIN)/python -m pytest
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/ruff format --check pipeline tests bench
	$(BIN)/mypy --strict pipeline tests
	$(MAKE) --no-print-directory reproduce

reproduce: setup
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(MAKE) --no-print-directory run OUTPUT_DIR="$$tmp" >/dev/null && \
	diff -r "$$tmp" $(OUTPUT_DIR) && echo "reproduce: output/ is byte-identical to a fresh run"

# The peer figure needs Camelot, in a venv of its own; when it cannot be installed the bench
# runs without it and says so.
CAMELOT := bench/.venv-camelot

bench: setup fonts
	@$(MAKE) --no-print-directory $(CAMELOT)/.installed || \
		echo "bench: Camelot could not be installed; its figure is left out" >&2
	$(BIN)/python bench/run.py

$(CAMELOT)/.installed: bench/camelot-requirements.txt
	test -x $(CAMELOT)/bin/python || $(PYTHON) -m venv $(CAMELOT)
	$(CAMELOT)/bin/python -m pip install --quiet -r bench/camelot-requirements.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
