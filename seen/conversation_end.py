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


def notice(kb: Knowledge, ended: Any) -> Optional[Reply]:
    """What to say about the slot's value ({"why": ..., "idle_minutes": ...}), if anything."""
    why = ended.get("why") if isinstance(ended, dict) else None
    if why == LOST:
        return Reply(kb.messages.conversation_lost.strip())
    if why != EXPIRED:
        return None
    return Reply(kb.messages.conversation_expired.format(idle=_duration(ended.get("idle_minutes"))).strip())


def _duration(minutes: Any) -> str:
    """"2 hours", "90 minutes", "1 minute": the idle time as a person says it."""
    if not isinstance(minutes, (int, float)) or minutes <= 0:
        return "a while"
    if minutes >= 60 and minutes % 60 == 0:
        hours = int(minutes // 60)
        return f"{hours} hour{'s' if hours != 1 else ''}"
    whole = max(1, round(minutes))
    return f"{whole} minute{'s' if whole != 1 else ''}"
