"""Write the parts of the Rasa project that come from ``knowledge/``.

Adding a topic or an area is editing YAML in ``knowledge/``; this turns that
into training data (one intent per topic, lookup tables for areas and roles),
domain intents, rules and test stories, so nothing is typed twice. The files
are committed, and a unit test fails when they are out of date. Plain YAML
out, no Rasa import: ``python -m seen.rasa_export`` rewrites them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, Optional

import yaml

from seen import knowledge, replies
from seen.intents import DESCRIBE_CHILD_INTENT, EMERGENCY_INTENT, FALLBACK_INTENT, SHARE_WORRY_INTENT, topic_intent
from seen.knowledge import COMMANDS, Knowledge
from seen.settings import PROJECT_DIR

BOT_DIR = PROJECT_DIR / "bot"
HEADER = "# Generated from knowledge/ by `python -m seen.rasa_export`. Do not edit: edit knowledge/.\n"
RASA_VERSION = "3.1"


class _Dumper(yaml.SafeDumper):
    """Writes multi-line strings as ``|`` blocks, the way Rasa's examples are written."""


def _str(dumper: yaml.SafeDumper, data: str):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def _block(lines) -> str:
    return "".join(f"- {line}\n" for line in lines)


def _nlu(kb: Knowledge) -> dict:
    items = [
        {"intent": topic_intent(t.id), "examples": _block(t.examples)}
        for t in kb.topics.values()
    ]
    area_names = sorted({n for a in kb.areas.values() for n in (a.name, *a.aliases) if a.id != kb.fallback_area})
    role_names = sorted({alias for r in kb.roles.values() for alias in r.aliases})
    items.append({"lookup": "area", "examples": _block(area_names)})
    items.append({"lookup": "role", "examples": _block(role_names)})
    return {"version": RASA_VERSION, "nlu": items}


def _domain(kb: Knowledge) -> dict:
    return {"version": RASA_VERSION, "intents": [topic_intent(t) for t in kb.topics]}


def _safety_domain(kb: Knowledge) -> dict:
    """The emergency reply as a response Rasa sends itself (no action server needed)."""
    return {"version": RASA_VERSION, "responses": {"utter_emergency": [{"text": replies.emergency(kb).text}]}}


def _rules(kb: Knowledge) -> dict:
    return {
        "version": RASA_VERSION,
        "rules": [
            {
                "rule": f"answer {t.id}",
                "steps": [{"intent": topic_intent(t.id)}, {"action": "action_answer_topic"}],
            }
            for t in kb.topics.values()
        ],
    }


REFLECTION_ACTION = "action_reflection"


def _hand_written_intents() -> list:
    domain = yaml.safe_load((BOT_DIR / "domain" / "base.yml").read_text(encoding="utf-8"))
    return list(domain["intents"])


def _reflection_nlu(kb: Knowledge) -> dict:
    items = [{"intent": name, "examples": _block(kb.reflection.commands[name])} for name in COMMANDS]
    return {"version": RASA_VERSION, "nlu": items}


def _reflection_domain(kb: Knowledge) -> dict:
    return {"version": RASA_VERSION, "intents": list(COMMANDS)}


def _reflection_rules(kb: Knowledge) -> dict:
    """Starting and the commands go to the reflection; while one runs, so does
    every other message except an emergency (the 999 rule answers that)."""
    starts = [SHARE_WORRY_INTENT, DESCRIBE_CHILD_INTENT, *COMMANDS]
    everything = _hand_written_intents() + [topic_intent(t) for t in kb.topics] + [FALLBACK_INTENT]
    rules = []
    # Each rule twice, for both values the action may leave the slot at, so
    # Rasa knows to listen next whether the reflection goes on or stops.
    for intent in starts:
        rules += [_reflection_rule(f"{intent} goes to the reflection", intent, after, None) for after in (True, False)]
    for intent in everything:
        if intent not in starts and intent != EMERGENCY_INTENT:
            rules += [_reflection_rule(f"during a reflection, {intent} goes to it", intent, after, True) for after in (True, False)]
    return {"version": RASA_VERSION, "rules": rules}


def _reflection_rule(name: str, intent: str, after: bool, reflecting_before: Optional[bool]) -> dict:
    rule = {
        "rule": f"{name} ({'it goes on' if after else 'it stops'})",
        "steps": [{"intent": intent}, {"action": REFLECTION_ACTION}, {"slot_was_set": [{"reflecting": after}]}],
    }
    if reflecting_before is not None:
        rule = {"rule": rule["rule"], "condition": [{"slot_was_set": [{"reflecting": reflecting_before}]}], "steps": rule["steps"]}
    return rule


def _test_stories(kb: Knowledge) -> dict:
    return {
        "version": RASA_VERSION,
        "stories": [
            {
                "story": f"ask about {t.id}",
                "steps": [
                    {"user": t.examples[0], "intent": topic_intent(t.id)},
                    {"action": "action_answer_topic"},
                ],
            }
            for t in kb.topics.values()
        ],
    }


def render(kb: Knowledge) -> Dict[Path, str]:
    """Every generated file, by path, as the text it should hold."""
    parts = {
        BOT_DIR / "data" / "nlu" / "topics.yml": _nlu(kb),
        BOT_DIR / "domain" / "topics.yml": _domain(kb),
        BOT_DIR / "domain" / "safety.yml": _safety_domain(kb),
        BOT_DIR / "data" / "rules" / "topics.yml": _rules(kb),
        BOT_DIR / "tests" / "test_topics.yml": _test_stories(kb),
        BOT_DIR / "data" / "nlu" / "reflection.yml": _reflection_nlu(kb),
        BOT_DIR / "domain" / "reflection.yml": _reflection_domain(kb),
        BOT_DIR / "data" / "rules" / "reflection.yml": _reflection_rules(kb),
    }
    return {
        path: HEADER + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
        for path, data in parts.items()
    }


def stale(kb: Knowledge) -> list:
    """The generated files that differ from what ``knowledge/`` says they should be."""
    return [p for p, text in render(kb).items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def write(kb: Knowledge) -> None:
    for path, text in render(kb).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    kb = knowledge.load()
    if "--check" in sys.argv:
        out_of_date = stale(kb)
        for path in out_of_date:
            print(f"out of date: {path.relative_to(PROJECT_DIR)} (run python -m seen.rasa_export)")
        sys.exit(1 if out_of_date else 0)
    write(kb)
    print(f"wrote {len(render(kb))} files from knowledge/")
