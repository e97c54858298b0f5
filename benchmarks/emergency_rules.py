"""The emergency rules alone (seen.safety, no model), on every dev set: how many
emergencies they catch and how many concern openers and ordinary worries they
take for emergencies. Fast enough to run after every change to
knowledge/safety.yml; the classifier catches what the rules miss
(test_dev_emergencies.py checks the two together).

    .venv/bin/python -m benchmarks.emergency_rules [--misses] [folder ...]

Given folders, only those are read (a held-out one is counted, its misses
never printed): `tests/heldout_concerns` says how many of its concern
openers the rules alone take for emergencies, without reading them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Tuple

from benchmarks.parsing import ROOT, tuned_on
from seen.danger_model import texts_in
from seen.safety import default_detector


def _sets(folders: List[Path]) -> Tuple[List[Path], List[Tuple[Path, str]]]:
    dev = folders or sorted(ROOT.glob("tests/dev*"))
    emergencies = [p for folder in dev for p in sorted(folder.glob("emergenc*.yml"))]
    worries = [(p, "openers") for folder in dev for p in sorted(folder.glob("concern_openers.yml"))]
    worries += [(p, "ordinary") for folder in dev for p in sorted(folder.glob("ordinary_worried*.yml"))]
    return emergencies, worries


def main() -> None:
    show = "--misses" in sys.argv
    folders = [(ROOT / a).resolve() for a in sys.argv[1:] if not a.startswith("--")]
    detect = default_detector().detect
    emergencies, worries = _sets(folders)
    caught = total = 0
    for path in emergencies:
        texts = texts_in(path, "emergencies")
        missed = [t for t in texts if detect(t) is None]
        caught, total = caught + len(texts) - len(missed), total + len(texts)
        print(f"caught {path.relative_to(ROOT)}: {len(texts) - len(missed)}/{len(texts)}")
        for text in missed if show and tuned_on(path.parent) else []:
            print(f"  missed: {text}")
    alarms = messages = 0
    for path, key in worries:
        texts = texts_in(path, key)
        raised = [t for t in texts if detect(t) is not None]
        alarms, messages = alarms + len(raised), messages + len(texts)
        print(f"false alarms {path.relative_to(ROOT)}: {len(raised)}/{len(texts)}")
        for text in raised if show and tuned_on(path.parent) else []:
            print(f"  alarm: {text}")
    print(f"emergencies caught by the rules: {caught}/{total}")
    print(f"concerns and worries taken for emergencies: {alarms}/{messages}")


if __name__ == "__main__":
    main()
