"""When an action's work fails or runs long, the practitioner gets a clear
reply, the reflection stays where it was, the log holds nothing they wrote,
and other practitioners are not kept waiting (issue 13)."""

import asyncio
import logging
import threading
import time

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import conversation
from actions.conversation import off_the_loop
from seen import knowledge, warm_up
from seen.replies import Reply

#: It times itself: `make test` runs it with the machine to itself (`make unit-timing`).
pytestmark = pytest.mark.timing

KB = knowledge.default()
PLANTED = "Kayleigh Bannister, 14 Mercer Walk"


def _run(work):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(off_the_loop(dispatcher, work))
    return [m["text"] for m in dispatcher.messages], events


def test_work_that_fails_gets_a_clear_reply_no_slot_changes_and_a_log_without_the_text(caplog):
    def work():
        raise ValueError(f"could not read {PLANTED}")

    with caplog.at_level(logging.DEBUG):
        said, events = _run(work)
    assert said == [KB.messages.action_failed] and events == []
    assert "ValueError" in caplog.text
    assert "Kayleigh" not in caplog.text and "Mercer" not in caplog.text


def test_work_that_takes_too_long_is_abandoned_with_a_clear_reply(monkeypatch):
    monkeypatch.setattr(conversation, "ACTION_SECONDS", 0.2)
    said, events = _run(lambda: (time.sleep(1), ([Reply("late")], [{"event": "slot"}]))[1])
    assert said == [KB.messages.action_slow] and events == []


def test_work_that_succeeds_is_sent_with_its_slot_events():
    said, events = _run(lambda: ([Reply("hello")], [{"event": "slot"}]))
    assert said == ["hello"] and events == [{"event": "slot"}]


def test_slow_work_does_not_keep_the_event_loop_from_other_practitioners():
    async def both():
        dispatcher = CollectingDispatcher()
        slow = asyncio.create_task(off_the_loop(dispatcher, lambda: (time.sleep(1.0), ([], []))[1]))
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        await asyncio.sleep(0.01)  # another practitioner's turn, while the slow one runs
        waited = time.perf_counter() - started
        await slow
        return waited

    assert asyncio.run(both()) < 0.2


def test_a_message_during_the_warm_up_waits_for_it_instead_of_being_told_it_took_too_long(monkeypatch):
    """The first message after a start can arrive while the server is still
    building what the actions use; it waits for that build, then answers."""
    monkeypatch.setattr(conversation, "ACTION_SECONDS", 0.3)
    monkeypatch.setattr(warm_up, "_started", threading.Event())
    monkeypatch.setattr(warm_up, "_answering", threading.Event())
    building = threading.Lock()

    def build():  # what the warm-up and the first action would both build
        with building:
            time.sleep(0.6)

    monkeypatch.setattr(warm_up, "_warm_up", build)
    warm_up.start()
    time.sleep(0.05)
    said, _ = _run(lambda: (building.acquire(), building.release(), ([Reply("answered")], []))[2])
    assert said == ["answered"]
