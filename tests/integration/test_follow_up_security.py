"""A note's reference is the key to its case (issue 16): guessing references
is slowed per conversation and per client, and following a case up keeps no
raw text anywhere.

These run on a bot of their own, as the cluster runs it behind HAProxy
(SEEN_BEHIND_PROXY=1: the client is the last X-Forwarded-For entry, the one
the proxy added), so each test is a client of its own and the other
integration tests' misses (all from 127.0.0.1) count apart. Its tracker
store is Redis (bot/stores/conversations.py: the same serialised trackers as
the in-memory store `make run` uses), so the test can read what it holds."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import redis
import sqlalchemy as sa

from seen.db import migrate
from seen.notes import NoteStore
from tests.helpers import bot, drafts
from tests.helpers.paths import ARTIFACTS
from tests.helpers.redis_server import redis_server
from tests.integration.test_follow_up_end_to_end import (
    FINDING,
    FOLLOW_UP,
    Conversation,
    Press,
    follow_up,
    texts,
    unknown_reference,
)

#: Failed look-ups allowed in an hour (seen/guesses.py).
PER_CONVERSATION, PER_CLIENT = 5, 20


@dataclass(frozen=True)
class BehindProxy:
    port: int
    notes_url: str
    logs: Dict[str, Path]
    redis_port: int

    def conversation(self, client: str) -> Conversation:
        """A new conversation from ``client``, as HAProxy forwards it, already in Derby."""
        talk = Conversation(self.port, {"X-Forwarded-For": client})
        talk.say("I work in Derby")
        return talk

    def derby_note(self) -> str:
        return drafts.save(NoteStore(self.notes_url), days_ago=30)


@pytest.fixture(scope="module")
def behind_proxy(tmp_path_factory) -> Iterator[BehindProxy]:
    folder = tmp_path_factory.mktemp("behind_proxy")
    notes_url = f"sqlite:///{folder / 'seen.db'}"
    migrate(notes_url)
    rasa_port, actions_port = bot.RASA_PORT + 3, bot.ACTIONS_PORT + 3
    ARTIFACTS.mkdir(exist_ok=True)
    logs = {"actions": ARTIFACTS / "actions_behind_proxy.log", "rasa": ARTIFACTS / "rasa_behind_proxy.log"}
    bot.ensure_free(rasa_port, actions_port)
    with redis_server(folder) as store:
        stores = f"tracker_store:\n  type: stores.conversations.RedisConversations\n  url: 127.0.0.1\n" \
                 f"  port: {store.port}\n"
        actions = bot.start_actions(actions_port, logs["actions"], notes_url)
        rasa = bot.start_rasa(rasa_port, actions_port, logs["rasa"], folder, stores=stores, SEEN_BEHIND_PROXY="1")
        try:
            bot.wait_until_answering(rasa, rasa_port, logs["rasa"])
            yield BehindProxy(rasa_port, notes_url, logs, store.port)
        finally:
            bot.stop(rasa)
            bot.stop(actions)


def _finds(messages: List[dict], reference: str) -> bool:
    return texts(messages)[0].startswith(f"Following up case {reference}:")


def test_a_conversation_that_missed_five_times_is_refused_even_the_right_reference(behind_proxy):
    reference = behind_proxy.derby_note()
    guessing = behind_proxy.conversation("198.51.100.11")
    for _ in range(PER_CONVERSATION):
        assert texts(guessing.say(f"follow up {unknown_reference()}")) == [FINDING.not_found]
    assert texts(guessing.say(f"follow up {reference}")) == [FINDING.too_many], "the right reference, past the limit"
    assert texts(guessing.say(reference)) == [FINDING.too_many]

    fresh = behind_proxy.conversation("198.51.100.11")  # the same client: 5 of its 20 misses used
    assert _finds(fresh.say(f"follow up {reference}"), reference)


def test_a_client_that_missed_twenty_times_is_refused_in_a_new_conversation_and_another_client_is_not(
        behind_proxy):
    reference = behind_proxy.derby_note()
    client = "198.51.100.22"
    for _ in range(PER_CLIENT // PER_CONVERSATION):
        guessing = behind_proxy.conversation(client)
        for _ in range(PER_CONVERSATION):
            assert texts(guessing.say(f"follow up {unknown_reference()}")) == [FINDING.not_found]
    assert texts(behind_proxy.conversation(client).say(f"follow up {reference}")) == [FINDING.too_many]
    # A browser's own X-Forwarded-For comes first; the proxy's last entry is the client.
    spoofing = behind_proxy.conversation(f"203.0.113.99, {client}")
    assert texts(spoofing.say(f"follow up {reference}")) == [FINDING.too_many]

    other = behind_proxy.conversation("198.51.100.23")
    assert _finds(other.say(f"follow up {reference}"), reference)


#: A follow-up from a practitioner who types real details anyway.
NAME, SURNAME, PHONE = "Roxanne", "Pettigrew", "07700 900461"
UNCLE, UNCLE_PHONE = "Desmond Achterberg", "07700 900462"
SECRETS = [NAME, SURNAME, PHONE, *UNCLE.split(), UNCLE_PHONE]
IDENTIFYING = {
    "role": "I'm a school nurse",
    "changed": f"{NAME} {SURNAME} from next door now walks her to school; her mobile is {PHONE}.",
    "daily_life": Press("The same", "Still hungry on Mondays."),
    "impact": Press("Skip"),
    "voice": Press("Skip"),
    "engagement": Press("Better", f"Her uncle {UNCLE} rang me from {UNCLE_PHONE} and came to the TAF meeting."),
    "plan_same": Press("Yes"),
    "plan_progress": Press("Skip"),
    "reopened": Press("No"),
    "new_concerns": "None.",
    "new_agencies": "None.",
    "threshold": Press("No"),
}


def test_a_follow_up_with_a_name_and_a_phone_number_keeps_neither_anywhere(behind_proxy):
    reference = behind_proxy.derby_note()
    talk = behind_proxy.conversation("198.51.100.33")
    messages = talk.say(f"follow up {reference}")
    assert _finds(messages, reference)
    _, messages = follow_up(talk, messages, IDENTIFYING)
    note = next(t for t in texts(messages) if t.startswith(FOLLOW_UP.note.heading))
    assert "- What has changed: [NAME] from next door now walks her to school; her mobile is [PHONE]." in note, note
    assert not [s for s in SECRETS if s in note], note
    saved = talk.press(messages, FOLLOW_UP.note.buttons.save)
    assert texts(saved)[0].startswith(FOLLOW_UP.note.saved.split("{")[0])

    assert len(NoteStore(behind_proxy.notes_url).case(reference, areas=["derby"])) == 2
    engine = sa.create_engine(behind_proxy.notes_url)
    try:
        with engine.connect() as connection:
            rows = {table: [list(row) for row in connection.execute(sa.text(f"SELECT * FROM {table}"))]
                    for table in sa.inspect(connection).get_table_names()}
    finally:
        engine.dispose()
    stored = json.dumps(rows, default=str)
    assert "[NAME] from next door" in stored
    assert [s for s in SECRETS if s in stored] == [], "the notes database"

    for name, log in behind_proxy.logs.items():
        assert [s for s in SECRETS if s in log.read_text()] == [], f"the {name} server's log"

    trackers = redis.Redis(port=behind_proxy.redis_port)
    kept = trackers.get(f"seen:tracker:{talk.sender}")
    assert kept and talk.sender in kept.decode(), "the conversation is in the tracker store"
    everything = " ".join((trackers.get(key) or b"").decode(errors="replace") for key in trackers.scan_iter()
                          if trackers.type(key) == b"string")
    assert [s for s in SECRETS if s in everything] == [], "the tracker store"

