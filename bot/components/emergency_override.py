"""Decide, last in the NLU pipeline, whether a message gets the 999 reply.

Three judges: the rules in seen.safety; the intent classifier's emergency
intent; and a danger score learned from every emergency and concern the
tuning sets hold (seen.danger_model), read over the whole message and
passage by passage. The classifier learns from the bot's
NLU examples only, and took many a serious concern for an emergency ("mum on
methadone", "eating out of the bins"); the score, which has read thousands
of both from many writers, must agree with it a little.

- The rules match: an emergency, unless the rules' check, a second danger
  score learned only from messages a rule's words match, is nearly sure it
  is a concern ("found with a knife in his bag last year"); sure beyond doubt
  (``rules_now_min_score``) where the message says the danger is happening
  now, for a "now" can be a habit or news ("waiting outside the gate from 8am
  sometimes"). The rules' own stand-downs,
  learned writer by writer, spared a new writer's false alarms only in part
  (README, "Figures"); the check reads every writer's.
- The classifier's emergency intent is at least ``classifier_min_confidence``
  sure and the score at least ``classifier_min_score``, or the score alone at
  least ``danger_min_score``: an emergency, unless the message says the
  danger is past, absent or hypothetical ("he's fine now", "for our
  induction pack"). The classifier's alarm does not overrule the rules'
  check: where the rules matched and their check stood them down ("collapsed
  drunk yesterday, fine once sat up"), the check, which has read every
  writer's rule-matched messages, knows those words better than the
  classifier, which has read the bot's examples only (with each writer left
  out, at fa7cebe, that spared 11 of 176 false alarms and lost no emergency).
  The reassurance check is words; it does not overrule a score sure beyond
  doubt (``reassured_max_score``): "parents say nothing happened", "mummy
  went away yesterday" are not a child safe now.
- Otherwise, a passage of the message (each sentence with the next) that
  the score alone is all but sure of, at least ``passage_min_score``: an
  emergency, with the same reassurance check. A danger told at the end of a
  long account of neglect ("... he's on the floor now jerking all over") is
  averaged into the account by the message's score, and past 256 tokens
  not read at all.
  benchmarks/danger_model.py measures the judges with each writer's set left
  out of the scores' training.
- Otherwise an emergency guess below its bar gives way to the next intent.

Every other reply still opens with "a child in immediate danger: call 999".
"""

from __future__ import annotations

import hashlib
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import model_files, tuning_sets
from seen.danger_model import DangerModel, fit_rules_check, tuning_examples
from seen.embeddings import default_embedder
from seen.intents import EMERGENCY_INTENT, FALLBACK_INTENT
from seen.safety import HAPPENING_NOW, default_detector
from seen.settings import KNOWLEDGE_DIR

MODEL_FILE = "danger_model.joblib"
RULES_CHECK_FILE = "rules_check.joblib"
#: The parse output's key naming the judge that gave the 999 reply (a label,
#: never the text), which the benchmarks count: one of the four below.
JUDGE_KEY = "emergency_judge"
RULES, CLASSIFIER, SCORE, PASSAGE = "rules", "classifier", "score", "passage"

@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class EmergencyOverride(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"classifier_min_confidence": 0.5, "classifier_min_score": 0.02, "danger_min_score": 0.8,
                "rules_min_score": 0.15, "rules_now_min_score": 0.05, "reassured_max_score": 0.95,
                "passage_min_score": 0.98, "tuning_sets": "tests/dev*",
                "regularisation": 10.0}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The tuning sets and the safety rules: the rules' check learns from the messages the rules' words match."""
        sets = tuning_sets.fingerprint({**cls.get_default_config(), **config}["tuning_sets"])
        return sets + hashlib.sha256((KNOWLEDGE_DIR / "safety.yml").read_bytes()).hexdigest()

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
        model: Optional[DangerModel] = None,
        rules_check: Optional[DangerModel] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model
        self._rules_check = rules_check

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EmergencyOverride":
        default_detector()  # the knowledge base and safety rules, built as the model loads, not on a first message
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Emergencies: the emergency intent's examples and the tuning sets'
        emergencies. Not emergencies: every other intent's examples and the
        tuning sets' concerns and ordinary worries. The rules' check learns
        from those of both whose words a rule matches."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        emergencies, concerns = tuning_examples(tuning_sets.folders(self._config["tuning_sets"]))
        emergencies += [m.get(TEXT) for m in examples if m.get(INTENT) == EMERGENCY_INTENT]
        concerns += [m.get(TEXT) for m in examples if m.get(INTENT) != EMERGENCY_INTENT]
        model = DangerModel(default_embedder(), self._config["regularisation"]).fit(emergencies, concerns)
        check = fit_rules_check(default_embedder(), emergencies, concerns, self._config["regularisation"])
        model_files.save(self._model_storage, self._resource, RULES_CHECK_FILE, check)
        return model_files.save(self._model_storage, self._resource, MODEL_FILE, model)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "EmergencyOverride":
        default_detector()
        return cls(config, model_storage, resource, model_files.load(model_storage, resource, MODEL_FILE),
                   model_files.load(model_storage, resource, RULES_CHECK_FILE))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != EMERGENCY_INTENT]
            guess = next((r.get(PREDICTED_CONFIDENCE_KEY, 0.0) for r in message.get(INTENT_RANKING_KEY) or []
                          if r.get(INTENT_NAME_KEY) == EMERGENCY_INTENT), 0.0)
            judge = self.judge(text, guess)
            if judge:
                top = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top, *ranking], add_to_output=True)
                message.set(JUDGE_KEY, judge, add_to_output=True)
            elif (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == EMERGENCY_INTENT:
                next_best = ranking[0] if ranking else {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 0.0}
                message.set(INTENT, next_best, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def judge(self, text: str, classifier_guess: float) -> Optional[str]:
        """The judge whose verdict gives the 999 reply (the module's docstring
        says how), or None; ``classifier_guess`` is the intent classifier's
        emergency probability."""
        detector = default_detector()
        found = detector.detect(text)
        if found is not None:
            now = HAPPENING_NOW in found.categories
            bar = self._config["rules_now_min_score" if now else "rules_min_score"]
            if self._rules_check.scores([text])[0] >= bar:
                return RULES
        score = self._model.scores([text])[0]
        alone = score >= self._config["danger_min_score"]
        alarm = (found is None and classifier_guess >= self._config["classifier_min_confidence"]
                 and score >= self._config["classifier_min_score"])
        sure = self._config["reassured_max_score"]
        if (alone or alarm) and (score >= sure or not detector.reassured(text)):
            return SCORE if alone else CLASSIFIER
        passage = self._model.passage_scores([text])[0]
        if passage >= self._config["passage_min_score"] and (passage >= sure or not detector.reassured(text)):
            return PASSAGE
        return None
