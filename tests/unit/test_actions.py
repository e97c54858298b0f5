"""Each custom action, with a fresh tracker and dispatcher per case."""

import asyncio
from datetime import date
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.conversation import send
from actions.respond import ActionRespond
from actions.safety import ActionEmergencyFollowUp
from seen import knowledge, reflection
from seen.board_details import BoardDetails
from seen.knowledge import Fact
from seen.reflection_state import to_slot
from seen.replies import REFLECT_PAYLOAD, Reply
from seen.settings import PROJECT_DIR
from stores.kept import QUOTES_PRACTITIONER
from tests.unit.conftest import forget_stores

pytestmark = pytest.mark.usefixtures("action_database")

KB = knowledge.load()
CALL_999 = KB.messages.call_999


def tracker(intent: str, entities: Optional[List[Dict[str, Any]]] = None, text: str = "", **slots: Any) -> Tracker:
    """A tracker whose latest message is ``text`` (by default, the intent's own
    button payload), read by the NLU as ``intent``."""
    return Tracker(
        sender_id="test",
        slots={"area": None, "role": None, "pending_detail_topic": None, "reflection": None, "reflecting": None,
               **slots},
        latest_message={"text": text or f"/{intent}", "intent": {"name": intent, "confidence": 0.9},
                        "entities": entities or []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action, tracker_: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher.messages, events


def test_greeting_puts_999_first_and_asks_for_no_names():
    messages, events = run(ActionRespond(), tracker("greet", text="hello"))
    assert CALL_999 in messages[0]["text"].splitlines()[0]
    assert "don't enter names" in messages[0]["text"]
    assert SlotSet("reflecting", False) in events


@pytest.mark.parametrize("intent, message", [("thank", "thanks"), ("goodbye", "goodbye")])
def test_thanks_and_goodbye(intent, message):
    messages, events = run(ActionRespond(), tracker(intent, text=message))
    assert messages[0]["text"] == getattr(KB.messages, message).strip()
    assert SlotSet("reflecting", False) in events


def test_help_lists_areas_and_offers_starter_questions():
    messages, _ = run(ActionRespond(), tracker("help"))
    assert "Derby" in messages[0]["text"] and messages[0]["buttons"]


def test_topic_answer_when_area_is_not_needed():
    messages, events = run(ActionRespond(), tracker("topic_disguised_compliance", text="what is disguised compliance?"))
    assert messages[0]["text"] == KB.topics["disguised_compliance"].answer
    assert messages[1]["text"].startswith("Sources:")
    assert SlotSet("pending_detail_topic", None) in events


def test_procedure_question_before_area_asks_and_remembers_the_question():
    messages, events = run(ActionRespond(), tracker("topic_local_procedures", text="where are the neglect procedures?"))
    assert "Which area" in messages[-1]["text"]
    assert SlotSet("pending_detail_topic", "local_procedures") in events


def test_procedure_question_naming_the_area_answers_for_that_area():
    entities = [{"entity": "area", "value": "Sandwell"}]
    messages, events = run(ActionRespond(),
                           tracker("topic_local_procedures", entities, text="where are Sandwell's procedures?"))
    assert any("westmidlands.procedures.org.uk" in m["text"] for m in messages)
    assert SlotSet("area", "sandwell") in events and SlotSet("pending_detail_topic", None) in events


def test_procedure_question_uses_the_area_given_earlier():
    messages, _ = run(ActionRespond(),
                      tracker("topic_local_procedures", text="where are the procedures?", area="rochdale"))
    assert any("GM (Greater Manchester) Neglect Procedure" in m["text"] for m in messages)


def test_saying_role_and_area_sets_both():
    entities = [{"entity": "role", "value": "health visitor"}, {"entity": "area", "value": "Derby"}]
    messages, events = run(ActionRespond(), tracker("inform_context", entities, text="I'm a health visitor in Derby"))
    assert "health visitor in Derby" in messages[0]["text"]
    assert SlotSet("role", "health_visitor") in events and SlotSet("area", "derby") in events


def test_saying_the_role_later_keeps_the_area_given_earlier():
    entities = [{"entity": "role", "value": "teacher"}]
    messages, events = run(ActionRespond(), tracker("inform_context", entities, text="I'm a teacher", area="salford"))
    assert "teacher in Salford" in messages[0]["text"]
    assert SlotSet("role", "teacher") in events and SlotSet("area", "salford") not in events


def test_giving_the_area_finishes_the_waiting_answer():
    entities = [{"entity": "area", "value": "derby"}]
    messages, events = run(ActionRespond(),
                           tracker("inform_context", entities, text="derby", pending_detail_topic="escalation"))
    assert any(m["text"].startswith(CALL_999) and "In Derby:" in m["text"] for m in messages)
    assert SlotSet("pending_detail_topic", None) in events


def test_an_area_seen_does_not_know_falls_back_to_england():
    messages, events = run(ActionRespond(), tracker("inform_context", text="I work in Kent"))
    assert "general route for England" in messages[0]["text"]
    assert SlotSet("area", "england") in events


@pytest.mark.parametrize(
    "second, offered",
    [
        ({"name": "topic_accidents_injuries", "confidence": 0.6}, ["/topic_accidents_injuries"]),
        ({"name": "topic_accidents_injuries", "confidence": 0.1}, None),
        ({"name": "greet", "confidence": 0.9}, None),
    ],
    ids=["likely question", "unlikely question", "not a topic"],
)
def test_emergency_follow_up_offers_the_topic_the_message_also_asked_about(second, offered):
    state = tracker("emergency", area="derby")
    state.latest_message["intent_ranking"] = [{"name": "emergency", "confidence": 1.0}, second]
    messages, events = run(ActionEmergencyFollowUp(), state)
    buttons = [b["payload"] for b in messages[0]["buttons"]] if messages else None
    assert buttons == offered and events == [SlotSet("reflecting", False)]


def test_out_of_scope_does_not_guess():
    messages, _ = run(ActionRespond(), tracker("out_of_scope", text="what's the weather like tomorrow?"))
    assert "I don't know" in messages[0]["text"]


def test_a_worry_starts_a_reflection_and_keeps_its_state_in_slots():
    messages, events = run(ActionRespond(), tracker("share_worry", text="I'm worried about a child", area="derby"))
    assert messages[0]["text"].splitlines()[0] == CALL_999
    state = events[0]["value"]
    assert events == [SlotSet("reflection", state), SlotSet("reflecting", True), SlotSet("pending_detail_topic", None)]
    assert state["status"] == reflection.ACTIVE and state["current"] == "role"


def test_an_answer_naming_role_and_area_sets_both_slots():
    started = to_slot(reflection.start(KB, None, None).state)
    entities = [{"entity": "role", "value": "health visitor"}, {"entity": "area", "value": "Derby"}]
    messages, events = run(ActionRespond(), tracker("inform_context", entities, text="HV in Derby", reflection=started))
    assert SlotSet("role", "health_visitor") in events and SlotSet("area", "derby") in events
    assert events[0]["value"]["current"] == "age_band"


def test_an_emergency_mid_reflection_pauses_it_after_the_999_reply():
    state = to_slot(reflection.start(KB, "teacher", "derby").state)
    message = tracker("emergency", text="he says his dad burned him", reflection=state, reflecting=True)
    messages, events = run(ActionEmergencyFollowUp(), message)
    assert "carry on" in messages[-1]["text"].lower()
    assert REFLECT_PAYLOAD not in [b["payload"] for m in messages for b in m.get("buttons") or []]
    assert SlotSet("reflecting", False) in events
    assert events[0]["value"]["status"] == reflection.PAUSED



def test_a_reflection_at_a_question_seen_does_not_ask_fails_at_once_and_changes_nothing():
    forged = {**to_slot(reflection.start(KB, "teacher", "derby").state), "current": "no_such_question"}
    messages, events = run(ActionRespond(), tracker("", text="he is always hungry", reflection=forged))
    assert [m["text"] for m in messages] == [KB.messages.action_failed] and events == []

@pytest.mark.parametrize("metadata, area", [
    ({"board": "derby"}, "Derby"),
    ({"board": "North Somerset"}, "North Somerset"),
    ({"board": "kent"}, None),
    ({}, None),
])
def test_a_message_from_a_boards_widget_is_answered_for_that_boards_area(metadata, area):
    question = tracker("topic_escalation", text="how do I escalate?")
    question.latest_message["metadata"] = metadata
    messages, _ = run(ActionRespond(), question)
    text = "\n".join(m["text"] or "" for m in messages)
    if area:
        assert f"In {area}:" in text
    else:
        assert "In Derby:" not in text and "In North Somerset:" not in text


def test_an_area_the_practitioner_gave_wins_over_the_widgets_board():
    question = tracker("topic_escalation", text="how do I escalate?", area="salford")
    question.latest_message["metadata"] = {"board": "derby"}
    messages, _ = run(ActionRespond(), question)
    assert "In Salford:" in "\n".join(m["text"] or "" for m in messages)


def test_the_action_server_offers_exactly_the_actions_the_domain_lists():
    """rasa-sdk registers every Action subclass it loads: a shared base class
    without a name of its own once showed up in GET /actions as "action_"."""
    executor = ActionExecutor()
    executor.register_package("actions")
    listed = set()
    for path in sorted((PROJECT_DIR / "bot" / "domain").glob("**/*.yml")):
        listed.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actions") or [])
    assert sorted(executor.actions) == sorted(listed)


HV_QUESTION = "hv here, mum is 30 wks and using heroin, can it be neglect before the baby is born?"


def stored_user_event(intent: str) -> Dict[str, Any]:
    """A past message as the tracker store keeps it: what the NLU read, no text."""
    return {"event": "user", "text": None,
            "parse_data": {"text": None, "intent": {"name": intent, "confidence": 0.8}, "entities": []}}


def test_reflect_on_this_case_starts_with_the_question_though_the_store_kept_no_text():
    asked = tracker("topic_neglect_in_pregnancy", text=HV_QUESTION)
    _, events = run(ActionRespond(), asked)
    assert SlotSet("reflect_on", HV_QUESTION) in events
    pressed = tracker("share_worry", text=REFLECT_PAYLOAD, reflect_on=HV_QUESTION)
    pressed.events = [stored_user_event("topic_neglect_in_pregnancy"), stored_user_event("share_worry")]
    _, events = run(ActionRespond(), pressed)
    assert SlotSet("reflecting", True) in events and SlotSet("role", "health_visitor") in events
    assert SlotSet("reflect_on", None) in events


BRUISE = ("Y3 teacher in Eccles. came in monday with a black eye, mum said he fell off the bunk bed, "
          "2nd injury this half term")


def test_a_first_message_given_the_999_reply_can_be_thought_through_without_telling_it_again():
    messages, events = run(ActionEmergencyFollowUp(), tracker("emergency", text=BRUISE))
    assert REFLECT_PAYLOAD in [b["payload"] for b in messages[-1]["buttons"]]
    assert SlotSet("reflect_on", BRUISE) in events
    pressed = tracker("share_worry", text=REFLECT_PAYLOAD, reflect_on=BRUISE)
    pressed.events = [stored_user_event("emergency"), stored_user_event("share_worry")]
    messages, events = run(ActionRespond(), pressed)
    assert SlotSet("reflecting", True) in events
    assert SlotSet("role", "teacher") in events and SlotSet("area", "salford") in events
    assert "You've told me" in "\n".join(m["text"] or "" for m in messages)


def test_with_a_reflection_paused_the_999_reply_offers_no_new_one_and_the_paused_one_is_kept():
    paused = reflection.start(KB, "teacher", "derby").state
    paused.status = reflection.PAUSED
    messages, events = run(ActionEmergencyFollowUp(), tracker("emergency", text=BRUISE, reflection=to_slot(paused)))
    assert REFLECT_PAYLOAD not in [b["payload"] for m in messages for b in m.get("buttons") or []]
    assert not any(e.get("name") == "reflect_on" for e in events)
    assert events[0]["value"]["status"] == reflection.PAUSED


@pytest.mark.parametrize("why, words", [("expired", "ended after 2 hours without a message"),
                                        ("lost", "I've lost our earlier conversation")])
def test_coming_back_to_an_ended_conversation_is_said_once_999_first_then_the_message_is_answered(why, words):
    ended = {"why": why, "idle_minutes": 120}
    messages, events = run(ActionRespond(), tracker("share_worry", text="the boy smells of urine every day",
                                                    conversation_ended=ended))
    assert messages[0]["text"].splitlines()[0] == CALL_999
    assert words in messages[0]["text"]
    assert SlotSet("conversation_ended", None) in events and SlotSet("reflecting", True) in events
    messages, _ = run(ActionRespond(), tracker("greet", text="hello"))
    assert not any(words in m["text"] for m in messages)


def test_after_an_emergency_the_ended_conversation_is_said_after_the_999_reply():
    messages, events = run(ActionEmergencyFollowUp(), tracker(
        "emergency", text="he's been left alone and there's a fire", conversation_ended={"why": "lost"}))
    assert any("lost our earlier conversation" in m["text"] for m in messages)
    assert SlotSet("conversation_ended", None) in events


def test_seens_questions_that_quote_the_practitioner_are_marked_not_to_be_kept():
    dispatcher = CollectingDispatcher()
    send(dispatcher, [Reply("Is 'Bill' a name?", quotes=True), Reply("What is a typical day?")])
    assert [m.get(QUOTES_PRACTITIONER) for m in dispatcher.messages] == [True, None]


@pytest.mark.parametrize("minutes, said", [(120, "after 2 hours"), (60, "after 1 hour"), (90, "after 90 minutes"),
                                           (1, "after 1 minute"), (None, "after 2 hours")])
def test_the_idle_time_is_said_as_a_person_would(minutes, said):
    messages, _ = run(ActionRespond(), tracker("greet", text="hello",
                                               conversation_ended={"why": "expired", "idle_minutes": minutes}))
    assert said + " without a message" in messages[0]["text"]


def test_the_emergency_follow_up_gives_the_front_door_derbys_board_published(action_database):
    """The actions answer with what boards published, read from the database, with no retraining."""
    store = BoardDetails(action_database, KB)
    door = Fact.parse_obj({"text": "Derby City Council children's social care (Initial Response Team)",
                           "phone": "01332 641172",
                           "source": {"url": "https://www.derbyscb.org.uk/contact-us", "checked": date.today()}})
    before, _ = run(ActionEmergencyFollowUp(), tracker("emergency", area="derby"))
    store.approve(store.propose("derby", "front_door", [door], by="ann.derby").id, by="bea.derby")
    forget_stores()  # rather than wait out the 2 s the actions keep what they last read
    try:
        after, _ = run(ActionEmergencyFollowUp(), tracker("emergency", area="derby"))
    finally:
        store.rollback("derby", "front_door", 0, by="test.admin")
        forget_stores()
    assert before == []
    assert "In Derby:" in after[0]["text"] and "01332 641172" in after[0]["text"]
