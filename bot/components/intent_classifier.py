"""Rasa intent classifier wrapping seen.intent_model (sentence meaning + spelling).

DIET trained on n-grams alone recognised about three in four dev-set questions
phrased in practitioners' own words; a pretrained sentence embedding gets
far more of them (see benchmarks/nlu_heldout.py).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import model_files
from seen import knowledge
from seen.embeddings import default_embedder
from seen.intent_model import IntentModel
from seen.intents import ASKED_RANKING, ASKED_RANKING_LENGTH
from seen.message_kind import question_sentence

MODEL_FILE = "intent_model.joblib"
RANKING_LENGTH = 10


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class MeaningIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"regularisation": 10.0, "random_seed": 42}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[IntentModel] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MeaningIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        model = IntentModel(default_embedder(), self._config["regularisation"], self._config["random_seed"])
        model.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        return model_files.save(self._model_storage, self._resource, MODEL_FILE, model)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "MeaningIntentClassifier":
        return cls(config, model_storage, resource, model_files.load(model_storage, resource, MODEL_FILE))

    def process(self, messages: List[Message]) -> List[Message]:
        if self._model is None:
            return messages
        rankings = self._model.rank([m.get(TEXT) or "" for m in messages])
        for message, ranking in zip(messages, rankings, strict=True):
            ranked = _as_parsed(ranking[:RANKING_LENGTH])
            message.set(INTENT, ranked[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranked, add_to_output=True)
        self._rank_questions(messages)
        return messages

    def _rank_questions(self, messages: List[Message]) -> None:
        """A message that tells and then asks: its question sentence ranked on
        its own too, since the telling outweighs the asking in the whole."""
        kb = knowledge.default()
        asked = [(m, question_sentence(kb, m.get(TEXT) or "")) for m in messages]
        asked = [(m, q) for m, q in asked if q]
        for (message, _), ranking in zip(asked, self._model.rank([q for _, q in asked]), strict=True):
            message.set(ASKED_RANKING, _as_parsed(ranking[:ASKED_RANKING_LENGTH]), add_to_output=True)


def _as_parsed(ranking: List[Tuple[str, float]]) -> List[Dict[str, Any]]:
    return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: p} for name, p in ranking]
