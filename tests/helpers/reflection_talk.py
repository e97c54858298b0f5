"""A guided reflection driven turn by turn in Python, as the unit tests talk
to it: messages are given as the NLU would label them (intent and
confidence), so tests check seen.reflection's own decisions."""

from typing import List, Optional

from seen import knowledge, reflection
from seen.handover import NoteDraft
from seen.notes import NotesUnavailable
from seen.reflection import Heard, Turn

KB = knowledge.load()
QUESTIONS = {q.id: q for q in KB.reflection.questions}


class Conversation:
    """One practitioner's reflection: say() returns what Seen said back."""

    def __init__(self, role: Optional[str] = None, area: Optional[str] = None) -> None:
        self.role, self.area, self.state = role, area, None
        self.turn: Optional[Turn] = None
        self.saved: List[NoteDraft] = []
        self.store_works = True

    def store(self, draft: NoteDraft) -> str:
        if not self.store_works:
            raise NotesUnavailable("database down")
        self.saved.append(draft)
        return "ABCD-EFGH"

    def say(self, text: str, intent: str = "", confidence: float = 0.9, **entities) -> List[str]:
        heard = Heard(text, intent, confidence, entities.get("area"), entities.get("role"))
        self.turn = reflection.respond(KB, self.state, heard, self.role, self.area, self.store)
        self._keep(self.turn)
        return [r.text for r in self.turn.replies]

    def emergency(self, text: str, confirmed: bool) -> List[str]:
        self.turn = reflection.after_emergency(KB, self.state, Heard(text, "emergency", 1.0), confirmed, self.role,
                                               self.area)
        self._keep(self.turn)
        return [r.text for r in self.turn.replies]

    def _keep(self, turn: Turn) -> None:
        self.state = turn.state
        self.role, self.area = turn.role or self.role, turn.area or self.area

    @property
    def current(self) -> Optional[str]:
        return self.state.current

    def answer(self, question_id: str) -> dict:
        return self.state.answers[question_id]

    def answer_until(self, question_id: str, answers: Optional[dict] = None) -> None:
        """Answer every question in turn until ``question_id`` is asked."""
        answers = answers or {}
        for _ in range(40):
            if self.current == question_id:
                return
            self.say(answers.get(self.current, default_answer(self.current)))
        raise AssertionError(f"{question_id} was never asked")


def default_answer(question_id: str) -> str:
    kind = QUESTIONS[question_id].kind
    return {"choice": "No", "age_band": "5 to 11", "role": "teacher", "area": "Derby"}.get(
        kind, "Some worries, nothing specific yet.")


def started(**context) -> Conversation:
    talk = Conversation(**context)
    talk.say("I'm worried about a child", "share_worry")
    return talk


def finished(answers: Optional[dict] = None) -> Conversation:
    """A reflection answered to the end, its note waiting to be confirmed."""
    talk = started(role="health_visitor", area="derby")
    talk.answer_until("threshold", {"age_band": "1 to 4", **(answers or {})})
    talk.say("No", "deny", 0.9)
    assert talk.state.status == reflection.CONFIRMING
    return talk
