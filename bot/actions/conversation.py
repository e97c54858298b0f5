"""Small helpers the actions share: what the tracker says about the practitioner."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from seen import knowledge
from seen.knowledge import Area, Knowledge, Role
from seen.replies import Reply


def kb() -> Knowledge:
    return knowledge.default()


def latest_entity(tracker: Tracker, entity: str) -> Optional[str]:
    values = [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == entity]
    return str(values[0]) if values else None


def named_area(tracker: Tracker) -> Optional[Area]:
    """The area named in the latest message, if the practitioner named one we know."""
    value = latest_entity(tracker, "area")
    return kb().find_area(value) if value else None


def named_role(tracker: Tracker) -> Optional[Role]:
    value = latest_entity(tracker, "role")
    return kb().find_role(value) if value else None


def known_area(tracker: Tracker) -> Optional[Area]:
    """The area named now, or else the one given earlier in the conversation."""
    area = named_area(tracker)
    if area:
        return area
    area_id = remembered_area(tracker)
    return kb().areas.get(area_id) if area_id else None


def remembered_area(tracker: Tracker) -> Optional[str]:
    """The area given earlier, else that of the board whose web widget sent the message.

    The widget puts {"board": "derby"} in every message's metadata, so Seen
    knows the area without asking, and still does after a session expires.
    """
    return tracker.get_slot("area") or board_area(tracker.latest_message.get("metadata"))


def board_area(metadata: Any) -> Optional[str]:
    """The area id for the widget's data-board (an area id or name), or None if it names no area we know."""
    board = metadata.get("board") if isinstance(metadata, dict) else None
    area = kb().find_area(board) if isinstance(board, str) and board.strip() else None
    return area.id if area else None


def send(dispatcher: CollectingDispatcher, replies: List[Reply]) -> None:
    for reply in replies:
        buttons: List[Dict[str, Any]] = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)
