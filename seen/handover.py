"""What the reflection hands the notes store, and what the store says when it
cannot keep it. Its own small module, so neither side imports the other: the
reflection core never loads the storage layer (SQLAlchemy), and the storage
layer never loads the anonymiser (spaCy)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional


@dataclass(frozen=True)
class NoteDraft:
    """What the reflection hands over to be kept: ids and anonymised text only."""

    area: str
    role: Optional[str]
    age_band: Optional[str]
    answers: List[dict]  # {"question": id, "label": str, "text": str}, already anonymised
    prompts: List[dict]  # {"id": str, "text": str, "sources": [str]}
    flags: List[str]


class NotSaved(Exception):
    """The store could not keep a confirmed note: nothing was stored, and the
    practitioner may try again (seen.notes.NotesUnavailable is one)."""
