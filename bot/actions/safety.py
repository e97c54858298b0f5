"""After Rasa's own emergency reply (utter_emergency, 999 first): the area's
route, for a message that was also a question the topic on offer, and a
reflection in progress paused with nothing lost."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    answering,
    ended_notice,
    heard,
    known_area,
    off_the_loop,
    reflect_on_events,
    reflection_state,
    remembered_area,
    slot_events,
)
from seen import knowledge, reflection, replies
from seen.intents import EMERGENCY_INTENT, topic_of
from seen.knowledge import Topic
from seen.safety import is_emergency

#: How sure the classifier must be that the message was also a topic question
#: before that answer is offered after the emergency reply.
TOPIC_OFFER_MIN_CONFIDENCE = 0.3


def _next_best_topic(tracker: Tracker) -> Optional[Topic]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    for entry in ranking:
        name = entry.get("name") or ""
        if name == EMERGENCY_INTENT:
            continue
        topic_id = topic_of(name)
        if topic_id and entry.get("confidence", 0.0) >= TOPIC_OFFER_MIN_CONFIDENCE:
            return knowledge.default().topics.get(topic_id)
        return None
    return None


class ActionEmergencyFollowUp(Action):
    def name(self) -> Text:
        return "action_emergency_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        def work():
            kb = answering()
            state = reflection_state(tracker)
            message = heard(tracker)
            # Offered only with no reflection begun: a paused one would first ask "carry on or start again?".
            reflect = state is None or state.status == reflection.DONE
            reflect = reflect and not message.text.startswith("/")
            said = replies.emergency_follow_up(kb, known_area(tracker), _next_best_topic(tracker), reflect)
            notice, cleared = ended_notice(tracker)
            turn = reflection.after_emergency(
                kb, state, message, is_emergency(message.text), tracker.get_slot("role"), remembered_area(tracker),
            )
            if turn.state:
                kept = slot_events(tracker, turn)
            else:  # "Reflect on this case" starts from this message (actions.conversation.reflect_on_events)
                kept = [SlotSet("reflecting", False), *reflect_on_events(tracker, said)]
            return [*said, *notice, *turn.replies], [*cleared, *kept]

        return await off_the_loop(dispatcher, work)
