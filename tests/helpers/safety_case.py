"""Check that the figures safety/safety-case.md quotes are the ones this run measured.

The safety case argues from measured figures (emergency recall, false alarms,
anonymiser recall). Each row of its figures table names the result it quotes,
as `<result>.<figure>`: benchmarks/results/<result>.json, which the held-out
tests write in every `make test` (tests/helpers/figures.py). A figure that
drifts from the quoted one fails the run, so the case is re-argued, not left
quoting last season's numbers.

    .venv/bin/python -m tests.helpers.safety_case
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import List, Optional, Tuple

from tests.helpers.figures import RESULTS
from tests.helpers.paths import ROOT

CASE = ROOT / "safety" / "safety-case.md"
#: A table row quoting a figure: | what | value | `result.figure` | command |
ROW = re.compile(r"^\|[^|]*\|\s*(?P<value>[^|]+?)\s*\|\s*`(?P<result>[a-z_]+)\.(?P<figure>[a-z_0-9]+)`\s*\|", re.M)


def quoted(text: str) -> List[Tuple[str, str, str]]:
    """(result, figure, value as quoted) for each figure row of the case."""
    return [(m["result"], m["figure"], m["value"]) for m in ROW.finditer(text)]


def said(value: object) -> str:
    """A figure as the case quotes it: a share as a percentage to one decimal
    place ("97.5%"), a count as it is."""
    if isinstance(value, float) and 0 <= value <= 1:
        return f"{value * 100:.1f}%"
    return str(value)


def mismatches(text: str, results: Path = RESULTS) -> List[str]:
    found = []
    rows = quoted(text)
    if not rows:
        return ["the safety case quotes no figure rows"]
    for result, figure, value in rows:
        measured = _measured(results / f"{result}.json", figure)
        if measured is None:
            found.append(f"{result}.{figure}: not measured in this run ({results / (result + '.json')})")
        elif said(measured) != value:
            found.append(f"{result}.{figure}: the case says {value}, this run measured {said(measured)}")
    return found


def _measured(path: Path, figure: str) -> Optional[object]:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get(figure)


def main() -> int:
    found = mismatches(CASE.read_text(encoding="utf-8"))
    for problem in found:
        print(f"safety case: {problem}")
    if not found:
        print(f"safety case: all {len(quoted(CASE.read_text(encoding='utf-8')))} quoted figures match this run")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
