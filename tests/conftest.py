"""Fixtures for every test folder: an empty database on each backend Seen supports
(tests/helpers/databases.py), and a real browser (Debian's Chromium driven by
Playwright; screenshots go to tests/artifacts/, ignored by git).
"""

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

import pytest
import requests
from playwright.sync_api import Browser, sync_playwright
from sqlalchemy.engine import URL

from tests.helpers import databases
from tests.helpers.databases import Backend

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SEEN_TEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


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
