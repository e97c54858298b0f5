"""A board's own detail reaches practitioners at once, over REST, with no
retraining: before, a Derby practitioner asking how to escalate gets the
general route; once one Derby editor proposes the front-door number and a
second approves it, the same question gets the number, the board's source and
the month it was checked; a detail checked over a year ago still comes, with
"please confirm locally"; a rollback brings the general route back. The
replies, as the practitioner saw them, go to
tests/artifacts/local-details-transcript.txt for the closing note."""

import time
import uuid
from datetime import date, timedelta
from typing import Callable

import pytest

from seen import knowledge
from seen.board_details import BoardDetails
from seen.knowledge import Fact
from tests.helpers import bot
from tests.helpers.paths import ARTIFACTS

KB = knowledge.load()
QUESTION = "What is the escalation process in Derby if I disagree with a social care decision?"
NUMBER = "01332 641172"
SOURCE = "https://www.derbyscb.org.uk/contact-us"
TRANSCRIPT = ARTIFACTS / "local-details-transcript.txt"


def front_door(checked: date) -> Fact:
    return Fact.parse_obj({"text": "Derby City Council children's social care (Initial Response Team)",
                           "phone": NUMBER, "source": {"url": SOURCE, "checked": checked}})


def asked() -> str:
    """A new conversation asks the question: all Seen's replies as one text."""
    sender = f"details-{uuid.uuid4()}"
    return "\n".join(m.get("text", "") for m in bot.send(sender, QUESTION))


def eventually(condition: Callable[[str], bool], seconds: float = 15) -> str:
    """The reply once it meets ``condition``: published details are read again within seconds."""
    deadline = time.monotonic() + seconds
    while True:
        said = asked()
        if condition(said) or time.monotonic() > deadline:
            return said
        time.sleep(1)


@pytest.fixture
def details(servers, notes_url):
    store = BoardDetails(notes_url, KB)
    yield store
    if store.history("derby", "front_door"):  # other tests' Derby replies are the YAML's again
        store.rollback("derby", "front_door", 0, by="test.admin")


def test_a_published_front_door_is_given_with_its_source_at_once_and_a_rollback_takes_it_back(details):
    checked = date.today() - timedelta(days=2)
    before = asked()
    assert NUMBER not in before and "general route" in before

    proposal = details.propose("derby", "front_door", [front_door(checked)], by="ann.derby")
    assert NUMBER not in eventually(lambda said: NUMBER in said, seconds=5)  # not before a second person approves
    details.approve(proposal.id, by="bea.derby")
    after = eventually(lambda said: NUMBER in said)

    assert f"Derby City Council children's social care (Initial Response Team), {NUMBER}" in after
    assert f"the board's own page {SOURCE} (checked {checked:%B %Y})" in after
    assert f"{KB.messages.call_999}\nIn Derby:" in after and "please confirm locally" not in after

    old = date.today() - timedelta(days=400)
    details.approve(details.propose("derby", "front_door", [front_door(old)], by="ann.derby").id, by="bea.derby")
    stale = eventually(lambda said: "please confirm locally" in said)
    assert f"{NUMBER} (last checked {old:%B %Y}: please confirm locally)" in stale

    details.rollback("derby", "front_door", 0, by="test.admin")
    back = eventually(lambda said: NUMBER not in said)
    assert NUMBER not in back and "general route" in back

    TRANSCRIPT.write_text("\n\n".join(f"--- {when} ---\nPractitioner: {QUESTION}\nSeen:\n{said}" for when, said in (
        ("before", before), ("after the second editor approved", after), ("checked over a year ago", stale),
        ("after the admin rolled back", back))) + "\n", encoding="utf-8")
