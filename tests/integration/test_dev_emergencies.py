"""Every emergency in the tuning sets (tests/dev*) gets the 999 reply, through
the trained model's NLU as the bot reads it: a change to the rules, the
training data or the pipeline that loses one fails here before it reaches a
practitioner. (The held-out sets are asserted in test_heldout.py and
test_concern_openers_heldout.py.)

Every message is read by the model, the ones the rules match too: the rules'
check (components.emergency_override) may stand a match down."""

import pytest

from benchmarks.parsing import ROOT, Parser, latest_model
from seen.danger_model import texts_in
from seen.intents import EMERGENCY_INTENT

FILES = sorted(ROOT.glob("tests/dev*/emergenc*.yml"))


@pytest.fixture(scope="module")
def parse():
    return Parser(latest_model(ROOT / "bot" / "models"))


def test_the_tuning_sets_hold_hundreds_of_emergencies():
    assert sum(len(texts_in(path, "emergencies")) for path in FILES) >= 500


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_tuning_set_emergency_gets_the_999_reply(parse, path):
    missed = [text for text in texts_in(path, "emergencies") if parse(text).intent != EMERGENCY_INTENT]
    assert missed == []
