"""Where Rasa keeps a conversation while it lasts, chosen in endpoints.yml:

- ``MemoryConversations`` (``make run``): this Rasa process's memory;
- ``RedisConversations`` (``make run-cluster``): Redis, shared by every Rasa
  server, so any of them can carry on any conversation.

Both keep no practitioner text (stores/kept.py) and forget a conversation
after SEEN_IDLE_MINUTES without a message (120 unless set), its answers with
it. A practitioner who comes back to a conversation Seen no longer holds is
told so (the ``conversation_ended`` slot, which the actions say), not carried
on as if new. To know that, Seen remembers for a week that an id was used: a
hash of it, nothing else.

Neither streams events to an event broker: that would carry the text elsewhere.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import time
from collections import OrderedDict
from typing import Any, Callable, Iterable, Optional, Text, Tuple

import redis.asyncio
from rasa.core.tracker_store import SerializedTrackerAsText, TrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker, get_trackers_for_conversation_sessions
from redis.exceptions import RedisError

from seen.conversation_end import DEFAULT_IDLE_MINUTES, ENDED_SLOT, EXPIRED, LOST
from stores.kept import without_text

IDLE_VARIABLE = "SEEN_IDLE_MINUTES"
#: How long Seen remembers that a conversation id was used, to tell its
#: practitioner that it ended rather than start afresh without a word.
REMEMBER_SECONDS = 7 * 24 * 3600
#: At most this many ids remembered in one process's memory (about 10 MB).
REMEMBER_MAX = 100_000
#: The longest one call to Redis may take: a Redis that is down must not hold a practitioner up.
REDIS_SECONDS = 2.0

log = logging.getLogger(__name__)


def _idle_minutes(configured: Any = None) -> float:
    """The idle time: endpoints.yml's idle_minutes, else SEEN_IDLE_MINUTES, else 120."""
    value = float(configured or os.environ.get(IDLE_VARIABLE) or DEFAULT_IDLE_MINUTES)
    if value <= 0:
        raise ValueError(f"{IDLE_VARIABLE} must be a positive number of minutes, not {value}")
    return value


def _hashed(sender_id: Text) -> str:
    return hashlib.sha256(sender_id.encode()).hexdigest()


class _Recent:
    """Hashes of conversation ids, each forgotten after ``seconds`` or when
    ``most`` newer ones have come: bounded, whatever the traffic."""

    def __init__(self, seconds: float, most: int, clock: Callable[[], float]) -> None:
        self._seconds, self._most, self._clock = seconds, most, clock
        self._when: "OrderedDict[str, float]" = OrderedDict()

    def add(self, sender_id: Text) -> None:
        key = _hashed(sender_id)
        self._when[key] = self._clock()
        self._when.move_to_end(key)
        while len(self._when) > self._most:
            self._when.popitem(last=False)

    def __contains__(self, sender_id: Text) -> bool:
        when = self._when.get(_hashed(sender_id))
        return when is not None and self._clock() - when < self._seconds


class _Conversations(TrackerStore, SerializedTrackerAsText):
    """What both stores share: trackers stored without text, and the tracker
    of a conversation that ended."""

    def __init__(self, domain: Optional[Domain] = None, idle_minutes: Any = None,
                 clock: Callable[[], float] = time.monotonic, **_rasa_arguments: Any) -> None:
        super().__init__(domain, event_broker=None)
        self.idle_minutes = _idle_minutes(idle_minutes)
        self.clock = clock

    async def _write(self, sender_id: Text, serialised: str) -> None:
        raise NotImplementedError

    async def _read(self, sender_id: Text) -> Tuple[Optional[str], Optional[str]]:
        """The stored tracker, or else why there is none (EXPIRED, LOST or None for a new id)."""
        raise NotImplementedError

    def serialised(self, tracker: DialogueStateTracker) -> str:
        dialogue = tracker.as_dialogue().as_dict()
        dialogue["events"] = without_text(dialogue["events"])
        return json.dumps(dialogue)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._write(tracker.sender_id, self.serialised(tracker))

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        tracker = await self.retrieve_full_tracker(sender_id)
        sessions = get_trackers_for_conversation_sessions(tracker) if tracker else []
        return sessions[-1] if len(sessions) > 1 else tracker

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        stored, ended = await self._read(sender_id)
        if stored is not None:
            return self.deserialise_tracker(sender_id, stored)
        return self._ended(sender_id, ended) if ended else None

    def _ended(self, sender_id: Text, why: str) -> DialogueStateTracker:
        """A new conversation that knows the earlier one ended, and why."""
        tracker = self.init_tracker(sender_id)
        ended = {"why": why, "idle_minutes": self.idle_minutes}
        tracker.update_with_events([ActionExecuted(ACTION_SESSION_START_NAME), SessionStarted(),
                                    SlotSet(ENDED_SLOT, ended), ActionExecuted(ACTION_LISTEN_NAME)], self.domain)
        return tracker


class MemoryConversations(_Conversations):
    """One process's conversations, each dropped from memory once idle too long."""

    def __init__(self, domain: Optional[Domain] = None, idle_minutes: Any = None, **kwargs: Any) -> None:
        super().__init__(domain, idle_minutes, **kwargs)
        self._trackers: "OrderedDict[Text, Tuple[float, str]]" = OrderedDict()  # oldest write first
        self._used = _Recent(REMEMBER_SECONDS, REMEMBER_MAX, self.clock)
        self._sweeper: Optional[asyncio.Task] = None

    async def _write(self, sender_id: Text, serialised: str) -> None:
        self.sweep()
        self._trackers[sender_id] = (self.clock(), serialised)
        self._trackers.move_to_end(sender_id)
        self._used.add(sender_id)
        self._sweep_regularly()

    async def _read(self, sender_id: Text) -> Tuple[Optional[str], Optional[str]]:
        self.sweep()
        entry = self._trackers.get(sender_id)
        if entry:
            return entry[1], None
        return None, EXPIRED if sender_id in self._used else None

    async def keys(self) -> Iterable[Text]:
        self.sweep()
        return list(self._trackers)

    def sweep(self) -> None:
        """Drop every conversation idle for longer than the idle time."""
        oldest_kept = self.clock() - 60 * self.idle_minutes
        while self._trackers:
            sender_id, (written, _) = next(iter(self._trackers.items()))
            if written > oldest_kept:
                return
            del self._trackers[sender_id]

    def _sweep_regularly(self) -> None:
        """Sweep even when no one writes, so an idle conversation's text does
        not outstay the idle time by more than half of it, or a minute."""
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = asyncio.get_running_loop().create_task(self._sweep_every(min(60.0, 30 * self.idle_minutes)))

    async def _sweep_every(self, seconds: float) -> None:
        while self._trackers:
            await asyncio.sleep(seconds)
            self.sweep()


class RedisConversations(_Conversations):
    """Conversations in Redis, each expiring there once idle too long; any Rasa
    server can carry on any of them. If Redis is restarted (it keeps nothing on
    disk, so the text never reaches one) or cannot be reached, a practitioner
    this process has talked to is told their conversation was lost."""

    def __init__(self, domain: Optional[Domain] = None, host: Optional[Text] = None, port: Any = 6379,
                 db: Any = 0, password: Optional[Text] = None, key_prefix: Text = "seen",
                 idle_minutes: Any = None, **kwargs: Any) -> None:
        super().__init__(domain, idle_minutes, **kwargs)
        self._redis = redis.asyncio.Redis(host=host or "127.0.0.1", port=int(port), db=int(db), password=password,
                                          socket_timeout=REDIS_SECONDS, socket_connect_timeout=REDIS_SECONDS)
        self._prefix = key_prefix
        self._talked_to = _Recent(REMEMBER_SECONDS, REMEMBER_MAX, self.clock)

    def _keys(self, sender_id: Text) -> Tuple[str, str]:
        return f"{self._prefix}:tracker:{sender_id}", f"{self._prefix}:used:{_hashed(sender_id)}"

    async def _write(self, sender_id: Text, serialised: str) -> None:
        tracker_key, used_key = self._keys(sender_id)
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.set(tracker_key, serialised, ex=int(60 * self.idle_minutes))
                pipe.set(used_key, 1, ex=REMEMBER_SECONDS)
                await pipe.execute()
        except (RedisError, OSError, asyncio.TimeoutError) as error:
            # Never raise: Rasa would fall back to its own in-memory store, which keeps the text for good.
            log.error("a conversation could not be stored in Redis: %s", type(error).__name__)
            return
        self._talked_to.add(sender_id)

    async def _read(self, sender_id: Text) -> Tuple[Optional[str], Optional[str]]:
        try:
            stored, used = await self._redis.mget(self._keys(sender_id))
        except (RedisError, OSError, asyncio.TimeoutError) as error:
            log.error("a conversation could not be read from Redis: %s", type(error).__name__)
            return None, LOST if sender_id in self._talked_to else None
        if stored is not None:
            self._talked_to.add(sender_id)
            return stored.decode(), None
        if used is not None:
            return None, EXPIRED
        return None, LOST if sender_id in self._talked_to else None

    async def keys(self) -> Iterable[Text]:
        start = len(f"{self._prefix}:tracker:")
        return [key.decode()[start:] async for key in self._redis.scan_iter(f"{self._prefix}:tracker:*")]

