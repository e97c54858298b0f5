"""Telling a practitioner that the conversation they came back to has ended.

The Rasa tracker store (bot/stores/conversations.py) sets ENDED_SLOT on the
new conversation; the actions say this notice first, then answer the message.
"""

from __future__ import annotations

from typing import Any, Optional

from seen.knowledge import Knowledge
from seen.replies import Reply

ENDED_SLOT = "conversation_ended"
#: It was idle longer than the idle time; or the store lost it (a restart).
EXPIRED, LOST = "expired", "lost"
#: The tracker store's default idle time (bot/stores/conversations.py reads SEEN_IDLE_MINUTES).
DEFAULT_IDLE_MINUTES = 120.0


def notice(kb: Knowledge, ended: Any) -> Optional[Reply]:
    """What to say about the slot's value ({"why": ..., "idle_minutes": ...}), if anything."""
    why = ended.get("why") if isinstance(ended, dict) else None
    if why == LOST:
        return Reply(kb.messages.conversation_lost.strip())
    if why != EXPIRED:
        return None
    minutes = ended.get("idle_minutes")
    if not isinstance(minutes, (int, float)) or minutes <= 0:
        minutes = DEFAULT_IDLE_MINUTES
    return Reply(kb.messages.conversation_expired.format(idle=_duration(kb, minutes)).strip())


def _duration(kb: Knowledge, minutes: float) -> str:
    """"2 hours", "90 minutes", "1 minute": the idle time as a person says it."""
    words = kb.messages.idle_time
    if minutes % 60 == 0:
        hours = int(minutes // 60)
        return words.hour if hours == 1 else words.hours.format(count=hours)
    whole = max(1, round(minutes))
    return words.minute if whole == 1 else words.minutes.format(count=whole)
