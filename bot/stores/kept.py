"""What of a conversation Seen keeps once a message has been answered.

Rasa stores every message's text in the tracker. Seen needs only what the NLU
made of it (intent, entities) and the reflection slot, so a stored tracker
holds no practitioner text: not their messages, not Seen's messages that
quote them (a draft note, "Is 'Bill' a name?"), and not the earlier values of
the slots that hold their answers. A button press is kept: its text is Seen's
own payload.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, Iterable, List, Set

#: Metadata key an action sets on a bot message that quotes the practitioner
#: (bot/actions/conversation.py).
QUOTES_PRACTITIONER = "seen_quotes_practitioner"
#: Slots whose values hold the practitioner's words: only the latest value is kept.
TEXT_SLOTS = frozenset({"reflection", "reflect_on"})
#: Message metadata worth keeping: the widget's board, which names an area
#: (a short id; anything longer is not one).
KEPT_METADATA = ("board",)
MAX_METADATA_CHARS = 100

Event = Dict[str, Any]


def without_text(events: Iterable[Event]) -> List[Event]:
    """The events as Rasa serialised them, minus every word the practitioner
    typed or Seen quoted back; the conversation's state replays the same."""
    kept = [copy.deepcopy(event) for event in events]
    last_set = {e.get("name"): i for i, e in enumerate(kept) if e.get("event") == "slot"}
    offered: Set[str] = set()
    for i, event in enumerate(kept):
        kind = event.get("event")
        if kind == "bot":
            offered |= _payloads(event)
            if (event.get("metadata") or {}).get(QUOTES_PRACTITIONER):
                event["text"] = None
        elif kind == "user":
            _forget_message(event, keep_text=event.get("text") in offered)
            offered = set()
        elif kind == "slot" and event.get("name") in TEXT_SLOTS and last_set[event["name"]] != i:
            event["value"] = None
    return kept


def _payloads(bot_event: Event) -> Set[str]:
    buttons = (bot_event.get("data") or {}).get("buttons") or []
    return {b["payload"] for b in buttons if isinstance(b, dict) and isinstance(b.get("payload"), str)}


def _forget_message(event: Event, keep_text: bool) -> None:
    if not keep_text:
        event["text"] = None
    event["metadata"] = _kept_metadata(event.get("metadata"))
    parse_data = event.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data["text"] = event["text"]
        parse_data["metadata"] = _kept_metadata(parse_data.get("metadata"))


def _kept_metadata(metadata: Any) -> Dict[str, str]:
    if not isinstance(metadata, dict):
        return {}
    return {key: metadata[key] for key in KEPT_METADATA
            if isinstance(metadata.get(key), str) and len(metadata[key]) <= MAX_METADATA_CHARS}
