"""The held-out figure issue 3 asks for, from benchmarks/reflection_answers.py:
the share of practitioners' free-text answers taken as answers to the question
asked. tests/heldout_reflection/ was written by people who saw neither the
training data nor the rules, and is never tuned on. The figures are also
written to benchmarks/results/heldout_reflection.json."""


import pytest

from benchmarks.parsing import ROOT, latest_model
from benchmarks.reflection_answers import measure
from tests.helpers.figures import record_figures


@pytest.fixture(scope="module")
def figures():
    return record_figures("heldout_reflection",
                          measure(ROOT / "tests" / "heldout_reflection", latest_model(ROOT / "bot" / "models")))


def test_the_set_is_big_enough(figures):
    assert figures["answers"] >= 50


def test_at_least_95_percent_of_answers_are_taken_as_answers(figures):
    assert figures["taken_as_answers"] >= 0.95 * figures["answers"]
