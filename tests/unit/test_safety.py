"""The emergency check catches immediate danger and leaves ordinary worries alone."""

import pytest

from seen.safety import default_detector, is_emergency

EMERGENCIES = [
    "I've found a toddler alone in the flat",
    "he says his dad burned him",
    "the baby isn't breathing",
    "Just arrived for a home visit, the 2yo is by himself and the door was wide open",
    "a year 6 boy told me his stepdad broke his arm at the weekend",
    "newborn has bruises on both cheeks",
    "mum's boyfriend is outside the school with a knife",
    "she says she's going to take all her mum's tablets tonight",
    "the baby has been shaken, she keeps vomiting and is really drowsy",
    "he's fitting on the classroom floor",
    "a child disclosed that her brother raped her",
    "dad is paralytic and he's the only one looking after the twins",
    "the girl said she is scared to go home because mum will hit her",
    "5 year old missing since this afternoon",
    "the children were locked in their bedroom all weekend",
    "there's a small child wandering on the dual carriageway",
    "\u2018he said his mum\u2019s partner strangled him\u2019",
    # Past-sounding words that must not hide a danger happening now.
    "she seems ok but says she has taken 20 paracetamol",
    "he's in foster care and has just taken an overdose",
    "baby is 2 weeks old, grey and grunting, hardly breathing",
    "she told me her stepdad touched her last night and she's scared to go home",
]

ORDINARY = [
    "I'm worried about a child who often comes in hungry",
    "the house is always messy and the kids smell",
    "she has missed three dental appointments",
    "the parents agree to everything but nothing changes",
    "how do I escalate if I disagree with social care?",
    "I'm feeling burnt out with this case",
    "he had a burn on his arm last year that has healed",
    "14 year old often home alone after school till 6",
    "we did a training scenario about a baby who stopped breathing",
    "what counts as an emergency for a teacher?",
    "mum drinks a lot at weekends",
    "he's missing school most Mondays",
    "the plan is not moving forward at all",
    "the family shut the door on me again",
    # Dated back, dealt with, or everyone fine.
    "burn on his hand from January, healing well, the GP saw it at the time",
    "she was sexually assaulted when she was 9 and it was reported to the police at the time",
    "he was locked out overnight in March, the case was closed after an assessment",
    "the two of them were left home alone for an afternoon, they told me today, everyone's fine",
    "mum said they had nothing in but a bottle of squash and some bread",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_immediate_danger_is_an_emergency(message):
    assert is_emergency(message), f"{message!r} would not get the 999 reply"


@pytest.mark.parametrize("message", ORDINARY)
def test_an_ordinary_worry_is_not_an_emergency(message):
    assert not is_emergency(message), f"{message!r} would get a 999 reply instead of an answer"


def test_the_reason_names_the_kind_of_danger():
    found = default_detector().detect("the baby isn't breathing and there's blood everywhere")
    assert {"not_breathing", "serious_injury"} <= set(found.categories)


def test_an_old_injury_mentioned_with_something_happening_now_is_still_an_emergency():
    assert is_emergency("she had a fracture last year and now her arm looks broken again")


@pytest.mark.parametrize("message", [
    "eczema that's cracked and bleeding because nobody treats it",
    "housing visit: the smell hit me at the door, mattresses on the floor",
    "mum dropped the baby off at nursery in a soaking nappy again this week",
    "his grades have collapsed since September",
    "landlords keep kicking them out so they've moved six times",
    "the batteries for his hearing aids haven't been collected from the pharmacy",
])
def test_words_that_only_look_like_a_danger_are_not_an_emergency(message):
    assert not is_emergency(message)


@pytest.mark.parametrize("message", [
    "eczema that's cracked and bleeding right now and she won't stop screaming",
    "the smell hit me and then I saw he's bleeding from the head",
])
def test_a_harmless_phrase_does_not_hide_a_danger_in_the_same_message(message):
    assert is_emergency(message)


def test_a_pattern_over_weeks_overrules_the_classifiers_guess_but_not_something_happening_now():
    detector = default_detector()
    assert detector.reassured("hasn't been to school since Easter and barely leaves his room")
    assert detector.reassured("collected late 3 times this week and mum's phone is always off")
    assert not detector.reassured("hasn't been to school since Easter and right now he's not answering the door")
