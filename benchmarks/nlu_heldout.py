"""Measure how well the trained bot understands practitioners' own words.

Reads a folder of labelled messages written separately from the training data
(tests/heldout/ to report, tests/dev/ to tune on) and runs each through the
trained model's full NLU pipeline, emergency override included:

    .venv/bin/python -m benchmarks.nlu_heldout tests/heldout [--model bot/models] [--json out.json]

Reports topic accuracy, emergency recall and false alarms on ordinary worried
messages. Misses are listed only for the dev set, so the held-out set is never
tuned on.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from benchmarks.parsing import arguments, load_agent, report
from seen.intents import EMERGENCY_INTENT, FALLBACK_INTENT, topic_intent


def _load(folder: Path, name: str, key: str) -> list:
    """The messages under `key` in name.yml and any further sets beside it (name_b.yml, ...)."""
    stem = Path(name).stem
    paths = sorted(folder.glob(f"{stem}.yml")) + sorted(folder.glob(f"{stem}_*.yml"))
    return [m for path in paths for m in yaml.safe_load(path.read_text(encoding="utf-8")).get(key) or []]


async def _intents(model: Path, texts: List[str]) -> List[str]:
    agent = load_agent(model)
    return [(await agent.parse_message(t))["intent"]["name"] for t in texts]


def measure(folder: Path, model: Path) -> Dict[str, object]:
    questions = _load(folder, "topic_questions.yml", "questions")
    emergencies = _load(folder, "emergencies.yml", "emergencies")
    ordinary = _load(folder, "ordinary_worried.yml", "ordinary")
    out_of_scope = _load(folder, "out_of_scope.yml", "out_of_scope")
    texts = [q["text"] for q in questions] + emergencies + ordinary + out_of_scope
    intents = iter(asyncio.run(_intents(model, texts)))

    topic_misses = []
    for q in questions:
        got = next(intents)
        if got != topic_intent(q["topic"]):
            topic_misses.append({"text": q["text"], "expected": q["topic"], "got": got})
    emergency_misses = [{"text": t, "got": got} for t in emergencies if (got := next(intents)) != EMERGENCY_INTENT]
    false_alarms = [t for t in ordinary if next(intents) == EMERGENCY_INTENT]
    scope_misses = [{"text": t, "got": got} for t in out_of_scope
                    if (got := next(intents)) not in ("out_of_scope", FALLBACK_INTENT)]

    def share(misses: list, total: int) -> Optional[float]:
        return round(1 - len(misses) / total, 4) if total else None

    return {
        "set": str(folder),
        "model": model.name,
        "topic_questions": len(questions),
        "topic_accuracy": share(topic_misses, len(questions)),
        "emergencies": len(emergencies),
        "emergency_recall": share(emergency_misses, len(emergencies)),
        "ordinary_messages": len(ordinary),
        "false_alarms": len(false_alarms),
        "out_of_scope_questions": len(out_of_scope),
        "out_of_scope_recognised": share(scope_misses, len(out_of_scope)),
        "_misses": {
            "topics": topic_misses,
            "emergencies": emergency_misses,
            "false_alarms": false_alarms,
            "out_of_scope": scope_misses,
        },
    }


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    report(args, measure(args.folder, args.model), lambda misses: print(json.dumps(misses, indent=1)))


if __name__ == "__main__":
    main()
