"""Every emergency in the tuning sets (tests/dev*) gets the 999 reply, through
the trained model's NLU as the bot reads it: a change to the rules, the
training data or the pipeline that loses one fails here before it reaches a
practitioner. (The held-out sets are asserted in test_heldout.py and
test_concern_openers_heldout.py.)

A rule's match that says the danger is happening now is an emergency unless
the rules' check is all but sure it is not (``rules_now_min_score``,
components.emergency_override); any other match the check may stand down at
a lower certainty. So the model reads every message but those, and every
tenth of those, which would show the check or a later component undoing the
override."""

import pytest

from benchmarks.parsing import ROOT, Parser, latest_model
from seen.danger_model import texts_in
from seen.intents import EMERGENCY_INTENT
from seen.safety import HAPPENING_NOW, default_detector

FILES = sorted(ROOT.glob("tests/dev*/emergenc*.yml"))
#: Of the matches said to be happening now, every this many is read by the model too.
NOW_SAMPLE = 10


@pytest.fixture(scope="module")
def parse():
    return Parser(latest_model(ROOT / "bot" / "models"))


def test_the_tuning_sets_hold_hundreds_of_emergencies():
    assert sum(len(texts_in(path, "emergencies")) for path in FILES) >= 500


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_tuning_set_emergency_gets_the_999_reply(parse, path):
    now, rest = [], []
    for text in texts_in(path, "emergencies"):
        found = default_detector().detect(text)
        (now if found is not None and HAPPENING_NOW in found.categories else rest).append(text)
    missed = [text for text in rest + now[::NOW_SAMPLE] if parse(text).intent != EMERGENCY_INTENT]
    assert missed == []
