"""Rasa 3.6 work that costs Seen's Rasa server time on every message and
gives nothing for it, done once instead; put in place when Rasa imports Seen's
components (components/__init__.py), so in every process that loads the model.

The action server's response. Rasa checks every response from the action
server with ``jsonschema.validate``, which first checks Rasa's own schema
against the JSON Schema meta-schema (``check_schema``) and builds a new
validator, every time: about 30 ms of the Rasa server's CPU per message, more
than the intent classifier takes. Here the schema is checked and its validator
built once; every response is still validated against it, and one that does
not match fails with the same ValidationError and message as in Rasa.

Events read back from the tracker store. To turn each stored event back into
an Event, Rasa looks its type up by walking every subclass of Event (about
40, each checked with inspect.isabstract) until one has that name: with the
in-memory store this is done for every event of the conversation on every
message, about 2 ms per message at 45 events and growing with the
conversation. Here the classes are listed by name once, in the order Rasa
walks them, so a name gives the class Rasa's walk finds first; a name not
listed is looked up afresh, and is still an error, the default or (for
"topic") None, as in Rasa.

Only for the Rasa version these replacements were written against (pinned in
constraints.txt): any other version is left as it is, and a unit test says so.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Dict, Optional, Text, Type

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

#: The Rasa version whose internals these replace.
RASA_VERSION = "3.6.21"

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    """Rasa's response schema, checked once (as jsonschema.validate checks it every time), and its validator."""
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """RemoteAction._validate_action_result with jsonschema.validate's schema check done once."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match

    try:
        error = best_match(_action_response_validator().iter_errors(result))
        if error is not None:
            raise error
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


#: Event classes by type name, in the order Rasa's lookup walks them.
_EVENT_TYPES: Dict[Text, Type[Event]] = {}


def _resolve_event_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Event.resolve_by_type with the walk over Event's subclasses done once."""
    found = _EVENT_TYPES.get(type_name)
    if found is None:
        _EVENT_TYPES.clear()
        for cls in all_subclasses(Event):
            _EVENT_TYPES.setdefault(cls.type_name, cls)  # the first with the name, as Rasa's walk finds
        found = _EVENT_TYPES.get(type_name)
    if found is not None:
        return found
    if type_name == "topic":
        return None  # backwards compatibility to support old TopicSet evts
    elif default is not None:
        return default
    else:
        raise ValueError(f"Unknown event name '{type_name}'.")


def install() -> bool:
    """Put the replacements in place; False (and Rasa unchanged) on another Rasa version."""
    if rasa.__version__ != RASA_VERSION:
        log.warning("Rasa %s is not %s: Seen's speed-ups for it are left out", rasa.__version__, RASA_VERSION)
        return False
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_event_by_type)
    return True
