"""The knowledge Seen answers with: knowledge/ with each board's published
details laid over its area's YAML, read afresh without retraining.

The action server asks for it every turn. The published details are read at
most every REFRESH_SECONDS, by one thread while the others go on with the
last good copy; if the database cannot be reached, the last good copy (or,
before there was one, the YAML alone) is used and the database is not tried
again for RETRY_SECONDS, so an outage slows one turn, not every turn.
"""

import logging
import threading
import time
from typing import Callable, Dict, List, Mapping

from seen.board_details import BoardDetails
from seen.db import DatabaseUnavailable
from seen.knowledge import Fact, Knowledge

log = logging.getLogger(__name__)

REFRESH_SECONDS = 2.0
RETRY_SECONDS = 30.0

Published = Mapping[str, Mapping[str, List[Fact]]]


def overlaid(kb: Knowledge, published: Published) -> Knowledge:
    """``kb`` with each area's published details in place of its YAML's."""
    if not published:
        return kb
    areas = {area_id: area.copy(update=dict(published[area_id])) if area_id in published else area
             for area_id, area in kb.areas.items()}
    return kb.copy(update={"areas": areas})  # shallow: Fact and Area were validated when made


class LiveDetails:
    """The published details, cached briefly and shared by the action server's threads."""

    def __init__(self, read: Callable[[], Dict[str, Dict[str, List[Fact]]]],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._read = read
        self._clock = clock
        self._lock = threading.Lock()
        self._published: Published = {}
        self._next_read = 0.0

    @classmethod
    def from_store(cls, store: BoardDetails) -> "LiveDetails":
        return cls(store.published)

    def knowledge(self, kb: Knowledge) -> Knowledge:
        self._refresh()
        return overlaid(kb, self._published)

    def _refresh(self) -> None:
        first = self._next_read == 0.0  # until the first read ends, wait for it: no turn answers from the YAML alone
        if self._clock() < self._next_read or not self._lock.acquire(blocking=first):
            return
        try:
            if self._clock() < self._next_read:  # read by the thread this one waited for
                return
            try:
                self._published = self._read()
                wait = REFRESH_SECONDS
            except DatabaseUnavailable:
                log.warning("boards' published details unreachable: using the last copy for %.0f s", RETRY_SECONDS)
                wait = RETRY_SECONDS
            self._next_read = self._clock() + wait
        finally:
            self._lock.release()

