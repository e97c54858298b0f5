"""A new conversation: when it comes from a board's web widget, the board's area is known at once."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import kb

METADATA_SLOT = "session_started_metadata"  # Rasa fills it from the first message's metadata


class ActionSessionStart(Action):
    """Rasa's session start, plus the area of the board whose widget started it ({"board": "derby"})."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        metadata = tracker.get_slot(METADATA_SLOT) or {}
        events: List[Dict[Text, Any]] = [SessionStarted()]
        if metadata:
            events.append(SlotSet(METADATA_SLOT, metadata))
        area = board_area(metadata)
        if area:
            events.append(SlotSet("area", area))
        return events + [ActionExecuted("action_listen")]


def board_area(metadata: Any) -> Optional[str]:
    """The area id for the widget's data-board (an area id or alias), or None if it names no area we know."""
    board = metadata.get("board") if isinstance(metadata, dict) else None
    area = kb().find_area(board) if isinstance(board, str) and board.strip() else None
    return area.id if area else None
