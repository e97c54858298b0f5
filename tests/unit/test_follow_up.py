"""Following up a case by its reference, turn by turn, as a practitioner sees
it: finding the case, the shorter reflection on what has changed, and the
note that joins the case. The notes store is replaced by a list of notes,
so these check seen.follow_up's and seen.reflection's own decisions."""

from datetime import datetime, timedelta, timezone
from typing import List, Optional

import pytest

from seen import follow_up, knowledge, respond
from seen.guesses import TooManyTries
from seen.handover import NoteDraft
from seen.reflection import PAUSED, Heard
from seen.reflection_state import CONFIRMING, DONE
from seen.respond import Conversation

KB = knowledge.load()
FOLLOW_UP = KB.follow_up
FINDING = FOLLOW_UP.finding
QUESTIONS = {q.id: q for q in FOLLOW_UP.questions}


def note(reference="RNJV-G4QY", days_ago=125, area="derby", **fields) -> dict:
    """A note as NoteStore.case() returns it."""
    created = (datetime.now(timezone.utc) - timedelta(days=days_ago)).isoformat()
    base = {"reference": reference, "created_at": created, "area": area, "role": "teacher", "age_band": "age_5_11",
            "answers": [{"question": "daily_life", "label": "Daily life", "text": "comes in hungry, same uniform"},
                        {"question": "plan", "label": "The plan", "text": "child in need plan, parenting course"},
                        {"question": "threshold", "label": "Significant harm", "text": "No"}],
            "prompts": [], "values": {"threshold": "no"}, "changes": [], "plan_since": created}
    return {**base, **fields}


class FollowUp:
    """One conversation with Seen, its notes store a list of cases."""

    def __init__(self, cases: List[List[dict]], area: Optional[str] = "derby", role: Optional[str] = "teacher",
                 too_many: bool = False) -> None:
        self.cases, self.area, self.role, self.too_many = cases, area, role, too_many
        self.state, self.waiting, self.looked_up, self.saved = None, None, [], []

    def find(self, reference: str, area: str) -> List[dict]:
        self.looked_up.append((reference, area))
        if self.too_many:
            raise TooManyTries("conversation")
        return next((case for case in self.cases
                     if any(n["reference"] == reference for n in case) and case[-1]["area"] == area), [])

    def store(self, draft: NoteDraft) -> str:
        self.saved.append(draft)
        return "KPQR-7TWX"

    def say(self, text: str, intent: str = "", confidence: float = 0.9, area: Optional[str] = None):
        talk = Conversation(reflection=self.state, role=self.role, area=self.area, waiting_reference=self.waiting)
        turn = respond.respond(KB, talk, Heard(text, intent, confidence, area=area), store=self.store, find=self.find)
        self.state, self.waiting = turn.state, turn.waiting_reference
        self.area, self.role = turn.area or self.area, turn.role or self.role
        self.replies = turn.replies
        return [r.text for r in turn.replies]

    @property
    def current(self) -> Optional[str]:
        return self.state.current if self.state else None


@pytest.mark.parametrize("text, reference", [
    ("follow up RNJV-G4QY", "RNJV-G4QY"),
    ("RNJV-G4QY", "RNJV-G4QY"),
    ("rnjv g4qy", "RNJV-G4QY"),
    ("rnjvg4qy thanks", "RNJV-G4QY"),
    ("I'd like to follow up case rnjv-g4qy please", "RNJV-G4QY"),
    ("the ref is RNJV-G4QY", "RNJV-G4QY"),
    ("Follow up a case", None),
    ("can I follow up my case?", None),
])
def test_a_request_to_follow_up_is_recognised_with_or_without_its_reference(text, reference):
    assert follow_up.requested(KB, Heard(text)) == follow_up.Request(reference)


@pytest.mark.parametrize("text", [
    "how do I follow up a referral that went nowhere?",
    "follow up with the health visitor",
    "continue",
    "carry on",
    "basement",
    "RNJV-G4QY is the family I told you about, mum is drinking again",
    "/share_worry",
])
def test_other_messages_are_not_taken_for_a_follow_up(text):
    assert follow_up.requested(KB, Heard(text)) is None


def test_the_button_asks_for_the_reference_then_the_reference_alone_finds_the_case():
    talk = FollowUp([[note()]])
    assert talk.say(FINDING.button) == [FINDING.ask_reference]
    said = talk.say("RNJV-G4QY")
    assert said[0].startswith("Following up case RNJV-G4QY: 1 note so far, the last from")
    assert talk.looked_up == [("RNJV-G4QY", "derby")]


def test_the_earlier_note_is_shown_as_saved_with_its_month_and_year_only():
    created = datetime(2026, 7, 14, 9, 30, tzinfo=timezone.utc)
    talk = FollowUp([[note(created_at=created.isoformat())]])
    talk.say("follow up RNJV-G4QY")
    shown = talk.replies[0]
    assert "July 2026" in shown.text and "14" not in shown.text and "09:30" not in shown.text
    assert "- Daily life: comes in hungry, same uniform" in shown.text
    assert shown.quotes, "the note's words must not be kept by the tracker store"


def test_an_unknown_reference_and_another_areas_get_the_same_reply():
    elsewhere = FollowUp([[note(area="rochdale")]])
    unknown = FollowUp([[note()]])
    assert elsewhere.say("follow up RNJV-G4QY") == unknown.say("follow up ZZZZ-2222") == [FINDING.not_found]
    assert elsewhere.state is None and unknown.state is None


def test_too_many_misses_are_refused_without_looking_anything_up_more():
    talk = FollowUp([[note()]], too_many=True)
    assert talk.say("follow up RNJV-G4QY") == [FINDING.too_many]
    assert talk.state is None


def test_without_an_area_seen_asks_for_it_and_then_finds_the_case():
    talk = FollowUp([[note()]], area=None)
    assert talk.say("follow up RNJV-G4QY") == [FINDING.which_area]
    assert talk.looked_up == [] and talk.waiting == "RNJV-G4QY"
    said = talk.say('/inform_context{"area":"derby"}', "inform_context", 1.0, area="derby")
    assert any(line.startswith("Following up case RNJV-G4QY") for line in said)
    assert talk.looked_up == [("RNJV-G4QY", "derby")]


def test_a_paused_reflection_survives_a_reference_that_is_not_found():
    talk = FollowUp([[note()]])
    talk.say("I'm worried about a child", "share_worry")
    talk.say("stop", "pause", 0.99)
    assert talk.state.status == PAUSED and not talk.state.answers
    talk.say("follow up ZZZZ-2222")
    assert talk.state.status == PAUSED and talk.say("carry on", "resume", 0.99)[0] == KB.reflection.resume_intro


def test_questions_follow_what_the_earlier_note_covered():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    asked = []
    for _ in range(20):
        if talk.state.status != "active":
            break
        asked.append(talk.current)
        question = QUESTIONS[talk.current]
        talk.say("The same, nothing has really changed at home" if question.change else
                 "No" if question.kind == "choice" else "Nothing new.")
    assert asked[0] == "changed" and "daily_life" in asked and "threshold" in asked
    assert "impact" not in asked and "voice" not in asked, "the earlier note said nothing on these"
    assert "role" not in asked and "age_band" not in asked, "known from the conversation and the earlier note"


def _to(talk: FollowUp, question_id: str) -> None:
    for _ in range(20):
        if talk.current == question_id:
            return
        question = QUESTIONS[talk.current]
        talk.say("Better, attending every day" if question.change else "No" if question.kind == "choice" else "None.")
    raise AssertionError(f"{question_id} was never asked")


def test_a_change_given_with_a_button_is_asked_what_shows_it_and_keeps_both():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    _to(talk, "daily_life")
    assert talk.say("Worse") == [FOLLOW_UP.evidence]
    assert talk.current == "daily_life"
    talk.say("late every day this week and no coat")
    assert talk.state.answers["daily_life"] == {"text": "late every day this week and no coat", "value": "worse"}
    assert talk.current != "daily_life"


def test_skip_after_the_button_keeps_the_change():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    _to(talk, "engagement")
    talk.say("Better")
    talk.say("skip", "skip", 0.99)
    assert talk.state.answers["engagement"]["value"] == "better" and talk.current == "plan_same"


def test_a_change_said_in_words_is_not_asked_again():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    _to(talk, "daily_life")
    said = talk.say("about the same, still hungry on Mondays")
    assert FOLLOW_UP.evidence not in said
    assert talk.state.answers["daily_life"]["value"] == "same"


def test_stop_and_carry_on_resume_the_follow_up_not_a_first_reflection():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    _to(talk, "plan_same")
    talk.say("stop", "pause", 0.99)
    said = talk.say("carry on", "resume", 0.99)
    assert said[0] == FOLLOW_UP.resume_intro and QUESTIONS["plan_same"].text in said[-1]


def test_go_back_changes_an_earlier_follow_up_answer():
    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    _to(talk, "engagement")
    talk.say("go back", "go_back", 0.99)
    assert talk.current == "daily_life"
    talk.say("Worse, she has lost weight")
    assert talk.state.answers["daily_life"]["value"] == "worse"


def _finish(talk: FollowUp, answers: dict) -> None:
    for _ in range(30):
        if talk.state.status != "active":
            return
        question = QUESTIONS[talk.current]
        default = "The same, no change" if question.change else "No" if question.kind == "choice" else "Nothing new."
        talk.say(answers.get(talk.current, default))
    raise AssertionError("the follow-up never ended")


def test_the_saved_follow_up_is_linked_to_the_latest_note_with_its_changes():
    first, second = note("RNJV-G4QY", days_ago=200), note("HXT4-MW2P", days_ago=120)
    talk = FollowUp([[first, second]])
    talk.say("follow up RNJV-G4QY")
    assert talk.replies[0].text.startswith("Following up case HXT4-MW2P: 2 notes so far")
    _finish(talk, {"engagement": "Better: came to every meeting", "plan_same": "Yes", "threshold": "No"})
    assert talk.state.status == CONFIRMING
    talk.say("Save note")
    assert talk.state.status == DONE and talk.state.follows is None
    saved = talk.saved[0]
    assert saved.follows == "HXT4-MW2P" and saved.plan_unchanged
    assert {"question": "engagement", "label": QUESTIONS["engagement"].label, "value": "better"} in saved.changes
    assert {c["question"]: c["value"] for c in saved.changes}["daily_life"] == "same"
    assert saved.values["threshold"] == "no"
    assert "plan_drift" in [p["id"] for p in saved.prompts], "the same plan for 4 months, daily life the same"


def test_an_emergency_mid_follow_up_pauses_it_and_keeps_it_a_follow_up():
    from seen import reflection

    talk = FollowUp([[note()]])
    talk.say("follow up RNJV-G4QY")
    assert talk.current == "changed"
    turn = reflection.after_emergency(KB, talk.state, Heard("he's locked in and screaming", "emergency", 1.0),
                                      True, talk.role, talk.area)
    assert turn.state.status == PAUSED and turn.state.follows == "RNJV-G4QY"
    assert turn.state.answers["changed"]["text"] == "he's locked in and screaming"


@pytest.mark.parametrize("text", [FINDING.button, "follow up RNJV-G4QY", "RNJV-G4QY"])
def test_asking_to_follow_up_mid_reflection_records_no_answer_and_asks_the_question_again(text):
    talk = FollowUp([[note()]])
    talk.say("I'm worried about a child", "share_worry")
    asked = talk.current
    said = talk.say(text)
    assert said[0] == FINDING.mid_reflection and talk.current == asked
    assert asked not in talk.state.answers and talk.looked_up == []


def test_a_paused_reflection_with_answers_is_finished_first_not_replaced():
    talk = FollowUp([[note()]])
    talk.say("I'm worried about a child", "share_worry")
    talk.say("5 to 11")
    talk.say("stop", "pause", 0.99)
    assert talk.say("follow up RNJV-G4QY") == [FINDING.paused_first]
    assert talk.state.status == PAUSED and talk.state.answers and talk.looked_up == []


def test_questions_are_numbered_from_one_without_what_the_earlier_note_carried():
    talk = FollowUp([[note()]], role=None)
    first = talk.say("follow up RNJV-G4QY")[-1]
    second = talk.say("teacher", "inform_context", 0.9)[-1]
    assert first.startswith("Question 1 of about") and second.startswith("Question 2 of about")
