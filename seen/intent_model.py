"""Which intent a message is: logistic regression over meaning and spelling.

Two views of each message, side by side: a MiniLM sentence embedding (meaning,
for phrasings never seen in training) and character n-grams (spelling, for
shorthand and typos: "hv", "gcp", "referal"). Plain scikit-learn, so it trains
in seconds and the Rasa component that wraps it stays small.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from seen.embeddings import Embedder


class IntentModel:
    """``words`` adds word uni- and bigrams, a third view; ``balanced`` weighs
    each intent by how rare its examples are (for two intents of very
    different sizes, as seen.danger_model's are)."""

    def __init__(self, embedder: Embedder, regularisation: float = 10.0, seed: int = 42,
                 words: bool = False, balanced: bool = False) -> None:
        self._embedder = embedder
        self._spelling = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)
        self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) if words else None
        self._classifier = LogisticRegression(C=regularisation, max_iter=5000, random_state=seed,
                                              class_weight="balanced" if balanced else None)

    def _features(self, texts: Sequence[str], training: bool = False):
        vectors = self._embedder.embed_training_data(texts) if training else self._embedder.embed(texts)
        views = [csr_matrix(vectors), self._spelling.transform(texts)]
        if self._words is not None:
            views.append(self._words.transform(texts))
        return hstack(views).tocsr()

    def fit(self, texts: Sequence[str], intents: Sequence[str]) -> "IntentModel":
        self._spelling.fit(texts)
        if self._words is not None:
            self._words.fit(texts)
        self._classifier.fit(self._features(texts, training=True), intents)
        self._weights_by_feature()
        return self

    def _weights_by_feature(self) -> None:
        """Keep the weights (intents x features) in column order. scikit-learn
        multiplies each message's sparse features by ``coef_.T``, which scipy
        needs in row order: weights kept in row order are copied whole on every
        message (some 26,000 features x 50 intents, a few milliseconds), in
        column order ``coef_.T`` already is. The same numbers, so the same
        probabilities to the last bit."""
        if hasattr(self._classifier, "coef_"):
            self._classifier.coef_ = np.asfortranarray(self._classifier.coef_)

    def rank(self, texts: Sequence[str]) -> List[List[Tuple[str, float]]]:
        """For each text, every intent with its probability, most likely first."""
        if not texts:
            return []
        probabilities = self._classifier.predict_proba(self._features(texts))
        labels = self._classifier.classes_
        return [
            [(str(labels[i]), float(row[i])) for i in np.argsort(row)[::-1]]
            for row in probabilities
        ]

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_embedder"]  # reloaded from its package, not pickled
        return state

    def __setstate__(self, state: dict) -> None:
        state.setdefault("_words", None)  # models trained before the word view
        self.__dict__.update(state)
        self._weights_by_feature()  # models trained before weights were kept so

    def attach(self, embedder: Embedder) -> "IntentModel":
        self._embedder = embedder
        return self
