"""Small helpers the actions share: what the tracker says about the
practitioner and the conversation, and sending replies."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from seen import conversation_end, knowledge, log_privacy, reflection, warm_up
from seen.board_details import BoardDetails
from seen.follow_up import Finder
from seen.guesses import CLIENT_KEY, Guesses
from seen.knowledge import Area, Knowledge
from seen.local_details import LiveDetails
from seen.notes import NoteStore
from seen.reflection import Heard, Turn
from seen.reflection_state import ReflectionState, from_slot, to_slot
from seen.replies import REFLECT_PAYLOAD, Reply
from seen.respond import Conversation
from stores.kept import QUOTES_PRACTITIONER

#: The slot that holds a message Seen offered to reflect on (domain/base.yml).
REFLECT_ON_SLOT = "reflect_on"

#: The longest one action may take; past it the practitioner is asked to send again.
ACTION_SECONDS = 15.0
#: The longest an action waits for the server's warm-up before it starts its
#: own clock (seen/warm_up.py: 5 to 10 s, more on a busy machine).
WARM_UP_SECONDS = 45.0
#: Threads for the actions' work (the anonymiser, the database), so the action
#: server's event loop keeps answering other practitioners meanwhile.
_WORKERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="seen-action")

Events = List[Dict[Text, Any]]
log = logging.getLogger(__name__)


async def off_the_loop(dispatcher: CollectingDispatcher, work: Callable[[], Tuple[List[Reply], Events]]) -> Events:
    """Run an action's ``work`` in a worker thread, within ACTION_SECONDS, and
    send what it says. If it fails or takes too long, the practitioner is told
    so plainly, the log gets only the error's type and place (never the
    conversation), and no slot changes: the reflection stays where it was."""
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, warm_up.wait, WARM_UP_SECONDS)
    try:
        said, events = await asyncio.wait_for(loop.run_in_executor(_WORKERS, work), ACTION_SECONDS)
    except asyncio.TimeoutError:
        log.error("an action took longer than %.0f s and was abandoned", ACTION_SECONDS)
        send(dispatcher, [Reply(knowledge.default().messages.action_slow)])
        return []
    except Exception as error:  # noqa: BLE001 - any failure: a clear reply, nothing lost
        log.error("an action failed: %s at %s", type(error).__name__, log_privacy.where(error))
        send(dispatcher, [Reply(knowledge.default().messages.action_failed)])
        return []
    send(dispatcher, said)
    return events


@lru_cache(maxsize=1)
def notes() -> NoteStore:
    """The notes store, opened on first use (DATABASE_URL, or the SQLite file)."""
    return NoteStore()


@lru_cache(maxsize=1)
def _live_details() -> LiveDetails:
    return LiveDetails.from_store(BoardDetails(None, knowledge.default()))


def answering() -> Knowledge:
    """knowledge/ with the details boards have published since: what replies are made from."""
    return _live_details().knowledge(knowledge.default())


def heard(tracker: Tracker) -> Heard:
    return reflection.heard_from(knowledge.default(), tracker.latest_message)


def known_area(tracker: Tracker) -> Optional[Area]:
    """The area named now, or else the one given earlier in the conversation."""
    area_id = heard(tracker).area or remembered_area(tracker)
    return answering().areas.get(area_id) if area_id else None


def remembered_area(tracker: Tracker) -> Optional[str]:
    """The area given earlier, else that of the board whose web widget sent the message.

    The widget puts {"board": "derby"} in every message's metadata, so Seen
    knows the area without asking, and still does after a session expires.
    """
    return tracker.get_slot("area") or board_area(tracker.latest_message.get("metadata"))


def board_area(metadata: Any) -> Optional[str]:
    """The area id for the widget's data-board (an area id or name), or None if it names no area we know."""
    board = metadata.get("board") if isinstance(metadata, dict) else None
    area = knowledge.default().find_area(board) if isinstance(board, str) and board.strip() else None
    return area.id if area else None


def reflection_state(tracker: Tracker) -> Optional[ReflectionState]:
    """The reflection kept in its slot; ValueError if the slot holds something else."""
    return from_slot(tracker.get_slot("reflection"))


def conversation(tracker: Tracker) -> Conversation:
    return Conversation(
        reflection=reflection_state(tracker),
        role=tracker.get_slot("role"),
        area=remembered_area(tracker),
        waiting_topic=tracker.get_slot("pending_detail_topic"),
        previous=_previous_message(tracker),
        waiting_reference=_text_slot(tracker, "waiting_reference"),
    )


def _text_slot(tracker: Tracker, name: str) -> Optional[str]:
    value = tracker.get_slot(name)
    return value if isinstance(value, str) else None


@lru_cache(maxsize=1)
def guesses() -> Guesses:
    """Misses at finding a case, counted per conversation and per client."""
    return Guesses()


def case_finder(tracker: Tracker) -> Finder:
    """Look a case up by reference in one area, for this conversation and its
    client (the address the channel saw, in the message's metadata: set by
    the channel, never by the browser), slowed once either has missed too often."""
    metadata = tracker.latest_message.get("metadata")
    client = metadata.get(CLIENT_KEY) if isinstance(metadata, dict) else None
    client = client if isinstance(client, str) else None

    def find(reference: str, area: str) -> List[dict]:
        guesses().check(tracker.sender_id, client)
        case = notes().case(reference, areas=[area])
        if not case:
            guesses().missed(tracker.sender_id, client)
        return case

    return find


def _previous_message(tracker: Tracker) -> Optional[Heard]:
    """The message Seen offered to reflect on, if the practitioner then pressed
    "Reflect on this case": its text from REFLECT_ON_SLOT (the tracker keeps no
    message text), the rest as the NLU read it."""
    said = [e for e in tracker.events if e.get("event") == "user"]
    text = tracker.get_slot(REFLECT_ON_SLOT)
    if len(said) < 2 or not isinstance(text, str):
        return None
    return reflection.heard_from(knowledge.default(), {**(said[-2].get("parse_data") or {}), "text": text})


def reflect_on_events(tracker: Tracker, said: List[Reply]) -> List[Dict[Text, Any]]:
    """A typed message that Seen offers to reflect on is kept in REFLECT_ON_SLOT
    until the next message, as answers are kept; otherwise the slot is emptied."""
    typed = tracker.latest_message.get("text") or ""
    offered = any(b.payload == REFLECT_PAYLOAD for reply in said for b in reply.buttons)
    reflect_on = typed if offered and not typed.startswith("/") else None
    return [SlotSet(REFLECT_ON_SLOT, reflect_on)] if reflect_on != tracker.get_slot(REFLECT_ON_SLOT) else []


def slot_events(tracker: Tracker, turn: Turn) -> List[Dict[Text, Any]]:
    """The turn's state in slots, and the message Seen offers to reflect on."""
    events = [SlotSet("reflection", to_slot(turn.state)), SlotSet("reflecting", turn.reflecting),
              SlotSet("pending_detail_topic", turn.waiting_topic)]
    if turn.waiting_reference != tracker.get_slot("waiting_reference"):
        events.append(SlotSet("waiting_reference", turn.waiting_reference))
    events += reflect_on_events(tracker, turn.replies)
    if turn.area and turn.area != tracker.get_slot("area"):
        events.append(SlotSet("area", turn.area))
    if turn.role and turn.role != tracker.get_slot("role"):
        events.append(SlotSet("role", turn.role))
    return events


def ended_notice(tracker: Tracker) -> Tuple[List[Reply], Events]:
    """That the conversation the practitioner came back to had ended, once."""
    said = conversation_end.notice(knowledge.default(), tracker.get_slot(conversation_end.ENDED_SLOT))
    return ([said], [SlotSet(conversation_end.ENDED_SLOT, None)]) if said else ([], [])


def send(dispatcher: CollectingDispatcher, replies: List[Reply]) -> None:
    """Each reply; one that quotes the practitioner is marked, so the tracker
    store does not keep its text (bot/stores/kept.py)."""
    for reply in replies:
        buttons: List[Dict[str, Any]] = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        marked = {QUOTES_PRACTITIONER: True} if reply.quotes else {}
        dispatcher.utter_message(text=reply.text, buttons=buttons or None, **marked)
