"""When something fails (the action server down, the notes database down),
a practitioner who typed real details anyway finds none of them in any log
or in the database (issue 13). An action that raises or runs long is covered
in tests/unit/test_action_failures.py and tests/integration/test_action_server.py."""

import uuid
from pathlib import Path

import pytest

from seen import knowledge
from tests.helpers import bot
from tests.helpers.paths import ARTIFACTS
from tests.helpers.reflection import IDENTIFYING, SECRETS, walk

KB = knowledge.load()
UNREACHABLE_DATABASE = "postgresql://seen@127.0.0.1:9/notes?connect_timeout=2"


def _leaks(*logs: Path):
    return [s for log in logs for s in SECRETS if s in log.read_text()]


def test_with_the_action_server_down_the_rasa_log_holds_nothing_typed(rasa_without_actions):
    for text in IDENTIFYING.values():
        rasa_without_actions(text)
    rasa_without_actions(f"the baby isn't breathing, {IDENTIFYING['daily_life']}")
    assert _leaks(ARTIFACTS / "rasa_without_actions.log") == []


@pytest.fixture
def database_down(tmp_path):
    """Rasa and an action server whose notes database cannot be reached."""
    rasa_port, actions_port = bot.RASA_PORT + 2, bot.ACTIONS_PORT + 2
    logs = {"actions": ARTIFACTS / "actions_database_down.log", "rasa": ARTIFACTS / "rasa_database_down.log"}
    bot.ensure_free(rasa_port, actions_port)
    actions = bot.start_actions(actions_port, logs["actions"], UNREACHABLE_DATABASE)
    rasa = bot.start_rasa(rasa_port, actions_port, logs["rasa"], tmp_path)
    try:
        bot.wait_until_answering(rasa, rasa_port, logs["rasa"])
        sender = f"test-{uuid.uuid4()}"
        yield (lambda text: bot.send(sender, text, rasa_port)), logs
    finally:
        bot.stop(rasa)
        bot.stop(actions)


def test_with_the_database_down_saving_says_so_and_no_log_holds_anything_typed(database_down):
    chat, logs = database_down
    walk(chat, "5 to 11", IDENTIFYING)
    reply = chat("Save note")[0]["text"]
    assert reply == KB.reflection.note.unavailable
    assert _leaks(*logs.values()) == []
