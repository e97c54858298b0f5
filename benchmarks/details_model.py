"""The details model on words from a writer it never learned from (issue 11).

Each tuning set (tests/dev, dev_b ...) was written by a different writer.
For each in turn, seen.details_model is trained on every other set's
labelled concern openers, then the left-out set's openers go through
seen.details.opening as a reflection takes them: the words in
knowledge/reflection.yml first (tuned on every set, so the words-alone line
flatters them), then the model's answers (fresh). Counts only the reflective
questions (role, age and area have rules of their own):

    .venv/bin/python -m benchmarks.details_model [--json out.json]

For each threshold: labelled answers found, and answers noted that no label
asked for (some are true: the writers labelled what mattered most to them,
not everything); then, at the threshold bot/config.yml sets, the same by
question.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from benchmarks.concern_openers import expected, load
from benchmarks.parsing import ROOT
from seen import details, knowledge
from seen.details_model import DetailsModel, labelled_openers
from seen.embeddings import default_embedder
from seen.knowledge import Knowledge

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
WORDS_ALONE = None

Noted = Dict[str, object]


def _configured() -> float:
    config = yaml.safe_load((ROOT / "bot" / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["pipeline"] if c["name"].endswith("DetailsHeard"))["threshold"]


def _labelled(folder: Path) -> List[dict]:
    return [item for item in load(folder, "concern_openers.yml", "openers") if item.get("details")]


def _noted(kb: Knowledge, model: DetailsModel, text: str, threshold: Optional[float]) -> Noted:
    """What a reflection notes from an opening message, in the labels' terms."""
    learned = model.answered(text, details.clauses(text), threshold) if threshold is not WORDS_ALONE else None
    answers = details.opening(kb, text, learned).answers
    return {q: "text" if a["value"] is None else a["value"] for q, a in answers.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    kb = knowledge.default()
    configured = _configured()
    thresholds = (WORDS_ALONE, *sorted({*THRESHOLDS, configured}))
    folders = [p for p in sorted(ROOT.glob("tests/dev*")) if p.is_dir() and _labelled(p)]
    wanted: List[Noted] = []
    noted: Dict[Optional[float], List[Noted]] = {t: [] for t in thresholds}
    for left_out in folders:
        model = DetailsModel(default_embedder()).fit(*labelled_openers([f for f in folders if f != left_out]))
        items = _labelled(left_out)
        for item in items:
            wanted.append({k: v for k, v in expected(kb, item["details"]).items() if k not in details.CONTEXT_KINDS})
            for threshold in thresholds:  # the same text each time: embedded once
                noted[threshold].append(_noted(kb, model, item["text"], threshold))
        print(f"{left_out.name}: {len(items)} labelled openers")
    labelled = sum(len(w) for w in wanted)
    report: Dict[str, object] = {"labelled_answers": labelled}
    for threshold in thresholds:
        found = sum(n.get(q) == v for w, n in zip(wanted, noted[threshold], strict=True) for q, v in w.items())
        unlabelled = sum(len(set(n) - set(w)) for w, n in zip(wanted, noted[threshold], strict=True))
        name = "words alone" if threshold is WORDS_ALONE else f"words and the model from {threshold}"
        report[name] = {"found": found, "noted_unlabelled": unlabelled}
        print(f"{name}: found {found}/{labelled} ({found / labelled:.1%}), noted without a label {unlabelled}")
    print(f"by question, the words alone -> with the model from {configured}:")
    report["by_question"] = {}
    for question in (q.id for q in kb.reflection.questions if q.kind not in details.CONTEXT_KINDS):
        row: Dict[str, int] = {"labelled": sum(question in w for w in wanted)}
        for name, threshold in (("alone", WORDS_ALONE), ("model", configured)):
            pairs = list(zip(wanted, noted[threshold], strict=True))
            row[f"found_{name}"] = sum(n.get(question) == w[question] for w, n in pairs if question in w)
            row[f"unlabelled_{name}"] = sum(question in n and question not in w for w, n in pairs)
        report["by_question"][question] = row
        print(f"  {question:22s} labelled {row['labelled']:4d}  found {row['found_alone']:4d} -> "
              f"{row['found_model']:4d}  noted without a label {row['unlabelled_alone']:4d} -> "
              f"{row['unlabelled_model']:4d}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
