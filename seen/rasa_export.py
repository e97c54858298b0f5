"""Write the parts of the Rasa project that come from ``knowledge/``.

Adding a topic or an area is editing YAML in ``knowledge/``; this turns that
into training data (one intent per topic, lookup tables for areas and roles),
domain intents, rules and test stories, so nothing is typed twice. They go
in ``generated/`` folders beside the hand-written files (Rasa reads the data,
domain and test folders recursively), so a reader sees at once which files not
to edit. The files are committed, and a unit test fails when they are out of
date. Plain YAML out, no Rasa import: ``python -m seen.rasa_export`` rewrites
them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict

import yaml

from seen import knowledge, replies
from seen.intents import EMERGENCY_INTENT, FALLBACK_INTENT, topic_intent
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


RESPOND_ACTION = "action_respond"


def _hand_written_intents() -> list:
    domain = yaml.safe_load((BOT_DIR / "domain" / "base.yml").read_text(encoding="utf-8"))
    return list(domain["intents"])


def _reflection_nlu(kb: Knowledge) -> dict:
    items = [{"intent": name, "examples": _block(kb.reflection.commands[name])} for name in COMMANDS]
    return {"version": RASA_VERSION, "nlu": items}


def _reflection_domain(kb: Knowledge) -> dict:
    return {"version": RASA_VERSION, "intents": list(COMMANDS)}


def _respond_rules(kb: Knowledge) -> dict:
    """Every message goes to action_respond (seen.respond decides what it is),
    except an emergency: the 999 rule answers that. Each rule twice, for both
    values the action may leave `reflecting` at, so Rasa knows to listen next
    whether a reflection goes on or stops."""
    intents = _hand_written_intents() + list(COMMANDS) + [topic_intent(t) for t in kb.topics] + [FALLBACK_INTENT]
    return {
        "version": RASA_VERSION,
        "rules": [
            {
                "rule": f"{intent} goes to action_respond ({'a reflection goes on' if after else 'no reflection runs'})",
                "steps": [{"intent": intent}, {"action": RESPOND_ACTION}, {"slot_was_set": [{"reflecting": after}]}],
            }
            for intent in intents if intent != EMERGENCY_INTENT
            for after in (True, False)
        ],
    }


def _test_stories(kb: Knowledge) -> dict:
    return {
        "version": RASA_VERSION,
        "stories": [
            {
                "story": f"ask about {t.id}",
                "steps": [
                    {"user": t.examples[0], "intent": topic_intent(t.id)},
                    {"action": RESPOND_ACTION},
                    {"slot_was_set": [{"reflecting": False}]},
                ],
            }
            for t in kb.topics.values()
        ],
    }


def render(kb: Knowledge) -> Dict[Path, str]:
    """Every generated file, by path, as the text it should hold."""
    data, domain, tests = (BOT_DIR / folder / "generated" for folder in ("data", "domain", "tests"))
    parts = {
        data / "nlu" / "topics.yml": _nlu(kb),
        domain / "topics.yml": _domain(kb),
        domain / "safety.yml": _safety_domain(kb),
        tests / "test_topics.yml": _test_stories(kb),
        data / "nlu" / "reflection.yml": _reflection_nlu(kb),
        domain / "reflection.yml": _reflection_domain(kb),
        data / "rules" / "respond.yml": _respond_rules(kb),
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
