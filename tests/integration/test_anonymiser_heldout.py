"""The anonymiser figures issue 4 asks for, from benchmarks/anonymiser.py, on
tests/heldout_pii/ (written by someone who saw neither the rules nor the
tuning sets; never tuned on). Also written to
benchmarks/results/heldout_pii.json.

These are issue 4's targets: structured identifiers 100%, names 97%,
overall 98%, safeguarding sentences unchanged 98%. Measured 2026-11-25 after
tuning on tests/dev/ only: 100%, 97.4%, 98.0%, 98.2%. The margins are thin:
a change that loses two names or one safeguarding sentence fails here."""


import pytest

from benchmarks.anonymiser import measure
from tests.helpers.figures import record_figures
from tests.helpers.paths import ROOT


@pytest.fixture(scope="module")
def figures():
    return record_figures("heldout_pii", measure(ROOT / "tests" / "heldout_pii" / "sentences.yml"))


def test_the_set_is_big_enough(figures):
    assert figures["sentences"] + figures["safeguarding_sentences"] >= 250


def test_every_structured_identifier_is_removed(figures):
    assert figures["recall_structured"] == 1.0


def test_at_least_97_percent_of_names_are_removed(figures):
    assert figures["recall_names"] >= 0.97


def test_at_least_98_percent_of_all_identifiers_are_removed(figures):
    assert figures["recall_overall"] >= 0.98


def test_at_least_98_percent_of_safeguarding_sentences_are_left_unchanged(figures):
    assert figures["safeguarding_unchanged"] >= 0.98


def test_issue_14s_work_left_this_set_no_worse_than_it_found_it(figures):
    """Issue 14: the existing held-out sets stay at or above their figures
    (98.32% of identifiers and 99.08% of clean sentences when it was taken
    up; 98.47% and 99.08% on 2026-12-02, once a shop and its street went as
    one place)."""
    assert figures["recall_overall"] >= 0.9847
    assert figures["safeguarding_unchanged"] >= 0.9908


def test_the_practitioners_answers_only_add_and_cost_at_most_two_questions_a_note(figures):
    """Issue 14: with a practitioner who answers "Is 'Storm' a name?" truthfully,
    no identifier comes back, no clean sentence is changed that was not
    already, and a note asks at most two questions on average."""
    assert figures["recall_with_answers"] >= figures["recall_overall"]
    assert figures["safeguarding_unchanged_with_answers"] >= figures["safeguarding_unchanged"]
    assert figures["questions_per_note"] <= 2
