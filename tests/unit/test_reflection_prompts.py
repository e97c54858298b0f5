"""Each prompt rule in knowledge/reflection.yml fires when the answers call for
it, and only then."""

import pytest

from seen import knowledge, summary

KB = knowledge.load()


def a(value=None, text=None):
    return {"value": value, "text": text}


def fired(answers):
    return {rule.id for rule in summary.fired(KB, answers)}


#: rule id: (answers that call for it, near-misses that must not)
CASES = {
    "significant_harm": (
        [{"threshold": a("yes")}, {"threshold": a("not_sure")}, {"threshold": a("skipped")}],
        [{"threshold": a("no")}, {}],
    ),
    "cumulative_harm": (
        [{"chronology": a("no")}, {"chronology": a("not_sure")},
         {"history": a(text="Several referrals over the years, CIN twice")},
         {"history": a(text="known to CSC on and off since 2016")},
         {"history": a(text="3 previous referrals from school")},
         {"history": a(text="concerns for years really, since he was born")},
         {"history": a(text="she was previously on a CP plan for neglect")}],
        [{"chronology": a("yes")}, {"history": a(text="first concern this term, nothing before")},
         {"history": a(text="about six weeks, since the new partner moved in")}],
    ),
    "disguised_compliance": (
        [{"disguised_compliance": a("yes")}, {"disguised_compliance": a("not_sure")},
         {"raised_with_family": a(text="mum agrees to everything at TAF but nothing changes")},
         {"raised_with_family": a(text="dad says all the right things, never follows through")}],
        [{"disguised_compliance": a("no")},
         {"raised_with_family": a(text="mum was upset but has taken up the parenting course and the house is better")}],
    ),
    "no_tool": (
        [{"tool": a("no")}, {"tool": a("not_sure")}],
        [{"tool": a("yes")}, {"tool": a("skipped")}],
    ),
    "think_family": (
        [{"adult_needs": a("yes"), "adult_services": a("no")},
         {"adult_needs": a("not_sure"), "adult_services": a("not_sure")},
         {"adult_needs": a("yes"), "adult_services": a("skipped")}],
        [{"adult_needs": a("yes"), "adult_services": a("yes")}, {"adult_needs": a("no")},
         {"adult_services": a("no")}],
    ),
    "drift": (
        [{"plan_progress": a("no")}, {"plan": a(text="CIN plan for 9 months, nothing has really changed")},
         {"plan": a(text="no plan as such")}],
        [{"plan_progress": a("yes")}, {"plan_progress": a("not_sure")},
         {"plan": a(text="EHA plan since June, attendance up and she's eating breakfast at club")}],
    ),
    "voice_of_child": (
        [{"seen_alone": a("no")}, {"seen_alone": a("not_sure")}],
        [{"seen_alone": a("yes")}, {"seen_alone": a("skipped")}],
    ),
    "missed_appointments": (
        [{"missed_appointments": a("yes")}, {"missed_appointments": a("not_sure")}],
        [{"missed_appointments": a("no")}],
    ),
    "vulnerable_baby": (
        [{"age_band": a("under_1"), "premature_health": a("yes")}],
        [{"age_band": a("under_1"), "premature_health": a("no")},
         {"age_band": a("age_1_4"), "premature_health": a("yes")}],
    ),
    "additional_needs": (
        [{"additional_needs": a("yes")}],
        [{"additional_needs": a("no")}, {"additional_needs": a("not_sure")}],
    ),
    "young_carer": (
        [{"caring_role": a("yes")}],
        [{"caring_role": a("no")}],
    ),
    "serious_concern": (
        [{"feeding_weight": a(text="weight has dropped two centiles since the last check")},
         {"daily_life": a(text="he's left home alone most evenings till 10")},
         {"history": a(text="two older siblings were removed in 2019")}],
        [{"daily_life": a(text="a bit scruffy some days but fed and happy")},
         {"impact": a(text="doing well at school, lots of friends")}],
    ),
}


def test_every_rule_has_cases():
    assert set(CASES) == {rule.id for rule in KB.reflection.prompts}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_a_rule_fires_when_its_answers_call_for_it(rule_id):
    for answers in CASES[rule_id][0]:
        assert rule_id in fired(answers), answers


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_a_rule_stays_quiet_otherwise(rule_id):
    for answers in CASES[rule_id][1]:
        assert rule_id not in fired(answers), answers


def test_reassuring_answers_call_for_no_prompt():
    calm = {"threshold": a("no"), "chronology": a("yes"), "disguised_compliance": a("no"), "tool": a("yes"),
            "adult_needs": a("no"), "plan_progress": a("yes"), "seen_alone": a("yes"),
            "missed_appointments": a("no"), "history": a(text="first worry, raised last week")}
    assert fired(calm) == set()


def test_every_prompt_names_its_source_in_the_summary():
    answers = {rule_id: a("yes") for rule_id in ("threshold", "disguised_compliance", "missed_appointments")}
    for rule in summary.fired(KB, answers):
        text = summary.prompt_reply(KB, rule, KB.areas["derby"], route_follows=True).text
        assert all(KB.sources[source.file].name() in text for source in rule.sources)
        assert not any(source.file in text for source in rule.sources)
