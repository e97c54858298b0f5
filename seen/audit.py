"""The audit trail: who viewed, exported, changed or deleted what, and when.

Rows are only ever added: this module has no update or delete, and the web
app shows them read-only to admins. Details hold ids and counts, never what a
note or a comment says.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional, Tuple, Union

from sqlalchemy import Column, Integer, String, select
from sqlalchemy.orm import Mapped

from seen.db import Base, Database, UtcDateTime, one_page, utc_now

CONSOLE = "console"  # the actor for changes made with seen-notes or seen-accounts


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = Column(Integer, primary_key=True)
    at: Mapped[datetime] = Column(UtcDateTime, nullable=False, default=utc_now, index=True)
    actor: Mapped[str] = Column(String(64), nullable=False)
    action: Mapped[str] = Column(String(64), nullable=False, index=True)
    target: Mapped[Optional[str]] = Column(String(64), nullable=True)
    detail: Mapped[Optional[str]] = Column(String(500), nullable=True)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    target: Optional[str]
    detail: Optional[str]


class AuditLog:
    def __init__(self, database: Union[str, Database, None] = None) -> None:
        self._db = Database.of(database)

    def record(self, actor: str, action: str, target: Optional[str] = None, detail: Optional[str] = None) -> None:
        row = AuditRow(actor=actor[:64], action=action[:64], target=target and target[:64],
                       detail=detail and detail[:500])
        with Database.unavailable(), self._db.begin() as session:
            session.add(row)

    def page(self, number: int = 1, size: int = 50, action: Optional[str] = None,
             actor: Optional[str] = None) -> Tuple[List[AuditEntry], int]:
        """Newest first, and how many rows match in all."""
        query = select(AuditRow)
        if action:
            query = query.where(AuditRow.action == action)
        if actor:
            query = query.where(AuditRow.actor == actor)
        with Database.unavailable(), self._db.read() as session:
            rows, total = one_page(session, query.order_by(AuditRow.at.desc(), AuditRow.id.desc()), number, size)
            return [AuditEntry(r.at, r.actor, r.action, r.target, r.detail) for r in rows], total

    def actions(self) -> List[str]:
        with Database.unavailable(), self._db.read() as session:
            return list(session.scalars(select(AuditRow.action).distinct().order_by(AuditRow.action)))
