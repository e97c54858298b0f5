"""Fixtures for every test folder: an empty database on each backend Seen supports
(tests/helpers/databases.py), and a real browser (Debian's Chromium driven by
Playwright; screenshots go to tests/artifacts/, ignored by git).
"""

import os
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright
from sqlalchemy.engine import URL

from tests.helpers import databases
from tests.helpers.databases import Backend
from tests.helpers.paths import ARTIFACTS

CHROMIUM = os.environ.get("SEEN_TEST_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[URL]:
    with databases.postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> Iterator[Backend]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield databases.sqlite(tmp_path)
    else:
        with databases.postgres_schema(request.getfixturevalue("postgres_database")) as backend:
            yield backend


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
