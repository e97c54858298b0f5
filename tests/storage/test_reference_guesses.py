"""Misses at finding a case by reference (seen/guesses.py), in memory and in a
real Redis shared by two action servers: a conversation and a client are
refused once they have missed too often, even with a right reference, and
the counts hold neither a conversation id nor an address."""

from typing import Iterator

import pytest
import redis

from seen.guesses import Guesses, TooManyTries
from tests.helpers.redis_server import RedisServer, redis_server

KEY = b"one install's secret"


@pytest.fixture(scope="module")
def redis_service(tmp_path_factory) -> Iterator[RedisServer]:
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


def limiters(kind: str, service: RedisServer, how_many: int = 1):
    uri = "memory://" if kind == "memory" else f"redis://127.0.0.1:{service.port}/3"
    if kind == "memory":
        one = Guesses(uri, "3/hour", "5/hour", key=KEY)
        return [one] * how_many
    return [Guesses(uri, "3/hour", "5/hour", key=KEY) for _ in range(how_many)]


@pytest.mark.parametrize("kind", ["memory", "redis"])
def test_a_conversation_is_refused_after_its_misses_and_another_is_not(kind, redis_service):
    guesses = limiters(kind, redis_service)[0]
    for _ in range(3):
        guesses.check(f"{kind}-conversation-1", None)
        guesses.missed(f"{kind}-conversation-1", None)
    with pytest.raises(TooManyTries):
        guesses.check(f"{kind}-conversation-1", None)
    guesses.check(f"{kind}-conversation-2", None)


@pytest.mark.parametrize("kind", ["memory", "redis"])
def test_a_client_is_refused_after_its_misses_across_conversations(kind, redis_service):
    guesses = limiters(kind, redis_service)[0]
    for n in range(5):
        guesses.missed(f"{kind}-client-conversation-{n}", "198.51.100.7")
    with pytest.raises(TooManyTries):
        guesses.check(f"{kind}-a-new-conversation", "198.51.100.7")
    guesses.check(f"{kind}-a-new-conversation", "198.51.100.8")


def test_two_action_servers_count_together_in_redis(redis_service):
    first, second = limiters("redis", redis_service, 2)
    first.missed("shared-conversation", "203.0.113.9")
    first.missed("shared-conversation", "203.0.113.9")
    second.missed("shared-conversation", "203.0.113.9")
    with pytest.raises(TooManyTries):
        first.check("shared-conversation", None)


def test_redis_holds_no_conversation_id_or_address(redis_service):
    guesses = limiters("redis", redis_service)[0]
    guesses.missed("conversation-id-to-hide", "192.0.2.44")
    keys = redis.Redis(port=redis_service.port, db=3).keys("*")
    assert keys
    assert not any(b"conversation-id-to-hide" in k or b"192.0.2.44" in k for k in keys)
