"""Where a practitioner's reflection stands between two messages, and its one
conversion to and from the plain dict the Rasa slot `reflection` keeps.

The slot comes back with every message over the network, so nothing in it is
trusted. It is read as leniently as the reflection always read it: no slot
(or an empty one) is no reflection; anything else without a status is
refused (ValueError), so the action fails and changes nothing; a missing field
takes its default; values are kept as sent, and a note is checked again
before it is stored (seen.note_draft.checked).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Optional

#: The reflection's status: asking questions, stopped for now (by the
#: practitioner or an emergency), its note being checked, or finished.
ACTIVE, PAUSED, CONFIRMING, DONE = "active", "paused", "confirming", "done"


@dataclass
class ReflectionState:
    """One reflection's progress; question, prompt and topic ids are those of knowledge/."""

    #: ACTIVE, PAUSED, CONFIRMING or DONE.
    status: str
    #: The question being asked; None before the first and after the last.
    current: Optional[str] = None
    #: The answers by question id: {"text": the practitioner's words, "value":
    #: the choice, age band, area or role id, "skipped", "not_sure" or None}.
    answers: Dict[str, dict] = field(default_factory=dict)
    #: Question ids in the order they were last answered: "go back" returns to
    #: the last one, and their number picks the acknowledgement.
    order: List[str] = field(default_factory=list)
    #: Prompts already said mid-way (say_now), so none is said twice.
    prompted: List[str] = field(default_factory=list)
    #: At the first question of a reflection started from a concern: the
    #: practitioner may still decline it ("Not now"). Cleared by the next message.
    declinable: bool = False
    #: The topics nearest the concern, offered if the reflection is declined.
    nearest: List[str] = field(default_factory=list)
    #: A yes/no question answered with a description: the next message should
    #: say yes, no or not sure, and the description is kept with it.
    clarifying: Optional[str] = None
    #: A question the practitioner went back to: its earlier answer is shown and
    #: may be kept ("Keep"). Cleared once it is answered again.
    revisiting: Optional[str] = None
    #: While the note is checked: the question whose answer the next message
    #: replaces ("remove" leaves it out of the note).
    retyping: Optional[str] = None
    #: The note as plain data (seen.note_draft.as_dict) while it is checked.
    note: Optional[dict] = None
    #: While the note is checked: words the anonymiser left in but is not sure
    #: of ("Storm"), still to be asked about ("Is 'Storm' a name?"), the one
    #: being asked first. Kept only here, in the conversation's memory, never
    #: logged or stored; each is checked against the note before it is asked.
    doubts: List[str] = field(default_factory=list)
    #: While the note is checked: the words the practitioner said are names
    #: (or did not say are not), replaced with [NAME] in every answer of the
    #: note, also in one typed again and once more as the note is stored.
    names: List[str] = field(default_factory=list)
    #: While the note is checked: the words the anonymiser took out in doubt
    #: that the practitioner said are no names ("Pram"), put back in the note.
    kept: List[str] = field(default_factory=list)
    #: The reference the saved note was given.
    reference: Optional[str] = None
    #: A follow-up: the reference of the case's latest note, which the new
    #: note is linked to (the store checks it is in the note's area).
    follows: Optional[str] = None
    #: A follow-up's change question answered with a button alone: the next
    #: message says what shows it.
    evidence: Optional[str] = None


def from_slot(slot: Any) -> Optional[ReflectionState]:
    """The state the slot holds; None if there is none."""
    if not slot:
        return None
    if not isinstance(slot, dict) or "status" not in slot:
        raise ValueError("the reflection slot holds no reflection")
    return ReflectionState(**{f.name: slot[f.name] for f in fields(ReflectionState) if f.name in slot})


def to_slot(state: Optional[ReflectionState]) -> Optional[dict]:
    """The state as the slot keeps it: every field, as plain data."""
    return None if state is None else {f.name: getattr(state, f.name) for f in fields(state)}
