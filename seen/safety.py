"""Spot messages saying a child may be in immediate danger or seriously harmed.

Rule-based on purpose: a statistical classifier trained on a few hundred lines
cannot promise to catch every emergency, and this check must come first in
every turn, in every form. The phrases live in ``knowledge/safety.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from seen import knowledge
from seen.knowledge import SafetyRules

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})


@dataclass(frozen=True)
class Emergency:
    """Why a message was taken as an emergency: the categories that matched."""

    categories: Tuple[str, ...]


class EmergencyDetector:
    def __init__(self, rules: SafetyRules) -> None:
        self._patterns: Dict[str, List[re.Pattern]] = {
            category: [re.compile(p) for p in expressions]
            for category, expressions in rules.patterns.items()
        }
        self._not_now_categories = set(rules.not_now.categories)
        self._not_now = [re.compile(p) for p in rules.not_now.cues]
        self._now = [re.compile(p) for p in rules.not_now.unless]
        self._hypothetical = [re.compile(p) for p in rules.hypothetical.cues]

    @staticmethod
    def normalise(text: str) -> str:
        return " ".join(text.translate(_QUOTES).lower().split())

    def detect(self, text: str) -> Optional[Emergency]:
        """The emergency a message describes, or None if it describes none."""
        message = self.normalise(text)
        matched = tuple(
            category
            for category, patterns in self._patterns.items()
            if any(p.search(message) for p in patterns)
        )
        if not matched or self._hypothetical_in(message):
            return None
        if set(matched) <= self._not_now_categories and self._past_or_absent_in(message):
            return None
        return Emergency(matched)

    def reassured(self, text: str) -> bool:
        """Whether a message says its danger is hypothetical, past or absent
        ("she's fine now", "for our induction pack"), with nothing happening now.
        Used to overrule the classifier's guess, never the rules' own match."""
        message = self.normalise(text)
        return self._hypothetical_in(message) or self._past_or_absent_in(message)

    def _hypothetical_in(self, message: str) -> bool:
        return any(p.search(message) for p in self._hypothetical)

    def _past_or_absent_in(self, message: str) -> bool:
        return any(p.search(message) for p in self._not_now) and not any(p.search(message) for p in self._now)


@lru_cache(maxsize=1)
def default_detector() -> EmergencyDetector:
    return EmergencyDetector(knowledge.default().safety)


def is_emergency(text: str) -> bool:
    return default_detector().detect(text) is not None
