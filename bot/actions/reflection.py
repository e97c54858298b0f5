"""The guided reflection: hand each message to seen.reflection and keep its
state in the conversation's slots (memory only, never written to disk). A
note is stored only when the practitioner confirms it, through seen.notes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import kb, remembered_area, send
from seen import reflection
from seen.notes import NoteStore
from seen.reflection import Heard, Turn


@lru_cache(maxsize=1)
def notes() -> NoteStore:
    """The notes store, opened on first use (DATABASE_URL, or the SQLite file)."""
    return NoteStore()


def heard(tracker: Tracker) -> Heard:
    return reflection.heard_from(kb(), tracker.latest_message)


def slot_events(tracker: Tracker, turn: Turn) -> List[Dict[Text, Any]]:
    events = [SlotSet("reflection", turn.state), SlotSet("reflecting", turn.reflecting)]
    if turn.area and turn.area != tracker.get_slot("area"):
        events.append(SlotSet("area", turn.area))
    if turn.role and turn.role != tracker.get_slot("role"):
        events.append(SlotSet("role", turn.role))
    return events


class ActionReflection(Action):
    def name(self) -> Text:
        return "action_reflection"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = reflection.respond(
            kb(), tracker.get_slot("reflection"), heard(tracker), tracker.get_slot("role"), remembered_area(tracker),
            store=lambda draft: notes().save(draft),
        )
        send(dispatcher, turn.replies)
        return slot_events(tracker, turn)
