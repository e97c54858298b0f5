"""Which reflective questions an opening message already answers: learned from examples.

The words in each question's ``heard_in`` (seen.details) find the answers they
were written for; a new writer says the same things in other words ("he's
behind with his speech", "she's never seen without mum"). This model learns
from every labelled concern opener the tuning sets hold, told by many
writers, and adds the questions the words missed. Each question is a yes/no
classifier over the message (meaning and spelling, as seen.intent_model), a
choice question one for each answer ("plan_progress=no": nothing has got
better); the clause that answers it is the one the classifier is surest of. Measured with
each writer left out of the training (benchmarks/details_model.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from seen.details import MAX_LEARNED_CLAUSES
from seen.embeddings import Embedder
from seen.knowledge import read_yaml

#: An answer needs this many labels in the tuning sets to be learned.
MIN_EXAMPLES = 5
#: How a choice question's answer is labelled: "question=choice".
CHOICE = "="
#: The choices a writer labels an answer by.
CHOICES = ("yes", "no", "not_sure")


class DetailsModel:
    """For each answer learned, the probability that a message gives it."""

    def __init__(self, embedder: Embedder, regularisation: float = 4.0, seed: int = 42) -> None:
        self._embedder = embedder
        self._regularisation, self._seed = regularisation, seed
        self._spelling = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)
        self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        self._classifiers: Dict[str, LogisticRegression] = {}

    def fit(self, texts: Sequence[str], answered: Sequence[Set[str]]) -> "DetailsModel":
        """``answered``: for each text, the answers it gives ("daily_life", "adult_needs=yes")."""
        self._spelling.fit(texts)
        self._words.fit(texts)
        features = self._features(texts, self._embedder.embed_training_data(texts))
        for answer in sorted({a for given in answered for a in given}):
            labels = np.array([answer in given for given in answered])
            if labels.sum() >= MIN_EXAMPLES:
                classifier = LogisticRegression(C=self._regularisation, max_iter=3000, random_state=self._seed,
                                                class_weight="balanced")
                self._classifiers[answer] = classifier.fit(features, labels)
        return self

    def _features(self, texts: Sequence[str], vectors: np.ndarray):
        return hstack([csr_matrix(vectors), self._spelling.transform(texts), self._words.transform(texts)]).tocsr()

    def probabilities(self, texts: Sequence[str], vectors: Optional[np.ndarray] = None) -> List[Dict[str, float]]:
        """For each text, each learned answer's probability of being given;
        ``vectors``, the texts' embeddings if already known."""
        if not texts:
            return []
        features = self._features(texts, self._embedder.embed(texts) if vectors is None else vectors)
        by_answer = {a: c.predict_proba(features)[:, 1] for a, c in self._classifiers.items()}
        return [{a: float(p[i]) for a, p in by_answer.items()} for i in range(len(texts))]

    def answered(self, text: str, clauses: Sequence[str], threshold: float) -> Dict[str, Tuple[int, Optional[str]]]:
        """The questions ``text`` answers with at least ``threshold`` probability:
        for each, the index of the clause (of ``clauses``) that answers it best,
        and the choice it gives (None for a text question). Clauses are weighed
        by their words, each with the whole message's meaning, so a long message
        is embedded once, not once for each clause."""
        meaning = self._embedder.embed([text])
        sure = sorted(((p, a) for a, p in self.probabilities([text], meaning)[0].items() if p >= threshold),
                      reverse=True)
        if not sure or not clauses:
            return {}
        weighed = list(clauses[:MAX_LEARNED_CLAUSES])
        by_clause = self.probabilities(weighed, np.repeat(meaning, len(weighed), axis=0))
        found: Dict[str, Tuple[int, Optional[str]]] = {}
        for _, answer in sure:  # the surest answer to a choice question wins
            question, value = split(answer)
            if question not in found:
                found[question] = (max(range(len(by_clause)), key=lambda i: by_clause[i][answer]), value)
        return found

    def attach(self, embedder: Embedder) -> "DetailsModel":
        self._embedder = embedder
        return self

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_embedder"]  # reloaded from its package, not pickled
        return state


def split(answer: str) -> Tuple[str, Optional[str]]:
    """"adult_needs=yes" -> ("adult_needs", "yes"); "daily_life" -> ("daily_life", None)."""
    question, _, value = answer.partition(CHOICE)
    return question, value or None


def labelled_openers(folders: Iterable[Path]) -> Tuple[List[str], List[Set[str]]]:
    """The tuning sets' concern openers that carry labelled details, and the
    answers each gives: a text question by its id, a choice question with its
    choice ("adult_needs=yes")."""
    texts: List[str] = []
    answered: List[Set[str]] = []
    for folder in folders:
        path = folder / "concern_openers.yml"
        if not path.exists():
            continue
        for item in read_yaml(path).get("openers") or []:
            if not isinstance(item, dict) or not item.get("details"):
                continue
            texts.append(item["text"])
            answers = item["details"].get("answers") or {}
            answered.append({f"{q}{CHOICE}{str(v).lower()}" if str(v).lower() in CHOICES else q
                             for q, v in answers.items()})
    return texts, answered
