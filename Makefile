# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
WRK := /usr/bin/wrk

.PHONY: run test serve backup restore lint bench setup-run setup-test browser nginx wrk clean

run: setup-run
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	$(MANAGE) create_local_admin
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

test: setup-test browser nginx
	$(BIN)/ruff check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

setup-run: $(VENV)/.run-deps node_modules/.installed
setup-test: $(VENV)/.test-deps node_modules/.installed

$(VENV)/.venv-created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.run-deps: requirements.txt $(VENV)/.venv-created
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt $(VENV)/.venv-created
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

# Front-end libraries the site serves itself, at the versions package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The production stack on this machine: two gunicorn instances behind nginx, PostgreSQL,
# Redis and the mail worker (README, "Deploying"). Ctrl-C stops it.
serve: setup-run nginx
	$(BIN)/python deploy/serve.py

# A dated backup of the database and the uploaded files, and its restore (the newest
# one, or BACKUP=2026-12-01-030000). Same settings as the site: DATABASE_URL, MEDIA_ROOT.
backup: setup-run
	$(MANAGE) backup
restore: setup-run
	$(MANAGE) restore --backup "$(BACKUP)"

# Browser tests drive Debian's Chromium, and the serving stack Debian's nginx; install
# them on a machine that lacks them (as root, or through sudo for a developer account).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
apt-install = $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(1)
browser:
	@test -x $(CHROMIUM) || ($(call apt-install,chromium))
nginx:
	@test -x $(NGINX) || ($(call apt-install,nginx))
wrk:
	@test -x $(WRK) || ($(call apt-install,wrk))

# Every page's throughput against a bare Django view, on the production stack with
# PostgreSQL and Redis (README, "Speed"); not part of the tests. BENCH_ARGS="--growth
# 1000000" also compares with a database of a million clippings.
bench: setup-run wrk
	$(BIN)/python bench/stack.py $(BENCH_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) node_modules
