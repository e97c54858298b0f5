"""A real browser (Debian's Chromium driven by Playwright; screenshots go to
tests/artifacts/) and the sites it visits: the supervision app on a throw-away
database, and the widget's demo page talking to the trained bot."""

import os
from pathlib import Path
from typing import Dict, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from seen.db import migrate
from tests.helpers import bot, databases
from tests.helpers.paths import ARTIFACTS
from tests.helpers.web_server import web_server

CHROMIUM = os.environ.get("SEEN_TEST_CHROMIUM", "/usr/bin/chromium")
#: How long a page may take to show what a test expects: `make test` runs the
#: pages' tests while the bot trains on both cores, which slows them.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items) -> None:
    """Mark "bot" every test that talks to the trained bot, so `make test` can
    run the others while the model trains."""
    for item in items:
        if "servers" in getattr(item, "fixturenames", ()):
            item.add_marker("bot")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def web_app(backend, tmp_path) -> Iterator[dict]:
    """The app as `make run` starts it (waitress), on its own port and database."""
    migrate(backend.url)
    env = {**os.environ, "DATABASE_URL": backend.url, "SEEN_SECRET_KEY": "browser tests only", "SEEN_ENV": "",
           "SEEN_INSECURE_HTTP": "1"}
    with web_server(env, tmp_path / "web.log") as url:
        yield {"url": url, "database_url": backend.url, "env": env}


@pytest.fixture(scope="session")
def notes_url(tmp_path_factory) -> str:
    """Where the widget's bot saves notes: a fresh SQLite file, migrated as `make run` does."""
    notes = databases.sqlite(tmp_path_factory.mktemp("notes"))
    migrate(notes.url)
    return notes.url


@pytest.fixture(scope="package")
def servers(tmp_path_factory, notes_url) -> Iterator[Dict[str, Path]]:
    """The trained bot and its action server, for the widget to talk to; stopped
    after the last browser test, so integration tests in the same run can start their own."""
    with bot.running(tmp_path_factory.mktemp("bot"), notes_url) as logs:
        yield logs


@pytest.fixture(scope="package")
def widget_site(servers, tmp_path_factory) -> Iterator[str]:
    """The web app serving widget.js and its demo page, pointing at the test bot; yields its URL."""
    folder = tmp_path_factory.mktemp("widget_site")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'web.db'}", "SEEN_SECRET_KEY": "widget tests only",
           "SEEN_INSECURE_HTTP": "1", "SEEN_BOT_URL": f"http://127.0.0.1:{bot.RASA_PORT}"}
    bot.ensure_free(bot.WEB_PORT)
    with web_server(env, ARTIFACTS / "widget_site.log", port=bot.WEB_PORT) as url:
        yield url


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def page(browser, widget_site) -> Iterator[Page]:
    """The widget on Derby's demo board page, at desktop size."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{widget_site}/demo?board=derby")
    yield page
    context.close()
