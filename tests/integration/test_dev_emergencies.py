"""Every emergency in the tuning sets (tests/dev*) gets the 999 reply, through
the trained model's NLU as the bot reads it: a change to the rules, the
training data or the pipeline that loses one fails here before it reaches a
practitioner. (The held-out sets are asserted in test_heldout.py and
test_concern_openers_heldout.py.)

A message the rules match is an emergency whatever the model says
(components.emergency_override), so the model reads every message the rules
miss and every tenth they match: reading all 1,600 took a minute and a half
of CI's 25 to learn nothing more, unless a later component undid the
override, which the tenth would show."""

import pytest

from benchmarks.parsing import ROOT, Parser, latest_model
from seen.danger_model import texts_in
from seen.intents import EMERGENCY_INTENT
from seen.safety import is_emergency

FILES = sorted(ROOT.glob("tests/dev*/emergenc*.yml"))
#: Of the messages the rules match, every this many is read by the model too.
RULES_SAMPLE = 10


@pytest.fixture(scope="module")
def parse():
    return Parser(latest_model(ROOT / "bot" / "models"))


def test_the_tuning_sets_hold_hundreds_of_emergencies():
    assert sum(len(texts_in(path, "emergencies")) for path in FILES) >= 500


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_tuning_set_emergency_gets_the_999_reply(parse, path):
    by_rules, missed_by_rules = [], []
    for text in texts_in(path, "emergencies"):
        (by_rules if is_emergency(text) else missed_by_rules).append(text)
    read = missed_by_rules + by_rules[::RULES_SAMPLE]
    missed = [text for text in read if parse(text).intent != EMERGENCY_INTENT]
    assert missed == []
