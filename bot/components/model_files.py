"""Where a trained component keeps its model in Rasa's model storage: one
joblib file, reloaded with the shared sentence embedder attached (the
embedder comes from its package, never from the pickle)."""

from __future__ import annotations

from typing import Any

import joblib
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from seen.embeddings import default_embedder


def save(model_storage: ModelStorage, resource: Resource, name: str, model: Any) -> Resource:
    with model_storage.write_to(resource) as directory:
        joblib.dump(model, directory / name)
    return resource


def load(model_storage: ModelStorage, resource: Resource, name: str) -> Any:
    with model_storage.read_from(resource) as directory:
        return joblib.load(directory / name).attach(default_embedder())
