"""Where Rasa keeps conversations (bot/stores/conversations.py), in memory and
in a real Redis: the state comes back without the practitioner's words, an
idle conversation is forgotten, and someone coming back to one that ended or
was lost is told so rather than carried on as if new."""

import asyncio
from typing import Iterator

import pytest
import redis
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

from seen.conversation_end import ENDED_SLOT, EXPIRED, LOST
from stores.conversations import MemoryConversations, RedisConversations
from stores.kept import QUOTES_PRACTITIONER
from tests.helpers.paths import BOT
from tests.helpers.redis_server import RedisServer, redis_server

DOMAIN = Domain.load([str(BOT / "domain")])
WORDS = ("Kayleigh", "Bannister", "always hungry")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def redis_service(tmp_path_factory) -> Iterator[RedisServer]:
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


async def a_reflection(store, sender="practitioner-1"):
    """A conversation mid-reflection: what was typed, a question quoting it, the answers in the slot."""
    tracker = await store.get_or_create_tracker(sender)
    tracker.update(UserUttered("Kayleigh Bannister is always hungry", {"name": "share_worry", "confidence": 1.0}))
    tracker.update(SlotSet("reflection", {"answers": {"daily_life": "Kayleigh Bannister is always hungry"}}))
    tracker.update(SlotSet("reflecting", True))
    tracker.update(BotUttered("Is 'Kayleigh' a name?", {"buttons": [{"title": "Yes", "payload": "Yes"}]},
                              {QUOTES_PRACTITIONER: True}))
    tracker.update(UserUttered("Yes", {"name": "affirm", "confidence": 1.0}))
    tracker.update(SlotSet("reflection", {"answers": {"daily_life": "[NAME] is always hungry"}}))
    await store.save(tracker)


def stores(kind, redis_service, clock):
    if kind == "memory":
        return MemoryConversations(DOMAIN, idle_minutes=1, clock=clock)
    return RedisConversations(DOMAIN, port=redis_service.port, key_prefix=f"t{id(clock)}", idle_minutes=1, clock=clock)


@pytest.mark.parametrize("kind", ["memory", "redis"])
def test_the_reflection_comes_back_without_any_words_typed_or_quoted(kind, redis_service):
    async def scenario():
        store = stores(kind, redis_service, Clock())
        await a_reflection(store)
        return store, await store.retrieve("practitioner-1")
    store, tracker = asyncio.run(scenario())
    assert tracker.get_slot("reflection") == {"answers": {"daily_life": "[NAME] is always hungry"}}
    assert tracker.get_slot("reflecting") is True
    assert [e.text for e in tracker.events if e.type_name in ("user", "bot")] == [None, None, "Yes"]
    stored = store.serialised(tracker)
    for word in ("Kayleigh", "Bannister"):
        assert word not in stored


def test_redis_holds_no_typed_or_quoted_words_and_expires_the_conversation(redis_service):
    asyncio.run(a_reflection(RedisConversations(DOMAIN, port=redis_service.port, key_prefix="ttl", idle_minutes=30)))
    client = redis.Redis(port=redis_service.port)
    keys = client.keys("ttl:*")
    assert keys and not any(word.encode() in client.get(k) for k in keys for word in ("Kayleigh", "Bannister"))
    assert 29 * 60 < client.ttl(b"ttl:tracker:practitioner-1") <= 30 * 60


def test_an_idle_conversation_leaves_memory_and_its_practitioner_is_told_it_ended():
    clock = Clock()
    store = MemoryConversations(DOMAIN, idle_minutes=1, clock=clock)
    asyncio.run(a_reflection(store))
    clock.now += 59
    assert asyncio.run(store.retrieve("practitioner-1")).get_slot("reflecting") is True
    clock.now += 61
    store.sweep()
    assert not store._trackers, "the idle conversation's state is still in memory"
    came_back = asyncio.run(store.retrieve("practitioner-1"))
    assert came_back.get_slot(ENDED_SLOT) == {"why": EXPIRED, "idle_minutes": 1.0}
    assert came_back.get_slot("reflection") is None
    assert asyncio.run(store.retrieve("someone-new")) is None


def test_memory_is_swept_without_anyone_writing():
    async def go():
        store = MemoryConversations(DOMAIN, idle_minutes=0.002)  # 0.12 s
        tracker = await store.get_or_create_tracker("practitioner-1")
        await store.save(tracker)
        await asyncio.sleep(0.5)
        return store
    assert not asyncio.run(go())._trackers


def test_redis_expiry_tells_the_practitioner_it_ended(redis_service):
    async def scenario():
        await a_reflection(RedisConversations(DOMAIN, port=redis_service.port, key_prefix="expiry", idle_minutes=1))
        redis.Redis(port=redis_service.port).delete("expiry:tracker:practitioner-1")  # as the expiry does
        another_process = RedisConversations(DOMAIN, port=redis_service.port, key_prefix="expiry", idle_minutes=1)
        return await another_process.retrieve("practitioner-1")
    assert asyncio.run(scenario()).get_slot(ENDED_SLOT)["why"] == EXPIRED


def test_a_restarted_redis_means_a_lost_conversation_not_a_new_one(tmp_path):
    async def scenario(server):
        store = RedisConversations(DOMAIN, port=server.port, idle_minutes=1)
        await a_reflection(store)
        server.restart()
        return await store.retrieve("practitioner-1"), await store.retrieve("someone-new")
    with redis_server(tmp_path) as server:
        lost, new = asyncio.run(scenario(server))
    assert lost.get_slot(ENDED_SLOT)["why"] == LOST
    assert new is None


def test_redis_down_never_raises_so_rasa_never_falls_back_to_keeping_text(tmp_path):
    async def scenario(server):
        store = RedisConversations(DOMAIN, port=server.port, idle_minutes=1)
        await a_reflection(store)
        server.kill()
        await a_reflection(store)  # saving fails quietly
        return await store.retrieve("practitioner-1")
    with redis_server(tmp_path) as server:
        assert asyncio.run(scenario(server)).get_slot(ENDED_SLOT)["why"] == LOST
        server.start()


def test_a_bad_idle_time_stops_the_server_with_a_clear_message():
    with pytest.raises(ValueError, match="SEEN_IDLE_MINUTES"):
        MemoryConversations(DOMAIN, idle_minutes=-5)


def test_the_domain_has_the_slots_the_stores_set():
    assert {ENDED_SLOT, "reflect_on"} <= {slot.name for slot in DOMAIN.slots}

