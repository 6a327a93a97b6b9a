# Set-up and everyday commands. `make demo` and `make test` work on a fresh Debian/Ubuntu
# machine: they create .venv, install the package with its extras and the Debian packages Qt
# needs (as root; otherwise they print the apt-get line to run).

# Debian's python3.11 where there is one: the interpreter the station package runs on
# (packaging/build-deb.sh), so that tests and `make bench` see the speed stations see. An
# interpreter built without PGO and LTO (pyenv's default build) runs the kiosk's Python
# start-up about 1.7 times slower. Another one: `make PYTHON=python3.12 ...`.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard ui/i18n/*.ts)
QM := $(TS:.ts=.qm)
QML := $(shell find ui/qml -name '*.qml' | sort)

.PHONY: demo test lint bench tour i18n qmltypes deps bytecode debian-packages clean deb lock deb-test

deps: debian-packages $(STAMP) $(QM) bytecode

debian-packages:
	@packaging/check-debian-packages.sh packaging/debian-packages.txt packaging/demo-packages.txt \
		packaging/dev-packages.txt

$(STAMP): pyproject.toml packaging/venv-interpreter.sh
	@packaging/venv-interpreter.sh $(VENV) $(PYTHON)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

# The kiosk's own modules compiled ahead, as the Debian package does on a station: without
# it every start compiles them again where PYTHONDONTWRITEBYTECODE is set (~150 ms of CPU
# before the first frame). Only changed files are compiled again.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q kiosk devices ui

ui/i18n/%.qm: ui/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the translation sources after changing visible strings, then translate them.
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate -silent $(QML) -ts ui/i18n/kiosk_zh_CN.ts -source-language en -target-language zh_CN -locations relative -no-obsolete
	$(BIN)/pyside6-lupdate -silent $(QML) -ts ui/i18n/kiosk_en.ts -source-language en -target-language en -pluralonly -locations relative -no-obsolete
	$(MAKE) $(QM)

# What qmllint (and an editor's qmlls) needs to know the QML types registered from Python:
# build/qml/Kiosk/Types/{qmldir,kiosk.qmltypes}. Pass `-I build/qml` (docs/qml-types.md).
qmltypes: $(STAMP)
	$(BIN)/python -m ui.qmltypes build/qml

demo: deps
	$(BIN)/kiosk demo

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

tour: deps
	$(BIN)/kiosk tour --out build/tour

bench: deps
	$(BIN)/python -m pytest tests/benchmarks -p no:cacheprovider -s -q --override-ini=addopts=

# The station package (docs/INSTALL.md): build/community-kiosk_<version>_amd64.deb, as root on
# Debian 12. `make deb VERSION=0.1.1` builds another version (the upgrade test needs one).
VERSION ?= $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
deb:
	packaging/build-deb.sh $(VERSION)

# packaging/requirements.lock: the runtime dependencies pinned with their hashes, for the
# package's Python (Debian 12: CPython 3.11, x86_64). Run after changing them in pyproject.
lock: $(STAMP)
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
		--python-platform x86_64-manylinux_2_36 --custom-compile-command 'make lock' \
		--no-emit-index-url --no-emit-find-links pyproject.toml -o packaging/requirements.lock

# Builds the package from a clean clone, installs, runs, upgrades and purges it, then
# installs it in a Debian 12 container booted with systemd and checks what its units promise
# (as root; slow, so not part of `make test`; .ci/run runs it after the tests).
deb-test: $(STAMP)
	@packaging/check-debian-packages.sh packaging/test-packages.txt
	KIOSK_DEPLOY_TEST=1 $(BIN)/python -m pytest tests/deploy -p no:cacheprovider -v

clean:
	rm -rf build $(VENV) ui/i18n/*.qm .pytest_cache .mypy_cache .ruff_cache
