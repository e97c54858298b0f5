"""The clinical-safety hazard log (safety/hazard-log.yml) holds together.

A board's safeguarding lead reads the log to decide whether Seen is safe to
put in front of practitioners; a control that names no test, or a test that
no longer exists, is a claim nobody checks. That every named test also passed
is checked after all the suites have run (`make test`'s last step,
tests/helpers/hazard_log.py).
"""

from pathlib import Path

import pytest
import yaml

from tests.helpers import hazard_log

EXISTING = "tests/unit/test_hazard_log.py::test_the_checker_finds_each_kind_of_gap"
MATRIX = {
    "severity": ["Minor", "Significant", "Considerable", "Major", "Catastrophic"],
    "likelihood": ["Very low", "Low", "Medium", "High", "Very high"],
    "risk": [[1, 1, 2, 2, 3], [1, 2, 2, 3, 4], [2, 2, 3, 3, 4], [2, 3, 3, 4, 5], [3, 4, 4, 5, 5]],
    "accepted_without_justification": 2,
    "never_accepted": 4,
}


def _control(i: int = 1, tests=(EXISTING,)) -> dict:
    return {"id": f"H01-C{i}", "control": "a control that a test proves", "tests": list(tests)}


def _hazard(after=("Major", "Very low"), controls=None, justification=None) -> dict:
    hazard = {"id": "H01", "title": "a hazard", "hazard": "something that could hurt a child",
              "causes": ["a cause"], "effect": "a child is not protected",
              "before": {"severity": "Major", "likelihood": "High"},
              "controls": [_control()] if controls is None else controls,
              "after": {"severity": after[0], "likelihood": after[1]}}
    return {**hazard, "justification": justification} if justification else hazard


def _problems(tmp_path: Path, hazard: dict):
    path = tmp_path / "hazard-log.yml"
    path.write_text(yaml.safe_dump({"matrix": MATRIX, "hazards": [hazard]}), encoding="utf-8")
    return hazard_log.problems(hazard_log.load(path), hazard_log.existing_tests())


def test_every_hazard_is_controlled_by_tests_that_exist_and_its_residual_risk_is_accepted():
    log = hazard_log.load()
    assert hazard_log.problems(log, hazard_log.existing_tests()) == []


def test_the_log_covers_the_hazards_a_safeguarding_lead_asks_about():
    """At least the issue's list: each has its own entry, rated before and after."""
    assert len(hazard_log.load().hazards) >= 13


def test_the_checker_finds_each_kind_of_gap(tmp_path):
    assert _problems(tmp_path, _hazard()) == []
    assert _problems(tmp_path, _hazard(controls=[])) == ["H01: the hazard has no control"]
    deleted = _control(tests=["tests/unit/test_gone.py::test_never_written"])
    assert _problems(tmp_path, _hazard(controls=[deleted])) == [
        "H01-C1: names a test that does not exist: tests/unit/test_gone.py::test_never_written"]
    only_written_down = _control(tests=[])
    assert _problems(tmp_path, _hazard(controls=[only_written_down])) == [
        "H01-C1: the control names no test that proves it"]
    twice = [_control(1), _control(1)]
    assert _problems(tmp_path, _hazard(controls=twice)) == ["H01-C1: the id is used more than once"]


@pytest.mark.parametrize("after, justification, problem", [
    (("Major", "Low"), None, "H01: a residual risk of 3 needs a written justification"),
    (("Major", "Low"), "one emergency in 40 missed; measured by ...", None),
    (("Major", "High"), "we accept it", "H01: a residual risk of 4 is one the log never accepts"),
    (("Catastrophic", "High"), "x", "H01: the risk after controls (5) is above the risk before them (4)"),
    (("Grave", "Low"), None, "H01: not on the matrix: after severity 'Grave'"),
])
def test_a_residual_risk_above_what_the_log_accepts_needs_a_justification(tmp_path, after, justification, problem):
    found = _problems(tmp_path, _hazard(after=after, justification=justification))
    assert (problem in found) if problem else found == []


def test_a_named_test_that_was_skipped_or_failed_or_never_ran_is_not_proof(tmp_path):
    log = hazard_log.HazardLog.parse_obj({"matrix": MATRIX, "hazards": [_hazard(controls=[
        _control(i, [f"tests/unit/test_x.py::test_{i}"]) for i in range(4)])]})
    (tmp_path / "unit.xml").write_text("""<testsuites><testsuite>
      <testcase classname="tests.unit.test_x" name="test_0[a]"/>
      <testcase classname="tests.unit.test_x" name="test_0[b]"/>
      <testcase classname="tests.unit.test_x" name="test_1"><skipped message="no server"/></testcase>
      <testcase classname="tests.unit.test_x" name="test_2[a]"/>
      <testcase classname="tests.unit.test_x" name="test_2[b]"><failure message="boom"/></testcase>
    </testsuite></testsuites>""", encoding="utf-8")
    assert hazard_log.unproven(log, [tmp_path / "unit.xml"]) == [
        "tests/unit/test_x.py::test_1 (for H01-C1) did not pass: 1 skipped",
        "tests/unit/test_x.py::test_2 (for H01-C2) did not pass: 1 failed, 1 passed",
        "tests/unit/test_x.py::test_3 (for H01-C3) did not run",
    ]
