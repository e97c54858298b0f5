"""A board's own local details: proposed by one person, published by a second,
every version kept: the one module that reads and writes them.

A detail (an area's front door, its escalation route...) is a list of facts,
each with the board's own source and the day it was checked. A proposal
replaces one detail of one area. Publishing it makes the next version of that
detail; Seen gives the newest version at once (seen.local_details), and the
area's YAML in knowledge/ while there is none, or after a rollback to it
(version 0). Every proposal, approval, rejection and rollback writes its audit
row in the same transaction, so the trail cannot miss a change.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Collection, Dict, List, Optional, Sequence, Union

from sqlalchemy import JSON, Column, Integer, String, UniqueConstraint, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped

from seen.audit import AuditRow
from seen.db import Base, Database, DatabaseUnavailable, UtcDateTime, utc_now
from seen.knowledge import AREA_DETAILS, Fact, Knowledge
from seen.months import months_after

MAX_FACTS = 5  # lines in one detail: a front door, an out-of-hours line, a web page...
OPEN, PUBLISHED, REJECTED, WITHDRAWN, SUPERSEDED = "open", "published", "rejected", "withdrawn", "superseded"
FROM_KNOWLEDGE = 0  # the version that is the area's YAML in knowledge/


class DetailError(ValueError):
    """A change that cannot be made; the message says why, for the person asking."""


class DetailVersionRow(Base):
    __tablename__ = "detail_versions"
    __table_args__ = (UniqueConstraint("area", "detail", "version", name="uq_detail_versions_area_detail_version"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    area: Mapped[str] = Column(String(64), nullable=False, index=True)
    detail: Mapped[str] = Column(String(32), nullable=False)
    version: Mapped[int] = Column(Integer, nullable=False)
    #: The facts as Fact.json() gives them; None gives the area's YAML again (a rollback to version 0).
    facts: Mapped[Optional[List[dict]]] = Column(JSON, nullable=True)
    published_at: Mapped[datetime] = Column(UtcDateTime, nullable=False, default=utc_now)
    proposed_by: Mapped[str] = Column(String(64), nullable=False)
    approved_by: Mapped[str] = Column(String(64), nullable=False)
    proposal_id: Mapped[Optional[int]] = Column(Integer, nullable=True)
    restores: Mapped[Optional[int]] = Column(Integer, nullable=True)  # the version a rollback brought back


class DetailProposalRow(Base):
    __tablename__ = "detail_proposals"

    id: Mapped[int] = Column(Integer, primary_key=True)
    area: Mapped[str] = Column(String(64), nullable=False, index=True)
    detail: Mapped[str] = Column(String(32), nullable=False)
    facts: Mapped[List[dict]] = Column(JSON, nullable=False)
    based_on: Mapped[int] = Column(Integer, nullable=False)  # the version it changes
    proposed_by: Mapped[str] = Column(String(64), nullable=False)
    proposed_at: Mapped[datetime] = Column(UtcDateTime, nullable=False, default=utc_now)
    status: Mapped[str] = Column(String(16), nullable=False, default=OPEN, index=True)
    decided_by: Mapped[Optional[str]] = Column(String(64), nullable=True)
    decided_at: Mapped[Optional[datetime]] = Column(UtcDateTime, nullable=True)
    reason: Mapped[Optional[str]] = Column(String(300), nullable=True)


@dataclass(frozen=True)
class Version:
    area: str
    detail: str
    version: int
    facts: Optional[List[Fact]]  # None: the area's YAML
    published_at: datetime
    proposed_by: str
    approved_by: str
    proposal_id: Optional[int]
    restores: Optional[int]


@dataclass(frozen=True)
class Proposal:
    id: int
    area: str
    detail: str
    facts: List[Fact]
    based_on: int
    proposed_by: str
    proposed_at: datetime
    status: str
    decided_by: Optional[str]
    decided_at: Optional[datetime]
    reason: Optional[str]


@dataclass(frozen=True)
class Due:
    """A published fact whose check is due: on ``due`` (past it when overdue)."""

    area: str
    detail: str
    text: str
    checked: date
    due: date
    overdue: bool


class BoardDetails:
    """Propose, publish, reject, roll back and read boards' details; each call is its own short session."""

    def __init__(self, database: Union[str, Database, None], kb: Knowledge) -> None:
        self._db = Database.of(database)
        self._kb = kb

    def published(self) -> Dict[str, Dict[str, List[Fact]]]:
        """Each area's details whose newest version is a board's own (not a rollback to the YAML)."""
        newest = (select(DetailVersionRow.area, DetailVersionRow.detail,
                         func.max(DetailVersionRow.version).label("version"))
                  .group_by(DetailVersionRow.area, DetailVersionRow.detail).subquery())
        query = select(DetailVersionRow).join(newest, (DetailVersionRow.area == newest.c.area)
                                              & (DetailVersionRow.detail == newest.c.detail)
                                              & (DetailVersionRow.version == newest.c.version))
        found: Dict[str, Dict[str, List[Fact]]] = {}
        with Database.unavailable(), self._db.read() as session:
            for row in session.scalars(query):
                if row.facts is not None and row.area in self._kb.areas:
                    found.setdefault(row.area, {})[row.detail] = _facts(row.facts)
        return found

    def history(self, area: str, detail: str) -> List[Version]:
        """Every version of one detail, newest first."""
        with Database.unavailable(), self._db.read() as session:
            rows = session.scalars(select(DetailVersionRow).where(
                DetailVersionRow.area == area, DetailVersionRow.detail == detail)
                .order_by(DetailVersionRow.version.desc()))
            return [_version(r) for r in rows]

    def propose(self, area: str, detail: str, facts: Sequence[Fact], by: str) -> Proposal:
        self._known(area, detail)
        facts = list(facts)
        if not facts:
            raise DetailError("Give at least one line for this detail.")
        if len(facts) > MAX_FACTS:
            raise DetailError(f"A detail has at most {MAX_FACTS} lines.")
        if any(f.board_source is None for f in facts):
            raise DetailError("Every line needs its source and the date you checked it.")
        with Database.unavailable(), self._db.begin() as session:
            row = DetailProposalRow(area=area, detail=detail, facts=_stored(facts), proposed_by=by,
                                    based_on=_newest(session, area, detail), status=OPEN)
            session.add(row)
            session.flush()
            session.add(_audit(by, "proposed local detail", area, detail, f"proposal {row.id}"))
            return _proposal(row)

    def proposal(self, proposal_id: int) -> Optional[Proposal]:
        with Database.unavailable(), self._db.read() as session:
            row = session.get(DetailProposalRow, proposal_id)
            return _proposal(row) if row else None

    def proposals(self, areas: Optional[Collection[str]]) -> List[Proposal]:
        """Open proposals in these areas (None: all), oldest first."""
        query = select(DetailProposalRow).where(DetailProposalRow.status == OPEN)
        if areas is not None:
            query = query.where(DetailProposalRow.area.in_(sorted(areas)))
        with Database.unavailable(), self._db.read() as session:
            return [_proposal(r) for r in session.scalars(query.order_by(DetailProposalRow.id))]

    def approve(self, proposal_id: int, by: str) -> Version:
        """Publish an open proposal as the detail's next version: never by the person who proposed it."""
        try:
            with Database.unavailable(), self._db.begin() as session:
                row = self._open(session, proposal_id)
                if row.proposed_by == by:
                    raise DetailError("A second person must approve this: you proposed it.")
                if _newest(session, row.area, row.detail) != row.based_on:
                    raise DetailError("This detail has changed since this was proposed: propose it again.")
                version = _publish(session, row.area, row.detail, row.facts, row.proposed_by, by, proposal=row)
                session.add(_audit(by, "approved local detail", row.area, row.detail,
                                   f"proposal {row.id} by {row.proposed_by}; now version {version.version}"))
                return _version(version)
        except DatabaseUnavailable as error:
            if isinstance(error.__cause__, IntegrityError):  # another approval took the same version number
                raise DetailError("This detail has changed since this was proposed: propose it again.") from None
            raise

    def reject(self, proposal_id: int, by: str, reason: str) -> None:
        """Turn a proposal down (its proposer may withdraw it the same way); the reason is kept."""
        with Database.unavailable(), self._db.begin() as session:
            row = self._open(session, proposal_id)
            row.status = WITHDRAWN if row.proposed_by == by else REJECTED
            row.decided_by, row.decided_at, row.reason = by, utc_now(), reason.strip()[:300] or None
            action = "withdrew local detail" if row.status == WITHDRAWN else "rejected local detail"
            session.add(_audit(by, action, row.area, row.detail, f"proposal {row.id}"))

    def rollback(self, area: str, detail: str, to_version: int, by: str) -> Version:
        """Publish an earlier version again as the newest (version 0: the area's YAML)."""
        self._known(area, detail)
        with Database.unavailable(), self._db.begin() as session:
            newest = _newest(session, area, detail)
            if not FROM_KNOWLEDGE <= to_version < newest:
                raise DetailError(f"There is no earlier version {to_version} to go back to.")
            earlier = None if to_version == FROM_KNOWLEDGE else session.scalars(select(DetailVersionRow).where(
                DetailVersionRow.area == area, DetailVersionRow.detail == detail,
                DetailVersionRow.version == to_version)).one()
            version = _publish(session, area, detail, earlier.facts if earlier else None, by, by,
                               restores=to_version)
            session.add(_audit(by, "rolled back local detail", area, detail,
                               f"version {version.version} restores version {to_version}"))
            return _version(version)

    def due(self, areas: Optional[Collection[str]], today: Optional[date] = None,
            within_days: int = 31) -> List[Due]:
        """Published facts whose review date has passed or comes within ``within_days``, soonest first."""
        today = today or date.today()
        found = []
        for area, details in self.published().items():
            if areas is not None and area not in areas:
                continue
            for detail, facts in details.items():
                for fact in facts:
                    checked = fact.board_source.checked
                    review = months_after(checked, self._kb.detail_review_months)
                    if (review - today).days <= within_days:
                        found.append(Due(area, detail, fact.text, checked, review, overdue=review <= today))
        return sorted(found, key=lambda d: (d.due, d.area, d.detail))

    def _known(self, area: str, detail: str) -> None:
        if area not in self._kb.areas or area == self._kb.fallback_area:
            raise DetailError(f"There is no area {area!r} whose board keeps its own details.")
        if detail not in AREA_DETAILS:
            raise DetailError(f"There is no detail {detail!r}; details are: {', '.join(AREA_DETAILS)}.")

    @staticmethod
    def _open(session, proposal_id: int) -> DetailProposalRow:
        row = session.get(DetailProposalRow, proposal_id)
        if row is None:
            raise DetailError("There is no such proposal.")
        if row.status != OPEN:
            raise DetailError(f"This proposal is already {row.status}.")
        return row


def _publish(session, area: str, detail: str, facts: Optional[List[dict]], proposed_by: str, approved_by: str,
             proposal: Optional[DetailProposalRow] = None, restores: Optional[int] = None) -> DetailVersionRow:
    """The next version of one detail; the other open proposals for it were written
    against the version before, so they are superseded, not left to approve by mistake."""
    now = utc_now()
    row = DetailVersionRow(area=area, detail=detail, version=_newest(session, area, detail) + 1, facts=facts,
                           published_at=now, proposed_by=proposed_by, approved_by=approved_by,
                           proposal_id=proposal.id if proposal else None, restores=restores)
    session.add(row)
    if proposal is not None:
        proposal.status, proposal.decided_by, proposal.decided_at = PUBLISHED, approved_by, now
    others = update(DetailProposalRow).where(
        DetailProposalRow.area == area, DetailProposalRow.detail == detail, DetailProposalRow.status == OPEN)
    if proposal is not None:
        others = others.where(DetailProposalRow.id != proposal.id)
    session.execute(others.values(status=SUPERSEDED, decided_at=now).execution_options(synchronize_session=False))
    session.flush()
    return row


def _newest(session, area: str, detail: str) -> int:
    return session.scalar(select(func.coalesce(func.max(DetailVersionRow.version), FROM_KNOWLEDGE)).where(
        DetailVersionRow.area == area, DetailVersionRow.detail == detail))


def _audit(by: str, action: str, area: str, detail: str, what: str) -> AuditRow:
    return AuditRow(actor=by[:64], action=action, target=f"{area}/{detail}"[:64], detail=what[:500])


def _stored(facts: Sequence[Fact]) -> List[dict]:
    return [json.loads(f.json(exclude_none=True)) for f in facts]


def _facts(stored: List[dict]) -> List[Fact]:
    return [Fact.parse_obj(f) for f in stored]


def _version(row: DetailVersionRow) -> Version:
    return Version(row.area, row.detail, row.version, None if row.facts is None else _facts(row.facts),
                   row.published_at, row.proposed_by, row.approved_by, row.proposal_id, row.restores)


def _proposal(row: DetailProposalRow) -> Proposal:
    return Proposal(row.id, row.area, row.detail, _facts(row.facts), row.based_on, row.proposed_by,
                    row.proposed_at, row.status, row.decided_by, row.decided_at, row.reason)
