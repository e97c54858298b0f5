"""How likely a message is to tell of a child in danger now: learned from examples.

The rules in seen.safety catch the dangers they were written for; a new
writer's words are another matter (README, "Figures": the fresh columns).
This model learns the line from every emergency and every concern the tuning
sets hold, told by many writers, and is the third judge in
components.emergency_override, beside the rules and the intent classifier.
Measured writer by writer, each writer left out of the training
(benchmarks/danger_model.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Set, Tuple

from seen.embeddings import Embedder
from seen.intent_model import IntentModel
from seen.knowledge import read_yaml
from seen.safety import default_detector, sentence_spans

DANGER, CONCERN = "danger", "concern"


class DangerModel:
    """The probability that each message tells of a child in danger now."""

    def __init__(self, embedder: Embedder, regularisation: float = 10.0, seed: int = 42) -> None:
        self._model = IntentModel(embedder, regularisation, seed, words=True, balanced=True)

    def fit(self, emergencies: Sequence[str], concerns: Sequence[str]) -> "DangerModel":
        self._model.fit([*emergencies, *concerns], [DANGER] * len(emergencies) + [CONCERN] * len(concerns))
        return self

    def scores(self, texts: Sequence[str]) -> List[float]:
        return [dict(ranking)[DANGER] for ranking in self._model.rank(texts)]

    def passage_scores(self, texts: Sequence[str]) -> List[float]:
        """The highest score of any passage of each message (``passages``), 0
        for a message of one or two sentences: a danger told in the last lines of a
        long account of neglect is scored on its own words, not averaged
        into the account (nor cut off with it past the embedder's 256 tokens)."""
        each = [passages(text) for text in texts]
        scores = iter(self.scores([p for found in each for p in found]))
        return [max((next(scores) for _ in found), default=0.0) for found in each]

    def attach(self, embedder: Embedder) -> "DangerModel":
        self._model.attach(embedder)
        return self


def passages(text: str) -> List[str]:
    """Each sentence of a message with the one after it, at most
    ``MAX_PASSAGES`` of them, the last ones first (a danger buried in an
    account of neglect most often ends it); none for a message of one or two
    sentences, which the message's own score reads."""
    spans = [(a, b) for a, b in sentence_spans(text) if text[a:b].strip()]
    if len(spans) < 3:
        return []  # two sentences make one passage, the message itself
    pairs = [text[first[0]:second[1]].strip() for first, second in zip(spans, spans[1:], strict=False)]
    return pairs[::-1][:MAX_PASSAGES]


#: A message at the length limit (knowledge/settings.yml) holds some fifty
#: sentences; each passage costs about 5 ms to embed.
MAX_PASSAGES = 16


def fit_rules_check(embedder: Embedder, emergencies: Sequence[str], concerns: Sequence[str],
                regularisation: float = 10.0, matched: Optional[Set[str]] = None) -> DangerModel:
    """The rules' check (components.emergency_override): a danger score learned
    only from the emergencies and concerns whose words a rule matches.
    ``matched`` is that set when already found: the benchmarks find it once
    for many trainings."""
    matched = matched if matched is not None else set(matched_by_rules([*emergencies, *concerns]))
    return DangerModel(embedder, regularisation).fit([t for t in emergencies if t in matched],
                                                     [t for t in concerns if t in matched])


def matched_by_rules(texts: Sequence[str]) -> List[str]:
    """The messages whose words a safety rule matches, stood down or not: what
    the rules' check learns from (components.emergency_override), so that it
    learns the line between a danger now and the same words in a concern."""
    detector = default_detector()
    return [text for text in texts if detector.words_match(text)]


def tuning_examples(folders: Iterable[Path]) -> Tuple[List[str], List[str]]:
    """The emergencies and the concerns (concern openers, ordinary worries) a
    set of tuning folders hold, in the tuning sets' own file layout."""
    emergencies: List[str] = []
    concerns: List[str] = []
    for folder in folders:
        for path in sorted(folder.glob("emergenc*.yml")):
            emergencies += texts_in(path, "emergencies")
        concerns += texts_in(folder / "concern_openers.yml", "openers")
        for path in sorted(folder.glob("ordinary_worried*.yml")):
            concerns += texts_in(path, "ordinary")
    return emergencies, concerns


def texts_in(path: Path, key: str) -> List[str]:
    """The messages listed under ``key``: plain strings or items with a text."""
    if not path.exists():
        return []
    items = read_yaml(path).get(key) or []
    return [item["text"] if isinstance(item, dict) else item for item in items]
