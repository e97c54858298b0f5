"""The held-out figures issue 2 asks for, from benchmarks/nlu_heldout.py.

tests/heldout/ was written separately from the training data and is never
tuned on; the figures are also written to benchmarks/results/heldout.json.
"""

import json

import pytest

from benchmarks.nlu_heldout import ROOT, _latest_model, measure

RESULTS = ROOT / "benchmarks" / "results" / "heldout.json"


@pytest.fixture(scope="module")
def figures():
    result = measure(ROOT / "tests" / "heldout", _latest_model(ROOT / "bot" / "models"))
    result.pop("_misses")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1))
    print("\nheld-out figures:", json.dumps(result, indent=1))
    return result


def test_the_set_is_big_enough(figures):
    assert figures["topic_questions"] >= 80 and figures["emergencies"] >= 20 and figures["ordinary_messages"] >= 20


def test_every_held_out_emergency_gets_the_999_reply(figures):
    assert figures["emergency_recall"] == 1.0


def test_topic_accuracy_is_at_least_95_percent(figures):
    assert figures["topic_accuracy"] >= 0.95


def test_few_ordinary_worries_are_taken_for_emergencies(figures):
    assert figures["false_alarms"] <= 0.1 * figures["ordinary_messages"]
