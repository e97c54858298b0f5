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


@pytest.fixture
def rasa_without_actions(tmp_path) -> Iterator[Callable[[str], List[dict]]]:
    """Rasa alone, its action server unreachable: what still works then."""
    port, unreachable = bot.RASA_PORT + 1, bot.ACTIONS_PORT + 1
    log = ARTIFACTS / "rasa_without_actions.log"
    ARTIFACTS.mkdir(exist_ok=True)
    bot.ensure_free(port, unreachable)
    rasa = bot.start_rasa(port, unreachable, log, tmp_path)
    try:
        bot.wait_until_answering(rasa, port, log, probe="the baby isn't breathing")
        sender = f"test-{uuid.uuid4()}"
        yield lambda text: bot.send(sender, text, port)
    finally:
        bot.stop(rasa)


@pytest.fixture
def chat(servers) -> Callable[[str], List[dict]]:
    """A fresh conversation: chat("text") returns the bot's messages for that turn."""
    sender = f"test-{uuid.uuid4()}"
    return lambda text: bot.send(sender, text)
