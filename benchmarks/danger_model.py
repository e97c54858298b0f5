"""The 999 decision on words from a writer it never learned from (issue 11).

Each tuning set (tests/dev, dev_b ... dev_k) was written by a different
writer. For each in turn, the danger score (seen.danger_model) is trained as
components.emergency_override trains it, on the bot's NLU examples and every
other tuning set, and then judges the left-out set's emergencies and concerns
beside the rules and the intent classifier (trained on the NLU examples only,
so fresh to every set). The rules' check, the score learned from rule-matched
messages only, is trained the same way without the left-out set. The rules
themselves were tuned on every set, so the rules-alone line flatters them;
the scores' and the classifier's are fresh.

    .venv/bin/python -m benchmarks.danger_model [--folds 10] [--json out.json]

Prints, for each pair of thresholds, emergencies caught and concerns taken for
emergencies over all sets; all the judges together (the passages' scores
from each threshold, 2.0 for never), for each score the
classifier's alarm may need, with the lowest score of an emergency only that
alarm catches; the rules' check at several thresholds, with the lowest check
score an emergency got; and the configured judges by set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import yaml
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from benchmarks.parsing import ROOT
from seen.danger_model import DangerModel, fit_rules_check, matched_by_rules, tuning_examples
from seen.embeddings import default_embedder
from seen.intent_model import IntentModel
from seen.intents import EMERGENCY_INTENT
from seen.safety import HAPPENING_NOW, default_detector

#: (the rules' check stands them down below, the score alone from).
PAIRS = ((0.0, 0.6), (0.0, 0.7), (0.0, 0.9), (0.0, 0.8), (0.01, 0.8), (0.02, 0.8), (0.05, 0.8), (0.0, 1.01))
#: Where a passage's score alone may give the 999 reply.
PASSAGES = (0.9, 0.95, 0.97, 0.99, 0.995, 2.0)
#: Where the rules' check may stand the rules down, beside the configured one.
CHECKS = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1)


def override_config() -> dict:
    config = yaml.safe_load((ROOT / "bot" / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["pipeline"] if c["name"].endswith("EmergencyOverride"))


def _configured() -> Tuple[float, float]:
    return override_config()["rules_min_score"], override_config()["danger_min_score"]


def _now_min() -> float:
    """Where the rules' check may stand down a danger said to be happening now."""
    return override_config()["rules_now_min_score"]


def _nlu_examples() -> List[Message]:
    data = TrainingData().merge(*[load_data(str(f)) for f in sorted((ROOT / "bot" / "data").glob("**/nlu/*.yml"))])
    return [m for m in data.intent_examples if m.get(TEXT)]


def nlu_examples_by_kind() -> Tuple[List[str], List[str]]:
    examples = _nlu_examples()
    return ([m.get(TEXT) for m in examples if m.get(INTENT) == EMERGENCY_INTENT],
            [m.get(TEXT) for m in examples if m.get(INTENT) != EMERGENCY_INTENT])


def _classifier(embedder) -> IntentModel:
    """The intent classifier as components.intent_classifier trains it: on the
    bot's NLU examples only, so every tuning set is fresh to it."""
    examples = _nlu_examples()
    return IntentModel(embedder).fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])


def scores_by_set(folds: Optional[int] = None) -> Dict[str, Dict[str, np.ndarray]]:
    """For each tuning set: its messages' labels, the rules' verdicts, and the
    scores of the danger model and the rules' check trained without it; with
    ``folds``, without its fold of the sets instead (each fold every
    ``folds``-th writer), for a run in minutes rather than an hour."""
    folders = sorted(p for p in ROOT.glob("tests/dev*") if p.is_dir())
    groups = [folders[i::folds] for i in range(folds)] if folds else [[folder] for folder in folders]
    nlu_emergencies, nlu_others = nlu_examples_by_kind()
    detector = default_detector()
    embedder = default_embedder()  # each training text embedded once for all the trainings
    classifier = _classifier(embedder)
    every_emergency, every_concern = tuning_examples(folders)
    matched = set(matched_by_rules(every_emergency + every_concern + nlu_emergencies + nlu_others))
    result: Dict[str, Dict[str, np.ndarray]] = {}
    for group in groups:
        emergencies, concerns = tuning_examples([f for f in folders if f not in group])
        emergencies, concerns = emergencies + nlu_emergencies, concerns + nlu_others
        model = DangerModel(embedder).fit(emergencies, concerns)
        check = fit_rules_check(embedder, emergencies, concerns, matched=matched)
        for left_out in group:
            scored = result[left_out.name] = _scored(left_out, detector, classifier, model, check)
            print(f"scored {left_out.name}: {int(scored['emergency'].sum())} emergencies, "
                  f"{int((~scored['emergency']).sum())} concerns")
    return result


def _scored(left_out: Path, detector, classifier: IntentModel, model: DangerModel,
            check: DangerModel) -> Dict[str, np.ndarray]:
    """One left-out set's labels, the rules' verdicts and each judge's scores."""
    test_emergencies, test_concerns = tuning_examples([left_out])
    texts = test_emergencies + test_concerns
    found = [detector.detect(t) for t in texts]
    return {
        "emergency": np.array([True] * len(test_emergencies) + [False] * len(test_concerns)),
        "rules": np.array([f is not None for f in found]),
        "now": np.array([f is not None and HAPPENING_NOW in f.categories for f in found]),
        "check": np.array(check.scores(texts)),
        "score": np.array(model.scores(texts)),
        "passage": np.array(model.passage_scores(texts)),
        "classifier": np.array([dict(r).get(EMERGENCY_INTENT, 0.0) for r in classifier.rank(texts)]),
        "reassured": np.array([detector.reassured(t) for t in texts]),
    }


def _rules(data: Dict[str, np.ndarray], check_min: float) -> np.ndarray:
    """The rules' matches that stand: the check at ``check_min``, or at the
    configured floor for a danger said to be happening now."""
    return data["rules"] & ((data["now"] & (data["check"] >= _now_min())) | (data["check"] >= check_min))


def judged(data: Dict[str, np.ndarray], check_min: float, alone: float) -> np.ndarray:
    """The rules and the score alone (without the classifier and the
    reassurance check)."""
    return _rules(data, check_min) | (data["score"] >= alone)


def three_judges(data: Dict[str, np.ndarray], classifier_min: float, classifier_min_score: float,
                 score_min: float, check_min: float, over_the_check: bool = False,
                 reassured_max: Optional[float] = None, passage_min: Optional[float] = None) -> np.ndarray:
    """The component's verdict, the classifier, the passages' scores and the
    reassurance check included; the classifier's alarm only where the rules
    found nothing (where they did, their check has the last word but for the
    scores alone), or, ``over_the_check``, wherever the rules' verdict did not
    stand (as before 2026-12-04's eleventh session). The reassurance check
    holds below ``reassured_max``, and a passage gives the reply from
    ``passage_min`` (2 for never): the configured ones unless given."""
    reassured_max = override_config()["reassured_max_score"] if reassured_max is None else reassured_max
    passage_min = override_config()["passage_min_score"] if passage_min is None else passage_min
    where = ~_rules(data, check_min) if over_the_check else ~data["rules"]
    learned = (data["score"] >= score_min) | ((data["classifier"] >= classifier_min) & where
                                              & (data["score"] >= classifier_min_score))
    vetoed = data["reassured"] & (data["score"] < reassured_max)
    by_passage = (data["passage"] >= passage_min) & ~(data["reassured"] & (data["passage"] < reassured_max))
    return _rules(data, check_min) | (learned & ~vetoed) | by_passage


def _figures(data: Dict[str, np.ndarray], verdict: np.ndarray) -> Dict[str, int]:
    emergency = data["emergency"]
    return {"emergencies": int(emergency.sum()), "caught": int((verdict & emergency).sum()),
            "concerns": int((~emergency).sum()), "false_alarms": int((verdict & ~emergency).sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--folds", type=int, help="leave out a fold of writers at a time, not one writer")
    args = parser.parse_args()
    sets = scores_by_set(args.folds)
    every = {key: np.concatenate([s[key] for s in sets.values()])
             for key in ("emergency", "rules", "now", "check", "score", "passage", "classifier", "reassured")}
    configured = _configured()
    report: Dict[str, object] = {"configured": list(configured)}
    rules = _figures(every, every["rules"])
    print(f"rules alone (tuned on every set): caught {rules['caught']}/{rules['emergencies']}, "
          f"false alarms {rules['false_alarms']}/{rules['concerns']}")
    report["rules_alone"] = rules
    report["pairs"] = {}
    for check_min, alone in (configured, *[p for p in PAIRS if p != configured]):
        figures = _figures(every, judged(every, check_min, alone))
        report["pairs"][f"{check_min}/{alone}"] = figures
        print(f"rules' check from {check_min}, score alone from {alone}: caught "
              f"{figures['caught']}/{figures['emergencies']}, false alarms {figures['false_alarms']}/"
              f"{figures['concerns']} ({figures['false_alarms'] / figures['concerns']:.1%})")
    override = override_config()
    three = (override["classifier_min_confidence"], override["classifier_min_score"], override["danger_min_score"])
    report["three_judges"] = {}
    for needs in sorted({0.0, 0.02, 0.03, 0.1, 0.2, 0.3, 0.4, override["classifier_min_score"]}):
        figures = _figures(every, three_judges(every, three[0], needs, three[2], configured[0]))
        report["three_judges"][str(needs)] = figures
        mark = " (configured)" if needs == override["classifier_min_score"] else ""
        print(f"all judges, the classifier's alarm needing a score of {needs}{mark}: caught "
              f"{figures['caught']}/{figures['emergencies']}, false alarms {figures['false_alarms']}/"
              f"{figures['concerns']} ({figures['false_alarms'] / figures['concerns']:.1%})")
    before = _figures(every, three_judges(every, *three, configured[0], over_the_check=True))
    report["three_judges"]["classifier_over_the_check"] = before
    print(f"all judges, the classifier's alarm overruling the rules' check as before: caught "
          f"{before['caught']}/{before['emergencies']}, false alarms {before['false_alarms']}/{before['concerns']}")
    for reassured_max in (0.9, 1.01):
        figures = _figures(every, three_judges(every, *three, configured[0], reassured_max=reassured_max))
        report["three_judges"][f"reassurance_below_{reassured_max}"] = figures
        print(f"all judges, the reassurance check holding below a score of {reassured_max} (configured "
              f"{override['reassured_max_score']}): caught {figures['caught']}/{figures['emergencies']}, "
              f"false alarms {figures['false_alarms']}/{figures['concerns']}")
    for passage_min in sorted({*PASSAGES, override["passage_min_score"]}):
        figures = _figures(every, three_judges(every, *three, configured[0], passage_min=passage_min))
        report["three_judges"][f"passages_from_{passage_min}"] = figures
        mark = " (configured)" if passage_min == override["passage_min_score"] else ""
        print(f"all judges, a passage giving the reply from a score of {passage_min}{mark}: caught "
              f"{figures['caught']}/{figures['emergencies']}, false alarms {figures['false_alarms']}/"
              f"{figures['concerns']}")
    classifier_only = (every["emergency"] & ~every["rules"] & (every["score"] < three[2])
                       & (every["classifier"] >= three[0]) & ~every["reassured"])
    lowest_alarm = float(every["score"][classifier_only].min()) if classifier_only.any() else 1.0
    least_sure = float(every["classifier"][classifier_only].min()) if classifier_only.any() else 1.0
    report["three_judges"]["lowest_emergency_only_the_classifier_catches"] = lowest_alarm
    report["three_judges"]["least_sure_emergency_only_the_classifier_catches"] = least_sure
    print(f"the classifier's alarm: the lowest score of an emergency only it catches ({int(classifier_only.sum())}): "
          f"{lowest_alarm:.4f}; the classifier's lowest confidence in one: {least_sure:.3f} "
          f"(configured from {three[0]})")
    emergencies_matched = every["rules"] & every["emergency"] & ~every["now"]
    lowest = float(every["check"][emergencies_matched].min()) if emergencies_matched.any() else 1.0
    report["rules_check"] = {"lowest_emergency": lowest}
    print(f"the rules' check: the lowest score of an emergency the rules match, not said to be now: {lowest:.4f}")
    now = every["rules"] & every["now"]
    lowest_now = float(every["check"][now & every["emergency"]].min()) if (now & every["emergency"]).any() else 1.0
    spared_now = int((now & ~every["emergency"] & (every["check"] < _now_min())).sum())
    report["rules_check"]["lowest_emergency_happening_now"] = lowest_now
    report["rules_check"]["concerns_said_now_stood_down"] = spared_now
    concerns_now = int((now & ~every["emergency"]).sum())
    print(f"the rules' check on dangers said to be happening now: the lowest emergency {lowest_now:.4f}; "
          f"from {_now_min()} (configured) it stands down {spared_now} of {concerns_now} concerns")
    for check_min in sorted({*CHECKS, configured[0]}):
        figures = _figures(every, three_judges(every, *three, check_min))
        rules = _figures(every, _rules(every, check_min))
        report["rules_check"][str(check_min)] = {"three_judges": figures, "rules": rules}
        mark = " (configured)" if check_min == configured[0] else ""
        print(f"the rules' check from {check_min}{mark}: the rules catch {rules['caught']}, false alarms "
              f"{rules['false_alarms']}; all judges catch {figures['caught']}/{figures['emergencies']}, "
              f"false alarms {figures['false_alarms']}/{figures['concerns']} "
              f"({figures['false_alarms'] / figures['concerns']:.1%})")
    report["by_set"] = {}
    for name, data in sets.items():
        figures = _figures(data, three_judges(data, *three, configured[0]))
        report["by_set"][name] = figures
        print(f"  {name}: caught {figures['caught']}/{figures['emergencies']}, "
              f"false alarms {figures['false_alarms']}/{figures['concerns']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
