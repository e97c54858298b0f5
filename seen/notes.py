"""Anonymised reflection notes: the one module that reads and writes them.

The caller hands over an already-anonymised NoteDraft. Only its known fields
and keys are kept, so a sender id, raw message or anything else from the
tracker cannot slip in through an extra key. A note is found again by a short
random reference a practitioner can read out: 8 characters without 0/O/1/I,
shown as ABCD-EFGH. Flags sit in their own table so a board can count themes
with plain SQL. Nothing here logs what a note says (errors included:
the engine hides the values it sends).
"""

import logging
import re
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Dict, Iterator, List, Optional, Tuple

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, MetaData, String, and_, delete, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, declarative_base, relationship, sessionmaker
from sqlalchemy.sql import Select
from sqlalchemy.types import TypeDecorator

from seen.db import DatabaseUnavailable, database_url, describe, engine_for

log = logging.getLogger(__name__)

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
SAVE_ATTEMPTS = 5  # 32**8 codes: a second collision in a row means something else is wrong
EXPORT_PAGE = 500  # notes per short-lived session while exporting
ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # area, role, age band, question, prompt and flag ids


@dataclass(frozen=True)
class NoteDraft:
    """What the reflection hands over to be kept: ids and anonymised text only."""

    area: str
    role: Optional[str]
    age_band: Optional[str]
    answers: List[dict]  # {"question": id, "label": str, "text": str}, already anonymised
    prompts: List[dict]  # {"id": str, "text": str, "sources": [str]}
    flags: List[str]


class NotesUnavailable(DatabaseUnavailable):
    """The database cannot be reached or written; nothing was stored."""


# Models: typed columns in one place (SQLAlchemy 1.4 has no mapped_column).
Base = declarative_base(
    metadata=MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_name)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC in and out, also on SQLite, which keeps no zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a note's time must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect) -> Optional[datetime]:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


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
    flags: Mapped[List["NoteFlag"]] = relationship(
        "NoteFlag", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class NoteFlag(Base):
    __tablename__ = "note_flags"

    note_id: Mapped[int] = Column(Integer, ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True)
    flag: Mapped[str] = Column(String(64), primary_key=True, index=True)


class NoteStore:
    """Save, find, export and delete notes; each call is its own short session."""

    def __init__(self, url: Optional[str] = None) -> None:
        self._url = url
        self._engine: Optional[Engine] = None
        self._sessions: Optional[sessionmaker] = None

    @property
    def engine(self) -> Engine:
        """Created on first use, so importing or building a store touches no database."""
        self._maker()
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = self._sessions = None

    def save(self, draft: NoteDraft, created_at: Optional[datetime] = None) -> str:
        """Keep the note in one transaction and return its reference, ABCD-EFGH.

        created_at is for tests and imports; a note made now leaves it out.
        """
        values = _values(draft)
        if created_at is not None and created_at.tzinfo is None:
            raise ValueError("created_at must be timezone-aware")
        flags = values.pop("flags")
        with self._unavailable():
            for _ in range(SAVE_ATTEMPTS):
                code = _new_code()
                note = Note(reference=code, flags=[NoteFlag(flag=f) for f in flags], **values)
                if created_at is not None:
                    note.created_at = created_at
                try:
                    with self._begin() as session:
                        session.add(note)
                except IntegrityError as error:
                    refused = error
                    log.debug("reference already taken; drawing another")
                    continue
                log.info("saved a reflection note")
                return format_reference(code)
        raise NotesUnavailable(f"no unused reference after {SAVE_ATTEMPTS} attempts: {describe(refused)}")

    def get(self, reference: str) -> Optional[dict]:
        """The note for a reference (any case, dash or not), or None."""
        try:
            code = normalise_reference(reference)
        except ValueError:
            return None
        with self._unavailable(), self._read() as session:
            note = session.scalars(select(Note).where(Note.reference == code)).first()
            return _as_dict(note) if note else None

    def export(
        self, area: Optional[str] = None, since: Optional[date] = None, until: Optional[date] = None
    ) -> Iterator[dict]:
        """Notes oldest first, as JSON-able dicts; since and until are whole UTC days, inclusive."""
        if since and until and since > until:
            raise ValueError("since is after until")
        query = select(Note).order_by(Note.created_at, Note.id)
        if area:
            query = query.where(Note.area == area)
        if since:
            query = query.where(Note.created_at >= _midnight(since))
        if until:
            query = query.where(Note.created_at < _midnight(until + timedelta(days=1)))
        return self._pages(query)

    def flag_counts(self, area: Optional[str] = None) -> Dict[str, int]:
        """How many notes carry each flag: the themes a board looks at."""
        query = select(NoteFlag.flag, func.count()).group_by(NoteFlag.flag)
        if area:
            query = query.join(Note).where(Note.area == area)
        with self._unavailable(), self._read() as session:
            return dict(session.execute(query).all())

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
                page = page.where(or_(Note.created_at > after[0], and_(Note.created_at == after[0], Note.id > after[1])))
            with self._unavailable(), self._read() as session:
                notes = session.scalars(page.limit(EXPORT_PAGE)).all()
                rows = [_as_dict(note) for note in notes]
                after = (notes[-1].created_at, notes[-1].id) if notes else None
            yield from rows
            if len(rows) < EXPORT_PAGE:
                return

    def _read(self) -> Session:
        """A read-only unit of work: `with self._read() as session`."""
        return self._maker()()

    def _begin(self):
        """A unit of work that commits at the end of the block, or rolls back."""
        return self._maker().begin()

    def _maker(self) -> sessionmaker:
        if self._sessions is None:
            self._engine = engine_for(self._url or database_url())
            self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)
        return self._sessions

    @staticmethod
    @contextmanager
    def _unavailable():
        try:
            yield
        except SQLAlchemyError as error:
            reason = describe(error)
            log.warning("notes database unavailable: %s", reason)
            raise NotesUnavailable(reason) from error


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


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


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


def _key(item: Any, key: str) -> Any:
    if not isinstance(item, dict) or key not in item:
        raise ValueError(f"each answer and prompt needs '{key}'")
    return item[key]
