"""The guided reflection as plain Python: what a message means at each step,
which question comes next, and what Seen says.

The state between messages is a ReflectionState (seen/reflection_state.py),
which the Rasa action keeps in a slot; it sends the replies. Everything Seen
says comes from knowledge/reflection.yml. The practitioner stays in charge:
anything that is not clearly a command, a question to Seen or a change of
context is taken as their answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from seen import details, note_draft, replies, summary
from seen.conditions import holds
from seen.handover import NoteDraft, NotSaved
from seen.intents import (
    ASKED_RANKING,
    ASKED_RANKING_LENGTH,
    DESCRIBE_CHILD_INTENT,
    EMERGENCY_INTENT,
    FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    SHARE_WORRY_INTENT,
    topic_of,
)
from seen.knowledge import COMMANDS, NOT_SURE, SKIPPED, Area, Knowledge, Question
from seen.reflection_state import ACTIVE, CONFIRMING, DONE, PAUSED, ReflectionState
from seen.replies import Button, Reply

#: Stores a confirmed note and returns its reference, or raises NotSaved
#: (seen.notes.NoteStore.save).
Store = Callable[[NoteDraft], str]


@dataclass(frozen=True)
class Heard:
    """What the NLU made of one message."""

    text: str
    intent: str = ""
    confidence: float = 0.0
    area: Optional[str] = None
    role: Optional[str] = None
    #: Every intent with its probability, most likely first.
    ranking: Tuple[Tuple[str, float], ...] = ()
    #: The questions the details model found answered, each with the index
    #: of the clause that answers it and the choice (seen.details.HEARD_ANSWERS).
    learned: Tuple[Tuple[str, int, Optional[str]], ...] = ()
    #: The intents ranked for the message's question sentence alone, when it
    #: tells and then asks (seen.intents.ASKED_RANKING).
    asked: Tuple[Tuple[str, float], ...] = ()


def heard_from(kb: Knowledge, parse_data: dict) -> Heard:
    """A Heard from Rasa's parse of a message. Below the fallback threshold the
    classifier's own best guess is kept (a reflection weighs it itself), unless
    that guess was an emergency the override did not confirm."""
    ranking = [r for r in parse_data.get("intent_ranking") or []
               if r.get("name") not in (FALLBACK_INTENT, EMERGENCY_INTENT)]
    intent = parse_data.get("intent") or {}
    if intent.get("name") == FALLBACK_INTENT and ranking:
        intent = ranking[0]
    entities = {e.get("entity"): str(e.get("value")) for e in parse_data.get("entities") or []}
    area = kb.find_area(entities["area"]) if "area" in entities else None
    role = kb.find_role(entities["role"]) if "role" in entities else None
    return Heard(
        text=parse_data.get("text") or "",
        intent=intent.get("name") or "",
        confidence=float(intent.get("confidence") or 0.0),
        area=area.id if area else None,
        role=role.id if role else None,
        ranking=tuple((str(r.get("name")), float(r.get("confidence") or 0.0)) for r in ranking or [intent]),
        learned=_learned(kb, parse_data.get(details.HEARD_ANSWERS)),
        asked=_ranked(parse_data.get(ASKED_RANKING)),
    )


def _ranked(found: object) -> Tuple[Tuple[str, float], ...]:
    """A ranking as sent to the action server, which trusts nothing it is
    sent: names with probabilities, the first few only."""
    if not isinstance(found, list):
        return ()
    kept = [(r["name"], float(r["confidence"])) for r in found[:ASKED_RANKING_LENGTH]
            if isinstance(r, dict) and isinstance(r.get("name"), str)
            and isinstance(r.get("confidence"), (int, float)) and 0 <= r["confidence"] <= 1]
    return tuple(kept)


def _learned(kb: Knowledge, found: object) -> Tuple[Tuple[str, int, Optional[str]], ...]:
    """The details model's verdict as sent to the action server, which trusts
    nothing it is sent: only known questions, each with a clause index in range
    and one of its choices (None for a text question)."""
    if not isinstance(found, dict):
        return ()
    questions = {q.id: q for q in kb.reflection.questions}
    kept = []
    for question_id, given in found.items():
        question = questions.get(question_id)
        if question is None or not isinstance(given, (list, tuple)) or len(given) != 2:
            continue
        index, value = given
        choice_ok = value in question.choices if question.kind == "choice" else value is None
        if type(index) is int and 0 <= index < details.MAX_LEARNED_CLAUSES and choice_ok:
            kept.append((question_id, index, value))
    return tuple(kept)


@dataclass
class Turn:
    """What to say, the state to keep, and any context the practitioner gave."""

    replies: List[Reply]
    state: Optional[ReflectionState]
    area: Optional[str] = None
    role: Optional[str] = None
    #: A topic whose answer waits for the practitioner to say their area.
    waiting_topic: Optional[str] = None
    #: A case reference to follow up once the practitioner says their area.
    waiting_reference: Optional[str] = None

    @property
    def reflecting(self) -> bool:
        """Every message goes to the reflection while it runs or its note is checked."""
        return in_progress(self.state)


def in_progress(state: Optional[ReflectionState]) -> bool:
    """A reflection is running, or its note is being checked."""
    return state is not None and state.status in (ACTIVE, CONFIRMING)


@dataclass
class _Context:
    """One message's turn in a reflection. Replies are added with say() and the
    result is built by turn(), so no branch can drop what was already said.
    (Only the replies given with no reflection to work on build a Turn
    directly: nothing is said before them.)"""

    kb: Knowledge
    state: ReflectionState
    role: Optional[str]
    area: Optional[str]
    _said: List[Reply] = field(default_factory=list)

    def say(self, *replies: Reply) -> None:
        self._said.extend(replies)

    def turn(self, with_context: bool = True) -> Turn:
        """All that was said, the state, and the role and area as they now
        stand; with_context=False leaves the role and area slots as they were."""
        if not with_context:
            return Turn(self._said, self.state)
        return Turn(self._said, self.state, self.area, self.role)

    @property
    def answers(self) -> Dict[str, dict]:
        return self.state.answers

    def question(self, question_id: str) -> Question:
        """KeyError for an id Seen does not ask (a forged state), so the action
        fails at once: StopIteration cannot cross into asyncio, and the
        action would wait out its time limit."""
        return {q.id: q for q in self.kb.reflection.questions}[question_id]

    def area_or_fallback(self) -> Area:
        return self.kb.areas.get(self.area or "") or self.kb.areas[self.kb.fallback_area]


def respond(kb: Knowledge, state: Optional[ReflectionState], heard: Heard, role: Optional[str], area: Optional[str],
            store: Optional[Store] = None, offer: Optional[str] = None, nearest: Sequence[str] = ()) -> Turn:
    """Seen's turn: start, carry on, or take this message into the reflection;
    ``store`` keeps a note the practitioner has confirmed. A reflection that
    starts from a concern offers the topic ``offer``, and the ``nearest``
    topics if the practitioner declines it."""
    status = state.status if state is not None else None
    asking = knowledge_for(kb, state)
    if status == ACTIVE:
        return _during(_Context(asking, state, role, area), heard)
    if status == CONFIRMING:
        return _confirming(_Context(asking, state, role, area), heard, store)
    command = command_of(kb, heard)
    if status == PAUSED and (command == "resume" or _is_button(kb, heard, "carry_on")):
        ctx = _Context(asking, state, role, area)
        state.status = ACTIVE
        ctx.say(Reply(asking.reflection.resume_intro))
        return _ask_current(ctx)
    if status == PAUSED and not _is_button(kb, heard, "start_again"):
        ctx = _Context(asking, state, role, area)
        buttons = [Button(kb.reflection.buttons.carry_on, kb.reflection.buttons.carry_on),
                   Button(kb.reflection.buttons.start_again, kb.reflection.buttons.start_again)]
        ctx.say(Reply(kb.reflection.ask_restart, buttons))
        return ctx.turn(with_context=False)
    if command and command != "resume" and heard.intent != SHARE_WORRY_INTENT:
        button = Button(kb.reflection.buttons.start, replies.REFLECT_PAYLOAD)
        return Turn([Reply(kb.reflection.not_reflecting, [button])], state)
    if status == PAUSED:  # "Start again": a fresh reflection, nothing carried over
        return start(kb, role, area)
    return start(kb, role, area, heard, offer, nearest)


def knowledge_for(kb: Knowledge, state: Optional[ReflectionState]) -> Knowledge:
    """The questions and words of the reflection under way: a follow-up's
    (knowledge/follow_up.yml) if it follows up a case, else the first one's."""
    return kb.following_up() if state is not None and state.follows else kb


def start(kb: Knowledge, role: Optional[str], area: Optional[str], first: Optional[Heard] = None,
          offer: Optional[str] = None, nearest: Sequence[str] = ()) -> Turn:
    """A new reflection, started with what the opening message already told
    ("hv here, 6 week old not gaining"): role, area, age band and answers are
    noted, said back in one line, and not asked again. The topic that clearly
    fits is offered, and the practitioner may decline at the first question."""
    ctx = _Context(kb, ReflectionState(ACTIVE), role, area)
    ctx.say(Reply(kb.reflection.intro.strip()))
    if first is not None and not first.text.startswith("/"):
        told = _take_opening(ctx, first)
        if told:
            ctx.say(Reply(kb.reflection.heard_already.format(details=_listed(told))))
        ctx.state.declinable, ctx.state.nearest = True, list(nearest)
    if offer in kb.topics:
        ctx.say(Reply(kb.reflection.topic_offer, [Button(kb.topics[offer].title, replies.topic_payload(offer))]))
    return _advance(ctx)


def advance_new(kb: Knowledge, state: ReflectionState, role: Optional[str], area: Optional[str],
                said: Sequence[Reply]) -> Turn:
    """A reflection set up elsewhere (a follow-up, seen/follow_up.py), after
    ``said``: its first question not yet answered."""
    ctx = _Context(kb, state, role, area)
    ctx.say(*said)
    return _advance(ctx)


def ask_again(kb: Knowledge, state: ReflectionState, role: Optional[str], area: Optional[str], said: Reply) -> Turn:
    """``said``, then the question under way again, nothing recorded."""
    ctx = _Context(knowledge_for(kb, state), state, role, area)
    ctx.say(said)
    return _ask_current(ctx)


def _take_opening(ctx: _Context, first: Heard) -> List[str]:
    """Note what an opening message tells; what was noted, as the practitioner will read it."""
    kb = ctx.kb
    told = details.opening(kb, first.text, {q: (i, v) for q, i, v in first.learned})
    noted = []
    role = told.role
    if role and role != ctx.role:
        ctx.role = role
        noted.append(f"{_question_of_kind(kb, 'role').label.lower()} ({kb.roles[role].name})")
    if told.area and told.area != ctx.area:
        ctx.area = told.area
        noted.append(f"{_question_of_kind(kb, 'area').label.lower()} ({told.area_named})")
    band = told.age_band or (_age_band(kb, first.text) if first.intent == DESCRIBE_CHILD_INTENT else None)
    if band:
        age = _question_of_kind(kb, "age_band")
        label = next(b.label for b in kb.reflection.age_bands if b.id == band)
        _record(ctx, age, label, band)
        noted.append(f"{age.label.lower()} ({label.lower()})")
    return noted + _take_answers(ctx, told.answers)


def _take_answers(ctx: _Context, answers: Dict[str, dict]) -> List[str]:
    """Record answers a message gave to questions not answered yet; their labels."""
    noted = []
    for question in ctx.kb.reflection.questions:
        answer = answers.get(question.id)
        if answer and question.id not in ctx.answers:
            _record(ctx, question, answer["text"], answer["value"])
            value = answer["value"]
            label = question.label.lower()
            noted.append(f"{label} ({ctx.kb.reflection.choice_labels[value].lower()})" if value else label)
    return noted


def _later_answers(ctx: _Context, question: Question, text: str, keep_words: bool = False) -> bool:
    """An answer that also answers questions still to come: note those too, and
    say so. The question asked stays the last answered, for "go back".
    ``keep_words``: the words are the reply's only record (a detail given where
    the area was asked), so they are added to answers already given too.
    Whether the text answers any question still to come."""
    questions = ctx.kb.reflection.questions
    later = questions[questions.index(question) + 1:]
    band = _band_given(ctx)
    found = details.heard(ctx.kb, text, later, band)
    for question_id, answer in found.items() if keep_words else ():
        given = ctx.answers.get(question_id)
        if given and given.get("text") and answer["text"] not in given["text"]:
            given["text"] = f"{given['text']} {answer['text']}"
    noted = _take_answers(ctx, found)
    if noted:
        ctx.say(Reply(ctx.kb.reflection.heard_also.format(details=_listed(noted))))
        if question.id in ctx.state.order:
            ctx.state.order.remove(question.id)
            ctx.state.order.append(question.id)
    return bool(found)


def _band_given(ctx: _Context) -> Optional[str]:
    """The child's age band as answered so far: which questions apply depends on it."""
    return (ctx.answers.get("age_band") or {}).get("value")


def _listed(items: List[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def _question_of_kind(kb: Knowledge, kind: str) -> Question:
    return next(q for q in kb.reflection.questions if q.kind == kind)


def after_emergency(kb: Knowledge, state: Optional[ReflectionState], heard: Heard, confirmed: bool,
                    role: Optional[str], area: Optional[str]) -> Turn:
    """After the 999 reply, mid-reflection. A danger the safety rules confirm
    pauses the reflection, keeping the message as the current answer so nothing
    is lost if the alarm was false. The classifier's guess alone has had its
    999 reply; the message is then read as the answer it most likely was."""
    if state is None or state.status != ACTIVE:
        return Turn([], state)
    kb = knowledge_for(kb, state)
    ctx = _Context(kb, state, role, area)
    if not confirmed:
        ctx.say(Reply(kb.reflection.carry_on_after_alarm))
        return _during(ctx, Heard(heard.text, area=heard.area, role=heard.role))
    question = ctx.question(state.current)
    state.status = PAUSED
    button = Button(kb.reflection.buttons.carry_on, kb.reflection.buttons.carry_on)
    if question.kind == "text":
        _record(ctx, question, heard.text.strip(), None)
        state.current = question.id
        ctx.say(Reply(kb.reflection.paused_by_emergency.format(label=question.label), [button]))
    else:
        ctx.say(Reply(kb.reflection.paused, [button]))
    return ctx.turn(with_context=False)


# Reading a message ------------------------------------------------------------

def _words(text: str) -> int:
    return len(text.split())


#: At the role question, a reply this short that names an area and no role
#: ("Derby", "in North Somerset") gives the area, not the role.
AREA_ALONE_WORDS = 3


def _starts_with(patterns: List[str], text: str) -> bool:
    return any(re.match(rf"\s*(?:{p})(?=\W|$)", text, re.IGNORECASE) for p in patterns)


def _short_and_starts_with(patterns: List[str], text: str, max_words: int) -> bool:
    """"Keep", "save it", "remove": words that count only in a short message."""
    return _starts_with(patterns, text) and _words(text) <= max_words


def command_of(kb: Knowledge, heard: Heard) -> Optional[str]:
    """The command a message gives, if it is short and the classifier sure enough."""
    rules = kb.reflection.understanding
    words = _words(heard.text)
    needed = (rules.short_command_min_confidence if words <= rules.short_command_max_words
              else rules.command_min_confidence)
    if heard.intent in COMMANDS and heard.confidence >= needed and words <= rules.command_max_words:
        return heard.intent
    return None


def _is_button(kb: Knowledge, heard: Heard, name: str) -> bool:
    return _pressed(heard, getattr(kb.reflection.buttons, name))


def _pressed(heard: Heard, title: str) -> bool:
    """Buttons send their own title as text; typing it counts the same."""
    return heard.text.strip().lower() == title.lower()


def asked_topic(kb: Knowledge, heard: Heard) -> Optional[str]:
    """The topic of a general question to Seen, asked mid-way; None for an answer."""
    rules = kb.reflection.understanding
    topic = topic_of(heard.intent)
    if topic is None and heard.intent != OUT_OF_SCOPE_INTENT:
        return None
    if heard.text.startswith("/"):
        return topic  # a topic button
    if heard.confidence < rules.topic_min_confidence or _words(heard.text) > rules.question_max_words:
        return None
    asks = _starts_with(rules.asking, heard.text) or heard.text.rstrip().endswith("?")
    about_this_child = any(re.search(p, heard.text, re.IGNORECASE) for p in rules.about_this_child)
    if not asks or about_this_child:
        return None
    return topic or OUT_OF_SCOPE_INTENT


# The walk-through -------------------------------------------------------------

def _during(ctx: _Context, heard: Heard) -> Turn:
    kb, state, rules = ctx.kb, ctx.state, ctx.kb.reflection.understanding
    question = ctx.question(state.current)
    clarifying = state.clarifying == question.id
    declinable, state.declinable = state.declinable, False
    evidence, state.evidence = state.evidence == question.id, None
    if declinable and _declines(kb, heard):
        return _declined(ctx)
    if question.kind == "choice" and _choice_from_words(kb, question, heard.text):
        return _clarified(ctx, question, heard) if clarifying else _answer(ctx, question, heard)
    if _keeps(ctx, question, heard):
        ctx.say(Reply(kb.reflection.kept))
        return _advance(ctx)
    command = command_of(kb, heard)
    if evidence and command in ("skip", "dont_know"):
        return _advance(ctx)  # the change itself stays recorded
    if command == "explain":
        return _explain(ctx, question)
    if command == "skip" or (command == "dont_know" and question.kind in ("text", "choice")):
        return _skip(ctx, question, heard, dont_know=command == "dont_know")
    if command == "dont_know":
        return _skip(ctx, question, heard, dont_know=False)
    if command == "go_back":
        return _go_back(ctx, heard)
    if command == "pause" or (heard.intent == "goodbye" and _words(heard.text) <= rules.goodbye_max_words):
        state.status = PAUSED
        button = Button(kb.reflection.buttons.carry_on, kb.reflection.buttons.carry_on)
        ctx.say(Reply(kb.reflection.paused, [button]))
        return ctx.turn()
    if command == "resume" or (_acknowledges(kb, heard) and not evidence) or (
            heard.intent in ("greet", "thank") and _words(heard.text) <= rules.greeting_max_words):
        return _ask_current(ctx)
    if heard.intent == SHARE_WORRY_INTENT and heard.text.startswith("/") or _is_button(kb, heard, "reflect_on_this"):
        ctx.say(Reply(kb.reflection.already_active))
        return _ask_current(ctx)
    if heard.intent == "help" and _words(heard.text) <= rules.command_max_words:
        ctx.say(Reply(kb.reflection.help.strip()))
        return _ask_current(ctx)
    if question.kind not in ("role", "area") and heard.intent == "inform_context" and (heard.area or heard.role):
        return _context_update(ctx, heard)
    topic = asked_topic(kb, heard)
    if topic == question.topic:
        return _explain(ctx, question)
    if topic:
        return _digress(ctx, topic)
    if clarifying:
        return _clarified(ctx, question, heard)
    if evidence:
        return _evidenced(ctx, question, heard)
    return _answer(ctx, question, heard)


def _keeps(ctx: _Context, question: Question, heard: Heard) -> bool:
    """"Keep", pressed or said, after going back: before any command, as the
    classifier takes "Keep" for "keep going"."""
    rules = ctx.kb.reflection.understanding
    return _is_button(ctx.kb, heard, "keep") or (
        _revisiting(ctx, question) and _short_and_starts_with(rules.keep, heard.text, rules.keep_max_words))


def _acknowledges(kb: Knowledge, heard: Heard) -> bool:
    """"ok", "got it, thanks": the whole message, its punctuation aside."""
    said = " ".join(re.sub(r"[^\w\s']", " ", heard.text.lower()).split())
    return any(re.fullmatch(p, said) for p in kb.reflection.understanding.acknowledgement)


def _declines(kb: Knowledge, heard: Heard) -> bool:
    """At the first question after a concern: "Not now", "no thanks, I just
    wanted some information", or "stop"."""
    short = _words(heard.text) <= kb.reflection.understanding.command_max_words
    return _is_button(kb, heard, "not_now") or command_of(kb, heard) == "pause" or (
        short and any(re.match(rf"\s*(?:{p})(?=\W|$)", heard.text, re.IGNORECASE) for p in kb.opening.decline))


def _declined(ctx: _Context) -> Turn:
    """Paused, with what was said kept, and the topics nearest the concern on offer."""
    kb, state = ctx.kb, ctx.state
    state.status = PAUSED
    topics = [t for t in state.nearest or [] if t in kb.topics] or [ctx.question(state.current).topic]
    buttons = [Button(kb.topics[t].title, replies.topic_payload(t)) for t in topics]
    buttons.append(Button(kb.reflection.buttons.carry_on, kb.reflection.buttons.carry_on))
    ctx.say(Reply(kb.reflection.declined, buttons))
    return ctx.turn()


def _answer(ctx: _Context, question: Question, heard: Heard) -> Turn:
    reflection = ctx.kb.reflection
    text = heard.text.strip()
    if question.kind == "choice":
        value = _choice(ctx.kb, question, heard)
        echoed = value is not None and _said_of_another_question(ctx, question, value, text)
        value = None if echoed else value
        _record(ctx, question, text, value)
        if value is None:
            ctx.state.clarifying = question.id
            _later_answers(ctx, question, text)
            labels = [reflection.choice_labels[c] for c in question.choices]
            why = reflection.choice_after_detail if echoed else reflection.choice_clarify
            return _ask_choice_again(ctx, question, why.format(choices=_listed(labels, "or")))
        if question.change and not _says_why(ctx.kb, value, text):
            ctx.state.evidence = question.id
            ctx.say(Reply(reflection.evidence, [Button(reflection.buttons.skip, reflection.buttons.skip)]))
            return ctx.turn()
    elif question.kind == "age_band":
        value = _age_band(ctx.kb, text)
        if value is None:
            return _ask_choice_again(ctx, question, reflection.choice_not_understood)
        _record(ctx, question, text, value)
    elif question.kind == "area":
        named = ctx.kb.areas.get(heard.area or "") or ctx.kb.find_area(text)
        if named is None and _later_answers(ctx, question, text, keep_words=True):
            return _ask_choice_again(ctx, question, reflection.area_after_detail)  # a detail, not a place
        if named is None and not _names_a_place(ctx.kb, text):
            return _ask_choice_again(ctx, question, reflection.area_not_a_place)
        area = named or ctx.kb.areas[ctx.kb.fallback_area]
        ctx.area = area.id
        _record(ctx, question, text if area.id == ctx.kb.fallback_area else area.name, area.id)
        if area.id == ctx.kb.fallback_area:
            ctx.say(replies.context_set(ctx.kb, area, None))
    elif question.kind == "role":
        if heard.area:
            ctx.area = heard.area
        role = ctx.kb.roles.get(heard.role or details.role_of(ctx.kb, text) or "") or ctx.kb.find_role(text)
        if role is None and heard.area in ctx.kb.areas and _words(text) <= AREA_ALONE_WORDS:
            said = ctx.kb.reflection.role_after_area.format(area=ctx.kb.areas[heard.area].name)
            return _ask_choice_again(ctx, question, said)
        ctx.role = role.id if role else ctx.role
        _record(ctx, question, role.name if role else text, role.id if role else None)
    else:
        _record(ctx, question, text, None)
    ctx.say(Reply(_acknowledgement(ctx)))
    if question.kind in ("text", "choice"):
        _later_answers(ctx, question, text)
    return _advance(ctx)


def _clarified(ctx: _Context, question: Question, heard: Heard) -> Turn:
    """The answer after "is that a yes, a no or not sure?": keep the words
    given first, add the value and any words said with it (or leave it open
    and move on). Words that answer a question still to come, and not this
    one ("he told me there's nothing in the fridge"), are noted there instead
    of added here, whether given first or now."""
    ctx.state.clarifying = None
    value = _choice(ctx.kb, question, heard)
    earlier = ctx.answers.get(question.id, {}).get("text") or ""
    text = heard.text.strip()
    band = _band_given(ctx)
    elsewhere = value is None and question.id not in details.heard(ctx.kb, text, [question], band)
    questions = ctx.kb.reflection.questions
    after = questions[questions.index(question) + 1:]
    later = [q for q in after if q.id not in ctx.answers]
    if earlier and question.id not in details.heard(ctx.kb, earlier, [question], band) and \
            details.heard(ctx.kb, earlier, after, band):
        earlier = ""  # the words first given answered a later question, and are noted there
    if elsewhere and details.heard(ctx.kb, text, later, band):
        _record(ctx, question, earlier, None)  # "You've also told me about …: noted" says it
    else:
        said = text if value is None or _says_why(ctx.kb, value, text) else ""
        _record(ctx, question, f"{earlier} {said}".strip(), value)
        ctx.say(Reply(_acknowledgement(ctx)))
    _later_answers(ctx, question, text)
    return _advance(ctx)


def _says_why(kb: Knowledge, value: str, text: str) -> bool:
    """More than the change itself: "better, attending every day", not "a bit better"."""
    return _words(re.sub(r"[^\w\s']", " ", _after_choice_words(kb, value, text))) >= 2


def _after_choice_words(kb: Knowledge, value: str, text: str) -> str:
    """The reply after the words that gave its choice: ", attending every day"."""
    label = kb.reflection.choice_labels.get(value, value)
    patterns = [re.escape(label)] + kb.reflection.choice_words.get(value, [])
    lengths = [m.end() for p in patterns for m in [re.match(rf"\s*(?:{p})(?=\W|$)", text, re.IGNORECASE)] if m]
    return text[max(lengths, default=0):]


def _said_of_another_question(ctx: _Context, question: Question, value: str, text: str) -> bool:
    """"No, I haven't spoken to mum about it yet", asked about missed
    appointments: the no is said of its own next words, which answer a
    question still to come and not the one asked."""
    rest = _after_choice_words(ctx.kb, value, text).lstrip(" ,.;:-!")
    if not _starts_with(ctx.kb.reflection.understanding.echoed.get(value, []), rest):
        return False
    questions = ctx.kb.reflection.questions
    later = [q for q in questions[questions.index(question) + 1:] if q.id not in ctx.answers]
    band = _band_given(ctx)
    return not details.heard(ctx.kb, rest, [question], band) and bool(details.heard(ctx.kb, rest, later, band))


def _names_a_place(kb: Knowledge, text: str) -> bool:
    """An answer to "which area?" that could be somewhere else in England:
    short ("east sussex") or saying where ("I work in Cumbria"), not "I've
    mentioned it to the practice nurse"."""
    rules = kb.reflection.understanding
    return _words(text) <= rules.place_max_words or any(re.search(p, text, re.IGNORECASE) for p in rules.place_said)


def _evidenced(ctx: _Context, question: Question, heard: Heard) -> Turn:
    """What shows the change just chosen with a button: kept as the answer's words."""
    _record(ctx, question, heard.text.strip(), ctx.answers[question.id].get("value"))
    ctx.say(Reply(_acknowledgement(ctx)))
    return _advance(ctx)


def _choice(kb: Knowledge, question: Question, heard: Heard) -> Optional[str]:
    reflection = kb.reflection
    text = heard.text.strip()
    for choice, label in reflection.choice_labels.items():
        if choice in question.choices and text.lower() == label.lower():
            return choice
    from_words = _choice_from_words(kb, question, text)
    if from_words:
        return from_words
    rules = reflection.understanding
    short = _words(text) <= rules.choice_max_words and heard.confidence >= rules.command_min_confidence
    intent_choice = {"affirm": "yes", "deny": "no", "dont_know": NOT_SURE}.get(heard.intent)
    if short and intent_choice in question.choices:
        return intent_choice
    return None


def _choice_from_words(kb: Knowledge, question: Question, text: str) -> Optional[str]:
    words = kb.reflection.choice_words
    return next((c for c in words if c in question.choices and _starts_with(words[c], text)), None)


_NUMBER_WITH_UNIT = re.compile(r"\b(\d{1,2})\s*-?\s*(years?|yrs?|y/?o|months?|mths?|mo|weeks?|wks?|days?)\b",
                               re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?<![\d.])(\d{1,2})(?![\d.])")


def _age_band(kb: Knowledge, text: str) -> Optional[str]:
    """The age band a reply names: a button, "pregnant", "14 months", "year 9", "he's 7"."""
    bands = kb.reflection.age_bands
    for band in bands:
        if text.strip().lower() == band.label.lower():
            return band.id
    unborn = bands[0]
    if any(re.search(rf"\b(?:{w})", text, re.IGNORECASE) for w in unborn.words):
        return unborn.id
    numbered = _NUMBER_WITH_UNIT.search(text)
    if numbered:
        number, unit = int(numbered.group(1)), numbered.group(2).lower()
        years = number if unit.startswith("y") else number / 12 if unit.startswith("m") else 0
        return _band_for_years(kb, years)
    for band in bands[1:]:
        if any(re.search(rf"\b(?:{w})", text, re.IGNORECASE) for w in band.words):
            return band.id
    bare = _BARE_NUMBER.search(text)
    return _band_for_years(kb, int(bare.group(1))) if bare else None


def _band_for_years(kb: Knowledge, years: float) -> Optional[str]:
    """The first band after "unborn" whose under_years the child is below (they are in age order)."""
    return next((b.id for b in kb.reflection.age_bands[1:] if years < b.under_years), None)


def _record(ctx: _Context, question: Question, text: Optional[str], value: Optional[str]) -> None:
    ctx.answers[question.id] = {"text": text, "value": value}
    order = ctx.state.order
    if question.id in order:
        order.remove(question.id)
    order.append(question.id)
    if ctx.state.revisiting == question.id:
        ctx.state.revisiting = None


def _revisiting(ctx: _Context, question: Question) -> bool:
    return ctx.state.revisiting == question.id


def _acknowledgement(ctx: _Context) -> str:
    options = ctx.kb.reflection.acknowledgements
    return options[len(ctx.state.order) % len(options)]


def _skip(ctx: _Context, question: Question, heard: Heard, dont_know: bool) -> Turn:
    reflection = ctx.kb.reflection
    if question.kind == "area":
        ctx.area = ctx.area or ctx.kb.fallback_area
    value = NOT_SURE if dont_know else SKIPPED
    _record(ctx, question, heard.text.strip() if dont_know else None, value)
    ctx.say(Reply(reflection.noted_dont_know if dont_know else reflection.skipped))
    return _advance(ctx)


def _explain(ctx: _Context, question: Question) -> Turn:
    topic = ctx.kb.topics[question.topic]
    ctx.say(Reply(question.explain))
    ctx.say(*replies.topic_answer(ctx.kb, topic, ctx.area_or_fallback())[:2])
    ctx.say(Reply(ctx.kb.reflection.explain_then_ask))
    return _ask_current(ctx)


def _digress(ctx: _Context, topic_id: str) -> Turn:
    if topic_id == OUT_OF_SCOPE_INTENT:
        ctx.say(replies.out_of_scope(ctx.kb, ctx.area_or_fallback()))
    else:
        answer = replies.topic_answer(ctx.kb, ctx.kb.topics[topic_id], ctx.area_or_fallback())
        ctx.say(*(r for r in answer if not r.buttons))
    ctx.say(Reply(ctx.kb.reflection.back_to_question))
    return _ask_current(ctx)


def _context_update(ctx: _Context, heard: Heard) -> Turn:
    if heard.area:
        ctx.area = heard.area
    if heard.role:
        ctx.role = heard.role
    ctx.say(Reply(ctx.kb.reflection.context_noted))
    return _ask_current(ctx)


def _go_back(ctx: _Context, heard: Heard) -> Turn:
    target = _named_question(ctx, heard.text) or _last_answered(ctx)
    if target is None:
        ctx.say(Reply(ctx.kb.reflection.nothing_to_go_back_to))
        return _ask_current(ctx)
    ctx.state.current = target.id
    ctx.state.revisiting = target.id
    ctx.state.clarifying = None
    return _ask_current(ctx)


def _last_answered(ctx: _Context) -> Optional[Question]:
    """The answer given last before the current question, not one noted from
    it for a question still to come."""
    questions = [q.id for q in ctx.kb.reflection.questions]
    order = [q for q in ctx.state.order if q != ctx.state.current]
    if ctx.state.current in questions:
        order = [q for q in order if questions.index(q) < questions.index(ctx.state.current)] or order
    return ctx.question(order[-1]) if order else None


def _named_question(ctx: _Context, text: str) -> Optional[Question]:
    """The answered question whose label the practitioner named ("change my
    answer about the plan")."""
    answered = [ctx.question(question_id) for question_id in ctx.state.order]
    return _best_label_match(ctx.kb, text, answered, lambda q: q.label)


def _best_label_match(kb: Knowledge, text: str, items: list, label: Callable) -> Optional[object]:
    """The item whose label shares most words with what was said, if any does."""
    ignore = set(kb.reflection.understanding.not_a_question_label)
    said = set(re.findall(r"[a-z']+", text.lower())) - ignore
    best, best_hits = None, 0
    for item in items:
        hits = len(said & (set(re.findall(r"[a-z']+", label(item).lower())) - ignore))
        if hits > best_hits:
            best, best_hits = item, hits
    return best


# Checking the note before it is saved --------------------------------------------

def _confirming(ctx: _Context, heard: Heard, store: Optional[Store]) -> Turn:
    words, state = ctx.kb.reflection.note, ctx.state
    draft = note_draft.from_dict(state.note)
    if _asking(ctx):
        return _name_answered(ctx, draft, heard)
    retyping, state.retyping = state.retyping, None
    if retyping:
        removed = _short_and_starts_with(words.remove_words, heard.text, words.remove_max_words)
        state.note = note_draft.as_dict(note_draft.with_answer(ctx.kb, draft, retyping, None if removed else heard.text,
                                                               _names(state), _kept(state)))
        if removed:
            ctx.say(Reply(words.removed))
        return _show_note(ctx)
    if _is_note_button(ctx.kb, heard, "save") or _is_note_button(ctx.kb, heard, "retry") or \
            _short_and_starts_with(words.save_words, heard.text, words.save_max_words) or heard.intent == "affirm":
        return _save(ctx, draft, store)
    if _is_note_button(ctx.kb, heard, "discard") or \
            _short_and_starts_with(words.discard_words, heard.text, words.discard_max_words) or heard.intent == "deny":
        _close(state)
        ctx.say(Reply(words.not_saved))
        return ctx.turn()
    named = _named_note_answer(ctx, draft, heard.text)
    if named:
        state.retyping = named["question"]
        ctx.say(Reply(words.retype.format(label=named["label"])))
        return ctx.turn()
    if _is_note_button(ctx.kb, heard, "change") or command_of(ctx.kb, heard) == "go_back":
        ctx.say(Reply(words.which_answer))
        return ctx.turn()
    return _show_note(ctx)


def _save(ctx: _Context, draft: NoteDraft, store: Optional[Store]) -> Turn:
    words = ctx.kb.reflection.note
    try:
        if store is None:
            raise NotSaved("no notes store")
        reference = store(note_draft.checked(ctx.kb, draft, _names(ctx.state), _kept(ctx.state)))
    except (NotSaved, ValueError):  # ValueError: a draft that does not hold up, stored as nothing
        buttons = [Button(words.buttons.retry, words.buttons.retry),
                   Button(words.buttons.discard, words.buttons.discard)]
        ctx.say(Reply(words.unavailable, buttons))
        return ctx.turn()
    _close(ctx.state)
    ctx.state.reference = reference
    ctx.say(Reply(words.saved.format(reference=reference)))
    return ctx.turn()


def _close(state: ReflectionState) -> None:
    """Finished: keep nothing of what was written, saved or not."""
    state.status, state.current, state.answers, state.order, state.note = DONE, None, {}, [], None
    state.doubts, state.names, state.kept, state.follows, state.evidence = [], [], [], None, None


def _names(state: ReflectionState) -> List[str]:
    """The words the practitioner said are names; a forged slot's other values are none."""
    return [n for n in state.names if isinstance(n, str)] if isinstance(state.names, list) else []


def _kept(state: ReflectionState) -> List[str]:
    """The words taken out in doubt that the practitioner said are no names."""
    return [k for k in state.kept if isinstance(k, str)] if isinstance(state.kept, list) else []


def _asking(ctx: _Context) -> bool:
    """A question "Is 'Storm' a name?" waits for its answer. Doubts that are
    no word of the answers (a forged or stale slot) are dropped unasked."""
    doubts = ctx.state.doubts if isinstance(ctx.state.doubts, list) else []
    ctx.state.doubts = [d for d in doubts if note_draft.in_answers(ctx.kb, ctx.answers, d)]
    return bool(ctx.state.doubts)


def _ask_name(ctx: _Context, draft: NoteDraft) -> Turn:
    """Ask about the first doubt: one the note still shows, or one already
    replaced with [NAME] that would be put back if it is no name."""
    doubts = ctx.state.doubts
    while doubts and note_draft.asked_as_a_place(doubts[0]) and not note_draft.in_note(draft, doubts[0]):
        doubts.pop(0)  # a place's name already replaced in part by an earlier "yes"
    if not doubts:
        return _show_note(ctx)
    words, word = ctx.kb.reflection.note, doubts[0]
    buttons = [Button(words.buttons.name_yes, words.buttons.name_yes),
               Button(words.buttons.name_no, words.buttons.name_no)]
    if note_draft.in_note(draft, word):
        question = words.is_it_a_place if note_draft.asked_as_a_place(word) else words.is_it_a_name
    else:
        question = words.is_it_a_name_removed
    ctx.say(Reply(question.format(word=word, placeholder=note_draft.placeholder(ctx.kb, word)), buttons, quotes=True))
    return ctx.turn()


def _name_answered(ctx: _Context, draft: NoteDraft, heard: Heard) -> Turn:
    """The answer to "Is 'Storm' a name?": yes replaces it everywhere in the
    note; no keeps it, or puts it back if it was taken out in doubt; anything
    else replaces it, to be safe, and says so. The note is built again from
    the answers with every answer so far (no answer was typed again yet:
    the questions come first). Then the next question, or the note to save."""
    words, state = ctx.kb.reflection.note, ctx.state
    word = state.doubts.pop(0)
    answer = _yes_or_no(ctx.kb, heard)
    if answer == "no":
        restored = not note_draft.in_note(draft, word)
        state.kept = _kept(state) + [word]
        ctx.say(Reply((words.name_restored if restored else words.name_kept).format(word=word), quotes=True))
    else:
        state.names = _names(state) + [word]
        said = words.name_removed if answer == "yes" else words.name_unclear
        ctx.say(Reply(said.format(word=word, placeholder=note_draft.placeholder(ctx.kb, word)), quotes=True))
    draft = note_draft.build(ctx.kb, ctx.answers, ctx.role, ctx.area_or_fallback(), _names(state), _kept(state),
                             follows=state.follows)
    state.note = note_draft.as_dict(draft)
    if _asking(ctx):
        return _ask_name(ctx, draft)
    return _show_note(ctx)


def _yes_or_no(kb: Knowledge, heard: Heard) -> Optional[str]:
    """"yes" or "no" from the buttons or the words a yes/no question takes
    (knowledge/reflection.yml choice_words); in a short message the
    classifier's affirm is a yes too. Its deny is not a no ("Don't save"):
    keeping a word is the unsafe side, so it takes a clear no. None for
    anything else."""
    buttons = kb.reflection.note.buttons
    if _pressed(heard, buttons.name_yes):
        return "yes"
    if _pressed(heard, buttons.name_no):
        return "no"
    rules = kb.reflection.understanding
    short = _words(heard.text) <= rules.choice_max_words
    if short:
        for choice in (NOT_SURE, "yes", "no"):  # "not sure" before "no"
            if _starts_with(kb.reflection.choice_words.get(choice, []), heard.text):
                return None if choice == NOT_SURE else choice
    if short and heard.confidence >= rules.command_min_confidence:
        return "yes" if heard.intent == "affirm" else None
    return None


def _show_note(ctx: _Context) -> Turn:
    words = ctx.kb.reflection.note
    buttons = [Button(words.buttons.save, words.buttons.save), Button(words.buttons.change, words.buttons.change),
               Button(words.buttons.discard, words.buttons.discard)]
    ctx.say(note_draft.render(ctx.kb, note_draft.from_dict(ctx.state.note)))
    ctx.say(Reply(words.ask, buttons))
    return ctx.turn()


def _is_note_button(kb: Knowledge, heard: Heard, name: str) -> bool:
    return _pressed(heard, getattr(kb.reflection.note.buttons, name))


def _named_note_answer(ctx: _Context, draft: NoteDraft, text: str) -> Optional[dict]:
    return _best_label_match(ctx.kb, text, draft.answers, lambda answer: answer["label"])


# Asking -----------------------------------------------------------------------

def _applicable(ctx: _Context) -> List[Question]:
    """The questions this conversation calls for, in order, given the answers so far."""
    return [q for q in ctx.kb.reflection.questions if holds(q.ask_if, ctx.answers)]


def _known_already(ctx: _Context, question: Question) -> bool:
    """Role and area are not asked when the practitioner has already said them."""
    return (question.kind == "role" and bool(ctx.role)) or (question.kind == "area" and bool(ctx.area))


def _next_question(ctx: _Context) -> Optional[Question]:
    return next((q for q in _applicable(ctx) if q.id not in ctx.answers and not _known_already(ctx, q)), None)


def _advance(ctx: _Context) -> Turn:
    """Ask the next question, after any prompt the answers now call for; after
    the last, the summary (which holds every prompt, so none is said twice)."""
    question = _next_question(ctx)
    if question is None:
        ctx.state.status, ctx.state.current = CONFIRMING, None
        ctx.say(*summary.build(ctx.kb, ctx.answers, ctx.role, ctx.area_or_fallback()))
        draft = note_draft.build(ctx.kb, ctx.answers, ctx.role, ctx.area_or_fallback(), follows=ctx.state.follows)
        ctx.state.note = note_draft.as_dict(draft)
        ctx.state.doubts, ctx.state.names, ctx.state.kept = note_draft.doubts(ctx.kb, ctx.answers), [], []
        if ctx.state.doubts:
            ctx.say(note_draft.render(ctx.kb, draft))
            return _ask_name(ctx, draft)
        return _show_note(ctx)
    ctx.say(*_prompts_now(ctx))
    ctx.state.current = question.id
    return _ask_current(ctx)


def _prompts_now(ctx: _Context) -> List[Reply]:
    """Prompts marked say_now, once each, as soon as the answers call for them."""
    prompted = ctx.state.prompted
    due = [rule for rule in summary.fired(ctx.kb, ctx.answers) if rule.say_now and rule.id not in prompted]
    prompted.extend(rule.id for rule in due)
    return [summary.prompt_reply(ctx.kb, rule, ctx.area_or_fallback()) for rule in due]


def _ask_current(ctx: _Context) -> Turn:
    question = ctx.question(ctx.state.current)
    reflection = ctx.kb.reflection
    # Answers carried over from a case's earlier note were not asked here: they are not counted.
    applicable = [q for q in _applicable(ctx) if not (ctx.answers.get(q.id) or {}).get("carried")
                  and (q.id in ctx.answers or not _known_already(ctx, q))]
    number = next((n for n, q in enumerate(applicable, 1) if q.id == question.id), len(applicable))
    lines = [reflection.progress.format(number=number, total=len(applicable)), question.text]
    if question.area_detail:
        lines.append(replies.area_detail(ctx.kb, ctx.area_or_fallback(), question.area_detail))
    if _revisiting(ctx, question) and question.id in ctx.answers:
        earlier = summary.answer_text(ctx.kb, question, ctx.answers[question.id])
        lines.append(reflection.went_back.format(answer=earlier))
    ctx.say(Reply("\n".join(lines), _buttons(ctx, question), quotes=_revisiting(ctx, question)))
    return ctx.turn()


def _ask_choice_again(ctx: _Context, question: Question, why: str) -> Turn:
    ctx.say(Reply(why, _buttons(ctx, question)))
    return ctx.turn()


def _buttons(ctx: _Context, question: Question) -> List[Button]:
    reflection = ctx.kb.reflection
    if question.kind == "choice":
        options = [reflection.choice_labels[c] for c in question.choices]
        buttons = [Button(label, label) for label in options]
    elif question.kind == "age_band":
        buttons = [Button(band.label, band.label) for band in reflection.age_bands]
    elif question.kind == "area":
        buttons = [Button(a.name, replies.area_payload(a.id)) for a in replies.local_areas(ctx.kb)]
        buttons.append(Button(ctx.kb.messages.other_area_button, replies.area_payload(ctx.kb.fallback_area)))
    else:
        buttons = []
    if _revisiting(ctx, question):
        buttons.append(Button(reflection.buttons.keep, reflection.buttons.keep))
    buttons.append(Button(reflection.buttons.skip, reflection.buttons.skip))
    if ctx.state.declinable:
        buttons.append(Button(reflection.buttons.not_now, reflection.buttons.not_now))
    return buttons
