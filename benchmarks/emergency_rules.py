"""The emergency rules alone (seen.safety, no model), on every dev set: how many
emergencies they catch and how many concern openers and ordinary worries they
take for emergencies. Fast enough to run after every change to
knowledge/safety.yml; the classifier catches what the rules miss
(test_dev_emergencies.py checks the two together).

    .venv/bin/python -m benchmarks.emergency_rules [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Tuple

from benchmarks.parsing import ROOT
from seen.danger_model import texts_in
from seen.safety import default_detector


def _sets() -> Tuple[List[Path], List[Tuple[Path, str]]]:
    dev = sorted(ROOT.glob("tests/dev*"))
    emergencies = [p for folder in dev for p in sorted(folder.glob("emergenc*.yml"))]
    worries = [(p, "openers") for folder in dev for p in sorted(folder.glob("concern_openers.yml"))]
    worries += [(p, "ordinary") for folder in dev for p in sorted(folder.glob("ordinary_worried*.yml"))]
    return emergencies, worries


def main() -> None:
    show = "--misses" in sys.argv
    detect = default_detector().detect
    emergencies, worries = _sets()
    caught = total = 0
    for path in emergencies:
        texts = texts_in(path, "emergencies")
        missed = [t for t in texts if detect(t) is None]
        caught, total = caught + len(texts) - len(missed), total + len(texts)
        print(f"caught {path.relative_to(ROOT)}: {len(texts) - len(missed)}/{len(texts)}")
        for text in missed if show else []:
            print(f"  missed: {text}")
    alarms = messages = 0
    for path, key in worries:
        texts = texts_in(path, key)
        raised = [t for t in texts if detect(t) is not None]
        alarms, messages = alarms + len(raised), messages + len(texts)
        print(f"false alarms {path.relative_to(ROOT)}: {len(raised)}/{len(texts)}")
        for text in raised if show else []:
            print(f"  alarm: {text}")
    print(f"emergencies caught by the rules: {caught}/{total}")
    print(f"concerns and worries taken for emergencies: {alarms}/{messages}")


if __name__ == "__main__":
    main()
