"""Complete a guided reflection over REST, as a practitioner on a phone would:
one walk-through per age band, each with answers that call for particular
prompts, then check the summary."""

from typing import Callable, Dict, List

import pytest

from seen import knowledge

KB = knowledge.load()
CALL_999 = KB.messages.call_999
QUESTIONS = KB.reflection.questions
PROMPTS = {rule.id: rule for rule in KB.reflection.prompts}

#: Answers anyone might give; each walk-through overrides some of them.
ORDINARY = {
    "role": "I'm the DSL at a primary school",
    "daily_life": "Comes in hungry most days, same uniform all week, often late and tired.",
    "impact": "Behind with reading and very withdrawn in class; it has got worse since Easter.",
    "voice": "Said there's never any food in the house and mum is always asleep. Should I have asked more?",
    "history": "First concern was in September, nothing before that we know of.",
    "chronology": "Yes",
    "raised_with_family": "Talked to mum at pick-up; she was upset but agreed to a TAF and has come to both meetings.",
    "disguised_compliance": "No",
    "agencies": "School, school nurse and early help. The GP has been sent the TAF notes.",
    "adult_needs": "No",
    "plan": "TAF plan since October: breakfast club, food bank referral, weekly check-ins.",
    "plan_progress": "Yes",
    "tool": "Yes",
    "threshold": "No",
    "additional_needs": "No",
    "seen_alone": "Yes",
    "missed_appointments": "No",
    "premature_health": "No",
    "feeding_weight": "Feeding well, gaining weight along the centile.",
    "antenatal_care": "Booked late but has been to every appointment since; cot and clothes are ready.",
    "young_person_view": "She says she's fine and doesn't want social workers involved, but she wants her mum to get help.",
    "caring_role": "No",
    "outside_risks": "None that we know of; attendance is good.",
    "needs_met": "Appointments are kept and the EHCP support is in place at school.",
}

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


def _texts(messages: List[dict]) -> List[str]:
    return [m.get("text", "") for m in messages]


def _asked(messages: List[dict]) -> str:
    """The question the bot has just asked (the last message names it)."""
    last = messages[-1].get("text", "")
    found = [q.id for q in QUESTIONS if q.text in last]
    assert found, f"the bot did not ask a reflective question: {last!r}"
    return found[-1]


def walk(chat: Callable[[str], List[dict]], age_band: str, answers: Dict[str, str]) -> Dict[str, object]:
    """Answer every question in turn; return what was asked and said."""
    answers = {**ORDINARY, "age_band": age_band, **answers}
    messages = chat("I'm worried about a child")
    assert messages[0]["text"].splitlines()[0] == CALL_999
    asked, said = [], []
    for _ in range(len(QUESTIONS) + 1):
        question = _asked(messages)
        asked.append(question)
        if question == "area":
            reply = next(b["payload"] for b in messages[-1]["buttons"] if b["title"] == "Derby")
        else:
            reply = answers[question]
        messages = chat(reply)
        said += _texts(messages)
        if any(t.startswith(KB.reflection.summary.heading) for t in _texts(messages)):
            return {"asked": asked, "said": said, "answers": answers}
    raise AssertionError(f"no summary after {asked}")


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
    reply = _texts(chat("she's just told me her mum's boyfriend burned her with a cigarette"))
    assert reply[0].startswith(CALL_999)
    assert any("paused" in t.lower() for t in reply)
    resumed = chat("carry on")
    assert any("Your answers so far are still here" in t for t in _texts(resumed))


def test_a_topic_question_mid_way_is_answered_and_the_reflection_goes_on(chat):
    chat("I want to reflect on a case")
    chat("teacher")
    first = chat("5 to 11")
    question = _asked(first)
    reply = chat("what's start again syndrome?")
    assert _texts(reply)[0] == KB.topics["start_again_syndrome"].answer
    assert _asked(reply) == question
