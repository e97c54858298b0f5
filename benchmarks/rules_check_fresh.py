"""The rules' check on the false alarms the rules gave writers they had never read.

Some tuning sets say in their header the commit they were first measured at,
before the rules learned from them ("Fresh at 7b1e979"). This reads each such
set with the rules of that commit (knowledge/safety.yml from git), so the
rules' false alarms and catches are the ones the writer met fresh; then
scores them with the rules' check (seen.danger_model) trained as
components.emergency_override trains it, without that set. A check that
spares only the false alarms the current rules were already taught to spare
would show nothing here. An emergency today's rules say is happening now is
judged from a lower floor (``rules_now_min_score``), so it is counted apart;
the lowest score of the others is what the threshold keeps room below
(bot/config.yml), printed beside the lowest with them.

    .venv/bin/python -m benchmarks.rules_check_fresh [--json out.json]

Needs the git history (a clone has it).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Dict, List, Optional

from benchmarks.danger_model import nlu_examples_by_kind, override_config
from benchmarks.parsing import ROOT
from seen import knowledge
from seen.danger_model import fit_rules_check, matched_by_rules, tuning_examples
from seen.embeddings import default_embedder
from seen.safety import HAPPENING_NOW, Emergency, EmergencyDetector, default_detector

#: Thresholds shown beside the configured one.
LEVELS = (0.02, 0.05, 0.08, 0.1, 0.2)
FRESH_AT = re.compile(r"Fresh (?:at|on) ([0-9a-f]{7,40})\b")


def fresh_commit(folder: Path) -> Optional[str]:
    """The commit a tuning set was first measured at, from its concern openers' header."""
    path = folder / "concern_openers.yml"
    if not path.exists():
        return None
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True)[:5] if line.startswith("#"))
    found = FRESH_AT.search(header)
    return found.group(1) if found else None


def rules_at(commit: str) -> EmergencyDetector:
    """The emergency rules as they stood at ``commit``, on today's knowledge otherwise."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "knowledge"
        shutil.copytree(ROOT / "knowledge", copy)
        old = subprocess.run(["git", "show", f"{commit}:knowledge/safety.yml"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        (copy / "safety.yml").write_text(old, encoding="utf-8")
        return EmergencyDetector(knowledge.load(copy).safety)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    folders = sorted(p for p in ROOT.glob("tests/dev*") if p.is_dir())
    fresh = {f: c for f in folders if (c := fresh_commit(f))}
    threshold = override_config()["rules_min_score"]
    nlu_emergencies, nlu_others = nlu_examples_by_kind()
    every_emergency, every_concern = tuning_examples(folders)
    matched = set(matched_by_rules(every_emergency + every_concern + nlu_emergencies + nlu_others))
    embedder = default_embedder()
    current = default_detector()
    report: Dict[str, Dict[str, object]] = {}
    for folder, commit in fresh.items():
        emergencies, concerns = tuning_examples([f for f in folders if f != folder])
        emergencies, concerns = emergencies + nlu_emergencies, concerns + nlu_others
        check = fit_rules_check(embedder, emergencies, concerns, matched=matched)
        detector = rules_at(commit)
        own_emergencies, own_concerns = tuning_examples([folder])
        figures: Dict[str, object] = {"commit": commit}
        for kind, texts in (("emergencies", own_emergencies), ("concerns", own_concerns)):
            found = [(t, detector.detect(t)) for t in texts]
            caught = [(t, f) for t, f in found if f is not None]
            judged = [t for t, _ in caught]
            scores = check.scores(judged) if judged else []
            # Whether the check judges a message is today's rules' call: one they say is happening
            # now it never judges; one the rules then said was, but today say was only just told
            # ("she's just told me"), it does.
            now = [HAPPENING_NOW in (current.detect(t) or Emergency(())).categories for t in judged]
            figures[kind] = {"messages": len(texts), "rules_flag": len(caught),
                             "scores": [s for s, n in zip(scores, now, strict=True) if not n],
                             "scores_happening_now_today": [s for s, n in zip(scores, now, strict=True) if n]}
        report[folder.name] = figures
        e, c = figures["emergencies"], figures["concerns"]
        print(f"{folder.name} (rules at {commit}): emergencies {e['rules_flag']}/{e['messages']} flagged, "
              f"{_below(e['scores'], threshold)} stood down; concerns {c['rules_flag']}/{c['messages']} flagged, "
              f"{_below(c['scores'], threshold)} stood down")
    lowest = min((s for r in report.values() for s in r["emergencies"]["scores"]), default=1.0)
    lowest_with_now = min((s for r in report.values() for key in ("scores", "scores_happening_now_today")
                           for s in r["emergencies"][key]), default=1.0)
    print(f"lowest check score of an emergency the check judges: {lowest:.4f} "
          f"({lowest_with_now:.4f} with those today's rules say are happening now)")
    summary = {}
    for level in sorted({*LEVELS, threshold}):
        lost = sum(_below(r["emergencies"]["scores"], level) for r in report.values())
        spared = sum(_below(r["concerns"]["scores"], level) for r in report.values())
        summary[str(level)] = {"emergencies_stood_down": lost, "concerns_stood_down": spared}
        mark = " (configured)" if level == threshold else ""
        print(f"the rules' check from {level}{mark}, on {len(report)} writers' sets with the rules they met fresh: "
              f"of {sum(r['emergencies']['rules_flag'] for r in report.values())} emergencies the rules caught, "
              f"{lost} stood down; of {sum(r['concerns']['rules_flag'] for r in report.values())} concerns the "
              f"rules took for emergencies, {spared} stood down")
    now_min = override_config()["rules_now_min_score"]
    now_scores = {kind: [s for r in report.values() for s in r[kind]["scores_happening_now_today"]]
                  for kind in ("emergencies", "concerns")}
    print(f"said to be happening now by today's rules, the check from {now_min} (configured): of "
          f"{len(now_scores['emergencies'])} emergencies, {_below(now_scores['emergencies'], now_min)} stood down; "
          f"of {len(now_scores['concerns'])} concerns, {_below(now_scores['concerns'], now_min)} stood down")
    if args.json:
        figures = {"threshold": threshold, "lowest_emergency_score": lowest,
                   "lowest_with_happening_now_today": lowest_with_now, "sets": report, "levels": summary}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _below(scores: List[float], level: float) -> int:
    return sum(1 for s in scores if s < level)


if __name__ == "__main__":
    main()
