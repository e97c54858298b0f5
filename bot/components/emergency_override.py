"""Make the emergency intent win whenever seen.safety spots immediate danger.

It runs after the classifiers, so a message such as "he says his dad burned
him" is an emergency in every turn and every form, whatever the intent
classifier (components.intent_classifier) guessed. The classifier also learns
the emergency intent and catches phrasings the rules miss; its
guess alone counts when it is confident enough and the message does not say
the danger is past, absent or hypothetical ("he's fine now", "for our
induction pack").
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from seen.intents import EMERGENCY_INTENT, FALLBACK_INTENT
from seen.safety import default_detector


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EmergencyOverride(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"classifier_min_confidence": 0.3}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._min_confidence = config["classifier_min_confidence"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EmergencyOverride":
        default_detector()  # the knowledge base and safety rules, built as the model loads, not on a first message
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        detector = default_detector()
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != EMERGENCY_INTENT]
            if detector.detect(text) is not None:
                top = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top, *ranking], add_to_output=True)
            elif self._classifier_says_emergency(message) and (
                self._unsure(message) or detector.reassured(text)
            ):
                next_best = ranking[0] if ranking else {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 0.0}
                message.set(INTENT, next_best, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    @staticmethod
    def _classifier_says_emergency(message: Message) -> bool:
        return (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == EMERGENCY_INTENT

    def _unsure(self, message: Message) -> bool:
        return (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY, 0.0) < self._min_confidence
