"""Fixtures for every test folder: an empty database on each backend Seen supports,
and a real browser (Debian's Chromium driven by Playwright; screenshots go to
tests/artifacts/, ignored by git).

PostgreSQL is the server at 127.0.0.1:5432 (SEEN_TEST_POSTGRES_URL to change):
one throw-away database per test session, one schema per test.
"""

import os
import secrets
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional

import pytest
import requests
from playwright.sync_api import Browser, sync_playwright
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SEEN_TEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
POSTGRES_ADMIN_URL = os.environ.get("SEEN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@dataclass(frozen=True)
class Backend:
    name: str
    url: str
    read_only_url: str  # the same database, refusing every write


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[URL]:
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    name = f"seen_test_{secrets.token_hex(6)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> Iterator[Backend]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "seen.db"
        yield Backend("sqlite", f"sqlite:///{path}", f"sqlite:///file:{path}?mode=ro&uri=true")
        return
    database: URL = request.getfixturevalue("postgres_database")
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(database, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def url(options: str) -> str:
        return database.update_query_dict({"options": options}).render_as_string(hide_password=False)

    try:
        yield Backend(
            "postgresql",
            url(f"-csearch_path={schema}"),
            url(f"-csearch_path={schema} -cdefault_transaction_read_only=on"),
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_server(env: Dict[str, str], log: Path, port: Optional[int] = None) -> Iterator[str]:
    """The web app as `make run` starts it (waitress), until the block ends; yields its URL."""
    port = port or free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "waitress-serve"), "--listen", f"127.0.0.1:{port}", "--call",
             "seen.web:create_app"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"the web app stopped while starting:\n{log.read_text()}")
                try:
                    if requests.get(f"{url}/login", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    time.sleep(0.25)
            else:
                raise RuntimeError(f"the web app did not answer within 60 s:\n{log.read_text()}")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)
