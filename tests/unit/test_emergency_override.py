"""The NLU component that makes the emergency intent win, or stand down."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.emergency_override import EmergencyOverride


def parsed(text, *ranking):
    ranked = [{"name": name, "confidence": p} for name, p in ranking]
    return Message(data={TEXT: text, INTENT: ranked[0], INTENT_RANKING_KEY: ranked})


@pytest.fixture
def override():
    return EmergencyOverride({"classifier_min_confidence": 0.3})


def top(message):
    return message.get(INTENT)["name"]


def test_the_rules_win_over_any_classifier_guess(override):
    message = parsed("he says his dad burned him", ("topic_accidents_injuries", 0.9), ("emergency", 0.1))
    override.process([message])
    assert top(message) == "emergency"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["emergency", "topic_accidents_injuries"]


def test_a_confident_classifier_emergency_stands(override):
    message = parsed("mum's fella has the kids and he's proper out of order",
                     ("emergency", 0.7), ("topic_think_family", 0.2))
    override.process([message])
    assert top(message) == "emergency"


def test_an_unsure_classifier_emergency_gives_way_to_the_next_intent(override):
    message = parsed("the baby always seems grizzly", ("emergency", 0.2), ("topic_daily_lived_experience", 0.15))
    override.process([message])
    assert top(message) == "topic_daily_lived_experience"


def test_a_reassured_message_is_not_an_emergency_on_the_classifier_alone(override):
    message = parsed("he had a febrile fit last night but he's fine now",
                     ("emergency", 0.8), ("topic_accidents_injuries", 0.1))
    override.process([message])
    assert top(message) == "topic_accidents_injuries"


def test_button_payloads_are_left_alone(override):
    message = parsed("/topic_dvrim", ("topic_dvrim", 1.0))
    override.process([message])
    assert top(message) == "topic_dvrim"
