"""The held-out figures issue 2 asks for, from benchmarks/nlu_heldout.py.

tests/heldout/ and tests/heldout_b/ were written separately from the training
data and the emergency rules, by writers who saw neither, and are never tuned
on. The figures are also written to benchmarks/results/<set>.json.
"""


import pytest

from benchmarks import concern_openers
from benchmarks.nlu_heldout import measure
from benchmarks.parsing import ROOT, latest_model
from tests.helpers.figures import record_figures

SETS = ["heldout", "heldout_b"]


@pytest.fixture(scope="module", params=SETS)
def figures(request):
    return record_figures(request.param, measure(ROOT / "tests" / request.param, latest_model(ROOT / "bot" / "models")))


def test_the_set_is_big_enough(figures):
    assert figures["topic_questions"] >= 80 and figures["emergencies"] >= 20 and figures["ordinary_messages"] >= 20


def test_every_held_out_emergency_gets_the_999_reply(figures):
    assert figures["emergency_recall"] == 1.0


def test_topic_accuracy_is_at_least_95_percent(figures):
    """Measured 2026-11-30 (issue 11): 96.2% on heldout and 94.8% (91 of 96)
    on heldout_b, one question short since concerns became a class of their
    own (share_worry); 2026-12-03: 97.0% and 96.9% (93 of 96), once each
    topic learned questions asked with a line about the child first."""
    assert figures["topic_accuracy"] >= 0.95


@pytest.mark.parametrize("name", SETS)
def test_a_topic_question_gets_its_topics_answer_or_the_topic_on_offer(name):
    """What the practitioner sees, not only the intent: a question told with
    its case may start the reflection, and then the topic asked about is on
    offer beside it. Measured 2026-12-03: 98.5% and 97.9% (97.7% and 97.9%
    before a concern with a question offered the nearest topic)."""
    measured = concern_openers.measure(ROOT / "tests" / name, latest_model(ROOT / "bot" / "models"))
    measured.pop("_misses")  # the set's own words: never shown, even in a failure's report
    assert measured["topic_questions"] >= 80 and measured["topic_questions_reached"] >= 0.97


def test_few_ordinary_worries_are_taken_for_emergencies(figures):
    """Issue 2 asks only for the false-alarm figure; recall comes first. This
    guards against a change that would bury practitioners' ordinary worries
    under 999 replies (a false alarm still offers the topic's answer). Measured
    on 2026-11-23: 4 of 35 and 4 of 34."""
    assert figures["false_alarms"] <= 0.2 * figures["ordinary_messages"]
