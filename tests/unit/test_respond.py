"""Seen's reply to a message outside a reflection, turn by turn, as the
practitioner would read it (seen.respond, no Rasa)."""

from typing import List, Optional

import pytest

from seen import knowledge, respond
from seen.reflection import Heard, Turn
from seen.replies import REFLECT_PAYLOAD

KB = knowledge.load()
CALL_999 = KB.messages.call_999
DONT_KNOW = KB.messages.out_of_scope.split(":")[0]


def heard(text: str, *ranking) -> Heard:
    ranking = ranking or (("nlu_fallback", 0.3),)
    return Heard(text, ranking[0][0], ranking[0][1], ranking=tuple(ranking))


def reply(message: Heard, talk: Optional[respond.Conversation] = None) -> Turn:
    return respond.respond(KB, talk or respond.Conversation(), message)


def texts(turn: Turn) -> List[str]:
    return [r.text for r in turn.replies]


def buttons(turn: Turn) -> List[str]:
    return [b.title for r in turn.replies for b in r.buttons]


def test_a_concern_starts_the_reflection_with_what_was_said_and_asks_the_first_question_not_answered():
    turn = reply(heard("Health visitor here. 6 week old baby's weight has been static for two months",
                       ("inform_context", 0.5), ("topic_vulnerable_children", 0.2)))
    said = "\n".join(texts(turn))
    assert turn.reflecting and texts(turn)[0].startswith(CALL_999)
    told = next(line for line in texts(turn) if line.startswith("You've told me about"))
    assert all(part in told for part in ("your role (health visitor)", "child's age (under 1)", "feeding and weight"))
    assert turn.role == "health_visitor"
    assert turn.state.answers["feeding_weight"]["text"] == "6 week old baby's weight has been static for two months"
    assert turn.state.current == "area"  # role and age are not asked again
    assert DONT_KNOW not in said


def test_a_concern_offers_the_topic_that_clearly_fits():
    turn = reply(heard("the family keeps cancelling home visits at the last minute",
                       ("topic_missed_appointments", 0.6), ("share_worry", 0.3)))
    assert turn.reflecting
    assert KB.topics["missed_appointments"].title in buttons(turn)


def test_declining_the_reflection_offers_the_nearest_topics_and_keeps_what_was_said():
    first = reply(heard("the family keeps cancelling home visits at the last minute",
                        ("share_worry", 0.5), ("topic_missed_appointments", 0.3), ("topic_drift_and_delay", 0.1)))
    assert KB.reflection.buttons.not_now in buttons(first)
    talk = respond.Conversation(reflection=first.state)
    declined = reply(heard("no thanks, I just wanted some info", ("deny", 0.6)), talk)
    said = "\n".join(texts(declined))
    assert not declined.reflecting and DONT_KNOW not in said
    assert KB.topics["missed_appointments"].title in buttons(declined)
    back = reply(heard("carry on", ("resume", 0.9)), respond.Conversation(reflection=declined.state))
    assert back.reflecting and back.state.answers == first.state.answers


def test_a_question_about_a_child_gets_the_answer_and_the_reflection_on_offer_with_its_details():
    question = heard("hv here, mum is 30 wks and using heroin, can it be neglect before the baby is born?",
                     ("topic_neglect_in_pregnancy", 0.8))
    answered = reply(question)
    assert texts(answered)[0] == KB.topics["neglect_in_pregnancy"].answer
    assert KB.reflection.buttons.reflect_on_this in buttons(answered)
    pressed = reply(heard(REFLECT_PAYLOAD, ("share_worry", 1.0)), respond.Conversation(previous=question))
    assert pressed.reflecting and pressed.role == "health_visitor"
    assert pressed.state.answers["age_band"]["value"] == "unborn"
    assert KB.topics["neglect_in_pregnancy"].title not in buttons(pressed)  # just answered: not offered again


@pytest.mark.parametrize("intent", ["share_worry", "nlu_fallback"])
def test_reflect_on_this_case_typed_starts_from_the_message_before_as_the_button_does(intent):
    question = heard("hv here, mum is 30 wks and using heroin, can it be neglect before the baby is born?",
                     ("topic_neglect_in_pregnancy", 0.8))
    typed = reply(heard("reflect on this case", (intent, 0.9)), respond.Conversation(previous=question))
    assert typed.reflecting and typed.role == "health_visitor"
    assert typed.state.answers["age_band"]["value"] == "unborn"


@pytest.mark.parametrize("yes", ["yes please", "yeah go on"])
def test_yes_to_reflecting_on_this_case_starts_from_the_message_before_as_the_button_does(yes):
    question = heard("hv here, mum is 30 wks and using heroin, can it be neglect before the baby is born?",
                     ("topic_neglect_in_pregnancy", 0.8))
    accepted = reply(heard(yes, ("affirm", 0.9)), respond.Conversation(previous=question))
    assert accepted.reflecting and accepted.role == "health_visitor"
    assert accepted.state.answers["age_band"]["value"] == "unborn"


def test_yes_with_nothing_offered_before_starts_nothing():
    assert not reply(heard("yes please", ("affirm", 0.9))).reflecting


def test_a_question_in_seens_field_that_no_topic_answers_gets_where_to_look_not_i_dont_know():
    turn = reply(heard("what's the process for reporting FGM?", ("out_of_scope", 0.7),
                       ("topic_making_a_referral", 0.1)))
    said = "\n".join(texts(turn))
    assert DONT_KNOW not in said and "0808 800 5000" in said
    assert KB.topics["making_a_referral"].title in buttons(turn)


def test_outside_seens_field_the_honest_i_dont_know():
    turn = reply(heard("can you book me a meeting room for thursday", ("out_of_scope", 0.8)))
    assert texts(turn)[0].startswith(DONT_KNOW)


def test_a_message_in_another_language_gets_999_first_and_the_general_route():
    turn = reply(heard("Dziecko jest często głodne w szkole, co mam zrobić?", ("out_of_scope", 0.5)))
    said = texts(turn)[0]
    assert said.startswith(CALL_999) and "English" in said and "0808 800 5000" in said
    assert not turn.reflecting


def test_saying_where_you_work_then_a_concern_keeps_the_area():
    context = reply(Heard("I'm a teacher in Rochdale", "inform_context", 0.9, area="rochdale", role="teacher",
                          ranking=(("inform_context", 0.9),)))
    assert (context.area, context.role) == ("rochdale", "teacher")
    turn = reply(heard("year 3 boy always hungry and grubby", ("share_worry", 0.6)),
                 respond.Conversation(role="teacher", area="rochdale"))
    assert turn.reflecting and turn.state.answers["age_band"]["value"] == "age_5_11"
    assert turn.state.current not in ("role", "area", "age_band")
