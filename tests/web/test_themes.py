"""Boards counting themes: flags and prompts by month and area, as a table, a
chart and a CSV, within the reader's areas."""

import csv
import io
from datetime import datetime, timezone

import pytest

from seen.notes import NoteStore
from tests.helpers.drafts import note


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=timezone.utc)


@pytest.fixture
def history(notes: NoteStore):
    notes.save(note(area="derby", flags=("drift", "no_tool"), prompts=("drift", "no_tool")), created_at=at(2026, 9, 3))
    notes.save(note(area="derby", flags=("drift",), prompts=("drift",)), created_at=at(2026, 9, 20))
    notes.save(note(area="derby", flags=("disguised_compliance",), prompts=("disguised_compliance",)),
               created_at=at(2026, 10, 1))
    notes.save(note(area="sandwell", flags=("drift",), prompts=("drift",)), created_at=at(2026, 9, 5))


def csv_rows(visitor, url: str) -> list:
    response = visitor.get(url)
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_csv_counts_flags_and_prompts_by_month_and_area(visitor, history):
    visitor.sign_in("board.admin")
    rows = {(r["month"], r["area"], r["kind"], r["id"]): int(r["notes"]) for r in csv_rows(visitor, "/themes.csv")}
    assert rows[("2026-09", "Derby", "notes", "notes")] == 2
    assert rows[("2026-09", "Derby", "flag", "drift")] == 2
    assert rows[("2026-09", "Derby", "flag", "no_tool")] == 1
    assert rows[("2026-09", "Derby", "prompt", "drift")] == 2
    assert rows[("2026-10", "Derby", "flag", "disguised_compliance")] == 1
    assert rows[("2026-09", "Sandwell", "flag", "drift")] == 1
    assert ("2026-10", "Derby", "flag", "drift") not in rows


def test_a_supervisor_counts_only_their_own_areas(visitor, history):
    visitor.sign_in("derby.supervisor")
    areas = {r["area"] for r in csv_rows(visitor, "/themes.csv")}
    assert areas == {"Derby"}
    visitor.get("/themes")
    assert "Sandwell" not in visitor.text.split("<main", 1)[1].split("</form>", 1)[1]


def test_the_page_has_a_chart_and_a_table_narrowed_by_dates(visitor, history):
    visitor.sign_in("board.admin")
    visitor.get("/themes?since=2026-10-01&until=2026-10-31")
    assert "<svg role=\"img\"" in visitor.page and "<rect" in visitor.page
    assert "2026-10</th>" in visitor.page and "2026-09</th>" not in visitor.page
    assert "Disguised compliance: yes or not sure" in visitor.text


def test_an_impossible_period_gets_a_message_not_a_crash(visitor, history):
    visitor.sign_in("board.admin")
    response = visitor.get("/themes?since=2026-10-01&until=2026-09-01")
    assert response.status_code == 200 and "The end date is before the start date." in visitor.text
