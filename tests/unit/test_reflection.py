"""The guided reflection, turn by turn, as a practitioner would see it.

Messages are given as the NLU would label them (intent and confidence), so
these tests check seen.reflection's own decisions; the integration tests send
real text through the trained model.
"""

from typing import List, Optional

import pytest

from seen import knowledge, reflection
from tests.helpers.reflection_talk import Conversation, default_answer, finished, started

KB = knowledge.load()
CALL_999 = KB.messages.call_999
QUESTIONS = {q.id: q for q in KB.reflection.questions}


def asked_questions(age_band: str, extra: Optional[dict] = None) -> List[str]:
    talk = started(role="teacher", area="derby")
    asked = []
    answers = {"age_band": age_band, **(extra or {})}
    for _ in range(40):
        if talk.state.status != reflection.ACTIVE:
            return asked
        asked.append(talk.current)
        talk.say(answers.get(talk.current, default_answer(talk.current)))
    raise AssertionError("the reflection never ended")


def test_it_starts_with_999_and_asks_for_no_names_then_one_question():
    talk = started()
    first = [r.text for r in talk.turn.replies]
    assert first[0].splitlines()[0] == CALL_999
    assert "don't enter names or identifying details" in first[0]
    assert QUESTIONS["role"].text in first[-1] and talk.current == "role"


def test_an_area_given_at_the_role_question_is_kept_as_the_area_and_the_role_asked_again():
    talk = started()
    said = talk.say("Derby", "inform_context", area="derby")
    assert talk.current == "role" and talk.area == "derby" and "role" not in talk.state.answers
    assert "Derby" in said[-1] and "role" in said[-1]
    talk.say("teacher", "inform_context", role="teacher")
    assert talk.role == "teacher" and talk.current == "age_band"  # the area is not asked


def test_a_role_told_by_where_the_practitioner_works_is_recorded_as_that_role():
    talk = started()
    talk.say("receptionist at a gp surgery")
    assert talk.role == "gp_practice" and talk.current == "age_band"


def test_known_role_and_area_are_not_asked_again():
    talk = started(role="health_visitor", area="derby")
    assert talk.current == "age_band"
    talk.say("12 to 17")
    assert talk.current == "daily_life"


@pytest.mark.parametrize(
    "age_band, must_ask, must_not_ask",
    [
        ("Unborn", {"antenatal_care", "missed_appointments"},
         {"voice", "seen_alone", "feeding_weight", "additional_needs"}),
        ("Under 1", {"feeding_weight", "premature_health", "missed_appointments", "voice"},
         {"antenatal_care", "young_person_view"}),
        ("1 to 4", {"missed_appointments", "voice", "seen_alone"}, {"feeding_weight", "young_person_view"}),
        # Missed health appointments matter at every age (004, "Information – 06"): dental, diabetes, epilepsy.
        ("5 to 11", {"voice", "seen_alone", "missed_appointments"}, {"young_person_view", "caring_role"}),
        ("12 to 17", {"young_person_view", "caring_role", "outside_risks", "seen_alone", "missed_appointments"},
         {"voice", "feeding_weight"}),
    ],
)
def test_each_age_band_brings_its_own_questions(age_band, must_ask, must_not_ask):
    asked = set(asked_questions(age_band))
    assert must_ask <= asked
    assert not must_not_ask & asked
    assert {"daily_life", "impact", "history", "raised_with_family", "agencies", "plan", "threshold"} <= asked


def test_additional_needs_and_adult_needs_open_their_follow_up_questions():
    assert "needs_met" not in asked_questions("5 to 11")
    asked = asked_questions("5 to 11", {"additional_needs": "Yes", "adult_needs": "Not sure"})
    assert {"needs_met", "adult_services"} <= set(asked)


@pytest.mark.parametrize(
    "text, band",
    [("Unborn", "unborn"), ("mum is 28 weeks pregnant", "unborn"), ("6 month old baby", "under_1"),
     ("newborn", "under_1"), ("toddler, about 2", "age_1_4"), ("14 months", "age_1_4"), ("he's 7", "age_5_11"),
     ("year 4", "age_5_11"), ("15", "age_12_17"), ("year 9", "age_12_17"), ("Under 1", "under_1"),
     ("12 to 17", "age_12_17")],
)
def test_the_age_is_understood_in_practitioners_words(text, band):
    talk = started(role="gp", area="derby")
    talk.say(text)
    assert talk.answer("age_band")["value"] == band


def test_an_age_it_cannot_read_is_asked_again_with_the_bands_as_buttons():
    talk = started(role="gp", area="derby")
    said = talk.say("not sure how old")
    assert talk.current == "age_band" and "didn't catch" in said[0]
    assert [b.title for b in talk.turn.replies[-1].buttons][:5] == [b.label for b in KB.reflection.age_bands]


def test_a_long_answer_with_a_question_mark_and_a_topic_word_is_an_answer():
    talk = started(role="teacher", area="derby")
    talk.answer_until("raised_with_family")
    text = ("Raised it at TAF twice, mum agrees to everything and says the right things but nothing changes "
            "- is that disguised compliance? I honestly think so and it's so frustrating")
    said = talk.say(text, "topic_disguised_compliance", 0.97)
    assert talk.answer("raised_with_family")["text"] == text
    # It also answers the disguised compliance question, so that is noted, said, and not asked.
    assert talk.answer("disguised_compliance")["value"] == "yes"
    assert any("You've also told me about disguised compliance (yes)" in line for line in said)
    assert talk.current == "agencies"


def test_a_short_general_question_mid_way_is_answered_then_the_question_asked_again():
    talk = started(role="teacher", area="derby")
    talk.answer_until("history")
    said = talk.say("how do I escalate if I disagree with social care?", "topic_escalation", 0.9)
    assert said[0] == KB.topics["escalation"].answer
    assert KB.reflection.back_to_question in said
    assert QUESTIONS["history"].text in said[-1] and talk.current == "history"
    assert "history" not in talk.state.answers


def test_what_do_you_mean_explains_from_the_knowledge_base_then_asks_again():
    talk = started(role="teacher", area="derby")
    talk.answer_until("chronology")
    said = talk.say("what do you mean?", "explain", 0.8)
    assert said[0] == QUESTIONS["chronology"].explain
    assert KB.topics["chronology_genogram"].answer in said
    assert any(s.startswith("Sources:") for s in said)
    assert QUESTIONS["chronology"].text in said[-1] and talk.current == "chronology"


def test_skip_and_dont_know_move_on_and_are_recorded_as_such():
    talk = started(role="teacher", area="derby")
    talk.answer_until("impact")
    talk.say("skip", "skip", 0.9)
    assert talk.answer("impact")["value"] == "skipped" and talk.current != "impact"
    talk.answer_until("chronology")
    talk.say("I don't know", "dont_know", 0.8)
    assert talk.answer("chronology")["value"] == "not_sure"


def test_yes_no_and_not_sure_are_understood_in_own_words():
    talk = started(role="teacher", area="derby")
    talk.answer_until("seen_alone")
    talk.say("not as far as I know", "dont_know", 0.7)
    assert talk.answer("seen_alone")["value"] == "no"
    talk.answer_until("chronology")
    talk.say("yep, the SW has one", "affirm", 0.4)
    assert talk.answer("chronology")["value"] == "yes"


def test_a_description_given_for_a_yes_no_question_is_kept_and_then_clarified():
    talk = started(role="teacher", area="derby")
    talk.answer_until("adult_needs")
    said = talk.say("mum has depression and dad drinks most nights")
    assert "yes, a no, or not sure" in said[-1] and talk.current == "adult_needs"
    talk.say("Yes", "affirm", 0.9)
    assert talk.answer("adult_needs") == {"text": "mum has depression and dad drinks most nights", "value": "yes"}
    assert talk.current == "adult_services"


def test_words_that_answered_a_later_question_are_not_kept_under_the_yes_or_no_that_follows():
    """A teacher asked whether the boy has been seen alone tells his history
    first, then says yes with what he said alone: the note keeps the history
    under history and the yes with his words under "seen alone"."""
    talk = started(role="teacher", area="derby")
    talk.say("5 to 11")
    talk.answer_until("seen_alone")
    talk.say("he's been with us since reception, there were earlier referrals in year 2 but it went quiet")
    talk.say("yes I chatted to him on his own at lunch, he said his big brother puts him to bed", "affirm", 0.6)
    assert "reception" in talk.answer("history")["text"]
    assert talk.answer("seen_alone") == {
        "text": "yes I chatted to him on his own at lunch, he said his big brother puts him to bed", "value": "yes"}


def test_a_reply_to_is_that_a_yes_or_no_that_tells_something_else_is_noted_where_it_belongs():
    """A teacher asked about missed appointments tells what the boy said: that
    is the child's voice, not an answer about appointments."""
    talk = started(role="teacher", area="derby")
    talk.say("5 to 11")
    talk.answer_until("missed_appointments")
    talk.say("mum says money is tight and she's always polite at the gate")
    said = talk.say("he told me there's nothing in the fridge at home", "share_worry", 0.3)
    assert talk.answer("voice")["text"] == "he told me there's nothing in the fridge at home"
    assert "fridge" not in talk.answer("missed_appointments")["text"]
    assert said[0].startswith("You've also told me about the child's voice") and talk.current != "missed_appointments"


def test_a_no_said_of_what_follows_it_is_not_taken_as_the_answer_to_the_question_asked():
    """Seen in a transcript: a teacher asked about missed health appointments
    said "no, i haven't spoken to mum about it yet", and the note recorded no
    missed appointments. The words are noted where they belong, and the
    question is asked again; the answer then given is the one recorded."""
    talk = started(role="teacher", area="derby")
    talk.say("5 to 11")
    talk.answer_until("missed_appointments")
    said = talk.say("no, i haven't spoken to mum about it yet")
    assert talk.current == "missed_appointments" and talk.answer("missed_appointments")["value"] is None
    assert "spoken to mum" in talk.answer("raised_with_family")["text"]
    assert said[-1].startswith(KB.reflection.choice_after_detail.split("{")[0])
    talk.say("Not sure", "dont_know", 0.9)
    assert talk.answer("missed_appointments") == {"text": "", "value": "not_sure"}
    assert talk.current not in ("missed_appointments", "raised_with_family")


@pytest.mark.parametrize("reply", ["no, she's up to date with all her jabs", "no, he's always hungry though",
                                   "No I haven't checked with the GP yet"])
def test_a_no_with_words_that_answer_nothing_else_stays_the_answer(reply):
    talk = started(role="teacher", area="derby")
    talk.say("5 to 11")
    talk.answer_until("missed_appointments")
    talk.say(reply)
    assert talk.answer("missed_appointments")["value"] == "no" and talk.current != "missed_appointments"


def test_a_reply_to_is_that_a_yes_or_no_in_its_own_words_is_kept_with_the_first():
    talk = started(role="teacher", area="derby")
    talk.say("5 to 11")
    talk.answer_until("missed_appointments")
    talk.say("mum says money is tight")
    talk.say("she cancelled the dentist twice I think", "share_worry", 0.3)
    assert "dentist" in talk.answer("missed_appointments")["text"]


@pytest.mark.parametrize("said", ["ok", "Okay.", "ok thanks", "got it, cheers", "right then"])
def test_a_bare_ok_answers_nothing_and_the_question_is_asked_again(said):
    """After Seen answers a question mid-way, "ok" is no answer about the
    agencies, nor a "yes" to a yes-or-no question."""
    talk = started(role="teacher", area="derby")
    talk.answer_until("seen_alone")
    talk.say(said, "affirm", 0.8)
    assert talk.current == "seen_alone" and "seen_alone" not in talk.state.answers
    talk.say("ok, he was seen alone at school last week", "affirm", 0.5)
    assert talk.answer("seen_alone")["text"] == "ok, he was seen alone at school last week"
    talk.answer_until("agencies")
    replies = talk.say(said, "affirm", 0.8)
    assert talk.current == "agencies" and "agencies" not in talk.state.answers
    assert QUESTIONS["agencies"].text in replies[-1]


def test_go_back_changes_the_last_answer_and_keep_leaves_it():
    talk = started(role="teacher", area="derby")
    talk.answer_until("voice")
    said = talk.say("go back", "go_back", 0.9)
    assert talk.current == "impact" and "Some worries" in said[-1]
    talk.say("Tired, behind in reading, few friends.")
    assert talk.answer("impact")["text"] == "Tired, behind in reading, few friends."
    assert talk.current == "voice"
    talk.say("go back", "go_back", 0.9)
    talk.say("Keep", "resume", 0.58)  # as the classifier reads the button: "keep going"
    assert talk.answer("impact")["text"] == "Tired, behind in reading, few friends."
    assert talk.current == "voice"


def test_a_promise_that_comes_to_nothing_is_noted_as_disguised_compliance():
    talk = started(role="teacher", area="derby")
    talk.answer_until("raised_with_family")
    said = talk.say("spoke to dad at pick up, he always says he'll sort the packed lunches and the bedtimes, "
                    "then nothing changes week to week", "inform", 0.6)
    assert talk.answer("disguised_compliance")["value"] == "yes"
    assert any("disguised compliance (yes)" in line for line in said)


def test_go_back_after_an_answer_that_also_answered_a_later_question_returns_to_the_question_asked():
    talk = started(role="teacher", area="derby")
    talk.answer_until("raised_with_family")
    talk.say("Raised it at TAF twice, mum agrees to everything and says the right things but nothing changes",
             "inform", 0.6)
    assert talk.answer("disguised_compliance")["value"] == "yes" and talk.current == "agencies"
    talk.say("go back", "go_back", 0.9)
    assert talk.current == "raised_with_family"


def test_go_back_while_a_yes_or_no_is_still_to_come_returns_to_the_question_before():
    talk = started(role="teacher", area="derby")
    talk.say("12 to 17")
    talk.answer_until("additional_needs")
    before = talk.state.order[-1]
    talk.say("she says things are fine at home and she doesn't want to talk about it", "inform", 0.6)
    assert talk.current == "additional_needs" and "young_person_view" in talk.state.answers
    talk.say("go back", "go_back", 0.9)
    assert talk.current == before


def test_an_earlier_answer_can_be_changed_by_naming_it():
    talk = started(role="teacher", area="derby")
    talk.answer_until("agencies")
    talk.say("can I change my answer about the history", "go_back", 0.8)
    assert talk.current == "history"
    talk.say("Three referrals since 2019")
    assert talk.current == "agencies"


def test_stop_pauses_and_carry_on_resumes_at_the_same_question():
    talk = started(role="teacher", area="derby")
    talk.answer_until("plan")
    said = talk.say("stop", "pause", 0.9)
    assert "Paused" in said[0] and talk.state.status == reflection.PAUSED
    assert not talk.turn.reflecting
    said = talk.say("I'm worried about a child", "share_worry", 0.9)
    assert [b.title for b in talk.turn.replies[0].buttons] == ["Carry on", "Start again"]
    said = talk.say("carry on", "resume", 0.9)
    assert talk.current == "plan" and QUESTIONS["plan"].text in said[-1]
    assert talk.answer("daily_life")["text"].startswith("Some worries")


def test_start_again_after_a_pause_begins_a_new_reflection():
    talk = started(role="teacher", area="derby")
    talk.answer_until("plan")
    talk.say("pause", "pause", 0.9)
    talk.say("Start again")
    assert talk.current == "age_band" and talk.state.answers == {}


def test_saying_where_you_work_mid_way_updates_the_area_and_asks_the_question_again():
    talk = started(role="teacher", area="derby")
    talk.answer_until("impact")
    said = talk.say("I'm in Rochdale actually", "inform_context", 0.9, area="rochdale")
    assert talk.area == "rochdale" and talk.current == "impact"
    assert QUESTIONS["impact"].text in said[-1]


def test_a_confirmed_emergency_pauses_and_keeps_what_was_written():
    talk = started(role="teacher", area="derby")
    talk.answer_until("voice")
    said = talk.emergency("he's just told me dad burned him with a lighter", confirmed=True)
    assert talk.state.status == reflection.PAUSED
    assert talk.answer("voice")["text"] == "he's just told me dad burned him with a lighter"
    assert "carry on" in said[0]


def test_an_unconfirmed_alarm_takes_the_message_as_the_answer_it_was():
    talk = started(role="gp", area="derby")
    said = talk.emergency("toddler, just turned 2", confirmed=False)
    assert said[0] == KB.reflection.carry_on_after_alarm
    assert talk.answer("age_band")["value"] == "age_1_4" and talk.state.status == reflection.ACTIVE



def test_an_unconfirmed_alarm_on_declining_says_both_carry_on_and_what_was_declined():
    talk = Conversation(role="teacher", area="derby")
    talk.say("I'm worried about a boy in my class, he's always hungry", "share_worry", 0.9)
    said = talk.emergency(KB.reflection.buttons.not_now, confirmed=False)
    assert said == [KB.reflection.carry_on_after_alarm, KB.reflection.declined]
    assert talk.state.status == reflection.PAUSED

def test_commands_outside_a_reflection_offer_to_start_one():
    talk = Conversation()
    said = talk.say("skip", "skip", 0.9)
    assert said == [KB.reflection.not_reflecting]
    assert talk.turn.replies[0].buttons[0].payload == "/share_worry"


def test_a_long_message_that_looks_like_a_command_is_an_answer():
    talk = started(role="teacher", area="derby")
    talk.answer_until("daily_life")
    text = "she stopped going to nursery in May and mum says she'll go back after summer"
    talk.say(text, "pause", 0.6)
    assert talk.answer("daily_life")["text"] == text


def test_the_summary_holds_the_answers_the_prompts_with_sources_and_the_route():
    talk = started(role="health_visitor", area="derby")
    answers = {
        "age_band": "Under 1",
        "daily_life": "Baby left in the cot most of the day, bottles propped.",
        "premature_health": "Yes",
        "missed_appointments": "Yes",
        "history": "Several referrals over the years, CIN twice",
        "chronology": "No",
        "disguised_compliance": "Yes",
        "adult_needs": "Yes",
        "adult_services": "No",
        "plan_progress": "No",
        "tool": "No",
        "threshold": "Not sure",
    }
    talk.answer_until("threshold", answers)
    said = talk.say("Not sure", "dont_know", 0.7)
    assert talk.state.status == reflection.CONFIRMING and talk.turn.reflecting
    summary = next(s for s in said if s.startswith(KB.reflection.summary.heading))
    assert "- Daily life: Baby left in the cot most of the day, bottles propped." in summary
    assert "- Child's age: Under 1" in summary and "- Significant harm: Not sure" in summary
    text = "\n".join(said)
    for rule in KB.reflection.prompts:
        if rule.id in {"significant_harm", "cumulative_harm", "disguised_compliance", "no_tool", "think_family",
                       "drift", "missed_appointments", "vulnerable_baby"}:
            assert rule.text in text, rule.id
    assert KB.reflection.prompts[0].text not in summary
    assert "Graded Care Profile" in text  # Derby's own tools, for the "no tool" prompt
    assert "Procedures and escalation in Derby:" in text
    assert KB.reflection.summary.judgement in said
    assert said[-1] == KB.reflection.note.ask


def test_significant_harm_comes_with_999_first_and_the_route_in_the_summary():
    talk = started(role="teacher", area="sandwell")
    talk.answer_until("threshold")
    said = talk.say("Yes", "affirm", 0.9)
    prompt = next(s for s in said if KB.reflection.prompts[0].text in s)
    assert prompt.splitlines()[0] == CALL_999
    route = next(s for s in said if s.startswith("Procedures and escalation in Sandwell:"))
    assert "0808 800 5000" in route and "westmidlands.procedures.org.uk" in route
    summary = said[:next(i for i, s in enumerate(said) if s.startswith(KB.reflection.note.heading))]
    assert sum(KB.reflection.prompts[0].text in s for s in summary) == 1


def test_a_long_history_brings_the_cumulative_harm_prompt_at_once_and_once_only():
    talk = started(role="teacher", area="derby")
    talk.answer_until("history")
    said = talk.say("Several referrals over the years, CIN twice")
    cumulative = next(r for r in KB.reflection.prompts if r.id == "cumulative_harm")
    assert any(cumulative.text in s for s in said) and talk.current == "chronology"
    said = talk.say("No", "deny", 0.9)
    assert not any(cumulative.text in s for s in said)


def test_an_opening_that_gives_the_age_starts_a_reflection_with_it_noted():
    talk = Conversation(role="gp", area="derby")
    talk.say("she's 8", "describe_child", 0.8)
    assert talk.answer("age_band")["value"] == "age_5_11" and talk.current == "daily_life"


def test_buttons_pressed_mid_way_do_what_they_say_and_are_never_taken_as_answers():
    talk = started(role="teacher", area="derby")
    talk.answer_until("impact")
    said = talk.say("/share_worry", "share_worry", 1.0)
    assert said[0] == KB.reflection.already_active and talk.current == "impact"
    said = talk.say("Reflect on this case", "share_worry", 0.85)  # the button's title, typed
    assert said[0] == KB.reflection.already_active and "impact" not in talk.state.answers
    said = talk.say("/topic_think_family", "topic_think_family", 1.0)
    assert said[0] == KB.topics["think_family"].answer and talk.current == "impact"
    assert "impact" not in talk.state.answers


def test_the_note_is_shown_anonymised_before_anything_is_saved():
    talk = finished({"daily_life": "Kayleigh (mum) leaves Tia with nan at 14 Mill Lane, M6 5FX most days."})
    note = next(t for t in [r.text for r in talk.turn.replies] if t.startswith(KB.reflection.note.heading))
    assert "[NAME]" in note and "[ADDRESS]" in note and "[POSTCODE]" in note
    assert "Kayleigh" not in note and "Mill Lane" not in note and "M6 5FX" not in note
    assert talk.saved == []
    assert [b.title for b in talk.turn.replies[-1].buttons] == ["Save note", "Change an answer", "Don't save"]


def test_saving_stores_the_anonymised_note_gives_a_reference_and_forgets_the_answers():
    talk = finished({"daily_life": "Tia is often with nan Pauline, call 07700 900123."})
    said = talk.say("Save note")
    assert "ABCD-EFGH" in said[0]
    draft = talk.saved[0]
    daily = next(a for a in draft.answers if a["question"] == "daily_life")
    assert "Pauline" not in daily["text"] and "07700" not in daily["text"]
    assert draft.area == "derby" and draft.role == "health_visitor" and draft.age_band == "age_1_4"
    assert talk.state.answers == {} and talk.state.note is None and not talk.turn.reflecting


def test_an_answer_can_be_retyped_or_removed_before_saving():
    talk = finished({"history": "Known since 2019, ref LCS 889123"})
    said = talk.say("change the history")
    assert said == [KB.reflection.note.retype.format(label="History")]
    talk.say("Known to CSC since 2019, two referrals; Mrs Begum was the SW")
    history = next(a for a in talk.state.note["answers"] if a["question"] == "history")
    assert "Begum" not in history["text"] and "[NAME]" in history["text"]
    talk.say("Change an answer")
    talk.say("daily life")
    talk.say("remove")
    assert "daily_life" not in [a["question"] for a in talk.state.note["answers"]]
    talk.say("Save note")
    assert "daily_life" not in [a["question"] for a in talk.saved[0].answers]


def test_declining_discards_the_note():
    talk = finished()
    said = talk.say("Don't save")
    assert said == [KB.reflection.note.not_saved]
    assert talk.saved == [] and talk.state.answers == {} and talk.state.note is None


def test_when_the_store_is_down_nothing_is_lost_and_saving_can_be_retried():
    talk = finished()
    talk.store_works = False
    said = talk.say("Save note")
    assert said == [KB.reflection.note.unavailable] and talk.state.status == reflection.CONFIRMING
    assert talk.state.note is not None and talk.saved == []
    talk.store_works = True
    said = talk.say("Try again")
    assert "ABCD-EFGH" in said[0] and len(talk.saved) == 1


def test_flags_and_prompts_are_stored_with_their_sources():
    talk = finished({"threshold": "Not sure", "tool": "No", "chronology": "No"})
    talk.say("Save note")
    draft = talk.saved[0]
    assert {"no_tool", "no_chronology"} <= set(draft.flags)
    no_tool = next(p for p in draft.prompts if p["id"] == "no_tool")
    assert any(KB.sources["000_b86a29f664dcf464.txt"].title in source for source in no_tool["sources"])
    assert not any(".txt" in source for source in no_tool["sources"])


def test_a_note_with_role_and_age_skipped_can_still_be_checked_and_saved():
    talk = started()
    talk.say("skip", "skip", 0.9)
    talk.say("skip", "skip", 0.9)
    talk.answer_until("threshold")
    talk.say("No", "deny", 0.9)
    talk.say("Save note")
    assert talk.saved[0].role is None and talk.saved[0].age_band is None


def test_not_known_to_a_yes_or_no_question_is_not_sure():
    talk = started(role="gp", area="derby")
    talk.answer_until("seen_alone")
    talk.say("not known, I'm not clinical")
    assert talk.answer("seen_alone")["value"] == "not_sure" and talk.current != "seen_alone"


def test_a_detail_given_at_the_area_question_is_noted_where_it_belongs_and_the_area_asked_again():
    """Not taken for "somewhere else in England", which would drop the board's
    procedures and record the detail as a place."""
    talk = started(role="teacher")
    talk.answer_until("area", {"age_band": "5 to 11"})
    said = talk.say("he says he has cereal on his own most mornings, his big sister gets him up")
    assert talk.current == "area" and talk.area is None and "area" not in talk.state.answers
    assert "cereal on his own" in talk.state.answers["daily_life"]["text"]
    assert any("You've also told me about" in s for s in said)
    assert KB.reflection.area_after_detail in said[-1]
    talk.say("Derby", "inform_context", area="derby")
    assert talk.area == "derby" and talk.current not in ("area", "daily_life")  # daily life is not asked again


def test_a_detail_at_the_area_question_adds_to_an_answer_the_opening_message_gave():
    talk = Conversation(role="teacher")
    talk.say("yr 4 boy came in hungry again, asked the TA for toast, same sweatshirt all week", "share_worry")
    assert talk.current == "area" and "daily_life" in talk.state.answers
    before = talk.state.answers["daily_life"]["text"]
    said = talk.say("he has cereal on his own most mornings, his big sister gets him up")
    assert talk.current == "area" and talk.area is None
    after = talk.state.answers["daily_life"]["text"]
    assert after.startswith(before) and "cereal on his own" in after
    assert KB.reflection.area_after_detail in said[-1]


def test_an_answer_at_the_area_question_that_names_no_place_asks_for_the_area_again():
    """"I've mentioned it to the practice nurse" is not somewhere else in
    England: the board's procedures would be lost for a place never said."""
    talk = started(role="teacher")
    talk.answer_until("area", {"age_band": "5 to 11"})
    said = talk.say("I've mentioned it to the practice nurse")
    assert talk.current == "area" and talk.area is None and "area" not in talk.state.answers
    assert KB.reflection.area_not_a_place in said[-1]
    talk.say("Rochdale", "inform_context", area="rochdale")
    assert talk.area == "rochdale" and talk.current != "area"


@pytest.mark.parametrize("place", ["Kirklees", "east sussex", "I work in Cumbria", "we cover the whole of north yorks",
                                   "Bristol city council", "none of those, I'm in Devon", "lincolnshire county"])
def test_a_place_seen_holds_no_details_for_is_somewhere_else(place):
    talk = started(role="teacher")
    talk.answer_until("area", {"age_band": "5 to 11"})
    talk.say(place)
    assert talk.current != "area" and talk.area == KB.fallback_area


def test_an_area_seen_holds_no_details_for_is_still_somewhere_else():
    talk = started(role="teacher")
    talk.answer_until("area", {"age_band": "5 to 11"})
    talk.say("Kirklees")
    assert talk.current != "area" and talk.area == KB.fallback_area
