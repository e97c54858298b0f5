"""What a message already tells Seen, so the reflection does not ask again
what was just said.

From an opening message ("hv here, 6 week old not gaining, mum keeps
cancelling") or from an answer mid-way: the practitioner's role (only when
they say it of themselves, not when they mention the police), the area, the
child's age band, and the questions the message answers, each with the
clauses that answer it. The words come from knowledge/opening.yml and each
question's ``heard_in`` in knowledge/reflection.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Pattern, Tuple

from seen.knowledge import Condition, Knowledge, Question

#: Where the NLU puts the details model's verdict on a message
#: (bot/components/details_heard.py): question id -> [index of the clause that
#: answers it, the choice it gives or None].
HEARD_ANSWERS = "heard_answers"
#: The details model weighs only a message's first clauses (a few thousand characters).
MAX_LEARNED_CLAUSES = 24
#: Kinds of question whose answers are the context, found by their own rules.
CONTEXT_KINDS = ("role", "age_band", "area")
#: A clause is split at a comma, "and" or "but" only where both sides are
#: this long, so "mum and dad drink" stays whole.
MIN_CLAUSE_WORDS = 3
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*|\s+-\s+")
_JOINS = re.compile(r"\s*,\s*(?:and|but|so)?\s*|\s+(?:and|but|so|also|plus|though|although|whereas)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Details:
    """What one message says: context, and answers by question id (as the
    reflection keeps them: {"text": the clauses, "value": a choice or None})."""

    role: Optional[str] = None
    area: Optional[str] = None
    #: The area as the practitioner named it ("Leeds").
    area_named: Optional[str] = None
    age_band: Optional[str] = None
    answers: Dict[str, dict] = field(default_factory=dict)


def clauses(text: str) -> List[str]:
    """The message in clauses: sentences, split again at commas, "and" and "but"
    where both sides are clauses of their own."""
    return [text[start:end] for start, end in clause_spans(text)]


def clause_spans(text: str) -> List[Tuple[int, int]]:
    """Where each clause of ``text`` starts and ends."""
    spans: List[Tuple[int, int]] = []
    start = 0
    for boundary in [*_SENTENCES.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        spans += _split_clauses(text, start, end)
        start = boundary.end() if boundary else end
    return [(a, b) for a, b in spans if text[a:b].strip(" .;,")]


def _split_clauses(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """A sentence's clauses, as spans of ``text``."""
    pieces, begin = [], start
    for join in _JOINS.finditer(text, start, end):
        if len(text[begin:join.start()].split()) >= MIN_CLAUSE_WORDS and \
                len(text[join.end():end].split()) >= MIN_CLAUSE_WORDS:
            pieces.append((begin, join.start()))
            begin = join.end()
    pieces.append((begin, end))
    return [_trimmed(text, a, b) for a, b in pieces]


def _trimmed(text: str, start: int, end: int) -> Tuple[int, int]:
    while start < end and text[start] in " .;,":
        start += 1
    while end > start and text[end - 1] in " .;,":
        end -= 1
    return start, end


def heard(kb: Knowledge, text: str, questions: Iterable[Question], age_band: Optional[str] = None) -> Dict[str, dict]:
    """The answers ``text`` gives to ``questions``: each the clauses that show it
    (and, for a choice question, the choice its words give). Words may run
    across clauses ("dad answers the door and says the lad's ill"). A question
    that cannot be asked for a child of ``age_band`` is left out."""
    spans = clause_spans(text)
    found: Dict[str, dict] = {}
    for question in questions:
        if question.kind in CONTEXT_KINDS or not question.heard_in or not may_ask(question, age_band):
            continue
        said = question.said_if is None or _band_allows(question.said_if, age_band)
        for value, patterns in question.heard_words(said).items():
            hit = sorted({i for pattern in _compiled(tuple(patterns)) for match in pattern.finditer(text)
                          for i, (start, end) in enumerate(spans) if start < match.end() and match.start() < end})
            if hit:
                found[question.id] = {"text": ", ".join(text[spans[i][0]:spans[i][1]] for i in hit), "value": value}
                break
    return found


def may_ask(question: Question, age_band: Optional[str]) -> bool:
    """A question that branches on the age band is asked only for its bands."""
    return question.ask_if is None or _band_allows(question.ask_if, age_band)


def _band_allows(condition: Condition, age_band: Optional[str]) -> bool:
    """A condition on the age band holds for this band, or the band is not known."""
    return age_band is None or condition.question != "age_band" or age_band in (condition.is_ or [])


def opening(kb: Knowledge, text: str, learned: Optional[Dict[str, Tuple[int, Optional[str]]]] = None) -> Details:
    """Everything an opening message tells: role, area, age band and answers.
    ``learned``: the questions the details model found answered (question id ->
    the clause that answers it and the choice), added where the words found none."""
    age_band = age_band_of(kb, text)
    area_id, area_named = area_of(kb, text) or (None, None)
    answers = heard(kb, text, kb.reflection.questions, age_band)
    spans = clause_spans(text)
    for question in kb.reflection.questions:
        index, value = (learned or {}).get(question.id, (None, None))
        if index is None or question.id in answers or question.kind in CONTEXT_KINDS \
                or not may_ask(question, age_band) or not 0 <= index < len(spans):
            continue
        if (value in question.choices) if question.kind == "choice" else value is None:
            start, end = spans[index]
            answers[question.id] = {"text": text[start:end], "value": value}
    return Details(role_of(kb, text), area_id, area_named, age_band, answers)


def role_of(kb: Knowledge, text: str) -> Optional[str]:
    """The practitioner's own role, when they say it of themselves ("hv here",
    "I'm a TA", "I work in A&E"); a role's name wins over a workplace, and
    the longest name wins ("school nurse" over "nurse")."""
    best: Optional[Tuple[Tuple[bool, int], str]] = None
    text = text.translate(_DASHES)
    for pattern, role_by_name in _self_references(kb):
        for match in pattern.finditer(text):
            said = match.group("role")
            rank = (said.lower() in role_by_name.names, len(said))
            if best is None or rank > best[0]:
                best = (rank, role_by_name(said))
    return best[1] if best else None


def area_of(kb: Knowledge, text: str) -> Optional[Tuple[str, str]]:
    """The area named in the message, and the name it was given by ("Leeds"
    gives the general route's area)."""
    for name, area_id in _area_names(kb):
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        if found:
            return area_id, found.group(0)
    return None


def age_band_of(kb: Knowledge, text: str) -> Optional[str]:
    """The age band the message first gives ("year 9 girl", "6 week old",
    "pregnant"), by the strict words of opening.yml: "for two months" is not an
    age, a parent's age ("mum (16)") is not the child's, and the setting ("at a
    primary", "baby") counts only when nothing stronger does."""
    text = _without_parent_ages(kb, re.sub(r"(\d)\.5\b", r"\1", text))
    return _first_band(kb.opening.age, text) or _first_band(kb.opening.age_setting, text)


def _first_band(words: Dict[str, List[str]], text: str) -> Optional[str]:
    first: Optional[Tuple[int, str]] = None
    for band, patterns in words.items():
        for pattern in _compiled(tuple(patterns)):
            match = pattern.search(text)
            if match and (first is None or match.start() < first[0]):
                first = (match.start(), band)
    return first[1] if first else None


def _without_parent_ages(kb: Knowledge, text: str) -> str:
    for pattern in _compiled(tuple(kb.opening.parent_age)):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def without_context(kb: Knowledge, text: str) -> str:
    """The message without role and area names, so "family support worker in
    Derby" is not taken to be about a family."""
    for name in _context_names(kb):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def any_match(patterns: Tuple[str, ...], text: str) -> bool:
    return any(p.search(text) for p in _compiled(patterns))


@lru_cache(maxsize=256)
def _compiled(patterns: Tuple[str, ...]) -> List[Pattern]:
    return [re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns]


#: "school nurse — 9yo": any dash separates as a hyphen does.
_DASHES = str.maketrans({"\u2014": "-", "\u2013": "-"})

#: Where a sentence starts, for self_reference patterns: after a full stop, a
#: dash or "hi,".
_START = r"(?:^|[.!?]\s+|\s-\s|\n)(?:(?:hi|hello|hiya|hey|morning|afternoon|evening|ok|right)[,!.]?\s+)?"


class _RoleBy:
    """How the words a self_reference pattern caught give the role: by the
    role's name, or else by the workplace's role."""

    def __init__(self, names: Dict[str, str], workplace_role: Optional[str] = None) -> None:
        self.names, self._workplace_role = names, workplace_role

    def __call__(self, said: str) -> str:
        return self.names.get(said.lower()) or self._workplace_role


def _self_references(kb: Knowledge) -> List[Tuple[Pattern, _RoleBy]]:
    """Each self_reference pattern, with how what it caught gives the role."""
    names = {alias.lower(): role.id for role in kb.roles.values()
             for alias in (role.name, *role.aliases, *role.short_forms)}
    area = rf"(?:{_alternation(name for name, _ in _area_names(kb))})(?!\w)"
    found: List[Tuple[Pattern, _RoleBy]] = []
    for p in kb.opening.self_reference:
        p = p.replace("{area}", area).replace("{start}", _START)
        if "{role}" in p:
            found.append((_pattern(p.replace("{role}", rf"(?P<role>{_alternation(names)})s?(?!\w)")), _RoleBy(names)))
        elif "{workplace}" in p:
            for role in (r for r in kb.roles.values() if r.workplaces):
                place = "|".join(f"(?:{w})" for w in role.workplaces)
                found.append((_pattern(p.replace("{workplace}", rf"(?P<role>{place})(?!\w)")), _RoleBy({}, role.id)))
    return found


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=512)
def _pattern(pattern: str) -> Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _area_names(kb: Knowledge) -> List[Tuple[str, str]]:
    """Every name a practitioner may give their area by: the local areas' names
    and aliases, and every area's places ("Leeds" gives the general route);
    not the general route's own aliases ("another area")."""
    names = [(n, a.id) for a in kb.areas.values() for n in (
        (a.name, *a.aliases, *a.places) if a.id != kb.fallback_area else a.places)]
    return sorted(names, key=lambda pair: len(pair[0]), reverse=True)


def _context_names(kb: Knowledge) -> List[str]:
    names = [n for role in kb.roles.values() for n in (role.name, *role.aliases)]
    names += [n for n, _ in _area_names(kb)]
    return sorted(set(names), key=len, reverse=True)
