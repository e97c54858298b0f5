"""The end of a reflection: the answers by question, the prompts they call
for (each with its source), and the area's procedures and escalation route."""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from seen import replies
from seen.conditions import holds
from seen.knowledge import NOT_SURE, SKIPPED, Area, Knowledge, PromptRule, Question
from seen.replies import Reply

#: Area details the summary always ends with, so prompts need not repeat them.
ROUTE = ("procedures", "escalation")


def fired(kb: Knowledge, answers: Dict[str, dict]) -> List[PromptRule]:
    """The prompt rules these answers call for, in the order knowledge/ lists them."""
    return [rule for rule in kb.reflection.prompts if holds(rule.when, answers)]


def prompt_reply(kb: Knowledge, rule: PromptRule, area: Area, route_follows: bool = False) -> Reply:
    """A prompt with its area's details and sources; in the summary, which ends
    with the area's route anyway, without repeating that route."""
    lines = [rule.text]
    extra = [name for name in rule.area_details if not (route_follows and name in ROUTE)]
    lines += [replies.area_detail(kb, area, name) for name in extra]
    lines.append(replies.sources_line(kb, replies.cite(kb, rule.sources)))
    if "front_door" in rule.area_details:
        lines.insert(0, kb.messages.call_999)
    return Reply("\n".join(lines))


def answer_text(kb: Knowledge, question: Question, answer: dict) -> str:
    """An answer as the practitioner will read it back: their words, with the
    choice they made where the words alone don't show it."""
    words = kb.reflection.summary
    value, text = answer.get("value"), (answer.get("text") or "").strip()
    if value == SKIPPED:
        return words.skipped
    if question.kind == "choice" and value:
        label = kb.reflection.choice_labels[value]
        if not text or text.lower() == label.lower():
            return label
        says_it = any(re.match(rf"\s*(?:{p})(?=\W|$)", text, re.IGNORECASE) for p in kb.reflection.choice_words[value])
        return text if says_it else f"{label}: {text}"
    if question.kind == "age_band" and value:
        return next(b.label for b in kb.reflection.age_bands if b.id == value)
    if value == NOT_SURE and not text:
        return words.not_sure
    return text


def build(kb: Knowledge, answers: Dict[str, dict], role: Optional[str], area: Area) -> List[Reply]:
    words = kb.reflection.summary
    asked = [q for q in kb.reflection.questions if q.id in answers and holds(q.ask_if, answers)]
    lines = [words.heading, words.answers_heading + ":"]
    if role and "role" not in answers:
        lines.append(f"- {_question(kb, 'role').label}: {kb.roles[role].name}")
    if "area" not in answers:
        lines.append(f"- {_question(kb, 'area').label}: {area.name}")
    lines += [f"- {q.label}: {answer_text(kb, q, answers[q.id])}" for q in asked]
    rules = fired(kb, answers)
    prompts = [Reply(words.prompts_heading + ":")] if rules else [Reply(words.no_prompts)]
    prompts += [prompt_reply(kb, rule, area, route_follows=True) for rule in rules]
    route = [words.route_heading.format(area_name=area.name)]
    route += [replies.area_detail(kb, area, name) for name in ROUTE]
    return [Reply("\n".join(lines), quotes=True), *prompts, Reply("\n".join(route)), Reply(words.judgement)]


def _question(kb: Knowledge, question_id: str) -> Question:
    return next(q for q in kb.reflection.questions if q.id == question_id)
