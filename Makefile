# Two commands for a fresh machine: `make run` and `make test`.
# Both create .venv from this project's own files when it is missing or out of date.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE ?= samples/riverside-high.flexday
OUT ?= out

.PHONY: run test lint venv clean

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# With a display, open the app on the sample; without one, solve it and write the workbook.
run: venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(BIN)/flexday gui $(SAMPLE); \
	else $(BIN)/flexday run $(SAMPLE) --out $(OUT); fi

test: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

lint: venv
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

clean:
	rm -rf $(VENV) $(OUT)
