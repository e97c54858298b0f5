"""How Seen reads a message outside a reflection: a question it can answer, a
concern about a child or family, or something outside its field.

Messages are given with the intent and ranking the classifier might give, so
these tests check seen.message_kind's own decisions; the held-out figures in
tests/integration/test_concern_openers_heldout.py send real text through the
trained model.
"""

import pytest

from seen import knowledge, message_kind, reflection
from seen.intents import ASKED_RANKING
from seen.message_kind import CHAT, COMMAND, CONCERN, CONTEXT, NOT_HELD, OTHER_LANGUAGE, OUT_OF_FIELD, QUESTION
from seen.reflection import Heard

KB = knowledge.load()


def read(text: str, *ranking) -> message_kind.Reading:
    ranking = ranking or (("nlu_fallback", 0.3),)
    return message_kind.read(KB, Heard(text, ranking[0][0], ranking[0][1], ranking=tuple(ranking)))


@pytest.mark.parametrize("text, ranking", [
    ("a girl in year 9 has been coming in with the same dirty uniform for weeks",
     [("describe_child", 0.2), ("emergency", 0.17)]),
    ("the boy smells of urine every day and the other kids are starting to notice",
     [("topic_daily_lived_experience", 0.23)]),
    ("Health visitor here. Baby's weight has been static for two months",
     [("inform_context", 0.4), ("topic_missed_appointments", 0.25)]),
    ("the family keeps cancelling home visits at the last minute", [("topic_missed_appointments", 0.19)]),
    ("mum has learning difficulties and struggles with routines", [("topic_think_family", 0.25)]),
    ("something's not right with this family", [("share_worry", 0.19)]),
    ("hv here, baby not gaining", [("out_of_scope", 0.4)]),
    ("smells of urine every day, nobody seems to notice", [("out_of_scope", 0.5)]),
    ("hi, I'm really worried about a lad in my tutor group who never has a coat", [("greet", 0.6)]),
])
def test_a_concern_said_as_a_statement_starts_the_reflection(text, ranking):
    assert read(text, *ranking).kind == CONCERN


def test_a_concern_offers_the_topic_that_clearly_fits_and_only_that():
    fits = read("the family keeps cancelling home visits", ("topic_missed_appointments", 0.7), ("share_worry", 0.2))
    unsure = read("the family keeps cancelling home visits", ("topic_missed_appointments", 0.2), ("share_worry", 0.1))
    assert (fits.kind, fits.topic) == (CONCERN, "missed_appointments")
    assert (unsure.kind, unsure.topic) == (CONCERN, None)


def test_a_concern_told_with_a_question_offers_the_topic_nearest_the_question_though_the_concern_ranks_first():
    """Practitioners often tell the case, then ask: the classifier ranks the
    concern first and the topic asked about after it, unsure."""
    asked = read("Pharmacist. Mum collects her methadone every day with a toddler who looks unkempt. Would the "
                 "health visitor want to know?", ("share_worry", 0.6), ("topic_information_sharing", 0.15))
    told = read("Pharmacist. Mum collects her methadone every day with a toddler who looks unkempt.",
                ("share_worry", 0.6), ("topic_information_sharing", 0.15))
    far = read("Mum collects her methadone every day with a toddler who looks unkempt. What do I do?",
               ("share_worry", 0.9), ("topic_information_sharing", 0.05))
    assert (asked.kind, asked.topic) == (CONCERN, "information_sharing")
    assert (told.kind, told.topic) == (CONCERN, None)
    assert (far.kind, far.topic) == (CONCERN, None)


@pytest.mark.parametrize("text, ranking, topic", [
    ("what is disguised compliance?", [("topic_disguised_compliance", 0.9)], "disguised_compliance"),
    ("how do I escalate if I disagree with social care", [("topic_escalation", 0.45)], "escalation"),
    ("who should I talk to first if I'm worried about a child at school?", [("topic_who_to_tell", 0.6)], "who_to_tell"),
    ("graded care profile", [("topic_graded_care_profile", 0.8)], "graded_care_profile"),
])
def test_a_question_seen_can_answer_gets_its_topic(text, ranking, topic):
    reading = read(text, *ranking)
    assert (reading.kind, reading.topic) == (QUESTION, topic)


def test_a_question_about_a_particular_child_needs_a_sure_topic_and_offers_the_reflection():
    sure = read("mum is 28 wks and using heroin, can it be neglect before the baby is born?",
                ("topic_neglect_in_pregnancy", 0.8))
    unsure = read("mum is 28 wks and using heroin, can it be neglect before the baby is born?",
                  ("topic_neglect_in_pregnancy", 0.35))
    assert (sure.kind, sure.topic, sure.about_a_child) == (QUESTION, "neglect_in_pregnancy", True)
    assert unsure.kind == CONCERN


@pytest.mark.parametrize("text, ranking", [
    ("how many hours is a 14 year old allowed to work on a saturday?", [("out_of_scope", 0.88)]),
    ("what's the process for reporting FGM?", [("out_of_scope", 0.7)]),
    ("do volunteers at our football club need an enhanced DBS?", [("out_of_scope", 0.6)]),
])
def test_a_question_in_seens_field_that_no_topic_answers_never_gets_i_dont_know(text, ranking):
    assert read(text, *ranking).kind == NOT_HELD


@pytest.mark.parametrize("text, ranking", [
    ("what's the weather like tomorrow", [("out_of_scope", 0.94)]),
    ("book me a meeting room", [("out_of_scope", 0.56)]),
    ("lol", [("explain", 0.1), ("skip", 0.09)]),
])
def test_outside_seens_field_is_the_only_kind_that_hears_i_dont_know(text, ranking):
    assert read(text, *ranking).kind == OUT_OF_FIELD


@pytest.mark.parametrize("text", [
    "Dziecko jest często głodne w szkole, co mam zrobić?",
    "Je m'inquiète pour un enfant de ma classe, il arrive souvent le ventre vide.",
    "میں ایک بچے کے بارے میں پریشان ہوں",
])
def test_a_message_in_another_language_is_recognised(text):
    assert read(text, ("out_of_scope", 0.5)).kind == OTHER_LANGUAGE


def test_chit_chat_context_and_commands_keep_their_own_replies():
    assert read("thanks", ("thank", 0.95)).kind == CHAT
    assert read("I'm a health visitor in Derby", ("inform_context", 0.9)).kind == CONTEXT
    assert read("carry on", ("resume", 0.9)).kind == COMMAND


def test_buttons_name_their_kind_outright():
    assert read("/topic_escalation", ("topic_escalation", 1.0)).kind == QUESTION
    assert read("/share_worry", ("share_worry", 1.0)).kind == CONCERN


@pytest.mark.parametrize("text", [
    "need a sounding board",
    "can I run something by you about one of ours?",
    "Don't know where to start with this one",
    "bit of a long story with this one, bear with me",
    "Just come off a home visit and feel a bit sick tbh",
])
def test_wanting_to_talk_a_case_through_is_a_concern_not_outside_the_field(text):
    assert read(text, ("out_of_scope", 0.6)).kind == CONCERN


def test_a_statement_nearest_a_topic_is_a_concern_though_the_classifier_is_unsure_of_the_topic():
    """Told, not asked: "not in my guidance" answers nothing the practitioner said."""
    told = read("nursery. he's 4, still in nappies, hardly any words, not been seen since his 1 year check",
                ("topic_daily_lived_experience", 0.15), ("describe_child", 0.1))
    asked = read("what's the process for reporting FGM?", ("topic_daily_lived_experience", 0.15))
    assert told.kind == CONCERN
    assert asked.kind == NOT_HELD


@pytest.mark.parametrize("text", [
    "can you find me a cheap pasta recipe for 25 kids for the class party",
    "the school wifi keeps dropping out on my laptop",
    "help me write a poem for a health visitor's retirement card",
    "a list of year 3 spellings with silent letters please",
    "lesson ideas for a year 6 topic on the Tudors",
    "which meeting rooms hold 20 for the parents' forum",
    "can we hire the church hall for the reception class's christmas fair",
    "campfire songs for the cubs' camp",
    "how much are we each putting in for the team's secret santa",
    "any ideas for my mums 50th bday, she likes gardening",
    "my stab vest doesn't fit since I lost weight, who do I ask for a refit",
    "booking the team christmas meal, needs a gluten free option",
    "how do I get mould off the seals of the staffroom fridge",
])
def test_an_everyday_errand_the_classifier_calls_out_of_scope_is_outside_the_field_though_it_names_a_child(text):
    assert read(text, ("out_of_scope", 0.8)).kind == OUT_OF_FIELD


@pytest.mark.parametrize("text", [
    "quick one - boy in my yr 5 class has had the same trainers with holes all term, is that enough to pass on?",
    "lad at cubs who has worn the same top every week since september, is that something I should raise?",
])
def test_a_child_named_in_shorthand_and_asked_about_is_a_concern_not_a_general_question(text):
    assert read(text, ("topic_neglect_definition", 0.3), ("out_of_scope", 0.15)).kind == CONCERN


@pytest.mark.parametrize("text", [
    "2 yo not registered with any gp, no jabs since birth, family came from Wolverhampton in the summer. "
    "who picks this up?",
    "CP plan ended in March, things sliding again for the 3 kids. do I go back to the front door?",
])
def test_a_child_described_before_the_question_is_a_concern_not_a_general_question(text):
    """Told first, then asked: the question is about the child just described
    (fresh sets AH, BK, CA: these had "that goes beyond the guidance I hold")."""
    assert read(text, ("out_of_scope", 0.3), ("topic_who_to_tell", 0.2)).kind == CONCERN


def test_a_general_question_after_a_general_statement_still_gets_where_to_look():
    assert read("Volunteers run our youth club on Fridays. Do they all need an enhanced DBS?",
                ("out_of_scope", 0.6)).kind == NOT_HELD


def test_an_everyday_word_in_a_concern_does_not_hide_the_concern():
    """Only the classifier's own "out of scope" lets an errand's word count."""
    assert read("mum says she can't afford a recipe's ingredients and the kids are hungry",
                ("share_worry", 0.6)).kind == CONCERN



def test_a_parent_drunk_at_an_everyday_event_is_a_concern_though_the_classifier_calls_it_out_of_scope():
    """Set BJ: "sports day" is an errand's word, but not beside a parent drunk there: that got "I don't know"."""
    assert read("yr 8 girl's story in english was about a mum who drinks till she passes out. her own mum was "
                "obviously drunk at sports day in the summer. do I take it seriously?",
                ("out_of_scope", 0.5), ("share_worry", 0.2)).kind == CONCERN


@pytest.mark.parametrize("text, ranking", [
    ("who sorts out the bins at our surgery, they've not been emptied all week",
     [("share_worry", 0.35), ("out_of_scope", 0.3)]),
    ("what's the forecast for the staff away day on friday", [("topic_daily_lived_experience", 0.45),
                                                            ("out_of_scope", 0.4)]),
])
def test_an_everyday_errand_with_out_of_scope_close_behind_is_outside_the_field_when_it_names_no_child(
        text, ranking):
    assert read(text, *ranking).kind == OUT_OF_FIELD


def test_an_errand_word_beside_a_child_still_needs_the_classifiers_own_out_of_scope():
    """Out of scope second is not enough when the message names a child."""
    assert read("the kids are going through the bins at the office car park for food",
                ("share_worry", 0.35), ("out_of_scope", 0.3)).kind == CONCERN


def test_a_case_drifting_in_pre_proceedings_is_a_concern():
    assert read("PLO letter went out in the spring and still nothing's changed, legal keep deferring",
                ("out_of_scope", 0.4), ("topic_drift_and_delay", 0.3)).kind == CONCERN

GP = ("GP receptionist. Mum has missed the baby's last 3 appointments including immunisations and doesn't answer "
      "when we ring. Who do I tell?")


def test_a_concern_told_then_asked_gets_the_topic_of_its_own_question():
    """The telling outweighs the asking in the whole message, so the NLU ranks
    the question sentence alone too: "who do I tell?" is who to tell."""
    whole = (("topic_missed_appointments", 0.65), ("topic_who_to_tell", 0.05))
    heard = Heard(GP, "topic_missed_appointments", 0.65, ranking=whole, asked=(("topic_who_to_tell", 0.97),))
    without = Heard(GP, "topic_missed_appointments", 0.65, ranking=whole)
    assert message_kind.read(KB, heard).topic == "who_to_tell"
    assert message_kind.read(KB, without).topic == "missed_appointments"


def test_a_question_that_points_back_keeps_the_topic_the_message_names():
    """"What is it?" alone reads as whatever tool the classifier knows best;
    the whole message names the one meant."""
    text = "Someone said the Wiffin tool might help me track change over time. What is it and how does it work?"
    heard = Heard(text, "topic_neglect_toolkit", 0.8, ranking=(("topic_neglect_toolkit", 0.8),),
                  asked=(("topic_graded_care_profile", 0.6), ("topic_neglect_toolkit", 0.3)))
    assert message_kind.read(KB, heard).topic == "neglect_toolkit"


@pytest.mark.parametrize("text, question", [
    (GP, "Who do I tell?"),
    ("year 9 girl, same dirty uniform for weeks. who do i speak to", "who do i speak to"),
    ("Is this neglect? The baby is always in a wet nappy.", "Is this neglect?"),
    ("Who do I tell if I'm worried about a child?", None),  # one sentence: the whole message is the question
    ("Nursery. He's 3 and still in the same nappy at pick-up. Mum seems low.", None),  # asks nothing
])
def test_the_question_sentence_of_a_message_that_tells_and_asks(text, question):
    assert message_kind.question_sentence(KB, text) == question


def test_the_question_sentences_ranking_is_checked_before_it_is_believed():
    """What reaches the action server is untrusted: only named intents with a
    probability, the first few."""
    parse = {"text": GP, "intent": {"name": "topic_missed_appointments", "confidence": 0.65},
             ASKED_RANKING: [{"name": "topic_who_to_tell", "confidence": 0.97}, {"name": 3, "confidence": 0.5},
                             {"name": "topic_escalation", "confidence": 7}, {"name": "topic_supervision"},
                             {"name": "topic_escalation", "confidence": 0.01}, *[{"name": "x", "confidence": 0}] * 9]}
    assert reflection.heard_from(KB, parse).asked == (("topic_who_to_tell", 0.97), ("topic_escalation", 0.01))
    assert reflection.heard_from(KB, {**parse, ASKED_RANKING: "topic_who_to_tell"}).asked == ()
