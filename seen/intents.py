"""How topics are named as Rasa intents: one convention for training data,
button payloads and the actions that read the intent back."""

from typing import Optional

TOPIC_INTENT_PREFIX = "topic_"
#: Forced by the emergency override whenever a child may be in immediate danger.
EMERGENCY_INTENT = "emergency"
#: Rasa's FallbackClassifier's intent for a message the classifier was unsure of.
FALLBACK_INTENT = "nlu_fallback"


def topic_intent(topic_id: str) -> str:
    return f"{TOPIC_INTENT_PREFIX}{topic_id}"


def topic_of(intent: str) -> Optional[str]:
    """The topic id an intent names, or None for any other intent."""
    return intent[len(TOPIC_INTENT_PREFIX):] if intent.startswith(TOPIC_INTENT_PREFIX) else None
#: Starts a guided reflection, or offers to carry on a paused one.
SHARE_WORRY_INTENT = "share_worry"
#: A message outside Seen's field, or a question its guidance does not answer.
OUT_OF_SCOPE_INTENT = "out_of_scope"
#: A message saying how old the child is ("she's 8").
DESCRIBE_CHILD_INTENT = "describe_child"
#: Where the NLU puts its ranking of a message's question sentence alone
#: (bot/components/intent_classifier.py), for a message that tells and then asks.
ASKED_RANKING = "asked_ranking"
#: How many intents that ranking keeps.
ASKED_RANKING_LENGTH = 5
