"""The safety case's figures are checked against what the run measured.

A safeguarding lead signs off on the figures the case quotes; a figure that
no longer holds must fail the build, not sit in a document.
"""

import json

from tests.helpers import safety_case

CASE = """\
| figure | value | result | command |
| --- | --- | --- | --- |
| Emergencies said as openers that get the 999 reply | 97.5% | `heldout_concerns.emergencies_met` | `make heldout` |
| Held-out emergencies | 36 | `heldout.emergencies` | `make heldout` |
"""


def _results(tmp_path, **results):
    for name, figures in results.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(figures), encoding="utf-8")
    return tmp_path


def test_quoted_figures_that_match_the_run_pass(tmp_path):
    results = _results(tmp_path, heldout_concerns={"emergencies_met": 0.975}, heldout={"emergencies": 36})
    assert safety_case.mismatches(CASE, results) == []


def test_a_figure_that_moved_or_was_not_measured_fails(tmp_path):
    results = _results(tmp_path, heldout_concerns={"emergencies_met": 0.95})
    assert safety_case.mismatches(CASE, results) == [
        "heldout_concerns.emergencies_met: the case says 97.5%, this run measured 95.0%",
        f"heldout.emergencies: not measured in this run ({tmp_path / 'heldout.json'})",
    ]


def test_the_safety_case_quotes_each_figure_with_the_command_that_measures_it():
    text = safety_case.CASE.read_text(encoding="utf-8")
    rows = safety_case.quoted(text)
    assert len(rows) >= 8
    for line in text.splitlines():
        if any(f"`{result}.{figure}`" in line for result, figure, _ in rows):
            assert line.rstrip(" |").split("|")[-1].strip().startswith("`"), f"no command for: {line}"
