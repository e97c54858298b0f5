"""The trained bot and its action server, started as `make run` starts them,
on test ports, and a way to talk to the bot over REST (and to save a first
note through it, then move that note months back, for following a case up).

Their logs go to tests/artifacts/ so tests can check what a server would have
written to disk.
"""

import os
import signal
import socket
import subprocess
import time
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests
import sqlalchemy as sa
from rasa_sdk_plugins import TOKEN_HEADER, TOKEN_VARIABLE

from channels.limits import MAX_BODY_BYTES
from seen.db import UtcDateTime
from seen.notes import normalise_reference
from tests.helpers.dates import months_ago
from tests.helpers.paths import ARTIFACTS, BIN, BOT, ROOT
from tests.helpers.reflection import KB, walk

#: The secret the test Rasa servers send their action server, new for each run.
ACTION_TOKEN = uuid.uuid4().hex
RASA = BIN / "rasa"
RASA_PORT = int(os.environ.get("SEEN_TEST_RASA_PORT", "5105"))
ACTIONS_PORT = int(os.environ.get("SEEN_TEST_ACTIONS_PORT", "5155"))
WEB_PORT = int(os.environ.get("SEEN_TEST_WEB_PORT", "5180"))  # serves widget.js and its demo page
WIDGET_ORIGIN = f"http://127.0.0.1:{WEB_PORT}"
START_TIMEOUT_S = 240


def start(args: List[str], log: Path, **extra_env: str) -> subprocess.Popen:
    # The checkout's own `seen` after bot/, not whichever copy is installed (a git worktree shares one venv).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BOT), str(ROOT)]),
           "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
           "SANIC_HOST": "127.0.0.1", TOKEN_VARIABLE: ACTION_TOKEN, "SEEN_ENV": "test", **extra_env}
    return subprocess.Popen(
        args, cwd=BOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def ensure_free(*ports: int) -> None:
    """Fail early rather than test a server left over from another run."""
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise RuntimeError(f"port {port} is already in use: stop whatever is listening there")


def start_actions(port: int, log: Path, database_url: str) -> subprocess.Popen:
    return start([str(RASA), "run", "actions", "--port", str(port)], log, DATABASE_URL=database_url)


#: The tracker store `make run` uses (bot/endpoints.yml).
MEMORY_STORE = "tracker_store:\n  type: stores.conversations.MemoryConversations\n"


def start_rasa(port: int, actions_port: int, log: Path, folder: Path, stores: str = MEMORY_STORE,
               **extra_env: str) -> subprocess.Popen:
    """A Rasa server on `port` calling the action server on `actions_port`,
    with `stores` (endpoints.yml's tracker and lock stores)."""
    endpoints = folder / f"endpoints-{port}.yml"
    endpoints.write_text(f"{stores}action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n"
                         f"  headers:\n    {TOKEN_HEADER}: ${{{TOKEN_VARIABLE}}}\n")
    return start(
        [str(RASA), "run", "--port", str(port), "--credentials", "credentials.yml",
         "--endpoints", str(endpoints), "--model", "models", "--logging-config-file", "logging.yml"],
        log, **{"SEEN_WIDGET_ORIGINS": WIDGET_ORIGIN, "SANIC_REQUEST_MAX_SIZE": str(MAX_BODY_BYTES), **extra_env},
    )


def wait_until_answering(rasa: subprocess.Popen, port: int, log: Path, probe: str = "hello") -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if rasa.poll() is not None:
            raise RuntimeError(f"Rasa exited while starting; see {log}")
        try:
            if send(f"ready-{uuid.uuid4()}", probe, port):
                return
        except requests.RequestException:
            pass
        time.sleep(2)
    raise RuntimeError(f"Rasa did not answer within {START_TIMEOUT_S}s; see {log}")


def send(sender: str, text: str, port: int = RASA_PORT, headers: Optional[Dict[str, str]] = None) -> List[dict]:
    """One message from `sender` over REST, with any extra `headers` (an
    X-Forwarded-For, as a proxy adds); the bot's messages for that turn."""
    response = requests.post(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook", json={"sender": sender, "message": text},
        headers=headers, timeout=30
    )
    response.raise_for_status()
    return response.json()


def saved_note(port: int = RASA_PORT) -> str:
    """A first note saved through the bot over REST, in Derby, with ordinary
    answers (tests/helpers/reflection.py); its reference, ABCD-EFGH."""
    sender = f"note-{uuid.uuid4()}"
    walk(lambda said: send(sender, said, port), "5 to 11", {})
    saved = send(sender, KB.reflection.note.buttons.save, port)[0]["text"]
    return saved.split("reference is ")[1].split(":")[0]


def backdate(notes_url: str, reference: str, months: int) -> datetime:
    """Move a saved note, and the start of its plan, `months` back, as if it
    had been saved then; the time it now has (same day of the month, or the 28th)."""
    when = months_ago(months)
    engine = sa.create_engine(notes_url)
    try:
        with engine.begin() as connection:
            moved = connection.execute(
                sa.text("UPDATE notes SET created_at = :when, plan_since = :when WHERE reference = :code")
                .bindparams(sa.bindparam("when", type_=UtcDateTime())),
                {"when": when, "code": normalise_reference(reference)}).rowcount
    finally:
        engine.dispose()
    assert moved == 1, f"no note {reference} in {notes_url}"
    return when


@contextmanager
def running(folder: Path, notes_url: str) -> Iterator[Dict[str, Path]]:
    """Rasa on RASA_PORT and its action server on ACTIONS_PORT, saving notes
    to `notes_url`, until the block ends; yields their logs by name."""
    ARTIFACTS.mkdir(exist_ok=True)
    logs = {"actions": ARTIFACTS / "actions.log", "rasa": ARTIFACTS / "rasa.log"}
    ensure_free(RASA_PORT, ACTIONS_PORT)
    actions = start_actions(ACTIONS_PORT, logs["actions"], notes_url)
    rasa = start_rasa(RASA_PORT, ACTIONS_PORT, logs["rasa"], folder)
    try:
        wait_until_answering(rasa, RASA_PORT, logs["rasa"])
        yield logs
    finally:
        stop(rasa)
        stop(actions)
