"""A supervisor reading a case: the note page shows the case's notes in order,
what changed between them, the prompts raised and how long the current plan
has run; another area's supervisor sees nothing of it; the themes page counts
each area's cases with drift prompts; every view is audited."""

import csv
import dataclasses
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text

from seen import knowledge, replies
from seen.notes import NoteStore, normalise_reference
from tests.helpers.dates import months_ago
from tests.helpers.drafts import note

NOW = datetime.now(timezone.utc)
CHANGES = [{"question": "daily_life", "label": "Daily life since the last note", "value": "better"},
           {"question": "plan_progress", "label": "The plan's difference since the last note", "value": "same"},
           {"question": "voice", "label": "The child's voice since the last note", "value": "worse"}]


def follow_up_prompt(prompt_id: str) -> dict:
    kb = knowledge.default()
    rule = next(p for p in kb.follow_up.prompts if p.id == prompt_id)
    return {"id": rule.id, "text": rule.text, "sources": replies.cite_each(kb, rule.sources)}


def follow_up(store: NoteStore, earlier: str, created_at: datetime, **fields) -> str:
    fields = {"follows": earlier, "changes": CHANGES, "plan_unchanged": True,
              "prompts": [follow_up_prompt("plan_drift")], "flags": [], **fields}
    return store.save(dataclasses.replace(note(area="derby"), **fields), created_at=created_at)


@pytest.fixture
def case(notes) -> list:
    """Derby: a first note with the drift prompt four months ago, and a follow-up today on the same plan."""
    first = notes.save(note(area="derby", prompts=("drift",), flags=("drift",)), created_at=months_ago(4, NOW))
    return [first, follow_up(notes, first, NOW)]


def timeline(visitor) -> str:
    """The timeline section of the last page, as text; '' when the page has none."""
    if 'id="timeline-title"' not in visitor.page:
        return ""
    return visitor.text.split('id="timeline-title"', 1)[1].split("</section>", 1)[0]


def words(section: str) -> str:
    """What a person reads in a piece of the page: no tags, single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", section).split()).replace(" .", ".").replace(" )", ")")


def listed(section: str) -> list:
    return [part.split('"', 1)[0] for part in section.split('<a href="/notes/')[1:]]


def audit_rows(app) -> list:
    entries, _ = app.extensions["seen"].audit.page(size=500)
    return [(e.actor, e.action, e.target, e.detail) for e in entries]


def test_a_supervisor_sees_the_two_notes_what_changed_the_prompts_and_how_long_the_plan_has_run(visitor, case):
    visitor.sign_in("derby.supervisor")
    for reference in case:
        assert visitor.get(f"/notes/{reference}").status_code == 200
        shown = timeline(visitor)
        assert listed(shown) == case, f"the timeline on {reference} should list both notes, oldest first"
        started = months_ago(4, NOW).strftime("%B %Y")
        assert f"The current plan has run for 4 months (since {started})." in words(shown)
        assert f"{started} · Derby · first note" in words(shown)
        assert f"{NOW.strftime('%B %Y')} · Derby · follow-up of {case[0]}" in words(shown)
        for label, value, change in (("Daily life since the last note", "better", "Better"),
                                     ("The plan's difference since the last note", "same", "The same"),
                                     ("The child's voice since the last note", "worse", "Worse")):
            assert f'<th scope="row">{label}</th><td class="change-{value}">{change}</td>' in shown
        labels = {p.id: p.label for p in knowledge.default().reflection.prompts}
        assert labels["drift"] in shown
        assert next(p.label for p in knowledge.default().follow_up.prompts if p.id == "plan_drift") in shown
        assert f"Plan: the same plan since {started}." in words(shown)


def test_a_new_plan_says_it_has_run_for_less_than_a_month(visitor, notes, case):
    latest = follow_up(notes, case[1], NOW + timedelta(minutes=1), plan_unchanged=False)
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{latest}")
    shown = words(timeline(visitor))
    assert f"The current plan has run for less than a month (since {NOW.strftime('%B %Y')})." in shown
    assert "Plan: not recorded as the same plan as before." in shown
    assert listed(timeline(visitor)) == case + [latest]


def test_a_note_on_its_own_has_no_timeline(visitor, notes):
    alone = notes.save(note(area="derby"))
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{alone}")
    assert timeline(visitor) == "" and "This case over time" not in visitor.text


def test_another_areas_supervisor_gets_the_same_not_found_for_every_note_of_the_case(visitor, case):
    visitor.sign_in("two.areas")
    unknown = visitor.get("/notes/ZZZZ-ZZZZ")
    assert unknown.status_code == 404
    not_found = visitor.seen_text
    for reference in case:
        assert visitor.get(f"/notes/{reference}").status_code == 404
        assert visitor.seen_text == not_found, "another area's note should look exactly like no note"
    assert case[0] not in visitor.get("/notes").get_data(as_text=True)


def test_the_timeline_lists_only_notes_in_the_readers_areas(app, visitor, another, database_url, notes, case):
    """Should a note of a case ever sit in another area (an area merged or split), it stays out of the timeline."""
    latest = follow_up(notes, case[1], NOW + timedelta(minutes=1))
    engine = create_engine(database_url, future=True)
    with engine.begin() as connection:
        connection.execute(text("UPDATE notes SET area = 'sandwell' WHERE reference = :code"),
                           {"code": normalise_reference(case[1])})
    engine.dispose()

    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{latest}")
    assert listed(timeline(visitor)) == [case[0], latest]
    assert case[1] not in visitor.page
    another.sign_in("two.areas")
    assert another.get(f"/notes/{case[1]}").status_code == 200
    assert timeline(another) == "", "a case of one visible note has no timeline"
    assert case[0] not in another.page and latest not in another.page


def test_viewing_a_note_and_its_timeline_is_audited_with_the_notes_shown(app, visitor, another, case):
    visitor.sign_in("derby.supervisor")
    visitor.get(f"/notes/{case[1]}")
    another.sign_in("two.areas")
    another.get(f"/notes/{case[0]}")
    rows = audit_rows(app)
    assert ("derby.supervisor", "viewed note", case[1], None) in rows
    assert ("derby.supervisor", "viewed case timeline", case[0], f"2 note(s): {case[0]}, {case[1]}") in rows
    assert not [r for r in rows if r[0] == "two.areas" and r[1].startswith("viewed")], \
        "a refused view should record nothing of the case"


def test_the_list_and_the_export_show_which_note_a_follow_up_follows(visitor, case):
    visitor.sign_in("derby.supervisor")
    visitor.get("/notes")
    assert f"Follow-up of {case[0]}" in visitor.text
    exported = [json.loads(line) for line in visitor.get("/notes/export.jsonl").get_data(as_text=True).splitlines()]
    assert [(n["reference"], n["case"], n["follows"]) for n in exported] == [
        (case[0], case[0], None), (case[1], case[0], case[0])]
    assert exported[1]["changes"] == CHANGES
    assert exported[1]["plan_since"] == exported[0]["plan_since"] == exported[0]["created_at"]


def test_themes_count_each_areas_cases_with_drift_prompts(visitor, notes, case):
    notes.save(note(area="derby", prompts=(), flags=()))
    notes.save(note(area="sandwell", prompts=("drift",)))
    visitor.sign_in("board.admin")
    visitor.get("/themes")
    section = visitor.text.split("<caption>Cases with drift prompts, by area</caption>", 1)[1].split("</table>")[0]
    assert "<th scope=\"row\">Derby</th><td>1</td>" in section
    assert "<th scope=\"row\">Sandwell</th><td>1</td>" in section
    rows = list(csv.DictReader(io.StringIO(visitor.get("/themes.csv").get_data(as_text=True))))
    drift = {(r["area"], r["label"]): int(r["notes"]) for r in rows if r["kind"] == "drift_cases"}
    assert drift == {("Derby", "Cases with drift prompts"): 1, ("Sandwell", "Cases with drift prompts"): 1}

    visitor.sign_out()
    visitor.sign_in("derby.supervisor")
    visitor.get("/themes")
    assert "<th scope=\"row\">Sandwell</th>" not in visitor.text
