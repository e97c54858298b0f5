"""The emergency rules alone (seen.safety, no model), on every dev set: how many
emergencies they catch and how many concern openers and ordinary worries they
take for emergencies. Fast enough to run after every change to
knowledge/safety.yml; the classifier catches what the rules miss
(test_dev_emergencies.py checks the two together).

    .venv/bin/python -m benchmarks.emergency_rules [--misses] [--against=COMMIT] [folder ...]

``--against=COMMIT`` also compares today's rules with that commit's
(knowledge/safety.yml from git): emergencies lost and gained, concerns and
worries newly taken for emergencies or spared, and those the reassurance
check (which overrules the learned judges) newly reads as past or absent;
the texts are listed for dev sets only. A change to the rules should lose
no emergency. Given folders, only those are read (a held-out one is counted, its misses
never printed): `tests/heldout_concerns` says how many of its concern
openers the rules alone take for emergencies, without reading them.
Also prints how long the rules took to read the texts (the same pass over every
dev text is the costliest step of training the rules' check).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List, Tuple

from benchmarks.parsing import ROOT, tuned_on
from benchmarks.rules_check_fresh import rules_at
from seen.danger_model import texts_in
from seen.safety import EmergencyDetector, default_detector


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
    started = time.perf_counter()
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
    print(f"the rules read {total + messages} texts in {time.perf_counter() - started:.1f} s")
    against = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--against=")), None)
    if against:
        _compare(rules_at(against), default_detector(), emergencies, worries, against)


def _compare(before: EmergencyDetector, now: EmergencyDetector, emergencies: List[Path],
             worries: List[Tuple[Path, str]], commit: str) -> None:
    """What changed between two versions of the rules, text by text."""
    texts = {"emergency": [(p, t) for p in emergencies for t in texts_in(p, "emergencies")],
             "concern": [(p, t) for p, key in worries for t in texts_in(p, key)]}
    for kind, items in texts.items():
        for change, judge in (("matched", _matched), ("reassured", EmergencyDetector.reassured)):
            for label, was, is_now in (("now", False, True), ("no longer", True, False)):
                moved = [(p, t) for p, t in items if judge(before, t) == was and judge(now, t) == is_now]
                print(f"{kind} texts {label} {change} (against {commit}): {len(moved)}")
                for where, text in [(p.parent.name, t) for p, t in moved if tuned_on(p.parent)]:
                    print(f"  {where}: {text[:200]}")


def _matched(detector: EmergencyDetector, text: str) -> bool:
    return detector.detect(text) is not None


if __name__ == "__main__":
    main()
