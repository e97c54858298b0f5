"""The anonymiser figures issue 4 asks for, from benchmarks/anonymiser.py, on
tests/heldout_pii/ (written by someone who saw neither the rules nor the
tuning sets; never tuned on). Also written to
benchmarks/results/heldout_pii.json."""

import json

import pytest

from benchmarks.anonymiser import measure
from tests.integration.conftest import ROOT


@pytest.fixture(scope="module")
def figures():
    result = measure(ROOT / "tests" / "heldout_pii" / "sentences.yml")
    result.pop("_misses"), result.pop("_changed")
    path = ROOT / "benchmarks" / "results" / "heldout_pii.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1))
    print("\nheldout_pii figures:", json.dumps(result, indent=1))
    return result


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
