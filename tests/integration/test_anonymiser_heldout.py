"""The anonymiser figures issue 4 asks for, from benchmarks/anonymiser.py, on
tests/heldout_pii/ (written by someone who saw neither the rules nor the
tuning sets; never tuned on). Also written to
benchmarks/results/heldout_pii.json.

Issue 4's targets are structured identifiers 100%, names 97%, overall 98%,
safeguarding sentences unchanged 98%. Only the last is met so far (measured
2026-11-25: 99.0%, 96.8%, 96.9%, 99.1%), so issue 4 stays open; until then
these tests guard the figures reached against any change that lowers them."""


import pytest

from benchmarks.anonymiser import measure
from tests.integration.conftest import ROOT, record_figures


@pytest.fixture(scope="module")
def figures():
    return record_figures("heldout_pii", measure(ROOT / "tests" / "heldout_pii" / "sentences.yml"))


def test_the_set_is_big_enough(figures):
    assert figures["sentences"] + figures["safeguarding_sentences"] >= 250


def test_structured_identifiers_stay_at_least_as_well_removed(figures):
    assert figures["recall_structured"] >= 0.98  # issue 4's target: 1.0


def test_names_stay_at_least_as_well_removed(figures):
    assert figures["recall_names"] >= 0.96  # issue 4's target: 0.97


def test_all_identifiers_stay_at_least_as_well_removed(figures):
    assert figures["recall_overall"] >= 0.96  # issue 4's target: 0.98


def test_at_least_98_percent_of_safeguarding_sentences_are_left_unchanged(figures):
    assert figures["safeguarding_unchanged"] >= 0.98
