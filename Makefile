# Seen: two commands do everything on a fresh machine.
#   make run   install, train if the training data changed, start Seen
#   make test  install, then run every test (what CI runs)

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
RASA := cd bot && PYTHONPATH=. ../$(BIN)/rasa
STAMP := $(VENV)/.installed

# Quiet, private defaults for every command below. Warnings are not hidden, so
# the next upgrade sees its deprecations. (Filtering the known third-party ones
# by module does not hold: importing Sanic, which Rasa does, turns every
# DeprecationWarning back on.)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

# The secret the Rasa server sends the action server, which refuses requests
# without it (bot/rasa_sdk_plugins.py): a new one for each `make run`, unless set.
ifndef SEEN_ACTION_TOKEN
SEEN_ACTION_TOKEN := $(shell od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
endif
export SEEN_ACTION_TOKEN

# Rasa 3.6 needs Python 3.10: use python3.10 from PATH, or pyenv's.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo $$p; break; }; done)

.PHONY: run run-cluster cluster-tools cluster test fresh-results safety install lint bot-data train unit web validate stories integration browser browser-pages browser-bot unit-timing unit-rest lanes train-lane pages-lane bot-lane cluster-lane chromium heldout migrate clean

# SEEN_ENV=development lets the web app start without SEEN_SECRET_KEY on a laptop
# (it then makes a random key at each start); production sets SEEN_SECRET_KEY.
run: install bot-data train migrate
	SEEN_ENV=$${SEEN_ENV:-development} $(BIN)/honcho start -f Procfile

# The production topology on one machine (docs/deploy.md): HAProxy on :5005
# (Rasa), :5055 (actions) and :8000 (web app), in front of two of each; Redis
# for conversations and Rasa's lock store, keeping nothing on disk; notes in
# PostgreSQL (DATABASE_URL, else the machine's at 127.0.0.1:5432, database
# seen, created if missing). The same Procfile settings serve a real cluster.
run-cluster: export SEEN_BIND ?= 0.0.0.0
run-cluster: export SEEN_RASA_PORT ?= 5005
run-cluster: export SEEN_RASA1_PORT ?= 5006
run-cluster: export SEEN_RASA2_PORT ?= 5007
run-cluster: export SEEN_ACTIONS_PORT ?= 5055
run-cluster: export SEEN_ACTIONS1_PORT ?= 5056
run-cluster: export SEEN_ACTIONS2_PORT ?= 5057
run-cluster: export SEEN_WEB_PORT ?= 8000
run-cluster: export SEEN_WEB1_PORT ?= 8001
run-cluster: export SEEN_WEB2_PORT ?= 8002
run-cluster: export SEEN_REDIS_HOST ?= 127.0.0.1
run-cluster: export SEEN_REDIS_PORT ?= 6390
run-cluster: export SEEN_RATELIMIT_STORAGE ?= redis://127.0.0.1:$(SEEN_REDIS_PORT)/2
run-cluster: export DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/seen
run-cluster: export SEEN_BEHIND_PROXY := 1
# Every server shares these secrets (socket.io session ids, web sessions): new each run, unless set.
run-cluster: export SEEN_SESSION_KEY ?= $(shell od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
run-cluster: export SEEN_SECRET_KEY ?= $(shell od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
run-cluster: install cluster-tools bot-data train
	$(BIN)/python -c "from seen import db; db.ensure_database(); db.migrate()"
	SEEN_ENV=$${SEEN_ENV:-development} $(BIN)/honcho start -f Procfile.cluster

# Debian's HAProxy and Redis, as `chromium` installs Chromium.
cluster-tools:
	@command -v haproxy >/dev/null && command -v redis-server >/dev/null || { \
	  echo "Installing Debian's haproxy and redis-server for the cluster"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq haproxy redis-server; }

test: fresh-results install lint chromium cluster-tools unit-timing lanes safety

# Two lanes at once, twice, each lane in order and each target's output
# printed whole when it ends. First the bot is checked and trained beside the
# tests that need no model (the unit tests that do not time themselves, the
# web app's tests and its pages in a browser). Then, the model trained, its
# stories and the integration tests beside the cluster's fault tests and
# soak, then the widget in a browser against the bot. Before them, alone, the
# tests that time themselves (marked `timing`). With the cluster after the
# rest, alone, `make test` took 23 minutes on a clean clone here, and CI 29
# to 31, over its 25; this way, 18.4 (2026-12-06).
lanes: install chromium cluster-tools
	$(MAKE) --no-print-directory -j2 --output-sync=recurse train-lane pages-lane
	$(MAKE) --no-print-directory -j2 --output-sync=recurse bot-lane cluster-lane

train-lane: install
	$(MAKE) --no-print-directory -j1 validate train

pages-lane: install chromium
	$(MAKE) --no-print-directory -j1 unit-rest web browser-pages

bot-lane: install
	$(MAKE) --no-print-directory -j1 stories integration

cluster-lane: install chromium cluster-tools
	$(MAKE) --no-print-directory -j1 cluster browser-bot

# Tests on PostgreSQL skip when it cannot be reached, except in `make test`,
# where that fails them (tests/helpers/databases.py).
test: export SEEN_REQUIRE_POSTGRES := 1

# Each pytest run writes a JUnit report here, and the held-out tests their
# figures to benchmarks/results/: the safety checks read both, so they start empty.
JUNIT := tests/artifacts/junit
fresh-results:
	rm -rf $(JUNIT) benchmarks/results

# Last, the clinical-safety file (safety/): every test the hazard log names as
# proof of a control ran in this run and passed, and every figure the safety
# case quotes is the one this run measured.
safety: install
	$(BIN)/python -m tests.helpers.hazard_log --passed $(JUNIT)
	$(BIN)/python -m tests.helpers.safety_case

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed (Rasa 3.6 refuses newer): install it, e.g. pyenv install 3.10"; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "pip==24.2" "setuptools==70.3.0" "wheel==0.45.1"
	$(BIN)/python -m pip install --quiet --no-build-isolation -c constraints.txt -e ".[bot,test]"
	touch $(STAMP)

install: $(STAMP)

# Training data that comes from knowledge/ (topics, areas, roles, reflection
# commands): bot/data/generated/, bot/domain/generated/, bot/tests/generated/.
bot-data: install
	$(BIN)/python -m seen.rasa_export

# Rasa retrains only when data, domain or config changed, and says so.
train: install
	$(RASA) train --domain domain --out models

unit: install
	$(BIN)/python -m pytest tests/unit -q --junitxml=$(JUNIT)/unit.xml

unit-timing: install
	$(BIN)/python -m pytest tests/unit -m timing -q --junitxml=$(JUNIT)/unit-timing.xml

unit-rest: install
	$(BIN)/python -m pytest tests/unit -m "not timing" -q --junitxml=$(JUNIT)/unit-rest.xml

# Fails first if the generated files are not what knowledge/ gives (make bot-data).
# Ruff, configured in pyproject.toml: first, so a slip costs seconds, not a training run.
lint: install
	$(BIN)/ruff check .

validate: install
	$(BIN)/python -m seen.rasa_export --check
	$(RASA) data validate --domain domain --fail-on-warnings

stories: install
	$(RASA) test core --stories tests --model models --out results --fail-on-prediction-errors

# Everything in tests/integration/ (marked so by tests/conftest.py).
integration: install
	$(BIN)/python -m pytest tests/integration -m integration -q --junitxml=$(JUNIT)/integration.xml

# The fast tests beside the unit tests, which a plain `pytest` runs too: the
# notes storage (tests/storage) and the supervision web app through Flask's
# test client (tests/web), on SQLite and PostgreSQL.
# Each suite is collected from its own folders only: collecting every folder
# imports every test module (Rasa's among them) and cost each run about 30 s.
SLOW_FOLDERS := integration browser cluster
web: install
	$(BIN)/python -m pytest --ignore=tests/unit $(SLOW_FOLDERS:%=--ignore=tests/%) -q --junitxml=$(JUNIT)/web.xml

# Real browser tests: Playwright drives Debian's Chromium (Playwright's own
# browser download does not work here): the supervision app, and the widget
# talking to the trained bot. Screenshots go to tests/artifacts/. `make test`
# runs the two halves apart: the pages need no model, so they run while it trains
# (tests/browser/conftest.py marks the tests that need the bot).
browser: install chromium
	$(BIN)/python -m pytest tests/browser -m browser -q --junitxml=$(JUNIT)/browser.xml

browser-pages: install chromium
	$(BIN)/python -m pytest tests/browser -m "browser and not bot" -q --junitxml=$(JUNIT)/browser-pages.xml

# On ports of their own: in `make test` they run while the integration tests
# hold the default ones (tests/helpers/bot.py).
browser-bot: export SEEN_TEST_RASA_PORT ?= 5205
browser-bot: export SEEN_TEST_ACTIONS_PORT ?= 5255
browser-bot: export SEEN_TEST_WEB_PORT ?= 5280
browser-bot: install chromium
	$(BIN)/python -m pytest tests/browser -m "browser and bot" -q --junitxml=$(JUNIT)/browser-bot.xml

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The cluster's fault tests and soak (tests/cluster/): HAProxy, two Rasa and
# two action servers, Redis, PostgreSQL, started on test ports.
cluster: install cluster-tools
	$(BIN)/python -m pytest tests/cluster -m cluster -q --junitxml=$(JUNIT)/cluster.xml

# Held-out figures on their own (the integration tests assert them too).
heldout: install
	$(BIN)/python -m benchmarks.nlu_heldout tests/heldout
	$(BIN)/python -m benchmarks.nlu_heldout tests/heldout_b
	$(BIN)/python -m benchmarks.reflection_answers tests/heldout_reflection
	$(BIN)/python -m benchmarks.anonymiser tests/heldout_pii/sentences.yml
	$(BIN)/python -m benchmarks.anonymiser tests/heldout_pii_hard/sentences.yml
	$(BIN)/python -m benchmarks.concern_openers tests/heldout_concerns

# Reflection notes' tables, on DATABASE_URL or instance/seen.db, for a deployment
# step (seen-notes migrates on its own; from Python, seen.db.migrate()).
migrate: install
	$(BIN)/alembic upgrade head

clean:
	rm -rf bot/models bot/results
