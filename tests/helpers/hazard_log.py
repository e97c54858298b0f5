"""Check Seen's clinical-safety hazard log (safety/hazard-log.yml) against the tests.

A hazard log whose controls are only written down proves nothing. So the log
is checked twice in `make test`:

- tests/unit/test_hazard_log.py, first: every hazard has a control, every
  control names tests that exist, every residual risk above what the log
  accepts has a written justification, and none is one the log never accepts;
- this module's command, last, after every suite has written its JUnit report:
  every test a control names ran in this run and passed (a skipped test does not
  count: it would hide a failure).

    .venv/bin/python -m tests.helpers.hazard_log --passed tests/artifacts/junit
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

import yaml
from pydantic import BaseModel, Extra, Field, ValidationError, conlist

from tests.helpers.paths import ROOT

LOG = ROOT / "safety" / "hazard-log.yml"


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class Rating(_Strict):
    severity: str
    likelihood: str


class Control(_Strict):
    id: str = Field(..., min_length=1)
    control: str = Field(..., min_length=10)
    tests: List[str] = []


class Hazard(_Strict):
    id: str = Field(..., min_length=1)
    title: str = Field(..., min_length=1)
    hazard: str = Field(..., min_length=10)
    causes: conlist(str, min_items=1)
    effect: str = Field(..., min_length=10)
    before: Rating
    controls: List[Control] = []
    after: Rating
    justification: Optional[str] = None


class Matrix(_Strict):
    severity: conlist(str, min_items=5, max_items=5)
    likelihood: conlist(str, min_items=5, max_items=5)
    #: risk[likelihood][severity], 1 (acceptable) to 5 (unacceptable)
    risk: conlist(conlist(int, min_items=5, max_items=5), min_items=5, max_items=5)
    accepted_without_justification: int
    never_accepted: int

    def rate(self, rating: Rating) -> int:
        return self.risk[self.likelihood.index(rating.likelihood)][self.severity.index(rating.severity)]


class HazardLog(_Strict):
    matrix: Matrix
    hazards: conlist(Hazard, min_items=1)


def load(path: Path = LOG) -> HazardLog:
    """The log, or a ValueError naming what is malformed."""
    try:
        return HazardLog.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise ValueError(f"{path}: {error}") from error


def existing_tests(root: Path = ROOT) -> Set[str]:
    """Every test's node id under tests/ ("tests/unit/test_x.py::test_y",
    "...::TestClass::test_y"), read from the source, without importing it."""
    found: Set[str] = set()
    for path in sorted((root / "tests").rglob("test_*.py")):
        prefix = path.relative_to(root).as_posix()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                found.add(f"{prefix}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                found.update(f"{prefix}::{node.name}::{item.name}" for item in node.body
                             if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                             and item.name.startswith("test"))
    return found


def problems(log: HazardLog, tests: Set[str]) -> List[str]:
    """What is wrong with the log: each problem in a sentence naming the hazard."""
    found: List[str] = []
    matrix = log.matrix
    ids = [h.id for h in log.hazards] + [c.id for h in log.hazards for c in h.controls]
    found += [f"{i}: the id is used more than once" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for hazard in log.hazards:
        ratings = {"before": hazard.before, "after": hazard.after}
        unknown = [f"{when} {part} '{value}'" for when, r in ratings.items()
                   for part, value, scale in (("severity", r.severity, matrix.severity),
                                              ("likelihood", r.likelihood, matrix.likelihood))
                   if value not in scale]
        if unknown:
            found.append(f"{hazard.id}: not on the matrix: {', '.join(unknown)}")
            continue
        if not hazard.controls:
            found.append(f"{hazard.id}: the hazard has no control")
        for control in hazard.controls:
            if not control.tests:
                found.append(f"{control.id}: the control names no test that proves it")
            found += [f"{control.id}: names a test that does not exist: {t}" for t in control.tests if t not in tests]
        before, after = matrix.rate(hazard.before), matrix.rate(hazard.after)
        if after > before:
            found.append(f"{hazard.id}: the risk after controls ({after}) is above the risk before them ({before})")
        if after >= matrix.never_accepted:
            found.append(f"{hazard.id}: a residual risk of {after} is one the log never accepts")
        elif after > matrix.accepted_without_justification and not (hazard.justification or "").strip():
            found.append(f"{hazard.id}: a residual risk of {after} needs a written justification")
    return found


def named_tests(log: HazardLog) -> Dict[str, List[str]]:
    """Each test the log names, and the controls that name it."""
    named: Dict[str, List[str]] = {}
    for hazard in log.hazards:
        for control in hazard.controls:
            for test in control.tests:
                named.setdefault(test, []).append(control.id)
    return named


def _junit_key(node_id: str) -> Tuple[str, str]:
    """The (classname, name) pytest's JUnit report gives a node id's cases."""
    path, *scope, name = node_id.split("::")
    return ".".join([path[:-3].replace("/", "."), *scope]), name


def outcomes(reports: Iterable[Path]) -> Dict[Tuple[str, str], List[str]]:
    """Every case in the JUnit reports, by (classname, name without its
    parameters): "passed", "failed", "error" or "skipped" for each run."""
    seen: Dict[Tuple[str, str], List[str]] = {}
    for report in reports:
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
            key = (case.get("classname", ""), case.get("name", "").split("[")[0])
            seen.setdefault(key, []).append({"failure": "failed"}.get(kinds[0], kinds[0]) if kinds else "passed")
    return seen


def unproven(log: HazardLog, reports: Iterable[Path]) -> List[str]:
    """Each named test that did not run, or did not pass every case, in these reports."""
    ran = outcomes(reports)
    found = []
    for test, controls in sorted(named_tests(log).items()):
        results = ran.get(_junit_key(test), [])
        if not results:
            found.append(f"{test} (for {', '.join(controls)}) did not run")
        elif set(results) != {"passed"}:
            counts = ", ".join(f"{results.count(r)} {r}" for r in sorted(set(results)))
            found.append(f"{test} (for {', '.join(controls)}) did not pass: {counts}")
    return found


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passed", type=Path, required=True, help="folder of JUnit reports from this run")
    args = parser.parse_args(argv)
    log = load()
    reports = sorted(args.passed.glob("*.xml"))
    ran = unproven(log, reports) if reports else [f"no JUnit reports in {args.passed}"]
    found = problems(log, existing_tests()) + ran
    named = named_tests(log)
    for problem in found:
        print(f"hazard log: {problem}")
    if found:
        return 1
    print(f"hazard log: {len(log.hazards)} hazards, {sum(len(h.controls) for h in log.hazards)} controls; "
          f"all {len(named)} tests they name ran and passed ({', '.join(r.stem for r in reports)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
