"""Following up a case: "follow up RNJV-G4QY" finds the case's notes in the
practitioner's area and starts the follow-up reflection (knowledge/follow_up.yml)
with what they tell.

The practitioner sees the case's latest note as it was saved (anonymised) and
its month and year, and is asked what has changed since. The follow-up's
prompts may test what the earlier notes tell (how long the plan has run, the
view on significant harm then): those facts are worked out here once, as the
follow-up starts, and kept with its answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Dict, List, Optional

from seen import replies
from seen.guesses import TooManyTries
from seen.knowledge import SKIPPED, CaseFact, Knowledge
from seen.months import month_year, whole_months
from seen.reflection import Heard, Turn, advance_new
from seen.reflection_state import ACTIVE, ReflectionState
from seen.replies import Button, Reply

#: A note's reference as practitioners type it: "RNJV-G4QY", "rnjv g4qy",
#: "RNJVG4QY" (no 0, O, 1 or I, which are easily confused).
_CODE = "[A-HJ-NP-Za-hj-np-z2-9]"
REFERENCE = re.compile(rf"(?<![\w-])({_CODE}{{4}})([\s-]?)({_CODE}{{4}})(?![\w-])")

#: Finds a case's notes by reference in one area, oldest first ([] for none);
#: raises seen.guesses.TooManyTries when this conversation or client has
#: missed too often.
Finder = Callable[[str, str], List[dict]]


@dataclass(frozen=True)
class Request:
    """A message asking to follow up a case, with the reference it gives, if any."""

    reference: Optional[str]


def requested(kb: Knowledge, heard: Heard) -> Optional[Request]:
    """A short message asking to follow up a case ("follow up RNJV-G4QY",
    "Follow up a case"), or a reference on its own; None for anything else.
    An eight-letter word is no reference ("basement"): one needs a dash or
    space in the middle, a digit, or capitals."""
    finding = kb.follow_up.finding
    text = heard.text.strip()
    if text.startswith("/") or len(text.split()) > finding.asks_max_words:
        return None
    found = REFERENCE.search(text)
    if found is not None and not _looks_like_a_reference(found):
        return None
    rest = REFERENCE.sub(" ", text, count=1) if found else text
    ending = rf"[\s\W]*(?:{finding.asks_end})[\s\W]*$"
    asks = any(re.match(rf"\s*(?:{p}){ending}", rest, re.IGNORECASE) for p in finding.asks)
    alone = re.match(ending, rest, re.IGNORECASE)
    if found is not None and (asks or alone):
        return Request(f"{found.group(1)}-{found.group(3)}".upper())
    return Request(None) if asks and found is None else None


def _looks_like_a_reference(found: re.Match) -> bool:
    code = found.group(1) + found.group(3)
    return bool(found.group(2)) or any(c.isdigit() for c in code) or code.isupper()


def respond(kb: Knowledge, request: Request, role: Optional[str], area: Optional[str], find: Finder,
            kept: Optional[ReflectionState] = None) -> Turn:
    """Ask for the reference or the area if either is missing; else the case,
    or the same "can't find" for an unknown reference and another area's.
    Until a case is found, ``kept`` (a paused reflection) stays as it was."""
    finding = kb.follow_up.finding
    if request.reference is None:
        return Turn([Reply(finding.ask_reference)], kept)
    if area is None:
        buttons = [Button(a.name, replies.area_payload(a.id)) for a in replies.local_areas(kb)]
        buttons.append(Button(kb.messages.other_area_button, replies.area_payload(kb.fallback_area)))
        return Turn([Reply(finding.which_area, buttons)], kept, waiting_reference=request.reference)
    try:
        case = find(request.reference, area)
    except TooManyTries:
        return Turn([Reply(finding.too_many)], kept)
    if not case:
        button = Button(kb.reflection.buttons.start, replies.REFLECT_PAYLOAD)
        return Turn([Reply(finding.not_found, [button])], kept)
    return start(kb, case, role, area)


def start(kb: Knowledge, case: List[dict], role: Optional[str], area: str,
          now: Optional[datetime] = None) -> Turn:
    """The follow-up of ``case`` (its notes, oldest first): the latest note as
    saved, then the first question not yet known."""
    asking = kb.following_up()
    latest = case[-1]
    state = ReflectionState(ACTIVE, follows=latest["reference"])
    state.answers.update(facts(asking, case, now or datetime.now(timezone.utc)))
    band = latest.get("age_band")
    if band in {b.id for b in asking.reflection.age_bands}:
        state.answers["age_band"] = {"text": None, "value": band, "carried": True}
    return advance_new(asking, state, role, area, [earlier_note(asking, case), Reply(asking.reflection.intro.strip())])


def earlier_note(kb: Knowledge, case: List[dict]) -> Reply:
    """The case's latest note as it was saved, with its month and year only."""
    latest = case[-1]
    count = f"{len(case)} note" + ("" if len(case) == 1 else "s")
    lines = [kb.reflection.earlier_note.format(reference=latest["reference"], notes=count,
                                               month=month_year(latest["created_at"]))]
    lines += [f"- {answer['label']}: {answer['text']}" for answer in latest.get("answers") or []]
    if latest.get("prompts"):
        lines.append(kb.reflection.summary.prompts_heading + ":")
        lines += [f"- {prompt['text']}" for prompt in latest["prompts"]]
    return Reply("\n".join(lines), quotes=True)


def facts(kb: Knowledge, case: List[dict], now: datetime) -> Dict[str, dict]:
    """Each case fact knowledge/follow_up.yml names, as an answer conditions can test."""
    known = {}
    for fact_id, fact in kb.reflection.facts.items():
        value = _fact(fact, case, now)
        if value is not None:
            known[fact_id] = {"text": None, "value": value}
    return known


def _fact(fact: CaseFact, case: List[dict], now: datetime) -> Optional[str]:
    latest = case[-1]
    values = latest.get("values") or {}
    if fact.answered:
        answered = {a["question"] for a in latest.get("answers") or []} - {q for q, v in values.items() if v == SKIPPED}
        return "answered" if answered & set(fact.answered) else None
    if fact.value_of:
        return next((n["values"][fact.value_of] for n in reversed(case)
                     if fact.value_of in (n.get("values") or {})), None)
    if fact.change_was:
        return "yes" if any(c.get("value") == fact.change_was for c in latest.get("changes") or []) else None
    if fact.plan_months:
        return str(whole_months(datetime.fromisoformat(latest.get("plan_since") or latest["created_at"]), now))
    return str(len(case))
