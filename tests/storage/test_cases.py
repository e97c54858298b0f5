"""Cases: a follow-up note joins the case of the note it follows, on SQLite and
PostgreSQL, as a practitioner and a supervisor would notice: any reference of
a case brings back the whole chain in order, the plan's start date is carried
while the plan stays the same, another area's note cannot be followed up or
seen, old notes are each their own case, and exports and themes carry cases."""

import json
from datetime import datetime, timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from seen.db import ALEMBIC_INI
from seen.notes import NoteFilter, NoteStore
from tests.helpers.dates import months_ago
from tests.storage.test_notes_storage import (
    UTC,
    at,
    draft,
    references,
    seen_notes,
)

NOW = datetime.now(UTC)
CHANGES = [{"question": "daily_life", "label": "Daily life since the last note", "value": "better"},
           {"question": "plan_progress", "label": "The plan's difference since the last note", "value": "same"},
           {"question": "voice", "label": "The child's voice since the last note", "value": "skipped"}]
CASE_FIELDS = ("case", "follows", "changes", "values", "plan_since")


def follow_up(store: NoteStore, earlier: str, created_at: datetime, area: str = "derby", **fields) -> str:
    fields = {"changes": CHANGES, "values": {"threshold": "no", "plan_same": "yes"}, "plan_unchanged": True, **fields}
    return store.save(draft(area=area, follows=earlier, **fields), created_at=created_at)


@pytest.fixture
def case(store) -> list:
    """A first note four months ago, then two follow-ups on the same plan: two months ago and now."""
    first = store.save(draft(values={"threshold": "not_sure"}), created_at=months_ago(4, NOW))
    second = follow_up(store, first, months_ago(2, NOW))
    third = follow_up(store, second, NOW)
    return [first, second, third]


def test_any_reference_of_a_case_brings_back_all_its_notes_oldest_first(store, case):
    for reference in (case[0], case[1], case[2], case[1].lower().replace("-", "")):
        notes = store.case(reference, areas=["derby"])
        assert [n["reference"] for n in notes] == case, f"{reference} did not bring back the whole case"
    first, second, third = store.case(case[2], areas=None)
    assert {n["case"] for n in (first, second, third)} == {case[0]}
    assert [first["follows"], second["follows"], third["follows"]] == [None, case[0], case[1]]
    assert (first["changes"], third["changes"]) == ([], CHANGES)
    assert (first["values"], third["values"]) == ({"threshold": "not_sure"}, {"threshold": "no", "plan_same": "yes"})


def test_the_plans_start_is_carried_while_the_plan_stays_the_same(store, case):
    started = store.get(case[0])["created_at"]
    assert [n["plan_since"] for n in store.case(case[0], areas=None)] == [started] * 3


def test_a_new_plan_starts_the_count_again(store, case):
    changed_at = NOW + timedelta(days=1)
    new_plan = follow_up(store, case[2], changed_at, plan_unchanged=False)
    later = follow_up(store, new_plan, NOW + timedelta(days=30))
    assert store.get(new_plan)["plan_since"] == changed_at.isoformat()
    assert store.get(later)["plan_since"] == changed_at.isoformat()
    assert [n["reference"] for n in store.case(case[0], areas=None)] == case + [new_plan, later]


def test_notes_of_another_case_stay_out_of_it(store, case):
    other = store.save(draft(), created_at=months_ago(1, NOW))
    other_follow_up = follow_up(store, other, NOW)
    assert [n["reference"] for n in store.case(other, areas=None)] == [other, other_follow_up]
    assert [n["reference"] for n in store.case(case[1], areas=None)] == case


def test_a_note_cannot_follow_up_another_areas_note_and_nothing_is_kept(store):
    rochdale = store.save(draft(area="rochdale"))
    with pytest.raises(ValueError):
        follow_up(store, rochdale, NOW, area="derby")
    assert references(store) == [rochdale]
    assert [n["reference"] for n in store.case(rochdale, areas=None)] == [rochdale]


@pytest.mark.parametrize("earlier", ["ZZZZ-ZZZZ", "ABCD-EFG0", "not a reference"])
def test_a_follow_up_of_an_unknown_or_malformed_reference_is_refused(store, earlier):
    with pytest.raises(ValueError):
        follow_up(store, earlier, NOW)
    assert references(store) == []


def test_a_deleted_note_cannot_be_followed_up(store):
    gone = store.save(draft())
    store.delete(gone)
    with pytest.raises(ValueError):
        follow_up(store, gone, NOW)
    assert references(store) == []


def test_a_reader_outside_the_cases_area_gets_nothing(store, case):
    assert store.case(case[2], areas=["rochdale"]) == []
    assert store.case(case[2], areas=[]) == []
    assert len(store.case(case[2], areas=["rochdale", "derby"])) == 3


@pytest.mark.parametrize("reference", ["ZZZZ-ZZZZ", "ABCD-EFG0", "nonsense", ""])
def test_an_unknown_or_malformed_reference_has_no_case(store, case, reference):
    assert store.case(reference, areas=None) == []


@pytest.mark.parametrize(
    "fields",
    [{"changes": [{"question": "daily_life", "label": "Daily life", "value": "improved"}]},
     {"changes": [{"question": "daily_life", "value": "better"}]},
     {"changes": [{"question": "Daily life!", "label": "Daily life", "value": "better"}]},
     {"changes": "better"},
     {"values": {"threshold": "Yes, I think so"}},
     {"values": [("threshold", "yes")]},
     {"plan_unchanged": "yes"}],
)
def test_malformed_case_fields_are_refused_before_anything_is_stored(store, case, fields):
    with pytest.raises(ValueError):
        follow_up(store, case[2], NOW, **fields)
    assert references(store) == case


def test_only_the_known_keys_of_a_change_are_kept(store, case):
    change = {**CHANGES[0], "text": "Kai's mum says things are better", "sender_id": "u-42"}
    kept = store.get(follow_up(store, case[2], NOW, changes=[change]))
    assert kept["changes"] == [CHANGES[0]]


def test_exports_carry_each_notes_case(backend, store, case):
    exported = list(store.export())
    assert [n["reference"] for n in exported] == case
    assert all(set(CASE_FIELDS) <= set(n) for n in exported)
    assert [n["follows"] for n in exported] == [None, case[0], case[1]]

    result = seen_notes(backend.url, "export", "--area", "derby")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(n["case"], n["follows"], n["changes"], n["plan_since"]) for n in lines] == [
        (n["case"], n["follows"], n["changes"], n["plan_since"]) for n in exported]


def test_themes_count_each_case_with_a_drift_prompt_once_in_its_latest_notes_month(store):
    drift = [{"id": "drift", "text": "Is the plan changing anything for the child?", "sources": []}]
    plan_drift = [{"id": "plan_drift", "text": "The same plan for months.", "sources": []}]
    first = store.save(draft(prompts=drift), created_at=at(2026, 9, 3))
    follow_up(store, first, at(2026, 10, 2), prompts=plan_drift)
    quiet = store.save(draft(prompts=[]), created_at=at(2026, 9, 4))
    follow_up(store, quiet, at(2026, 10, 5), prompts=[])
    store.save(draft(prompts=drift), created_at=at(2026, 9, 10))
    store.save(draft(area="rochdale", prompts=plan_drift), created_at=at(2026, 10, 1))

    def drifting(areas=None, **period) -> dict:
        return {(r["month"], r["area"]): r["count"] for r in store.themes(NoteFilter(**period), areas=areas)
                if r["kind"] == "drift_cases"}

    assert drifting() == {("2026-09", "derby"): 1, ("2026-10", "derby"): 1, ("2026-10", "rochdale"): 1}
    assert drifting(areas=["derby"]) == {("2026-09", "derby"): 1, ("2026-10", "derby"): 1}
    september = {"since": at(2026, 9, 1).date(), "until": at(2026, 9, 30).date()}
    assert drifting(**september) == {("2026-09", "derby"): 2}, "within September both derby cases had drift"


# Migration 0003


def alembic(url: str, action: str, revision: str) -> None:
    config = Config(str(ALEMBIC_INI))
    config.attributes["configure_logger"] = False
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, action)(config, revision)
    finally:
        engine.dispose()


def note_columns(url: str) -> set:
    engine = create_engine(url, future=True)
    try:
        return {c["name"] for c in inspect(engine).get_columns("notes")}
    finally:
        engine.dispose()


def test_the_cases_migration_goes_down_and_up_keeping_notes_which_then_are_each_their_own_case(backend, store, case):
    added = {"case_ref", "follows", "changes", "choice_values", "plan_since"}
    assert added <= note_columns(backend.url)

    alembic(backend.url, "downgrade", "0002")
    assert not added & note_columns(backend.url), "downgrading to 0002 left case columns behind"
    engine = create_engine(backend.url, future=True)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM notes")).scalar() == 3
    engine.dispose()

    alembic(backend.url, "upgrade", "head")
    for reference in case:
        alone = store.case(reference, areas=None)
        assert [n["reference"] for n in alone] == [reference]
        note = alone[0]
        assert (note["case"], note["follows"], note["changes"], note["values"]) == (reference, None, [], {})
        assert note["plan_since"] == note["created_at"]


def test_a_note_saved_before_cases_can_be_followed_up_and_starts_its_case(backend, store, case):
    alembic(backend.url, "downgrade", "0002")
    alembic(backend.url, "upgrade", "head")
    old = store.get(case[0])
    later = follow_up(store, case[0], NOW + timedelta(days=1))
    assert [n["reference"] for n in store.case(later, areas=["derby"])] == [case[0], later]
    assert [n["reference"] for n in store.case(case[0], areas=["derby"])] == [case[0], later]
    assert (store.get(later)["case"], store.get(later)["plan_since"]) == (case[0], old["created_at"])
