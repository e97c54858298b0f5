"""The details model on words from a writer it never learned from (issue 11).

Each tuning set (tests/dev, dev_b ...) was written by a different writer.
For each in turn, seen.details_model is trained on every other set's
labelled concern openers, then finds the questions the left-out set's
openers answer, beside the words in knowledge/reflection.yml (which were
tuned on every set, so the words-alone line flatters them; the model's
additions are fresh). Counts only the reflective questions (role, age and
area have rules of their own):

    .venv/bin/python -m benchmarks.details_model [--json out.json]

For each threshold: labelled answers found (by the words, or by the words and
the model), and answers noted that no label asked for (some are true: the
writers labelled what mattered most to them, not everything); then, at the
threshold bot/config.yml sets, the same by question.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List

import yaml

from benchmarks.concern_openers import expected
from benchmarks.parsing import ROOT
from seen import details, knowledge
from seen.details_model import DetailsModel, labelled_openers, split
from seen.embeddings import default_embedder

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _configured() -> float:
    config = yaml.safe_load((ROOT / "bot" / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["pipeline"] if c["name"].endswith("DetailsHeard"))["threshold"]


def _openers(folder: Path) -> List[dict]:
    path = folder / "concern_openers.yml"
    items = yaml.safe_load(path.read_text(encoding="utf-8")).get("openers") or [] if path.exists() else []
    return [i for i in items if isinstance(i, dict) and i.get("details")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    kb = knowledge.default()
    contexts = set(details.CONTEXT_KINDS)
    folders = sorted(p for p in ROOT.glob("tests/dev*") if p.is_dir() and _openers(p))
    embedder = default_embedder()
    wanted: List[Dict[str, object]] = []
    by_words: List[Dict[str, object]] = []
    learned: List[Dict[str, float]] = []
    askable: List[set] = []
    for left_out in folders:
        model = DetailsModel(embedder).fit(*labelled_openers([f for f in folders if f != left_out]))
        items = _openers(left_out)
        learned += model.probabilities([i["text"] for i in items])
        for item in items:
            wanted.append({k: v for k, v in expected(kb, item["details"]).items() if k not in contexts})
            band = details.age_band_of(kb, item["text"])
            askable.append({q.id for q in kb.reflection.questions if details.may_ask(q, band)})
            found = details.opening(kb, item["text"]).answers
            by_words.append({q: "text" if a["value"] is None else a["value"] for q, a in found.items()})
        print(f"{left_out.name}: {len(items)} labelled openers")
    report: Dict[str, object] = {"labelled_answers": sum(len(w) for w in wanted)}
    configured = _configured()
    for threshold in (None, *THRESHOLDS):
        noted = [_noted(*item, threshold) for item in zip(by_words, learned, askable, strict=True)]
        found_right = sum(n.get(q) == v for want, n in zip(wanted, noted, strict=True) for q, v in want.items())
        unlabelled = sum(len(set(n) - set(want)) for want, n in zip(wanted, noted, strict=True))
        name = "words alone" if threshold is None else f"words and the model from {threshold}"
        report[name] = {"found": found_right, "noted_unlabelled": unlabelled}
        print(f"{name}: found {found_right}/{report['labelled_answers']} "
              f"({found_right / report['labelled_answers']:.1%}), noted without a label {unlabelled}")
    print(f"by question, the words alone -> with the model from {configured}:")
    alone = [dict(words) for words in by_words]
    both = [_noted(*item, configured) for item in zip(by_words, learned, askable, strict=True)]
    report["by_question"] = {}
    for question in (q.id for q in kb.reflection.questions if q.kind not in contexts):
        row = {}
        for name, noted in (("alone", alone), ("model", both)):
            pairs = list(zip(wanted, noted, strict=True))
            row[f"found_{name}"] = sum(n.get(question) == w[question] for w, n in pairs if question in w)
            row[f"unlabelled_{name}"] = sum(question in n and question not in w for w, n in pairs)
        labelled = sum(question in w for w in wanted)
        report["by_question"][question] = {"labelled": labelled, **row}
        print(f"  {question:22s} labelled {labelled:4d}  found {row['found_alone']:4d} -> {row['found_model']:4d}"
              f"  noted without a label {row['unlabelled_alone']:4d} -> {row['unlabelled_model']:4d}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


def _noted(words: Dict[str, object], probabilities: Dict[str, float], askable: set, threshold) -> Dict[str, object]:
    """What the reflection notes: the words' answers, then the model's surest
    answer to each question the words left that may be asked at the child's
    age (as seen.details.opening adds them)."""
    noted = dict(words)
    if threshold is None:
        return noted
    for answer, p in sorted(probabilities.items(), key=lambda pair: -pair[1]):
        question, value = split(answer)
        if p >= threshold and question not in noted and question in askable:
            noted[question] = value or "text"
    return noted


if __name__ == "__main__":
    main()
