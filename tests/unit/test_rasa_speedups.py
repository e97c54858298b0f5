"""Rasa internals Seen does once instead of on every message
(bot/components/rasa_speedups.py): the same answers as Rasa's own."""

import copy
import inspect

import jsonschema
import pytest
import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered, deserialise_events
from rasa.shared.utils.common import all_subclasses

import components  # noqa: F401 - puts the speed-ups in place, as loading the model does
from components import rasa_speedups

RESPONSE = {
    "events": [{"event": "slot", "timestamp": None, "name": "reflection",
                "value": {"status": "active", "current": "role", "answers": {}, "order": []}},
               {"event": "slot", "timestamp": None, "name": "reflecting", "value": True}],
    "responses": [{"text": "Which best describes your role?", "buttons": [{"title": "Teacher", "payload": "/x"}]}],
}
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 3}]},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "user", "text": 7}]},
    {"responses": ["text, not an object"]},
    {"events": [{"event": "slot", "timestamp": None, "name": "reflecting", "value": True}], "responses": [1]},
    "not even an object",
]


def rasa_own(result):
    """Rasa 3.6.21's RemoteAction._validate_action_result, as it is in Rasa."""
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError as e:
        e.message += (". Failed to validate Action server response from API, make sure your response from the "
                      "Action endpoint is valid. For more information about the format visit "
                      "https://rasa.com/docs/rasa/custom-actions")
        raise e


def test_the_speed_ups_are_in_place_for_the_pinned_rasa():
    assert rasa.__version__ == rasa_speedups.RASA_VERSION, "Rasa changed: check bot/components/rasa_speedups.py"
    assert RemoteAction._validate_action_result is rasa_speedups._validate_action_result
    assert Event.resolve_by_type is rasa_speedups._resolve_event_by_type


def test_a_valid_response_passes_as_in_rasa():
    assert rasa_own(copy.deepcopy(RESPONSE)) is True
    assert RemoteAction("action_respond", None)._validate_action_result(copy.deepcopy(RESPONSE)) is True


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_response_fails_as_in_rasa(response):
    with pytest.raises(jsonschema.ValidationError) as expected:
        rasa_own(copy.deepcopy(response))
    with pytest.raises(jsonschema.ValidationError) as raised:
        RemoteAction("action_respond", None)._validate_action_result(copy.deepcopy(response))
    assert raised.value.message == expected.value.message
    assert list(raised.value.path) == list(expected.value.path)
    assert list(raised.value.schema_path) == list(expected.value.schema_path)


def rasa_resolve_by_type(type_name, default=None):
    """Rasa 3.6.21's Event.resolve_by_type, as it is in Rasa."""
    for cls in all_subclasses(Event):
        if cls.type_name == type_name:
            return cls
    if type_name == "topic":
        return None
    elif default is not None:
        return default
    else:
        raise ValueError(f"Unknown event name '{type_name}'.")


def test_every_event_type_gives_the_class_rasa_gives():
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert len(names) > 20
    for name in sorted(names):
        assert Event.resolve_by_type(name) is rasa_resolve_by_type(name), name
        assert Event.resolve_by_type(name, UserUttered) is rasa_resolve_by_type(name, UserUttered), name


def test_an_unknown_event_type_is_the_default_none_or_an_error_as_in_rasa():
    assert Event.resolve_by_type("no_such_event", UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is rasa_resolve_by_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_defined_later_is_found():
    class SeenTestEvent(Event):
        type_name = "seen_test_event_for_the_lookup"

        def as_story_string(self):
            return None

        def __eq__(self, other):
            return isinstance(other, SeenTestEvent)

        __hash__ = Event.__hash__

    try:
        assert not inspect.isabstract(SeenTestEvent)
        assert Event.resolve_by_type("seen_test_event_for_the_lookup") is SeenTestEvent
    finally:
        rasa_speedups._EVENT_TYPES.clear()  # no reference left to the test's class


def test_stored_events_read_back_as_in_rasa():
    stored = [{"event": "action", "name": "action_listen", "timestamp": 1.0},
              {"event": "user", "text": "hello", "parse_data": {"intent": {"name": "greet", "confidence": 1.0}},
               "timestamp": 2.0},
              {"event": "slot", "name": "reflecting", "value": True, "timestamp": 3.0},
              {"event": "bot", "text": "Hello", "data": {}, "timestamp": 4.0},
              {"event": "session_started", "timestamp": 5.0}]
    events = deserialise_events(copy.deepcopy(stored))
    assert [type(e) for e in events] == [rasa_resolve_by_type(e["event"]) for e in stored]
    assert [e.as_dict() for e in events] == [rasa_resolve_by_type(e["event"])._from_parameters(copy.deepcopy(e))
                                            .as_dict() for e in stored]
