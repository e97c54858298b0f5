"""Which kind of message a practitioner sent, outside a reflection.

Practitioners rarely open with a question: most tell Seen what worries them.
So every message outside a reflection is one of three kinds, and only the
last may ever hear "I don't know":

- a question Seen can answer: the topic's answer;
- a concern about a child or family (a statement, a fragment, shorthand):
  the guided reflection, started with what was just said, and the topic that
  clearly fits, on offer;
- something outside Seen's field: the honest "I don't know, here is where to
  look".

Around them sit chit-chat ("thanks"), saying where you work, a reflection
command, a question in Seen's field that its guidance does not cover (the
nearest topics, never "I don't know"), and a message in another language.
The words and thresholds are in knowledge/opening.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from seen import details, language
from seen.intents import DESCRIBE_CHILD_INTENT, OUT_OF_SCOPE_INTENT, SHARE_WORRY_INTENT, topic_of
from seen.knowledge import COMMANDS, Knowledge
from seen.reflection import Heard, command_of

QUESTION, CONCERN, OUT_OF_FIELD = "question", "concern", "out_of_field"
NOT_HELD, CHAT, CONTEXT, COMMAND, OTHER_LANGUAGE = "not_held", "chat", "context", "command", "other_language"
CHAT_INTENTS = ("greet", "goodbye", "thank", "help", "affirm", "deny")
CONTEXT_INTENT = "inform_context"
CONCERN_INTENTS = (SHARE_WORRY_INTENT, DESCRIBE_CHILD_INTENT)
_SENTENCE_BREAKS = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class Reading:
    """What kind of message it is; for a question the topic to answer, for a
    concern the topic to offer; and the nearest topics to suggest."""

    kind: str
    topic: Optional[str] = None
    nearest: Tuple[str, ...] = ()
    about_a_child: bool = False


def read(kb: Knowledge, heard: Heard) -> Reading:
    """The kind of message ``heard`` is, from its words and the classifier's ranking."""
    rules, text, intent = kb.opening, heard.text, heard.intent
    nearest = nearest_topics(kb, heard.ranking)
    if text.startswith("/"):
        return _button(intent, nearest)
    if not language.is_english(text, rules.english_shorthand):
        return Reading(OTHER_LANGUAGE)
    words = len(text.split())
    content = details.without_context(kb, text)
    someone = details.any_match(tuple(rules.about_someone), content)
    signs = details.any_match(tuple(rules.concern_signs), content)
    topic, confidence = nearest_topic(heard.ranking)
    topic = topic if topic_of(intent) == topic else None  # a topic only when it is the classifier's choice
    asked = _sentence_asks(kb, heard)
    sure = rules.question_about_a_child_min_confidence
    offered = topic if topic and confidence >= rules.offer_min_confidence else None
    asking = asks(kb, text)
    if command_of(kb, heard):
        return Reading(COMMAND, nearest=nearest)
    if intent in CHAT_INTENTS and (words <= rules.chat_max_words or not (someone or signs)):
        return Reading(CHAT)
    if intent == CONTEXT_INTENT and not (someone or signs):
        return Reading(CONTEXT)
    if _everyday(kb, heard, content, someone, signs):
        return Reading(OUT_OF_FIELD, nearest=nearest)  # "a recipe the kids will eat", "the school wifi"
    if topic and asking and confidence >= (sure if someone else rules.question_min_confidence):
        return Reading(QUESTION, asked or topic, nearest, about_a_child=someone)
    if intent in CONCERN_INTENTS or signs or (someone and not (asking and _in_general(kb, content))):
        return Reading(CONCERN, asked or offered or _asked_about(kb, heard, asking), nearest, about_a_child=True)
    if topic and confidence >= sure:
        return Reading(QUESTION, topic, nearest)  # a topic named on its own: "disguised compliance"
    if topic and confidence >= rules.question_min_confidence:
        return Reading(QUESTION, topic, nearest)
    if topic and not asking:  # told, not asked, and nearest a topic: "nursery - he's 4, still in nappies..."
        return Reading(CONCERN, None, nearest, about_a_child=True)
    if someone or details.any_match(tuple(rules.field_words), text):
        return Reading(NOT_HELD, nearest=nearest)
    return Reading(OUT_OF_FIELD, nearest=nearest)


def _everyday(kb: Knowledge, heard: Heard, content: str, someone: bool, signs: bool) -> bool:
    """An everyday errand: the classifier takes it for out of scope, unless
    the message names someone and a sign of neglect ("mum was drunk at sports
    day"); or, for a message naming neither, ranks out of scope near the top
    ("the bins at the office, nobody's collected them")."""
    if not details.any_match(tuple(kb.opening.everyday_subjects), content):
        return False
    out_of_scope = dict(heard.ranking).get(OUT_OF_SCOPE_INTENT, 0.0)
    return (heard.intent == OUT_OF_SCOPE_INTENT and not (someone and signs)) or (
        not (someone or signs) and out_of_scope >= kb.opening.everyday_out_of_scope_min_confidence)


def _sentence_asks(kb: Knowledge, heard: Heard) -> Optional[str]:
    """The topic a message's own question asks about: "GP receptionist. Mum
    has missed the baby's last three appointments. Who do I tell?" asks who
    to tell, though the message as a whole reads as missed appointments.
    When the classifier is sure of a topic from the question sentence alone,
    the topic most likely from the sentence and the whole message together:
    "what is it?" means what the message before it names."""
    sentence_topic, confidence = nearest_topic(heard.asked[:1])
    if sentence_topic not in kb.topics or confidence < kb.opening.asked_sentence_min_confidence:
        return None
    both: Dict[str, float] = {}
    for name, p in (*heard.asked, *heard.ranking):
        if topic_of(name) in kb.topics:
            both[topic_of(name)] = both.get(topic_of(name), 0.0) + p
    return max(both, key=both.get)


def question_sentence(kb: Knowledge, text: str) -> Optional[str]:
    """The last sentence that asks something, in a message of more than one
    sentence; None for a message that is one sentence, or asks nothing."""
    sentences = _sentences(text)
    if len(sentences) < 2:
        return None
    return next((s for s in reversed(sentences) if asks(kb, s)), None)


def _asked_about(kb: Knowledge, heard: Heard, asking: bool) -> Optional[str]:
    """The topic a concern told with a question most likely asks about ("Pharmacist.
    Mum collects her methadone with a toddler who looks unkempt. Would the health
    visitor want to know?"): the classifier ranks the concern first and the
    topic only after it, less sure, yet it is most often the one asked for."""
    topic, confidence = nearest_topic(heard.ranking)
    return topic if asking and confidence >= kb.opening.asked_offer_min_confidence else None


def _in_general(kb: Knowledge, text: str) -> bool:
    """A question about children in general ("can a 14 year old work on a
    Saturday?"), not about a child the practitioner knows ("my pupil", "she"),
    nor one told of first ("toddler has had no jabs, family just moved here.
    who do i contact")."""
    return not (details.any_match(tuple(kb.opening.this_child), text) or _tells_of_someone(kb, text))


def _tells_of_someone(kb: Knowledge, text: str) -> bool:
    """Whether a sentence that asks nothing names someone: the question comes
    after a child or family is described."""
    sentences = _sentences(text)
    return len(sentences) > 1 and any(
        not asks(kb, s) and details.any_match(tuple(kb.opening.about_someone), s) for s in sentences)


def _sentences(text: str) -> List[str]:
    return [s for s in _SENTENCE_BREAKS.split(text.strip()) if s.strip()]


def _button(intent: str, nearest: Tuple[str, ...]) -> Reading:
    """A button's payload names its intent outright."""
    topic = topic_of(intent)
    if topic:
        return Reading(QUESTION, topic, nearest)
    if intent in CONCERN_INTENTS:
        return Reading(CONCERN, nearest=nearest, about_a_child=True)
    if intent == CONTEXT_INTENT:
        return Reading(CONTEXT)
    if intent in COMMANDS:
        return Reading(COMMAND)
    return Reading(CHAT) if intent in CHAT_INTENTS else Reading(OUT_OF_FIELD, nearest=nearest)


def asks(kb: Knowledge, text: str) -> bool:
    """Whether the message asks something: a sentence that starts like a
    question ("what's", "how do I", "who should I") or a question mark."""
    if "?" in text:
        return True
    sentences = _SENTENCE_BREAKS.split(text.strip())
    return any(re.match(rf"\s*(?:{p})(?=\W|$)", s, re.IGNORECASE)
               for s in sentences for p in kb.reflection.understanding.asking)


def nearest_topic(ranking: Tuple[Tuple[str, float], ...]) -> Tuple[Optional[str], float]:
    """The most likely topic and its probability."""
    for name, confidence in ranking:
        topic = topic_of(name)
        if topic:
            return topic, confidence
    return None, 0.0


def nearest_topics(kb: Knowledge, ranking: Tuple[Tuple[str, float], ...]) -> Tuple[str, ...]:
    topics = [topic_of(name) for name, _ in ranking]
    return tuple(t for t in topics if t in kb.topics)[:kb.opening.nearest_topics]
