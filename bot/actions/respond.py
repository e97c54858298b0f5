"""Every message the 999 rule does not take: seen.respond decides what it is
and what Seen says, after saying that an earlier conversation had ended if it
had; this reads the tracker and keeps the state in slots (never on disk). A
note is stored only when the practitioner confirms it; a case is looked up
by reference only in the practitioner's area."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    answering,
    case_finder,
    conversation,
    ended_notice,
    heard,
    notes,
    off_the_loop,
    slot_events,
)
from seen import respond


class ActionRespond(Action):
    def name(self) -> Text:
        return "action_respond"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        def work():
            notice, cleared = ended_notice(tracker)
            turn = respond.respond(answering(), conversation(tracker), heard(tracker),
                                   store=lambda draft: notes().save(draft), find=case_finder(tracker))
            return [*notice, *turn.replies], [*cleared, *slot_events(tracker, turn)]

        return await off_the_loop(dispatcher, work)
