"""The supervision app served by waitress on a free port with a throw-away database,
for the browser (tests/helpers/web_server.py)."""

import os
from typing import Iterator

import pytest

from seen.db import migrate
from tests.helpers.web_server import web_server


@pytest.fixture
def web_app(backend, tmp_path) -> Iterator[dict]:
    """The app as `make run` starts it (waitress), on its own port and database."""
    migrate(backend.url)
    env = {**os.environ, "DATABASE_URL": backend.url, "SEEN_SECRET_KEY": "browser tests only", "SEEN_ENV": "",
           "SEEN_INSECURE_HTTP": "1"}
    with web_server(env, tmp_path / "web.log") as url:
        yield {"url": url, "database_url": backend.url, "env": env}
