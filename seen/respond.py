"""Seen's reply to every message the 999 rule does not take.

A reflection in progress takes every message. Otherwise seen.message_kind
says what the message is, and this sends it on: a question to its topic's
answer, a concern to a new reflection started with what was said, and so on.
The Rasa action around it only reads the tracker and sends the replies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from seen import follow_up, message_kind, reflection, replies
from seen.knowledge import Area, Knowledge
from seen.message_kind import Reading
from seen.reflection import Heard, Store, Turn
from seen.reflection_state import ReflectionState
from seen.replies import Button, Reply


@dataclass(frozen=True)
class Conversation:
    """What Seen knows of the conversation before this message."""

    reflection: Optional[ReflectionState] = None
    role: Optional[str] = None
    #: The area given earlier, or that of the board whose widget this is.
    area: Optional[str] = None
    #: A topic whose answer waits for the practitioner's area.
    waiting_topic: Optional[str] = None
    #: The practitioner's message before this one: "Reflect on this case"
    #: starts the reflection with it.
    previous: Optional[Heard] = None
    #: A case reference to follow up once the practitioner says their area.
    waiting_reference: Optional[str] = None


def respond(kb: Knowledge, talk: Conversation, heard: Heard, store: Optional[Store] = None,
            find: Optional[follow_up.Finder] = None) -> Turn:
    """``store`` keeps a confirmed note; ``find`` looks a case up by reference
    (neither is given where there is no notes store)."""
    request = follow_up.requested(kb, heard) if find is not None else None
    state = talk.reflection
    if request is not None and state is not None and state.status == reflection.ACTIVE:
        said = Reply(kb.follow_up.finding.mid_reflection)  # a reference is no answer to any question
        return reflection.ask_again(kb, state, talk.role, talk.area, said)
    if reflection.in_progress(state):
        return reflection.respond(kb, state, heard, talk.role, talk.area, store)
    if request is not None and state is not None and state.status == reflection.PAUSED and state.answers:
        button = Button(kb.reflection.buttons.carry_on, kb.reflection.buttons.carry_on)
        return Turn([Reply(kb.follow_up.finding.paused_first, [button])], state)
    if request is not None:
        return follow_up.respond(kb, request, talk.role, heard.area or talk.area, find, state)
    reading = message_kind.read(kb, heard)
    if reading.kind == message_kind.CONCERN or (_reflect_on_this_typed(kb, heard) and talk.previous is not None):
        return _concern(kb, talk, heard, reading, store)
    if reading.kind == message_kind.COMMAND or _reflection_button(kb, heard):
        return reflection.respond(kb, talk.reflection, heard, talk.role, talk.area, store)
    if reading.kind == message_kind.QUESTION:
        return _answer(kb, talk, heard, reading)
    if reading.kind == message_kind.CONTEXT:
        return _context(kb, talk, heard, find)
    if reading.kind == message_kind.CHAT and heard.intent == "affirm" and talk.previous is not None:
        return _concern(kb, talk, heard, reading, store)  # "yes" to "Reflect on this case?"
    if reading.kind == message_kind.CHAT:
        return Turn([_chat(kb, heard.intent)], talk.reflection)
    if reading.kind == message_kind.OTHER_LANGUAGE:
        return Turn([Reply(kb.messages.other_language.strip())], talk.reflection)
    if reading.kind == message_kind.NOT_HELD:
        return Turn([replies.not_in_guidance(kb, _area(kb, talk, heard), reading.nearest)], talk.reflection)
    return Turn([replies.out_of_scope(kb, _area(kb, talk, heard))], talk.reflection)


def _concern(kb: Knowledge, talk: Conversation, heard: Heard, reading: Reading, store: Optional[Store]) -> Turn:
    """A new reflection, started with what the practitioner just told Seen; from
    the "Reflect on this case" button, or "yes" to it, with the message before it."""
    first, offer = heard, reading.topic
    accepted = heard.text.startswith("/") or heard.intent == "affirm" or _reflect_on_this_typed(kb, heard)
    if accepted and talk.previous and not talk.previous.text.startswith("/"):
        first = talk.previous
        reading = message_kind.read(kb, first)
        offer = None if reading.kind == message_kind.QUESTION else reading.topic  # its answer was just given
    return reflection.respond(kb, talk.reflection, first, talk.role, talk.area, store,
                              offer=offer, nearest=reading.nearest)


def _reflect_on_this_typed(kb: Knowledge, heard: Heard) -> bool:
    """"Reflect on this case" typed, not pressed: it means the message before, as the button does."""
    return heard.text.strip().rstrip(".!").lower() == kb.reflection.buttons.reflect_on_this.lower()


def _reflection_button(kb: Knowledge, heard: Heard) -> bool:
    """"Carry on" and "Start again", pressed or typed, belong to a paused reflection."""
    buttons = kb.reflection.buttons
    return heard.text.strip().lower() in (buttons.carry_on.lower(), buttons.start_again.lower())


def _area(kb: Knowledge, talk: Conversation, heard: Heard) -> Optional[Area]:
    """The area named now, or else the one known from earlier; None if neither."""
    area_id = heard.area or talk.area
    return kb.areas.get(area_id) if area_id else None


def _answer(kb: Knowledge, talk: Conversation, heard: Heard, reading: Reading) -> Turn:
    """The topic's answer in the practitioner's area (or a question asking it,
    the answer finished once it is given); about a particular child, the
    reflection on offer as well."""
    topic = kb.topics[reading.topic]
    area = _area(kb, talk, heard)
    said = replies.topic_answer(kb, topic, area)
    if reading.about_a_child:
        button = Button(kb.reflection.buttons.reflect_on_this, replies.REFLECT_PAYLOAD)
        said.append(Reply(kb.reflection.reflect_offer, [button]))
    waiting = topic.id if topic.area_details and area is None else None
    return Turn(said, talk.reflection, area=heard.area, waiting_topic=waiting)


def _context(kb: Knowledge, talk: Conversation, heard: Heard, find: Optional[follow_up.Finder]) -> Turn:
    """Remember the practitioner's area and role, then finish any answer or
    case look-up that was waiting for the area."""
    role = kb.roles.get(heard.role or "")
    area = kb.areas.get(heard.area or "") or (_area(kb, talk, heard) if role else None)
    if area is None and role is None:
        area = kb.areas[kb.fallback_area]
    said = [replies.context_set(kb, area, role.name if role else None)]
    if area and talk.waiting_reference and find is not None:
        found = follow_up.respond(kb, follow_up.Request(talk.waiting_reference), role.id if role else talk.role,
                                  area.id, find, talk.reflection)
        return Turn(said + found.replies, found.state, area=area.id, role=role.id if role else None)
    waiting = kb.topics.get(talk.waiting_topic or "")
    if area and waiting:
        said.append(replies.area_details(kb, area, waiting.area_details))
        more = replies.follow_up(kb, waiting)
        said += [more] if more else []
    return Turn(said, talk.reflection, area=area.id if area else None, role=role.id if role else None,
                waiting_topic=None if area else talk.waiting_topic)


def _chat(kb: Knowledge, intent: str) -> Reply:
    if intent == "help":
        return replies.help_reply(kb)
    message = {"greet": "greet", "thank": "thanks", "goodbye": "goodbye", "affirm": "affirm", "deny": "deny"}[intent]
    return Reply(getattr(kb.messages, message).strip())
