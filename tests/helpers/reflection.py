"""A guided reflection over REST, answered question by question as a
practitioner would, and answers full of the details nobody should keep."""

from typing import Callable, Dict, List

from seen import knowledge

KB = knowledge.load()

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
    "young_person_view": "She says she's fine and doesn't want social workers involved, "
                         "but she wants her mum to get help.",
    "caring_role": "No",
    "outside_risks": "None that we know of; attendance is good.",
    "needs_met": "Appointments are kept and the EHCP support is in place at school.",
}

#: What a practitioner who types real details anyway might answer, and the
#: details no note, export or log may keep.
IDENTIFYING = {
    "role": "I'm the DSL at St Mary's RC Primary",
    "daily_life": "Mum, Kayleigh Brennan, sleeps till noon; Tia gets herself up. They live at 14 Mill Lane, M6 5FX.",
    "voice": "Tia said nan Pauline feeds her at weekends. Her NHS number is 943 476 5919.",
    "history": "Referred three times since 2019, LCS ID 889123, Mr Iqbal was the SW.",
    "raised_with_family": "Rang mum on 07700 900123 on 3rd March 2024 and emailed kb1990@example.com; "
                          "she agreed to everything.",
    "agencies": "School, HV and Dr Okafor at Brookside Medical Centre; dad's snapchat is jaydenb2010.",
}
#: Answers with a name that is also a word ("Storm"), which the anonymiser
#: leaves in and the confirm step asks about before the note is saved.
UNSURE = {
    "daily_life": "Storm was born at 34 weeks and is still small; nan helps out with storm most days.",
    "history": "Known since 2019. Storm was seen by the HV twice.",
}
#: A word the anonymiser takes out in doubt ("Bill" opening a sentence, before "came"), which is no name here.
NOT_A_NAME = {"daily_life": "Bill came through from the council for the uniform and mum can't pay it."}
#: A place's own name the anonymiser leaves in, asked about as a place ("Arndale Centre").
A_PLACE = {"daily_life": "Mum meets him at the Arndale Centre food court; the kids wait at the arndale centre doors."}
SECRETS = ["Kayleigh", "Brennan", "Tia", "Mill Lane", "M6 5FX", "Pauline", "943 476 5919", "889123", "Iqbal",
           "07700 900123", "3rd March", "kb1990", "Okafor", "Brookside", "jaydenb2010", "St Mary"]


def texts(messages: List[dict]) -> List[str]:
    return [m.get("text", "") for m in messages]


def question_asked(messages: List[dict]) -> str:
    """The question the bot has just asked (the last message names it)."""
    last = messages[-1].get("text", "")
    found = [q.id for q in KB.reflection.questions if q.text in last]
    assert found, f"the bot did not ask a reflective question: {last!r}"
    return found[-1]


def walk(chat: Callable[[str], List[dict]], age_band: str, answers: Dict[str, str]) -> Dict[str, object]:
    """Answer every question in turn; return what was asked and said."""
    answers = {**ORDINARY, "age_band": age_band, **answers}
    messages = chat("I'm worried about a child")
    assert messages[0]["text"].splitlines()[0] == KB.messages.call_999
    asked, said = [], []
    for _ in range(len(KB.reflection.questions) + 1):
        question = question_asked(messages)
        asked.append(question)
        if question == "area":
            reply = next(b["payload"] for b in messages[-1]["buttons"] if b["title"] == "Derby")
        else:
            reply = answers[question]
        messages = chat(reply)
        said += texts(messages)
        if any(t.startswith(KB.reflection.summary.heading) for t in texts(messages)):
            return {"asked": asked, "said": said, "answers": answers, "last": messages}
    raise AssertionError(f"no summary after {asked}")
