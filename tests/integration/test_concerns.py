"""A practitioner telling Seen about a child, over REST, as a new user would:
concerns start the reflection with what was said, questions get answers,
only messages outside Seen's field hear "I don't know", and no reply names
an internal file.

The three full transcripts (a teacher on a phone, a health visitor, a GP
receptionist) are written to tests/artifacts/transcript-*.md."""

import re
from typing import List

import pytest

from seen import details, knowledge
from tests.helpers.paths import ARTIFACTS

KB = knowledge.load()
CALL_999 = KB.messages.call_999
DONT_KNOW = KB.messages.out_of_scope.split(":")[0]
FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt|issue_2_brief|README\.md")
#: Answers while walking to the summary; anything not given here is skipped.
SKIP = "skip"


def texts(messages: List[dict]) -> List[str]:
    return [m.get("text") or "" for m in messages]


def said(messages: List[dict]) -> str:
    return "\n".join(texts(messages))


@pytest.mark.parametrize("opener", [
    "I want to talk through a family I've been working with",
    "a girl in year 9 has been coming in with the same dirty uniform for weeks",
    "the boy smells of urine every day and the other kids are starting to notice",
    "Health visitor here. Baby's weight has been static for two months",
    "the family keeps cancelling home visits at the last minute",
    "mum has learning difficulties and struggles with routines",
    "baby has a flat head and mum leaves her in the car seat all day",
])
def test_a_concern_said_as_a_statement_starts_the_reflection_not_i_dont_know_or_999(chat, opener):
    reply = said(chat(opener))
    assert DONT_KNOW not in reply, f"{opener!r} was told Seen doesn't know"
    assert "Then contact children's social care now" not in reply, f"{opener!r} got the emergency reply"
    assert "one question at a time" in reply and "Question" in reply


@pytest.mark.parametrize("accept", ["/share_worry", "Reflect on this case"], ids=["pressed", "typed"])
def test_after_the_999_reply_the_message_can_be_thought_through_without_telling_it_again(chat, accept):
    """A first message given the 999 reply, rightly or not: the reply is as
    ever, then "Reflect on this case", pressed or typed, starts the reflection
    from what was said."""
    opener = ("Year 4 teacher in Oldbury. He's just told me his dad burned his arm with a lighter last night "
              "and he's scared to go home tonight")
    first = chat(opener)
    assert texts(first)[0].startswith(CALL_999) and "Then contact children's social care now" in said(first)
    offered = [b["payload"] for m in first for b in m.get("buttons") or []]
    assert "/share_worry" in offered
    reply = texts(chat(accept))
    told = next(t for t in reply if t.startswith("You've told me about"))
    assert "your role (teacher)" in told and "child's age (5 to 11)" in told
    assert "what's your role" not in reply[-1].lower()


def test_details_in_the_opening_are_said_back_and_not_asked_again(chat):
    reply = texts(chat("Health visitor here. 6 week old baby's weight has been static for two months"))
    told = next(t for t in reply if t.startswith("You've told me about"))
    assert "your role (health visitor)" in told and "child's age (under 1)" in told and "feeding and weight" in told
    assert "what's your role" not in reply[-1].lower() and "How old is the child" not in reply[-1]


def test_an_answer_in_words_the_rules_do_not_know_is_noted_by_the_details_model_and_not_asked(chat):
    """The words in knowledge/reflection.yml miss this caring role; the details
    model (bot/components/details_heard.py), through Rasa and the action
    server, notes it, says so, and the question is not asked."""
    opener = ("school nurse, y8 boy, he's told me he has to get his little sisters ready for school every morning "
              "because mum's in bed")
    assert "caring_role" not in details.opening(KB, opener).answers
    reply = texts(chat(opener))
    told = next(t for t in reply if t.startswith("You've told me about"))
    assert "caring role (yes)" in told
    caring = next(q for q in KB.reflection.questions if q.id == "caring_role")
    assert all(caring.text not in r for r in reply)


def test_a_question_about_whom_to_tell_gets_its_answer(chat):
    reply = said(chat("who should I talk to first if I'm worried about a child at school?"))
    assert "designated safeguarding lead" in reply and "Question 1 of" not in reply


def test_a_concern_told_then_asked_who_to_tell_gets_that_answer_and_the_reflection_on_offer(chat):
    """The telling is about missed appointments; the question is whom to tell."""
    messages = chat("GP receptionist. Mum has missed the baby's last 3 appointments including immunisations and "
                    "doesn't answer when we ring. Who do I tell?")
    reply = said(messages)
    assert "designated safeguarding lead" in reply and KB.topics["who_to_tell"].answer.split(".")[0] in reply
    assert "/share_worry" in [b["payload"] for m in messages for b in m.get("buttons") or []]


def test_a_message_in_another_language_gets_999_first_and_the_general_route(chat):
    reply = texts(chat("Dziecko jest często głodne w szkole i ma brudne ubrania. Co mam zrobić?"))
    assert reply[0].startswith(CALL_999) and "English" in reply[0] and "0808 800 5000" in reply[0]


def test_outside_seens_field_is_still_an_honest_i_dont_know(chat):
    assert texts(chat("can you book me a meeting room for Thursday afternoon"))[0].startswith(DONT_KNOW)


def test_declining_the_reflection_offers_the_nearest_topics_and_nothing_is_lost(chat):
    chat("the family keeps cancelling home visits at the last minute")
    declined = chat("Not now")
    titles = [b["title"] for m in declined for b in m.get("buttons") or []]
    assert DONT_KNOW not in said(declined) and any(t in titles for t in (t.title for t in KB.topics.values()))
    assert "Welcome back" in said(chat("carry on"))


#: Three practitioners opening with a concern, and what their note must then say.
TRANSCRIPTS = {
    "teacher-on-a-phone": (
        "yr 4 teacher here, lad in my class always hungry + same uniform all wk, smells. "
        "mum says shes struggling since dad left",
        ["Your role: teacher", "Child's age: 5 to 11", "Daily life: ", "always hungry"],
    ),
    "health-visitor": (
        "HV in Rochdale. 7 month old, weight dropped from the 50th to the 9th centile since her 4 month check, "
        "mum has missed the last 2 weigh-ins and says baby is just fussy. dad works away",
        ["Area: Rochdale", "Your role: health visitor", "Child's age: Under 1", "Feeding and weight: ",
         "Missed health appointments: "],
    ),
    "gp-receptionist": (
        "GP receptionist here in Derby. Mum has rung to cancel her 13 month old's jabs again, third time now, "
        "and she sounded really low on the phone",
        ["Area: Derby", "Your role: member of GP practice staff", "Child's age: 1 to 4",
         "Missed health appointments: "],
    ),
}


@pytest.mark.parametrize("who", list(TRANSCRIPTS))
def test_a_practitioner_opening_with_a_concern_sees_the_details_carried_into_the_note(chat, who):
    """Open with a concern, then skip every question, as a practitioner in a
    hurry might: what the opening said is in the note. The whole conversation
    is written to tests/artifacts/transcript-<who>.md."""
    opener, expected = TRANSCRIPTS[who]
    log: List[str] = []

    def turn(text: str) -> List[str]:
        replies = texts(chat(text))
        log.extend([f"**Practitioner:** {text}"] + ["**Seen:** " + r.replace("\n", "\n  ") for r in replies])
        return replies

    replies = turn(opener)
    for _ in range(len(KB.reflection.questions) + 2):
        if any(KB.reflection.note.ask in r for r in replies):
            break
        replies = turn(SKIP)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"transcript-{who}.md").write_text("\n\n".join(log), encoding="utf-8")
    note = "\n".join(replies)
    assert KB.reflection.note.ask in note, "the reflection never reached the note"
    for line in expected:
        assert line in note, f"{line!r} was not carried into the note"
    assert not FILE_NAME.search("\n".join(log)), "an internal file name was shown"
