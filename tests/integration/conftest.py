"""Start the trained bot and the action server, as `make run` does, on test ports.

Their logs go to tests/artifacts/ so tests can check what a server would have
written to disk.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Callable, Dict, Iterator, List

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
if str(BOT) not in sys.path:
    sys.path.insert(0, str(BOT))  # the custom channels, for their limits

from channels.limits import MAX_BODY_BYTES  # noqa: E402
from rasa_sdk_plugins import TOKEN_HEADER, TOKEN_VARIABLE  # noqa: E402

#: The secret the test Rasa servers send their action server, new for each run
#: (kept in the environment: pytest may import this module under two names).
ACTION_TOKEN = os.environ.setdefault("SEEN_TEST_ACTION_TOKEN", uuid.uuid4().hex)
RASA = ROOT / ".venv" / "bin" / "rasa"
ARTIFACTS = ROOT / "tests" / "artifacts"
RASA_PORT = int(os.environ.get("SEEN_TEST_RASA_PORT", "5105"))
ACTIONS_PORT = int(os.environ.get("SEEN_TEST_ACTIONS_PORT", "5155"))
WEB_PORT = int(os.environ.get("SEEN_TEST_WEB_PORT", "5180"))  # serves widget.js and its demo page
WIDGET_ORIGIN = f"http://127.0.0.1:{WEB_PORT}"
START_TIMEOUT_S = 240


def _start(args: List[str], log: Path, **extra_env: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(BOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
           "SANIC_HOST": "127.0.0.1", TOKEN_VARIABLE: ACTION_TOKEN, "SEEN_ENV": "test", **extra_env}
    return subprocess.Popen(
        args, cwd=BOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _free(*ports: int) -> None:
    """Fail early rather than test a server left over from another run."""
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise RuntimeError(f"port {port} is already in use: stop whatever is listening there")


def _start_rasa(port: int, actions_port: int, log: Path, folder: Path) -> subprocess.Popen:
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n"
                         f"  headers:\n    {TOKEN_HEADER}: ${{{TOKEN_VARIABLE}}}\n")
    return _start(
        [str(RASA), "run", "--port", str(port), "--credentials", "credentials.yml",
         "--endpoints", str(endpoints), "--model", "models", "--logging-config-file", "logging.yml"],
        log, SEEN_WIDGET_ORIGINS=WIDGET_ORIGIN, SANIC_REQUEST_MAX_SIZE=str(MAX_BODY_BYTES),
    )


def record_figures(name: str, result: dict) -> dict:
    """Keep a held-out result in benchmarks/results/<name>.json (without the
    lists of misses, which would show the set) and print it."""
    figures = {k: v for k, v in result.items() if not k.startswith("_") and k != "misses"}
    path = ROOT / "benchmarks" / "results" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=1))
    print(f"\n{name} figures:", json.dumps(figures, indent=1))
    return figures


@pytest.fixture(scope="session")
def notes_url(tmp_path_factory) -> str:
    """The action server's notes database: a fresh SQLite file, migrated as `make run` does."""
    from seen.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('notes') / 'seen.db'}"
    migrate(url)
    return url


@pytest.fixture(scope="session")
def servers(tmp_path_factory, notes_url) -> Iterator[Dict[str, Path]]:
    ARTIFACTS.mkdir(exist_ok=True)
    logs = {"actions": ARTIFACTS / "actions.log", "rasa": ARTIFACTS / "rasa.log"}
    _free(RASA_PORT, ACTIONS_PORT)
    actions = _start([str(RASA), "run", "actions", "--port", str(ACTIONS_PORT)], logs["actions"], DATABASE_URL=notes_url)
    rasa = _start_rasa(RASA_PORT, ACTIONS_PORT, logs["rasa"], tmp_path_factory.mktemp("bot"))
    try:
        _wait_until_answering(rasa, RASA_PORT, logs["rasa"])
        yield logs
    finally:
        _stop(rasa)
        _stop(actions)


@pytest.fixture(scope="session")
def widget_site(servers, tmp_path_factory) -> Iterator[str]:
    """The web app serving widget.js and its demo page, pointing at the test bot; yields its URL."""
    from tests.helpers.web_server import web_server

    folder = tmp_path_factory.mktemp("widget_site")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'web.db'}", "SEEN_SECRET_KEY": "widget tests only", "SEEN_INSECURE_HTTP": "1",
           "SEEN_BOT_URL": f"http://127.0.0.1:{RASA_PORT}"}
    _free(WEB_PORT)
    with web_server(env, ARTIFACTS / "widget_site.log", port=WEB_PORT) as url:
        yield url


@pytest.fixture
def rasa_without_actions(tmp_path) -> Iterator[Callable[[str], List[dict]]]:
    """Rasa alone, its action server unreachable: what still works then."""
    port, unreachable = RASA_PORT + 1, ACTIONS_PORT + 1
    log = ARTIFACTS / "rasa_without_actions.log"
    ARTIFACTS.mkdir(exist_ok=True)
    _free(port, unreachable)
    rasa = _start_rasa(port, unreachable, log, tmp_path)
    try:
        _wait_until_answering(rasa, port, log, probe="the baby isn't breathing")
        sender = f"test-{uuid.uuid4()}"
        yield lambda text: _send(sender, text, port)
    finally:
        _stop(rasa)


def _wait_until_answering(rasa: subprocess.Popen, port: int, log: Path, probe: str = "hello") -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if rasa.poll() is not None:
            raise RuntimeError(f"Rasa exited while starting; see {log}")
        try:
            if _send(f"ready-{uuid.uuid4()}", probe, port):
                return
        except requests.RequestException:
            pass
        time.sleep(2)
    raise RuntimeError(f"Rasa did not answer within {START_TIMEOUT_S}s; see {log}")


def _send(sender: str, text: str, port: int = RASA_PORT) -> List[dict]:
    response = requests.post(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30
    )
    response.raise_for_status()
    return response.json()


@pytest.fixture
def chat(servers) -> Callable[[str], List[dict]]:
    """A fresh conversation: chat("text") returns the bot's messages for that turn."""
    sender = f"test-{uuid.uuid4()}"
    return lambda text: _send(sender, text)
