"""Measure how a reflection reads practitioners' messages mid-way.

Each labelled answer is sent at its own question, as in a real conversation:
the trained model's NLU (emergency override included) parses it, then
seen.reflection decides what it is. Reports the share taken as an answer to
the current question; for a dev folder, also how many commands and questions
to Seen were recognised:

    .venv/bin/python -m benchmarks.reflection_answers tests/heldout_reflection [--model bot/models]

Misses are listed only for a dev folder, so a held-out set is never tuned on.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from benchmarks.parsing import ROOT, Parser, latest_model
from seen import knowledge, reflection
from seen.intents import EMERGENCY_INTENT, topic_of
from seen.knowledge import Knowledge
from seen.reflection import Heard
from seen.reflection_state import ReflectionState
from seen.safety import is_emergency

#: Answers that open the branches an item's question sits in.
OPENS = {"additional_needs": "Yes", "adult_needs": "Yes"}


def at_question(kb: Knowledge, question: str, age_band: str) -> Optional[ReflectionState]:
    """A reflection state whose current question is ``question``, for a child in
    ``age_band``: earlier questions skipped, except those that open its branch."""
    band_label = next(b.label for b in kb.reflection.age_bands if b.id == age_band)
    turn = reflection.start(kb, None, None)
    for _ in range(len(kb.reflection.questions) + 1):
        current = turn.state.current
        if current == question:
            return turn.state
        if current is None:
            return None
        text = band_label if current == "age_band" else OPENS.get(current, "skip")
        intent = "skip" if text == "skip" else ""
        turn = reflection.respond(kb, turn.state, Heard(text, intent, 1.0), turn.role, turn.area)
    return None


def taken_as_answer(kb: Knowledge, state: ReflectionState, heard: Heard) -> bool:
    """What the practitioner would see: their message kept as the answer to the
    question asked (after the 999 reply, for a classifier-only alarm)."""
    question = state.current
    if heard.intent == EMERGENCY_INTENT:
        turn = reflection.after_emergency(kb, state, heard, is_emergency(heard.text), None, None)
    else:
        turn = reflection.respond(kb, state, heard, None, None)
    answer = turn.state.answers.get(question)
    return bool(answer) and answer["value"] != "skipped" and (
        question in ("role", "area", "age_band") or heard.text.strip() in (answer["text"] or "")
    )


def measure(folder: Path, model: Path) -> Dict[str, object]:
    kb = knowledge.default()
    parse = Parser(model)
    items = [item for path in sorted(folder.glob("*.yml")) for item in _load(folder, path.name, "answers")]
    misses, alarms, paused = [], 0, 0
    for item in items:
        state = at_question(kb, item["question"], item["age_band"])
        if state is None:
            raise SystemExit(f"{item['question']} is never asked for {item['age_band']}: fix the set")
        heard = parse(item["text"])
        alarms += heard.intent == EMERGENCY_INTENT
        paused += heard.intent == EMERGENCY_INTENT and is_emergency(heard.text)
        if not taken_as_answer(kb, state, heard):
            misses.append(f"{item['question']}: {item['text']!r} -> {heard.intent} {heard.confidence:.2f}")
    report: Dict[str, object] = {"answers": len(items), "taken_as_answers": len(items) - len(misses),
                                 "emergency_replies": alarms, "paused_by_safety_rules": paused, "misses": misses}
    commands = _load(folder, "reflection_commands.yml", "commands")
    digressions = _load(folder, "reflection_commands.yml", "digressions")
    if commands or digressions:
        command_misses = []
        for item in commands:
            heard = parse(item["text"])
            if reflection.command_of(kb, heard) != item["command"]:
                command_misses.append(f"{item['command']}: {item['text']!r} -> {heard.intent} {heard.confidence:.2f}")
        digression_misses = []
        for item in digressions:
            heard = parse(item["text"])
            if not topic_of(heard.intent) or reflection.asked_topic(kb, heard) is None:
                digression_misses.append(f"{item['text']!r} -> {heard.intent} {heard.confidence:.2f}")
        report.update(commands=len(commands), commands_recognised=len(commands) - len(command_misses),
                      digressions=len(digressions), digressions_answered=len(digressions) - len(digression_misses),
                      command_misses=command_misses, digression_misses=digression_misses)
    return report


def _load(folder: Path, name: str, key: str) -> List[dict]:
    path = folder / name
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")).get(key) or []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", type=Path, default=ROOT / "bot" / "models")
    args = parser.parse_args()
    model = args.model if args.model.is_file() else latest_model(args.model)
    report = measure(args.folder, model)
    share = report["taken_as_answers"] / max(report["answers"], 1)
    print(f"answers taken as answers: {report['taken_as_answers']}/{report['answers']} ({share:.1%})")
    print(f"answers that also got the 999 reply: {report['emergency_replies']}/{report['answers']}"
          f" (of which the safety rules paused the reflection: {report['paused_by_safety_rules']})")
    if "commands" in report:
        print(f"commands recognised: {report['commands_recognised']}/{report['commands']}")
        print(f"questions to Seen answered mid-way: {report['digressions_answered']}/{report['digressions']}")
    if "dev" in args.folder.name:
        for key in ("misses", "command_misses", "digression_misses"):
            for line in report.get(key, []):
                print(f"  {key}: {line}")


if __name__ == "__main__":
    main()
