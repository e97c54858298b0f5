"""A real browser on a real server: Debian's Chromium driven by Playwright, and
the supervision app served by waitress on a free port with a throw-away database.
Screenshots go to tests/artifacts/ (kept by CI, ignored by git)."""

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests
from playwright.sync_api import Browser, sync_playwright

from seen.db import migrate

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SEEN_TEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def web_app(backend, tmp_path) -> Iterator[dict]:
    """The app as `make run` starts it (waitress), on its own port and database."""
    migrate(backend.url)
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": backend.url, "SEEN_SECRET_KEY": "browser tests only", "SEEN_ENV": ""}
    log = (tmp_path / "web.log").open("w")
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "waitress-serve"), "--listen", f"127.0.0.1:{port}", "--call",
         "seen.web:create_app"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if requests.get(f"{url}/login", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None:
                raise RuntimeError((tmp_path / "web.log").read_text())
            time.sleep(0.25)
        yield {"url": url, "database_url": backend.url, "env": env}
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
