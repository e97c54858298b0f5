"""Complete a guided reflection over REST, as a practitioner on a phone would:
one walk-through per age band, each with answers that call for particular
prompts, then check the summary."""

import pytest

from seen import knowledge
from tests.helpers.reflection import question_asked, texts, walk

KB = knowledge.load()
CALL_999 = KB.messages.call_999
PROMPTS = {rule.id: rule for rule in KB.reflection.prompts}

#: The ordinary voice answer (no food at home, mum always asleep) calls for
#: the serious-concern prompt wherever the child's voice is asked.
SERIOUS = {"serious_concern"}

WALKS = {
    "Unborn": ({"antenatal_care": "Missed three antenatal appointments and nothing ready for the baby.",
                "missed_appointments": "Yes", "threshold": "Not sure"},
               {"missed_appointments", "significant_harm"}),
    "Under 1": ({"premature_health": "Yes, born at 32 weeks", "missed_appointments": "Yes"},
                {"vulnerable_baby", "missed_appointments"} | SERIOUS),
    "1 to 4": ({"seen_alone": "No, mum is always there", "tool": "No"},
               {"voice_of_child", "no_tool"} | SERIOUS),
    "5 to 11": ({"additional_needs": "Yes", "needs_met": "Missed two CAMHS appointments; his medication runs out.",
                 "adult_needs": "Yes, mum's depression", "adult_services": "No", "plan_progress": "No"},
                {"additional_needs", "think_family", "drift"} | SERIOUS),
    "12 to 17": ({"caring_role": "Yes, she looks after her younger brothers most evenings",
                  "history": "Several referrals over the years, CIN twice, closed each time.",
                  "raised_with_family": "Mum agrees to everything at every meeting but nothing changes.",
                  "disguised_compliance": "Not sure"},
                 # "nothing changes" also answers whether daily life got better: no, so drift too
                 {"young_carer", "cumulative_harm", "disguised_compliance", "drift"}),
}


@pytest.mark.parametrize("age_band", sorted(WALKS))
def test_a_reflection_for_each_age_band_ends_with_the_summary_and_the_prompts_its_answers_call_for(chat, age_band):
    answers, expected = WALKS[age_band]
    result = walk(chat, age_band, answers)
    said = "\n".join(result["said"])
    summary = next(t for t in result["said"] if t.startswith(KB.reflection.summary.heading))
    for question in result["asked"]:
        if question not in ("role", "area", "age_band"):
            assert result["answers"][question] in summary, question
    assert f"- Child's age: {age_band}" in summary
    for rule_id, rule in PROMPTS.items():
        assert (rule.text in said) == (rule_id in expected), rule_id
    assert "Procedures and escalation in Derby:" in said
    assert KB.reflection.summary.judgement in said
    assert said.rstrip().endswith(KB.reflection.note.ask)


def test_the_reflection_puts_an_emergency_first_and_keeps_the_answers(chat):
    chat("can I talk through a family?")
    chat("health visitor in Derby")
    chat("1 to 4")
    chat("Mostly in the buggy in front of the TV, nappies rarely changed.")
    reply = texts(chat("she's just told me her mum's boyfriend burned her with a cigarette"))
    assert reply[0].startswith(CALL_999)
    assert any("paused" in t.lower() for t in reply)
    resumed = chat("carry on")
    assert any("Your answers so far are still here" in t for t in texts(resumed))


def test_a_topic_question_mid_way_is_answered_and_the_reflection_goes_on(chat):
    chat("I want to reflect on a case")
    chat("teacher")
    first = chat("5 to 11")
    question = question_asked(first)
    reply = chat("what's start again syndrome?")
    assert texts(reply)[0] == KB.topics["start_again_syndrome"].answer
    assert question_asked(reply) == question
