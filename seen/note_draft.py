"""The note a finished reflection would leave for supervision: its answers
anonymised, the prompts they called for with sources, and the flags a board
counts. Built here, shown to the practitioner, and stored only once they
confirm (seen/notes.py stores it)."""

from __future__ import annotations

import dataclasses
import re
from typing import Dict, List, Optional, Sequence, Tuple

from seen import anonymise, replies, summary
from seen.anonymise import doubts as doubtful
from seen.conditions import holds
from seen.handover import NoteDraft
from seen.knowledge import NOT_SURE, SKIPPED, Area, Knowledge, Question
from seen.replies import Reply

#: A note's reference as the notes store gives it (seen/notes.py), ABCD-EFGH.
REFERENCE = re.compile(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")


def build(kb: Knowledge, answers: Dict[str, dict], role: Optional[str], area: Area,
          names: Sequence[str] = (), kept: Sequence[str] = (), follows: Optional[str] = None) -> NoteDraft:
    """The note from the reflection's answers, anonymised; ``names`` and
    ``kept`` are the practitioner's answers to "Is 'Storm' a name?" so far;
    ``follows`` the reference of the note a follow-up is linked to."""
    texts = [
        {"question": q.id, "label": q.label, "text": _anonymised(kb, text, names, kept)}
        for q, text in _written(kb, answers)
    ]
    prompts = [
        {"id": rule.id, "text": rule.text, "sources": replies.cite_each(kb, rule.sources)}
        for rule in summary.fired(kb, answers)
    ]
    given_role = (answers.get("role") or {}).get("value")
    age_band = (answers.get("age_band") or {}).get("value")
    return NoteDraft(
        area=area.id,
        role=given_role if given_role in kb.roles else role,
        age_band=age_band if age_band in {b.id for b in kb.reflection.age_bands} else None,
        answers=texts,
        prompts=prompts,
        flags=[flag.id for flag in kb.reflection.flags if holds(flag.when, answers)],
        follows=follows,
        changes=_changes(kb, answers),
        values=_values(kb, answers),
        plan_unchanged=(answers.get("plan_same") or {}).get("value") == "yes",
    )


def _asked(kb: Knowledge, answers: Dict[str, dict]) -> List[Question]:
    return [q for q in kb.reflection.questions if q.id in answers and holds(q.ask_if, answers)
            and q.kind not in ("role", "area", "age_band")]


def _values(kb: Knowledge, answers: Dict[str, dict]) -> Dict[str, str]:
    """The fixed part of each answer (a choice, "skipped", "not_sure"), which a
    later follow-up compares with: never the practitioner's words."""
    return {q.id: answers[q.id]["value"] for q in _asked(kb, answers) if answers[q.id].get("value")}


def _changes(kb: Knowledge, answers: Dict[str, dict]) -> List[dict]:
    """A follow-up's better / the same / worse, by area of the reflection."""
    return [{"question": q.id, "label": q.label, "value": answers[q.id]["value"]}
            for q in _asked(kb, answers) if q.change and answers[q.id].get("value")]


def as_dict(draft: NoteDraft) -> dict:
    """A draft as plain data, to keep in the conversation while it is checked."""
    return dataclasses.asdict(draft)


def from_dict(data: dict) -> NoteDraft:
    return NoteDraft(**data)


def with_answer(kb: Knowledge, draft: NoteDraft, question: str, text: Optional[str],
                names: Sequence[str] = (), kept: Sequence[str] = ()) -> NoteDraft:
    """The draft with one answer re-typed (anonymised again with the
    practitioner's answers ``names`` and ``kept``) or, for None, removed."""
    answers = []
    for answer in draft.answers:
        if answer["question"] != question:
            answers.append(answer)
        elif text is not None:
            answers.append({**answer, "text": _anonymised(kb, text, names, kept)})
    return dataclasses.replace(draft, answers=answers)


def doubts(kb: Knowledge, answers: Dict[str, dict]) -> List[str]:
    """The words to ask the practitioner about before the note is saved ("Is
    'Storm' a name?"), read in the reflection's answers as written: those the
    anonymiser left in but may be names, then those it took out but may be
    words, at most the number knowledge/ allows."""
    anonymiser = anonymise.default()
    found = [anonymiser.doubts(text) for _, text in _written(kb, answers)]
    return doubtful.most_doubtful(found, kb.reflection.note.name_questions)


def in_answers(kb: Knowledge, answers: Dict[str, dict], word: object) -> bool:
    """``word`` is a single word or a short name written in one of the
    reflection's answers (a doubt read back from the conversation's state is
    checked with this)."""
    return doubtful.is_a_doubt(word) and any(doubtful.occurrences(text, word) for _, text in _written(kb, answers))


def asked_as_a_place(word: str) -> bool:
    """A doubt of several words ("Kutz 4 Kings") or a town ("Mossley"), asked about as a place's name."""
    return doubtful.label(word, anonymise.default().towns) == "PLACE"


def placeholder(kb: Knowledge, word: str) -> str:
    """What ``word`` becomes once the practitioner says it identifies someone."""
    return kb.anonymise.placeholders[doubtful.label(word, anonymise.default().towns)]


def in_note(draft: NoteDraft, word: object) -> bool:
    """``word`` is a single word or a short name that stands in one of the
    note's answers: one the anonymiser left in, not one it took out."""
    return doubtful.is_a_doubt(word) and any(
        doubtful.occurrences(answer.get("text") or "", word) for answer in draft.answers if isinstance(answer, dict))


def _written(kb: Knowledge, answers: Dict[str, dict]) -> List[Tuple[Question, str]]:
    """Each answer the note holds, as the practitioner wrote it."""
    return [(q, summary.answer_text(kb, q, answers[q.id])) for q in _asked(kb, answers)]


def _anonymised(kb: Knowledge, text: str, names: Sequence[str], kept: Sequence[str]) -> str:
    """``text`` anonymised, except the doubtful words the practitioner said are
    no names (``kept``), and with every word they said is a name (``names``)
    replaced too."""
    kept = [k for k in kept if doubtful.is_a_doubt(k)] if isinstance(kept, (list, tuple)) else []
    names = [n for n in names if doubtful.is_a_doubt(n)] if isinstance(names, (list, tuple)) else []
    return doubtful.removed(anonymise.anonymise(text, kept), names, kb.anonymise.placeholders,
                            anonymise.default().towns)


def checked(kb: Knowledge, draft: NoteDraft, names: Sequence[str] = (), kept: Sequence[str] = ()) -> NoteDraft:
    """The draft as it may be stored, rebuilt from knowledge/ and anonymised
    again: it comes back in the conversation's state, which travels over the
    network, so nothing in it is trusted. Ids must be known (ValueError if
    not); labels, prompt texts and sources come from knowledge/, not the draft;
    each answer is cut to the message limit and anonymised once more, and the
    words the practitioner said are ``names`` are removed once more. ``kept``
    can only keep a word the anonymiser itself took out in doubt ("Pram"),
    which the practitioner could keep by answering "no": every detail it is
    sure of is removed whatever the state says."""
    if draft.area not in kb.areas:
        raise ValueError("the note names an area Seen does not hold")
    if draft.role is not None and draft.role not in kb.roles:
        raise ValueError("the note names an unknown role")
    if draft.age_band is not None and draft.age_band not in {b.id for b in kb.reflection.age_bands}:
        raise ValueError("the note names an unknown age band")
    questions = {q.id: q for q in kb.reflection.questions if q.kind not in ("role", "area", "age_band")}
    rules = {rule.id: rule for rule in kb.reflection.prompts}
    answers, seen = [], set()
    for answer in draft.answers if isinstance(draft.answers, list) else []:
        question = answer.get("question") if isinstance(answer, dict) else None
        text = answer.get("text") if isinstance(answer, dict) else None
        if question not in questions or question in seen or not isinstance(text, str):
            raise ValueError("the note has an answer to no question Seen asks")
        seen.add(question)
        answers.append({"question": question, "label": questions[question].label,
                        "text": _anonymised(kb, text[:kb.message_max_chars], names, kept)})
    prompts = []
    for prompt in draft.prompts if isinstance(draft.prompts, list) else []:
        rule = rules.get(prompt.get("id") if isinstance(prompt, dict) else None)
        if rule is None:
            raise ValueError("the note has a prompt Seen does not hold")
        prompts.append({"id": rule.id, "text": rule.text, "sources": replies.cite_each(kb, rule.sources)})
    flags = {flag.id for flag in kb.reflection.flags}
    if not isinstance(draft.flags, list) or not set(draft.flags) <= flags:
        raise ValueError("the note has a flag Seen does not hold")
    if draft.follows is not None and not (isinstance(draft.follows, str) and REFERENCE.fullmatch(draft.follows)):
        raise ValueError("the note follows up something that is no reference")
    values = _checked_values(kb, draft.values)
    changes = [{"question": q.id, "label": q.label, "value": values[q.id]}
               for q in kb.reflection.questions if q.change and q.id in values]
    return NoteDraft(draft.area, draft.role, draft.age_band, answers, prompts, sorted(set(draft.flags)),
                     follows=draft.follows, changes=changes, values=values,
                     plan_unchanged=values.get("plan_same") == "yes")


def _checked_values(kb: Knowledge, values: object) -> Dict[str, str]:
    """Each value one its question can have; changes are rebuilt from these."""
    if not isinstance(values, dict):
        raise ValueError("the note's values are not a mapping")
    questions = {q.id: q for q in kb.reflection.questions if q.kind not in ("role", "area", "age_band")}
    for question, value in values.items():
        possible = set(questions[question].choices) | {SKIPPED, NOT_SURE} if question in questions else set()
        if value not in possible:
            raise ValueError("the note has a value no question of Seen's can have")
    return dict(values)


def render(kb: Knowledge, draft: NoteDraft) -> Reply:
    """The note exactly as it would be stored, as text to read, copy or print."""
    words = kb.reflection.summary
    area = kb.areas[draft.area]
    lines = [kb.reflection.note.heading]
    context = [f"{_label(kb, 'area')}: {area.name}"]
    if draft.role:
        context.append(f"{_label(kb, 'role')}: {kb.roles[draft.role].name}")
    if draft.age_band:
        context.append(f"{_label(kb, 'age_band')}: "
                       f"{next(b.label for b in kb.reflection.age_bands if b.id == draft.age_band)}")
    lines += [f"- {line}" for line in context]
    lines += [f"- {answer['label']}: {answer['text']}" for answer in draft.answers]
    if draft.prompts:
        lines.append(words.prompts_heading + ":")
        for prompt in draft.prompts:
            lines.append(f"- {prompt['text']}")
            if prompt["sources"]:
                lines.append(f"  {replies.sources_line(kb, '; '.join(prompt['sources']))}")
    return Reply("\n".join(lines), quotes=True)


def _label(kb: Knowledge, question_id: str) -> str:
    return next(q.label for q in kb.reflection.questions if q.id == question_id)
