"""What a practitioner is told once a board has published its own detail: the
detail with its source and the month it was checked, "please confirm locally"
once that check is 12 months old, and the last good copy when the database
is down."""

from datetime import date, timedelta

import pytest

from seen import knowledge, replies
from seen.db import DatabaseUnavailable
from seen.knowledge import Fact
from seen.local_details import RETRY_SECONDS, LiveDetails, overlaid
from tests.helpers.dates import months_ago

KB = knowledge.default()


def fact(checked: date, **source) -> Fact:
    return Fact.parse_obj({
        "text": "Derby City Council children's social care (Initial Response Team)", "phone": "01332641172",
        "source": {**(source or {"url": "https://www.derbyscb.org.uk/contact-us"}), "checked": checked}})


def escalation_reply(kb) -> str:
    return replies.area_details(kb, kb.areas["derby"], ["front_door", "escalation"]).text


def test_a_published_detail_replaces_the_general_route_with_its_source_and_checked_month():
    checked = date.today() - timedelta(days=3)
    before = escalation_reply(KB)
    after = escalation_reply(overlaid(KB, {"derby": {"front_door": [fact(checked)]}}))

    assert "01332 641172" not in before and "general route" in before
    assert "- Derby City Council children's social care (Initial Response Team), 01332 641172" in after
    assert f"the board's own page https://www.derbyscb.org.uk/contact-us (checked {checked:%B %Y})" in after
    assert after.startswith(KB.messages.call_999)
    assert "please confirm locally" not in after


def test_a_document_source_is_named_by_its_title_and_section():
    said = escalation_reply(overlaid(KB, {"derby": {"front_door": [
        fact(date.today(), title="Derby and Derbyshire escalation policy", section="3. Contacts")]}}))
    assert "the board's \"Derby and Derbyshire escalation policy\", 3. Contacts (checked" in said


@pytest.mark.parametrize("months, stale", [(11, False), (12, True), (30, True)])
def test_a_detail_is_still_given_past_its_review_date_but_asks_to_be_confirmed(months, stale):
    checked = months_ago(months).date()
    said = escalation_reply(overlaid(KB, {"derby": {"front_door": [fact(checked)]}}))
    assert "01332 641172" in said
    assert (f"(last checked {checked:%B %Y}: please confirm locally)" in said) is stale


def test_the_emergency_reply_gives_the_published_front_door_after_999():
    kb = overlaid(KB, {"derby": {"front_door": [fact(date.today())]}})
    [route] = replies.emergency_follow_up(kb, kb.areas["derby"], None)
    assert "01332 641172" in route.text
    assert replies.emergency_follow_up(KB, KB.areas["derby"], None) == []


def test_other_areas_and_details_keep_their_yaml():
    kb = overlaid(KB, {"derby": {"front_door": [fact(date.today())]}})
    assert kb.areas["rochdale"] == KB.areas["rochdale"]
    assert kb.areas["derby"].procedures == KB.areas["derby"].procedures


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_published_details_are_read_again_within_seconds_and_the_last_copy_serves_an_outage():
    clock, reads = Clock(), []
    published = {"derby": {"front_door": [fact(date.today())]}}

    def read():
        reads.append(clock.now)
        if len(reads) >= 3:
            raise DatabaseUnavailable("server closed the connection")
        return published

    live = LiveDetails(read, clock)
    assert "01332 641172" in escalation_reply(live.knowledge(KB))
    escalation_reply(live.knowledge(KB))
    assert len(reads) == 1  # cached between refreshes
    clock.now += 3
    live.knowledge(KB)
    clock.now += 3
    kb = live.knowledge(KB)  # the database is down: the last good copy
    assert "01332 641172" in escalation_reply(kb) and len(reads) == 3
    clock.now += RETRY_SECONDS - 1
    live.knowledge(KB)
    assert len(reads) == 3  # not tried again during an outage, so no turn waits on it


def test_before_the_first_good_read_an_outage_gives_the_yaml():
    def read():
        raise DatabaseUnavailable("could not connect")

    assert LiveDetails(read).knowledge(KB).areas == KB.areas


def test_a_detail_checked_on_29_february_asks_to_be_confirmed_from_28_february_next_year():
    checked = fact(date(2024, 2, 29))
    assert replies.stale_since(KB, checked, today=date(2025, 2, 27)) is None
    assert replies.stale_since(KB, checked, today=date(2025, 2, 28)) == "February 2024"
