"""Supervisors reviewing notes: they see only their areas' notes by every route,
filter and search them, read a note whole, comment and mark it discussed; every
view, export and deletion is audited."""

import json
from datetime import timedelta

import pytest

from seen.db import Database
from tests.helpers.drafts import NOW, save


def references_on(visitor, url: str) -> list:
    visitor.get(url)
    return [line.split('">')[1].split("<")[0] for line in visitor.page.splitlines()
            if '<h2><a href="/notes/' in line]


def audit_rows(app):
    entries, _ = app.extensions["seen"].audit.page(size=500)
    return [(e.actor, e.action, e.target) for e in entries]


@pytest.fixture
def three_areas(notes):
    return {area: save(notes, area=area) for area in ("derby", "sandwell", "salford")}


def test_a_supervisor_lists_only_their_own_areas_notes_newest_first(visitor, notes):
    old = save(notes, days_ago=3)
    new = save(notes, days_ago=1)
    save(notes, area="sandwell")
    visitor.sign_in("derby.supervisor")
    assert references_on(visitor, "/notes") == [new, old]
    assert "You see notes from: Derby" in visitor.text


def test_another_areas_note_stays_hidden_by_search_direct_link_and_export(visitor, three_areas):
    visitor.sign_in("derby.supervisor")
    sandwell = three_areas["sandwell"]
    assert references_on(visitor, f"/notes?reference={sandwell}") == []
    assert references_on(visitor, "/notes?text=hungry") == [three_areas["derby"]]
    assert visitor.get(f"/notes/{sandwell}").status_code == 404
    assert visitor.get(f"/notes/{sandwell.lower().replace('-', '')}").status_code == 404
    assert visitor.get("/notes?area=sandwell").status_code == 200
    assert "Not a valid choice" in visitor.text, "asking for another area's notes should be refused plainly"
    exported = [json.loads(line)["reference"]
                for line in visitor.get("/notes/export.jsonl").get_data(as_text=True).splitlines()]
    assert exported == [three_areas["derby"]]
    visitor.get(f"/notes/{sandwell}")
    assert visitor.client.post(f"/notes/{sandwell}/comments", data={"text": "x"}).status_code in (400, 404)


def test_a_supervisor_of_two_areas_sees_both_and_an_admin_sees_all(visitor, another, three_areas):
    visitor.sign_in("two.areas")
    assert sorted(references_on(visitor, "/notes")) == sorted([three_areas["sandwell"], three_areas["salford"]])
    another.sign_in("board.admin")
    assert sorted(references_on(another, "/notes")) == sorted(three_areas.values())


def test_filters_narrow_the_list(visitor, notes):
    baby = save(notes, age_band="under_1", role="health_visitor", flags=("significant_harm",), days_ago=40)
    school = save(notes, age_band="age_5_11", role="teacher", flags=("no_chronology", "drift"), days_ago=2)
    visitor.sign_in("derby.supervisor")
    assert references_on(visitor, "/notes?age_band=under_1") == [baby]
    assert references_on(visitor, "/notes?role=teacher") == [school]
    assert references_on(visitor, "/notes?flags=drift&flags=no_chronology") == [school]
    assert references_on(visitor, "/notes?flags=significant_harm&flags=drift") == []
    tomorrow = (NOW + timedelta(days=1)).date().isoformat()
    assert references_on(visitor, f"/notes?since={tomorrow}") == []
    assert sorted(references_on(visitor, "/notes?since=2000-01-01")) == sorted([baby, school])
    assert references_on(visitor, f"/notes?reference={school[:4].lower()}") == [school]


def test_a_wrong_filter_gets_a_clear_message_and_keeps_what_was_typed(visitor, notes):
    save(notes)
    visitor.sign_in("derby.supervisor")
    response = visitor.get("/notes?since=2026-05-01&until=2026-04-01&text=hungry")
    assert response.status_code == 200
    assert "The end date is before the start date." in visitor.text
    assert 'value="hungry"' in visitor.page
    visitor.get("/notes?since=01/05/2026")
    assert "Not a valid date value." in visitor.text


def test_the_list_is_paged_twenty_at_a_time_keeping_the_filters(visitor, notes):
    for day in range(25):
        save(notes, days_ago=day)
    visitor.sign_in("derby.supervisor")
    first = references_on(visitor, "/notes?role=teacher")
    assert len(first) == 20 and "25 notes match these filters" in visitor.text
    assert 'href="/notes?page=2&amp;role=teacher"' in visitor.page
    second = references_on(visitor, "/notes?page=2&role=teacher")
    assert len(second) == 5 and not set(first) & set(second)


def test_a_note_shows_its_answers_prompts_and_sources(visitor, three_areas):
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{three_areas['derby']}")
    assert "Often arrives hungry; [NAME] says tea is crisps." in visitor.text
    assert "Cumulative harm and start-again syndrome" in visitor.text
    assert "avoid 'start-again syndrome'" in visitor.text
    assert "Sources: " in visitor.text and ".txt" not in visitor.text
    assert ("Neglect of children and young people – Salford's response (Salford Safeguarding Children Board)"
            in visitor.text)
    assert "No multi-agency chronology" in visitor.text


def test_a_comment_is_kept_with_who_and_when_and_is_anonymised(visitor, another, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    response = visitor.submit(f"/notes/{reference}/comments",
                              {"text": "Agreed with Kayleigh Brennan (SW) that a chronology is needed."},
                              page=f"/notes/{reference}", follow_redirects=True)
    assert response.status_code == 200
    assert "derby.supervisor" in visitor.text and " UTC" in visitor.text
    assert "Agreed with [NAME]" in visitor.text and "that a chronology is needed." in visitor.text
    assert "Kayleigh" not in visitor.text and "Brennan" not in visitor.text
    assert "identifying details in it were replaced" in visitor.text
    another.sign_in("board.admin")
    another.get(f"/notes/{reference}")
    assert "Agreed with [NAME]" in another.text


def test_an_empty_comment_is_refused_with_a_message(visitor, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    response = visitor.submit(f"/notes/{reference}/comments", {"text": "  "}, page=f"/notes/{reference}")
    assert response.status_code == 400 and "Write a comment first." in visitor.text


def test_marking_discussed_shows_on_the_list_and_can_be_undone(visitor, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    visitor.submit(f"/notes/{reference}/discussed", page=f"/notes/{reference}", follow_redirects=True)
    assert "Discussed, marked by derby.supervisor" in visitor.text
    assert references_on(visitor, "/notes?discussed=yes") == [reference]
    assert "Discussed</span>" in visitor.page
    assert references_on(visitor, "/notes?discussed=no") == []
    visitor.submit(f"/notes/{reference}/discussed", page=f"/notes/{reference}", follow_redirects=True)
    assert "Not yet discussed" in visitor.text


def test_views_searches_exports_and_comments_are_audited_without_the_search_text(app, visitor, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{reference}")
    visitor.get("/notes?text=hungry")
    visitor.get("/notes/export.jsonl?area=derby")
    visitor.submit(f"/notes/{reference}/comments", {"text": "Seen in supervision"}, page=f"/notes/{reference}")
    rows = audit_rows(app)
    assert ("derby.supervisor", "viewed note", reference) in rows
    assert ("derby.supervisor", "commented on note", reference) in rows
    entries, _ = app.extensions["seen"].audit.page(size=500)
    details = {e.action: e.detail for e in entries}
    assert details["searched notes"] == "1 note(s); text search"
    assert details["exported notes"] == "1 note(s); area=derby"
    assert "hungry" not in json.dumps([e.detail for e in entries])


def test_only_an_admin_can_delete_a_note_and_the_deletion_is_audited(app, visitor, another, notes, three_areas):
    reference = three_areas["derby"]
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{reference}")
    assert "Delete note" not in visitor.text
    assert visitor.client.post(f"/notes/{reference}/delete", data={"csrf_token": visitor.token()}).status_code == 403
    another.sign_in("board.admin")
    another.submit(f"/notes/{reference}/delete", page=f"/notes/{reference}", follow_redirects=True)
    assert f"Note {reference} deleted." in another.text
    assert notes.get(reference) is None
    assert ("board.admin", "deleted note", reference) in audit_rows(app)


def test_when_the_database_is_down_the_page_says_so(app, visitor, three_areas, monkeypatch):
    visitor.sign_in("derby.supervisor")
    monkeypatch.setattr(app.extensions["seen"].notes, "_db", Database("postgresql://127.0.0.1:1/nope"))
    response = visitor.get("/notes")
    assert response.status_code == 503
    assert "The notes database is not reachable" in visitor.text


def test_every_page_a_supervisor_reads_says_seen_does_not_decide_and_puts_999_first(visitor, notes):
    """A supervisor reading a note reads prompts, not a decision: every page says so."""
    reference = save(notes)
    visitor.sign_in("derby.supervisor")
    for url in ("/notes", f"/notes/{reference}", "/themes"):
        assert visitor.get(url).status_code == 200, url
        assert "A child in immediate danger: call 999." in visitor.text, url
        assert "it does not decide whether a child is neglected" in visitor.text, url
