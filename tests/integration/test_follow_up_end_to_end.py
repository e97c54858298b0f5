"""Following a case up by its reference over REST (issue 16), as a
practitioner would: a first note saved in Derby four months ago; in a new
conversation, "follow up <reference>"; the earlier note with its month and
year; what has changed (engagement better, daily life the same, the same
plan); the drift prompt with its sources; the follow-up saved as the case's
second note. A conversation in another area learns nothing: it gets the reply
an unknown reference gets.

The whole follow-up, as the practitioner saw it, is written to
tests/artifacts/follow-up-transcript.txt for the closing note (the test's own
invented, non-identifying words only)."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Dict, List, Optional, Tuple, Union

import pytest

from seen import knowledge, replies
from seen.notes import ALPHABET, NoteStore
from tests.helpers import bot
from tests.helpers.paths import ARTIFACTS
from tests.helpers.reflection import ORDINARY

KB = knowledge.load()
FOLLOW_UP = KB.follow_up
FINDING = FOLLOW_UP.finding
DRIFT = next(p for p in FOLLOW_UP.prompts if p.id == "plan_drift")
TRANSCRIPT = ARTIFACTS / "follow-up-transcript.txt"


@dataclass(frozen=True)
class Press:
    """A reply button the practitioner presses, then, if Seen asks what shows
    it, the evidence they type."""

    title: str
    evidence: Optional[str] = None


Answer = Union[str, Press]

#: The practitioner's answers, by follow-up question: daily life the same,
#: engagement better, the same plan, and no change from it for the child.
ANSWERS: Dict[str, Answer] = {
    "role": "I'm the DSL at a primary school",
    "changed": "Breakfast club has started and she gets to school on time most days now.",
    "daily_life": Press("The same", "Still hungry on Mondays and in the same uniform most of the week."),
    "impact": "About the same, still behind with reading.",
    "voice": Press("Skip"),
    "engagement": Press("Better", "Mum has come to every meeting since the last note and signed the plan."),
    "plan_same": Press("Yes"),
    "plan_progress": Press("The same", "Nothing is different for her at home yet."),
    "reopened": Press("No"),
    "new_concerns": "None since the last note.",
    "new_agencies": "The school nurse now knows about the missed breakfasts.",
    "threshold": Press("No"),
}


class Conversation:
    """One practitioner's conversation over REST, kept as they saw it."""

    def __init__(self, port: int = bot.RASA_PORT, headers: Optional[Dict[str, str]] = None) -> None:
        self.sender, self.port, self.headers = f"test-{uuid.uuid4()}", port, headers
        self.transcript: List[str] = []

    def say(self, text: str) -> List[dict]:
        self.transcript.append(f"Practitioner: {text}")
        return self._seen(bot.send(self.sender, text, self.port, self.headers))

    def press(self, messages: List[dict], title: str) -> List[dict]:
        """Press the button titled ``title`` under Seen's last message."""
        buttons = {b["title"]: b["payload"] for b in messages[-1].get("buttons") or []}
        assert title in buttons, f"Seen offered no {title!r} button under {messages[-1].get('text')!r}: {list(buttons)}"
        self.transcript.append(f"Practitioner (presses): {title}")
        return self._seen(bot.send(self.sender, buttons[title], self.port, self.headers))

    def _seen(self, messages: List[dict]) -> List[dict]:
        for message in messages:
            self.transcript.append("Seen: " + message.get("text", "").replace("\n", "\n      "))
            if message.get("buttons"):
                self.transcript.append("      " + " ".join(f"[{b['title']}]" for b in message["buttons"]))
        return messages


def texts(messages: List[dict]) -> List[str]:
    return [m.get("text", "") for m in messages]


def question_asked(messages: List[dict]) -> Optional[str]:
    """The follow-up question Seen's last message asks, by id; None for none."""
    last = messages[-1].get("text", "")
    return next((q.id for q in reversed(FOLLOW_UP.questions) if q.text in last), None)


def follow_up(talk: Conversation, messages: List[dict], answers: Dict[str, Answer]) -> Tuple[List[str], List[dict]]:
    """Answer each follow-up question from ``answers`` until the summary; the
    questions asked, in order, and Seen's messages from the last answer on."""
    asked = []
    for _ in range(len(FOLLOW_UP.questions)):
        question = question_asked(messages)
        assert question, f"Seen asked no follow-up question: {texts(messages)}"
        asked.append(question)
        answer = answers[question]
        if isinstance(answer, Press):
            messages = talk.press(messages, answer.title)
            if answer.evidence is not None:
                assert texts(messages) == [FOLLOW_UP.evidence], f"after {answer.title!r}: {texts(messages)}"
                messages = talk.say(answer.evidence)
        else:
            messages = talk.say(answer)
        if any(t.startswith(FOLLOW_UP.summary.heading) for t in texts(messages)):
            return asked, messages
    raise AssertionError(f"no summary after {asked}")


def _seen(messages: List[dict]) -> List[dict]:
    """What the practitioner sees of each message: all but whom it is for."""
    return [{key: value for key, value in m.items() if key != "recipient_id"} for m in messages]


def unknown_reference() -> str:
    code = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


@dataclass(frozen=True)
class Earlier:
    reference: str
    saved_at: datetime


@pytest.fixture(scope="module")
def earlier(servers, notes_url) -> Earlier:
    """A first note saved through the bot in Derby, moved four months back."""
    reference = bot.saved_note()
    return Earlier(reference, bot.backdate(notes_url, reference, months=4))


def test_a_case_followed_up_four_months_on_shows_drift_and_saves_a_linked_note(earlier, notes_url):
    talk = Conversation()
    try:
        _follow_up_and_save(talk, earlier, notes_url)
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        TRANSCRIPT.write_text(
            "Issue 16: following up a case over REST, as the practitioner saw it.\n"
            f"Before this conversation, a first note was saved through Seen in Derby (reference {earlier.reference})"
            f" and moved back to {earlier.saved_at:%B %Y} in the test's notes database.\n\n"
            + "\n".join(talk.transcript) + "\n")


def _follow_up_and_save(talk: Conversation, earlier: Earlier, notes_url: str) -> None:
    talk.say("I work in Derby")
    messages = talk.say(f"follow up {earlier.reference}")
    shown = texts(messages)
    month = f"{earlier.saved_at:%B %Y}"
    assert shown[0].splitlines()[0] == FOLLOW_UP.earlier_note.format(
        reference=earlier.reference, notes="1 note", month=month), shown[0]
    assert f"- {_label(KB.reflection, 'daily_life')}: {ORDINARY['daily_life']}" in shown[0].splitlines(), shown[0]
    assert f"{earlier.saved_at.day} {month}" not in shown[0] and earlier.saved_at.isoformat()[:10] not in shown[0]
    assert shown[1] == FOLLOW_UP.intro.strip()

    asked, messages = follow_up(talk, messages, ANSWERS)
    assert asked == ["role", "changed", "daily_life", "impact", "voice", "engagement", "plan_same", "plan_progress",
                     "reopened", "new_concerns", "new_agencies", "threshold"]
    said = texts(messages)
    drift = [t for t in said if t.startswith(DRIFT.text)]
    assert drift, f"no drift prompt after the same plan for four months: {said}"
    sources = drift[0].splitlines()[-1]
    assert sources.startswith("Sources: ") and sources == replies.sources_line(KB, replies.cite(KB, DRIFT.sources))
    note = next(t for t in said if t.startswith(FOLLOW_UP.note.heading))
    assert f"- {_label(FOLLOW_UP, 'engagement')}: Better: {ANSWERS['engagement'].evidence}" in note.splitlines(), note
    assert f"- {_label(FOLLOW_UP, 'daily_life')}: The same: {ANSWERS['daily_life'].evidence}" in note.splitlines(), note
    assert said[-1] == FOLLOW_UP.note.ask

    saved = talk.press(messages, FOLLOW_UP.note.buttons.save)
    reference = saved[0]["text"].split("reference is ")[1].split(":")[0]
    assert texts(saved) == [FOLLOW_UP.note.saved.format(reference=reference)]

    first, second = NoteStore(notes_url).case(reference, areas=["derby"])
    assert first["reference"] == earlier.reference and second["reference"] == reference
    assert second["follows"] == earlier.reference and first["case"] == second["case"] == earlier.reference
    changes = {c["question"]: c["value"] for c in second["changes"]}
    assert changes == {"daily_life": "same", "impact": "same", "voice": "skipped", "engagement": "better",
                       "plan_progress": "same"}, second["changes"]
    assert "plan_drift" in [p["id"] for p in second["prompts"]]
    assert second["plan_since"] == first["plan_since"] == earlier.saved_at.isoformat(), "the same plan since then"
    assert [n["reference"] for n in NoteStore(notes_url).case(earlier.reference, areas=["derby"])] == \
        [earlier.reference, reference], "either reference continues the chain"


def _label(reflection, question_id: str) -> str:
    return next(q.label for q in reflection.questions if q.id == question_id)


def test_another_areas_conversation_gets_the_reply_an_unknown_reference_gets(earlier):
    elsewhere = Conversation()
    elsewhere.say("I work in Rochdale")
    refused = elsewhere.say(f"follow up {earlier.reference}")
    derby = Conversation()
    derby.say("I work in Derby")
    unknown = derby.say(f"follow up {unknown_reference()}")
    assert _seen(refused) == _seen(unknown), "another area's reference must not be told from an unknown one"
    assert texts(refused) == [FINDING.not_found]
