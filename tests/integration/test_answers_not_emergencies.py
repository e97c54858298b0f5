"""Answers to Seen's own questions are not emergencies: "has the child been
seen on their own?" answered "no, she hasn't been seen on her own" got the
999 reply mid-reflection (the learned judges read a child left alone), in a
transcript for issue 11's closing note. Through the trained model's NLU, as
the bot reads every message; the phrasings are not the training examples'."""

import pytest

from benchmarks.parsing import ROOT, Parser, latest_model
from seen.intents import EMERGENCY_INTENT


@pytest.fixture(scope="module")
def parse():
    return Parser(latest_model(ROOT / "bot" / "models"))


@pytest.mark.parametrize("answer", [
    "no, she hasn't been seen on her own",
    "she hasn't been seen by anyone on her own",
    "not yet, mum is always in the room so I've not seen her alone",
    "yes, I saw him on his own in the nurse's room",
    "no, he's never been seen without dad there",
    "mum says she's fine, just tired",
    "she's in the bouncer most of the day, bottles propped, house very cold",
    "he lies in the car seat nearly all day with a propped bottle",
])
def test_an_answer_about_seeing_the_child_alone_a_parents_account_or_a_babys_day_is_not_an_emergency(parse, answer):
    assert parse(answer).intent != EMERGENCY_INTENT


@pytest.mark.parametrize("message", [
    "the 2 year old has been on her own in the flat all night, I'm outside now",
    "she's been left on her own with the baby, she's 4, mum went out hours ago",
    "the baby's gone floppy in the bouncer and isn't breathing properly",
])
def test_a_young_child_left_on_their_own_now_is_still_an_emergency(parse, message):
    assert parse(message).intent == EMERGENCY_INTENT
