"""Rasa's Redis lock store, with each change to a lock made atomically.

Two Rasa servers take turns on one conversation through a queue of tickets
kept in Redis (endpoints.cluster.yml). Rasa 3.6's RedisLockStore changes that
queue by reading it, changing it and writing it back, with nothing to stop
another server writing in between. A server that had just finished its
message could have its ticket written back by a waiting server refreshing
the queue, and then every later message of that conversation waited for the
dead ticket to expire: 60 s, seen in tests/cluster/test_faults.py. Here each
change is a Redis transaction that starts again if the queue changed under it
(WATCH/MULTI), so no write is lost.
"""

from __future__ import annotations

import json
from typing import Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import WatchError

Result = TypeVar("Result")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as error:  # as Rasa's own: the message fails with a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, TicketLock.remove_expired_tickets, create=False)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number), create=False)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Its ticket removed, and the lock with it if no one else holds one:
        in one step, so a ticket issued meanwhile is never deleted with it."""
        self.finish_serving(conversation_id, ticket_number)

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], Result],
                create: bool = True) -> Optional[Result]:
        """``change`` applied to the conversation's lock, in a transaction
        retried until no other server wrote the lock in between; a lock left
        with no ticket is deleted. Without ``create``, no lock is no change."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    if stored is None and not create:
                        return None
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else TicketLock(conversation_id)
                    result = change(lock)
                    pipe.multi()
                    if lock.is_someone_waiting():
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except WatchError:
                    continue
