"""Anonymised reflection notes: the one module that reads and writes them.

The caller hands over an already-anonymised NoteDraft. Only its known fields
and keys are kept, so a sender id, raw message or anything else from the
tracker cannot slip in through an extra key. A note is found again by a short
random reference a practitioner can read out: 8 characters without 0/O/1/I,
shown as ABCD-EFGH. Flags sit in their own table so a board can count themes
with plain SQL. A follow-up note joins the case of the note it follows: every
note keeps the reference of its case's first note, so any reference of a case
finds the whole chain. Nothing here logs what a note says (errors included:
the engine hides the values it sends).
"""

import json
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Collection, Dict, Iterator, List, Optional, Tuple, Union

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Text, and_, cast, delete, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, relationship
from sqlalchemy.sql import Select

from seen.db import Base, Database, DatabaseUnavailable, UtcDateTime, describe, one_page, utc_now
from seen.handover import NoteDraft, NotSaved

log = logging.getLogger(__name__)

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
SAVE_ATTEMPTS = 5  # 32**8 codes: a second collision in a row means something else is wrong
EXPORT_PAGE = 500  # notes per short-lived session while exporting
ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # area, role, age band, question, prompt and flag ids
CHANGES = ("better", "same", "worse", "not_sure", "skipped")  # a follow-up's "since last time", per area
DRIFT_PROMPTS = frozenset({"drift", "plan_drift"})  # the first reflection's and the follow-up's drift prompts


class NotesUnavailable(DatabaseUnavailable, NotSaved):
    """The database cannot be reached or written; nothing was stored."""


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = Column(Integer, primary_key=True)
    reference: Mapped[str] = Column(String(CODE_LENGTH), nullable=False, unique=True)
    created_at: Mapped[datetime] = Column(
        UtcDateTime, nullable=False, index=True, default=lambda: datetime.now(timezone.utc)
    )
    area: Mapped[str] = Column(String(64), nullable=False, index=True)
    role: Mapped[Optional[str]] = Column(String(64), nullable=True)
    age_band: Mapped[Optional[str]] = Column(String(64), nullable=True)
    answers: Mapped[List[dict]] = Column(JSON, nullable=False)
    prompts: Mapped[List[dict]] = Column(JSON, nullable=False)
    discussed_at: Mapped[Optional[datetime]] = Column(UtcDateTime, nullable=True)
    discussed_by: Mapped[Optional[str]] = Column(String(64), nullable=True)
    #: The code of the case's first note; None on notes saved before cases, each its own case.
    case_ref: Mapped[Optional[str]] = Column(String(CODE_LENGTH), nullable=True, index=True)
    follows: Mapped[Optional[str]] = Column(String(CODE_LENGTH), nullable=True)  # the code of the note followed up
    changes: Mapped[Optional[List[dict]]] = Column(JSON, nullable=True)
    choice_values: Mapped[Optional[Dict[str, str]]] = Column(JSON, nullable=True)
    #: When the plan in place at this note started: a follow-up on the same plan keeps the earlier date.
    plan_since: Mapped[Optional[datetime]] = Column(UtcDateTime, nullable=True)
    flags: Mapped[List["NoteFlag"]] = relationship(
        "NoteFlag", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    comments: Mapped[List["NoteComment"]] = relationship(
        "NoteComment", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin",
        order_by="NoteComment.id",
    )


class NoteFlag(Base):
    __tablename__ = "note_flags"

    note_id: Mapped[int] = Column(Integer, ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True)
    flag: Mapped[str] = Column(String(64), primary_key=True, index=True)


class NoteComment(Base):
    """A supervisor's comment on a note: who wrote it and when (anonymised by the caller)."""

    __tablename__ = "note_comments"

    id: Mapped[int] = Column(Integer, primary_key=True)
    note_id: Mapped[int] = Column(Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False, index=True)
    author: Mapped[str] = Column(String(64), nullable=False)
    created_at: Mapped[datetime] = Column(UtcDateTime, nullable=False, default=utc_now)
    text: Mapped[str] = Column(Text, nullable=False)


@dataclass(frozen=True)
class NoteFilter:
    """What a supervisor narrows the list to; every field optional."""

    since: Optional[date] = None
    until: Optional[date] = None
    area: Optional[str] = None
    role: Optional[str] = None
    age_band: Optional[str] = None
    flags: Tuple[str, ...] = ()  # notes carrying every one of these
    discussed: Optional[bool] = None
    reference: Optional[str] = None  # whole or part, any case, dash or not
    text: Optional[str] = None  # in the answers or the prompts


class NoteStore:
    """Save, find, export and delete notes; each call is its own short session."""

    def __init__(self, database: Union[str, Database, None] = None) -> None:
        """database: a URL, a shared Database, or None for DATABASE_URL / instance/seen.db."""
        self._db = Database.of(database)

    @property
    def engine(self) -> Engine:
        return self._db.engine

    def close(self) -> None:
        self._db.close()

    def save(self, draft: NoteDraft, created_at: Optional[datetime] = None) -> str:
        """Keep the note in one transaction and return its reference, ABCD-EFGH.

        A follow-up (draft.follows) joins the case of the note it follows,
        which must be in the same area: ValueError otherwise, and nothing is
        kept. created_at is for tests and imports; a note made now leaves it out.
        """
        values = _values(draft)
        follows = None if draft.follows is None else normalise_reference(draft.follows)
        if not isinstance(draft.plan_unchanged, bool):
            raise ValueError("plan_unchanged must be true or false")
        if created_at is not None and created_at.tzinfo is None:
            raise ValueError("created_at must be timezone-aware")
        created_at = created_at or utc_now()
        flags = values.pop("flags")
        with self._unavailable():
            for _ in range(SAVE_ATTEMPTS):
                code = _new_code()
                note = Note(reference=code, created_at=created_at, flags=[NoteFlag(flag=f) for f in flags], **values)
                try:
                    with self._begin() as session:
                        _join_case(session, note, follows, draft.plan_unchanged)
                        session.add(note)
                except IntegrityError as error:
                    refused = error
                    log.debug("reference already taken; drawing another")
                    continue
                log.info("saved a reflection note")
                return format_reference(code)
        raise NotesUnavailable(f"no unused reference after {SAVE_ATTEMPTS} attempts: {describe(refused)}")

    def get(self, reference: str) -> Optional[dict]:
        """The note for a reference (any case, dash or not), or None: for the console, every area."""
        return self.find(reference, areas=None)

    def export(
        self, area: Optional[str] = None, since: Optional[date] = None, until: Optional[date] = None
    ) -> Iterator[dict]:
        """Notes oldest first, as JSON-able dicts; since and until are whole UTC days, inclusive."""
        return self.matching(NoteFilter(since=since, until=until, area=area), areas=None)

    def delete_older_than(self, days: int) -> int:
        """Delete notes created more than `days` days ago; return how many went."""
        if days < 0:
            raise ValueError("days must be 0 or more")
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        return self._delete(Note.created_at < cutoff)

    def delete(self, reference: str) -> bool:
        """Delete one note; False if there was none with that reference."""
        try:
            code = normalise_reference(reference)
        except ValueError:
            return False
        return self._delete(Note.reference == code) > 0

    # Supervision: every method below takes `areas`, the areas the reader may
    # see (None only for an admin, who sees all), so no route can forget it.

    def page(
        self, where: NoteFilter, *, areas: Optional[Collection[str]], number: int = 1, size: int = 20
    ) -> Tuple[List[dict], int]:
        """One page of notes, newest first, and how many match in all."""
        query = _filtered(where, areas)
        with self._unavailable(), self._read() as session:
            notes, total = one_page(session, query.order_by(Note.created_at.desc(), Note.id.desc()), number, size)
            return [_as_dict(note) for note in notes], total

    def matching(self, where: NoteFilter, *, areas: Optional[Collection[str]]) -> Iterator[dict]:
        """Every matching note, oldest first, read page by page: for an export."""
        return self._pages(_filtered(where, areas).order_by(Note.created_at, Note.id))

    def find(self, reference: str, *, areas: Optional[Collection[str]]) -> Optional[dict]:
        """The note for a reference if the reader may see it, else None (the same for both)."""
        with self._unavailable(), self._read() as session:
            note = self._scoped(session, reference, areas)
            return _as_dict(note) if note else None

    def case(self, reference: str, *, areas: Optional[Collection[str]]) -> List[dict]:
        """Every note of the case any of its notes' references belongs to, oldest
        first, within the reader's areas; [] for a reference the reader cannot see."""
        with self._unavailable(), self._read() as session:
            note = self._scoped(session, reference, areas)
            if note is None:
                return []
            first = note.case_ref or note.reference
            chain = _in_areas(select(Note).where(or_(Note.case_ref == first, Note.reference == first)), areas)
            return [_as_dict(n) for n in session.scalars(chain.order_by(Note.created_at, Note.id))]

    def comment(self, reference: str, author: str, text: str, *, areas: Optional[Collection[str]]) -> bool:
        """Add a comment; False if there is no such note the author may see."""
        with self._unavailable(), self._begin() as session:
            note = self._scoped(session, reference, areas)
            if note is None:
                return False
            note.comments.append(NoteComment(author=_text(author, "author"), text=_text(text, "comment")))
            return True

    def set_discussed(self, reference: str, by: str, discussed: bool, *, areas: Optional[Collection[str]]) -> bool:
        """Mark a note discussed in supervision (or not); False if there is no such note."""
        with self._unavailable(), self._begin() as session:
            note = self._scoped(session, reference, areas)
            if note is None:
                return False
            note.discussed_at, note.discussed_by = (utc_now(), by) if discussed else (None, None)
            return True

    def themes(self, where: NoteFilter, *, areas: Optional[Collection[str]]) -> List[dict]:
        """How many notes carry each flag and each prompt, by month and area, and
        how many cases had a drift prompt (each case once, in its latest note's month).

        Rows {"month": "2026-11", "area", "kind": "flag"|"prompt"|"notes"|"drift_cases", "id", "count"};
        counted in Python so SQLite and PostgreSQL agree on months.
        """
        counts: Dict[Tuple[str, str, str, str], int] = {}
        latest: Dict[str, Tuple[str, str]] = {}  # case -> (month, area) of its latest note in the period
        drifting = set()
        for note in self.matching(where, areas=areas):
            month = note["created_at"][:7]
            latest[note["case"]] = (month, note["area"])
            if any(p["id"] in DRIFT_PROMPTS for p in note["prompts"]):
                drifting.add(note["case"])
            keys = [("notes", "notes")] + [("flag", f) for f in note["flags"]]
            keys += [("prompt", p["id"]) for p in note["prompts"]]
            for kind, name in keys:
                key = (month, note["area"], kind, name)
                counts[key] = counts.get(key, 0) + 1
        for case in drifting:
            key = (*latest[case], "drift_cases", "drift_cases")
            counts[key] = counts.get(key, 0) + 1
        return [
            {"month": m, "area": a, "kind": k, "id": i, "count": n}
            for (m, a, k, i), n in sorted(counts.items())
        ]

    @staticmethod
    def _scoped(session: Session, reference: str, areas: Optional[Collection[str]]) -> Optional[Note]:
        try:
            code = normalise_reference(reference)
        except ValueError:
            return None
        query = _in_areas(select(Note).where(Note.reference == code), areas)
        return session.scalars(query).first()

    def _delete(self, condition) -> int:
        statement = delete(Note).where(condition).execution_options(synchronize_session=False)
        with self._unavailable(), self._begin() as session:
            deleted = session.execute(statement).rowcount  # note_flags go by ON DELETE CASCADE
        log.info("deleted %d reflection note(s)", deleted)
        return deleted

    def _pages(self, query: Select) -> Iterator[dict]:
        """Keyset pages, each read in its own session, so a long export holds no session open."""
        after: Optional[Tuple[datetime, int]] = None
        while True:
            page = query
            if after:
                page = page.where(or_(Note.created_at > after[0],
                                      and_(Note.created_at == after[0], Note.id > after[1])))
            with self._unavailable(), self._read() as session:
                notes = session.scalars(page.limit(EXPORT_PAGE)).all()
                rows = [_as_dict(note) for note in notes]
                after = (notes[-1].created_at, notes[-1].id) if notes else None
            yield from rows
            if len(rows) < EXPORT_PAGE:
                return

    def _read(self) -> Session:
        return self._db.read()

    def _begin(self):
        return self._db.begin()

    @staticmethod
    def _unavailable():
        return Database.unavailable(NotesUnavailable)


def normalise_reference(text: str) -> str:
    """'abcd-efgh', 'ABCDEFGH ' -> 'ABCDEFGH'; ValueError if it cannot be a reference."""
    code = re.sub(r"[\s-]", "", text).upper() if isinstance(text, str) else ""
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        raise ValueError(f"not a note reference (expected {CODE_LENGTH} letters and digits like ABCD-EFGH)")
    return code


def format_reference(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def _join_case(session: Session, note: Note, follows: Optional[str], plan_unchanged: bool) -> None:
    """Make the note a case of its own, or the next note of the case of the
    note it follows, looked up in the note's own area only."""
    if follows is None:
        note.case_ref, note.plan_since = note.reference, note.created_at
        return
    earlier = session.scalars(select(Note).where(Note.reference == follows, Note.area == note.area)).first()
    if earlier is None:
        raise ValueError("the note followed up is not in this area, or no longer exists")
    note.case_ref, note.follows = earlier.case_ref or earlier.reference, earlier.reference
    note.plan_since = (earlier.plan_since or earlier.created_at) if plan_unchanged else note.created_at


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def _in_areas(query: Select, areas: Optional[Collection[str]]) -> Select:
    return query if areas is None else query.where(Note.area.in_(sorted(areas)))


def _filtered(where: NoteFilter, areas: Optional[Collection[str]]) -> Select:
    """select(Note) narrowed to the reader's areas and the filter."""
    if where.since and where.until and where.since > where.until:
        raise ValueError("the start date is after the end date")
    query = _in_areas(select(Note), areas)
    for column, value in ((Note.area, where.area), (Note.role, where.role), (Note.age_band, where.age_band)):
        if value:
            query = query.where(column == value)
    if where.since:
        query = query.where(Note.created_at >= _midnight(where.since))
    if where.until:
        query = query.where(Note.created_at < _midnight(where.until + timedelta(days=1)))
    for flag in where.flags:
        query = query.where(Note.flags.any(NoteFlag.flag == flag))
    if where.discussed is not None:
        query = query.where(Note.discussed_at.isnot(None) if where.discussed else Note.discussed_at.is_(None))
    if where.reference:
        query = query.where(Note.reference.contains(re.sub(r"[\s-]", "", where.reference).upper(), autoescape=True))
    if where.text:
        needle = where.text.strip().lower()
        query = query.where(
            or_(
                func.lower(cast(Note.answers, Text)).contains(_json_escaped(needle), autoescape=True),
                func.lower(cast(Note.prompts, Text)).contains(_json_escaped(needle), autoescape=True),
            )
        )
    return query


def _json_escaped(text: str) -> str:
    """The text as it appears inside stored JSON (quotes, backslashes and non-ASCII escaped)."""
    return json.dumps(text)[1:-1]


def _as_dict(note: Note) -> dict:
    return {
        "reference": format_reference(note.reference),
        "created_at": note.created_at.isoformat(),
        "area": note.area,
        "role": note.role,
        "age_band": note.age_band,
        "answers": note.answers,
        "prompts": note.prompts,
        "flags": sorted(flag.flag for flag in note.flags),
        "discussed_at": note.discussed_at.isoformat() if note.discussed_at else None,
        "discussed_by": note.discussed_by,
        "comments": [
            {"author": c.author, "created_at": c.created_at.isoformat(), "text": c.text} for c in note.comments
        ],
        "case": format_reference(note.case_ref or note.reference),
        "follows": format_reference(note.follows) if note.follows else None,
        "changes": note.changes or [],
        "values": note.choice_values or {},
        "plan_since": (note.plan_since or note.created_at).isoformat(),
    }


def _values(draft: NoteDraft) -> Dict[str, Any]:
    """The columns of a note, keeping only known keys; ValueError on anything else."""
    return {
        "area": _id(draft.area, "area"),
        "role": None if draft.role is None else _id(draft.role, "role"),
        "age_band": None if draft.age_band is None else _id(draft.age_band, "age_band"),
        "answers": [
            {"question": _id(_key(a, "question"), "answer question"), "label": _text(_key(a, "label"), "answer label"),
             "text": _text(_key(a, "text"), "answer text")}
            for a in _list(draft.answers, "answers")
        ],
        "prompts": [
            {"id": _id(_key(p, "id"), "prompt id"), "text": _text(_key(p, "text"), "prompt text"),
             "sources": [_text(s, "prompt source") for s in _list(p.get("sources", []), "prompt sources")]}
            for p in _list(draft.prompts, "prompts")
        ],
        "flags": sorted({_id(flag, "flag") for flag in _list(draft.flags, "flags")}),
        "changes": [
            {"question": _id(_key(c, "question"), "change question"), "label": _text(_key(c, "label"), "change label"),
             "value": _change(_key(c, "value"))}
            for c in _list(draft.changes, "changes")
        ],
        "choice_values": {
            _id(question, "choice question"): _id(choice, "choice")
            for question, choice in _dict(draft.values, "values").items()
        },
    }


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise ValueError(f"{what} must be an id like 'north_somerset' (lower case, digits, _ or -)")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text, got a {type(value).__name__}")
    return value


def _list(value: Any, what: str) -> list:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list, got a {type(value).__name__}")
    return list(value)


def _dict(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a mapping, got a {type(value).__name__}")
    return value


def _change(value: Any) -> str:
    if value not in CHANGES:
        raise ValueError(f"a change must be one of {', '.join(CHANGES)}")
    return value


def _key(item: Any, key: str) -> Any:
    if not isinstance(item, dict) or key not in item:
        raise ValueError(f"each answer, prompt and change needs '{key}'")
    return item[key]
