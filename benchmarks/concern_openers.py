"""Measure how Seen meets a practitioner's first message (issue 11).

Each message goes through the trained model's NLU (emergency override
included), then seen.respond, as a new conversation, exactly as the bot
would handle it; what the practitioner would see is then classified:

    .venv/bin/python -m benchmarks.concern_openers tests/heldout_concerns [--model bot/models] [--json out.json]

A folder holds concern_openers.yml (first messages telling Seen about a
concern; some labelled with the details they give), out_of_field.yml,
in_field_questions.yml, other_languages.yml and emergency_openers.yml.
Reports the share of concerns met by the reflection or a fitting answer,
the share that got the 999 reply (and how many each judge gave: the rules,
the classifier's alarm, the danger score alone; counts only, so a held-out
set stays unread), the share of labelled details recorded
where they belong, and how the other kinds were met; and, for the topic
questions a folder holds (topic_questions*.yml), the share whose topic Seen
answers or offers. Misses are listed only
for a dev folder, so a held-out set is never tuned on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple

from benchmarks.parsing import Parser, arguments, report
from components.emergency_override import CLASSIFIER, JUDGE_KEY, PASSAGE, RULES, SCORE
from seen import knowledge, reflection, replies, respond
from seen.intents import EMERGENCY_INTENT, SHARE_WORRY_INTENT
from seen.knowledge import Knowledge, read_yaml
from seen.reflection import Heard, Turn

#: What the practitioner saw, by the first words of Seen's reply.
EMERGENCY, REFLECTION, ANSWER, DONT_KNOW, NOT_IN_GUIDANCE, OTHER_LANGUAGE, OTHER = (
    "emergency", "reflection", "answer", "dont_know", "not_in_guidance", "other_language", "other")


def seen_reply(kb: Knowledge, heard: Heard) -> Tuple[str, Optional[Turn]]:
    """What Seen does with a first message, as the practitioner would see it."""
    if heard.intent == EMERGENCY_INTENT:
        return EMERGENCY, None
    turn = respond.respond(kb, respond.Conversation(), heard)
    if turn.reflecting:
        return REFLECTION, turn
    texts = [r.text for r in turn.replies]
    if any(t == topic.answer for t in texts for topic in kb.topics.values()):
        return ANSWER, turn
    first = texts[0] if texts else ""
    if first == kb.messages.other_language.strip():
        return OTHER_LANGUAGE, turn
    for kind, message in ((DONT_KNOW, kb.messages.out_of_scope), (NOT_IN_GUIDANCE, kb.messages.not_in_guidance)):
        if first.startswith(message.split("{")[0]):  # the words before the area's details
            return kind, turn
    return OTHER, turn


def reflection_from(kb: Knowledge, heard: Heard, kind: str, turn: Optional[Turn]) -> Optional[Turn]:
    """The reflection this opener leads to: started at once, or by the "Reflect
    on this case" button offered with an answer about a child, or after the 999
    reply (for a worry that was not an emergency after all)."""
    if kind == REFLECTION:
        return turn
    if kind == EMERGENCY:
        said = replies.emergency_follow_up(kb, None, None, reflect=True)  # a first message: no reflection yet
    else:
        said = turn.replies if kind == ANSWER else []
    if not any(b.payload == replies.REFLECT_PAYLOAD for r in said for b in r.buttons):
        return None
    button = Heard("/" + SHARE_WORRY_INTENT, SHARE_WORRY_INTENT, 1.0, ranking=((SHARE_WORRY_INTENT, 1.0),))
    return respond.respond(kb, respond.Conversation(previous=heard), button)


def recorded(turn: Optional[Turn]) -> Dict[str, object]:
    """The details a reflection noted, in the labels' terms."""
    if turn is None:
        return {}
    answers = turn.state.answers
    found: Dict[str, object] = {"role": turn.role, "area": turn.area,
                                "age_band": (answers.get("age_band") or {}).get("value")}
    found.update({q: ("text" if a.get("value") is None else a["value"]) for q, a in answers.items()
                  if q not in ("role", "area", "age_band")})
    return {k: v for k, v in found.items() if v}


def expected(kb: Knowledge, details: dict) -> Dict[str, object]:
    """The labels in the recorded details' terms: a text question's label is
    "text" (some writers summarised the answer instead)."""
    kinds = {q.id: q.kind for q in kb.reflection.questions}
    wanted = {k: details[k] for k in ("role", "age_band", "area") if details.get(k)}
    wanted.update({q: value if kinds.get(q) == "choice" else "text"
                   for q, value in (details.get("answers") or {}).items()})
    return wanted


def load(folder: Path, name: str, key: str) -> list:
    path = folder / name
    items = read_yaml(path).get(key) or [] if path.exists() else []
    return [item if isinstance(item, dict) else {"text": item} for item in items]


def _share(hits: int, total: int) -> Optional[float]:
    return round(hits / total, 4) if total else None


def measure(folder: Path, model: Path) -> Dict[str, object]:
    kb = knowledge.default()
    parse = Parser(model)
    misses: Dict[str, List[str]] = {"concerns": [], "emergency_replies": [], "details": [], "out_of_field": [],
                                    "in_field": [], "other_languages": [], "emergencies": [], "topic_questions": []}
    openers = load(folder, "concern_openers.yml", "openers")
    met = alarms = wanted_total = found_right = recorded_total = 0
    judges = {RULES: 0, CLASSIFIER: 0, SCORE: 0, PASSAGE: 0}
    unmet: Dict[str, int] = {}
    for item in openers:
        parsed = parse.parse(item["text"])
        heard = reflection.heard_from(kb, parsed)
        kind, turn = seen_reply(kb, heard)
        alarms += kind == EMERGENCY
        if kind == EMERGENCY:
            judges[parsed[JUDGE_KEY]] += 1
        met += kind in (REFLECTION, ANSWER)
        if kind not in (REFLECTION, ANSWER, EMERGENCY):
            unmet[kind] = unmet.get(kind, 0) + 1
        if kind not in (REFLECTION, ANSWER):
            misses["emergency_replies" if kind == EMERGENCY else "concerns"].append(f"{kind}: {item['text']}")
        if item.get("details"):
            want = expected(kb, item["details"])
            got = recorded(reflection_from(kb, heard, kind, turn))
            right = {k for k, v in want.items() if got.get(k) == v}
            wanted_total += len(want)
            found_right += len(right)
            recorded_total += len(got)
            if right != set(want):
                misses["details"].append(f"{item['text']}\n    wanted {want}\n    got    {got}")
    report: Dict[str, object] = {
        "set": str(folder), "model": model.name,
        "concern_openers": len(openers), "concerns_met": _share(met, len(openers)),
        "concerns_with_999_reply": _share(alarms, len(openers)),
        **{f"concerns_999_by_{judge}": count for judge, count in judges.items()},
        **{f"concerns_unmet_as_{kind}": count for kind, count in sorted(unmet.items())},
        "labelled_details": wanted_total, "details_recorded": _share(found_right, wanted_total),
        "recorded_details_labelled": _share(found_right, recorded_total),
    }
    groups = [("out_of_field.yml", "out_of_field", "out_of_field", lambda k: k == DONT_KNOW),
              ("in_field_questions.yml", "in_field_questions", "in_field", lambda k: k not in (DONT_KNOW, EMERGENCY)),
              ("other_languages.yml", "other_languages", "other_languages", lambda k: k == OTHER_LANGUAGE),
              ("emergency_openers.yml", "emergencies", "emergencies", lambda k: k == EMERGENCY)]
    for name, key, label, ok in groups:
        items = load(folder, name, key)
        hits = by_rules = 0
        for item in items:
            parsed = parse.parse(item["text"])
            kind, _ = seen_reply(kb, reflection.heard_from(kb, parsed))
            hits += ok(kind)
            by_rules += parsed.get(JUDGE_KEY) == RULES
            if not ok(kind):
                misses[label].append(f"{kind}: {item['text']}")
        report[f"{label}_messages"] = len(items)
        report[f"{label}_met"] = _share(hits, len(items))
        if label == "emergencies":
            report["emergencies_by_rules"] = by_rules
    questions = [q for path in sorted(folder.glob("topic_questions*.yml"))
                 for q in read_yaml(path)["questions"]]
    reached = 0
    for question in questions:
        heard = parse(question["text"])
        kind, turn = seen_reply(kb, heard)
        if kind != EMERGENCY and reaches(kb, turn, question["topic"]):
            reached += 1
        else:
            misses["topic_questions"].append(f"{kind} (not {question['topic']}): {question['text']}")
    report["topic_questions"] = len(questions)
    report["topic_questions_reached"] = _share(reached, len(questions))
    report["_misses"] = misses
    return report


def reaches(kb: Knowledge, turn: Turn, topic: str) -> bool:
    """Whether Seen's reply gives the topic's answer or offers it as a button."""
    return any(r.text == kb.topics[topic].answer or any(b.payload == replies.topic_payload(topic) for b in r.buttons)
               for r in turn.replies)


def _show(misses: Dict[str, List[str]]) -> None:
    for kind, lines in misses.items():
        for line in lines:
            print(f"  {kind}: {line}")


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    report(args, measure(args.folder, args.model), _show)


if __name__ == "__main__":
    main()
