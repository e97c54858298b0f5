"""Do at a server's start what its first messages would otherwise wait for.

Everything Seen needs is built on first use: the knowledge base, the safety
rules' regular expressions, wordfreq's word lists for 18 languages, the
phrase patterns a message is read with, and the anonymiser (spaCy's matcher
and the name and town lists). On a 2-core machine the first four take 3 to 6
s, the anonymiser 3 to 10 s more when the machine is busy. The action server
starts this in a thread as soon as it is serving (bot/rasa_sdk_plugins.py),
while the Rasa server is still loading its model, so it is usually done
before the first message. A message that arrives sooner waits (``wait``)
until what answering needs is built, rather than building it beside the
warm-up: two threads building at once took over 15 s on a busy machine, and
the first practitioner was told their message took too long. The anonymiser
comes last; a note saved while it is still being built waits for that build
(seen.anonymise.default). Nothing is stored: the conversation below is made
up and no note store is given.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)

#: A made-up conversation that goes down the paths messages usually take:
#: a question, a worry that starts a reflection, and answers to it.
CONVERSATION = (
    ("what is disguised compliance?", "topic_disguised_compliance"),
    ("hv here, 8 month old boy in Derby, smells of urine every day and mum keeps missing clinic", "share_worry"),
    ("I'm a teacher", "inform_context"),
    ("Comes in hungry most days, same uniform all week, often late and tired.", "share_worry"),
    ("not sure", "dont_know"),
)
#: A made-up answer for the anonymiser, with a name, an address and a number in it.
NOTE = "Mum, Kayleigh Brennan, sleeps till noon; they live at 14 Mill Lane, M6 5FX, tel 07700 900123."


_started = threading.Event()
_answering = threading.Event()  # what every message needs is built


def start() -> None:
    """Warm the action server up in a thread; once only."""
    if not _started.is_set():
        _started.set()
        threading.Thread(target=action_server, name="seen-warm-up", daemon=True).start()


def wait(seconds: float) -> None:
    """Block until a warm-up that has started has built what answering needs,
    for at most ``seconds`` (a warm-up never started, as in the unit tests, is
    not waited for)."""
    if _started.is_set():
        _answering.wait(seconds)


def action_server() -> None:
    """Build what the actions use, by using it once; never raises (a failure
    here only means the first messages build it themselves)."""
    started = time.perf_counter()
    try:
        _warm_up()
    except Exception as error:  # noqa: BLE001 - warming up must never stop the server
        log.warning("warming up failed (%s); the first messages will be slower", type(error).__name__)
        return
    finally:
        _answering.set()
    log.info("warmed up in %.1f s", time.perf_counter() - started)


def _warm_up() -> None:
    from seen import anonymise

    _answer()
    _answering.set()
    anonymise.default().anonymise(NOTE)


def _answer() -> None:
    from seen import knowledge, reflection, respond, safety
    from seen.respond import Conversation

    kb = knowledge.default()
    talk = Conversation()
    for text, intent in CONVERSATION:
        heard = reflection.heard_from(kb, {"text": text, "intent": {"name": intent, "confidence": 0.9},
                                           "intent_ranking": [{"name": intent, "confidence": 0.9}]})
        safety.is_emergency(text)
        turn = respond.respond(kb, talk, heard)
        talk = Conversation(reflection=turn.state, role=turn.role or talk.role, area=turn.area or talk.area)
