# recindex: every target creates what it needs from the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUTPUT_DIR ?= output
SOURCES := $(sort $(wildcard sources/*))

FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
CHROMIUM := /usr/bin/chromium
# Chinese and Arabic editions are typeset with these (tests/pdf_factory.py).
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
ARABIC_FONT := /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf
# Word-processor layouts are printed by LibreOffice Writer, set in Liberation and DejaVu.
SOFFICE := /usr/bin/soffice
LIBERATION := /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf

.PHONY: setup lock fonts browser libreoffice pango run test reproduce bench layouts clean

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

# The layout tests typeset PDFs with real TrueType fonts (serif and sans, full Unicode;
# Chinese and Arabic with shaping).
fonts:
	@test -f $(FONT) -a -f $(CJK_FONT) -a -f $(ARABIC_FONT) || { apt-get update -qq && \
		apt-get install -y -qq fonts-dejavu-core fonts-wqy-microhei fonts-hosny-amiri >/dev/null; }
	@test -f $(FONT) || { echo "fonts-dejavu-core could not be installed" >&2; exit 1; }
	@test -f $(CJK_FONT) || { echo "fonts-wqy-microhei could not be installed" >&2; exit 1; }
	@test -f $(ARABIC_FONT) || { echo "fonts-hosny-amiri could not be installed" >&2; exit 1; }

# The HTML page is tested in a real browser: Debian's Chromium, which playwright drives
# (never `playwright install`, which would fetch a browser build of its own).
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) || { echo "chromium could not be installed" >&2; exit 1; }

# The word-processor layouts (tests/layouts/libreoffice_producer.py) are printed by Debian's
# headless LibreOffice Writer (no GUI, no recommended extras), in Liberation and DejaVu fonts.
libreoffice: fonts
	@test -x $(SOFFICE) -a -f $(LIBERATION) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation >/dev/null; }
	@test -x $(SOFFICE) || { echo "libreoffice-writer-nogui could not be installed" >&2; exit 1; }
	@test -f $(LIBERATION) || { echo "fonts-liberation could not be installed" >&2; exit 1; }

# A third HTML producer prints layouts (tests/layouts/weasyprint_producer.py): WeasyPrint,
# a Python package, lays text out with Debian's Pango and HarfBuzz libraries.
PANGOFT2 := /usr/lib/x86_64-linux-gnu/libpangoft2-1.0.so.0
pango:
	@test -f $(PANGOFT2) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install \
		-y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; }
	@test -f $(PANGOFT2) || { echo "libpangoft2-1.0-0 could not be installed" >&2; exit 1; }

run: setup
	@mkdir -p $(OUTPUT_DIR)
	@for src in $(SOURCES); do \
		$(BIN)/recindex extract "$$src" --html --out "$(OUTPUT_DIR)/$$(basename "$$src")" || exit 1; \
	done

test: setup fonts browser libreoffice pango
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

# Random layouts of the French index (tests/layouts): LAYOUTS from ReportLab and fpdf2, then
# CHROMIUM_LAYOUTS printed by Chromium and WRITER_LAYOUTS by LibreOffice Writer (its knobs
# drawn too); prints each variant's outcome and a table of failures by feature per producer.
# PRODUCER=reportlab|fpdf|chromium|writer draws LAYOUTS from that producer alone.
LAYOUTS ?= 120
CHROMIUM_LAYOUTS ?= 40
WRITER_LAYOUTS ?= 40
layouts: setup fonts browser libreoffice pango
	$(BIN)/python -m tests.layouts.run $(LAYOUTS) --chromium $(CHROMIUM_LAYOUTS) \
		--writer $(WRITER_LAYOUTS) $(if $(PRODUCER),--producer $(PRODUCER))

$(CAMELOT)/.installed: bench/camelot-requirements.txt
	test -x $(CAMELOT)/bin/python || $(PYTHON) -m venv $(CAMELOT)
	$(CAMELOT)/bin/python -m pip install --quiet -r bench/camelot-requirements.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis test-artifacts
