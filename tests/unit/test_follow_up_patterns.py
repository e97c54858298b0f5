"""The follow-up's prompts from the pattern over time (knowledge/follow_up.yml):
each fires on the pattern it names and stays quiet without it. The case's
earlier notes are given as NoteStore.case() returns them, so the facts the
prompts test (months on the same plan, the view on significant harm then)
are worked out as in a real follow-up."""

from datetime import datetime, timedelta, timezone
from typing import Dict, List

import pytest

from seen import follow_up, knowledge, summary

KB = knowledge.load()
ASKING = KB.following_up()
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def earlier(months_on_plan: int = 4, threshold: str = "no", changes: List[dict] = (), notes: int = 1) -> List[dict]:
    plan_since = (NOW - timedelta(days=31 * months_on_plan)).isoformat()
    note = {"reference": "RNJV-G4QY", "created_at": (NOW - timedelta(days=40)).isoformat(), "area": "derby",
            "answers": [{"question": "daily_life", "label": "Daily life", "text": "hungry"},
                        {"question": "plan", "label": "The plan", "text": "child in need plan"}],
            "prompts": [], "values": {"threshold": threshold}, "changes": list(changes), "plan_since": plan_since}
    return [dict(note, reference=f"AAAA-BBB{n + 2}") for n in range(notes - 1)] + [note]


def fired(case: List[dict], **answers: str) -> List[str]:
    given: Dict[str, dict] = follow_up.facts(ASKING, case, NOW)
    given.update({question: {"text": "", "value": value} for question, value in answers.items()})
    return [rule.id for rule in summary.fired(ASKING, given)]


@pytest.mark.parametrize("months, answers, fires", [
    (4, dict(plan_same="yes", daily_life="same"), True),
    (4, dict(plan_same="yes", engagement="better", daily_life="same"), True),
    (6, dict(plan_same="yes", impact="worse"), True),
    (3, dict(plan_same="yes", plan_progress="same"), True),
    (2, dict(plan_same="yes", daily_life="same"), False),  # not yet months
    (4, dict(plan_same="no", daily_life="same"), False),  # a new plan
    (4, dict(plan_same="not_sure", daily_life="same"), False),
    (4, dict(plan_same="yes", daily_life="better", impact="better", plan_progress="better"), False),
])
def test_drift_needs_the_same_plan_for_months_and_no_change_for_the_child(months, answers, fires):
    assert ("plan_drift" in fired(earlier(months), **answers)) is fires


@pytest.mark.parametrize("case, answers, fires", [
    (earlier(), dict(reopened="yes"), True),
    (earlier(changes=[{"question": "daily_life", "value": "worse"}]), dict(daily_life="worse"), True),
    (earlier(changes=[{"question": "impact", "value": "worse"}]), dict(voice="worse"), True),
    (earlier(changes=[{"question": "daily_life", "value": "worse"}]), dict(daily_life="better"), False),
    (earlier(), dict(daily_life="worse"), False),  # worse once is not yet a pattern
    (earlier(), dict(reopened="no", daily_life="same"), False),
])
def test_recurring_concerns_need_a_reopening_or_worse_twice_running(case, answers, fires):
    assert ("recurring_concerns" in fired(case, **answers)) is fires


@pytest.mark.parametrize("answers, fires", [
    (dict(engagement="better", daily_life="same"), True),
    (dict(engagement="same", impact="worse"), True),
    (dict(engagement="worse", daily_life="same"), False),
    (dict(engagement="better", daily_life="better", impact="better"), False),
    (dict(engagement="better"), False),  # nothing said of the child's life
])
def test_compliance_without_change_needs_engagement_and_no_change_for_the_child(answers, fires):
    assert ("compliance_without_change" in fired(earlier(), **answers)) is fires


@pytest.mark.parametrize("then, now, fires", [
    ("no", "yes", True),
    ("no", "not_sure", True),
    ("yes", "no", True),
    ("not_sure", "no", True),
    ("no", "no", False),
    ("yes", "yes", False),
    (None, "yes", False),  # no earlier view to move from
])
def test_the_view_on_significant_harm_moving_is_noticed_either_way(then, now, fires):
    case = earlier(threshold=then)
    if then is None:
        case[-1]["values"] = {}
    assert ("harm_view_moved" in fired(case, threshold=now)) is fires


def test_the_view_then_is_the_latest_note_that_gave_one():
    case = earlier(notes=2)
    case[0]["values"], case[-1]["values"] = {"threshold": "yes"}, {}
    assert "harm_view_moved" in fired(case, threshold="no")


def test_months_on_the_plan_and_notes_in_the_case_are_counted_from_the_latest_note():
    facts = follow_up.facts(ASKING, earlier(months_on_plan=4, notes=3), NOW)
    assert facts["plan_months"]["value"] == "4" and facts["case_notes"]["value"] == "3"
    assert facts["earlier_daily_life"]["value"] == "answered" and "earlier_impact" not in facts


def test_a_skipped_earlier_answer_is_not_followed_up():
    case = earlier()
    case[-1]["values"]["daily_life"] = "skipped"
    assert "earlier_daily_life" not in follow_up.facts(ASKING, case, NOW)

