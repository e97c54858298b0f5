"""Every reply that repeats the practitioner's words is marked as quoting them,
so the tracker store keeps none of it (bot/stores/kept.py): walked through a
whole reflection, going back to an answer, a name question and the note."""

from seen import reflection
from tests.helpers.reflection_talk import Conversation, default_answer

MARK = "Wexcombe"  # in every free-text answer; also a word the anonymiser asks about


def test_no_reply_repeats_an_answer_without_being_marked():
    talk = Conversation(role="health_visitor", area="derby")
    replies = []

    def say(text, intent="", confidence=0.9):
        talk.say(text, intent, confidence)
        replies.extend(talk.turn.replies)

    say("I'm worried about a child", "share_worry")
    for _ in range(40):
        if talk.state.status == reflection.CONFIRMING:
            break
        answer = default_answer(talk.current)
        say(f"{answer} {MARK} was mentioned." if answer.startswith("Some") else answer)
        if talk.current == "history":
            say("go back", "", 0.9)
    say("No", "deny", 0.9)
    quoting = [r for r in replies if MARK in r.text]
    assert quoting, "no reply repeated the answers: the walk went wrong"
    assert all(r.quotes for r in quoting), [r.text[:80] for r in quoting if not r.quotes]


def test_seens_own_words_are_not_marked():
    talk = Conversation(role="health_visitor", area="derby")
    talk.say("I'm worried about a child", "share_worry")
    assert talk.turn.replies and not any(r.quotes for r in talk.turn.replies)
