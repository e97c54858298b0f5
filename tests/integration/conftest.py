"""The trained bot and the action server, as `make run` starts them, on test
ports (tests/helpers/bot.py), and conversations with them."""

import uuid
from pathlib import Path
from typing import Callable, Dict, Iterator, List

import pytest

from seen.db import migrate
from tests.helpers import bot
from tests.helpers.paths import ARTIFACTS


@pytest.fixture(scope="session")
def notes_url(tmp_path_factory) -> str:
    """The action server's notes database: a fresh SQLite file, migrated as `make run` does."""
    url = f"sqlite:///{tmp_path_factory.mktemp('notes') / 'seen.db'}"
    migrate(url)
    return url


@pytest.fixture(scope="package")
def servers(tmp_path_factory, notes_url) -> Iterator[Dict[str, Path]]:
    """Stopped after the last integration test, so browser tests in the same
    run can start their own on the same ports."""
    with bot.running(tmp_path_factory.mktemp("bot"), notes_url) as logs:
        yield logs


@pytest.fixture(scope="package")
def rasa_alone(tmp_path_factory) -> Iterator[int]:
    """Rasa alone, its action server unreachable, shared by the tests of what
    still works then (a model loads in about 15 s); yields its port."""
    port, unreachable = bot.RASA_PORT + 1, bot.ACTIONS_PORT + 1
    log = ARTIFACTS / "rasa_without_actions.log"
    ARTIFACTS.mkdir(exist_ok=True)
    bot.ensure_free(port, unreachable)
    rasa = bot.start_rasa(port, unreachable, log, tmp_path_factory.mktemp("rasa_alone"))
    try:
        bot.wait_until_answering(rasa, port, log, probe="the baby isn't breathing")
        yield port
    finally:
        bot.stop(rasa)


@pytest.fixture
def rasa_without_actions(rasa_alone) -> Callable[[str], List[dict]]:
    """A fresh conversation with Rasa alone: what still works with the action server unreachable."""
    sender = f"test-{uuid.uuid4()}"
    return lambda text: bot.send(sender, text, rasa_alone)


@pytest.fixture
def chat(servers) -> Callable[[str], List[dict]]:
    """A fresh conversation: chat("text") returns the bot's messages for that turn."""
    sender = f"test-{uuid.uuid4()}"
    return lambda text: bot.send(sender, text)
