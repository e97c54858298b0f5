"""Reflection notes as a finished reflection saves them, for the supervision
tests to list, filter and count."""

from datetime import datetime, timedelta, timezone

from seen import knowledge, replies
from seen.handover import NoteDraft
from seen.notes import NoteStore

NOW = datetime.now(timezone.utc)


def note(area: str = "derby", flags=("no_chronology",), prompts=("cumulative_harm",), role: str = "teacher",
         age_band: str = "age_5_11", text: str = "Often arrives hungry; [NAME] says tea is crisps.") -> NoteDraft:
    rules = {p.id: p for p in knowledge.default().reflection.prompts}
    return NoteDraft(
        area=area, role=role, age_band=age_band,
        answers=[{"question": "daily_life", "label": "The child's daily life", "text": text},
                 {"question": "chronology", "label": "Is there a chronology?", "text": "No"}],
        prompts=[{"id": p, "text": rules[p].text, "sources": replies.cite_each(knowledge.default(), rules[p].sources)}
                 for p in prompts],
        flags=list(flags),
    )


def save(store: NoteStore, days_ago: float = 0, **fields) -> str:
    return store.save(note(**fields), created_at=NOW - timedelta(days=days_ago))
