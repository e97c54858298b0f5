"""Rasa internals Seen does once instead of on every message
(bot/components/rasa_speedups.py): the same answers as Rasa's own."""

import copy

import jsonschema
import pytest
import rasa
from rasa.core.actions.action import RemoteAction

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
