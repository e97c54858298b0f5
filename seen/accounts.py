"""Supervisor, board editor and admin accounts: the one module that reads and writes them.

A supervisor reads the notes of their areas; a board editor edits their areas'
local details and reads no notes; an admin does both, for every area.

Passwords are hashed with Argon2id (argon2-cffi's defaults) and never kept or
logged. After MAX_FAILURES wrong passwords in a row an account is locked for
LOCKOUT; a lock and a wrong user name look the same to the person signing in.
`session_version` goes up on sign-out, password change and disabling, which
ends every session that account had open.
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import FrozenSet, Iterable, List, Optional, Union

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, relationship

from seen.db import Base, Database, DatabaseUnavailable, UtcDateTime, utc_now

log = logging.getLogger(__name__)

ROLES = ("supervisor", "editor", "admin")
ROLE_NAMES = {"supervisor": "Supervisor", "editor": "Board editor", "admin": "Admin"}  # what people see
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{2,63}")
MIN_PASSWORD = 12
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)

_NEEDS_AREAS = {"supervisor": "a supervisor", "editor": "a board editor"}  # an admin has every area

_hasher = PasswordHasher()  # Argon2id with the library's current recommended costs
_DUMMY_HASH = _hasher.hash("a password nobody has")  # an unknown user costs as much as a wrong password


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message says why, for the person asking."""


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = Column(Integer, primary_key=True)
    username: Mapped[str] = Column(String(64), nullable=False, unique=True)
    password_hash: Mapped[str] = Column(String(255), nullable=False)
    role: Mapped[str] = Column(String(16), nullable=False)
    active: Mapped[bool] = Column(Boolean, nullable=False, default=True)
    failed_logins: Mapped[int] = Column(Integer, nullable=False, default=0)
    locked_until: Mapped[Optional[datetime]] = Column(UtcDateTime, nullable=True)
    session_version: Mapped[int] = Column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = Column(UtcDateTime, nullable=False, default=utc_now)
    last_login_at: Mapped[Optional[datetime]] = Column(UtcDateTime, nullable=True)
    areas: Mapped[List["AccountArea"]] = relationship(
        "AccountArea", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class AccountArea(Base):
    __tablename__ = "account_areas"

    account_id: Mapped[int] = Column(Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    area: Mapped[str] = Column(String(64), primary_key=True)


@dataclass(frozen=True)
class Account:
    """What the rest of Seen knows about an account: never its password hash."""

    id: int
    username: str
    role: str
    areas: FrozenSet[str]
    active: bool
    locked: bool
    session_version: int
    last_login_at: Optional[datetime]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"

    @property
    def reads_notes(self) -> bool:
        """A board editor keeps local details up to date; the notes are for supervision, not for them."""
        return not self.is_editor

    def edits(self, area: str) -> bool:
        """Whether this account may change `area`'s local details: admins any, editors their own."""
        return self.is_admin or (self.is_editor and area in self.areas)

    @property
    def visible_areas(self) -> Optional[FrozenSet[str]]:
        """The areas whose notes (or themes, for an editor) this account may see; None means all (admins)."""
        return None if self.is_admin else self.areas


class AccountStore:
    """Create, authenticate and change accounts; each call is its own short session."""

    def __init__(self, database: Union[str, Database, None] = None, known_areas: Iterable[str] = ()) -> None:
        self._db = Database.of(database)
        self._known_areas = frozenset(known_areas)

    def create(self, username: str, password: str, role: str, areas: Iterable[str]) -> Account:
        username = _username(username)
        row = AccountRow(
            username=username, password_hash=_hasher.hash(_password(password)), role=_role(role),
            active=True, failed_logins=0, session_version=1,
        )
        row.areas = [AccountArea(area=a) for a in self._areas(role, areas)]
        try:
            with Database.unavailable(), self._db.begin() as session:
                session.add(row)
        except DatabaseUnavailable as error:
            if isinstance(error.__cause__, IntegrityError):
                raise AccountError(f"there is already an account called {username!r}") from None
            raise
        log.info("account created")
        return _account(row)

    def authenticate(self, username: str, password: str) -> Optional[Account]:
        """The account if the password is right and it is active and unlocked; else None, whatever the reason.

        Each attempt takes one of the account's tries before the password is
        checked, with an UPDATE that only succeeds while tries are left, so
        guesses sent in parallel cannot share a try: MAX_FAILURES wrong
        passwords in a row lock it, however they arrive."""
        now = utc_now()
        with Database.unavailable(), self._db.begin() as session:
            row = _find(session, username)
            if row is None or not row.active or (row.locked_until and row.locked_until > now):
                account_id = None
            else:
                account_id = row.id
                if row.locked_until:  # a lock that has run out: start counting again
                    session.execute(update(AccountRow).where(
                        AccountRow.id == row.id, AccountRow.locked_until == row.locked_until)
                        .values(failed_logins=0, locked_until=None))
                taken = session.execute(update(AccountRow).where(
                    AccountRow.id == row.id, AccountRow.locked_until.is_(None), AccountRow.failed_logins < MAX_FAILURES)
                    .values(failed_logins=AccountRow.failed_logins + 1)).rowcount
                account_id = account_id if taken else None
            stored = row.password_hash if account_id else _DUMMY_HASH
        right = _verify(stored, password) and account_id is not None
        with Database.unavailable(), self._db.begin() as session:
            if not right:
                if account_id is not None and session.execute(update(AccountRow).where(
                        AccountRow.id == account_id, AccountRow.locked_until.is_(None),
                        AccountRow.failed_logins >= MAX_FAILURES)
                        .values(locked_until=now + LOCKOUT)).rowcount:
                    log.warning("account locked after %d failed sign-ins", MAX_FAILURES)
                return None
            row = session.get(AccountRow, account_id)
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            row.failed_logins, row.locked_until, row.last_login_at = 0, None, now
            return _account(row)

    def get(self, account_id: int) -> Optional[Account]:
        with Database.unavailable(), self._db.read() as session:
            row = session.get(AccountRow, account_id)
            return _account(row) if row else None

    def by_username(self, username: str) -> Optional[Account]:
        with Database.unavailable(), self._db.read() as session:
            row = _find(session, username)
            return _account(row) if row else None

    def all(self) -> List[Account]:
        with Database.unavailable(), self._db.read() as session:
            return [_account(r) for r in session.scalars(select(AccountRow).order_by(AccountRow.username))]

    def update(self, username: str, *, role: Optional[str] = None, areas: Optional[Iterable[str]] = None,
               active: Optional[bool] = None) -> Account:
        """Change role, areas or active; disabling ends the account's sessions."""
        with Database.unavailable(), self._db.begin() as session:
            row = self._row(session, username)
            if role is not None:
                row.role = _role(role)
            if areas is not None or role is not None:
                wanted = self._areas(row.role, areas if areas is not None else [a.area for a in row.areas])
                row.areas = [AccountArea(area=a) for a in wanted]
            if active is not None and active != row.active:
                row.active = active
                row.session_version += 1
            return _account(row)

    def set_password(self, username: str, password: str) -> None:
        """A new password; unlocks the account and ends its sessions."""
        hashed = _hasher.hash(_password(password))
        with Database.unavailable(), self._db.begin() as session:
            row = self._row(session, username)
            row.password_hash, row.failed_logins, row.locked_until = hashed, 0, None
            row.session_version += 1

    def unlock(self, username: str) -> None:
        with Database.unavailable(), self._db.begin() as session:
            row = self._row(session, username)
            row.failed_logins, row.locked_until = 0, None

    def end_sessions(self, account_id: int) -> None:
        """Sign-out: a copied session cookie stops working too."""
        with Database.unavailable(), self._db.begin() as session:
            row = session.get(AccountRow, account_id)
            if row is not None:
                row.session_version += 1

    def _areas(self, role: str, areas: Iterable[str]) -> List[str]:
        chosen = sorted({str(a).strip() for a in areas if str(a).strip()})
        unknown = [a for a in chosen if self._known_areas and a not in self._known_areas]
        if unknown:
            raise AccountError(f"unknown area {unknown[0]!r}; areas are: {', '.join(sorted(self._known_areas))}")
        if role in _NEEDS_AREAS and not chosen:
            raise AccountError(f"{_NEEDS_AREAS[role]} needs at least one area")
        return chosen

    @staticmethod
    def _row(session, username: str) -> AccountRow:
        row = _find(session, username)
        if row is None:
            raise AccountError(f"there is no account called {username!r}")
        return row


def _find(session, username: str) -> Optional[AccountRow]:
    """User names are kept in lower case; what was typed may not be."""
    return session.scalars(select(AccountRow).where(AccountRow.username == str(username).strip().lower())).first()


def _account(row: AccountRow) -> Account:
    return Account(
        id=row.id, username=row.username, role=row.role, areas=frozenset(a.area for a in row.areas),
        active=row.active, locked=bool(row.locked_until and row.locked_until > utc_now()),
        session_version=row.session_version, last_login_at=row.last_login_at,
    )


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _username(username: str) -> str:
    name = str(username).strip().lower()
    if not USERNAME.fullmatch(name):
        raise AccountError("a user name is 3 to 64 letters, digits, dots, dashes, @ or underscores")
    return name


def _password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def _role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"a role is one of: {', '.join(ROLES)}")
    return role
