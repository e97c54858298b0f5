"""Reflection notes kept in SQLite and in PostgreSQL, as a practitioner and a
board's data protection lead would notice: a note comes back whole from its
reference, exports and purges pick the right notes, a broken database keeps
nothing and says so, and nothing a note says reaches the logs.

PostgreSQL is the server at 127.0.0.1:5432 (SEEN_TEST_POSTGRES_URL to change):
one throw-away database per test session, one schema per test. These tests
need no Rasa server.
"""

import json
import logging
import os
import re
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError

from seen import notes
from seen.audit import AuditLog
from seen.db import DatabaseUnavailable, migrate
from seen.handover import NoteDraft
from seen.notes import NoteFilter, NoteStore, NotesUnavailable

ROOT = Path(__file__).resolve().parents[2]
SEEN_NOTES = ROOT / ".venv" / "bin" / "seen-notes"
UNREACHABLE = "postgresql://127.0.0.1:1/nope"
REFERENCE = re.compile(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")
SECRET = "Kai-Zephyrine sleeps in the car"  # stands for anything a note says
UTC = timezone.utc


def draft(area: str = "derby", **changes) -> NoteDraft:
    fields = dict(
        area=area,
        role="health_visitor",
        age_band="under_1",
        answers=[
            {"question": "daily_life", "label": "Daily life", "text": f"{SECRET}; often arrives hungry."},
            {"question": "threshold", "label": "Significant harm?", "text": "Not sure"},
        ],
        prompts=[
            {
                "id": "significant_harm",
                "text": "Use your area's referral and escalation route now.",
                "sources": ["7 Minute Briefing – Neglect: Learning from Serious Case Reviews "
                            "(Rochdale Borough Safeguarding Children Board): What to do? — http://www.rbscb.org"],
            }
        ],
        flags=["significant_harm", "no_chronology"],
    )
    fields.update(changes)
    return NoteDraft(**fields)


def references(store: NoteStore, **filters) -> list:
    return [note["reference"] for note in store.export(**filters)]


def flag_rows(store: NoteStore) -> list:
    """Every row of note_flags, read straight from the table (so a leftover row shows)."""
    with store.engine.connect() as connection:
        return sorted(connection.execute(text("SELECT flag FROM note_flags")).scalars())


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# Migrations


def tables(url: str) -> set:
    engine = create_engine(url, future=True)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrations_create_the_tables_and_running_them_again_is_harmless(backend):
    assert tables(backend.url) == set(), "the test database should start empty"
    migrate(backend.url)
    assert {"notes", "note_flags", "alembic_version"} <= tables(backend.url)

    store = NoteStore(backend.url)
    reference = store.save(draft())
    migrate(backend.url)
    assert store.get(reference) is not None, "a second migration lost a saved note"
    store.close()


def test_a_database_never_migrated_stores_nothing_and_gets_no_tables_behind_the_migrations_back(backend):
    store = NoteStore(backend.url)
    with pytest.raises(NotesUnavailable):
        store.save(draft())
    store.close()
    assert tables(backend.url) == set()


# Saving and finding a note


def test_a_saved_note_comes_back_whole(store):
    before = datetime.now(UTC)
    reference = store.save(draft())
    note = store.get(reference)

    created_at = note.pop("created_at")
    saved_at = datetime.fromisoformat(created_at)
    assert saved_at.utcoffset() == timedelta(0), "the note's time should be UTC and say so"
    assert before - timedelta(seconds=5) <= saved_at <= datetime.now(UTC) + timedelta(seconds=5)
    assert note == {
        "reference": reference,
        "area": "derby",
        "role": "health_visitor",
        "age_band": "under_1",
        "answers": draft().answers,
        "prompts": draft().prompts,
        "flags": ["no_chronology", "significant_harm"],
        "discussed_at": None,
        "discussed_by": None,
        "comments": [],
        "case": reference,
        "follows": None,
        "changes": [],
        "values": {},
        "plan_since": created_at,
    }


def test_a_note_without_role_or_age_band_keeps_them_empty(store):
    note = store.get(store.save(draft(role=None, age_band=None, flags=[], prompts=[])))
    assert (note["role"], note["age_band"], note["flags"], note["prompts"]) == (None, None, [], [])


def test_only_the_anonymised_fields_are_kept(store):
    answers = [{"question": "daily_life", "label": "Daily life", "text": "[name] is hungry", "sender_id": "u-42",
                "raw": SECRET}]
    prompts = [{"id": "drift", "text": "Is the plan changing anything?", "sources": [], "ip": "10.0.0.7"}]
    note = store.get(store.save(draft(answers=answers, prompts=prompts)))
    kept = json.dumps(note)
    assert "u-42" not in kept and SECRET not in kept and "10.0.0.7" not in kept
    assert note["answers"] == [{"question": "daily_life", "label": "Daily life", "text": "[name] is hungry"}]


@pytest.mark.parametrize(
    "changes",
    [{"area": "Derby, the Smith family"}, {"role": ""}, {"flags": ["Drift!"]}, {"answers": [{"text": "no question"}]},
     {"answers": "hungry"}, {"prompts": [{"id": "drift", "text": "t", "sources": [3]}]}],
)
def test_a_malformed_draft_is_refused_before_anything_is_stored(store, changes):
    with pytest.raises(ValueError):
        store.save(draft(**changes))
    assert references(store) == []


def test_references_are_unique_readable_and_found_in_any_case_with_or_without_the_dash(store):
    saved = [store.save(draft()) for _ in range(30)]
    assert all(REFERENCE.fullmatch(reference) for reference in saved), saved
    assert len(set(saved)) == len(saved)

    reference = saved[0]
    for typed in (reference.lower(), reference.replace("-", ""), f" {reference.lower().replace('-', '')} "):
        assert store.get(typed) == store.get(reference), f"{typed!r} did not find {reference}"
    assert store.get("ABCD-EFG0") is None  # 0 is never in a reference
    assert store.get("not a reference") is None
    unknown = "ZZZZ-ZZZZ" if "ZZZZ-ZZZZ" not in saved else "YYYY-YYYY"
    assert store.get(unknown) is None


def test_a_reference_already_taken_is_never_given_twice(store, monkeypatch):
    drawn = iter(["ABCDEFGH", "ABCDEFGH", "JKLMNPQR"])
    monkeypatch.setattr(notes, "_new_code", lambda: next(drawn))
    first = store.save(draft(area="derby"))
    second = store.save(draft(area="rochdale"))
    assert (first, second) == ("ABCD-EFGH", "JKLM-NPQR")
    assert store.get(first)["area"] == "derby" and store.get(second)["area"] == "rochdale"


def test_a_note_survives_a_restart(backend, store):
    reference = store.save(draft())
    kept = store.get(reference)
    store.close()
    assert NoteStore(backend.url).get(reference) == kept


# Export, purge, delete


def test_export_filters_by_area_and_whole_days_and_gives_json(store):
    first_moment = store.save(draft(), created_at=at(2026, 1, 1))
    spring = store.save(draft(), created_at=at(2026, 3, 15, 12))
    last_moment = store.save(draft(), created_at=at(2026, 12, 31, 23, 59, 59))
    next_year = store.save(draft(), created_at=at(2027, 1, 1))
    elsewhere = store.save(draft(area="rochdale"), created_at=at(2026, 6, 1))

    assert references(store, area="derby", since=date(2026, 1, 1), until=date(2026, 12, 31)) == [
        first_moment, spring, last_moment]
    assert references(store, since=date(2026, 3, 16), until=date(2026, 6, 1)) == [elsewhere]
    assert references(store, area="rochdale") == [elsewhere]
    assert references(store, area="salford") == []
    assert references(store) == [first_moment, spring, elsewhere, last_moment, next_year]
    for note in store.export():
        assert json.loads(json.dumps(note)) == note
    with pytest.raises(ValueError):
        store.export(since=date(2026, 2, 1), until=date(2026, 1, 1))


def test_a_long_export_gives_every_note_once_in_order(store, monkeypatch):
    monkeypatch.setattr(notes, "EXPORT_PAGE", 2)
    same_moment = at(2026, 5, 1, 9)
    saved = [store.save(draft(), created_at=same_moment) for _ in range(3)]
    saved += [store.save(draft(), created_at=at(2026, 5, 2)) for _ in range(2)]
    assert references(store) == saved


def test_purge_removes_only_notes_older_than_the_limit_with_their_flags(store):
    now = datetime.now(UTC)
    old = store.save(draft(flags=["drift"]), created_at=now - timedelta(days=400))
    recent = store.save(draft(), created_at=now - timedelta(days=300))
    today = store.save(draft())

    assert store.delete_older_than(365) == 1
    assert store.get(old) is None
    assert references(store) == [recent, today]
    assert "drift" not in flag_rows(store), "a purged note's flags are still in note_flags"
    assert store.delete_older_than(365) == 0
    with pytest.raises(ValueError):
        store.delete_older_than(-1)


def test_a_note_is_deleted_by_its_reference(store):
    gone = store.save(draft(flags=["drift"]))
    kept = store.save(draft(flags=["no_tool"]))

    assert store.delete(gone.lower().replace("-", "")) is True
    assert store.get(gone) is None
    assert store.delete(gone) is False, "deleting twice should say there was nothing"
    assert store.delete("nonsense") is False
    assert references(store) == [kept]
    assert flag_rows(store) == ["no_tool"]


def test_a_board_can_count_themes_by_area(store):
    store.save(draft(area="derby", flags=["drift", "no_tool"]), created_at=at(2026, 3, 2))
    store.save(draft(area="derby", flags=["drift"]), created_at=at(2026, 3, 30))
    store.save(draft(area="rochdale", flags=["drift", "significant_harm"]), created_at=at(2026, 4, 1))
    flags = {(r["month"], r["area"], r["id"]): r["count"] for r in store.themes(NoteFilter(), areas=None)
             if r["kind"] == "flag"}
    assert flags == {("2026-03", "derby", "drift"): 2, ("2026-03", "derby", "no_tool"): 1,
                     ("2026-04", "rochdale", "drift"): 1, ("2026-04", "rochdale", "significant_harm"): 1}
    derby_only = store.themes(NoteFilter(), areas={"derby"})
    assert {r["area"] for r in derby_only} == {"derby"}


# When the database fails


def test_an_unreachable_database_raises_notes_unavailable():
    store = NoteStore(UNREACHABLE)  # no connection is tried yet
    with pytest.raises(NotesUnavailable, match="Connection refused"):
        store.save(draft())
    with pytest.raises(NotesUnavailable):
        store.get("ABCD-EFGH")
    with pytest.raises(NotesUnavailable):
        list(store.export())
    with pytest.raises(NotesUnavailable):
        store.delete_older_than(30)
    with pytest.raises(DatabaseUnavailable):
        migrate(UNREACHABLE)


def test_a_database_that_refuses_writes_keeps_nothing_and_reveals_nothing_of_the_note(backend, store, caplog):
    caplog.set_level(logging.INFO)
    read_only = NoteStore(backend.read_only_url)
    with pytest.raises(NotesUnavailable) as refused:
        read_only.save(draft())
    read_only.close()
    assert SECRET not in str(refused.value) and SECRET not in caplog.text
    assert references(store) == []


def test_a_failure_half_way_through_a_save_keeps_nothing(store):
    def fail_on_flags(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO NOTE_FLAGS"):
            raise OperationalError(statement, None, Exception("server closed the connection unexpectedly"))

    event.listen(store.engine, "before_cursor_execute", fail_on_flags)
    with pytest.raises(NotesUnavailable, match="server closed the connection"):
        store.save(draft())
    event.remove(store.engine, "before_cursor_execute", fail_on_flags)
    assert references(store) == [], "half a note was kept"
    assert flag_rows(store) == []


def test_logs_at_info_never_hold_what_a_note_says_even_with_sql_logging_on(store, caplog):
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    reference = store.save(draft())
    store.get(reference)
    list(store.export())
    store.delete(reference)
    assert "INSERT INTO notes" in caplog.text, "SQL logging was meant to be on for this test"
    assert SECRET not in caplog.text


# seen-notes, the data protection lead's command


def seen_notes(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([str(SEEN_NOTES), *args], env=env, capture_output=True, text=True, timeout=120)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    return result.stderr


def test_cli_exports_json_lines(backend, store):
    derby = store.save(draft(area="derby"), created_at=at(2026, 2, 1))
    store.save(draft(area="rochdale"), created_at=at(2026, 2, 1))
    store.save(draft(area="derby"), created_at=at(2025, 12, 31))

    result = seen_notes(backend.url, "export", "--area", "derby", "--since", "2026-01-01", "--until", "2026-12-31")
    assert (result.returncode, result.stderr) == (0, "")
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert exported == [store.get(derby)]


def test_cli_migrates_a_new_database_before_working(backend):
    result = seen_notes(backend.url, "export")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert "notes" in tables(backend.url)


def test_cli_purges_old_notes_and_says_how_many(backend, store):
    now = datetime.now(UTC)
    store.save(draft(), created_at=now - timedelta(days=400))
    store.save(draft(), created_at=now - timedelta(days=500))
    kept = store.save(draft())

    result = seen_notes(backend.url, "purge", "--older-than", "365")
    assert (result.returncode, result.stdout) == (0, "Deleted 2 notes older than 365 days.\n")
    assert references(store) == [kept]


def test_cli_deletes_a_note_and_says_whether_it_existed(backend, store):
    reference = store.save(draft())
    result = seen_notes(backend.url, "delete", reference.lower())
    assert (result.returncode, result.stdout) == (0, f"Deleted note {reference}.\n")
    assert store.get(reference) is None

    again = seen_notes(backend.url, "delete", reference)
    assert again.returncode == 1
    assert f"no note with reference {reference}" in one_line_error(again)


@pytest.mark.parametrize(
    "args, complaint",
    [
        (["export", "--since", "2026-13-01"], "not a date"),
        (["export", "--until", "yesterday"], "not a date"),
        (["export", "--since", "2026-02-01", "--until", "2026-01-01"], "is after"),
        (["purge", "--older-than", "-1"], "not a number of days"),
        (["purge", "--older-than", "a year"], "not a number of days"),
        (["purge"], "required"),
        (["delete", "ABCD-EFG0"], "not a note reference"),
        ([], "required"),
    ],
)
def test_cli_bad_input_is_one_clear_line_not_a_traceback(tmp_path, args, complaint):
    result = seen_notes(f"sqlite:///{tmp_path / 'seen.db'}", *args)
    assert result.returncode == 2
    assert complaint in one_line_error(result)


@pytest.mark.parametrize("args", [["export"], ["purge", "--older-than", "365"], ["delete", "ABCD-EFGH"]])
def test_cli_says_plainly_when_the_database_cannot_be_reached(args):
    result = seen_notes(UNREACHABLE, *args)
    assert (result.returncode, result.stdout) == (3, "")
    assert "notes database cannot be used" in one_line_error(result)


def test_cli_exports_and_deletions_go_in_the_audit_trail(backend, store):
    reference = store.save(draft())
    store.save(draft(), created_at=datetime.now(UTC) - timedelta(days=400))
    seen_notes(backend.url, "export", "--area", "derby")
    seen_notes(backend.url, "purge", "--older-than", "365")
    seen_notes(backend.url, "delete", reference)
    entries, _ = AuditLog(backend.url).page()
    assert [(e.actor, e.action, e.target, e.detail) for e in reversed(entries)] == [
        ("console", "exported notes", None, "2 note(s); area=derby"),
        ("console", "purged notes", None, "1 note(s) older than 365 days"),
        ("console", "deleted note", reference, None),
    ]
