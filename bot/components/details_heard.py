"""Note, for every message, which reflective questions it answers by the
details model's judgement (seen.details_model); seen.details adds them to
what the words in knowledge/reflection.yml found in an opening message.

What goes to the action server is the questions and the indices of the
clauses that answer them (seen.details.clause_spans), never words of the
message."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import model_files, tuning_sets
from seen.details import HEARD_ANSWERS, clauses
from seen.details_model import DetailsModel, labelled_openers
from seen.embeddings import default_embedder

MODEL_FILE = "details_model.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class DetailsHeard(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.7, "regularisation": 4.0, "tuning_sets": "tests/dev*"}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return tuning_sets.fingerprint({**cls.get_default_config(), **config}["tuning_sets"])

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[DetailsModel] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DetailsHeard":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        texts, answered = labelled_openers(tuning_sets.folders(self._config["tuning_sets"]))
        model = DetailsModel(default_embedder(), self._config["regularisation"]).fit(texts, answered)
        return model_files.save(self._model_storage, self._resource, MODEL_FILE, model)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "DetailsHeard":
        return cls(config, model_storage, resource, model_files.load(model_storage, resource, MODEL_FILE))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text.strip() or text.startswith("/"):
                continue
            found = self._model.answered(text, clauses(text), self._config["threshold"])
            message.set(HEARD_ANSWERS, {q: [i, v] for q, (i, v) in found.items()}, add_to_output=True)
        return messages
