"""Answer topic questions from knowledge/, in the practitioner's own area."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import kb, known_area, named_area, named_role, send
from seen import replies
from seen.intents import topic_of
from seen.knowledge import Topic

def _asked_topic(tracker: Tracker) -> Optional[Topic]:
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    return kb().topics.get(topic_of(intent) or "")


class ActionAnswerTopic(Action):
    """The topic's answer and sources; where it needs the area and none is known
    yet, ask for it and finish the answer once it is given."""

    def name(self) -> Text:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        topic = _asked_topic(tracker)
        if topic is None:
            send(dispatcher, [replies.out_of_scope(kb(), known_area(tracker))])
            return []
        area = known_area(tracker)
        send(dispatcher, replies.topic_answer(kb(), topic, area))
        events: List[Dict[Text, Any]] = []
        if named_area(tracker):
            events.append(SlotSet("area", area.id))
        waiting = topic.id if topic.area_details and area is None else None
        events.append(SlotSet("pending_detail_topic", waiting))
        return events


class ActionSetContext(Action):
    """Remember the practitioner's area and role, then finish any answer that was
    waiting for the area."""

    def name(self) -> Text:
        return "action_set_context"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        knowledge = kb()
        role = named_role(tracker)
        area = named_area(tracker) or (known_area(tracker) if role else None)
        if area is None and role is None:
            area = knowledge.areas[knowledge.fallback_area]
        send(dispatcher, [replies.context_set(knowledge, area, role.name if role else None)])
        events: List[Dict[Text, Any]] = []
        if role:
            events.append(SlotSet("role", role.id))
        if area:
            events.append(SlotSet("area", area.id))
            pending = knowledge.topics.get(tracker.get_slot("pending_detail_topic") or "")
            if pending:
                send(dispatcher, [replies.area_details(knowledge, area, pending.area_details)])
                more = replies.follow_up(knowledge, pending)
                send(dispatcher, [more] if more else [])
                events.append(SlotSet("pending_detail_topic", None))
        return events


class ActionOutOfScope(Action):
    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, [replies.out_of_scope(kb(), known_area(tracker))])
        return []
