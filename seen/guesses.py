"""How often a conversation, and a client, may fail to find a case by its
reference.

A note's reference is the key to its case: whoever has it may follow the case
up. References are drawn from 32**8 codes, and each conversation and each
client (a browser's address, as the channel saw it) may miss only a few times
an hour, so guessing one is hopeless. Past the limit even a right reference
is refused until the hour has passed: a guesser learns nothing from trying.

The counts live where the supervision app's rate limits live
(SEEN_RATELIMIT_STORAGE: Redis in the cluster, so every action server counts
together; this process's memory otherwise), under keys hashed with a
per-install secret: neither a conversation id nor an address is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from typing import Optional

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

#: Failed look-ups allowed, in any moving hour.
PER_CONVERSATION = "5/hour"
PER_CLIENT = "20/hour"
STORAGE_VARIABLE = "SEEN_RATELIMIT_STORAGE"
REDIS_SECONDS = 2
#: Where every channel puts the client's address in a message's metadata
#: (bot/channels/limits.py), over anything the browser sent.
CLIENT_KEY = "client"


class TooManyTries(Exception):
    """This conversation or this client has missed too often; nothing was looked up."""


class Guesses:
    def __init__(self, storage_uri: Optional[str] = None, per_conversation: str = PER_CONVERSATION,
                 per_client: str = PER_CLIENT, key: Optional[bytes] = None) -> None:
        uri = storage_uri or os.environ.get(STORAGE_VARIABLE) or "memory://"
        # Held here: the limiter keeps only a weak reference to it. A Redis
        # that stops answering fails the look-up within the timeout.
        self._storage = storage_from_string(uri, socket_timeout=REDIS_SECONDS, socket_connect_timeout=REDIS_SECONDS)
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._limits = {"conversation": parse(per_conversation), "client": parse(per_client)}
        self._key = key or os.environ.get("SEEN_SECRET_KEY", "").encode() or secrets.token_bytes(32)

    def check(self, conversation: str, client: Optional[str]) -> None:
        """TooManyTries if either has used up its misses."""
        for kind, who in self._who(conversation, client):
            if not self._limiter.test(self._limits[kind], "seen-reference", kind, who):
                raise TooManyTries(kind)

    def missed(self, conversation: str, client: Optional[str]) -> None:
        """Count one reference that was not found."""
        for kind, who in self._who(conversation, client):
            self._limiter.hit(self._limits[kind], "seen-reference", kind, who)

    def _who(self, conversation: str, client: Optional[str]):
        pairs = [("conversation", conversation)] + ([("client", client)] if client else [])
        return [(kind, hmac.new(self._key, who.encode(), hashlib.sha256).hexdigest()[:32]) for kind, who in pairs]
