"""Greeting, help, thanks, goodbye and a bare yes or no."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import kb, send
from seen import replies
from seen.replies import Reply


class _SayMessage(Action):
    """Sends one message from knowledge/messages.yml."""

    message: Text = ""

    def name(self) -> Text:
        return f"action_{self.message}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, [Reply(getattr(kb().messages, self.message).strip())])
        return []


class ActionGreet(_SayMessage):
    message = "greet"


class ActionThanks(_SayMessage):
    message = "thanks"


class ActionGoodbye(_SayMessage):
    message = "goodbye"


class ActionAffirm(_SayMessage):
    message = "affirm"


class ActionDeny(_SayMessage):
    message = "deny"


class ActionHelp(Action):
    def name(self) -> Text:
        return "action_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, [replies.help_reply(kb())])
        return []
