"""A board's local details on SQLite and PostgreSQL: nothing reaches Seen until
a second person approves it, every version is kept and can be brought back,
and the audit trail names who did what in the same transaction."""

from datetime import date, timedelta

import pytest

from seen import knowledge
from seen.audit import AuditLog
from seen.board_details import BoardDetails, DetailError
from seen.db import migrate
from seen.knowledge import Fact

KB = knowledge.default()


def front_door(phone: str, checked: date = None) -> Fact:
    return Fact.parse_obj({
        "text": "Derby City Council children's social care (Initial Response Team)", "phone": phone,
        "source": {"url": "https://www.derbyscb.org.uk/contact-us", "checked": checked or date.today()}})


@pytest.fixture
def details(backend) -> BoardDetails:
    migrate(backend.url)
    return BoardDetails(backend.url, KB)


def test_a_proposal_reaches_seen_only_once_a_second_person_approves_it(details, backend):
    proposal = details.propose("derby", "front_door", [front_door("01332 641172")], by="ann")
    assert details.published() == {}
    with pytest.raises(DetailError, match="second person"):
        details.approve(proposal.id, by="ann")
    assert details.published() == {} and details.proposal(proposal.id).status == "open"

    version = details.approve(proposal.id, by="bea")

    assert version.version == 1 and (version.proposed_by, version.approved_by) == ("ann", "bea")
    assert details.published()["derby"]["front_door"][0].phone == "01332 641172"
    trail = [(e.actor, e.action, e.target) for e in AuditLog(backend.url).page()[0]]
    assert ("ann", "proposed local detail", "derby/front_door") in trail
    assert ("bea", "approved local detail", "derby/front_door") in trail


def test_approving_twice_or_a_decided_proposal_changes_nothing(details):
    proposal = details.propose("derby", "front_door", [front_door("01332 641172")], by="ann")
    details.approve(proposal.id, by="bea")
    with pytest.raises(DetailError, match="already published"):
        details.approve(proposal.id, by="cal")
    assert [v.version for v in details.history("derby", "front_door")] == [1]


def test_publishing_supersedes_other_proposals_written_against_the_old_version(details):
    first = details.propose("derby", "front_door", [front_door("01332 641172")], by="ann")
    second = details.propose("derby", "front_door", [front_door("01332 640000")], by="cal")
    details.approve(first.id, by="bea")
    assert details.proposal(second.id).status == "superseded"
    with pytest.raises(DetailError, match="already superseded"):
        details.approve(second.id, by="bea")
    assert details.published()["derby"]["front_door"][0].phone == "01332 641172"


def test_rejected_and_withdrawn_proposals_are_kept_with_who_and_why(details):
    rejected = details.propose("derby", "front_door", [front_door("01332 641172")], by="ann")
    withdrawn = details.propose("derby", "escalation", [front_door("01332 641172")], by="ann")
    details.reject(rejected.id, by="bea", reason="That is the old number")
    details.reject(withdrawn.id, by="ann", reason="")
    assert (details.proposal(rejected.id).status, details.proposal(rejected.id).reason) == (
        "rejected", "That is the old number")
    assert details.proposal(withdrawn.id).status == "withdrawn"
    assert details.published() == {}


def test_rollback_brings_back_an_earlier_version_or_the_yaml(details):
    for phone, editor in (("01332 641172", "ann"), ("01332 640000", "cal")):
        details.approve(details.propose("derby", "front_door", [front_door(phone)], by=editor).id, by="bea")

    details.rollback("derby", "front_door", 1, by="admin")
    assert details.published()["derby"]["front_door"][0].phone == "01332 641172"
    details.rollback("derby", "front_door", 0, by="admin")
    assert details.published() == {}
    assert [(v.version, v.restores) for v in details.history("derby", "front_door")] == [
        (4, 0), (3, 1), (2, None), (1, None)]
    with pytest.raises(DetailError, match="no earlier version 4"):
        details.rollback("derby", "front_door", 4, by="admin")


def test_what_is_due_for_checking_comes_from_the_checked_date(details):
    old = front_door("01332 641172", checked=date.today() - timedelta(days=400))
    details.approve(details.propose("derby", "front_door", [old], by="ann").id, by="bea")
    details.approve(details.propose("rochdale", "front_door", [front_door("01706 925000")], by="ann").id, by="bea")

    due = details.due(None)
    assert [(d.area, d.detail, d.overdue) for d in due] == [("derby", "front_door", True)]
    assert details.due({"rochdale"}) == []
    assert details.due(None, today=date.today() + timedelta(days=340))[-1].area == "rochdale"


@pytest.mark.parametrize("area, detail, facts, message", [
    ("england", "front_door", None, "no area 'england'"),
    ("derby", "phone_book", None, "no detail"),
    ("derby", "front_door", [], "at least one line"),
    ("derby", "front_door", [Fact.parse_obj({"text": "A seed's words", "source": {
        "file": "003_05de88fadc29eae6.txt", "section": "What you can do"}})], "its source and the date"),
])
def test_a_proposal_without_a_board_source_or_for_no_board_is_refused(details, area, detail, facts, message):
    with pytest.raises(DetailError, match=message):
        details.propose(area, detail, [front_door("01332 641172")] if facts is None else facts, by="ann")
    assert details.proposals(None) == []
