"""What the reflection hands the notes store, and what the store says when it
cannot keep it. Its own small module, so neither side imports the other: the
reflection core never loads the storage layer (SQLAlchemy), and the storage
layer never loads the anonymiser (spaCy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass(frozen=True)
class NoteDraft:
    """What the reflection hands over to be kept: ids and anonymised text only."""

    area: str
    role: Optional[str]
    age_band: Optional[str]
    answers: List[dict]  # {"question": id, "label": str, "text": str}, already anonymised
    prompts: List[dict]  # {"id": str, "text": str, "sources": [str]}
    flags: List[str]
    #: A follow-up's earlier note (ABCD-EFGH), whose case it joins; None for a first note.
    follows: Optional[str] = None
    #: A follow-up's "since last time" per area of the reflection:
    #: {"question": id, "label": str, "value": "better"|"same"|"worse"|"not_sure"|"skipped"}.
    changes: List[dict] = field(default_factory=list)
    #: The fixed answers (choice question id -> choice id), so a later
    #: follow-up can compare them ("threshold": "no" then "yes").
    values: Dict[str, str] = field(default_factory=dict)
    #: A follow-up where the plan is the one in place at the earlier note: the
    #: store then keeps the date that plan started, so drift can be counted.
    plan_unchanged: bool = False


class NotSaved(Exception):
    """The store could not keep a confirmed note: nothing was stored, and the
    practitioner may try again (seen.notes.NotesUnavailable is one)."""
