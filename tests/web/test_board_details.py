"""Boards keeping their own local details: an editor proposes a detail with its
source and sees what Seen will say; a second person publishes it and Seen
gives it at once; another area's editor sees nothing of it; bad input is
refused with a message by the field; a detail past its check is flagged; an
admin rolls back; an area's details go out and come back in as YAML."""

import html
import io
import re
import shutil
from datetime import date, timedelta
from typing import Iterator

import pytest

from seen import knowledge, replies
from seen.board_details import BoardDetails
from seen.db import Database
from seen.local_details import overlaid
from seen.settings import KNOWLEDGE_DIR
from tests.helpers.dates import months_ago
from tests.helpers.web import PASSWORD, Visitor

FRONT_DOOR = "Derby City Council children's social care (Initial Response Team)"
PHONE, NEW_PHONE = "01332 641172", "01332 642855"
SOURCE = "https://www.derbyscb.org.uk/contact-us"
CHECKED = date.today() - timedelta(days=3)
GENERAL_ROUTE = "the general route applies"
PROPOSE = "/details/derby/front_door/propose"


@pytest.fixture
def editors(accounts) -> None:
    for username, area in (("derby.editor", "derby"), ("derby.editor2", "derby"), ("rochdale.editor", "rochdale")):
        accounts.create(username, PASSWORD, "editor", [area])


@pytest.fixture
def store(database_url) -> Iterator[BoardDetails]:
    database = Database(database_url)
    yield BoardDetails(database, knowledge.default())
    database.close()


@pytest.fixture
def editor(visitor, editors) -> Visitor:
    visitor.sign_in("derby.editor")
    return visitor


@pytest.fixture
def second(another, editors) -> Visitor:
    another.sign_in("derby.editor2")
    return another


def line(number: int = 0, text: str = FRONT_DOOR, phone: str = PHONE, url: str = "", source_url: str = SOURCE,
         title: str = "", section: str = "", checked=CHECKED) -> dict:
    """One line of the propose form, as the browser posts it."""
    values = {"text": text, "phone": phone, "url": url, "source_url": source_url, "source_title": title,
              "source_section": section, "checked": checked.isoformat() if checked else ""}
    return {f"lines-{number}-{name}": value for name, value in values.items()}


def propose(visitor: Visitor, button: str = "propose", page: str = PROPOSE, **fields):
    return visitor.submit(page, {**line(**fields), button: "pressed"})


def proposed(visitor: Visitor, **fields) -> int:
    """Propose a front door; the new proposal's id."""
    response = propose(visitor, **fields)
    assert response.status_code == 302, visitor.text
    return int(response.headers["Location"].rsplit("/", 1)[1])


def approve(visitor: Visitor, proposal_id: int):
    return visitor.submit(f"/details/proposals/{proposal_id}/approve", page=f"/details/proposals/{proposal_id}",
                          follow_redirects=True)


def published_front_door(editor: Visitor, second: Visitor, **fields) -> int:
    proposal_id = proposed(editor, **fields)
    assert approve(second, proposal_id).status_code == 200
    return proposal_id


def words(html: str) -> str:
    """What a person reads in a piece of the page: no tags, single spaces."""
    return re.sub(r" ([.,:)])", r"\1", " ".join(re.sub(r"<[^>]+>", " ", html).split()))


def section(visitor: Visitor, start: str, end: str = "</section>") -> str:
    return words(visitor.text.split(start, 1)[1].split(end, 1)[0])


def previews(visitor: Visitor) -> tuple:
    """The two preview boxes: what Seen says now, and what it will say."""
    now = visitor.text.split("Preview: What Seen says now", 1)[1].split("</figure>", 1)[0]
    then = visitor.text.split("Preview: What Seen will say", 1)[1].split("</figure>", 1)[0]
    return words(now), words(then)


def front_door(visitor: Visitor) -> str:
    visitor.get("/details/derby")
    return section(visitor, 'id="front_door"')


def audit_rows(app) -> list:
    entries, _ = app.extensions["seen"].audit.page(size=500)
    return [(e.actor, e.action, e.target, e.detail) for e in entries]


def test_an_editor_previews_a_front_door_with_its_source_and_nothing_is_published_yet(editor, store):
    assert editor.get(PROPOSE).status_code == 200
    assert 'name="lines-0-text"' in editor.page and 'name="lines-1-text"' not in editor.page
    assert propose(editor, button="preview").status_code == 200
    now, then = previews(editor)
    assert GENERAL_ROUTE in now and PHONE not in now
    assert FRONT_DOOR in then and PHONE in then
    assert f"{SOURCE} (checked {CHECKED:%B %Y})" in then
    assert then.startswith("A child in immediate danger: call 999 now.")
    assert store.proposals(None) == []

    proposal_id = proposed(editor)
    editor.get(f"/details/proposals/{proposal_id}")
    assert "Proposed. Another editor of Derby or an admin must approve it before Seen uses it." in editor.text
    assert "Waiting for a second person" in editor.text
    assert f"Source: {SOURCE}, checked {CHECKED:%B %Y}" in words(editor.text)
    assert "Not yet filled in: Seen gives the general route." in front_door(editor)
    assert "Waiting for a second person" in front_door(editor)
    assert store.published() == {}


def test_the_proposer_cannot_approve_their_own_proposal(editor, store):
    proposal_id = proposed(editor)
    editor.get(f"/details/proposals/{proposal_id}")
    assert "Approve and publish" not in editor.text
    assert "Waiting for another editor of Derby or an admin" in editor.text and "Withdraw" in editor.text
    response = approve(editor, proposal_id)
    assert "A second person must approve this: you proposed it." in editor.text
    assert 'class="message error"' in editor.page and response.status_code == 200
    assert store.proposal(proposal_id).status == "open" and store.published() == {}


def test_a_second_editor_approves_and_seen_gives_the_detail_at_once(app, editor, second, store):
    proposal_id = proposed(editor)
    second.get(f"/details/proposals/{proposal_id}")
    assert "Approve and publish" in second.text and "Withdraw" not in second.text
    approve(second, proposal_id)
    assert "Published: Seen gives this to practitioners in Derby from now on." in second.text
    shown = front_door(second)
    assert FRONT_DOOR in shown and f"Phone number: {PHONE}" in shown
    assert "Version 1: proposed by derby.editor, approved by derby.editor2" in shown

    facts = store.published()["derby"]["front_door"]
    assert [(f.text, f.phone, f.board_source.url, f.board_source.checked) for f in facts] == [
        (FRONT_DOOR, PHONE, SOURCE, CHECKED)]
    kb = overlaid(knowledge.default(), store.published())
    assert PHONE in replies.area_details(kb, kb.areas["derby"], ["front_door"]).text
    rows = audit_rows(app)
    assert ("derby.editor", "proposed local detail", "derby/front_door", f"proposal {proposal_id}") in rows
    assert ("derby.editor2", "approved local detail", "derby/front_door",
            f"proposal {proposal_id} by derby.editor; now version 1") in rows


def test_another_areas_editor_can_neither_see_nor_change_derby(editor, another, store):
    proposal_id = proposed(editor)
    another.sign_in("rochdale.editor")
    another.get("/details")
    assert "Rochdale" in another.text and "Derby" not in another.text
    for page in ("/details/derby", PROPOSE, "/details/derby/front_door/history", "/details/derby/export.yml",
                 f"/details/proposals/{proposal_id}"):
        assert another.get(page).status_code == 404, page
    for action in (f"/details/proposals/{proposal_id}/approve", f"/details/proposals/{proposal_id}/reject",
                   PROPOSE, "/details/derby/import", "/details/derby/front_door/rollback"):
        assert another.submit(action, {**line(), "reason": "no", "version": "0"}, page="/details").status_code \
            == 404, action
    assert store.proposal(proposal_id).status == "open" and store.published() == {}


def test_a_supervisor_has_no_local_details_and_an_unknown_area_is_not_found(visitor, editors):
    visitor.sign_in("derby.supervisor")
    assert visitor.get("/details").status_code == 403
    assert visitor.get("/details/derby").status_code == 403
    assert 'href="/details"' not in visitor.get("/themes").get_data(as_text=True)
    visitor.sign_out()
    visitor.sign_in("board.admin")
    for page in ("/details/kent", "/details/england", "/details/derby/phone/propose"):
        assert visitor.get(page).status_code == 404, page


def test_editors_and_admins_have_a_local_details_link(visitor, editors):
    visitor.sign_in("derby.editor")
    visitor.get("/details")
    assert '<a href="/details" aria-current="page">Local details</a>' in visitor.page
    assert [a for a in re.findall(r'<h2 id="area-(\w+)">', visitor.page)] == ["derby"]
    visitor.sign_out()
    visitor.sign_in("board.admin")
    visitor.get("/details")
    assert re.findall(r'<h2 id="area-(\w+)">', visitor.page) == [
        "derby", "north_somerset", "rochdale", "salford", "sandwell"]


@pytest.mark.parametrize("fields, field, message", [
    ({"phone": "01332 64117"}, "phone", "That isn't a UK phone number"),
    ({"phone": "+1 202 555 0143"}, "phone", "That is a number outside the UK"),
    ({"url": "javascript:alert(1)"}, "url", "Only https:// web addresses are accepted."),
    ({"url": "http://www.derbyscb.org.uk/"}, "url", "Web addresses must start with https://"),
    ({"source_url": "http://www.derbyscb.org.uk/"}, "source_url", "Web addresses must start with https://"),
    ({"text": "<script>alert(1)</script>"}, "text", "has an HTML tag in it"),
    ({"text": "<b>bold</b>"}, "text", "has an HTML tag in it"),
    ({"text": "Call 01332 641172"}, "text", "has a phone number in it: put it in the phone number field"),
    ({"source_url": ""}, "source_url", "Give the source as either a web address, or a document's title and section."),
    ({"source_url": "", "title": "Derby procedures"}, "source_section", "needs both its title and the section"),
    ({"checked": date.today() + timedelta(days=2)}, "checked", "The date checked is in the future"),
    ({"checked": None}, "checked", "Give the day you checked it"),
    ({"text": ""}, "text", "Type what Seen should say on this line."),
    ({"text": "", "phone": "", "source_url": "", "checked": None}, "text", "Give at least one line"),
])
def test_invalid_input_is_refused_by_its_field_and_nothing_is_stored(app, editor, store, fields, field, message):
    response = propose(editor, **fields)
    assert response.status_code == 400
    summary = re.search(rf'<a href="#lines-0-{field}">Line 1: ([^<]+)</a>', editor.page)  # linked to the field
    assert summary and message in html.unescape(summary.group(1))
    error_id = f"lines-0-{field}-error"
    assert f'id="{error_id}"' in editor.page and f'aria-describedby="{error_id}"' in editor.page
    assert "<script>alert" not in editor.page and "<b>bold" not in editor.page
    assert store.proposals(None) == [] and store.published() == {}
    assert not [row for row in audit_rows(app) if row[1] == "proposed local detail"]


def test_a_second_line_is_checked_too_and_blank_lines_are_left_out(editor, store):
    data = {**line(0), **line(1, text="Out of hours", phone="01332 78632"), **line(2, text="", phone="",
                                                                                   source_url="", checked=None)}
    assert editor.submit(PROPOSE, {**data, "propose": "pressed"}).status_code == 400
    assert '<a href="#lines-1-phone">Line 2: That isn' in editor.text
    data.update(line(1, text="Emergency Duty Team (out of hours)", phone="01332 786968"))
    assert editor.submit(PROPOSE, {**data, "propose": "pressed"}).status_code == 302
    [proposal] = store.proposals(["derby"])
    assert [f.phone for f in proposal.facts] == [PHONE, "01332 786968"]


def test_the_form_starts_from_the_current_lines(editor, second):
    editor.get("/details/derby/tools/propose")
    assert 'name="lines-0-text" type="text" value="the Early Help Assessment"' in editor.page
    assert 'name="lines-0-source_url" type="text" value=""' in editor.page  # a seed's source is the editor's to give
    assert "required" not in editor.page  # a line left blank is left out
    assert 'name="lines-4-text"' in editor.page and 'name="lines-5-text"' not in editor.page
    published_front_door(editor, second)
    editor.get(PROPOSE)
    assert f'value="{PHONE}"' in editor.page and f'value="{SOURCE}"' in editor.page
    assert f'value="{CHECKED.isoformat()}"' in editor.page and 'name="lines-1-text"' in editor.page


def test_a_reviewer_rejects_with_a_reason_and_a_proposer_withdraws(editor, second, store):
    first, then = proposed(editor), proposed(editor, phone=NEW_PHONE)
    reject = f"/details/proposals/{first}/reject"
    assert second.submit(reject, {"reason": ""}, page=f"/details/proposals/{first}").status_code == 400
    assert "Say why it should not be published" in second.text
    second.submit(reject, {"reason": "That is the old number."}, page=f"/details/proposals/{first}",
                  follow_redirects=True)
    assert "Rejected: derby.editor sees your reason on the proposal." in second.text
    editor.get(f"/details/proposals/{first}")
    assert "Rejected by derby.editor2" in words(editor.text) and "Reason: That is the old number." in editor.text
    editor.submit(f"/details/proposals/{then}/reject", page=f"/details/proposals/{then}", follow_redirects=True)
    assert "Withdrawn: nothing changes in what Seen says." in editor.text
    assert [store.proposal(p).status for p in (first, then)] == ["rejected", "withdrawn"]


def test_a_detail_checked_13_months_ago_says_confirm_locally_and_shows_overdue(editor, second, another, app, accounts):
    stale = months_ago(13).date()
    proposal_id = proposed(editor, checked=stale)
    editor.get(f"/details/proposals/{proposal_id}")
    _now, then = previews(editor)
    assert f"{PHONE} (last checked {stale:%B %Y}: please confirm locally)" in then
    approve(second, proposal_id)
    editor.get("/details")
    assert "Overdue" in section(editor, 'id="area-derby"') and FRONT_DOOR in section(editor, 'id="area-derby"')
    assert "Overdue" in front_door(editor)

    supervisor = Visitor(app.test_client())
    supervisor.sign_in("derby.supervisor")
    supervisor.get("/themes")
    due = section(supervisor, 'id="details-due"', "</table>")
    assert "Local details due for checking" in due
    assert f"Derby Contacting children's social care {FRONT_DOOR} {stale:%B %Y}" in due and "Overdue" in due
    supervisor.sign_out()
    supervisor.sign_in("two.areas")
    supervisor.get("/themes")
    assert 'id="details-due"' not in supervisor.page  # not their area


def test_an_admin_rolls_back_to_the_yaml_and_to_an_earlier_version(app, editor, second, store):
    published_front_door(editor, second)
    admin = Visitor(app.test_client())
    admin.sign_in("board.admin")
    admin.get("/details/derby/front_door/history")
    assert "Version 1 (Seen gives this now)" in admin.text and "Version 0: From knowledge/areas/derby.yml" in admin.text
    assert admin.text.count("Roll back to this version") == 1
    admin.submit("/details/derby/front_door/rollback", {"version": "0"}, page="/details/derby/front_door/history",
                 follow_redirects=True)
    assert "Rolled back: Seen gives the details in knowledge/ again." in admin.text
    assert "Not yet filled in: Seen gives the general route." in front_door(admin)
    propose(admin, button="preview")
    assert GENERAL_ROUTE in previews(admin)[0]
    assert store.published() == {}

    published_front_door(editor, second, phone=NEW_PHONE)  # version 3
    admin.submit("/details/derby/front_door/rollback", {"version": "1"}, page="/details/derby/front_door/history",
                 follow_redirects=True)
    assert "Rolled back: Seen gives version 1's details again." in admin.text
    assert "Restores version 1: rolled back by board.admin" in words(admin.text)
    assert PHONE in front_door(admin) and NEW_PHONE not in front_door(admin)
    assert [f.phone for f in store.published()["derby"]["front_door"]] == [PHONE]


def test_an_editor_cannot_roll_back(editor, second, store):
    published_front_door(editor, second)
    editor.get("/details/derby/front_door/history")
    assert "Roll back" not in editor.text
    response = editor.submit("/details/derby/front_door/rollback", {"version": "0"},
                             page="/details/derby/front_door/history")
    assert response.status_code == 403
    assert store.published()["derby"]["front_door"][0].phone == PHONE


def test_the_export_loads_as_knowledge_and_an_edited_import_is_proposed_for_approval(app, editor, second, store,
                                                                                    tmp_path):
    published_front_door(editor, second)
    response = editor.get("/details/derby/export.yml")
    assert response.headers["Content-Disposition"] == 'attachment; filename="derby.yml"'
    exported = response.get_data(as_text=True)
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    (copy / "areas" / "derby.yml").write_text(exported, encoding="utf-8")
    [fact] = knowledge.load(copy).areas["derby"].detail("front_door")
    assert (fact.text, fact.phone, fact.board_source.url, fact.board_source.checked) == (
        FRONT_DOOR, PHONE, SOURCE, CHECKED)
    assert ("derby.editor", "exported local details", "derby", None) in audit_rows(app)

    edited = exported.replace(PHONE, NEW_PHONE).encode("utf-8")
    response = editor.submit("/details/derby/import", {"file": (io.BytesIO(edited), "derby.yml")},
                             page="/details/derby", follow_redirects=True)
    assert response.status_code == 200
    assert "Proposed 1 change from the file: Contacting children's social care." in editor.text
    [proposal] = store.proposals(["derby"])
    assert proposal.proposed_by == "derby.editor" and proposal.facts[0].phone == NEW_PHONE
    approve(second, proposal.id)
    assert store.published()["derby"]["front_door"][0].phone == NEW_PHONE


@pytest.mark.parametrize("content, message", [
    (b"id: rochdale\n", "That file is for 'rochdale', not 'derby'."),
    (b"{{{ not yaml", "That file is not YAML"),
    (b"\xff\xfe not text", "That file is not plain text (UTF-8)"),
    (b"# " + b"x" * 70_000, "That file is over 64 kB"),
])
def test_a_wrong_file_is_refused_with_its_reason_and_nothing_is_proposed(editor, store, content, message):
    response = editor.submit("/details/derby/import", {"file": (io.BytesIO(content), "derby.yml")},
                             page="/details/derby")
    assert response.status_code == 400 and message in editor.text
    assert 'aria-describedby="file-error"' in editor.page
    assert store.proposals(None) == []
