"""Decide whether a condition from knowledge/reflection.yml holds for a set of answers.

One small language serves both the branches (which questions to ask) and the
prompt rules (what the summary suggests), so a board edits both the same way.
"""

from __future__ import annotations

import re
from typing import Mapping, Optional

from seen.knowledge import Condition

#: An answer as the reflection keeps it: the practitioner's words and, for
#: questions with fixed answers, the value they chose ("yes", "age_5_11",
#: "skipped").
Answer = Mapping[str, Optional[str]]


def holds(condition: Optional[Condition], answers: Mapping[str, Answer]) -> bool:
    """True when ``condition`` is met; no condition always holds. A question not
    answered (yet) meets no test on it."""
    if condition is None:
        return True
    if condition.all:
        return all(holds(part, answers) for part in condition.all)
    if condition.any:
        return any(holds(part, answers) for part in condition.any)
    answer = answers.get(condition.question or "")
    if answer is None:
        return False
    if condition.is_ is not None:
        return answer.get("value") in condition.is_
    if condition.at_least is not None:
        value = answer.get("value")
        return isinstance(value, str) and value.isdigit() and int(value) >= condition.at_least
    text = answer.get("text") or ""
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in condition.mentions or [])
