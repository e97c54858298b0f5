"""The NLU component that decides the 999 reply from the rules and the danger scores.

The scores here are fixed per test, so each test shows one branch of the
decision; how good the learned scores are, is measured on words they never
saw (benchmarks/danger_model.py, the held-out integration tests)."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.emergency_override import CLASSIFIER, JUDGE_KEY, PASSAGE, RULES, SCORE, EmergencyOverride
from seen.safety import default_detector

CONFIG = {**EmergencyOverride.get_default_config(), "classifier_min_confidence": 0.5, "classifier_min_score": 0.1,
          "danger_min_score": 0.8, "rules_min_score": 0.15, "rules_now_min_score": 0.05, "passage_min_score": 0.98,
          "reassured_max_score": 0.95}


class FixedScore:
    """A danger model that gives every message the same score, and the same to its highest-scoring passage."""

    def __init__(self, score, passage=0.0):
        self.score = score
        self.passage = passage

    def scores(self, texts):
        return [self.score for _ in texts]

    def passage_scores(self, texts):
        return [self.passage for _ in texts]


def parsed(text, *ranking):
    ranked = [{"name": name, "confidence": p} for name, p in ranking]
    return Message(data={TEXT: text, INTENT: ranked[0], INTENT_RANKING_KEY: ranked})


def judged(text, score, *ranking, check=0.5, passage=0.0):
    """``score`` is the danger score, ``check`` the rules' check, ``passage`` the highest passage's score."""
    message = parsed(text, *ranking)
    EmergencyOverride(CONFIG, model=FixedScore(score, passage), rules_check=FixedScore(check)).process([message])
    return message


def top(message):
    return message.get(INTENT)["name"]


def test_the_rules_win_over_any_classifier_guess():
    message = judged("he says his dad burned him", 0.3, ("topic_accidents_injuries", 0.9), ("emergency", 0.1))
    assert top(message) == "emergency"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["emergency", "topic_accidents_injuries"]


def test_the_rules_win_even_when_the_score_is_sure_there_is_no_danger():
    assert top(judged("he says his dad burned him", 0.0, ("share_worry", 0.9))) == "emergency"


def test_the_rules_stand_down_when_their_check_is_nearly_sure_of_a_concern():
    message = judged("he says his dad burned him", 0.3, ("share_worry", 0.9), ("emergency", 0.05), check=0.02)
    assert top(message) == "share_worry"


def test_a_sure_classifier_does_not_overrule_the_rules_check_where_the_rules_matched():
    """The check has read every writer's messages with these words; the
    classifier only the bot's examples (a crew's "found him collapsed
    yesterday, fine once sat up" in set BG)."""
    message = judged("he says his dad burned him", 0.3, ("emergency", 0.9), ("share_worry", 0.1), check=0.02)
    assert top(message) == "share_worry"


def test_a_match_their_check_doubts_is_still_an_emergency_when_the_danger_score_is_sure():
    assert top(judged("he says his dad burned him", 0.9, ("share_worry", 0.9), check=0.0)) == "emergency"


@pytest.mark.parametrize("text", ["the 3 year old is on his own in the flat right now",
                                  "mum is passed out drunk and the baby is with her right now"])
def test_a_danger_said_to_be_happening_now_is_an_emergency_where_the_check_has_the_least_doubt(text):
    """Under the check's usual bar (0.15), over the one for a danger said to be now (0.05)."""
    assert top(judged(text, 0.0, ("share_worry", 0.9), check=0.06)) == "emergency"


def test_a_now_that_is_a_habit_is_a_concern_when_the_check_is_sure_beyond_doubt():
    """"Waiting outside the gate" says now to the rules; "some mornings" makes it a habit (set BQ)."""
    text = "year 1 boy, turns up on his own some mornings and is waiting outside the gate from 8am"
    assert "happening_now" in default_detector().detect(text).categories  # the branch this test is about
    assert top(judged(text, 0.0, ("share_worry", 0.9), check=0.01)) == "share_worry"
    assert top(judged(text, 0.0, ("share_worry", 0.9), check=0.06)) == "emergency"


def test_a_danger_only_just_told_is_for_the_check_to_judge():
    """"Has just told me" dates the telling, not the danger (set BI's probation officer)."""
    text = "probation. my client has just told me his partner leaves her 6 year old home alone when she goes out"
    assert top(judged(text, 0.0, ("share_worry", 0.9), check=0.02)) == "share_worry"
    assert top(judged(text, 0.0, ("share_worry", 0.9), check=0.5)) == "emergency"


def test_a_confident_classifier_emergency_stands_when_the_score_agrees_a_little():
    message = judged("mum's fella has the kids and he's proper out of order", 0.1,
                     ("emergency", 0.5), ("topic_think_family", 0.2))
    assert top(message) == "emergency"


def test_a_sure_classifier_gives_way_when_the_score_is_sure_it_is_a_concern():
    message = judged("2 yr old, bottle of coke in the buggy, hardly any words, mum on methadone", 0.09,
                     ("emergency", 0.95), ("share_worry", 0.05))
    assert top(message) == "share_worry"


def test_a_confident_score_makes_an_emergency_the_rules_and_the_classifier_missed():
    message = judged("mum's fella has the kids and he's proper out of order", 0.8,
                     ("topic_think_family", 0.6), ("emergency", 0.2))
    assert top(message) == "emergency"
    assert message.get(INTENT)["confidence"] == 1.0


def test_an_emergency_guess_gives_way_when_neither_judge_is_confident():
    message = judged("the baby always seems grizzly", 0.79, ("emergency", 0.49), ("topic_daily_lived_experience", 0.3))
    assert top(message) == "topic_daily_lived_experience"
    assert "emergency" not in [r["name"] for r in message.get(INTENT_RANKING_KEY)]


@pytest.mark.parametrize("score, guess", [(0.94, 0.1), (0.1, 0.8)])
def test_a_reassured_message_is_not_an_emergency_without_the_rules(score, guess):
    message = judged("he had a febrile fit last night but he's fine now", score,
                     ("emergency", guess), ("topic_accidents_injuries", 0.1))
    assert top(message) == "topic_accidents_injuries"


def test_a_danger_score_sure_beyond_doubt_is_not_overruled_by_words_that_reassure():
    """Sets BV and BX, missed: "parents say nothing happened" and "mummy went away yesterday" read as
    reassurance, over a danger score of 0.99 and more."""
    text = "3yo crying behind the front door, mummy went out yesterday"
    assert default_detector().reassured(text) and default_detector().detect(text) is None
    assert top(judged(text, 0.99, ("share_worry", 0.6), ("emergency", 0.3))) == "emergency"
    assert top(judged(text, 0.94, ("share_worry", 0.6), ("emergency", 0.3))) == "share_worry"


ACCOUNT = ("Childminder. Mum works nights and he's often in yesterday's clothes, no nappies in his bag. "
           "He's on the floor now jerking all over, eyes rolled back.")


def test_a_danger_told_at_the_end_of_a_long_account_is_an_emergency_when_its_passage_is_sure():
    """Set EC: a toddler's swallowed battery told after an account of neglect scored 0.39 as a message, its
    last two sentences 0.99."""
    message = judged(ACCOUNT, 0.39, ("share_worry", 0.9), passage=0.99)
    assert top(message) == "emergency"
    assert message.get(JUDGE_KEY) == PASSAGE
    assert top(judged(ACCOUNT, 0.39, ("share_worry", 0.9), passage=0.97)) == "share_worry"


def test_words_that_reassure_overrule_a_passage_only_below_the_bar_of_sure_beyond_doubt():
    text = "Same uniform all week. He had a febrile fit last night. He's fine now."
    assert default_detector().reassured(text)
    lenient = {**CONFIG, "passage_min_score": 0.9}
    for passage, judge in ((0.93, None), (0.96, PASSAGE)):
        message = parsed(text, ("share_worry", 0.9))
        EmergencyOverride(lenient, model=FixedScore(0.1, passage), rules_check=FixedScore(0.5)).process([message])
        assert message.get(JUDGE_KEY) == judge


def test_an_emergency_guess_with_nothing_after_it_falls_back():
    assert top(judged("the baby always seems grizzly", 0.1, ("emergency", 0.4))) == "nlu_fallback"


def test_button_payloads_are_left_alone():
    assert top(judged("/topic_dvrim", 0.99, ("topic_dvrim", 1.0))) == "topic_dvrim"


@pytest.mark.parametrize("changed", ["concern_openers.yml", "emergency_openers.yml"])
@pytest.mark.parametrize("component", ["EmergencyOverride", "DetailsHeard"])
def test_a_change_to_a_tuning_set_retrains_the_components_that_learn_from_it(tmp_path, monkeypatch, changed,
                                                                            component):
    import components.details_heard as details_heard
    import components.tuning_sets as tuning_sets

    learner = {"EmergencyOverride": EmergencyOverride, "DetailsHeard": details_heard.DetailsHeard}[component]
    (tmp_path / "tests" / "dev_x").mkdir(parents=True)
    monkeypatch.setattr(tuning_sets, "PROJECT", tmp_path)
    path = tmp_path / "tests" / "dev_x" / changed
    path.write_text("openers: []\n")
    before = learner.fingerprint_addon({})
    path.write_text("openers: ['a new concern']\n")
    assert learner.fingerprint_addon({}) != before


def test_a_change_to_the_safety_rules_retrains_the_rules_check(tmp_path, monkeypatch):
    """The check learns from the messages the rules' words match: new words must retrain it, not restore it
    from Rasa's cache (as happened when a rule was added on 2026-12-04)."""
    import components.emergency_override as emergency_override

    monkeypatch.setattr(emergency_override, "KNOWLEDGE_DIR", tmp_path)
    rules = tmp_path / "safety.yml"
    rules.write_text("patterns: {}\n")
    before = EmergencyOverride.fingerprint_addon({})
    rules.write_text("patterns: {not_breathing: ['not moving']}\n")
    assert EmergencyOverride.fingerprint_addon({}) != before


@pytest.mark.parametrize("text, score, ranking, judge", [
    ("he says his dad burned him", 0.0, [("share_worry", 0.9)], RULES),
    ("something feels really wrong at the house", 0.1, [("emergency", 0.9)], CLASSIFIER),
    ("something feels really wrong at the house", 0.95, [("share_worry", 0.9)], SCORE),
    ("worried about the state of the house", 0.05, [("emergency", 0.9)], None),
    (ACCOUNT, 0.3, [("share_worry", 0.9)], None),
])
def test_the_parse_names_the_judge_that_gave_the_999_reply_and_no_other(text, score, ranking, judge):
    """The benchmarks count 999 replies by judge from this label; it is never the text."""
    assert judged(text, score, *ranking).get(JUDGE_KEY) == judge
